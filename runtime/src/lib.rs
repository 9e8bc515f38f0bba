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
//! path to a `fn(&Spec) -> bool`), `requires` (the marker types of the gates
//! this one needs: `requires = [Iommufd, crate::gates::PciNumaAwareTopology]`,
//! checked by the compiler against each gate's state and support; see
//! [`Gate::requires`] and [`Registry::required_by`]), the stage keys
//! `alpha`, `beta`, `ga`, `deprecated`, `discontinued` (the release the gate
//! entered each stage, `alpha = "v1.6.0", beta = "v1.7.0"`: they give the
//! state, and [`Gate::history`], [`Gate::state_at`] and [`Registry::lint`]
//! read them) and `crate` (the path of a re-export of this crate).
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
//!
//! # Configure
//!
//! A [`GateConfig`] is KubeVirt's `developerConfiguration` (enabled and
//! disabled lists; with the `serde` feature it reads `featureGates` and
//! `disabledFeatureGates`) or a Kubernetes `--feature-gates` string.
//! [`Registry::evaluate`] applies KubeVirt's rules and the architecture
//! policy; [`configure`] does that over [`registry()`] and makes the result
//! the active configuration, which `T::is_enabled()` reads.
//!
//! ```standalone_crate
//! use featuregate::{Action, Arch, ArchPolicy, FeatureGate, GateConfig, Options, configure, feature_gate};
//!
//! #[feature_gate(state = Alpha, amd64 = Supported, arm64 = Unsupported)]
//! pub struct WorkloadEncryptionSev;
//!
//! #[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified)]
//! pub struct ImageVolume;
//!
//! let config = GateConfig::parse("WorkloadEncryptionSev=true,ImageVolume=false").unwrap();
//! let set = configure(&config, &Options::default().with_archs([Arch::Amd64])).unwrap();
//! assert!(WorkloadEncryptionSev::is_enabled());
//! assert!(!ImageVolume::is_enabled());
//! assert!(set.warnings().is_empty());
//!
//! // On an arm64 node, the same configuration warns...
//! let arm64 = Options::default().with_archs([Arch::Arm64]);
//! let set = configure(&config, &arm64).unwrap();
//! assert_eq!(
//!     set.warnings()[0].to_string(),
//!     "feature gate WorkloadEncryptionSev is enabled but not Supported on arm64 (Unsupported)"
//! );
//!
//! // ...and a policy that denies Unsupported refuses it, leaving the active
//! // configuration as it was.
//! let strict = arm64.with_policy(ArchPolicy { unsupported: Action::Deny, ..ArchPolicy::default() });
//! let err = configure(&config, &strict).unwrap_err();
//! assert!(err.to_string().contains("arm64"));
//! assert!(WorkloadEncryptionSev::is_enabled());
//!
//! // A typo is never silently ignored.
//! let set = configure(&GateConfig::parse("ImageVolum=true").unwrap(), &Options::default()).unwrap();
//! assert_eq!(
//!     set.warnings()[0].to_string(),
//!     "unknown feature gate ImageVolum; did you mean ImageVolume?"
//! );
//! ```
//!
//! # Report
//!
//! [`Registry::matrix`], [`Registry::coverage`] and [`Registry::parity`]
//! answer the maintainers' questions; each has text, Markdown, CSV, HTML (a
//! self-contained page to open in a browser) and (with `serde`) JSON forms. [`report::assert_docs`] keeps a committed support
//! document in step with the code, and the `cli` feature mounts all of it as
//! a command line ([`cli::main`](crate#features)).
//!
//! ```standalone_crate
//! use featuregate::{Arch, Support, feature_gate, registry};
//!
//! #[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified, s390x = Unverified)]
//! pub struct ImageVolume;
//!
//! #[feature_gate(state = GA, amd64 = Supported, arm64 = Supported, s390x = Unsupported("IBM Z has no such device"))]
//! pub struct Gpu;
//!
//! print!("{}", registry().matrix());
//! let csv = registry().matrix().to_csv();
//! assert!(csv.starts_with("name,state,amd64,arm64,s390x,ppc64le,riscv64\n"));
//! assert!(csv.contains("ImageVolume,Beta,Supported,Unverified,Unverified,,\n"));
//!
//! let s390x = registry().coverage().get(Arch::S390x);
//! assert_eq!((s390x.supported, s390x.unsupported, s390x.unverified), (0, 1, 1));
//!
//! // What does s390x lack that amd64 has?
//! let gaps = registry().parity(Arch::Amd64, Arch::S390x);
//! let gaps: Vec<_> = gaps.iter().map(|g| (g.gate.name(), g.other)).collect();
//! assert_eq!(gaps, [("Gpu", Some(Support::Unsupported)), ("ImageVolume", Some(Support::Unverified))]);
//! ```
//!
//! # Features
//!
//! - `serde`: `GateConfig` with KubeVirt's field names, the reports as JSON,
//!   and `FeatureSet` as the state of every gate with the rule that decided
//!   it (an introspection endpoint's body).
//! - `cli`: [`cli`], a command-line front end (`list`, `show`, `matrix`,
//!   `coverage`, `parity`, `check`) a program mounts in one line:
//!   `fn main() -> featuregate::cli::Exit { featuregate::cli::main() }`.
//! - `tracing`: [`configure`] logs each warning at warn level, and every
//!   change of the active configuration (configure, activate, overrides,
//!   reloads) logs one info event per gate that changed.
//! - `yaml`: [`GateConfig::from_path`] reads `KubeVirt` CRs in YAML, bounded
//!   against alias bombs.
//! - `watch`: [`watch::watch`] keeps the active configuration in step with a
//!   file, a Kubernetes `ConfigMap` volume included, and
//!   [`watch::watch_sources`] with layers of files and fixed configurations
//!   (the command line's, the environment's), the later layers winning.
//! - `metrics`: the gauge `feature_enabled` (labels `name` and `stage`, 1 or
//!   0) for every gate, through the `metrics` facade, set for every gate on
//!   every change of the active configuration and by [`metrics::publish`].
//! - `evidence`: [`evidence`] reads JUnit XML test results per architecture
//!   and [`Registry::assess`] checks each declared support value against
//!   them (Promote, Regressed, Unbacked, Contradicted); with `cli`, the
//!   `evidence` command (`--check` for CI, `--suggest` for a diff).

