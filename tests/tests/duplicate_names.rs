//! Two gates with one name are never merged: `Registry::new` says where both
//! are declared, and `registry()` refuses to start with that message.

use featuregate::{FeatureGate, Registry, feature_gate, registry};

mod compute {
    /// One team's gate.
    #[featuregate::feature_gate(name = "Snapshot", state = Beta)]
    pub(crate) struct Snapshot;
}

mod storage {
    /// Another team's gate under the same name.
    #[featuregate::feature_gate(name = "Snapshot", state = Alpha)]
    pub(crate) struct Snapshot;
}

/// A gate with a name of its own.
#[feature_gate(state = GA)]
struct Unrelated;

#[test]
fn registry_new_names_both_declarations() {
    let err = Registry::new([
        compute::Snapshot::GATE,
        Unrelated::GATE,
        storage::Snapshot::GATE,
    ])
    .unwrap_err();
    assert_eq!(err.name, "Snapshot");
    let mut modules = [err.first.module_path, err.second.module_path];
    modules.sort_unstable();
    assert_eq!(
        modules,
        ["duplicate_names::compute", "duplicate_names::storage"]
    );
    let message = err.to_string();
    assert!(message.contains("duplicate_names.rs:9"), "{message}");
    assert!(message.contains("duplicate_names.rs:15"), "{message}");
}

#[test]
fn the_same_gate_twice_is_one_gate() {
    let registry = Registry::new([Unrelated::GATE, Unrelated::GATE]).unwrap();
    assert_eq!(registry.len(), 1);
}

#[test]
#[should_panic(expected = "feature gate `Snapshot` is declared twice")]
fn the_program_registry_refuses_to_start() {
    let _ = registry();
}
