//! Live reload that keeps every layer (SPEC section 13, amended): a
//! `ConfigMap` file under an environment variable's and the operator's
//! `--feature-gates`, swapped the kubelet's way again and again; the flag
//! wins every time, no intermediate set is ever published (neither the
//! change log nor the gauge flaps), and a refused combination keeps the
//! active set. `GateArgs::watch` watches a command line's own layers.
#![cfg(all(feature = "watch", feature = "yaml", feature = "cli", unix))]

use std::sync::{Arc, Mutex};

use clap::Parser;
use featuregate::cli::GateArgs;
use featuregate::watch::{Layer, Refusal, WatchEvent, watch_sources};
use featuregate::{FeatureGate, GateConfig, Options, active, feature_gate};

#[path = "support/watch_events.rs"]
mod watch_events;
use watch_events::{next_events, recorder, serial};

#[cfg(feature = "tracing")]
#[path = "support/global_log.rs"]
mod global_log;

#[path = "support/kubelet.rs"]
mod kubelet;
use kubelet::kubelet_update;

#[feature_gate(state = Alpha)]
struct Sidecar;
#[feature_gate(state = Beta)]
struct ImageVolume;
#[feature_gate(state = Alpha)]
struct Snapshot;
#[feature_gate(state = Alpha)]
struct Root;
#[feature_gate(state = Alpha)]
struct Hotplug;
#[feature_gate(state = Alpha, requires = [Snapshot])]
struct Restore;

fn file(enabled: &[&str]) -> String {
    format!("featureGates: [{}]\n", enabled.join(", "))
}

/// Every value each gate's gauge was set to, in order (feature `metrics`).
#[cfg(feature = "metrics")]
mod gauges {
    use std::collections::BTreeMap;
    use std::sync::{Arc, Mutex, OnceLock};

    use metrics::{
        Counter, Gauge, GaugeFn, Histogram, Key, KeyName, Metadata, Recorder, SharedString, Unit,
    };

    type Sets = Arc<Mutex<BTreeMap<String, Vec<f64>>>>;

    struct Log(Sets);
    struct One(Sets, String);

    impl GaugeFn for One {
        fn increment(&self, _: f64) {}
        fn decrement(&self, _: f64) {}
        fn set(&self, value: f64) {
            self.0
                .lock()
                .unwrap()
                .entry(self.1.clone())
                .or_default()
                .push(value);
        }
    }

