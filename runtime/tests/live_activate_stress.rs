//! Readers of `T::is_enabled()` and `active()` while another thread
//! reconfigures thousands of times: readers never see anything but one of the
//! configurations applied. Its own binary, so nothing else reconfigures.

use std::hint::black_box;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use featuregate::{FeatureGate, GateConfig, Options, configure, feature_gate};

#[feature_gate(state = Alpha)]
struct A;

#[feature_gate(state = Alpha)]
struct B;

#[feature_gate(state = Beta)]
struct C;

/// The configurations applied, as `(A, B, C)`: the defaults first.
const APPLIED: [(bool, bool, bool); 4] = [
    (false, false, true),
    (true, false, true),
    (true, true, false),
    (false, true, false),
];
const CONFIGS: [&str; 4] = ["", "A=true", "A=true,B=true,C=false", "B=true,C=false"];

#[test]
fn readers_see_only_applied_configurations() {
    // Before any call, the active set is the defaults.
    let defaults = featuregate::active();
    assert_eq!(
        (defaults.is::<A>(), defaults.is::<B>(), defaults.is::<C>()),
        APPLIED[0]
    );
    assert_eq!(
        (A::is_enabled(), B::is_enabled(), C::is_enabled()),
        APPLIED[0]
    );
    let first = Arc::downgrade(&defaults);
    drop(defaults);

    let done = AtomicBool::new(false);
    let options = Options::default();
    std::thread::scope(|s| {
        let readers: Vec<_> = (0..4)
            .map(|_| {
                s.spawn(|| {
                    let mut reads = 0u64;
                    while !done.load(Ordering::Acquire) {
                        let set = featuregate::active();
                        let snapshot = (set.is::<A>(), set.is::<B>(), set.is::<C>());
                        assert!(APPLIED.contains(&snapshot), "{snapshot:?}");
                        assert_eq!(
                            set.enabled().count(),
                            usize::from(snapshot.0)
                                + usize::from(snapshot.1)
                                + usize::from(snapshot.2)
                        );
                        // The typed reads are each one load: any value is one applied.
                        black_box((A::is_enabled(), B::is_enabled(), C::is_enabled()));
                        reads += 1;
                    }
                    reads
                })
            })
            .collect();
        let configs: Vec<GateConfig> = CONFIGS.iter().map(|s| s.parse().unwrap()).collect();
        for i in 0..10_000 {
            configure(&configs[i % configs.len()], &options).unwrap();
        }
        configure(&configs[0], &options).unwrap();
        done.store(true, Ordering::Release);
        for reader in readers {
            reader.join().unwrap();
        }
    });
    // The writer is done: the slots and the set agree again.
    assert_eq!(
        (A::is_enabled(), B::is_enabled(), C::is_enabled()),
        APPLIED[0]
    );
    let set = featuregate::active();
    assert_eq!((set.is::<A>(), set.is::<B>(), set.is::<C>()), APPLIED[0]);
    // Memory stays bounded: a replaced set is freed once nobody holds it.
    assert!(first.upgrade().is_none());
}
