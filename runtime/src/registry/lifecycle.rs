//! The lifecycle lint: gates that stayed in a stage longer than the
//! project's policy allows, after KubeVirt's feature lifecycle (Alpha for
//! one or two releases, Beta for one to three, then graduate or go;
//! Discontinued the release after Deprecated).

use std::fmt;

use crate::{Gate, Registry, State, Version};

/// How many minor releases a gate may stay in each stage that has a next
/// step. `Default` is KubeVirt's policy: Alpha 2, Beta 3, Deprecated 1.
/// Plain fields, built with a struct expression
/// (`LifecyclePolicy { alpha_releases: 1, ..LifecyclePolicy::default() }`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct LifecyclePolicy {
    /// Minor releases a gate may stay Alpha.
    pub alpha_releases: u32,
    /// Minor releases a gate may stay Beta.
    pub beta_releases: u32,
    /// Minor releases a gate may stay Deprecated before it is Discontinued.
    pub deprecated_releases: u32,
}

impl Default for LifecyclePolicy {
    fn default() -> LifecyclePolicy {
        LifecyclePolicy {
            alpha_releases: 2,
            beta_releases: 3,
            deprecated_releases: 1,
        }
    }
}

impl LifecyclePolicy {
    /// The releases the policy allows in `state`, and what it asks after
    /// them; `None` for the stages it does not judge (GA, Discontinued).
    fn limit(&self, state: State) -> Option<(u32, Remedy)> {
        match state {
            State::Alpha => Some((self.alpha_releases, Remedy::GraduateOrRemove)),
            State::Beta => Some((self.beta_releases, Remedy::GraduateOrRemove)),
            State::Deprecated => Some((self.deprecated_releases, Remedy::Discontinue)),
            State::Ga | State::Discontinued => None,
        }
    }
}

/// What the policy asks of a gate that overstayed its stage.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Remedy {
    /// Alpha or Beta too long: promote it, or take the feature out.
    GraduateOrRemove,
    /// Deprecated too long: make it Discontinued.
    Discontinue,
}

impl Remedy {
    /// `graduate or remove`, `discontinue`.
    #[must_use]
    pub fn as_str(self) -> &'static str {
        match self {
            Remedy::GraduateOrRemove => "graduate or remove",
            Remedy::Discontinue => "discontinue",
        }
    }
}

impl fmt::Display for Remedy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.as_str())
    }
}

/// A gate that stayed in its stage longer than the policy allows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct Finding {
    /// The gate.
    pub gate: &'static Gate,
    /// Its stage (its current state).
    pub state: State,
    /// The release in which it entered the stage.
    pub since: Version,
    /// Minor releases since then, or `None` when `current` is of a later
    /// major release (past any limit).
    pub releases: Option<u32>,
    /// Minor releases the policy allows in the stage.
    pub allowed: u32,
    /// What the policy asks.
    pub remedy: Remedy,
}

impl fmt::Display for Finding {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "feature gate {} has been {} since {} (",
            self.gate.name(),
            self.state,
            self.since
        )?;
        match self.releases {
            Some(1) => f.write_str("1 release")?,
            Some(n) => write!(f, "{n} releases")?,
            None => f.write_str("an earlier major release")?,
        }
        let plural = if self.allowed == 1 { "" } else { "s" };
        write!(
            f,
            "; the policy allows {} release{plural}): {} it",
            self.allowed, self.remedy
        )
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for Finding {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut finding = serializer.serialize_struct("Finding", 7)?;
        finding.serialize_field("gate", self.gate.name())?;
        finding.serialize_field("state", self.state.as_str())?;
        finding.serialize_field("since", &self.since.to_string())?;
        finding.serialize_field("releases", &self.releases)?;
        finding.serialize_field("allowed", &self.allowed)?;
        finding.serialize_field("remedy", self.remedy.as_str())?;
        finding.serialize_field("message", &self.to_string())?;
        finding.end()
    }
}

impl Registry {
    /// The gates that, at release `current`, have been in their stage for
    /// more minor releases than `policy` allows, by name. A gate is judged
    /// by the version its declaration gives for its current stage; without
    /// one it is not judged. A later major release than that version is
    /// past any limit; an earlier one (`current` before the stage began) is
    /// within it.
    ///
    /// ```
    /// use featuregate::{LifecyclePolicy, Registry, Version, feature_gate, FeatureGate};
    ///
    /// #[feature_gate(alpha = "v1.6.0")]
    /// pub struct ObjectGraph;
    ///
    /// let registry = Registry::new([ObjectGraph::GATE]).unwrap();
    /// let policy = LifecyclePolicy::default();
    /// assert!(registry.lint(Version::new(1, 8, 0), &policy).is_empty());
    /// let findings = registry.lint(Version::new(1, 9, 0), &policy);
    /// assert_eq!(
    ///     findings[0].to_string(),
    ///     "feature gate ObjectGraph has been Alpha since v1.6.0 (3 releases; the policy allows 2 releases): graduate or remove it"
    /// );
    /// ```
    #[must_use]
    pub fn lint(&self, current: Version, policy: &LifecyclePolicy) -> Vec<Finding> {
        self.iter()
            .filter_map(|gate| {
                let state = gate.state();
                let (allowed, remedy) = policy.limit(state)?;
                let since = gate
                    .history()
                    .filter(|&(stage, _)| stage == state)
                    .map(|(_, version)| version)
                    .last()?;
                let releases = if current.major > since.major {
                    None
                } else if current.major == since.major && current.minor > since.minor {
                    Some(current.minor - since.minor)
                } else {
                    return None;
                };
                releases.is_none_or(|n| n > allowed).then_some(Finding {
                    gate,
                    state,
                    since,
                    releases,
                    allowed,
                    remedy,
                })
            })
            .collect()
    }
}
