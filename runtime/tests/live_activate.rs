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
    // `active()` says the same as the slots: it covers every gate.
    assert!(active().is::<Snapshot>() && !active().is::<Sev>() && !active().is::<ImageVolume>());
    assert_eq!(active().registry().len(), registry().len());
    assert_consistent();
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
        assert_eq!(
            active().rule("Sev"),
            Some(featuregate::Rule::Override { enabled: true })
        );
        assert!(
            !Snapshot::is_enabled(),
            "other gates keep the active configuration"
        );
        {
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
fn a_pin_survives_configure_and_leaves_it_behind() {
    let _x = exclusive();
    let pin = override_gate::<Sev>(true);
    // Configured while the pin lives: the pin holds, the rest is configured.
    configure(&"Sev=false,Snapshot=false".parse().unwrap(), &options()).unwrap();
    assert!(Sev::is_enabled() && active().is::<Sev>());
    assert!(!Snapshot::is_enabled());
    activate(
        registry()
            .evaluate(&"ImageVolume=false".parse().unwrap(), &options())
            .unwrap(),
    );
    assert!(Sev::is_enabled() && !ImageVolume::is_enabled());
    assert_consistent();
    drop(pin);
    // What was configured meanwhile stays; the pin alone goes.
    assert!(!Sev::is_enabled() && !ImageVolume::is_enabled() && Snapshot::is_enabled());
    assert_consistent();
}

#[test]
fn pins_drop_in_any_order() {
    let _x = exclusive();
    let sev = override_gate::<Sev>(true);
    let snapshot = override_gate::<Snapshot>(false);
    drop(sev); // the older first
    assert!(!Sev::is_enabled() && !Snapshot::is_enabled());
    drop(snapshot);
    assert!(!Sev::is_enabled() && Snapshot::is_enabled());
    assert_consistent();

    // Two pins on one gate: the later wins while it lives.
    let on = override_gate::<OldThing>(true);
    let off = override_gate::<OldThing>(false);
    assert!(!OldThing::is_enabled());
    drop(on);
    assert!(!OldThing::is_enabled(), "the later pin still holds");
    drop(off);
    assert!(!OldThing::is_enabled());
    let off = override_gate::<OldThing>(false);
    let on = override_gate::<OldThing>(true);
    drop(off);
    assert!(OldThing::is_enabled() && active().is::<OldThing>());
    drop(on);
    assert!(!OldThing::is_enabled() && !active().is::<OldThing>());
    assert_consistent();
}

#[test]
fn a_guard_may_drop_on_another_thread() {
    let _x = exclusive();
    let guard = override_gate::<Sev>(true);
    std::thread::spawn(move || drop(guard)).join().unwrap();
    assert!(!Sev::is_enabled());
    assert_consistent();
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
    assert!(!ImageVolume::is_enabled());
    assert_consistent();
}
