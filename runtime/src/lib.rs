//! Feature gates declared once, in source, with their maturity and their
//! support on each CPU architecture.

mod arch;
mod gate;
mod registry;
mod spelling;
mod state;
mod support;

// -- configuration (issue 3): config.rs, evaluate.rs, active.rs --

// -- reports (issue 4): report/, cli --

pub use arch::Arch;
pub use featuregate_macros::feature_gate;
pub use gate::{FeatureGate, Gate, Location, UsedBy};
pub use registry::{DuplicateGate, Registry, registry};
pub use spelling::ParseValueError;
pub use state::State;
pub use support::Support;

/// What the macro's expansion names. Not public API: it changes without notice.
#[doc(hidden)]
pub mod __private {
    pub use crate::gate::{FIELDS, Registered, __used_by as used_by};
    pub use crate::{Gate, State, Support};
    pub use core;
    pub use inventory;

    /// The descriptor of a declaration the macro rejected: the marker type
    /// still implements `FeatureGate` so its uses do not add errors of their
    /// own, but nothing is registered.
    pub static FALLBACK: Gate = Gate::__new("", [0; FIELDS], 0, 0, None);
}
