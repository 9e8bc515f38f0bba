//! Confidential computing, each tied to one vendor's hardware.

use featuregate::feature_gate;

use crate::{LaunchSecurity, VmSpec};

/// The spec asks for AMD SEV: KubeVirt's VMI admitter refuses it when
/// `WorkloadEncryptionSEV` is off (a check of its own, not a `VmiSpecUsed`).
fn sev_used(spec: &VmSpec) -> bool {
    spec.launch_security == Some(LaunchSecurity::Sev)
}

/// Runs a VM as an Intel TDX confidential workload.
#[feature_gate(
    name = "WorkloadEncryptionTDX",
    state = Alpha,
    amd64 = Supported,
    arm64 = Unsupported("Intel TDX; only the amd64 admission validator checks the gate"),
    s390x = Unsupported("Intel TDX; only the amd64 admission validator checks the gate"),
)]
pub struct WorkloadEncryptionTdx;

/// Runs a VM as an AMD SEV confidential workload.
#[feature_gate(
    name = "WorkloadEncryptionSEV",
    owner = "sig-compute",
    amd64 = Supported,
    arm64 = Unsupported("AMD SEV; only the amd64 admission validator checks the gate"),
    s390x = Unsupported("AMD SEV; only the amd64 admission validator checks the gate"),
    alpha = "v0.49.0",
    beta = "v1.9.0",
    used_by = sev_used,
)]
pub struct WorkloadEncryptionSev;

/// Runs VMs with IBM Secure Execution, on nodes chosen by the `SecureExecution` label.
#[feature_gate(
    owner = "sig-compute",
    amd64 = Unsupported("IBM Secure Execution runs on IBM Z only"),
    arm64 = Unsupported("IBM Secure Execution runs on IBM Z only"),
    s390x = Supported,
    alpha = "v1.6.0",
    beta = "v1.7.0",
    ga = "v1.9.0",
)]
pub struct SecureExecution;
