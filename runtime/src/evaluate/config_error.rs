//! [`ConfigError`]: every reason a configuration (or a spec) is refused, at once.

use std::error::Error;
use std::fmt;

use crate::text::capped::{Capped, Kind};
use crate::text::escape::{quoted, quoted_message};
use crate::{Arch, ArchSet, ArchStatuses, Explanation, Gate, Rule, State, Version};

/// Why [`Registry::evaluate`](crate::Registry::evaluate),
/// [`configure`](crate::configure) or
/// [`FeatureSet::check_spec`](crate::FeatureSet::check_spec) refused: every
/// problem found, not only the first.
///
/// `Display` gives one problem per line. At most 100 problems of one kind
/// are listed; a last [`ConfigProblem::More`] counts the rest.
///
/// ```
/// use featuregate::{ConfigProblem, GateConfig, Options, Registry};
///
/// let registry = Registry::new(std::iter::empty())?;
/// let config = GateConfig {
///     enabled: vec!["Snapshot".into(), "Sidecar".into()],
///     disabled: vec!["Snapshot".into()],
/// };
/// let err = registry.evaluate(&config, &Options::default().with_strict(true)).unwrap_err();
/// assert_eq!(err.problems().len(), 3);
/// assert!(matches!(err.problems().last(), Some(ConfigProblem::InBothLists { name }) if name == "Snapshot"));
/// assert_eq!(
///     err.to_string(),
///     "unknown feature gate Snapshot\n\
///      unknown feature gate Sidecar\n\
///      feature gate Snapshot is listed both as enabled and as disabled"
/// );
/// # Ok::<(), featuregate::RegistryError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfigError {
    problems: Vec<ConfigProblem>,
}

impl ConfigError {
    /// An error of these problems (at least one).
    pub(crate) fn new(problems: Vec<ConfigProblem>) -> ConfigError {
        debug_assert!(!problems.is_empty());
        ConfigError { problems }
    }

    /// Every problem, in the order found: names in list order, then gates
    /// in name order.
    #[must_use = "the problems are the reason for the error"]
    pub fn problems(&self) -> impl ExactSizeIterator<Item = &ConfigProblem> + '_ {
        self.problems.iter()
    }
}

impl fmt::Display for ConfigError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::text::one_per_line::write_lines(f, &self.problems)
    }
}

impl Error for ConfigError {}

/// One reason a configuration or a spec is refused.
///
/// `Display` names the gate (and architectures), on one line; names from
/// the configuration are escaped and cut to 64 bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ConfigProblem {
    /// A name no gate can have (a configuration built by hand; parsing and
    /// serde refuse these before).
    InvalidName {
        /// The name.
        name: String,
    },
    /// A name given twice in one list.
    DuplicateName {
        /// The name.
        name: String,
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
        /// The closest known name (looked for among the first 100 unknown
        /// names only).
        suggestion: Option<&'static str>,
    },
    /// A gate the configuration names that does not exist yet in the
    /// emulated release, with [`Options::strict`](crate::Options::strict).
    NotYetIntroduced {
        /// The gate.
        gate: &'static Gate,
        /// The emulated release.
        version: Version,
        /// The gate's first recorded stage...
        state: State,
        /// ...and the release it entered it.
        from: Version,
    },
    /// A gate the configuration names to enable whose status on some target
    /// architectures the [`ArchPolicy`](crate::ArchPolicy) denies.
    ArchDenied {
        /// The gate.
        gate: &'static Gate,
        /// The denied architectures, with the gate's status on each.
        archs: ArchStatuses,
    },
    /// A gate the configuration names to enable whose requirements are off:
    /// a gate is on only if everything it requires is on.
    MissingRequirement {
        /// The gate.
        gate: &'static Gate,
        /// Its requirements that are off, in declared order, each with why.
        missing: Vec<Explanation>,
    },
    /// A spec uses a gate that is off.
    SpecUsesDisabled {
        /// The gate.
        gate: &'static Gate,
        /// Why it is off.
        rule: Rule,
    },
    /// A spec of a type no gate's `used_by` takes (an `Arc<Spec>` where the
    /// functions take a `Spec`): nothing could be checked.
    UncheckedType {
        /// The value's type, as [`std::any::type_name`] gives it.
        type_name: &'static str,
    },
    /// A spec for an architecture outside the evaluated ones
    /// ([`FeatureSet::admit`](crate::FeatureSet::admit)), or, `arch` being
    /// `None`, a spec to place when no architecture was evaluated.
    ArchNotEvaluated {
        /// The spec's architecture.
        arch: Option<Arch>,
        /// The evaluated architectures.
        evaluated: ArchSet,
    },
    /// A spec for `arch` uses a gate that does not qualify there: off there,
    /// or `Unsupported` there (whatever the policy: an Unsupported feature
    /// cannot work there).
    SpecArchUnqualified {
        /// The gate.
        gate: &'static Gate,
        /// The spec's architecture.
        arch: Arch,
        /// Why it is off there, when it is (`None`: on but Unsupported).
        off: Option<Rule>,
    },
    /// A spec to place uses gates that qualify on no common architecture:
    /// one problem per gate it uses, naming where that gate qualifies.
    NoPlacement {
        /// The gate.
        gate: &'static Gate,
        /// Where it qualifies (on and not Unsupported).
        qualifies: ArchSet,
    },
    /// In a cluster, [`FeatureSet::check_spec`](crate::FeatureSet::check_spec)
    /// refuses a spec using a gate that does not qualify on every evaluated
    /// architecture: [`FeatureSet::admit`](crate::FeatureSet::admit) places it.
    SpecNotEverywhere {
        /// The gate.
        gate: &'static Gate,
        /// Where it qualifies.
        qualifies: ArchSet,
        /// The evaluated architectures.
        evaluated: ArchSet,
    },
    /// More problems of one kind than are listed (100 are).
    More {
        /// What they are about, as in `unknown feature gates`.
        about: &'static str,
        /// How many were left out.
        count: usize,
    },
}

