//! What a program is told to enable and disable: [`GateConfig`] and its
//! Kubernetes flag form (`A=true,B=false`). Plain data: nothing here knows
//! the rules of evaluation.

use std::collections::HashMap;
use std::fmt;
use std::str::FromStr;

use crate::ParseError;
use crate::config::parse_error::Problems;
use crate::vocab::name;

/// The gates a configuration names, in the shape of `KubeVirt`'s
/// `developerConfiguration`: names to enable and names to disable.
///
/// Parsing and deserializing check each name against the rule of gate names
/// (1 to 128 bytes: an ASCII letter, then ASCII letters, digits, `-`, `_`,
/// `.`); [`Registry::evaluate`](crate::Registry::evaluate) applies the rules,
/// and checks the names again for a configuration built by hand. The meta
/// names `AllAlpha` and `AllBeta` are kept as ordinary names and get their
/// meaning there.
///
/// With the `serde` feature the fields read and write `KubeVirt`'s names,
/// `featureGates` and `disabledFeatureGates`; a missing field is empty and an
/// empty one is left out, as `KubeVirt`'s `omitempty` does. Other keys are
/// ignored (`developerConfiguration` has many), except a near miss of these
/// two (`disabledFeatureGate`, `feature_gates`), which is an error naming
/// the right one.
///
/// ```
/// use featuregate::GateConfig;
///
/// let config: GateConfig = "ImageVolume=true, Snapshot=false".parse()?;
/// assert_eq!(config.enabled, ["ImageVolume"]);
/// assert_eq!(config.disabled, ["Snapshot"]);
/// assert_eq!(config.to_string(), "ImageVolume=true,Snapshot=false");
///
/// // A plain list enables each name.
/// assert_eq!(GateConfig::parse("A,B")?.enabled, ["A", "B"]);
///
/// let err = GateConfig::parse("A=true,B").unwrap_err();
/// assert_eq!((err.position(), err.entry()), (2, "B"));
///
/// // A name no gate can have is refused, never taken for an unknown one.
/// assert!(GateConfig::parse("\u{feff}ImageVolume=true").is_err());
/// # Ok::<(), featuregate::ParseError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct GateConfig {
    /// Names to enable (`KubeVirt`'s `featureGates`).
    #[cfg_attr(
        feature = "serde",
        serde(rename = "featureGates", skip_serializing_if = "Vec::is_empty")
    )]
    pub enabled: Vec<String>,
    /// Names to disable (`KubeVirt`'s `disabledFeatureGates`).
    #[cfg_attr(
        feature = "serde",
        serde(rename = "disabledFeatureGates", skip_serializing_if = "Vec::is_empty")
    )]
    pub disabled: Vec<String>,
}

/// Which of the two syntaxes a flag string uses; its first non-empty entry decides.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Form {
    /// `A=true,B=false`
    Flag,
    /// `A,B`
    List,
}

impl GateConfig {
    /// An empty configuration: every gate keeps its default.
    #[must_use]
    pub fn new() -> GateConfig {
        GateConfig::default()
    }

    /// Whether the configuration names no gate at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.enabled.is_empty() && self.disabled.is_empty()
    }

    /// Reads the Kubernetes `--feature-gates` flag form, `A=true,B=false`, or a
    /// plain list of names to enable, `A,B`.
    ///
    /// Entries are separated by commas; ASCII whitespace around names and
    /// values is trimmed and empty entries skipped. Values take Go's boolean spellings
    /// (`1 t T TRUE true True` and `0 f F FALSE false False`). The first
    /// non-empty entry decides the form, and the two do not mix. A name given
    /// twice is refused, and so is a name that breaks the rule of gate names.
    /// The error names every offending entry (at most 100) and its
    /// position, the 1-based index among the comma-separated entries as
    /// written (empty ones counted).
    ///
    /// Runs in time linear in the length of `s`.
    pub fn parse(s: &str) -> Result<GateConfig, ParseError> {
        let mut config = GateConfig::default();
        let mut form = None;
        // Name -> (position, entry) of its first occurrence: one hash per entry
        // keeps the duplicate check linear. foldhash, randomly seeded: fast,
        // and the names are not trusted to be kind to a fixed hash.
        let entries = s.bytes().filter(|&b| b == b',').count() + 1;
        let mut seen: HashMap<&str, (usize, &str), foldhash::fast::RandomState> =
            HashMap::with_capacity_and_hasher(
                entries.min(4096),
                foldhash::fast::RandomState::default(),
            );
        let mut problems = Problems::default();
        for (index, raw) in s.split(',').enumerate() {
            let position = index + 1;
            let entry = raw.trim_ascii();
            if entry.is_empty() {
                continue;
            }
            let (name, value) = match entry.split_once('=') {
                Some((name, value)) => (name.trim_ascii(), Some(value.trim_ascii())),
                None => (entry, None),
            };
            let here = if value.is_some() {
                Form::Flag
            } else {
                Form::List
            };
            match (*form.get_or_insert(here), value) {
                (Form::Flag, None) => {
                    problems.push_with(|| ParseError::MissingValue {
                        position,
                        entry: entry.to_owned(),
                    });
                    continue;
                }
                (Form::List, Some(_)) => {
                    problems.push_with(|| ParseError::UnexpectedValue {
                        position,
                        entry: entry.to_owned(),
                        name: name.to_owned(),
                    });
                    continue;
                }
                _ => {}
            }
            if !name::is_valid(name) {
                problems.push_with(|| ParseError::InvalidName {
                    position,
                    entry: entry.to_owned(),
                    name: name.to_owned(),
                });
                continue;
            }
            let on = match value {
                None => true,
                Some(value) => {
                    if let Some(on) = parse_bool(value) {
                        on
                    } else {
                        problems.push_with(|| ParseError::InvalidValue {
                            position,
                            entry: entry.to_owned(),
                            name: name.to_owned(),
                            value: value.to_owned(),
                        });
                        continue;
                    }
                }
            };
            if let Some((first, first_entry)) = seen.insert(name, (position, entry)) {
                problems.push_with(|| ParseError::DuplicateEntry {
                    position,
                    entry: entry.to_owned(),
                    name: name.to_owned(),
                    first,
                    first_entry: first_entry.to_owned(),
                });
                continue;
            }
            if on {
                &mut config.enabled
            } else {
                &mut config.disabled
            }
            .push(name.to_owned());
        }
        if let Some(err) = problems.finish() {
            return Err(err);
        }
        Ok(config)
    }
}

/// Go's `strconv.ParseBool`, which Kubernetes' flag parsing uses.
fn parse_bool(value: &str) -> Option<bool> {
    match value {
        "1" | "t" | "T" | "TRUE" | "true" | "True" => Some(true),
        "0" | "f" | "F" | "FALSE" | "false" | "False" => Some(false),
        _ => None,
    }
}

/// The flag form: enabled names as `NAME=true` in order, then disabled ones as
/// `NAME=false`, so that [`GateConfig::parse`] reads it back.
impl fmt::Display for GateConfig {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let entries = self
            .enabled
            .iter()
            .map(|n| (n, true))
            .chain(self.disabled.iter().map(|n| (n, false)));
        for (i, (name, on)) in entries.enumerate() {
            if i > 0 {
                f.write_str(",")?;
            }
            write!(f, "{name}={on}")?;
        }
        Ok(())
    }
}

impl FromStr for GateConfig {
    type Err = ParseError;

    fn from_str(s: &str) -> Result<GateConfig, ParseError> {
        GateConfig::parse(s)
    }
}
