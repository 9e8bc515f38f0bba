//! Volumes, disks, snapshots, backups and exports.

use featuregate::feature_gate;

/// Lets a VM use a path of its container as a volume.
#[feature_gate(owner = "sig-storage", alpha = "v1.8.0")]
pub struct ContainerPathVolumes;

/// Shares persistent volumes with the guest over virtiofs.
#[feature_gate(state = Alpha)]
pub struct EnableVirtioFsStorageVolumes;

/// Lets a VM use a disk image stored on its node.
#[feature_gate(state = Alpha, arm64 = Supported)]
pub struct HostDisk;

/// Backs up a VM's disks incrementally.
#[feature_gate(alpha = "v1.6.0")]
pub struct IncrementalBackup;

/// Exposes the graph of objects a VM is made of.
#[feature_gate(owner = "sig-storage", alpha = "v1.6.0")]
pub struct ObjectGraph;

/// Exports a VM as an OCI artifact.
#[feature_gate(
    name = "OCIExport",
    owner = "sig-compute+sig-storage",
    alpha = "v1.9.0"
)]
pub struct OciExport;

/// Attaches utility volumes to a VM's pod.
#[feature_gate(owner = "sig-storage", alpha = "v1.7.0")]
pub struct UtilityVolumes;

/// Hotplugs volumes into a running VM through changes to its spec; replaces `HotplugVolumes`.
#[feature_gate(owner = "sig-storage", alpha = "v1.6.0", beta = "v1.9.0")]
pub struct DeclarativeHotplugVolumes;

/// Lets a VM use a container image as a volume.
#[feature_gate(
    amd64 = Supported,
    arm64 = Unverified,
    s390x = Unverified,
    alpha = "v1.6.0",
    beta = "v1.7.0",
)]
pub struct ImageVolume;

/// Takes snapshots of VMs and restores them.
#[feature_gate(owner = "sig-storage", arm64 = Supported, alpha = "v0.30.0", beta = "v1.3.0")]
pub struct Snapshot;

/// Shares config volumes with the guest over virtiofs.
#[feature_gate(alpha = "v1.5.0", beta = "v1.6.0", ga = "v1.8.0")]
pub struct EnableVirtioFsConfigVolumes;

/// Expands a VM's disks when their volumes grow.
#[feature_gate(
    owner = "sig-storage",
    arm64 = Pending("Not supported yet: CDI is needed"),
    alpha = "v0.48.0",
    ga = "v1.8.0",
)]
pub struct ExpandDisks;

/// Lets a VM use SCSI persistent reservations on its disks.
#[feature_gate(owner = "sig-storage", alpha = "v1.0.0", ga = "v1.9.0")]
pub struct PersistentReservation;

/// Exports a VM's volumes (PVCs, data volumes, memory dumps).
#[feature_gate(
    name = "VMExport",
    owner = "sig-storage",
    arm64 = Pending("Partially supported: PVC export works, DataVolume and MemoryDump export rely on CDI"),
    alpha = "v0.55.0",
    beta = "v1.3.0",
    ga = "v1.9.0",
)]
pub struct VmExport;

/// Migrates a VM's volumes to other storage.
// KubeVirt's comment says only "Introduced v1.3.0": not in which stage,
// nor when it became GA. Neither is declared: no stage key, no `since`, so
// the gate has no history and is GA at every version.
#[feature_gate(state = GA)]
pub struct VolumeMigration;

/// Lets a VM choose how changes to its volumes are applied.
// KubeVirt's comment says only "Introduced v1.3.0": not in which stage,
// nor when it became GA. Neither is declared: no stage key, no `since`, so
// the gate has no history and is GA at every version.
#[feature_gate(state = GA)]
pub struct VolumesUpdateStrategy;

/// Hotplugs volumes into a running VM; replaced by `DeclarativeHotplugVolumes`.
#[feature_gate(
    owner = "sig-storage",
    arm64 = Pending("Not supported yet: relies on DataVolumes and CDI"),
    message = "HotplugVolumes has been deprecated since v1.9.0 and has been replaced by DeclarativeHotplugVolumes",
    alpha = "v0.36.0",
    deprecated = "v1.9.0",
)]
pub struct HotplugVolumes;

/// Shares filesystems with the guest over virtiofs; its message names the gates replacing it.
#[feature_gate(
    arm64 = Supported,
    message = "Virtiofs ExperimentalVirtiofsSupport feature gate is discontinued since v1.7. Please use EnableVirtioFsConfigVolumes or EnableVirtioFsPVC feature gates instead",
    discontinued = "v1.7.0",
)]
pub struct ExperimentalVirtiofsSupport;