impl ConfigProblem {
    /// The gate the problem is about, if it is a known one.
    #[must_use]
    pub fn gate(&self) -> Option<&'static Gate> {
        match self {
            ConfigProblem::ArchDenied { gate, .. }
            | ConfigProblem::MissingRequirement { gate, .. }
            | ConfigProblem::NotYetIntroduced { gate, .. }
            | ConfigProblem::SpecUsesDisabled { gate, .. }
            | ConfigProblem::SpecArchUnqualified { gate, .. }
            | ConfigProblem::NoPlacement { gate, .. }
            | ConfigProblem::SpecNotEverywhere { gate, .. } => Some(gate),
            _ => None,
        }
    }

    /// The gate name the problem is about (empty when none is).
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            ConfigProblem::InvalidName { name }
            | ConfigProblem::DuplicateName { name }
            | ConfigProblem::InBothLists { name }
            | ConfigProblem::UnknownGate { name, .. } => name,
            _ => self.gate().map_or("", Gate::name),
        }
    }

    /// The kind, for the cap: an index and what [`ConfigProblem::More`] says.
    fn kind(&self) -> (usize, &'static str) {
        match self {
            ConfigProblem::InvalidName { .. } => (0, "invalid names"),
            ConfigProblem::DuplicateName { .. } => (1, "names given twice"),
            ConfigProblem::InBothLists { .. } => (2, "names in both lists"),
            ConfigProblem::UnknownGate { .. } => (3, "unknown feature gates"),
            ConfigProblem::ArchDenied { .. } => (4, "gates the architecture policy denies"),
            ConfigProblem::SpecUsesDisabled { .. } => (5, "gates the spec uses that are off"),
            ConfigProblem::UncheckedType { .. } => (6, "unchecked types"),
            ConfigProblem::MissingRequirement { .. } => (7, "gates whose requirements are off"),
            ConfigProblem::NotYetIntroduced { .. } => (8, "gates not yet introduced"),
            ConfigProblem::ArchNotEvaluated { .. } => (9, "architectures not evaluated"),
            ConfigProblem::SpecArchUnqualified { .. } | ConfigProblem::SpecNotEverywhere { .. } => {
                (10, "gates that do not qualify on an architecture")
            }
            ConfigProblem::NoPlacement { .. } => {
                (10, "gates that do not qualify on an architecture")
            }
            ConfigProblem::More { .. } => (11, "more problems"),
        }
    }
}

impl Kind for ConfigProblem {
    fn kind(&self) -> (usize, &'static str) {
        ConfigProblem::kind(self)
    }

    fn more(about: &'static str, count: usize) -> ConfigProblem {
        ConfigProblem::More { about, count }
    }
}

impl Capped<ConfigProblem> {
    /// `Err` with every problem, if there is any.
    pub(crate) fn into_result(self) -> Result<(), ConfigError> {
        if self.is_empty() {
            return Ok(());
        }
        Err(ConfigError::new(self.finish()))
    }
}

