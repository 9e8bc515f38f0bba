//! Live reload: a Kubernetes `ConfigMap` volume updated the kubelet's way
//! (new timestamped directory, `..data_tmp` renamed over `..data`, old
//! directory removed), a file edited in place, refused and deleted versions.
#![cfg(all(feature = "watch", feature = "yaml", unix))]

use std::fs;
use std::os::unix::fs::symlink;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use featuregate::watch::{WatchEvent, watch};
use featuregate::{FeatureGate, Options, active, feature_gate};

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

/// Warn events of target `featuregate`, from every thread (the watcher
/// logs from its own): a global subscriber, installed once.
#[cfg(feature = "tracing")]
fn warnings_logged() -> &'static Mutex<Vec<String>> {
    global_log::logged_at(tracing::Level::WARN)
}

fn applied(events: &[WatchEvent]) -> Vec<(&'static str, bool)> {
    match events {
        [WatchEvent::Applied(changes)] => {
            changes.iter().map(|c| (c.gate.name(), c.enabled)).collect()
        }
        other => panic!("expected one Applied, got {other:?}"),
    }
}

/// The one refusal among `events`, as its event's `Display` shows it.
fn refused(events: &[WatchEvent]) -> String {
    match events {
        [event @ WatchEvent::Refused(problem)] => {
            let shown = event.to_string();
            assert!(shown.starts_with(&problem.to_string()), "{shown}");
            assert!(problem.to_string().contains("gates.yaml"), "{problem}");
            assert!(
                shown.contains("keeping the active configuration"),
                "{shown}"
            );
            assert!(!shown.contains('\n'), "{shown}");
            shown
        }
        other => panic!("expected one Refused, got {other:?}"),
    }
}

#[test]
fn a_config_map_volume_updated_the_kubelets_way_is_followed() {
    let _serial = serial();
    #[cfg(feature = "tracing")]
    let logged = warnings_logged();
    let volume = tempfile::tempdir().unwrap();
    let dir = volume.path();
    kubelet_update(
        dir,
        "..2026_11_25_21_00_00.123",
        "featureGates: [Sidecar]\n",
    );
    let file = dir.join("gates.yaml");

    let (events, on_event) = recorder();
    let watcher = watch(&file, Options::default(), on_event).unwrap();
    assert_eq!(watcher.path(), file);
    assert!(Sidecar::is_enabled(), "read at once");
    assert!(ImageVolume::is_enabled());

    // A new version: applied, and what changed is told.
    let started = Instant::now();
    kubelet_update(
        dir,
        "..2026_11_25_21_00_01.456",
        "featureGates: [Sidecar]\ndisabledFeatureGates: [ImageVolume]\n",
    );
    assert_eq!(applied(&next_events(&events)), [("ImageVolume", false)]);
    assert!(!ImageVolume::is_enabled());
    eprintln!("kubelet swap visible after {:?}", started.elapsed());
    assert!(!dir.join("..2026_11_25_21_00_00.123").exists());

    // A version that does not parse: refused, the active one kept.
    kubelet_update(dir, "..2026_11_25_21_00_02.789", "featureGates: [Sidecar\n");
    let problem = refused(&next_events(&events));
    assert!(
        problem.contains("gates.yaml") && problem.contains("YAML"),
        "{problem}"
    );
    #[cfg(feature = "tracing")]
    assert!(
        logged
            .lock()
            .unwrap()
            .iter()
            .any(|w| w.contains("gates.yaml") && w.contains("YAML")),
        "the refusal is logged at warn level"
    );
    assert!(!ImageVolume::is_enabled() && Sidecar::is_enabled());

    // A version evaluation refuses (a name in both lists): kept too.
    kubelet_update(
        dir,
        "..2026_11_25_21_00_03.012",
        "featureGates: [ImageVolume]\ndisabledFeatureGates: [ImageVolume]\n",
    );
    let problem = refused(&next_events(&events));
    assert!(
        problem.contains("refused") && problem.contains("ImageVolume"),
        "{problem}"
    );
    assert!(!ImageVolume::is_enabled());

    // Back to a valid version: applied.
    kubelet_update(dir, "..2026_11_25_21_00_04.345", "featureGates: []\n");
    assert_eq!(
        applied(&next_events(&events)),
        [("ImageVolume", true), ("Sidecar", false)]
    );

    // Deleted: reported, the active configuration kept.
    fs::remove_file(&file).unwrap();
    let problem = refused(&next_events(&events));
    assert!(problem.contains("deleted"), "{problem}");
    assert!(ImageVolume::is_enabled());

    // Once the handle drops, nothing more is read or told.
    drop(watcher);
    symlink("..data/gates.yaml", &file).unwrap();
    kubelet_update(
        dir,
        "..2026_11_25_21_00_05.678",
        "featureGates: [Sidecar]\n",
    );
    std::thread::sleep(Duration::from_millis(500));
    assert!(events.lock().unwrap().is_empty());
    assert!(!Sidecar::is_enabled());
}

