//! Host devices, GPUs and the virtual devices a VM is given.

use featuregate::feature_gate;

/// GPU passthrough optimised for NVIDIA Grace platforms (SMMUv3, IOMMUFD device binding).
#[feature_gate(
    name = "GraceIOVirtualization",
    owner = "sig-compute",
    amd64 = Unsupported("NVIDIA Grace platforms are Arm64"),
    arm64 = Supported,
    s390x = Unsupported("NVIDIA Grace platforms are Arm64"),
    // kubevirt/kubevirt PR 18975: GraceIOVirtualization depends on
    // PCINUMAAwareTopology and IOMMUFD.
    requires = [Iommufd, super::compute::PciNumaAwareTopology],
    alpha = "v1.9.0",
)]
pub struct GraceIoVirtualization;

/// Lets a VM use devices of its node passed through to the guest.
#[feature_gate(state = Alpha, arm64 = Unverified("Not verified: needs a GPU or sound card"))]
pub struct HostDevices;

/// Binds passthrough devices through IOMMUFD (needs /dev/iommu, kernel 6.2+, libvirt 12.2+).
#[feature_gate(name = "IOMMUFD", owner = "sig-compute", alpha = "v1.9.0")]
pub struct Iommufd;

/// Gives a VM a VSOCK device for host-guest communication.
#[feature_gate(name = "VSOCK", state = Alpha, arm64 = Supported)]
pub struct Vsock;

/// Allocates GPUs to a VM through Kubernetes Dynamic Resource Allocation.
#[feature_gate(name = "GPUsWithDRA", alpha = "v1.6.0", beta = "v1.9.0")]
pub struct GpusWithDra;

/// Allocates host devices to a VM through Kubernetes Dynamic Resource Allocation.
#[feature_gate(name = "HostDevicesWithDRA", alpha = "v1.6.0", beta = "v1.9.0")]
pub struct HostDevicesWithDra;

/// Gives EFI guests a Bochs display device.
#[feature_gate(name = "BochsDisplayForEFIGuests", ga = "v1.4.0")]
pub struct BochsDisplayForEfiGuests;

/// Lets a VM use GPUs of its node passed through to the guest.
#[feature_gate(name = "GPU", state = GA, arm64 = Unverified("Not verified: needs a GPU"))]
pub struct Gpu;

/// Gives a VM a panic device through which the guest reports crashes.
#[feature_gate(alpha = "v1.6.0", beta = "v1.7.0", ga = "v1.9.0")]
pub struct PanicDevices;

/// Lets a VM choose its video device; the model is validated per architecture.
#[feature_gate(alpha = "v1.6.0", beta = "v1.7.0", ga = "v1.9.0")]
pub struct VideoConfig;

/// Stops KubeVirt from configuring mediated devices on nodes.
#[feature_gate(
    name = "DisableMDEVConfiguration",
    owner = "sig-compute",
    message = "DisableMDEVConfiguration has been deprecated since v1.8.0",
    alpha = "v1.0.0",
    deprecated = "v1.8.0"
)]
pub struct DisableMdevConfiguration;