    impl Recorder for Log {
        fn describe_counter(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
        fn describe_gauge(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
        fn describe_histogram(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
        fn register_counter(&self, _: &Key, _: &Metadata<'_>) -> Counter {
            Counter::noop()
        }
        fn register_gauge(&self, key: &Key, _: &Metadata<'_>) -> Gauge {
            let name = key
                .labels()
                .find(|l| l.key() == "name")
                .map(|l| l.value().to_owned())
                .unwrap_or_default();
            Gauge::from_arc(Arc::new(One(Arc::clone(&self.0), name)))
        }
        fn register_histogram(&self, _: &Key, _: &Metadata<'_>) -> Histogram {
            Histogram::noop()
        }
    }

    /// The values set since the last call, by gate; installed once.
    pub(crate) fn take() -> BTreeMap<String, Vec<f64>> {
        static SETS: OnceLock<Sets> = OnceLock::new();
        let sets = SETS.get_or_init(|| {
            let sets = Sets::default();
            metrics::set_global_recorder(Log(Arc::clone(&sets))).unwrap();
            sets
        });
        std::mem::take(&mut *sets.lock().unwrap())
    }
}

/// The change log's messages (feature `tracing`): a global subscriber,
/// installed once, keeping the info events of target `featuregate`.
#[cfg(feature = "tracing")]
fn change_log() -> &'static Mutex<Vec<String>> {
    global_log::logged_at(tracing::Level::INFO)
}

#[test]
fn the_flag_wins_over_every_swap_and_no_intermediate_set_is_published() {
    let _serial = serial();
    #[cfg(feature = "tracing")]
    let log = change_log();
    #[cfg(feature = "metrics")]
    gauges::take();
    let volume = tempfile::tempdir().unwrap();
    let dir = volume.path();
    let a = file(&["Sidecar", "ImageVolume", "Root"]);
    let b = file(&["Sidecar", "ImageVolume", "Hotplug"]);
    kubelet_update(dir, "..2026_12_07_19_00_00.000", &a);

    let (events, on_event) = recorder();
    let layers = [
        Layer::file(dir.join("gates.yaml")),
        Layer::fixed(
            "env VMM_FEATURE_GATES",
            GateConfig::parse("ImageVolume=false").unwrap(),
        ),
        Layer::fixed(
            "--feature-gates",
            GateConfig::parse("Sidecar=false").unwrap(),
        ),
    ];
    let watcher = watch_sources(layers, Options::default(), on_event).unwrap();
    assert_eq!(watcher.path(), dir.join("gates.yaml"));
    assert!(Root::is_enabled() && !Hotplug::is_enabled());
    assert!(!Sidecar::is_enabled(), "the flag wins from the start");
    assert!(
        !ImageVolume::is_enabled(),
        "the environment wins over the file"
    );
    #[cfg(feature = "tracing")]
    log.lock().unwrap().clear();
    #[cfg(feature = "metrics")]
    gauges::take();

    // Swap after swap: only what the file decides changes.
    for i in 1..=6 {
        let (text, root) = if i % 2 == 1 { (&b, false) } else { (&a, true) };
        kubelet_update(dir, &format!("..2026_12_07_19_00_01.{i:03}"), text);
        let told = next_events(&events);
        let expect = vec![("Hotplug", !root), ("Root", root)];
        let mut seen: Vec<(&str, bool)> = Vec::new();
        for event in &told {
            match event {
                WatchEvent::Applied(changes) => {
                    seen.extend(changes.iter().map(|c| (c.gate.name(), c.enabled)));
                }
                other => panic!("swap {i}: {other}"),
            }
        }
        seen.sort_unstable();
        assert_eq!(seen, expect, "swap {i}");
        assert!(!Sidecar::is_enabled() && !ImageVolume::is_enabled());
        assert!(!active().is::<Sidecar>());
    }

    // A file the layers' combination refuses (Restore needs Snapshot; no
    // layer enables it): the whole reload is refused, the set kept.
    let kept = active();
    kubelet_update(
        dir,
        "..2026_12_07_19_00_02.000",
        &file(&["Sidecar", "Restore"]),
    );
    match next_events(&events).as_slice() {
        [WatchEvent::Refused(refusal @ Refusal::Evaluation { layers, .. })] => {
            assert_eq!(
                layers,
                &[format!("file {}", dir.join("gates.yaml").display())]
            );
            let shown = refusal.to_string();
            assert!(
                shown.contains("gates.yaml") && shown.contains("Restore"),
                "{shown}"
            );
        }
        other => panic!("expected one refusal, got {other:?}"),
    }
    assert!(Arc::ptr_eq(&kept, &active()), "the active set stays");
    assert!(!Restore::is_enabled() && Root::is_enabled());

    // Neither the change log nor the gauges ever saw Sidecar or
    // ImageVolume turn on: no intermediate set was published.
    #[cfg(feature = "tracing")]
    {
        let log = log.lock().unwrap();
        assert!(!log.is_empty());
        assert!(
            log.iter()
                .all(|m| !m.contains("Sidecar") && !m.contains("ImageVolume")),
            "{log:?}"
        );
    }
    #[cfg(feature = "metrics")]
    {
        let sets = gauges::take();
        for gate in ["Sidecar", "ImageVolume"] {
            let values = &sets[gate];
            assert!(values.iter().all(|&v| v == 0.0), "{gate}: {values:?}");
        }
        let roots: Vec<f64> = sets["Root"].clone();
        assert!(roots.contains(&1.0) && roots.contains(&0.0), "{roots:?}");
    }
}

#[test]
fn update_replaces_a_fixed_layer_at_once() {
    let _serial = serial();
    let volume = tempfile::tempdir().unwrap();
    let dir = volume.path();
    kubelet_update(dir, "..2026_12_07_19_20_00.000", &file(&["Root"]));
    let layers = [
        Layer::file(dir.join("gates.yaml")),
        Layer::fixed(
            "env VMM_FEATURE_GATES",
            GateConfig::parse("ImageVolume=false").unwrap(),
        ),
        Layer::fixed(
            "--feature-gates",
            GateConfig::parse("Sidecar=false").unwrap(),
        ),
    ];
    let watcher = watch_sources(layers, Options::default(), |_| {}).unwrap();
    assert!(!ImageVolume::is_enabled() && Root::is_enabled());

    // A layer the program feeds: replaced, configured at once; a refused
    // one and an unknown label change nothing.
    let changes = watcher
        .update(
            "env VMM_FEATURE_GATES",
            GateConfig::parse("ImageVolume=true").unwrap(),
        )
        .unwrap();
    let changes: Vec<_> = changes.iter().map(|c| (c.gate.name(), c.enabled)).collect();
    assert_eq!(changes, [("ImageVolume", true)]);
    assert!(ImageVolume::is_enabled() && !Sidecar::is_enabled());
    let err = watcher
        .update(
            "env VMM_FEATURE_GATES",
            GateConfig::parse("Restore=true").unwrap(),
        )
        .unwrap_err();
    assert_eq!(err.layers(), ["env VMM_FEATURE_GATES"]);
    assert!(err.refusal().is_some() && ImageVolume::is_enabled() && !Restore::is_enabled());
    // A requirement a higher layer turns off: both layers are named.
    watcher
        .update(
            "--feature-gates",
            GateConfig::parse("Sidecar=false,Snapshot=false").unwrap(),
        )
        .unwrap();
    let err = watcher
        .update(
            "env VMM_FEATURE_GATES",
            GateConfig::parse("Restore=true").unwrap(),
        )
        .unwrap_err();
    assert_eq!(err.layers(), ["env VMM_FEATURE_GATES", "--feature-gates"]);
    assert!(
        err.to_string().starts_with(
            "the configuration in env VMM_FEATURE_GATES and --feature-gates is refused: "
        ),
        "{err}"
    );
    let err = watcher
        .update("file gates.yaml", GateConfig::default())
        .unwrap_err();
    assert!(matches!(err, Refusal::NoSuchLayer { .. }), "{err}");
    assert_eq!(
        err.to_string(),
        "no fixed layer labelled file gates.yaml to update"
    );
}

#[derive(Parser)]
struct Cli {
    #[command(flatten)]
    gates: GateArgs,
}

#[test]
fn gate_args_watch_its_own_layers() {
    let _serial = serial();
    let volume = tempfile::tempdir().unwrap();
    let dir = volume.path();
    kubelet_update(
        dir,
        "..2026_12_07_19_10_00.000",
        &file(&["Sidecar", "Root"]),
    );
    let path = dir.join("gates.yaml");
    let cli = Cli::parse_from([
        "vmm".as_ref(),
        "--feature-gates-file".as_ref(),
        path.as_os_str(),
        "--feature-gates".as_ref(),
        "Sidecar=false".as_ref(),
    ]);
    let labels: Vec<String> = cli
        .gates
        .layers()
        .unwrap()
        .iter()
        .map(|layer| layer.label().to_owned())
        .collect();
    assert_eq!(
        labels,
        [
            format!("file {}", path.display()),
            "--feature-gates".to_owned()
        ]
    );

    let (events, on_event) = recorder();
    let _watcher = cli.gates.watch(on_event).unwrap();
    assert!(Root::is_enabled() && !Sidecar::is_enabled());
    kubelet_update(
        dir,
        "..2026_12_07_19_10_01.000",
        &file(&["Sidecar", "Hotplug"]),
    );
    let told: Vec<String> = next_events(&events)
        .iter()
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        told,
        [
            "applied a new feature gate configuration: feature gate Hotplug enabled, feature gate Root disabled"
        ]
    );
    assert!(!Sidecar::is_enabled() && Hotplug::is_enabled());

