//! What a program is told to enable and disable: [`GateConfig`], its
//! Kubernetes flag form (`A=true,B=false`) and `KubeVirt`'s serde shape, and
//! [`ConfigError`], every way a configuration can be refused.

use std::collections::HashMap;
use std::error::Error;
use std::fmt;
use std::str::FromStr;

use crate::Gate;
use crate::evaluate::ArchStatuses;

/// The gates a configuration names, in the shape of `KubeVirt`'s
/// `developerConfiguration`: names to enable and names to disable.
///
/// Nothing is checked here; [`Registry::evaluate`](crate::Registry::evaluate)
/// applies the rules. The meta names `AllAlpha` and `AllBeta` are kept as
/// ordinary names and get their meaning there.
///
/// With the `serde` feature the fields read and write `KubeVirt`'s names,
/// `featureGates` and `disabledFeatureGates`; a missing field is empty and an
/// empty one is left out, as `KubeVirt`'s `omitempty` does.
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
/// assert_eq!(err.position(), Some(2));
/// # Ok::<(), featuregate::ConfigError>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize, serde::Deserialize))]
#[cfg_attr(feature = "serde", serde(default))]
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
    /// Entries are separated by commas; spaces around names and values are
    /// trimmed and empty entries skipped. Values take Go's boolean spellings
    /// (`1 t T TRUE true True` and `0 f F FALSE false False`). The first
    /// non-empty entry decides the form, and the two do not mix. A name given
    /// twice is refused. Every error names the offending entry and its
    /// position, the 1-based index among the comma-separated entries as
    /// written (empty ones counted).
    ///
    /// Runs in time linear in the length of `s`.
    pub fn parse(s: &str) -> Result<GateConfig, ConfigError> {
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
        for (index, raw) in s.split(',').enumerate() {
            let position = index + 1;
            let entry = raw.trim();
            if entry.is_empty() {
                continue;
            }
            let (name, value) = match entry.split_once('=') {
                Some((name, value)) => (name.trim(), Some(value.trim())),
                None => (entry, None),
            };
            let here = if value.is_some() {
                Form::Flag
            } else {
                Form::List
            };
            match (*form.get_or_insert(here), value) {
                (Form::Flag, None) => {
                    return Err(ConfigError::MissingValue {
                        position,
                        entry: entry.to_owned(),
                    });
                }
                (Form::List, Some(_)) => {
                    return Err(ConfigError::UnexpectedValue {
                        position,
                        entry: entry.to_owned(),
                        name: name.to_owned(),
                    });
                }
                _ => {}
            }
            if name.is_empty() || name.contains(char::is_whitespace) {
                return Err(ConfigError::InvalidName {
                    position,
                    entry: entry.to_owned(),
                    name: name.to_owned(),
                });
            }
            let on = match value {
                None => true,
                Some(value) => parse_bool(value).ok_or_else(|| ConfigError::InvalidValue {
                    position,
                    entry: entry.to_owned(),
                    name: name.to_owned(),
                    value: value.to_owned(),
                })?,
            };
            if let Some((first, first_entry)) = seen.insert(name, (position, entry)) {
                return Err(ConfigError::DuplicateEntry {
                    name: name.to_owned(),
                    first,
                    first_entry: first_entry.to_owned(),
                    second: position,
                    second_entry: entry.to_owned(),
                });
            }
            if on {
                &mut config.enabled
            } else {
                &mut config.disabled
            }
            .push(name.to_owned());
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
    type Err = ConfigError;

    fn from_str(s: &str) -> Result<GateConfig, ConfigError> {
        GateConfig::parse(s)
    }
}

/// Why a configuration was refused: by [`GateConfig::parse`] (bad syntax),
/// by [`Registry::evaluate`](crate::Registry::evaluate) (a name in both
/// lists, an unknown name when strict, an architecture the policy denies) or
/// by [`FeatureSet::check_spec`](crate::FeatureSet::check_spec).
///
/// `Display` names the gate, and the entry and its position or the
/// architectures where those matter.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigError {
    /// A value that is not one of Go's boolean spellings: `A=yes`.
    InvalidValue {
        /// 1-based index of the entry among the comma-separated ones.
        position: usize,
        /// The entry, trimmed.
        entry: String,
        /// The gate it names.
        name: String,
        /// The value that does not parse.
        value: String,
    },
    /// An entry without a value in the flag form: `B` in `A=true,B`.
    MissingValue {
        /// 1-based index of the entry among the comma-separated ones.
        position: usize,
        /// The entry, trimmed: the gate's name.
        entry: String,
    },
    /// An entry with a value in a plain list: `B=true` in `A,B=true`.
    UnexpectedValue {
        /// 1-based index of the entry among the comma-separated ones.
        position: usize,
        /// The entry, trimmed.
        entry: String,
        /// The gate it names.
        name: String,
    },
    /// An empty name (`=true`) or one holding whitespace (`A B=true`), which no
    /// gate can have.
    InvalidName {
        /// 1-based index of the entry among the comma-separated ones.
        position: usize,
        /// The entry, trimmed.
        entry: String,
        /// The name as read.
        name: String,
    },
    /// A name given twice in one flag string.
    DuplicateEntry {
        /// The name.
        name: String,
        /// Position of its first entry.
        first: usize,
        /// Its first entry.
        first_entry: String,
        /// Position of its second entry.
        second: usize,
        /// Its second entry.
        second_entry: String,
    },
    /// A name listed both as enabled and as disabled (`KubeVirt`'s admission
    /// refuses it too).
    InBothLists {
        /// The name.
        name: String,
    },
    /// A name no gate has, with [`Options::strict`](crate::Options::strict).
    UnknownGate {
        /// The name.
        name: String,
        /// The closest known name.
        suggestion: Option<&'static str>,
    },
    /// An enabled gate whose status on some target architectures the
    /// [`ArchPolicy`](crate::ArchPolicy) denies.
    ArchDenied {
        /// The gate.
        gate: &'static Gate,
        /// The denied architectures, with the gate's status on each.
        archs: ArchStatuses,
    },
    /// A spec uses a gate that is off (a Discontinued gate always is).
    SpecUsesDisabled {
        /// The gate.
        gate: &'static Gate,
    },
}

