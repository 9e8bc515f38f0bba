//! Metrics and profiling.

use featuregate::feature_gate;

/// Exposes metrics of the host and the VM to the guest.
#[feature_gate(state = Alpha, arm64 = Unverified("needs more information"))]
pub struct DownwardMetrics;

/// Collects statistics of running VMs.
#[feature_gate(name = "VMStatsCollector", owner = "sig-compute", alpha = "v1.9.0")]
pub struct VmStatsCollector;

/// Lets administrators profile KubeVirt's components.
#[feature_gate(state = GA, arm64 = Supported)]
pub struct ClusterProfiler;
