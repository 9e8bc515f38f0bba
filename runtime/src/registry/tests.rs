//! The sort by integer keys and the name index against the obvious
//! implementation (sort by `str::cmp`, look up with a `HashMap`), on names
//! built to share long prefixes and to hold NUL bytes, where a padded key
//! could tie or mislead.

use std::collections::HashMap;

use proptest::prelude::*;

use super::Registry;
use crate::Gate;

fn leak(name: &str) -> &'static Gate {
    crate::__private::leaked_gate(name, crate::State::Alpha)
}

fn names() -> impl Strategy<Value = Vec<String>> {
    // Few letters and long shared stems, so keys of 16 bytes often tie.
    let name = (
        prop::sample::select(vec!["", "VirtualMachine", "VirtualMachineInstance"]),
        "[ab\0]{0,20}",
    )
        .prop_map(|(stem, tail)| format!("{stem}{tail}"));
    prop::collection::vec(name, 0..60)
}

proptest! {
    #[test]
    fn sorted_by_name_and_indexed(names in names(), missing in "[ab\0]{0,30}") {
        let mut unique = names.clone();
        unique.sort();
        unique.dedup();
        let gates: Vec<&'static Gate> = unique.iter().map(|n| leak(n)).collect();
        // Every gate given twice, in reverse order the second time: counted once.
        let registry = Registry::new(gates.iter().chain(gates.iter().rev()).copied()).unwrap();
        let listed: Vec<&str> = registry.iter().map(Gate::name).collect();
        prop_assert_eq!(&listed, &unique);
        let map: HashMap<&str, &Gate> = gates.iter().map(|g| (g.name(), *g)).collect();
        for name in &unique {
            prop_assert!(registry.get(name).is_some_and(|g| std::ptr::eq(g, map[name.as_str()])));
        }
        prop_assert_eq!(registry.get(&missing).is_some(), map.contains_key(missing.as_str()));
    }

    #[test]
    fn a_name_twice_is_refused(mut names in names(), pick in any::<prop::sample::Index>()) {
        names.sort();
        names.dedup();
        prop_assume!(!names.is_empty());
        let twice = pick.get(&names);
        let gates: Vec<&'static Gate> = names.iter().map(|n| leak(n)).chain([leak(twice)]).collect();
        let duplicate = Registry::new(gates).unwrap_err();
        let names: Vec<&str> = duplicate.problems().map(super::RegistryProblem::name).collect();
        prop_assert_eq!(names, [twice.as_str()]);
    }
}

/// A gate requiring `requires`, leaked.
fn requiring(name: &str, requires: &[&'static Gate]) -> &'static Gate {
    let requires: &'static [&'static Gate] = Box::leak(requires.to_vec().into_boxed_slice());
    crate::__private::leaked_gate_with(name, crate::State::Alpha, &[], requires)
}

/// Statics may refer to each other in a circle, as declarations do; run-time
/// descriptors cannot (each is built after what it requires).
macro_rules! gate {
    ($name:ident requires [$($req:ident),*]) => {
        static $name: Gate = Gate::__new(
            concat!(stringify!($name), "\0graph\0graph.rs"),
            name_len(stringify!($name)),
            0,
            line!(),
            None,
        )
        .__requiring(&[$(&$req),*]);
    };
}

const fn name_len(name: &str) -> [u16; crate::gate::encoding::FIELDS] {
    let mut lens = [0; crate::gate::encoding::FIELDS];
    lens[crate::gate::encoding::NAME] = name.len() as u16;
    lens
}

// A -> B -> A; C -> D -> E -> C with F -> C hanging on; S -> S; G -> H (fine).
gate!(A requires [B]);
gate!(B requires [A]);
gate!(C requires [D]);
gate!(D requires [E]);
gate!(E requires [C, D]);
gate!(F requires [C]);
gate!(S requires [S]);
gate!(G requires [H]);
gate!(H requires []);

fn cycles(err: &super::RegistryError) -> Vec<Vec<&'static str>> {
    err.problems()
        .filter_map(|p| match p {
            super::RegistryProblem::Cycle { gates } => {
                Some(gates.iter().map(|g| g.name()).collect())
            }
            _ => None,
        })
        .collect()
}

#[test]
fn a_cycle_is_named_in_order_with_locations() {
    let err = Registry::new([&A, &B, &G, &H]).unwrap_err();
    assert_eq!(cycles(&err), [["A", "B"]]);
    let message = err.to_string();
    assert!(
        message.starts_with(
            "feature gates require each other in a cycle, A -> B -> A: A at graph.rs:"
        ),
        "{message}"
    );
    assert!(message.contains(", B at graph.rs:"), "{message}");
    assert_eq!(message.lines().count(), 1);
}

#[test]
fn every_cycle_at_once_from_its_first_gate() {
    // E requires C and D: the shortest way back from C is C -> D -> E -> C.
    let err = Registry::new([&F, &E, &D, &C, &S, &B, &A, &G, &H]).unwrap_err();
    assert_eq!(
        cycles(&err),
        [vec!["A", "B"], vec!["C", "D", "E"], vec!["S"]]
    );
    assert!(err.to_string().contains("S -> S:"), "{err}");
}

#[test]
fn a_missing_requirement_names_both_gates() {
    let err = Registry::new([&G]).unwrap_err();
    let problems: Vec<_> = err.problems().collect();
    let [super::RegistryProblem::MissingRequirement { gate, requirement }] = problems[..] else {
        panic!("{problems:?}");
    };
    assert_eq!((gate.name(), requirement.name()), ("G", "H"));
    assert!(
        err.to_string()
            .starts_with("feature gate `G` (at graph.rs:"),
        "{err}"
    );
    assert!(
        err.to_string().contains("requires `H` (at graph.rs:"),
        "{err}"
    );
    // Another gate of the requirement's name is not the requirement.
    let err = Registry::new([&G, leak("H")]).unwrap_err();
    assert_eq!(
        err.problems()
            .map(super::RegistryProblem::name)
            .collect::<Vec<_>>(),
        ["G"]
    );
}

#[test]
fn duplicates_missing_requirements_and_cycles_all_at_once() {
    let twin = leak("A");
    let err = Registry::new([&A, &B, twin, &G]).unwrap_err();
    let kinds: Vec<_> = err
        .problems()
        .map(|p| match p {
            super::RegistryProblem::Duplicate { name, .. } => format!("duplicate {name}"),
            super::RegistryProblem::MissingRequirement { gate, .. } => format!("missing {gate}"),
            super::RegistryProblem::Cycle { gates } => format!("cycle {}", gates[0]),
        })
        .collect();
    assert_eq!(kinds, ["duplicate A", "missing G", "cycle A"]);
}

#[test]
fn long_chains_need_no_recursion() {
    // 200,000 gates each requiring the previous: a recursive search would
    // overflow the test thread's stack.
    let mut previous = leak("Chain0");
    let mut gates = vec![previous];
    for i in 1..200_000 {
        previous = requiring(&format!("Chain{i}"), &[previous]);
        gates.push(previous);
    }
    let registry = Registry::new(gates.iter().copied()).unwrap();
    let order: Vec<usize> = registry.requirements().iter().map(|(p, _)| p).collect();
    assert_eq!(order.len(), 199_999);
    // Requirements first: each gate after the one it requires.
    let mut seen = vec![false; registry.len()];
    seen[registry.position("Chain0").unwrap()] = true;
    for (position, requires) in registry.requirements().iter() {
        assert!(requires.iter().all(|&r| seen[r as usize]));
        seen[position] = true;
    }
}
