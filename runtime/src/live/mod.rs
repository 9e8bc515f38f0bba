//! The program's active configuration: what `T::is_enabled()` reads, pins
//! for tests, live reload from files and the `feature_enabled` gauge.

mod active;
#[cfg(feature = "metrics")]
pub mod metrics;
#[cfg(not(feature = "metrics"))]
pub(crate) mod metrics;
#[cfg(feature = "watch")]
pub mod watch;

pub use active::{OverrideGuard, activate, active, configure, override_gate};
