//! One gate: the const descriptor the macro builds, the [`FeatureGate`]
//! trait, where it was declared, and what the macro's expansion calls.

mod descriptor;
pub(crate) mod encoding;
mod expansion;
mod location;
pub mod private;
pub(crate) mod requirement_checks;
mod target_check;

pub use descriptor::{__used_by, FeatureGate, Gate, Registered, UsedBy};
pub use location::Location;
