//! `metrics::publish()` in a program that never configures: every gate is
//! exported with its default (its own test binary: the facade takes one
//! recorder per process).
#![cfg(feature = "metrics")]

use featuregate::{feature_gate, registry};

#[path = "support/gauges.rs"]
mod gauges;
use gauges::Counting;

#[feature_gate(state = Alpha)]
struct Sidecar;
#[feature_gate(state = Beta)]
struct ImageVolume;
#[feature_gate(state = Deprecated)]
struct HotplugVolumes;
#[feature_gate(state = Discontinued)]
struct Macvtap;

#[test]
fn never_configured_and_published_exports_every_gate() {
    let recorder = Counting::install();
    featuregate::metrics::publish();
    let all = recorder.take();
    assert_eq!(all.len(), registry().len());
    assert_eq!(all["Sidecar"], ("ALPHA".to_owned(), 0.0, 1));
    assert_eq!(all["ImageVolume"], ("BETA".to_owned(), 1.0, 1));
    assert_eq!(all["HotplugVolumes"], ("DEPRECATED".to_owned(), 0.0, 1));
    assert_eq!(all["Macvtap"], ("DISCONTINUED".to_owned(), 0.0, 1));
}