impl ConfigError {
    /// The gate name the error is about.
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            ConfigError::InvalidValue { name, .. }
            | ConfigError::UnexpectedValue { name, .. }
            | ConfigError::InvalidName { name, .. }
            | ConfigError::DuplicateEntry { name, .. }
            | ConfigError::InBothLists { name }
            | ConfigError::UnknownGate { name, .. } => name,
            ConfigError::MissingValue { entry, .. } => entry,
            ConfigError::ArchDenied { gate, .. } | ConfigError::SpecUsesDisabled { gate } => {
                gate.name()
            }
        }
    }

    /// The 1-based position of the offending entry of a flag string (the
    /// second occurrence for a name given twice); `None` for errors of
    /// evaluation.
    #[must_use]
    pub fn position(&self) -> Option<usize> {
        match self {
            ConfigError::InvalidValue { position, .. }
            | ConfigError::MissingValue { position, .. }
            | ConfigError::UnexpectedValue { position, .. }
            | ConfigError::InvalidName { position, .. }
            | ConfigError::DuplicateEntry {
                second: position, ..
            } => Some(*position),
            ConfigError::InBothLists { .. }
            | ConfigError::UnknownGate { .. }
            | ConfigError::ArchDenied { .. }
            | ConfigError::SpecUsesDisabled { .. } => None,
        }
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigError::InvalidValue {
                position,
                entry,
                name,
                value,
            } => write!(
                f,
                "entry {position} `{entry}`: invalid value `{value}` for feature gate {name}; \
                 expected true or false (or 1, t, T, TRUE, True, 0, f, F, FALSE, False)"
            ),
            ConfigError::MissingValue { position, entry } => write!(
                f,
                "entry {position} `{entry}`: feature gate {entry} is missing its value \
                 (`{entry}=true` or `{entry}=false`); a flag string is either all `name=bool` \
                 entries or a plain list of names"
            ),
            ConfigError::UnexpectedValue {
                position,
                entry,
                name,
            } => write!(
                f,
                "entry {position} `{entry}`: a plain list of names takes no values (write `{name}`, \
                 or `name=bool` for every entry)"
            ),
            ConfigError::InvalidName {
                position,
                entry,
                name,
            } if name.is_empty() => {
                write!(
                    f,
                    "entry {position} `{entry}`: the feature gate name is empty"
                )
            }
            ConfigError::InvalidName {
                position,
                entry,
                name,
            } => {
                write!(
                    f,
                    "entry {position} `{entry}`: feature gate name `{name}` holds whitespace"
                )
            }
            ConfigError::DuplicateEntry {
                name,
                first,
                first_entry,
                second,
                second_entry,
            } => write!(
                f,
                "feature gate {name} is given twice: entry {first} `{first_entry}` and entry {second} `{second_entry}`"
            ),
            ConfigError::InBothLists { name } => {
                write!(
                    f,
                    "feature gate {name} is listed both as enabled and as disabled"
                )
            }
            ConfigError::UnknownGate {
                name,
                suggestion: Some(near),
            } => {
                write!(f, "unknown feature gate {name}; did you mean {near}?")
            }
            ConfigError::UnknownGate {
                name,
                suggestion: None,
            } => write!(f, "unknown feature gate {name}"),
            ConfigError::ArchDenied { gate, archs } => write!(
                f,
                "feature gate {} is enabled but the architecture policy denies it on {archs}",
                gate.name()
            ),
            ConfigError::SpecUsesDisabled { gate } => {
                let why = if gate.state() == crate::State::Discontinued {
                    "is discontinued"
                } else {
                    "is not enabled"
                };
                write!(
                    f,
                    "the spec uses feature gate {}, which {why}: {}",
                    gate.name(),
                    gate.message()
                )
            }
        }
    }
}

impl Error for ConfigError {}
