//! `FeatureSet::changes`, and with `tracing` one info event per change of
//! every publish: configure, activate, overrides.

use featuregate::{Change, FeatureGate, GateConfig, Options, Registry, feature_gate, registry};

#[feature_gate(state = Alpha)]
struct Sidecar;

#[feature_gate(state = Beta)]
struct ImageVolume;

#[feature_gate(state = GA)]
struct LiveMigration;

fn evaluate(flags: &str) -> featuregate::FeatureSet {
    registry()
        .evaluate(&GateConfig::parse(flags).unwrap(), &Options::default())
        .unwrap()
}

#[test]
fn changes_lists_the_gates_that_differ_by_name() {
    let before = evaluate("");
    let after = evaluate("Sidecar=true,ImageVolume=false,LiveMigration=false");
    assert_eq!(
        after.changes(&before),
        [
            Change {
                gate: ImageVolume::GATE,
                enabled: false
            },
            Change {
                gate: Sidecar::GATE,
                enabled: true
            },
        ]
    );
    assert_eq!(before.changes(&after).len(), 2);
    assert!(after.changes(&after).is_empty());
    assert_eq!(
        after.changes(&before)[1].to_string(),
        "feature gate Sidecar enabled"
    );
}

#[test]
fn changes_across_registries_compare_by_name_and_defaults() {
    let private = Registry::new([Sidecar::GATE]).unwrap();
    let small = private
        .evaluate(
            &GateConfig::parse("Sidecar=true").unwrap(),
            &Options::default(),
        )
        .unwrap();
    // Against the full registry: Sidecar differs; the others `small` does
    // not know are left out.
    let full = evaluate("ImageVolume=false");
    assert_eq!(
        small.changes(&full),
        [Change {
            gate: Sidecar::GATE,
            enabled: true
        }]
    );
    // The other way: gates `small` does not know count at their defaults.
    assert_eq!(
        full.changes(&small),
        [
            Change {
                gate: ImageVolume::GATE,
                enabled: false
            },
            Change {
                gate: Sidecar::GATE,
                enabled: false
            },
        ]
    );
}

#[cfg(feature = "tracing")]
mod logged {
    use std::sync::{Arc, Mutex};

    use tracing::field::{Field, Visit};
    use tracing::span::{Attributes, Id, Record};
    use tracing::{Event, Level, Metadata, Subscriber};

    use super::*;
    use featuregate::{activate, configure, override_gate};

    /// Records `(level, target, message)` of every event.
    #[derive(Clone, Default)]
    struct Recorder(Arc<Mutex<Vec<(Level, String, String)>>>);

    struct Message<'a>(&'a mut String);

    impl Visit for Message<'_> {
        fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
            if field.name() == "message" {
                *self.0 = format!("{value:?}");
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

    fn infos(recorder: &Recorder) -> Vec<String> {
        let mut events = recorder.0.lock().unwrap();
        let infos = events
            .iter()
            .filter(|(level, target, _)| *level == Level::INFO && target == "featuregate")
            .map(|(_, _, message)| message.clone())
            .collect();
        events.clear();
        infos
    }

    #[test]
    fn every_publish_logs_each_change_at_info() {
        let recorder = Recorder::default();
        tracing::subscriber::with_default(recorder.clone(), || {
            configure(&GateConfig::default(), &Options::default()).unwrap();
            infos(&recorder);

            configure(
                &GateConfig::parse("Sidecar=true").unwrap(),
                &Options::default(),
            )
            .unwrap();
            assert_eq!(infos(&recorder), ["feature gate Sidecar enabled"]);

            configure(
                &GateConfig::parse("Sidecar=true").unwrap(),
                &Options::default(),
            )
            .unwrap();
            assert!(infos(&recorder).is_empty(), "no change, no event");

            {
                let _pin = override_gate::<ImageVolume>(false);
                assert_eq!(infos(&recorder), ["feature gate ImageVolume disabled"]);
            }
            assert_eq!(infos(&recorder), ["feature gate ImageVolume enabled"]);

            activate(evaluate(""));
            assert_eq!(infos(&recorder), ["feature gate Sidecar disabled"]);
        });
    }
}