impl fmt::Display for ConfigProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConfigProblem::InvalidName { name } => match crate::vocab::name::check(name) {
                Err(fault) => write!(f, "`{}`: {fault}", quoted(name)),
                Ok(()) => write!(f, "`{}`: invalid feature gate name", quoted(name)),
            },
            ConfigProblem::DuplicateName { name } => write!(
                f,
                "feature gate {} is given twice in one list",
                quoted(name)
            ),
            ConfigProblem::InBothLists { name } => write!(
                f,
                "feature gate {} is listed both as enabled and as disabled",
                quoted(name)
            ),
            ConfigProblem::UnknownGate { name, suggestion } => {
                crate::evaluate::warning::unknown_gate(f, name, *suggestion)
            }
            ConfigProblem::ArchDenied { gate, archs } => write!(
                f,
                "feature gate {gate} is enabled but the architecture policy denies it on {archs}"
            ),
            ConfigProblem::NotYetIntroduced {
                gate,
                version,
                state,
                from,
            } => crate::evaluate::warning::not_yet_introduced(f, gate, *version, *state, *from),
            ConfigProblem::MissingRequirement { gate, missing } => {
                write!(f, "feature gate {gate} requires ")?;
                crate::evaluate::explanation::names(f, missing)?;
                let verb = if missing.len() == 1 { "is" } else { "are" };
                write!(f, ", which {verb} off")?;
                let mut fixed = missing.iter().filter(|m| !m.rule().configurable());
                if let Some(first) = fixed.next() {
                    // Enabling it would not help: say why, and the one fix.
                    write!(f, " ({}: {}", first.gate(), first.rule())?;
                    for other in fixed {
                        write!(f, "; {}: {}", other.gate(), other.rule())?;
                    }
                    return write!(f, "); leave {gate} off");
                }
                // A requirement off for a requirement of its own (refused
                // itself, or turned off): enabling it is not the fix,
                // enabling what it requires is.
                let mut to_enable: Vec<&Gate> = Vec::with_capacity(missing.len());
                let mut chained = false;
                for m in missing {
                    if let Rule::MissingRequirement { requirement } = m.rule() {
                        write!(
                            f,
                            "{}{}: it requires {requirement}, which is off",
                            if chained { "; " } else { " (" },
                            m.gate()
                        )?;
                        chained = true;
                        if !to_enable.iter().any(|g| std::ptr::eq(*g, requirement)) {
                            to_enable.push(requirement);
                        }
                    } else {
                        to_enable.push(m.gate());
                    }
                }
                if chained {
                    f.write_str(")")?;
                }
                f.write_str("; enable ")?;
                crate::evaluate::explanation::gate_names(f, &to_enable)?;
                write!(f, " too, or leave {gate} off")
            }
            ConfigProblem::SpecUsesDisabled { gate, rule } => {
                write!(f, "the spec uses feature gate {gate}, which is off: {rule}")?;
                // A Discontinued gate's message says what to use instead; an
                // Alpha or Beta one's standard message calls it active.
                if gate.state() == State::Discontinued {
                    write!(f, ": {}", quoted_message(&gate.message()))?;
                }
                Ok(())
            }
            ConfigProblem::UncheckedType { type_name } => write!(
                f,
                "no feature gate's `used_by` takes a `{}`, so the value could not be checked \
                 (pass the type the functions take, not a wrapper of it)",
                quoted_message(type_name)
            ),
            ConfigProblem::ArchNotEvaluated {
                arch: Some(arch),
                evaluated,
            } => {
                write!(
                    f,
                    "the spec is for {arch}, which is not an evaluated architecture"
                )?;
                if evaluated.is_empty() {
                    f.write_str(" (none was evaluated)")
                } else {
                    write!(f, " ({evaluated})")
                }
            }
            ConfigProblem::ArchNotEvaluated { arch: None, .. } => f.write_str(
                "no architecture was evaluated, so the spec cannot be placed \
                 (evaluate with the cluster's architectures in `Options::archs`)",
            ),
            ConfigProblem::SpecArchUnqualified { gate, arch, off } => {
                let status = gate.status(*arch);
                let reason = gate.reason(*arch);
                write!(f, "the spec uses feature gate {gate}, which ")?;
                match off {
                    // The policy's rule names the status itself.
                    Some(rule @ Rule::ArchPolicy { .. }) => write!(f, "is off on {arch}: {rule}"),
                    Some(rule) => {
                        write!(f, "is off on {arch}: {rule} (it is {status} there")?;
                        match reason {
                            Some(reason) => write!(f, ": {})", quoted_message(reason)),
                            None => f.write_str(")"),
                        }
                    }
                    None => {
                        write!(f, "cannot run on {arch}: it is {status} there (")?;
                        match reason {
                            Some(reason) => write!(f, "{})", quoted_message(reason)),
                            None => f.write_str("no reason given)"),
                        }
                    }
                }
            }
            ConfigProblem::NoPlacement { gate, qualifies } => {
                write!(
                    f,
                    "no evaluated architecture can run the spec: feature gate {gate} "
                )?;
                if qualifies.is_empty() {
                    f.write_str("qualifies on none of them")
                } else {
                    write!(f, "qualifies on {qualifies} only")
                }
            }
            ConfigProblem::SpecNotEverywhere {
                gate,
                qualifies,
                evaluated,
            } => {
                write!(f, "the spec uses feature gate {gate}, which qualifies on ")?;
                if qualifies.is_empty() {
                    f.write_str("none")?;
                } else {
                    write!(f, "{qualifies} only")?;
                }
                write!(
                    f,
                    " of the evaluated {evaluated}; place it with `FeatureSet::admit`"
                )
            }
            ConfigProblem::More { about, count } => {
                write!(f, "{count} more problems about {about} left out")
            }
        }
    }
}
