//! The `feature_enabled` gauge (feature `metrics`): 1 or 0 for every gate of
//! [`registry()`](crate::registry), labelled `name` and `stage`, as
//! Kubernetes exports `kubernetes_feature_enabled`. Every change of the
//! active configuration sets every gate's gauge; [`publish`] sets them all
//! from the active configuration, for a recorder installed after it.

#[cfg(feature = "metrics")]
use std::sync::{Mutex, PoisonError};

use crate::FeatureSet;
#[cfg(feature = "metrics")]
use crate::{Gate, State, registry};

/// The gauge's name: `feature_enabled` (Kubernetes exports the same as
/// `kubernetes_feature_enabled`; a program may describe it to its recorder).
#[cfg(feature = "metrics")]
pub const FEATURE_ENABLED: &str = "feature_enabled";

/// Serialises the writers of the gauges, so that the last to write has
/// read the slots last: the gauges end as `T::is_enabled()` answers.
#[cfg(feature = "metrics")]
static EXPORTING: Mutex<()> = Mutex::new(());

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

/// Sets every gate's gauge from the slots the active configuration's
/// publish has just written. Reads the slots rather than the sets, so a set
/// over a private registry is exported as `T::is_enabled()` sees it. Called
/// with the writer lock held.
#[cfg(feature = "metrics")]
pub(crate) fn published(_before: &FeatureSet, _after: &FeatureSet) {
    publish();
}

/// Sets the `feature_enabled` gauge of every gate of
/// [`registry()`](crate::registry) from the active configuration (1 on, 0
/// off, labelled `name` and `stage`). Every change of the active
/// configuration does so too; call this after installing a recorder, so
/// that a program that never reconfigures still exports every gate.
///
/// ```standalone_crate
/// featuregate::configure(&featuregate::GateConfig::default(), &featuregate::Options::default())?;
/// // metrics_exporter_prometheus::PrometheusBuilder::new().install_recorder()?;
/// featuregate::metrics::publish();
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[cfg(feature = "metrics")]
pub fn publish() {
    let _exporting = EXPORTING.lock().unwrap_or_else(PoisonError::into_inner);
    for gate in registry().iter() {
        set(gate, gate.is_enabled());
    }
}

#[cfg(feature = "metrics")]
fn set(gate: &'static Gate, enabled: bool) {
    ::metrics::gauge!(FEATURE_ENABLED, "name" => gate.name(), "stage" => stage(gate.state()))
        .set(if enabled { 1.0 } else { 0.0 });
}
