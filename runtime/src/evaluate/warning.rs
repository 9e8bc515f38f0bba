//! [`Warning`]: what is surprising in a configuration without refusing it.

use std::fmt;

use crate::text::capped::Kind;
use crate::text::escape::{quoted, quoted_message};
use crate::{ArchSet, ArchStatuses, Explanation, Gate, State, Version};

/// Something surprising in a configuration that does not refuse it.
///
/// `Display` names the gate (and the architectures) in a non-empty message
/// of one line; names from the configuration are escaped and cut to 64 bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// A GA gate listed as disabled: it stays on.
    GaDisabled {
        /// The gate.
        gate: &'static Gate,
    },
    /// A GA gate listed as enabled: redundant, it is always on.
    GaEnabled {
        /// The gate.
        gate: &'static Gate,
    },
    /// A Discontinued gate listed as enabled: it stays off.
    DiscontinuedEnabled {
        /// The gate.
        gate: &'static Gate,
    },
    /// A Deprecated gate enabled.
    DeprecatedEnabled {
        /// The gate.
        gate: &'static Gate,
    },
    /// A name no gate has: it enables (or disables) nothing.
    UnknownGate {
        /// The name.
        name: String,
        /// The closest known name (looked for among the first 100 unknown
        /// names only).
        suggestion: Option<&'static str>,
    },
    /// A gate the configuration names that does not exist yet in the
    /// emulated release ([`Options::emulated_version`](crate::Options::emulated_version)):
    /// an unknown name there, so it enables (or disables) nothing.
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
    /// An enabled gate that is not Supported on some target architectures,
    /// where the [`ArchPolicy`](crate::ArchPolicy) warns; it stays on.
    ArchSupport {
        /// The gate.
        gate: &'static Gate,
        /// The architectures the policy warns about, with the gate's status.
        archs: ArchStatuses,
    },
    /// A gate the architecture policy turned off: `Disable`, or `Deny` on a
    /// gate that was on only by default or by `AllAlpha`/`AllBeta`.
    ArchDisabled {
        /// The gate.
        gate: &'static Gate,
        /// The action (`Disable` or `Deny`).
        action: crate::Action,
        /// The architectures that called for it, with the gate's status.
        archs: ArchStatuses,
    },
    /// A gate that was on by default or by `AllAlpha`/`AllBeta` and is
    /// turned off because a gate it requires is off.
    RequirementOff {
        /// The gate.
        gate: &'static Gate,
        /// Its requirements that are off, in declared order, each with why.
        missing: Vec<Explanation>,
    },
    /// A gate on on some architectures of a cluster and turned off on others
    /// ([`Warning::RequirementOffOn::archs`]), where a gate it requires is off.
    RequirementOffOn {
        /// The gate.
        gate: &'static Gate,
        /// Where it was turned off.
        archs: ArchSet,
        /// Its requirements that are off there, in declared order, each with why.
        missing: Vec<Explanation>,
    },
    /// A spec uses a Deprecated gate (from [`FeatureSet::check_spec`](crate::FeatureSet::check_spec)).
    SpecUsesDeprecated {
        /// The gate.
        gate: &'static Gate,
    },
    /// More warnings of one kind than are listed (100 are).
    More {
        /// What they are about, as in `unknown feature gate`.
        about: &'static str,
        /// How many were left out.
        count: usize,
    },
}

impl Warning {
    /// The gate the warning is about, if it is a known one.
    #[must_use]
    pub fn gate(&self) -> Option<&'static Gate> {
        match self {
            Warning::GaDisabled { gate }
            | Warning::GaEnabled { gate }
            | Warning::DiscontinuedEnabled { gate }
            | Warning::DeprecatedEnabled { gate }
            | Warning::ArchSupport { gate, .. }
            | Warning::ArchDisabled { gate, .. }
            | Warning::RequirementOff { gate, .. }
            | Warning::RequirementOffOn { gate, .. }
            | Warning::NotYetIntroduced { gate, .. }
            | Warning::SpecUsesDeprecated { gate } => Some(gate),
            Warning::UnknownGate { .. } | Warning::More { .. } => None,
        }
    }

    /// The gate name the warning is about (empty for [`Warning::More`]).
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            Warning::UnknownGate { name, .. } => name,
            _ => self.gate().map_or("", Gate::name),
        }
    }

    /// The kind, for the cap: an index and what [`Warning::More`] says.
    pub(crate) fn kind(&self) -> (usize, &'static str) {
        match self {
            Warning::GaDisabled { .. } => (0, "disabled GA gates"),
            Warning::GaEnabled { .. } => (1, "enabled GA gates"),
            Warning::DiscontinuedEnabled { .. } => (2, "enabled Discontinued gates"),
            Warning::DeprecatedEnabled { .. } => (3, "enabled Deprecated gates"),
            Warning::UnknownGate { .. } => (4, "unknown feature gates"),
            Warning::ArchSupport { .. } => (5, "architecture support"),
            Warning::ArchDisabled { .. } => (6, "gates the architecture policy turned off"),
            Warning::SpecUsesDeprecated { .. } => (7, "Deprecated gates the spec uses"),
            Warning::RequirementOff { .. } => (8, "gates turned off for a requirement"),
            Warning::NotYetIntroduced { .. } => (9, "gates not yet introduced"),
            Warning::RequirementOffOn { .. } => (
                10,
                "gates turned off for a requirement on some architectures",
            ),
            Warning::More { .. } => (11, "more warnings"),
        }
    }
}

