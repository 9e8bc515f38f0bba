//! `metrics::publish()` after a recorder installed late: a program that
//! configures, then installs its recorder, exports every gate once it
//! publishes (its own test binary: the facade takes one recorder per
//! process).
#![cfg(feature = "metrics")]

use featuregate::{GateConfig, Options, configure, feature_gate, registry};

#[path = "support/gauges.rs"]
mod gauges;
use gauges::Counting;

#[feature_gate(state = Alpha)]
struct Sidecar;
#[feature_gate(state = Beta)]
struct ImageVolume;
#[feature_gate(state = GA)]
struct LiveMigration;

#[test]
fn configured_before_the_recorder_then_published_exports_every_gate() {
    configure(
        &GateConfig::parse("Sidecar=true,ImageVolume=false").unwrap(),
        &Options::default(),
    )
    .unwrap();
    let recorder = Counting::install();
    assert!(recorder.take().is_empty(), "nothing exported yet");

    featuregate::metrics::publish();
    let all = recorder.take();
    assert_eq!(all.len(), registry().len());
    assert_eq!(all["Sidecar"], ("ALPHA".to_owned(), 1.0, 1));
    assert_eq!(all["ImageVolume"], ("BETA".to_owned(), 0.0, 1));
    assert_eq!(all["LiveMigration"], ("GA".to_owned(), 1.0, 1));
}
