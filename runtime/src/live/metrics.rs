//! The `feature_enabled` gauge (feature `metrics`): 1 or 0 for every gate of
//! [`registry()`](crate::registry), labelled `name` and `stage`, as
//! Kubernetes exports `kubernetes_feature_enabled`.

#[cfg(feature = "metrics")]
use std::sync::{Mutex, PoisonError};

use crate::FeatureSet;
#[cfg(feature = "metrics")]
use crate::{Gate, State, registry};

/// The gauge's name.
#[cfg(feature = "metrics")]
pub(crate) const FEATURE_ENABLED: &str = "feature_enabled";

/// The values last exported, by registry position; empty before the first
/// publish, which sets every gauge. Later publishes set only the gauges
/// whose value changed.
#[cfg(feature = "metrics")]
static EXPORTED: Mutex<Vec<bool>> = Mutex::new(Vec::new());

/// The `stage` label of a state, in Kubernetes' spelling.
#[cfg(feature = "metrics")]
fn stage(state: State) -> &'static str {
    match state {
        State::Alpha => "ALPHA",
        State::Beta => "BETA",
        State::Ga => "GA",
        State::Deprecated => "DEPRECATED",
        State::Discontinued => "DISCONTINUED",
    }
}

/// Without the `metrics` feature, nothing to export.
#[cfg(not(feature = "metrics"))]
pub(crate) fn published(_before: &FeatureSet, _after: &FeatureSet) {}

/// Brings the gauges in step with the slots `publish` has just written:
/// all of them the first time, then those that changed. Reads the slots
/// rather than the sets, so a set over a private registry is exported as
/// `T::is_enabled()` sees it. Called with the writer lock held.
#[cfg(feature = "metrics")]
pub(crate) fn published(_before: &FeatureSet, _after: &FeatureSet) {
    let mut exported = EXPORTED.lock().unwrap_or_else(PoisonError::into_inner);
    let gates = registry();
    let first = exported.len() != gates.len();
    if first {
        exported.clear();
        exported.resize(gates.len(), false);
    }
    for (gate, last) in gates.iter().zip(exported.iter_mut()) {
        let now = gate.is_enabled();
        if first || now != *last {
            set(gate, now);
            *last = now;
        }
    }
}

#[cfg(feature = "metrics")]
fn set(gate: &'static Gate, enabled: bool) {
    ::metrics::gauge!(FEATURE_ENABLED, "name" => gate.name(), "stage" => stage(gate.state()))
        .set(if enabled { 1.0 } else { 0.0 });
}
