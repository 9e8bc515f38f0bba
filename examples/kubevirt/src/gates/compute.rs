//! CPU, memory, topology, hypervisor and VM lifecycle.

use featuregate::feature_gate;

/// Aligns the CPUs KubeVirt allocates to a VM.
#[feature_gate(name = "AlignCPUs", state = Alpha)]
pub struct AlignCpus;

/// Lets the cluster configure which hypervisor runs its VMs.
#[feature_gate(alpha = "v1.8.0")]
pub struct ConfigurableHypervisor;

/// Lets a VM request dedicated CPUs through the Kubernetes CPU manager.
#[feature_gate(name = "CPUManager", state = Alpha, arm64 = Supported)]
pub struct CpuManager;

/// Runs a guest on a node of another CPU architecture, by emulation or hardware acceleration.
#[feature_gate(owner = "sig-compute", alpha = "v1.9.0")]
pub struct CrossArchitectureVirtualization;

/// Selects a VM's firmware automatically.
#[feature_gate(owner = "sig-compute", alpha = "v1.9.0")]
pub struct FirmwareAutoSelection;

/// Checks strictly that a node offers the Hyper-V enlightenments a VM asks for.
#[feature_gate(state = Alpha, arm64 = Unsupported("Hyper-V does not work on Arm64"))]
pub struct HypervStrictCheck;

/// Places a VM's PCI devices according to the NUMA topology.
#[feature_gate(name = "PCINUMAAwareTopology", alpha = "v1.6.0")]
pub struct PciNumaAwareTopology;

/// Takes reserved overhead memory into account in a VM's memlock limit.
#[feature_gate(owner = "sig-compute", alpha = "v1.8.0")]
pub struct ReservedOverheadMemlock;

/// Lets a VM say what happens when its guest reboots.
#[feature_gate(owner = "sig-compute", alpha = "v1.8.0", beta = "v1.9.0")]
pub struct RebootPolicy;

/// Creates VMs from templates.
#[feature_gate(owner = "sig-compute", alpha = "v1.8.0", beta = "v1.9.0")]
pub struct Template;

/// Sets the resource limits of VM pods automatically.
#[feature_gate(ga = "v1.5.0")]
pub struct AutoResourceLimitsGate;

/// Deploys the common instance types and preferences.
#[feature_gate(
    arm64 = Pending("Not supported yet: Arm preferences missing"),
    alpha = "v1.1.0",
    beta = "v1.2.0",
    ga = "v1.4.0",
)]
pub struct CommonInstancetypesDeploymentGate;

/// Labels nodes with the CPU models and features they offer.
#[feature_gate(name = "CPUNodeDiscovery", state = GA)]
pub struct CpuNodeDiscovery;

/// Chooses how a VM refers to its instance type and preference.
#[feature_gate(alpha = "v1.4.0", beta = "v1.5.0", ga = "v1.6.0")]
pub struct InstancetypeReferencePolicy;

/// Gives the guest a NUMA topology that matches its host's.
#[feature_gate(
    name = "NUMA",
    state = GA,
    arm64 = Pending("Not supported yet: needs hugepages on Arm64"),
)]
pub struct Numa;

/// Reports a VM's memory overhead.
#[feature_gate(alpha = "v1.8.0", beta = "v1.9.0", ga = "v1.10.0")]
pub struct VmiMemoryOverheadReport;

/// Applies changes to a running VM's spec live.
#[feature_gate(name = "VMLiveUpdateFeatures", ga = "v1.5.0")]
pub struct VmLiveUpdateFeatures;

/// Keeps a VM's persistent state across restarts.
#[feature_gate(name = "VMPersistentState", state = GA)]
pub struct VmPersistentState;

/// Lets a VM ask for, and be scheduled to, an architecture other than the control plane's.
#[feature_gate(
    owner = "sig-compute",
    message = "MultiArchitecture has been deprecated since v1.8.0",
    alpha = "v1.0.0",
    deprecated = "v1.8.0"
)]
pub struct MultiArchitecture;