    // A variable that is not a flag-form list (PATH always holds slashes)
    // is an error of the call, naming it.
    let err = cli
        .gates
        .clone()
        .with_env("PATH")
        .watch(|_| {})
        .unwrap_err();
    assert_eq!(err.layers(), ["env PATH"]);
    assert!(err.to_string().contains("env PATH"), "{err}");
    // Every bad entry of the variable and the flag at once, each named.
    let cli = Cli::parse_from([
        "vmm",
        "--feature-gates",
        "Sidecar=maybe",
        "--feature-gates",
        "Root=true,Hot plug=true",
    ]);
    let err = cli.gates.with_env("PATH").layers().unwrap_err();
    assert_eq!(err.layers(), ["env PATH and --feature-gates"]);
    let Refusal::Source { error, .. } = &err else {
        panic!("{err}")
    };
    let named: Vec<String> = error
        .problems()
        .map(|p| p.path().display().to_string())
        .collect();
    assert_eq!(named[0], "env PATH");
    assert_eq!(named[1..], ["--feature-gates", "--feature-gates"], "{err}");
    // So is a missing file.
    let err = GateArgs::default()
        .with_file(dir.join("absent.yaml"))
        .watch(|_| {})
        .unwrap_err();
    assert!(
        err.is_not_found() && err.to_string().contains("absent.yaml"),
        "{err}"
    );
}
