//! The active configuration: `configure`, `activate`, `active`, the typed
//! slots `T::is_enabled()` reads, all-or-nothing refusals, and the scoped
//! `override_gate`.
//!
//! Every test here changes the one global configuration, so each holds
//! `LOCK` (tests of one binary run on parallel threads) and leaves the
//! defaults behind.

use std::sync::{Mutex, MutexGuard, PoisonError};

use featuregate::{
    Action, Arch, ArchPolicy, FeatureGate, GateConfig, Options, Registry, activate, active,
    configure, feature_gate, override_gate, registry,
};

#[feature_gate(state = Alpha, amd64 = Supported, arm64 = Unsupported)]
struct Sev;

#[feature_gate(state = Beta, amd64 = Supported, arm64 = Supported)]
struct ImageVolume;

#[feature_gate(state = Beta, amd64 = Supported, arm64 = Supported)]
struct Snapshot;

#[feature_gate(state = Deprecated, amd64 = Supported, arm64 = Supported)]
struct OldThing;

static LOCK: Mutex<()> = Mutex::new(());

/// Serialises the tests and restores the defaults when one ends, passed or not.
struct Exclusive(#[allow(dead_code)] MutexGuard<'static, ()>);

impl Drop for Exclusive {
    fn drop(&mut self) {
        configure(&GateConfig::default(), &Options::default()).unwrap();
    }
}

fn exclusive() -> Exclusive {
    Exclusive(LOCK.lock().unwrap_or_else(PoisonError::into_inner))
}

fn options() -> Options {
    Options::default().with_archs([Arch::Amd64, Arch::Arm64])
}

/// The typed slots, the published set and the registry agree.
fn assert_consistent() {
    let set = active();
    for gate in registry() {
        assert_eq!(gate.is_enabled(), set.get(gate).unwrap(), "{}", gate.name());
    }
}

#[test]
fn defaults_before_any_call() {
    let _x = exclusive();
    assert!(!Sev::is_enabled());
    assert!(ImageVolume::is_enabled());
    assert!(!active().is::<Sev>());
    assert!(active().is::<ImageVolume>());
    assert_consistent();
}

#[test]
fn configure_publishes_to_slots_and_active() {
    let _x = exclusive();
    let set = configure(&"Sev=true,ImageVolume=false".parse().unwrap(), &options()).unwrap();
    assert!(std::sync::Arc::ptr_eq(&set, &active()));
    assert!(Sev::is_enabled());
    assert!(!ImageVolume::is_enabled());
    assert!(Snapshot::is_enabled());
    assert!(active().is::<Sev>());
    // Sev is Unsupported on arm64: the default policy warns.
    assert!(
        set.warnings().iter().any(|w| w.name() == "Sev"),
        "{:?}",
        set.warnings()
    );
    assert_consistent();

    configure(&GateConfig::default(), &options()).unwrap();
    assert!(!Sev::is_enabled());
    assert!(ImageVolume::is_enabled());
    assert_consistent();
}

#[test]
fn activate_takes_an_evaluated_set() {
    let _x = exclusive();
    let set = registry()
        .evaluate(&"OldThing=true".parse().unwrap(), &options())
        .unwrap();
    activate(set);
    assert!(OldThing::is_enabled());
    assert!(active().is::<OldThing>());
    assert_consistent();
}

#[test]
fn a_private_set_leaves_unknown_gates_at_their_defaults() {
    let _x = exclusive();
    configure(&"Sev=true,Snapshot=false".parse().unwrap(), &options()).unwrap();
    let private = Registry::new([ImageVolume::GATE]).unwrap();
    activate(
        private
            .evaluate(&"ImageVolume=false".parse().unwrap(), &options())
            .unwrap(),
    );
    assert!(!ImageVolume::is_enabled());
    assert!(!Sev::is_enabled(), "back to Alpha's default");
    assert!(Snapshot::is_enabled(), "back to Beta's default");
    assert_eq!(active().registry().len(), 1);
}

#[test]
fn a_refused_configuration_changes_nothing() {
    let _x = exclusive();
    let before = configure(&"Sev=true,Snapshot=false".parse().unwrap(), &options()).unwrap();
    let slots: Vec<bool> = registry()
        .iter()
        .map(featuregate::Gate::is_enabled)
        .collect();

    let strict = options().with_strict(true);
    assert!(configure(&"ImageVolum=true".parse().unwrap(), &strict).is_err());
    let deny = options().with_policy(ArchPolicy {
        unsupported: Action::Deny,
        ..ArchPolicy::default()
    });
    assert!(configure(&"Sev=true,ImageVolume=false".parse().unwrap(), &deny).is_err());
    let both = GateConfig {
        enabled: vec!["ImageVolume".into()],
        disabled: vec!["ImageVolume".into()],
    };
    assert!(configure(&both, &options()).is_err());

    assert!(std::sync::Arc::ptr_eq(&before, &active()));
    let after: Vec<bool> = registry()
        .iter()
        .map(featuregate::Gate::is_enabled)
        .collect();
    assert_eq!(slots, after);
    assert!(Sev::is_enabled() && !Snapshot::is_enabled());
}

#[test]
fn override_gate_restores_the_previous_configuration() {
    let _x = exclusive();
    let before = configure(&"Snapshot=false".parse().unwrap(), &options()).unwrap();
    {
        let _sev = override_gate::<Sev>(true);
        assert!(Sev::is_enabled());
        assert!(active().is::<Sev>());
        assert!(
            !Snapshot::is_enabled(),
            "other gates keep the active configuration"
        );
        {
            // Overrides nest on one thread.
            let _snapshot = override_gate::<Snapshot>(true);
            assert!(Snapshot::is_enabled() && Sev::is_enabled());
        }
        assert!(!Snapshot::is_enabled() && Sev::is_enabled());
        assert_consistent();
    }
    assert!(!Sev::is_enabled());
    assert!(std::sync::Arc::ptr_eq(&before, &active()));
    assert_consistent();
}

#[test]
fn override_serialises_threads() {
    let _x = exclusive();
    // Each thread's override is whole while it holds the guard: no other
    // thread's override lands in between.
    std::thread::scope(|s| {
        for i in 0..8 {
            s.spawn(move || {
                for _ in 0..50 {
                    let on = i % 2 == 0;
                    let _guard = override_gate::<Sev>(on);
                    assert_eq!(Sev::is_enabled(), on);
                    assert_eq!(active().is::<Sev>(), on);
                }
            });
        }
    });
    assert!(!Sev::is_enabled());
}

#[test]
fn override_over_a_private_set() {
    let _x = exclusive();
    let private = Registry::new([ImageVolume::GATE]).unwrap();
    activate(
        private
            .evaluate(&"ImageVolume=false".parse().unwrap(), &options())
            .unwrap(),
    );
    {
        let _guard = override_gate::<Sev>(true);
        assert!(Sev::is_enabled() && active().is::<Sev>());
        assert!(!ImageVolume::is_enabled() && !active().is::<ImageVolume>());
    }
    assert!(!Sev::is_enabled());
    assert_eq!(active().registry().len(), 1);
}