impl Kind for Warning {
    fn kind(&self) -> (usize, &'static str) {
        Warning::kind(self)
    }

    fn more(about: &'static str, count: usize) -> Warning {
        Warning::More { about, count }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::GaDisabled { gate } => write!(
                f,
                "feature gate {gate} is GA and always on; disabling it has no effect: {}",
                quoted_message(&gate.message())
            ),
            Warning::GaEnabled { gate } => write!(
                f,
                "feature gate {gate} is GA and always on; enabling it is redundant: {}",
                quoted_message(&gate.message())
            ),
            Warning::DiscontinuedEnabled { gate } => write!(
                f,
                "feature gate {gate} is discontinued and always off; enabling it has no effect: {}",
                quoted_message(&gate.message())
            ),
            Warning::DeprecatedEnabled { gate } => write!(
                f,
                "feature gate {gate} is enabled but deprecated: {}",
                quoted_message(&gate.message())
            ),
            Warning::UnknownGate { name, suggestion } => {
                unknown_gate(f, name, *suggestion)?;
                if suggestion.is_none() {
                    f.write_str("; it has no effect")?;
                }
                Ok(())
            }
            Warning::ArchSupport { gate, archs } => {
                write!(
                    f,
                    "feature gate {gate} is enabled but not Supported on {archs}"
                )
            }
            Warning::ArchDisabled {
                gate,
                action,
                archs,
            } => write!(
                f,
                "feature gate {gate} is turned off: the architecture policy ({action}) does not allow it on {archs}"
            ),
            Warning::NotYetIntroduced {
                gate,
                version,
                state,
                from,
            } => not_yet_introduced(f, gate, *version, *state, *from),
            Warning::RequirementOff { gate, missing } => {
                write!(f, "feature gate {gate} is turned off: it requires ")?;
                crate::evaluate::explanation::names(f, missing)?;
                f.write_str(if missing.len() == 1 {
                    ", which is off"
                } else {
                    ", which are off"
                })
            }
            Warning::RequirementOffOn {
                gate,
                archs,
                missing,
            } => {
                write!(
                    f,
                    "feature gate {gate} is turned off on {archs}: it requires "
                )?;
                crate::evaluate::explanation::names(f, missing)?;
                f.write_str(if missing.len() == 1 {
                    ", which is off there"
                } else {
                    ", which are off there"
                })
            }
            Warning::SpecUsesDeprecated { gate } => write!(
                f,
                "the spec uses feature gate {gate}, which is deprecated: {}",
                quoted_message(&gate.message())
            ),
            Warning::More { about, count } => {
                write!(f, "{count} more warnings about {about} left out")
            }
        }
    }
}

/// `unknown feature gate NAME` (escaped), with `; did you mean NEAR?` when
/// one is close: the warning's words, and the error's under `strict`.
pub(crate) fn unknown_gate(
    f: &mut fmt::Formatter<'_>,
    name: &str,
    suggestion: Option<&str>,
) -> fmt::Result {
    write!(f, "unknown feature gate {}", quoted(name))?;
    match suggestion {
        Some(near) => write!(f, "; did you mean {near}?"),
        None => Ok(()),
    }
}

/// When a gate named at an emulated version arrives: the warning's words,
/// and the error's under `strict`.
pub(crate) fn not_yet_introduced(
    f: &mut fmt::Formatter<'_>,
    gate: &Gate,
    version: Version,
    state: State,
    from: Version,
) -> fmt::Result {
    write!(
        f,
        "feature gate {gate} does not exist in {version}; it is {state} from {from}"
    )
}
