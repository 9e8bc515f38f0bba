//! Live migration of running VMs.

use featuregate::feature_gate;

/// Tunes the downtime a live migration may cause.
#[feature_gate(alpha = "v1.10.0")]
pub struct MigrationDowntimeTuning;

/// Detects live migrations that stall.
#[feature_gate(alpha = "v1.9.0")]
pub struct MigrationStallDetection;

/// Live-migrates VMs that use vGPUs.
// kubevirt/kubevirt PR 17853: VGPULiveMigration requires LibvirtHooksServerAndClient.
#[feature_gate(
    name = "VGPULiveMigration",
    requires = super::extensions::LibvirtHooksServerAndClient,
    alpha = "v1.8.0",
)]
pub struct VgpuLiveMigration;

/// Live migration coordinated by its source and target sides, each with its own controller.
#[feature_gate(owner = "sig-compute", alpha = "v1.6.0", beta = "v1.10.0")]
pub struct DecentralizedLiveMigration;

/// Live-migrates VMs between nodes.
#[feature_gate(state = GA, arm64 = Supported)]
pub struct LiveMigration;

/// Orders pending migrations in a priority queue.
#[feature_gate(
    owner = "sig-compute",
    alpha = "v1.7.0",
    beta = "v1.8.0",
    ga = "v1.9.0"
)]
pub struct MigrationPriorityQueue;

/// Live-migrates VMs that have SR-IOV interfaces.
#[feature_gate(
    name = "SRIOVLiveMigration",
    state = GA,
    arm64 = Unverified("Not verified: needs two identical machines with SR-IOV"),
)]
pub struct SriovLiveMigration;
