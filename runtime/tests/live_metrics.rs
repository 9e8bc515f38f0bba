//! The `feature_enabled` gauge: every gate of the registry with its stage,
//! set for every gate on every change of the active configuration
//! (configure, overrides, activate), not only the gauges that change (SPEC
//! section 13, amended: this test asserted "only what changes" before).
#![cfg(feature = "metrics")]

use featuregate::{
    FeatureGate, GateConfig, Options, activate, configure, feature_gate, override_gate, registry,
};

#[path = "support/gauges.rs"]
mod gauges;
use gauges::{Counting, set_of};

#[feature_gate(state = Alpha)]
struct Sidecar;
#[feature_gate(state = Beta)]
struct ImageVolume;
#[feature_gate(state = GA)]
struct LiveMigration;
#[feature_gate(state = Deprecated)]
struct HotplugVolumes;
#[feature_gate(state = Discontinued)]
struct Macvtap;

/// Every gate of the registry, each set once, with these values.
fn every_gate(recorder: &Counting, on: &[&str]) {
    let all = recorder.take();
    assert_eq!(all.len(), registry().len());
    for gate in registry().iter() {
        let (_, value, sets) = &all[gate.name()];
        assert_eq!(*sets, 1, "{} set once", gate.name());
        // The gauge is exactly 1.0 or 0.0.
        let shown = match value {
            v if *v > 0.5 => true,
            v if v.abs() < 0.5 => false,
            v => panic!("{}: {v}", gate.name()),
        };
        assert_eq!(shown, on.contains(&gate.name()), "{}", gate.name());
    }
}

#[test]
fn the_gauge_follows_every_change_of_the_active_configuration() {
    let recorder = Counting::install();

    // The first publish sets every gauge of the registry, with its stage.
    configure(&GateConfig::default(), &Options::default()).unwrap();
    let all = recorder.take();
    assert_eq!(all.len(), registry().len());
    let expect = [
        ("HotplugVolumes", "DEPRECATED", 0.0),
        ("ImageVolume", "BETA", 1.0),
        ("LiveMigration", "GA", 1.0),
        ("Macvtap", "DISCONTINUED", 0.0),
        ("Sidecar", "ALPHA", 0.0),
    ];
    for (name, stage, value) in expect {
        assert_eq!(all[name], (stage.to_owned(), value, 1), "{name}");
    }

    // After one change, every gate is set, not only the two that changed:
    // configure...
    configure(
        &GateConfig::parse("Sidecar=true,ImageVolume=false").unwrap(),
        &Options::default(),
    )
    .unwrap();
    every_gate(&recorder, &["LiveMigration", "Sidecar"]);
    configure(
        &GateConfig::parse("Sidecar=true,ImageVolume=false").unwrap(),
        &Options::default(),
    )
    .unwrap();
    every_gate(&recorder, &["LiveMigration", "Sidecar"]);

    // ...overrides, and their end...
    {
        let _pin = override_gate::<HotplugVolumes>(true);
        every_gate(&recorder, &["HotplugVolumes", "LiveMigration", "Sidecar"]);
        assert!(HotplugVolumes::is_enabled());
    }
    assert_eq!(
        set_of(&recorder.take()),
        [
            ("HotplugVolumes", 0.0),
            ("ImageVolume", 0.0),
            ("LiveMigration", 1.0),
            ("Macvtap", 0.0),
            ("Sidecar", 1.0)
        ]
    );

    // ...and activate.
    activate(
        registry()
            .evaluate(&GateConfig::default(), &Options::default())
            .unwrap(),
    );
    every_gate(&recorder, &["ImageVolume", "LiveMigration"]);
}
