//! `T::is_enabled()` beside its two anchors, in one criterion group so the
//! report shows them side by side (the performance targets, BENCHMARKS.md): a bare `AtomicBool` load
//! (limit: within 1.5x) and a name-based check modelled on KubeVirt's
//! `isFeatureGateEnabled` (target: at least 100x slower than ours).
//!
//! Run: `cargo bench -p featuregate --bench is_enabled`.
//!
//! Each iteration's result goes through `black_box`, an opaque use that may
//! read or write any memory, so neither load can be hoisted out of
//! criterion's loop or folded into a constant.

use std::collections::HashMap;
use std::hint::black_box;
use std::sync::atomic::{AtomicBool, Ordering};

use criterion::{Criterion, Throughput, criterion_group, criterion_main};
use featuregate::{FeatureGate, State, feature_gate};

/// The gate the typed check reads (Beta: on by default).
#[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified, s390x = Unverified)]
struct ImageVolume;

/// The anchor: what one relaxed load of a flag costs.
static FLAG: AtomicBool = AtomicBool::new(true);

/// KubeVirt's catalogue (pkg/virt-config/featuregate), names and states.
const CATALOGUE: [(&str, State); 85] = {
    use State::{Alpha, Beta, Deprecated, Discontinued, Ga as GA};
    [
        ("AlignCPUs", Alpha),
        ("ConfigurableHypervisor", Alpha),
        ("ContainerPathVolumes", Alpha),
        ("CPUManager", Alpha),
        ("CrossArchitectureVirtualization", Alpha),
        ("DownwardMetrics", Alpha),
        ("EnableVirtioFsStorageVolumes", Alpha),
        ("ExperimentalIgnitionSupport", Alpha),
        ("FirmwareAutoSelection", Alpha),
        ("GraceIOVirtualization", Alpha),
        ("HostDevices", Alpha),
        ("HostDisk", Alpha),
        ("HypervStrictCheck", Alpha),
        ("IncrementalBackup", Alpha),
        ("IOMMUFD", Alpha),
        ("MigrationDowntimeTuning", Alpha),
        ("MigrationStallDetection", Alpha),
        ("NetworkDevicesWithDRA", Alpha),
        ("ObjectGraph", Alpha),
        ("OCIExport", Alpha),
        ("PCINUMAAwareTopology", Alpha),
        ("Plugins", Alpha),
        ("PortRangesSpec", Alpha),
        ("ReservedOverheadMemlock", Alpha),
        ("Root", Alpha),
        ("Sidecar", Alpha),
        ("UtilityVolumes", Alpha),
        ("VGPULiveMigration", Alpha),
        ("VMStatsCollector", Alpha),
        ("VSOCK", Alpha),
        ("WorkloadEncryptionTDX", Alpha),
        ("DecentralizedLiveMigration", Beta),
        ("DeclarativeHotplugVolumes", Beta),
        ("ExternalNetResourceInjection", Beta),
        ("GPUsWithDRA", Beta),
        ("HostDevicesWithDRA", Beta),
        ("ImageVolume", Beta),
        ("KubevirtSeccompProfile", Beta),
        ("NodeRestriction", Beta),
        ("OptOutRoleAggregation", Beta),
        ("PasstBinding", Beta),
        ("PodSecondaryInterfaceNamingUpgrade", Beta),
        ("RebootPolicy", Beta),
        ("Snapshot", Beta),
        ("Template", Beta),
        ("WorkloadEncryptionSEV", Beta),
        ("AutoResourceLimitsGate", GA),
        ("BochsDisplayForEFIGuests", GA),
        ("ClusterProfiler", GA),
        ("CommonInstancetypesDeploymentGate", GA),
        ("CPUNodeDiscovery", GA),
        ("DisableCustomSELinuxPolicy", GA),
        ("DynamicPodInterfaceNaming", GA),
        ("EnableVirtioFsConfigVolumes", GA),
        ("ExpandDisks", GA),
        ("GPU", GA),
        ("HotplugNICs", GA),
        ("InstancetypeReferencePolicy", GA),
        ("LibvirtHooksServerAndClient", GA),
        ("LiveMigration", GA),
        ("LiveUpdateNADRef", GA),
        ("MigrationPriorityQueue", GA),
        ("NetworkBindingPlugins", GA),
        ("NonRoot", GA),
        ("NUMA", GA),
        ("PanicDevices", GA),
        ("PersistentReservation", GA),
        ("PSA", GA),
        ("SecureExecution", GA),
        ("SRIOVLiveMigration", GA),
        ("VideoConfig", GA),
        ("VMExport", GA),
        ("VmiMemoryOverheadReport", GA),
        ("VMLiveUpdateFeatures", GA),
        ("VMPersistentState", GA),
        ("VolumeMigration", GA),
        ("VolumesUpdateStrategy", GA),
        ("DisableMDEVConfiguration", Deprecated),
        ("DockerSELinuxMCSWorkaround", Deprecated),
        ("HotplugVolumes", Deprecated),
        ("MultiArchitecture", Deprecated),
        ("ExperimentalVirtiofsSupport", Discontinued),
        ("Macvtap", Discontinued),
        ("Passt", Discontinued),
        ("PasstIPStackMigration", Discontinued),
    ]
};

/// What KubeVirt's registry keeps per gate (name, state, message, ...).
struct Info {
    state: State,
}

/// KubeVirt's check: look the gate up by name (a Go map, here a std
/// `HashMap<String, _>`), settle GA and Discontinued, then scan the
/// `disabledFeatureGates` and `featureGates` lists of the cluster config.
struct NameCheck {
    known: HashMap<String, Info>,
    enabled: Vec<String>,
    disabled: Vec<String>,
}

