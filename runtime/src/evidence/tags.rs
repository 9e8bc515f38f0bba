//! What a test's name says: the gates its tags and Ginkgo labels name, and
//! the name that identifies the test (Ginkgo's trailing label list removed).

/// The tag prefixes in a name (`[FeatureGate:X]`, Kubernetes'; and
/// `[OCPFeatureGate:X]`, OpenShift's) and in a Ginkgo label.
const PREFIXES: [&str; 2] = ["FeatureGate:", "OCPFeatureGate:"];

/// The longest gate name a tag may hold and still name a gate (section 3);
/// a longer one is kept cut to one byte more, which names no gate either.
const MAX_TAG_BYTES: usize = 129;

/// The name without Ginkgo's trailing label list, and that list's text.
/// Ginkgo writes a spec as `[It] text [label, label]`: a leaf-node type in
/// brackets first, the labels last. Without the leading node type the name
/// is not Ginkgo's and nothing is removed (a trailing `[Serial]` of another
/// tool is part of the name).
pub(super) fn split_labels(name: &str) -> (&str, Option<&str>) {
    if !name.starts_with('[') || !name.ends_with(']') {
        return (name, None);
    }
    let Some(open) = name.rfind(" [") else {
        return (name, None);
    };
    let list = &name[open + 2..name.len() - 1];
    if list.contains(['[', ']']) || open < name.find(']').unwrap_or(0) {
        return (name, None);
    }
    (&name[..open], Some(list))
}

/// The gate names a test names: each `[FeatureGate:X]` or
/// `[OCPFeatureGate:X]` in its text, and each `FeatureGate:X` label.
/// Calls `found` once per occurrence (the caller keeps each name once).
pub(super) fn gate_names(text: &str, labels: Option<&str>, mut found: impl FnMut(&str)) {
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        rest = &rest[open + 1..];
        let Some(close) = rest.find(']') else { break };
        let inner = &rest[..close];
        if let Some(name) = tag(inner) {
            found(name);
            rest = &rest[close + 1..];
        }
    }
    for label in labels.into_iter().flat_map(|list| list.split(',')) {
        if let Some(name) = tag(label.trim()) {
            found(name);
        }
    }
}

/// `FeatureGate:X` -> `X` (cut to [`MAX_TAG_BYTES`]).
fn tag(text: &str) -> Option<&str> {
    let name = PREFIXES.iter().find_map(|p| text.strip_prefix(p))?.trim();
    let mut end = name.len().min(MAX_TAG_BYTES);
    while !name.is_char_boundary(end) {
        end -= 1;
    }
    Some(&name[..end])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(name: &str) -> Vec<String> {
        let (text, labels) = split_labels(name);
        let mut out = Vec::new();
        gate_names(text, labels, |n| out.push(n.to_owned()));
        out
    }

    #[test]
    fn ginkgo_labels_come_off_the_name() {
        assert_eq!(
            split_labels("[It] boots [FeatureGate:A] [wg-arm64, FeatureGate:B]"),
            (
                "[It] boots [FeatureGate:A]",
                Some("wg-arm64, FeatureGate:B")
            )
        );
        assert_eq!(
            split_labels("test_one [Serial]"),
            ("test_one [Serial]", None)
        );
        assert_eq!(split_labels("[BeforeSuite]"), ("[BeforeSuite]", None));
        assert_eq!(
            names("[It] boots [FeatureGate:A] [wg-arm64, FeatureGate:B]"),
            ["A", "B"]
        );
        assert_eq!(names("[sig-node] x [OCPFeatureGate:C] [Beta]"), ["C"]);
        assert!(names("[It] nothing [plain]").is_empty());
    }
}
