//! [`EvidenceMap`]: glob rules that say which gates the tests of an untagged
//! suite exercise (`PATTERN => GateName`, one a line).

use std::path::Path;

use super::error::{EvidenceError, Problem};

/// The largest map file [`EvidenceMap::from_path`] reads.
const MAX_MAP_BYTES: u64 = 1 << 20;

/// The most rules a map holds: each test is matched against every rule,
/// so the work per test stays bounded (a project maps a few dozen suites).
const MAX_RULES: usize = 1000;

/// The longest pattern of a rule: a glob costs up to pattern x name steps,
/// and test names are at most 4 KiB, so each match stays bounded.
const MAX_PATTERN_BYTES: usize = 1024;

/// Rules mapping tests to gates, for suites whose tests carry no
/// `[FeatureGate:X]` tag (KubeVirt's, Rust's).
///
/// One rule a line, `PATTERN => GateName`; `#` starts a comment, blank
/// lines are skipped. PATTERN is a glob over the test's `classname` and
/// name joined by `::` (a case without `classname` is its name alone; a
/// Ginkgo name without its trailing label list): `*` matches any run of
/// characters, `?` one character, every other character itself (brackets
/// included). A test may match several rules, and so exercise several gates.
///
/// ```
/// use featuregate::evidence::EvidenceMap;
///
/// let map = EvidenceMap::parse(
///     "# KubeVirt's functests name no gates\n\
///      *[sig-storage]*hotplug* => HotplugVolumes\n\
///      kubevirt_gates::snapshot::* => Snapshot\n",
/// )
/// .unwrap();
/// assert_eq!(map.len(), 2);
/// assert!(EvidenceMap::parse("no arrow here").is_err());
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvidenceMap {
    rules: Vec<Rule>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Rule {
    pub(super) pattern: String,
    /// The pattern's longest run without a wildcard: a text that lacks it
    /// cannot match, which `str::contains` tells faster than the glob.
    needle: String,
    pub(super) gate: String,
    /// 1-based line of the map.
    pub(super) line: usize,
}

impl EvidenceMap {
    /// An empty map: tests map to gates by their tags only.
    #[must_use]
    pub fn new() -> EvidenceMap {
        EvidenceMap::default()
    }

    /// Reads the rules of `text`; a malformed line is an error naming its
    /// number.
    pub fn parse(text: &str) -> Result<EvidenceMap, EvidenceError> {
        EvidenceMap::parse_named(text, "map")
    }

    /// Reads a map file (at most 1 MiB); errors name the file.
    pub fn from_path(path: impl AsRef<Path>) -> Result<EvidenceMap, EvidenceError> {
        use std::io::Read as _;
        let path = path.as_ref();
        let label = path.to_string_lossy();
        let file = std::fs::File::open(path).map_err(|e| EvidenceError::io(&label, e))?;
        let mut bytes = Vec::new();
        file.take(MAX_MAP_BYTES + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| EvidenceError::io(&label, e))?;
        if bytes.len() as u64 > MAX_MAP_BYTES {
            return Err(EvidenceError::new(
                &label,
                Problem::TooLarge {
                    limit: MAX_MAP_BYTES,
                },
            ));
        }
        let text = String::from_utf8(bytes).map_err(|e| {
            EvidenceError::new(
                &label,
                Problem::NotUtf8 {
                    at: e.utf8_error().valid_up_to() as u64,
                },
            )
        })?;
        EvidenceMap::parse_named(&text, &label)
    }

    fn parse_named(text: &str, label: &str) -> Result<EvidenceMap, EvidenceError> {
        let mut rules = Vec::new();
        for (i, raw) in text.lines().enumerate() {
            let line = raw.trim();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let bad = |detail| {
                EvidenceError::new(
                    label,
                    Problem::MapLine {
                        line: i + 1,
                        detail,
                    },
                )
            };
            let Some((pattern, gate)) = line.split_once("=>") else {
                return Err(bad("expected `PATTERN => GateName`"));
            };
            let (pattern, gate) = (pattern.trim(), gate.trim());
            if pattern.is_empty() {
                return Err(bad("the pattern before `=>` is empty"));
            }
            if pattern.len() > MAX_PATTERN_BYTES {
                return Err(bad("the pattern is over 1,024 bytes"));
            }
            if gate.is_empty() {
                return Err(bad("the gate name after `=>` is empty"));
            }
            if gate.contains(char::is_whitespace) || gate.contains("=>") {
                return Err(bad("one gate name per rule, without spaces"));
            }
            let needle = pattern
                .split(['*', '?'])
                .max_by_key(|s| s.len())
                .unwrap_or_default()
                .to_owned();
            if rules.len() == MAX_RULES {
                return Err(bad(
                    "more than 1,000 rules; each test is matched against every rule",
                ));
            }
            rules.push(Rule {
                needle,
                pattern: pattern.to_owned(),
                gate: gate.to_owned(),
                line: i + 1,
            });
        }
        Ok(EvidenceMap { rules })
    }

    /// How many rules.
    #[must_use]
    pub fn len(&self) -> usize {
        self.rules.len()
    }

    /// Whether there is no rule.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.rules.is_empty()
    }

    /// The gate names the rules give `test` (`classname::name`), in rule order.
    pub fn gates_of<'a>(&'a self, test: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.rules
            .iter()
            .filter(move |rule| rule.matches(test))
            .map(|rule| rule.gate.as_str())
    }

    pub(super) fn rules(&self) -> &[Rule] {
        &self.rules
    }
}

impl Rule {
    /// Whether the test `classname::name` matches the rule's pattern.
    pub(super) fn matches(&self, test: &str) -> bool {
        test.contains(self.needle.as_str()) && glob(self.pattern.as_bytes(), test.as_bytes())
    }
}

/// Whether `text` matches `pattern` (`*` any run, `?` one UTF-8
/// character). Greedy with one backtrack point, the last `*`: at most
/// pattern x text steps, never exponential.
fn glob(pattern: &[u8], text: &[u8]) -> bool {
    let (mut p, mut t) = (0, 0);
    let mut star: Option<(usize, usize)> = None;
    while t < text.len() {
        match pattern.get(p) {
            Some(b'*') => {
                star = Some((p, t));
                p += 1;
            }
            Some(b'?') => {
                p += 1;
                t += char_len(text[t]);
            }
            Some(&c) if c == text[t] => {
                p += 1;
                t += 1;
            }
            _ => match star {
                Some((sp, st)) => {
                    let next = st + char_len(text[st]);
                    star = Some((sp, next));
                    p = sp + 1;
                    t = next;
                }
                None => return false,
            },
        }
    }
    pattern[p.min(pattern.len())..].iter().all(|&c| c == b'*') && t == text.len()
}

/// The length of the UTF-8 character that starts with `lead`.
fn char_len(lead: u8) -> usize {
    match lead {
        0xF0.. => 4,
        0xE0.. => 3,
        0xC0.. => 2,
        _ => 1,
    }
}

#[cfg(test)]
mod tests {
    use super::glob;

    #[test]
    fn globs() {
        let m = |p: &str, t: &str| glob(p.as_bytes(), t.as_bytes());
        assert!(m("a*c", "abbbc"));
        assert!(m("*", ""));
        assert!(m("a?c", "aéc"));
        assert!(!m("a?c", "ac"));
        assert!(m("[sig-storage]*", "[sig-storage] x"));
        assert!(!m("a*b", "aaaa"));
        assert!(m("*::snap*", "crate::snapshot_works"));
        let long = "a".repeat(10_000);
        assert!(!m("*a*a*a*a*b", &long));
    }
}