impl NameCheck {
    fn new() -> NameCheck {
        let known = CATALOGUE
            .iter()
            .map(|&(name, state)| (name.to_owned(), Info { state }))
            .collect();
        let listed = |state: State, n: usize| -> Vec<String> {
            CATALOGUE
                .iter()
                .filter(|(_, s)| *s == state)
                .take(n)
                .map(|(name, _)| (*name).to_owned())
                .collect()
        };
        let enabled = listed(State::Alpha, 20);
        let disabled = listed(State::Beta, 5);
        assert_eq!((enabled.len(), disabled.len()), (20, 5));
        NameCheck {
            known,
            enabled,
            disabled,
        }
    }

    fn is_enabled(&self, name: &str) -> bool {
        let Some(info) = self.known.get(name) else {
            return false;
        };
        match info.state {
            State::Ga => return true,
            State::Discontinued => return false,
            _ => {}
        }
        if self.disabled.iter().any(|d| d == name) {
            return false;
        }
        if self.enabled.iter().any(|e| e == name) {
            return true;
        }
        info.state == State::Beta
    }
}

/// KubeVirt's whole path, not only the lookup and scans the issue names:
/// `ClusterConfig.isFeatureGateEnabled` first calls `GetConfig()`, which takes
/// the cluster config's `sync.Mutex` (pkg/virt-config/virt-config.go), and
/// `featuregate.FeatureGateInfo` returns a pointer to a copy of the registry
/// entry, which Go's escape analysis puts on the heap
/// (pkg/virt-config/featuregate/feature-gates.go). Both are modelled here:
/// an uncontended `Mutex` lock and a boxed copy of the entry.
struct KubeVirtPath {
    config: std::sync::Mutex<NameCheck>,
}

/// The registry entry `FeatureGateInfo` copies: name, state, message and
/// the `VmiSpecUsed` function pointer.
#[derive(Clone)]
struct Entry {
    name: &'static str,
    state: State,
    message: &'static str,
    vmi_spec_used: Option<fn(&()) -> bool>,
}

impl KubeVirtPath {
    fn is_enabled(&self, name: &str) -> bool {
        let config = self
            .config
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let Some(info) = config.known.get(name) else {
            return false;
        };
        let entry = Box::new(Entry {
            name: black_box("ImageVolume"),
            state: info.state,
            message: "",
            vmi_spec_used: None,
        });
        let entry = black_box(entry);
        match entry.state {
            State::Ga => return true,
            State::Discontinued => return false,
            _ => {}
        }
        if config.disabled.iter().any(|d| d == name) {
            return false;
        }
        if config.enabled.iter().any(|e| e == name) {
            return true;
        }
        entry.state == State::Beta
            && !entry.name.is_empty()
            && entry.vmi_spec_used.is_none()
            && entry.message.is_empty()
    }
}

fn is_enabled(c: &mut Criterion) {
    let check = NameCheck::new();
    // A Beta gate in neither list: the common case, and both scans run in full.
    let name = String::from("ImageVolume");
    assert!(!check.enabled.contains(&name) && !check.disabled.contains(&name));
    assert!(ImageVolume::is_enabled() && FLAG.load(Ordering::Relaxed) && check.is_enabled(&name));

    let mut group = c.benchmark_group("is_enabled");
    group.bench_function("featuregate T::is_enabled()", |b| {
        b.iter(|| black_box(ImageVolume::is_enabled()));
    });
    group.bench_function("anchor: AtomicBool load", |b| {
        b.iter(|| black_box(FLAG.load(Ordering::Relaxed)));
    });
    group.bench_function("anchor: KubeVirt name check", |b| {
        b.iter(|| black_box(check.is_enabled(black_box(name.as_str()))));
    });
    let path = KubeVirtPath {
        config: std::sync::Mutex::new(NameCheck::new()),
    };
    assert!(path.is_enabled(&name));
    group.bench_function(
        "anchor: KubeVirt path (GetConfig lock, FeatureGateInfo copy)",
        |b| {
            b.iter(|| black_box(path.is_enabled(black_box(name.as_str()))));
        },
    );
    // The floor of this measurement: criterion's loop and `black_box` alone.
    group.bench_function("anchor: harness floor (black_box of a constant)", |b| {
        b.iter(|| black_box(true));
    });
    group.finish();

    // The same checks 1,000 to an iteration, each result still through
    // `black_box`: the cost per check once the harness's own per-iteration
    // work is spread out, as in a program that checks gates in a loop.
    let mut group = c.benchmark_group("is_enabled x1000");
    group.throughput(Throughput::Elements(1_000));
    group.bench_function("featuregate T::is_enabled()", |b| {
        b.iter(|| {
            for _ in 0..1_000 {
                black_box(ImageVolume::is_enabled());
            }
        });
    });
    group.bench_function("anchor: AtomicBool load", |b| {
        b.iter(|| {
            for _ in 0..1_000 {
                black_box(FLAG.load(Ordering::Relaxed));
            }
        });
    });
    group.bench_function("anchor: KubeVirt name check", |b| {
        b.iter(|| {
            for _ in 0..1_000 {
                black_box(check.is_enabled(black_box(name.as_str())));
            }
        });
    });
    group.bench_function(
        "anchor: KubeVirt path (GetConfig lock, FeatureGateInfo copy)",
        |b| {
            b.iter(|| {
                for _ in 0..1_000 {
                    black_box(path.is_enabled(black_box(name.as_str())));
                }
            });
        },
    );
    group.finish();
}

criterion_group!(benches, is_enabled);
criterion_main!(benches);
