//! [`Finding`]: what the evidence says about one gate's declared support on
//! one architecture, and its [`FindingKind`].

use std::fmt;

use super::assess::{EvidencePolicy, Observed};
use crate::{Arch, Gate, Support};

/// What the evidence says about a declared support value.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
#[non_exhaustive]
pub enum FindingKind {
    /// Declared Supported, and one of its tests with at least `min_runs`
    /// runs there passes below `min_pass_rate`.
    Regressed,
    /// Declared Unsupported, yet its tests meet the policy there.
    Contradicted,
    /// Declared Supported, and the evidence does not meet the policy (no
    /// run at all included).
    Unbacked,
    /// Declared Unverified, Pending or unspecified, and the evidence meets
    /// the policy: declare it Supported.
    Promote,
}

impl FindingKind {
    /// Every kind, in order of precedence.
    pub const ALL: [FindingKind; 4] = [
        FindingKind::Regressed,
        FindingKind::Contradicted,
        FindingKind::Unbacked,
        FindingKind::Promote,
    ];

    /// The kind's name, as reports spell it.
    #[must_use]
    pub const fn as_str(self) -> &'static str {
        match self {
            FindingKind::Regressed => "Regressed",
            FindingKind::Contradicted => "Contradicted",
            FindingKind::Unbacked => "Unbacked",
            FindingKind::Promote => "Promote",
        }
    }

    /// Whether `evidence --check` fails on it (Regressed, Contradicted;
    /// with `strict`, Unbacked too).
    #[must_use]
    pub const fn fails_check(self, strict: bool) -> bool {
        match self {
            FindingKind::Regressed | FindingKind::Contradicted => true,
            FindingKind::Unbacked => strict,
            FindingKind::Promote => false,
        }
    }
}

impl fmt::Display for FindingKind {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// One gate's declared support on one architecture against the evidence.
/// `Display` names the gate, the architecture, the kind and the figures.
#[derive(Debug, Clone, PartialEq)]
#[non_exhaustive]
pub struct Finding {
    /// The gate.
    pub gate: &'static Gate,
    /// The architecture judged.
    pub arch: Arch,
    /// What the evidence says.
    pub kind: FindingKind,
    /// The gate's effective support there (`others` included); `None` when
    /// unspecified.
    pub declared: Option<Support>,
    /// What the evidence shows.
    pub observed: Observed,
    policy: EvidencePolicy,
}

impl Finding {
    pub(super) fn new(
        gate: &'static Gate,
        arch: Arch,
        kind: FindingKind,
        declared: Option<Support>,
        observed: Observed,
        policy: EvidencePolicy,
    ) -> Finding {
        Finding {
            gate,
            arch,
            kind,
            declared,
            observed,
            policy,
        }
    }
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let declared = self.declared.map_or("unspecified", Support::as_str);
        let o = &self.observed;
        let p = &self.policy;
        let figures = format!(
            "{} of {} tests ran {}+ times at {}% or better; {}/{} runs passed",
            o.meeting,
            o.tests,
            p.min_runs,
            p.min_pass_rate * 100.0,
            o.passes,
            o.runs
        );
        write!(
            f,
            "{} on {}: {}: declared {declared}, ",
            self.gate.name(),
            self.arch,
            self.kind
        )?;
        match self.kind {
            FindingKind::Promote => write!(f, "and {figures}; declare it Supported")?,
            FindingKind::Contradicted => {
                write!(f, "yet {figures}; the hardware limit may be gone")?;
            }
            FindingKind::Regressed => write!(
                f,
                "but {} test(s) of it with {}+ runs passed below {}% ({figures})",
                o.below,
                p.min_runs,
                p.min_pass_rate * 100.0
            )?,
            FindingKind::Unbacked if o.runs == 0 => {
                write!(f, "but no test of it ran there")?;
            }
            FindingKind::Unbacked => write!(
                f,
                "but the policy asks for {} such tests ({figures})",
                p.min_tests
            )?,
        }
        if let Some((test, message)) = o.last_failure() {
            write!(f, "; last failure: {test}: {message}")?;
        }
        Ok(())
    }
}
