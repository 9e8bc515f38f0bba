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
