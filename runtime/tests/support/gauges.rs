//! A `metrics` recorder that keeps each gauge's last value and counts its
//! sets, for the tests of the `feature_enabled` gauge (one recorder per
//! process: each scenario is a test binary of its own, including this file
//! by path; not every binary uses every helper).
#![allow(dead_code)]

use std::collections::BTreeMap;
use std::sync::{Arc, Mutex};

use metrics::{
    Counter, Gauge, GaugeFn, Histogram, Key, KeyName, Metadata, Recorder, SharedString, Unit,
};

/// `(name, labels)` -> (value, how many times it was set).
type Gauges = Arc<Mutex<BTreeMap<(String, Vec<(String, String)>), (f64, usize)>>>;

/// Keeps each gauge's last value and counts its sets.
#[derive(Clone, Default)]
pub(crate) struct Counting(Gauges);

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
    /// Installs this recorder for the process.
    pub(crate) fn install() -> Counting {
        let recorder = Counting::default();
        metrics::set_global_recorder(recorder.clone()).unwrap();
        recorder
    }

    /// `name -> (stage, value, sets since the last take)` of the
    /// `feature_enabled` gauges.
    pub(crate) fn take(&self) -> BTreeMap<String, (String, f64, usize)> {
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

/// The gauges set since the last take, with their values.
pub(crate) fn set_of(gauges: &BTreeMap<String, (String, f64, usize)>) -> Vec<(&str, f64)> {
    gauges
        .iter()
        .filter(|(_, (_, _, sets))| *sets > 0)
        .map(|(name, (_, value, _))| (name.as_str(), *value))
        .collect()
}
