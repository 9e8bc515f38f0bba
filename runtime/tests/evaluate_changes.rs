//! `FeatureSet::changes`, and with `tracing` one info event per change of
//! every publish: configure, activate, overrides.

use featuregate::{Change, FeatureGate, GateConfig, Options, Registry, feature_gate, registry};

#[cfg(feature = "tracing")]
mod support;

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
    use tracing::Level;

    use super::*;
    use crate::support::recorder::Recorder;
    use featuregate::{activate, configure, override_gate};

    fn infos(recorder: &Recorder) -> Vec<String> {
        let infos = recorder.messages(Level::INFO);
        recorder.clear();
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
