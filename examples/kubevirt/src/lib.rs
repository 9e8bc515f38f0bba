//! KubeVirt's feature gates, declared with [`featuregate`]: each gate's state
//! as KubeVirt has it, its owner, the release that gave it its state, and its
//! support on amd64, arm64 and s390x where KubeVirt documents it.
//!
//! The data comes from `data/kubevirt-feature-gates.tsv`;
//! `tests/catalogue_matches_data.rs` checks the declarations against it, gate
//! by gate, and `FEATURE-GATES.md` is the support matrix rendered from them.

pub mod gates;
mod spec;

pub use spec::{Interface, InterfaceBinding, LaunchSecurity, VmSpec};
