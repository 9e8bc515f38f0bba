//! Two gates with one name are never merged: `Registry::new` says where both
//! are declared, every duplicate at once, `try_registry()` returns that
//! error and `registry()` refuses to start with its message.

use featuregate::{FeatureGate, Registry, RegistryProblem, feature_gate, registry, try_registry};

mod compute {
    /// One team's gate.
    #[featuregate::feature_gate(name = "Snapshot", state = Beta)]
    pub(crate) struct Snapshot;
}

mod storage {
    /// Another team's gate under the same name.
    #[featuregate::feature_gate(name = "Snapshot", state = Alpha)]
    pub(crate) struct Snapshot;

    /// A second clash.
    #[featuregate::feature_gate(name = "Export", state = Alpha)]
    pub(crate) struct Export;
}

mod network {
    /// The other side of the second clash.
    #[featuregate::feature_gate(name = "Export", state = Beta)]
    pub(crate) struct Export;
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
    let problems: Vec<_> = err.problems().collect();
    let [
        RegistryProblem::Duplicate {
            name,
            first,
            second,
        },
    ] = problems[..]
    else {
        panic!("{problems:?}");
    };
    assert_eq!(*name, "Snapshot");
    let mut modules = [first.module_path, second.module_path];
    modules.sort_unstable();
    assert_eq!(
        modules,
        ["duplicate_names::compute", "duplicate_names::storage"]
    );
    let message = err.to_string();
    assert!(message.contains("duplicate_names.rs:10"), "{message}");
    assert!(message.contains("duplicate_names.rs:16"), "{message}");
}

#[test]
fn every_duplicate_at_once() {
    let err = Registry::new([
        compute::Snapshot::GATE,
        storage::Export::GATE,
        storage::Snapshot::GATE,
        network::Export::GATE,
    ])
    .unwrap_err();
    let names: Vec<_> = err.problems().map(RegistryProblem::name).collect();
    assert_eq!(names, ["Export", "Snapshot"]);
    let message = err.to_string();
    assert_eq!(message.lines().count(), 2, "{message}");
    assert!(
        message.lines().all(|l| l.contains("is declared twice")),
        "{message}"
    );
}

#[test]
fn try_registry_returns_the_error() {
    let err = try_registry().unwrap_err();
    assert_eq!(err.problems().len(), 2, "{err}");
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
