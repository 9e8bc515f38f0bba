//! The near misses of a file's or an object's keys: `feature_gates` for
//! `featureGates`, an invisible character spliced in, a cut-short form.

/// Which of `expected` the key `key` nearly is without being it: the same
/// but for case, `_`, `-` and spaces, an edit away (two for keys longer
/// than five bytes; compared ignoring case), or a cut-short form holding at
/// least two thirds of it (`developerConfig` for `developerConfiguration`).
/// A key far longer than every expected one is never a near miss, which
/// also keeps the work bounded.
pub(crate) fn near_miss<'a>(key: &str, expected: &[&'a str]) -> Option<&'a str> {
    if expected.contains(&key) {
        return None;
    }
    // Invisible characters (`feature\u{200b}Gates`) are taken out first: a
    // key that only they tell apart is a near miss.
    let visible: String = key
        .chars()
        .filter(|&c| !crate::text::escape::needs_escape(c))
        .collect();
    let key = visible.as_str();
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let (key_folded, key_lower) = (fold(key), key.to_ascii_lowercase());
    expected.iter().copied().find(|right| {
        let edits = if right.len() <= 5 { 1 } else { 2 };
        let right_folded = fold(right);
        key.len() < 4 * right.len()
            && (key_folded == right_folded
                || (3 * key_folded.len() >= 2 * right_folded.len()
                    && right_folded.starts_with(&key_folded))
                || (key.len() <= right.len() + edits
                    && strsim::levenshtein(&key_lower, &right.to_ascii_lowercase()) <= edits))
    })
}

#[cfg(test)]
mod tests {
    #[test]
    fn near_misses_of_keys() {
        let keys = ["featureGates", "disabledFeatureGates"];
        for (key, right) in [
            ("feature_gates", Some("featureGates")),
            ("featuregates", Some("featureGates")),
            ("FeatureGates", Some("featureGates")),
            ("featureGate", Some("featureGates")),
            ("disabledFeatureGate", Some("disabledFeatureGates")),
            ("featureGates", None),
            ("developerConfiguration", None),
            ("featureGat", Some("featureGates")),
            ("feature", None),
            ("gates", None),
        ] {
            assert_eq!(super::near_miss(key, &keys), right, "{key}");
        }
        assert_eq!(super::near_miss("Kind", &["kind"]), Some("kind"));
        assert_eq!(super::near_miss("kinds", &["kind"]), Some("kind"));
        assert_eq!(super::near_miss("kin_d_s_x", &["kind"]), None);
        let cr = ["spec", "configuration", "developerConfiguration"];
        assert_eq!(
            super::near_miss("developerConfig", &cr),
            Some("developerConfiguration")
        );
        assert_eq!(super::near_miss("config", &cr), None);
        assert_eq!(super::near_miss("migrations", &cr), None);
        let huge = "f".repeat(100_000);
        assert_eq!(super::near_miss(&huge, &keys), None);
    }
}
