//! [`Problem`]: one kind of thing surprising or wrong in a configuration or a
//! spec, with the [`Severity`] it has where it was found.

use std::fmt;

use crate::text::capped::Kind;
use crate::text::escape::{quoted, quoted_message};
use crate::{Action, ArchStatuses, Explanation, Gate, Rule, State, Version};

/// Whether a [`Problem`] leaves the configuration (or the spec) in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum Severity {
    /// Surprising, but the configuration stands: listed by
    /// [`FeatureSet::warnings`](crate::FeatureSet::warnings).
    Warning,
    /// The configuration (or the spec) is refused: listed by
    /// [`ConfigError::problems`](crate::ConfigError::problems).
    Refusal,
}

/// Something surprising or wrong in a configuration or a spec.
///
/// One type for both severities, as a compiler's lints are: a warning of
/// [`FeatureSet::warnings`](crate::FeatureSet::warnings) and a refusal of a
/// [`ConfigError`](crate::ConfigError) differ in [`Problem::severity`], not in
/// kind (an unknown name is a warning, and a refusal with
/// [`Options::strict`](crate::Options::strict)). [`Warning`] and
/// [`ConfigProblem`] name this type.
///
/// `Display` names the gate (and the architectures) in a non-empty message
/// of one line; names from the configuration are escaped and cut to 64 bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Problem {
    /// A GA gate listed as disabled: it stays on. A warning.
    GaDisabled {
        /// The gate.
        gate: &'static Gate,
    },
    /// A GA gate listed as enabled: redundant, it is always on. A warning.
    GaEnabled {
        /// The gate.
        gate: &'static Gate,
    },
    /// A Discontinued gate listed as enabled: it stays off. A warning.
    DiscontinuedEnabled {
        /// The gate.
        gate: &'static Gate,
    },
    /// A Deprecated gate enabled. A warning.
    DeprecatedEnabled {
        /// The gate.
        gate: &'static Gate,
    },
    /// A name no gate can have (a configuration built by hand; parsing and
    /// serde refuse these before). A refusal.
    InvalidName {
        /// The name.
        name: String,
    },
    /// A name given twice in one list. A refusal.
    DuplicateName {
        /// The name.
        name: String,
    },
    /// A name listed both as enabled and as disabled (`KubeVirt`'s admission
    /// refuses it too). A refusal.
    InBothLists {
        /// The name.
        name: String,
    },
    /// A name no gate has: it enables (or disables) nothing. A warning, or a
    /// refusal with [`Options::strict`](crate::Options::strict).
    UnknownGate {
        /// The name.
        name: String,
        /// The closest known name (looked for among the first 100 unknown
        /// names only).
        suggestion: Option<&'static str>,
        /// A warning, or a refusal when strict.
        severity: Severity,
    },
    /// A gate the configuration names that does not exist yet in the
    /// emulated release ([`Options::emulated_version`](crate::Options::emulated_version)):
    /// an unknown name there, so it enables (or disables) nothing. A
    /// warning, or a refusal when strict.
    NotYetIntroduced {
        /// The gate.
        gate: &'static Gate,
        /// The emulated release.
        version: Version,
        /// The gate's first recorded stage...
        state: State,
        /// ...and the release it entered it.
        from: Version,
        /// A warning, or a refusal when strict.
        severity: Severity,
    },
    /// An enabled gate that is not Supported on some target architectures,
    /// where the [`ArchPolicy`](crate::ArchPolicy) warns; it stays on. A
    /// warning.
    ArchSupport {
        /// The gate.
        gate: &'static Gate,
        /// The architectures the policy warns about, with the gate's status.
        archs: ArchStatuses,
    },
    /// A gate the architecture policy turned off: `Disable`, or `Deny` on a
    /// gate that was on only by default or by `AllAlpha`/`AllBeta`. A
    /// warning.
    ArchDisabled {
        /// The gate.
        gate: &'static Gate,
        /// The action (`Disable` or `Deny`).
        action: Action,
        /// The architectures that called for it, with the gate's status.
        archs: ArchStatuses,
    },
    /// A gate the configuration names to enable whose status on some target
    /// architectures the [`ArchPolicy`](crate::ArchPolicy) denies. A refusal.
    ArchDenied {
        /// The gate.
        gate: &'static Gate,
        /// The denied architectures, with the gate's status on each.
        archs: ArchStatuses,
    },
    /// A gate whose requirements are off: a gate is on only if everything it
    /// requires is on. A refusal for a gate the configuration names to
    /// enable (with the fix); a warning for one that was on by default or by
    /// `AllAlpha`/`AllBeta` and is turned off.
    MissingRequirement {
        /// The gate.
        gate: &'static Gate,
        /// Its requirements that are off, in declared order, each with why.
        missing: Vec<Explanation>,
        /// A refusal for a named gate, a warning for one turned off.
        severity: Severity,
    },
    /// A spec uses a Deprecated gate (from
    /// [`FeatureSet::check_spec`](crate::FeatureSet::check_spec)). A warning.
    SpecUsesDeprecated {
        /// The gate.
        gate: &'static Gate,
    },
    /// A spec uses a gate that is off. A refusal.
    SpecUsesDisabled {
        /// The gate.
        gate: &'static Gate,
        /// Why it is off.
        rule: Rule,
    },
    /// A spec of a type no gate's `used_by` takes (an `Arc<Spec>` where the
    /// functions take a `Spec`): nothing could be checked. A refusal.
    UncheckedType {
        /// The value's type, as [`std::any::type_name`] gives it.
        type_name: &'static str,
    },
    /// More problems of one kind than are listed (100 are).
    More {
        /// What they are about, as in `unknown feature gates`.
        about: &'static str,
        /// How many were left out.
        count: usize,
        /// The severity of those left out.
        severity: Severity,
    },
}

