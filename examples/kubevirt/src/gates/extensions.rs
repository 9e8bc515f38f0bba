//! Hooks, sidecars and plugins that extend KubeVirt and its guests.

use featuregate::feature_gate;

/// Passes Ignition configuration data to the guest (experimental).
#[feature_gate(state = Alpha, arm64 = Supported)]
pub struct ExperimentalIgnitionSupport;

/// Extends KubeVirt with plugins.
#[feature_gate(alpha = "v1.9.0")]
pub struct Plugins;

/// Lets a VM run hook sidecar containers in its pod.
#[feature_gate(state = Alpha, arm64 = Supported)]
pub struct Sidecar;

/// Runs a libvirt hooks server and client for VMs.
#[feature_gate(
    owner = "sig-compute",
    alpha = "v1.8.0",
    beta = "v1.9.0",
    ga = "v1.10.0"
)]
pub struct LibvirtHooksServerAndClient;
