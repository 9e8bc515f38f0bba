//! The `feature_enabled` gauge: every gate of the registry with its stage,
//! set on the first publish, then only the gauges that change, on every
//! change of the active configuration.
#![cfg(feature = "metrics")]

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use featuregate::{
    FeatureGate, GateConfig, Options, activate, configure, feature_gate, override_gate, registry,
};
use metrics::{
    Counter, Gauge, GaugeFn, Histogram, Key, KeyName, Metadata, Recorder, SharedString, Unit,
};

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

/// `(name, labels)` -> (value, how many times it was set).
type Gauges = Arc<Mutex<BTreeMap<(String, Vec<(String, String)>), (f64, usize)>>>;

/// A recorder that keeps each gauge's last value and counts its sets, so a
/// test sees both what is exported and that unchanged gauges are left alone.
#[derive(Clone, Default)]
struct Counting(Gauges);

struct One(Gauges, (String, Vec<(String, String)>));

impl GaugeFn for One {
    fn increment(&self, _: f64) {
        unreachable!("the gauge is only set")
    }
    fn decrement(&self, _: f64) {
        unreachable!("the gauge is only set")
    }
    fn set(&self, value: f64) {
        let mut gauges = self.0.lock().unwrap();
        let entry = gauges.entry(self.1.clone()).or_insert((0.0, 0));
        *entry = (value, entry.1 + 1);
    }
}

impl Recorder for Counting {
    fn describe_counter(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
    fn describe_gauge(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
    fn describe_histogram(&self, _: KeyName, _: Option<Unit>, _: SharedString) {}
    fn register_counter(&self, _: &Key, _: &Metadata<'_>) -> Counter {
        Counter::noop()
    }
    fn register_gauge(&self, key: &Key, _: &Metadata<'_>) -> Gauge {
        let labels = key
            .labels()
            .map(|l| (l.key().to_owned(), l.value().to_owned()))
            .collect();
        Gauge::from_arc(Arc::new(One(
            Arc::clone(&self.0),
            (key.name().to_owned(), labels),
        )))
    }
    fn register_histogram(&self, _: &Key, _: &Metadata<'_>) -> Histogram {
        Histogram::noop()
    }
}

impl Counting {
    /// `name -> (stage, value, sets)` of the `feature_enabled` gauges.
    fn take(&self) -> BTreeMap<String, (String, f64, usize)> {
        let mut gauges = self.0.lock().unwrap();
        let seen = gauges
            .iter()
            .map(|((metric, labels), &(value, sets))| {
                assert_eq!(metric, "feature_enabled");
                let label = |k: &str| labels.iter().find(|(key, _)| key == k).unwrap().1.clone();
                (label("name"), (label("stage"), value, sets))
            })
            .collect();
        for entry in gauges.values_mut() {
            entry.1 = 0;
        }
        seen
    }
}

fn set_of(gauges: &BTreeMap<String, (String, f64, usize)>) -> Vec<(&str, f64)> {
    gauges
        .iter()
        .filter(|(_, (_, _, sets))| *sets > 0)
        .map(|(name, (_, value, _))| (name.as_str(), *value))
        .collect()
}

#[test]
fn the_gauge_follows_every_change_of_the_active_configuration() {
    let recorder = Counting::default();
    metrics::set_global_recorder(recorder.clone()).unwrap();

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

    // Then only what changes: configure...
    configure(
        &GateConfig::parse("Sidecar=true,ImageVolume=false").unwrap(),
        &Options::default(),
    )
    .unwrap();
    assert_eq!(
        set_of(&recorder.take()),
        [("ImageVolume", 0.0), ("Sidecar", 1.0)]
    );
    configure(
        &GateConfig::parse("Sidecar=true,ImageVolume=false").unwrap(),
        &Options::default(),
    )
    .unwrap();
    assert!(set_of(&recorder.take()).is_empty());

    // ...overrides, and their end...
    {
        let _pin = override_gate::<HotplugVolumes>(true);
        assert_eq!(set_of(&recorder.take()), [("HotplugVolumes", 1.0)]);
        assert!(HotplugVolumes::is_enabled());
    }
    assert_eq!(set_of(&recorder.take()), [("HotplugVolumes", 0.0)]);

    // ...and activate.
    activate(
        registry()
            .evaluate(&GateConfig::default(), &Options::default())
            .unwrap(),
    );
    assert_eq!(
        set_of(&recorder.take()),
        [("ImageVolume", 1.0), ("Sidecar", 0.0)]
    );
}
