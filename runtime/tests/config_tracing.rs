//! With the `tracing` feature, `configure` logs each warning at warn level.
#![cfg(feature = "tracing")]

use std::fmt::Write as _;
use std::sync::{Arc, Mutex};

use featuregate::{Arch, Options, configure, feature_gate};
use tracing::field::{Field, Visit};
use tracing::span::{Attributes, Id, Record};
use tracing::{Event, Level, Metadata, Subscriber};

#[feature_gate(state = Deprecated, amd64 = Supported)]
struct OldThing;

/// Records `(level, target, message)` of every event.
#[derive(Clone, Default)]
struct Recorder(Arc<Mutex<Vec<(Level, String, String)>>>);

struct Message<'a>(&'a mut String);

impl Visit for Message<'_> {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?}");
        }
    }
}

impl Subscriber for Recorder {
    fn enabled(&self, _: &Metadata<'_>) -> bool {
        true
    }
    fn new_span(&self, _: &Attributes<'_>) -> Id {
        Id::from_u64(1)
    }
    fn record(&self, _: &Id, _: &Record<'_>) {}
    fn record_follows_from(&self, _: &Id, _: &Id) {}
    fn event(&self, event: &Event<'_>) {
        let mut message = String::new();
        event.record(&mut Message(&mut message));
        let meta = event.metadata();
        self.0
            .lock()
            .unwrap()
            .push((*meta.level(), meta.target().to_owned(), message));
    }
    fn enter(&self, _: &Id) {}
    fn exit(&self, _: &Id) {}
}

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