/// What [`FeatureSet::warnings`](crate::FeatureSet::warnings) lists: a
/// [`Problem`] of [`Severity::Warning`].
pub type Warning = Problem;

/// What a [`ConfigError`](crate::ConfigError) lists: a [`Problem`] of
/// [`Severity::Refusal`].
pub type ConfigProblem = Problem;

impl Problem {
    /// Whether the problem refuses the configuration or only warns.
    #[must_use]
    pub fn severity(&self) -> Severity {
        match self {
            Problem::GaDisabled { .. }
            | Problem::GaEnabled { .. }
            | Problem::DiscontinuedEnabled { .. }
            | Problem::DeprecatedEnabled { .. }
            | Problem::ArchSupport { .. }
            | Problem::ArchDisabled { .. }
            | Problem::SpecUsesDeprecated { .. } => Severity::Warning,
            Problem::InvalidName { .. }
            | Problem::DuplicateName { .. }
            | Problem::InBothLists { .. }
            | Problem::ArchDenied { .. }
            | Problem::SpecUsesDisabled { .. }
            | Problem::UncheckedType { .. } => Severity::Refusal,
            Problem::UnknownGate { severity, .. }
            | Problem::NotYetIntroduced { severity, .. }
            | Problem::MissingRequirement { severity, .. }
            | Problem::More { severity, .. } => *severity,
        }
    }

    /// The gate the problem is about, if it is a known one.
    #[must_use]
    pub fn gate(&self) -> Option<&'static Gate> {
        match self {
            Problem::GaDisabled { gate }
            | Problem::GaEnabled { gate }
            | Problem::DiscontinuedEnabled { gate }
            | Problem::DeprecatedEnabled { gate }
            | Problem::NotYetIntroduced { gate, .. }
            | Problem::ArchSupport { gate, .. }
            | Problem::ArchDisabled { gate, .. }
            | Problem::ArchDenied { gate, .. }
            | Problem::MissingRequirement { gate, .. }
            | Problem::SpecUsesDeprecated { gate }
            | Problem::SpecUsesDisabled { gate, .. } => Some(gate),
            Problem::InvalidName { .. }
            | Problem::DuplicateName { .. }
            | Problem::InBothLists { .. }
            | Problem::UnknownGate { .. }
            | Problem::UncheckedType { .. }
            | Problem::More { .. } => None,
        }
    }

    /// The gate name the problem is about (empty when none is).
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            Problem::InvalidName { name }
            | Problem::DuplicateName { name }
            | Problem::InBothLists { name }
            | Problem::UnknownGate { name, .. } => name,
            _ => self.gate().map_or("", Gate::name),
        }
    }

    /// The kind, for the cap: an index and what [`Problem::More`] says.
    fn cap_kind(&self) -> (usize, &'static str) {
        let refused = self.severity() == Severity::Refusal;
        match self {
            Problem::GaDisabled { .. } => (0, "disabled GA gates"),
            Problem::GaEnabled { .. } => (1, "enabled GA gates"),
            Problem::DiscontinuedEnabled { .. } => (2, "enabled Discontinued gates"),
            Problem::DeprecatedEnabled { .. } => (3, "enabled Deprecated gates"),
            Problem::InvalidName { .. } => (4, "invalid names"),
            Problem::DuplicateName { .. } => (5, "names given twice"),
            Problem::InBothLists { .. } => (6, "names in both lists"),
            Problem::UnknownGate { .. } => (7, "unknown feature gates"),
            Problem::NotYetIntroduced { .. } => (8, "gates not yet introduced"),
            Problem::ArchSupport { .. } => (9, "architecture support"),
            Problem::ArchDisabled { .. } => (10, "gates the architecture policy turned off"),
            Problem::ArchDenied { .. } => (11, "gates the architecture policy denies"),
            Problem::MissingRequirement { .. } if refused => {
                (12, "gates whose requirements are off")
            }
            Problem::MissingRequirement { .. } => (12, "gates turned off for a requirement"),
            Problem::SpecUsesDeprecated { .. } => (13, "Deprecated gates the spec uses"),
            Problem::SpecUsesDisabled { .. } => (14, "gates the spec uses that are off"),
            Problem::UncheckedType { .. } => (15, "unchecked types"),
            Problem::More { .. } if refused => (16, "more problems"),
            Problem::More { .. } => (16, "more warnings"),
        }
    }
}

impl Kind for Problem {
    fn kind(&self) -> (usize, &'static str) {
        self.cap_kind()
    }

