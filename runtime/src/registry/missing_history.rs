//! The lint's finding of a gate with no recorded history
//! ([`Registry::missing_history`]): its lifecycle cannot be judged, so a
//! project that wants every gate judged asks for these too (`lint
//! --require-history`).

use std::fmt;

use crate::{Gate, Registry, State};

/// A gate whose declaration records no release for any stage (no stage
/// key, no version in `since`): the lifecycle lint cannot judge it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub struct MissingHistory {
    /// The gate.
    pub gate: &'static Gate,
    /// Its state.
    pub state: State,
}

/// The stage key that records when a gate entered `state`.
fn stage_key(state: State) -> &'static str {
    match state {
        State::Alpha => "alpha",
        State::Beta => "beta",
        State::Ga => "ga",
        State::Deprecated => "deprecated",
        State::Discontinued => "discontinued",
    }
}

impl fmt::Display for MissingHistory {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "feature gate {} ({}) has no recorded history: declare the release it entered its stage ({} = \"vX.Y.Z\")",
            self.gate.name(),
            self.state,
            stage_key(self.state)
        )
    }
}

#[cfg(feature = "serde")]
impl serde::Serialize for MissingHistory {
    /// The keys of a [`Finding`](crate::Finding)'s JSON, those that do not
    /// apply `null`, the remedy `record history`.
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeStruct as _;
        let mut finding = serializer.serialize_struct("MissingHistory", 7)?;
        finding.serialize_field("gate", self.gate.name())?;
        finding.serialize_field("state", self.state.as_str())?;
        finding.serialize_field("since", &None::<String>)?;
        finding.serialize_field("releases", &None::<u32>)?;
        finding.serialize_field("allowed", &None::<u32>)?;
        finding.serialize_field("remedy", "record history")?;
        finding.serialize_field("message", &self.to_string())?;
        finding.end()
    }
}

impl Registry {
    /// The gates with no recorded history, by name: those
    /// [`Registry::lint`] cannot judge. A project that wants every gate
    /// judged fails on these too (the CLI's `lint --require-history`).
    ///
    /// ```
    /// use featuregate::{FeatureGate, Registry, feature_gate};
    ///
    /// #[feature_gate(state = Beta)]
    /// pub struct Untracked;
    /// #[feature_gate(alpha = "v1.6.0")]
    /// pub struct Tracked;
    ///
    /// let registry = Registry::new([Untracked::GATE, Tracked::GATE]).unwrap();
    /// let missing = registry.missing_history();
    /// assert_eq!(missing.len(), 1);
    /// assert_eq!(
    ///     missing[0].to_string(),
    ///     "feature gate Untracked (Beta) has no recorded history: declare the release it entered its stage (beta = \"vX.Y.Z\")"
    /// );
    /// ```
    #[must_use]
    pub fn missing_history(&self) -> Vec<MissingHistory> {
        self.iter()
            .filter(|gate| gate.history().next().is_none())
            .map(|gate| MissingHistory {
                gate,
                state: gate.state(),
            })
            .collect()
    }
}
