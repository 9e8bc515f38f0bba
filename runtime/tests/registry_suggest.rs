//! `Registry::suggest` (SPEC 4): the exact name first, then one equal but
//! for ASCII case, then the most similar; `None` at once past 128 bytes;
//! bounded work on look-alike names (a budget, past which no suggestion).
//! Speed itself is measured by the `evaluate` bench, not here.

use featuregate::{Registry, State};

fn registry(names: impl IntoIterator<Item = String>) -> Registry {
    Registry::new(
        names
            .into_iter()
            .map(|n| featuregate::__private::leaked_gate(&n, State::Beta)),
    )
    .unwrap()
}

#[test]
fn the_exact_name_wins_over_its_case_twin() {
    let r = registry(["CaseGate", "CASEGATE", "Other"].map(String::from));
    assert_eq!(r.suggest("CaseGate"), Some("CaseGate"));
    assert_eq!(r.suggest("CASEGATE"), Some("CASEGATE"));
    let folded = r.suggest("casegate");
    assert!(
        matches!(folded, Some("CaseGate" | "CASEGATE")),
        "{folded:?}"
    );
    assert_eq!(r.suggest("other"), Some("Other"));
    assert_eq!(r.suggest("Othr"), Some("Other"));
}

#[test]
fn a_name_over_128_bytes_gets_none() {
    let r = registry(["ImageVolume".to_owned(), "A".repeat(128)]);
    assert_eq!(r.suggest(&"A".repeat(128)), Some(&*"A".repeat(128)));
    assert_eq!(r.suggest(&"A".repeat(129)), None);
    // 10 MB: it took 6.2 s before.
    assert_eq!(r.suggest(&"ImageVolume".repeat(1_000_000)), None);
}

#[test]
fn look_alike_numbers_still_get_their_suggestion() {
    let r = registry((0..10_000).map(|i| format!("Gen{i:05}Gate")));
    assert_eq!(r.suggest("Gen00001Gat"), Some("Gen00001Gate"));
    assert_eq!(r.suggest("Gen09998Gat"), Some("Gen09998Gate"));
    assert_eq!(r.suggest("gen00042gate"), Some("Gen00042Gate"));
}

/// 10,000 gates spelled with the same letters and digits: every one may
/// score as high as the best, so each would need a full comparison; past
/// the budget the name gets no suggestion rather than a slow one.
#[test]
fn past_the_budget_a_name_gets_no_suggestion() {
    let mut names = Vec::new();
    // Rotations and swaps: thousands of arrangements of the same digits.
    for a in 0..10 {
        for b in 0..10 {
            for c in 0..100 {
                let mut perm = *b"0123456789";
                perm.rotate_left(a);
                perm.swap(b, (b + 1 + c % 9) % 10);
                perm.swap(c % 10, (c / 10) % 10);
                names.push(format!("Ab{}", std::str::from_utf8(&perm).unwrap()));
            }
        }
    }
    names.sort();
    names.dedup();
    assert!(names.len() > 2_100, "{}", names.len());
    let r = registry(names.clone());
    // A name sharing every letter with all of them, near none exactly.
    assert_eq!(r.suggest("Ab9876543210x"), None);
    // A small registry of the same names is searched whole.
    let small = registry(names.into_iter().take(100));
    assert!(small.suggest("Ab9876543210x").is_some());
}
