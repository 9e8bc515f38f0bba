//! Support claims checked against per-architecture JUnit test results (feature `evidence`).
//!
//! Typed by hand, "Supported" drifts from what CI shows. [`Evidence`] reads
//! JUnit XML per architecture (Ginkgo v2, KubeVirt's functest report,
//! cargo-nextest, Surefire, pytest), tests map to gates by their
//! `[FeatureGate:X]`/`[OCPFeatureGate:X]` tags, Ginkgo's `FeatureGate:X`
//! labels and an [`EvidenceMap`] of glob rules, and
//! [`Registry::assess`](crate::Registry::assess) judges each gate's
//! declared support against an [`EvidencePolicy`] (OpenShift's thresholds
//! by default) as an [`Assessment`]: [`Finding`]s (`Promote`, `Regressed`,
//! `Unbacked`, `Contradicted`), warnings about tags naming no gate, and the
//! untested gates per architecture. The assessment is a
//! [`Report`](crate::Report) like the matrix.
//!
//! ```
//! use featuregate::{Arch, FeatureGate, Registry, feature_gate};
//! use featuregate::evidence::{Evidence, EvidencePolicy, FindingKind};
//!
//! #[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified)]
//! pub struct ImageVolume;
//!
//! let mut junit = String::from(r#"<testsuites><testsuite name="e2e">"#);
//! for test in 0..5 {
//!     for _ in 0..14 {
//!         junit += &format!(r#"<testcase name="[It] case {test} [FeatureGate:ImageVolume]"/>"#);
//!     }
//! }
//! junit += "</testsuite></testsuites>";
//! let mut evidence = Evidence::new();
//! evidence.add_junit(Arch::Arm64, junit.as_bytes()).unwrap();
//!
//! let registry = Registry::new([ImageVolume::GATE]).unwrap();
//! let assessment = registry.assess(&evidence, &EvidencePolicy::default());
//! assert_eq!(assessment.get("ImageVolume", Arch::Arm64).unwrap().runs, 70);
//! assert_eq!(assessment.findings()[0].kind, FindingKind::Promote);
//! assert!(assessment.get("ImageVolume", Arch::Amd64).is_none()); // no file: not judged
//! ```

mod assess;
mod collected;
mod error;
mod finding;
mod junit;
mod map;
#[cfg(feature = "cli")]
pub(crate) mod promote;
mod tags;

pub use self::assess::{Assessment, EvidencePolicy, Observed};
pub use self::collected::Evidence;
pub use self::error::EvidenceError;
pub use self::finding::{Finding, FindingKind};
pub use self::junit::MAX_EVIDENCE_BYTES;
pub use self::map::EvidenceMap;