// The stages, top to bottom: each imports only from those after it
// (checked by tests/crate_stages.rs).
// A command line over any registry (feature `cli`).
#[cfg(feature = "cli")]
pub mod cli;
// Matrix, coverage, parity, the requirement graph, the docs check.
pub mod report;
// JUnit test results in, findings on declared support out (feature `evidence`).
#[cfg(feature = "evidence")]
pub mod evidence;
// The active configuration, pins, live reload, the gauge.
mod live;
// Rules, policy, requirements, `FeatureSet`, problems, explanations.
mod evaluate;
// `GateConfig`: flags, files, `KubeVirt` CRs, layered sources.
mod config;
// Every gate of the program, its lookups, its graph, the lint.
mod registry;
// One gate's descriptor and what the macro's expansion calls.
mod gate;
// Architectures, states, support values, versions, names.
mod vocab;
// Escaping, capping, "did you mean", error chains.
mod text;

#[cfg(feature = "metrics")]
pub use live::metrics;
#[cfg(feature = "watch")]
pub use live::watch;

pub use featuregate_macros::feature_gate;

#[cfg(feature = "serde")]
pub use config::schema;
pub use config::{GateConfig, MAX_FILE_BYTES, ParseError, SourceError, Sources};
pub use evaluate::{
    ARCH_LABEL, Action, ArchPolicy, ArchStatuses, Change, ConfigError, ConfigProblem, Explanation,
    FeatureSet, NodeSelectorRequirement, NodeSelectorTerm, Options, Placement, Problem, Rule,
    Severity, Warning,
};
pub use gate::{FeatureGate, Gate, Location};
pub use live::{OverrideGuard, activate, active, configure, override_gate};
pub use registry::{
    Finding, LifecyclePolicy, MissingHistory, Registry, RegistryError, RegistryProblem, Remedy,
    registry, try_registry,
};
pub use report::{ArchCoverage, Coverage, Graph, Matrix, Parity, ParityGap, Report};
pub use text::ErrorChain;
pub use vocab::{
    Arch, ArchSet, ParseValueError, ParseVersionError, State, Status, Support, Version,
};

#[doc(hidden)]
pub use gate::private as __private;
