//! Gates of one crate that require each other in a circle compile (only the
//! registry sees the whole graph), and the registry refuses them:
//! `try_registry()` names the cycle in order, with where each gate is
//! declared, and `registry()` refuses to start. Its own test binary, since
//! this binary's registry cannot be built.

use featuregate::{FeatureGate, Registry, RegistryProblem, feature_gate, registry, try_registry};

/// Requires `B`.
#[feature_gate(state = Alpha, requires = B)]
struct A;

/// Requires `A`: the circle.
#[feature_gate(state = Alpha, requires = A)]
struct B;

/// Outside the circle, requiring into it.
#[feature_gate(state = Alpha, requires = A)]
struct C;

#[test]
fn try_registry_names_the_cycle_in_order() {
    let err = try_registry().unwrap_err();
    let problems: Vec<_> = err.problems().collect();
    let [RegistryProblem::Cycle { gates }] = &problems[..] else {
        panic!("{problems:?}");
    };
    let names: Vec<_> = gates.iter().map(|g| g.name()).collect();
    assert_eq!(names, ["A", "B"]);
    let message = err.to_string();
    assert!(
        message.starts_with("feature gates require each other in a cycle, A -> B -> A: "),
        "{message}"
    );
    assert!(
        message.contains("A at tests/tests/requirement_cycle.rs:11"),
        "{message}"
    );
    assert!(
        message.contains("B at tests/tests/requirement_cycle.rs:15"),
        "{message}"
    );
}

#[test]
fn a_private_registry_without_a_requirement_is_refused() {
    // Only C: its requirement is missing, which is a problem of its own.
    let err = Registry::new([C::GATE]).unwrap_err();
    let names: Vec<_> = err.problems().map(RegistryProblem::name).collect();
    assert_eq!(names, ["C"]);
    assert!(err.to_string().contains("requires `A`"), "{err}");
}

#[test]
#[should_panic(expected = "A -> B -> A")]
fn the_program_registry_refuses_to_start() {
    let _ = registry();
}
