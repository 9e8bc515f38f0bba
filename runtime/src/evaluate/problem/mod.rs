//! [`Problem`]: one kind of thing surprising or wrong in a configuration or a
//! spec, with the [`Severity`] it has where it was found; its words are in
//! `words.rs`.

mod words;

use crate::text::capped::Kind;
use crate::{Action, Arch, ArchSet, ArchStatuses, Explanation, Gate, Rule, State, Version};

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
    /// A gate on on some architectures of a cluster and turned off on
    /// others (`archs`), where a gate it requires is off (SPEC section 14).
    /// A warning.
    RequirementOffOn {
        /// The gate.
        gate: &'static Gate,
        /// Where it was turned off.
        archs: ArchSet,
        /// Its requirements that are off there, in declared order, each with why.
        missing: Vec<Explanation>,
    },
    /// A spec for an architecture outside the evaluated ones
    /// ([`FeatureSet::admit`](crate::FeatureSet::admit)), or, `arch` being
    /// `None`, a spec to place when no architecture was evaluated. A refusal.
    ArchNotEvaluated {
        /// The spec's architecture.
        arch: Option<Arch>,
        /// The evaluated architectures.
        evaluated: ArchSet,
    },
    /// A spec for `arch` uses a gate that does not qualify there: off there,
    /// or `Unsupported` there (whatever the policy: an Unsupported feature
    /// cannot work there). A refusal.
    SpecArchUnqualified {
        /// The gate.
        gate: &'static Gate,
        /// The spec's architecture.
        arch: Arch,
        /// Why it is off there, when it is (`None`: on but Unsupported).
        off: Option<Rule>,
    },
    /// A spec to place uses gates that qualify on no common architecture:
    /// one problem per gate it uses, naming where that gate qualifies. A
    /// refusal.
    NoPlacement {
        /// The gate.
        gate: &'static Gate,
        /// Where it qualifies (on and not Unsupported).
        qualifies: ArchSet,
    },
    /// In a cluster, [`FeatureSet::check_spec`](crate::FeatureSet::check_spec)
    /// refuses a spec using a gate that does not qualify on every evaluated
    /// architecture: [`FeatureSet::admit`](crate::FeatureSet::admit) places
    /// it. A refusal.
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
            | Problem::SpecUsesDeprecated { .. }
            | Problem::RequirementOffOn { .. } => Severity::Warning,
            Problem::InvalidName { .. }
            | Problem::DuplicateName { .. }
            | Problem::InBothLists { .. }
            | Problem::ArchDenied { .. }
            | Problem::SpecUsesDisabled { .. }
            | Problem::UncheckedType { .. }
            | Problem::ArchNotEvaluated { .. }
            | Problem::SpecArchUnqualified { .. }
            | Problem::NoPlacement { .. }
            | Problem::SpecNotEverywhere { .. } => Severity::Refusal,
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
            | Problem::SpecUsesDisabled { gate, .. }
            | Problem::RequirementOffOn { gate, .. }
            | Problem::SpecArchUnqualified { gate, .. }
            | Problem::NoPlacement { gate, .. }
            | Problem::SpecNotEverywhere { gate, .. } => Some(gate),
            Problem::InvalidName { .. }
            | Problem::DuplicateName { .. }
            | Problem::InBothLists { .. }
            | Problem::UnknownGate { .. }
            | Problem::UncheckedType { .. }
            | Problem::ArchNotEvaluated { .. }
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
            Problem::RequirementOffOn { .. } => (
                17,
                "gates turned off for a requirement on some architectures",
            ),
            Problem::ArchNotEvaluated { .. } => (18, "architectures not evaluated"),
            Problem::SpecArchUnqualified { .. }
            | Problem::NoPlacement { .. }
            | Problem::SpecNotEverywhere { .. } => {
                (19, "gates that do not qualify on an architecture")
            }
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
