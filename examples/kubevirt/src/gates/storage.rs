//! Volumes, disks, snapshots, backups and exports.

use featuregate::feature_gate;

/// Lets a VM use a path of its container as a volume.
#[feature_gate(state = Alpha, since = "v1.8.0", owner = "sig-storage")]
pub struct ContainerPathVolumes;

/// Shares persistent volumes with the guest over virtiofs.
#[feature_gate(state = Alpha)]
pub struct EnableVirtioFsStorageVolumes;

/// Lets a VM use a disk image stored on its node.
#[feature_gate(state = Alpha, arm64 = Supported)]
pub struct HostDisk;

/// Backs up a VM's disks incrementally.
#[feature_gate(state = Alpha, since = "v1.6.0")]
pub struct IncrementalBackup;

/// Exposes the graph of objects a VM is made of.
#[feature_gate(state = Alpha, since = "v1.6.0", owner = "sig-storage")]
pub struct ObjectGraph;

/// Exports a VM as an OCI artifact.
#[feature_gate(
    name = "OCIExport",
    state = Alpha,
    since = "v1.9.0",
    owner = "sig-compute+sig-storage",
)]
pub struct OciExport;

/// Attaches utility volumes to a VM's pod.
#[feature_gate(state = Alpha, since = "v1.7.0", owner = "sig-storage")]
pub struct UtilityVolumes;

/// Hotplugs volumes into a running VM through changes to its spec; replaces `HotplugVolumes`.
#[feature_gate(state = Beta, since = "v1.9.0", owner = "sig-storage")]
pub struct DeclarativeHotplugVolumes;

/// Lets a VM use a container image as a volume.
#[feature_gate(
    state = Beta,
    since = "v1.7.0",
    amd64 = Supported,
    arm64 = Unverified,
    s390x = Unverified,
)]
pub struct ImageVolume;

/// Takes snapshots of VMs and restores them.
#[feature_gate(state = Beta, since = "v1.3.0", owner = "sig-storage", arm64 = Supported)]
pub struct Snapshot;

/// Shares config volumes with the guest over virtiofs.
#[feature_gate(state = GA, since = "v1.8.0")]
pub struct EnableVirtioFsConfigVolumes;

/// Expands a VM's disks when their volumes grow.
#[feature_gate(
    state = GA,
    since = "v1.8.0",
    owner = "sig-storage",
    arm64 = Pending("Not supported yet: CDI is needed"),
)]
pub struct ExpandDisks;

/// Lets a VM use SCSI persistent reservations on its disks.
#[feature_gate(state = GA, since = "v1.9.0", owner = "sig-storage")]
pub struct PersistentReservation;

/// Exports a VM's volumes (PVCs, data volumes, memory dumps).
#[feature_gate(
    name = "VMExport",
    state = GA,
    since = "v1.9.0",
    owner = "sig-storage",
    arm64 = Pending("Partially supported: PVC export works, DataVolume and MemoryDump export rely on CDI"),
)]
pub struct VmExport;

/// Migrates a VM's volumes to other storage.
#[feature_gate(state = GA)]
pub struct VolumeMigration;

/// Lets a VM choose how changes to its volumes are applied.
#[feature_gate(state = GA)]
pub struct VolumesUpdateStrategy;

/// Hotplugs volumes into a running VM; replaced by `DeclarativeHotplugVolumes`.
#[feature_gate(
    state = Deprecated,
    since = "v1.9.0",
    owner = "sig-storage",
    arm64 = Pending("Not supported yet: relies on DataVolumes and CDI"),
    message = "HotplugVolumes has been deprecated since v1.9.0 and has been replaced by DeclarativeHotplugVolumes",
)]
pub struct HotplugVolumes;

/// Shares filesystems with the guest over virtiofs; its message names the gates replacing it.
#[feature_gate(
    state = Discontinued,
    since = "v1.7.0",
    arm64 = Supported,
    message = "Virtiofs ExperimentalVirtiofsSupport feature gate is discontinued since v1.7. Please use EnableVirtioFsConfigVolumes or EnableVirtioFsPVC feature gates instead",
)]
pub struct ExperimentalVirtiofsSupport;
