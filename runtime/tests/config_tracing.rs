//! With the `tracing` feature, `configure` logs each warning at warn level.
#![cfg(feature = "tracing")]

use featuregate::{Arch, Options, configure, feature_gate};
use tracing::Level;

mod support;

use support::recorder::Recorder;

#[feature_gate(state = Deprecated, amd64 = Supported)]
struct OldThing;

#[test]
fn configure_logs_each_warning() {
    let recorder = Recorder::default();
    let set = tracing::subscriber::with_default(recorder.clone(), || {
        configure(
            &"OldThing=true,NoSuchGate=true".parse().unwrap(),
            &Options::default().with_archs([Arch::Amd64]),
        )
        .unwrap()
    });
    // The info events are the changes the publish logged (tests/changes.rs).
    let events: Vec<_> = recorder
        .0
        .lock()
        .unwrap()
        .iter()
        .filter(|e| e.0 == Level::WARN)
        .cloned()
        .collect();
    assert_eq!(events.len(), set.warnings().len());
    assert_eq!(events.len(), 2, "{events:?}");
    for ((level, target, message), warning) in events.iter().zip(set.warnings()) {
        assert_eq!(*level, Level::WARN);
        assert_eq!(target, "featuregate");
        assert_eq!(*message, warning.to_string());
    }
    assert!(events[0].2.contains("OldThing"));
    assert!(events[1].2.contains("NoSuchGate"));
}
