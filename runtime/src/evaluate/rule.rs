//! `KubeVirt`'s enablement rules, and [`Rule`]: which of them decided a
//! gate's value, kept per gate in every [`FeatureSet`](crate::FeatureSet) so
//! that a refusal can say why a gate is off.

use std::fmt;

use crate::{Action, ArchStatuses, Gate, State, Version};

/// The meta names: every Alpha, every Beta gate.
pub(crate) const ALL_ALPHA: &str = "AllAlpha";
pub(crate) const ALL_BETA: &str = "AllBeta";

/// Bit 0: listed as enabled; bit 1: listed as disabled.
pub(crate) const ENABLED: u8 = 1;
pub(crate) const DISABLED: u8 = 2;

/// What decided whether a gate is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Rule {
    /// GA gates are always on, even when listed as disabled.
    GaAlwaysOn,
    /// Discontinued gates are always off, even when listed as enabled.
    DiscontinuedAlwaysOff,
    /// Not named: the state's default (Beta on; Alpha and Deprecated off).
    StateDefault {
        /// The gate's state.
        state: State,
    },
    /// Named by the configuration in its enabled or disabled list.
    Configured {
        /// Which list.
        enabled: bool,
    },
    /// Switched by `AllAlpha` or `AllBeta`.
    Meta {
        /// `AllAlpha` or `AllBeta`.
        name: &'static str,
        /// Which list named it.
        enabled: bool,
    },
    /// Turned off by the architecture policy.
    ArchPolicy {
        /// The action taken (`Disable`, or `Deny` on a gate the
        /// configuration did not name).
        action: Action,
        /// The architectures that called for it.
        archs: ArchStatuses,
    },
    /// Turned off because a gate it requires is off: a gate is on only if
    /// everything it requires is on.
    MissingRequirement {
        /// The first of its requirements (in declared order) that is off.
        requirement: &'static Gate,
    },
    /// Off: the emulated release ([`Options::emulated_version`](crate::Options::emulated_version))
    /// comes before the gate's first recorded stage.
    NotYetIntroduced {
        /// The emulated release.
        version: Version,
        /// The gate's first recorded stage...
        state: State,
        /// ...and the release it entered it.
        from: Version,
    },
    /// Pinned by [`override_gate`](crate::override_gate).
    Override {
        /// The pinned value.
        enabled: bool,
    },
}

/// The rule for `gate` when the emulated `version` comes before its first
/// recorded stage (`state_at` said `None`).
pub(crate) fn not_yet_introduced(gate: &Gate, version: Version) -> Rule {
    // `state_at` is `None` only for a gate with a history.
    let (state, from) = gate.history().next().unwrap_or((gate.state(), version));
    Rule::NotYetIntroduced {
        version,
        state,
        from,
    }
}

/// Whether a gate of `state` is on and which rule says so, given the lists
/// naming it (`ENABLED`/`DISABLED` bits) and those naming its meta name.
pub(crate) fn decide(state: State, listed: u8, all_alpha: u8, all_beta: u8) -> (bool, Rule) {
    let (meta_name, meta) = match state {
        State::Alpha => (ALL_ALPHA, all_alpha),
        State::Beta => (ALL_BETA, all_beta),
        _ => ("", 0),
    };
    match state {
        State::Ga => return (true, Rule::GaAlwaysOn),
        State::Discontinued => return (false, Rule::DiscontinuedAlwaysOff),
        State::Alpha | State::Beta | State::Deprecated => {}
    }
    // A gate named on its own wins over `AllAlpha`/`AllBeta`.
    if listed != 0 {
        let enabled = listed == ENABLED;
        (enabled, Rule::Configured { enabled })
    } else if meta != 0 {
        let enabled = meta == ENABLED;
        (
            enabled,
            Rule::Meta {
                name: meta_name,
                enabled,
            },
        )
    } else {
        (state.default_enabled(), Rule::StateDefault { state })
    }
}

impl Rule {
    /// A short name of the rule, stable across releases, for machines (the
    /// `rule` key of a serialized [`FeatureSet`](crate::FeatureSet)):
    /// `ga_always_on`, `discontinued_always_off`, `state_default`,
    /// `configured`, `meta`, `arch_policy`, `missing_requirement`,
    /// `not_yet_introduced`, `override`. `Display` is the sentence for people.
    #[must_use]
    pub fn as_str(&self) -> &'static str {
        match self {
            Rule::GaAlwaysOn => "ga_always_on",
            Rule::DiscontinuedAlwaysOff => "discontinued_always_off",
            Rule::StateDefault { .. } => "state_default",
            Rule::Configured { .. } => "configured",
            Rule::Meta { .. } => "meta",
            Rule::ArchPolicy { .. } => "arch_policy",
            Rule::MissingRequirement { .. } => "missing_requirement",
            Rule::NotYetIntroduced { .. } => "not_yet_introduced",
            Rule::Override { .. } => "override",
        }
    }

    /// Whether a configuration can turn on a gate this rule turned off (by
    /// naming it, or what it requires): not so for a Discontinued gate, one
    /// not yet introduced, nor one the architecture policy or a pin turned
    /// off.
    pub(crate) fn configurable(self) -> bool {
        matches!(
            self,
            Rule::StateDefault { .. }
                | Rule::Configured { .. }
                | Rule::Meta { .. }
                | Rule::MissingRequirement { .. }
        )
    }
}

/// Why the gate is on or off, as the end of a sentence about it.
impl fmt::Display for Rule {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Rule::GaAlwaysOn => f.write_str("GA gates are always on"),
            Rule::DiscontinuedAlwaysOff => f.write_str("Discontinued gates are always off"),
            Rule::StateDefault { state } => write!(
                f,
                "the configuration does not name it, and {state} gates are {} by default",
                if state.default_enabled() { "on" } else { "off" }
            ),
            Rule::Configured { enabled } => write!(
                f,
                "the configuration {} it",
                if enabled { "enables" } else { "disables" }
            ),
            Rule::Meta { name, enabled } => write!(f, "the configuration sets {name}={enabled}"),
            Rule::ArchPolicy { action, archs } => write!(
                f,
                "the architecture policy ({action}) turns it off on {archs}"
            ),
            Rule::MissingRequirement { requirement } => {
                write!(f, "it requires {requirement}, which is off")
            }
            Rule::NotYetIntroduced {
                version,
                state,
                from,
            } => write!(
                f,
                "it does not exist in {version}; it is {state} from {from}"
            ),
            Rule::Override { enabled } => write!(
                f,
                "an override pins it {}",
                if enabled { "on" } else { "off" }
            ),
        }
    }
}
