//! Pins of `override_gate` and `configure` on several threads at once:
//! every pin holds while it lives, whatever is configured meanwhile, and
//! none is left behind. Its own binary, so nothing else reconfigures.

use std::sync::atomic::{AtomicBool, Ordering};

use featuregate::{
    FeatureGate, GateConfig, Options, active, configure, feature_gate, override_gate, registry,
};

#[feature_gate(state = Alpha)]
struct P0;

#[feature_gate(state = Alpha)]
struct P1;

#[feature_gate(state = Beta)]
struct P2;

#[feature_gate(state = Beta)]
struct P3;

#[feature_gate(state = Alpha)]
struct Configured;

/// Pins `T` on and off, checking after each pin that it holds.
fn pin_repeatedly<T: FeatureGate>(rounds: usize) {
    for round in 0..rounds {
        let on = round % 2 == 0;
        let guard = override_gate::<T>(on);
        for _ in 0..3 {
            assert_eq!(T::is_enabled(), on, "{}", T::GATE.name());
            assert_eq!(active().is::<T>(), on, "{}", T::GATE.name());
            std::thread::yield_now();
        }
        // Nested pins on the same gate, dropped out of order.
        let inner = override_gate::<T>(!on);
        assert_eq!(T::is_enabled(), !on);
        drop(guard);
        assert_eq!(T::is_enabled(), !on, "the later pin still holds");
        drop(inner);
    }
}

#[test]
fn pins_hold_while_others_configure() {
    // Each configuration tries to switch every pinned gate the other way.
    let configs: Vec<GateConfig> = [
        "P0=true,P1=true,P2=false,P3=false,Configured=true",
        "P0=false,P1=false,P2=true,P3=true,Configured=false",
    ]
    .iter()
    .map(|s| s.parse().unwrap())
    .collect();
    let options = Options::default();
    let done = AtomicBool::new(false);
    std::thread::scope(|s| {
        let configurer = s.spawn(|| {
            let mut i = 0;
            while !done.load(Ordering::Acquire) {
                configure(&configs[i % 2], &options).unwrap();
                i += 1;
            }
            // The last configuration, applied after every pin is gone.
            configure(&configs[0], &options).unwrap();
        });
        let pinners = [
            s.spawn(|| pin_repeatedly::<P0>(300)),
            s.spawn(|| pin_repeatedly::<P1>(300)),
            s.spawn(|| pin_repeatedly::<P2>(300)),
            s.spawn(|| pin_repeatedly::<P3>(300)),
        ];
        for pinner in pinners {
            pinner.join().unwrap();
        }
        done.store(true, Ordering::Release);
        configurer.join().unwrap();
    });
    // Nothing left behind: the configuration alone decides, everywhere.
    let set = active();
    assert!(set.is::<P0>() && set.is::<P1>() && !set.is::<P2>() && !set.is::<P3>());
    assert!(set.is::<Configured>());
    for gate in registry() {
        assert_eq!(gate.is_enabled(), set.get(gate).unwrap(), "{}", gate.name());
        assert!(
            !matches!(
                set.rule(gate.name()),
                Some(featuregate::Rule::Override { .. })
            ),
            "{}",
            gate.name()
        );
    }
}
