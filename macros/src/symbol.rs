//! Every name the attribute understands, defined once and shared by the parser,
//! its messages and its tests. The runtime spells the same names in its enums
//! (`Arch`, `State`, `Support`); the two crates cannot share a module, so the
//! runtime's `declared_values` test declares a gate with every spelling here
//! and reads it back, which fails if the lists drift apart.

pub(crate) const STATE: &str = "state";
pub(crate) const NAME: &str = "name";
pub(crate) const MESSAGE: &str = "message";
pub(crate) const OTHERS: &str = "others";
pub(crate) const SINCE: &str = "since";
pub(crate) const OWNER: &str = "owner";
pub(crate) const USED_BY: &str = "used_by";
pub(crate) const CRATE: &str = "crate";
pub(crate) const REQUIRES: &str = "requires";

/// The stage keys, in lifecycle order: the order of [`STATES`], each the
/// release in which the gate entered that state.
pub(crate) const STAGES: [&str; 5] = ["alpha", "beta", "ga", "deprecated", "discontinued"];

/// The longest gate name, in bytes.
pub(crate) const NAME_MAX: usize = 128;

/// What a gate name may hold, said once for every message about it.
pub(crate) const NAME_RULE: &str =
    "a gate name is 1 to 128 bytes: an ASCII letter, then ASCII letters, digits, `-`, `_` or `.`";

/// Names a configuration gives a meaning of its own (every Alpha gate,
/// every Beta gate), reserved in any case.
pub(crate) const RESERVED: [&str; 2] = ["AllAlpha", "AllBeta"];

/// The longest string of the attribute, in bytes: the descriptor keeps each
/// one's length in a `u16`.
pub(crate) const STRING_MAX: usize = u16::MAX as usize;

/// Architectures, in the order of the runtime's `Arch` (their codes).
pub(crate) const ARCHS: [&str; 5] = ["amd64", "arm64", "s390x", "ppc64le", "riscv64"];

/// The index of `word` in `names`: a plain loop that compares lengths
/// first, which the unoptimised proc macro of a user's dev profile runs
/// several times faster than an iterator's `position`.
pub(crate) fn index(names: &[&str], word: &str) -> Option<usize> {
    let mut i = 0;
    while i < names.len() {
        if names[i].len() == word.len() && names[i] == word {
            return Some(i);
        }
        i += 1;
    }
    None
}

/// Every key, in the order the documentation lists them.
pub(crate) const KEYS: [&str; 19] = [
    STATE, NAME, MESSAGE, ARCHS[0], ARCHS[1], ARCHS[2], ARCHS[3], ARCHS[4], OTHERS, SINCE, OWNER,
    USED_BY, REQUIRES, STAGES[0], STAGES[1], STAGES[2], STAGES[3], STAGES[4], CRATE,
];

/// States, in the order of the runtime's `State` (their codes).
pub(crate) const STATES: [&str; 5] = ["Alpha", "Beta", "GA", "Deprecated", "Discontinued"];

/// Support values, in the order of the runtime's `Support` (codes 1..=4; 0 is
/// unspecified).
pub(crate) const SUPPORTS: [&str; 4] = ["Supported", "Pending", "Unsupported", "Unverified"];

/// Names people reach for instead of ours: the compiler's target names,
/// vendor names and short forms. Compared ignoring ASCII case.
pub(crate) const ARCH_SYNONYMS: [(&str, &str); 21] = [
    ("x86_64", "amd64"),
    ("x86", "amd64"),
    ("x64", "amd64"),
    ("amd", "amd64"),
    ("intel", "amd64"),
    ("aarch64", "arm64"),
    ("arm", "arm64"),
    ("armv8", "arm64"),
    ("arm64e", "arm64"),
    ("s390", "s390x"),
    ("z", "s390x"),
    ("ibmz", "s390x"),
    ("systemz", "s390x"),
    ("ppc64", "ppc64le"),
    ("ppc", "ppc64le"),
    ("powerpc64le", "ppc64le"),
    ("powerpc64", "ppc64le"),
    ("power", "ppc64le"),
    ("riscv", "riscv64"),
    ("riscv64gc", "riscv64"),
    ("rv64", "riscv64"),
];

/// States people reach for: Kubernetes and rustc spellings.
pub(crate) const STATE_SYNONYMS: [(&str, &str); 5] = [
    ("Stable", "GA"),
    ("GeneralAvailability", "GA"),
    ("Removed", "Discontinued"),
    ("Experimental", "Alpha"),
    ("Preview", "Beta"),
];

/// Similarity above which a known name is suggested: darling's threshold for
/// its own "did you mean", with the same Jaro-Winkler measure.
const THRESHOLD: f64 = 0.8;

/// The known name closest to `input`: a synonym, then a match ignoring case,
/// then the most similar name above the threshold.
pub(crate) fn closest(
    input: &str,
    known: &[&'static str],
    synonyms: &[(&str, &'static str)],
) -> Option<&'static str> {
    if let Some(&(_, canonical)) = synonyms.iter().find(|(s, _)| s.eq_ignore_ascii_case(input)) {
        return Some(canonical);
    }
    if let Some(&k) = known.iter().find(|k| k.eq_ignore_ascii_case(input)) {
        return Some(k);
    }
    let lower = input.to_ascii_lowercase();
    known
        .iter()
        .map(|&k| (strsim::jaro_winkler(&lower, &k.to_ascii_lowercase()), k))
        .filter(|&(score, _)| score > THRESHOLD)
        .max_by(|a, b| a.0.total_cmp(&b.0))
        .map(|(_, k)| k)
}

/// "did you mean `x`?" or the list of what is expected.
pub(crate) fn hint(suggestion: Option<&str>, known: &[&str]) -> String {
    match suggestion {
        Some(s) => format!("did you mean `{s}`?"),
        None => format!("expected one of: {}", known.join(", ")),
    }
}