    fn more(sample: &Problem, count: usize) -> Problem {
        Problem::More {
            about: sample.cap_kind().1,
            count,
            severity: sample.severity(),
        }
    }
}

impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let refused = self.severity() == Severity::Refusal;
        match self {
            Problem::GaDisabled { gate } => write!(
                f,
                "feature gate {gate} is GA and always on; disabling it has no effect: {}",
                quoted_message(&gate.message())
            ),
            Problem::GaEnabled { gate } => write!(
                f,
                "feature gate {gate} is GA and always on; enabling it is redundant: {}",
                quoted_message(&gate.message())
            ),
            Problem::DiscontinuedEnabled { gate } => write!(
                f,
                "feature gate {gate} is discontinued and always off; enabling it has no effect: {}",
                quoted_message(&gate.message())
            ),
            Problem::DeprecatedEnabled { gate } => write!(
                f,
                "feature gate {gate} is enabled but deprecated: {}",
                quoted_message(&gate.message())
            ),
            Problem::InvalidName { name } => match crate::vocab::name::check(name) {
                Err(fault) => write!(f, "`{}`: {fault}", quoted(name)),
                Ok(()) => write!(f, "`{}`: invalid feature gate name", quoted(name)),
            },
            Problem::DuplicateName { name } => write!(
                f,
                "feature gate {} is given twice in one list",
                quoted(name)
            ),
            Problem::InBothLists { name } => write!(
                f,
                "feature gate {} is listed both as enabled and as disabled",
                quoted(name)
            ),
            Problem::UnknownGate {
                name, suggestion, ..
            } => {
                write!(f, "unknown feature gate {}", quoted(name))?;
                match suggestion {
                    Some(near) => write!(f, "; did you mean {near}?"),
                    None if refused => Ok(()),
                    None => f.write_str("; it has no effect"),
                }
            }
            Problem::NotYetIntroduced {
                gate,
                version,
                state,
                from,
                ..
            } => write!(
                f,
                "feature gate {gate} does not exist in {version}; it is {state} from {from}"
            ),
            Problem::ArchSupport { gate, archs } => {
                write!(
                    f,
                    "feature gate {gate} is enabled but not Supported on {archs}"
                )
            }
            Problem::ArchDisabled {
                gate,
                action,
                archs,
            } => write!(
                f,
                "feature gate {gate} is turned off: the architecture policy ({action}) does not allow it on {archs}"
            ),
            Problem::ArchDenied { gate, archs } => write!(
                f,
                "feature gate {gate} is enabled but the architecture policy denies it on {archs}"
            ),
            Problem::MissingRequirement { gate, missing, .. } if refused => {
                refused_for_requirements(f, gate, missing)
            }
            Problem::MissingRequirement { gate, missing, .. } => {
                turned_off_for_requirements(f, gate, missing)
            }
            Problem::SpecUsesDeprecated { gate } => write!(
                f,
                "the spec uses feature gate {gate}, which is deprecated: {}",
                quoted_message(&gate.message())
            ),
            Problem::SpecUsesDisabled { gate, rule } => spec_uses_disabled(f, gate, *rule),
            Problem::UncheckedType { type_name } => write!(
                f,
                "no feature gate's `used_by` takes a `{}`, so the value could not be checked \
                 (pass the type the functions take, not a wrapper of it)",
                quoted_message(type_name)
            ),
            Problem::More { about, count, .. } => {
                let what = if refused { "problems" } else { "warnings" };
                write!(f, "{count} more {what} about {about} left out")
            }
        }
    }
}

/// A gate on by default (or by `AllAlpha`/`AllBeta`) turned off for its
/// requirements.
fn turned_off_for_requirements(
    f: &mut fmt::Formatter<'_>,
    gate: &Gate,
    missing: &[Explanation],
) -> fmt::Result {
    write!(f, "feature gate {gate} is turned off: it requires ")?;
    crate::evaluate::explanation::names(f, missing)?;
    f.write_str(if missing.len() == 1 {
        ", which is off"
    } else {
        ", which are off"
    })
}

/// A spec refused for a gate that is off, and why it is off.
fn spec_uses_disabled(f: &mut fmt::Formatter<'_>, gate: &Gate, rule: Rule) -> fmt::Result {
    write!(f, "the spec uses feature gate {gate}, which is off: {rule}")?;
    // A Discontinued gate's own message says what to use instead; a
    // standard message calls the gate active or says it "can be safely
    // removed", which a refusal must not.
    let own = gate
        .declared_message()
        .filter(|m| gate.state() == State::Discontinued && !m.contains("safely removed"));
    match own {
        Some(message) => write!(f, ": {}", quoted_message(message)),
        None => Ok(()),
    }
}

/// A named gate refused for its requirements, with the one fix there is.
fn refused_for_requirements(
    f: &mut fmt::Formatter<'_>,
    gate: &Gate,
    missing: &[Explanation],
) -> fmt::Result {
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
        write!(f, "); leave {gate} off")
    } else {
        f.write_str("; enable ")?;
        crate::evaluate::explanation::names(f, missing)?;
        write!(f, " too, or leave {gate} off")
    }
}
