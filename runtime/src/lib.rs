//! Feature gates declared once, in source, with their maturity and their
//! support on each CPU architecture.
//!
//! A program that runs on several architectures (KubeVirt on amd64, arm64 and
//! s390x is the model) gates features by maturity, and not every feature
//! works everywhere. `featuregate` keeps both facts in one declaration that
//! the compiler checks, and gives the program one registry of every gate of
//! every crate linked into it.
//!
//! # Declare
//!
//! A gate is a marker type with an attribute; its doc comment is the gate's
//! description.
//!
//! ```
//! use featuregate::{Arch, FeatureGate, State, Support, feature_gate};
//!
//! /// Lets a VM use a container image as a volume.
//! #[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified, s390x = Unverified)]
//! pub struct ImageVolume;
//!
//! /// Encrypts guest memory with AMD SEV.
//! #[feature_gate(name = "WorkloadEncryptionSEV", state = Alpha,
//!                amd64 = Supported, others = Unsupported("AMD SEV is an amd64 feature"))]
//! pub struct WorkloadEncryptionSev;
//!
//! let gate = ImageVolume::GATE;
//! assert_eq!(gate.name(), "ImageVolume");
//! assert_eq!(gate.state(), State::Beta);
//! assert_eq!(gate.description(), Some("Lets a VM use a container image as a volume."));
//! assert_eq!(gate.support(Arch::Arm64), Some(Support::Unverified));
//! assert_eq!(gate.support(Arch::Ppc64le), None); // not named: unspecified
//!
//! let sev = WorkloadEncryptionSev::GATE;
//! assert_eq!(sev.support(Arch::S390x), Some(Support::Unsupported));
//! assert_eq!(sev.reason(Arch::S390x), Some("AMD SEV is an amd64 feature"));
//!
//! // Beta is on by default; the check is one atomic load.
//! assert!(ImageVolume::is_enabled());
//! assert!(!WorkloadEncryptionSev::is_enabled());
//! ```
//!
//! Keys: `state` (required: `Alpha`, `Beta`, `GA`, `Deprecated`,
//! `Discontinued`), `name`, `message`, one per architecture (`amd64`, `arm64`,
//! `s390x`, `ppc64le`, `riscv64`) with `Supported`, `Pending`, `Unsupported` or
//! `Unverified`, each optionally with a reason (`Pending("needs CDI")`),
//! `others` for every architecture not named, `since`, `owner`, `used_by` (a
//! path to a `fn(&Spec) -> bool`) and `crate` (the path of a re-export of this
//! crate).
//!
//! A malformed declaration does not compile, and the error says why:
//!
//! ```compile_fail
//! use featuregate::feature_gate;
//!
//! #[feature_gate(state = Beta, aarch64 = Supported)] // unknown architecture `aarch64`; did you mean `arm64`?
//! pub struct ImageVolume;
//! ```
//!
//! # Iterate and query
//!
//! [`registry()`] holds every gate of every crate linked into the program,
//! sorted by name.
//!
//! ```standalone_crate
//! # use featuregate::feature_gate;
//! # #[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified)]
//! # pub struct ImageVolume;
//! # #[feature_gate(state = GA, arm64 = Pending("needs CDI"))]
//! # pub struct ExpandDisks;
//! use featuregate::{Arch, Support, registry};
//!
//! for gate in registry().iter() {
//!     let arm64 = gate.support(Arch::Arm64).map_or("unspecified", Support::as_str);
//!     println!("{:<12} {:<5} arm64: {arm64}", gate.name(), gate.state());
//! }
//!
//! let gate = registry().get("ExpandDisks").unwrap();
//! assert_eq!(gate.reason(Arch::Arm64), Some("needs CDI"));
//! assert_eq!(registry().suggest("ImageVolumes"), Some("ImageVolume"));
//!
//! // Which gates are not yet verified on arm64?
//! let unverified: Vec<_> = registry()
//!     .iter()
//!     .filter(|g| g.support(Arch::Arm64) != Some(Support::Supported))
//!     .map(|g| g.name())
//!     .collect();
//! assert_eq!(unverified, ["ExpandDisks", "ImageVolume"]);
//! ```
//!
//! # Does this value use the feature?
//!
//! `used_by` names a predicate over any type of the program's, as KubeVirt's
//! `VmiSpecUsed` does over a VM spec:
//!
//! ```
//! use featuregate::{FeatureGate, feature_gate};
//!
//! pub struct VmSpec { pub image_volumes: usize }
//!
//! fn uses_image_volumes(spec: &VmSpec) -> bool { spec.image_volumes > 0 }
//!
//! #[feature_gate(state = Beta, used_by = uses_image_volumes)]
//! pub struct ImageVolume;
//!
//! assert_eq!(ImageVolume::GATE.is_used_by(&VmSpec { image_volumes: 2 }), Some(true));
//! assert_eq!(ImageVolume::GATE.is_used_by(&"not a spec"), None);
//! ```

mod arch;
mod gate;
mod registry;
mod spelling;
mod state;
mod support;

// -- configuration (issue 3): config.rs, evaluate.rs, active.rs --
mod active;
mod config;
mod evaluate;
pub use active::{OverrideGuard, activate, active, configure, override_gate};
pub use config::{ConfigError, GateConfig};
pub use evaluate::{Action, ArchPolicy, ArchStatuses, FeatureSet, Options, Warning};

// -- reports (issue 4): report/, cli --
pub mod report;
#[cfg(feature = "cli")]
pub mod cli;
pub use report::{ArchCoverage, Coverage, Matrix, Parity, ParityGap};

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
