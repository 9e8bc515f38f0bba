//! What changed between two feature sets: [`FeatureSet::changes`], and the
//! info events a publish logs with the `tracing` feature.

use std::fmt;

use crate::{FeatureSet, Gate};

/// One gate whose value differs between two sets: its new value.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Change {
    /// The gate.
    pub gate: &'static Gate,
    /// Whether it is on now.
    pub enabled: bool,
}

/// `feature gate NAME enabled` or `... disabled`.
impl fmt::Display for Change {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let now = if self.enabled { "enabled" } else { "disabled" };
        write!(f, "feature gate {} {now}", self.gate.name())
    }
}

impl FeatureSet {
    /// The gates whose value in this set differs from `before`, in name
    /// order, matched by name: a gate `before` does not know counts as at
    /// its state's default there, and a gate only `before` knows is left
    /// out (this set says nothing of it).
    ///
    /// Linear in the two sets' sizes when they share a registry (the
    /// common case: reconfiguring one program), one name lookup per gate
    /// otherwise.
    ///
    /// ```standalone_crate
    /// use featuregate::{FeatureGate, GateConfig, Options, feature_gate, registry};
    ///
    /// #[feature_gate(state = Alpha)]
    /// pub struct Sidecar;
    ///
    /// let before = registry().evaluate(&GateConfig::default(), &Options::default())?;
    /// let after = registry().evaluate(&GateConfig::parse("Sidecar=true")?, &Options::default())?;
    /// let changes = after.changes(&before);
    /// assert_eq!(changes.len(), 1);
    /// assert_eq!((changes[0].gate, changes[0].enabled), (Sidecar::GATE, true));
    /// assert_eq!(changes[0].to_string(), "feature gate Sidecar enabled");
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn changes(&self, before: &FeatureSet) -> Vec<Change> {
        if self.registry().same_table(before.registry()) {
            return self
                .iter()
                .zip(before.by_position())
                .filter(|&((_, now), &was)| now != was)
                .map(|((gate, enabled), _)| Change { gate, enabled })
                .collect();
        }
        let known = before.registry();
        self.iter()
            .filter(|&(gate, now)| {
                let was = match known.get(gate.name()) {
                    Some(_) => before.is_enabled(gate.name()),
                    None => gate.state().default_enabled(),
                };
                now != was
            })
            .map(|(gate, enabled)| Change { gate, enabled })
            .collect()
    }
}

/// Logs each change of a publish at info level (target `featuregate`),
/// without the `tracing` feature nothing. Called with the writer lock held,
/// on every change of the active configuration.
#[cfg_attr(not(feature = "tracing"), allow(unused_variables))]
pub(crate) fn published(before: &FeatureSet, after: &FeatureSet) {
    #[cfg(feature = "tracing")]
    if tracing::enabled!(target: "featuregate", tracing::Level::INFO) {
        for change in after.changes(before) {
            tracing::info!(
                target: "featuregate",
                gate = change.gate.name(),
                enabled = change.enabled,
                "{change}"
            );
        }
    }
}