#[test]
fn a_plain_file_edited_in_place_or_replaced_is_followed() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("gates");
    fs::write(&file, "Sidecar=false\n").unwrap();
    let (events, on_event) = recorder();
    let _watcher = watch(&file, Options::default(), on_event).unwrap();
    assert!(!Sidecar::is_enabled());

    fs::write(&file, "Sidecar=true\n").unwrap();
    assert_eq!(applied(&next_events(&events)), [("Sidecar", true)]);
    assert!(active().is::<Sidecar>());

    // An editor's save: a new file renamed over the old one.
    fs::write(dir.path().join(".gates.swp"), "Sidecar=false\n").unwrap();
    fs::rename(dir.path().join(".gates.swp"), &file).unwrap();
    assert_eq!(applied(&next_events(&events)), [("Sidecar", false)]);

    // The same text again (a touch): nothing to tell.
    fs::write(&file, "Sidecar=false\n").unwrap();
    std::thread::sleep(Duration::from_millis(400));
    assert!(events.lock().unwrap().is_empty());
}

#[test]
fn a_first_version_that_cannot_be_used_is_an_error() {
    let _serial = serial();
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("gates.yaml");
    let options = Options::default();
    let err = watch(&missing, &options, |_| {}).unwrap_err();
    assert!(err.is_not_found());
    let err = watch(dir.path().join("absent/gates.yaml"), &options, |_| {}).unwrap_err();
    assert!(err.is_not_found(), "{err}");
    fs::write(&missing, "featureGates: [A]\ndisabledFeatureGates: [A]\n").unwrap();
    let err = watch(&missing, options, |_| {}).unwrap_err();
    assert!(
        err.to_string().contains("refused") && err.to_string().contains('A'),
        "{err}"
    );
    let names: Vec<&str> = err
        .refusal()
        .into_iter()
        .flat_map(featuregate::ConfigError::problems)
        .map(featuregate::ConfigProblem::name)
        .collect();
    assert_eq!(names, ["A"]);
}

#[feature_gate(state = Alpha)]
struct Poison;

// Two valid versions, told apart by the pair (Sidecar, ImageVolume),
// which is never equal in either; two refused ones that would turn
// Poison on.
const A: &str = "featureGates: [Sidecar]\ndisabledFeatureGates: [ImageVolume]\n";
const B: &str = "featureGates: []\n";
const UNPARSED: &str = "featureGates: [Poison]\nfeature_gates: []\n";
const REFUSED: &str = "featureGates: [Poison, ImageVolume]\ndisabledFeatureGates: [ImageVolume]\n";

/// Resident memory in bytes, from `/proc` (Linux).
fn resident() -> Option<u64> {
    let statm = fs::read_to_string("/proc/self/statm").ok()?;
    let pages: u64 = statm.split_whitespace().nth(1)?.parse().ok()?;
    Some(pages * 4096)
}

#[test]
fn soak_ten_thousand_swaps_valid_and_refused_while_readers_run() {
    use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};

    let _serial = serial();
    let volume = tempfile::tempdir().unwrap();
    let dir = volume.path();
    kubelet_update(dir, "..2026_11_25_21_00_00.000", A);
    let (events, on_event) = recorder();
    let watcher = watch(dir.join("gates.yaml"), Options::default(), on_event).unwrap();

    let stop = Arc::new(AtomicBool::new(false));
    let reads = Arc::new(AtomicU64::new(0));
    let readers: Vec<_> = (0..2)
        .map(|_| {
            let (stop, reads) = (Arc::clone(&stop), Arc::clone(&reads));
            std::thread::spawn(move || {
                while !stop.load(Ordering::Relaxed) {
                    assert!(!Poison::is_enabled(), "a reader saw a refused version");
                    let set = active();
                    assert!(!set.is::<Poison>(), "a reader saw a refused version");
                    assert_ne!(
                        set.is::<Sidecar>(),
                        set.is::<ImageVolume>(),
                        "a torn snapshot"
                    );
                    reads.fetch_add(1, Ordering::Relaxed);
                    // Two cores are shared with the swapping thread and the
                    // watcher: readers must not starve them.
                    std::thread::yield_now();
                }
            })
        })
        .collect();

    let warm = resident();
    let started = Instant::now();
    for i in 1..=10_000u32 {
        let text = match i % 4 {
            0 => A,
            2 => B,
            1 => UNPARSED,
            _ => REFUSED,
        };
        kubelet_update(dir, &format!("..2026_11_25_21_00_01.{i:05}"), text);
    }
    let swaps = started.elapsed();
    // The last version (10,000) is A, valid: it must end up active...
    let deadline = Instant::now() + Duration::from_secs(5);
    while !Sidecar::is_enabled() || ImageVolume::is_enabled() {
        assert!(
            Instant::now() < deadline,
            "the last valid version was not applied"
        );
        std::thread::sleep(Duration::from_millis(20));
    }
    // ...and stay so when one more refused version follows.
    std::thread::sleep(Duration::from_millis(300));
    events.lock().unwrap().clear();
    kubelet_update(dir, "..2026_11_25_21_00_02.00000", UNPARSED);
    let told = next_events(&events);
    assert!(
        told.iter().all(|e| matches!(e, WatchEvent::Refused(_))),
        "{told:?}"
    );
    stop.store(true, Ordering::Relaxed);
    for reader in readers {
        reader.join().unwrap();
    }
    drop(watcher);
    assert!(Sidecar::is_enabled() && !ImageVolume::is_enabled() && !Poison::is_enabled());
    assert!(reads.load(Ordering::Relaxed) > 0);
    if let (Some(before), Some(after)) = (warm, resident()) {
        let grown = after.saturating_sub(before);
        eprintln!(
            "10,000 swaps in {swaps:?}; resident memory grew by {} KiB",
            grown / 1024
        );
        assert!(grown < 16 << 20, "resident memory grew by {grown} bytes");
    }
}
