//! [`Placement`]: where a spec can run in a cluster, as the architectures
//! and as the Kubernetes node selector that pins it there.

use crate::{ArchSet, Warning};

/// The node label Kubernetes sets to a node's architecture.
pub const ARCH_LABEL: &str = "kubernetes.io/arch";

/// Where a spec can run: the evaluated architectures on which every gate it
/// uses qualifies (is on and not `Unsupported`), from
/// [`FeatureSet::admit`](crate::FeatureSet::admit). Never empty: an empty
/// placement is refused.
///
/// [`Placement::node_selector_term`] is what a pod with no node affinity
/// gets; a pod with terms gets [`Placement::node_selector_requirement`]
/// added to each of them (terms are alternatives, so a new term would widen
/// the placement). Both always pin to the placement's architectures, never to
/// "anywhere", even when that is every evaluated architecture.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Placement {
    archs: ArchSet,
    warnings: Vec<Warning>,
}

impl Placement {
    pub(crate) fn new(archs: ArchSet, warnings: Vec<Warning>) -> Placement {
        debug_assert!(!archs.is_empty());
        Placement { archs, warnings }
    }

    /// The architectures where the spec can run.
    #[must_use]
    pub fn archs(&self) -> ArchSet {
        self.archs
    }

    /// The warnings of the admission: a Deprecated gate the spec uses.
    #[must_use]
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The Kubernetes `NodeSelectorRequirement` pinning a pod to
    /// [`Placement::archs`]:
    /// `{"key": "kubernetes.io/arch", "operator": "In", "values": ["amd64"]}`.
    #[must_use]
    pub fn node_selector_requirement(&self) -> NodeSelectorRequirement {
        NodeSelectorRequirement {
            key: ARCH_LABEL,
            operator: "In",
            values: self.archs.iter().map(crate::Arch::as_str).collect(),
        }
    }

    /// The Kubernetes `NodeSelectorTerm` of the one requirement:
    /// `{"matchExpressions": [{"key": "kubernetes.io/arch", ...}]}`.
    #[must_use]
    pub fn node_selector_term(&self) -> NodeSelectorTerm {
        NodeSelectorTerm {
            match_expressions: vec![self.node_selector_requirement()],
        }
    }
}

/// A Kubernetes `NodeSelectorRequirement` (core/v1): with the `serde`
/// feature it serializes as Kubernetes writes it, `{"key", "operator",
/// "values"}`. Plain data rather than `serde_json::Value`, so it is typed
/// without `serde` and goes into any serializer with it.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct NodeSelectorRequirement {
    /// The node label: `kubernetes.io/arch`.
    pub key: &'static str,
    /// `In`.
    pub operator: &'static str,
    /// The architectures, in [`Arch`](crate::Arch) order.
    pub values: Vec<&'static str>,
}

/// A Kubernetes `NodeSelectorTerm` (core/v1): with the `serde` feature
/// `{"matchExpressions": [...]}`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
#[cfg_attr(feature = "serde", derive(serde::Serialize))]
pub struct NodeSelectorTerm {
    /// The requirements, all of which a node must meet.
    #[cfg_attr(feature = "serde", serde(rename = "matchExpressions"))]
    pub match_expressions: Vec<NodeSelectorRequirement>,
}
