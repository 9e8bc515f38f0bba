//! Network interfaces, bindings and pod networking.

use featuregate::feature_gate;

use crate::{InterfaceBinding, VmSpec};

/// KubeVirt's `macvtapApiUsed`: the spec still has an interface with the
/// `macvtap` binding field.
fn macvtap_api_used(spec: &VmSpec) -> bool {
    spec.uses_binding(|binding| matches!(binding, InterfaceBinding::Macvtap))
}

/// KubeVirt's `passtApiUsed`: the spec still has an interface with the
/// `passt` binding field.
fn passt_api_used(spec: &VmSpec) -> bool {
    spec.uses_binding(|binding| matches!(binding, InterfaceBinding::Passt))
}

/// Allocates network devices to a VM through Kubernetes Dynamic Resource Allocation.
#[feature_gate(
    name = "NetworkDevicesWithDRA",
    owner = "sig-network",
    alpha = "v1.9.0"
)]
pub struct NetworkDevicesWithDra;

/// Accepts port ranges in a VM's network port specification.
#[feature_gate(owner = "sig-network", alpha = "v1.9.0")]
pub struct PortRangesSpec;

/// Lets a component outside KubeVirt inject the network resources of a VM's pod.
#[feature_gate(owner = "sig-network", beta = "v1.8.0")]
pub struct ExternalNetResourceInjection;

/// Connects a VM to the pod network with the passt core binding.
#[feature_gate(beta = "v1.8.0")]
pub struct PasstBinding;

/// Moves running VMs to the current naming of secondary pod interfaces.
#[feature_gate(owner = "sig-network", beta = "v1.8")]
pub struct PodSecondaryInterfaceNamingUpgrade;

/// Names a VM's pod interfaces dynamically.
#[feature_gate(beta = "v1.4.0", ga = "v1.5.0")]
pub struct DynamicPodInterfaceNaming;

/// Hotplugs network interfaces into a running VM.
#[feature_gate(
    name = "HotplugNICs",
    arm64 = Pending("Not supported yet: multus images lack Arm64"),
    alpha = "v1.1.0",
    beta = "v1.3.0",
    ga = "v1.4.0",
)]
pub struct HotplugNics;

/// Updates the network attachment definition a running VM refers to, live.
#[feature_gate(
    name = "LiveUpdateNADRef",
    owner = "sig-network",
    beta = "v1.8.0",
    ga = "v1.9.0"
)]
pub struct LiveUpdateNadRef;

/// Connects VMs to networks through binding plugins.
#[feature_gate(alpha = "v1.1.0", beta = "v1.4.0", ga = "v1.5.0")]
pub struct NetworkBindingPlugins;

/// Connects a VM to its node's network through a macvtap interface binding.
#[feature_gate(
    state = Discontinued,
    arm64 = Pending("Not supported yet: macvtap-cni image has no Arm64 build"),
    message = "Macvtap network binding is discontinued since v1.3. Please refer to Kubevirt user guide for alternatives.",
    used_by = macvtap_api_used,
)]
pub struct Macvtap;

/// Connects a VM to the pod network through the passt interface binding field.
#[feature_gate(
    state = Discontinued,
    arm64 = Supported,
    message = "Passt network binding is discontinued since v1.3. Please refer to Kubevirt user guide for alternatives.",
    used_by = passt_api_used,
)]
pub struct Passt;

/// Seamless migration with the passt network binding plugin.
#[feature_gate(
    name = "PasstIPStackMigration",
    state = Discontinued,
    message = "Seamless migration with passt network binding plugin is no longer supported since KubeVirt v1.8. Please use the passt core binding instead.",
)]
pub struct PasstIpStackMigration;
