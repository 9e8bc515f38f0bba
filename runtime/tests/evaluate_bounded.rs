//! Bounded work on hostile input: however many unknown or invalid names a
//! configuration holds, at most 100 warnings or problems of one kind are
//! kept (suggestions looked for only for those) and one more counts the
//! rest; every message stays short and escaped.

use featuregate::{
    Action, Arch, ArchPolicy, ConfigProblem, GateConfig, Options, Registry, Warning,
};
use featuregate_bench_gates::GATES;

fn unknown_names(n: usize) -> Vec<String> {
    (0..n).map(|i| format!("NoSuchGate{i}")).collect()
}

fn options() -> Options {
    Options::default().with_archs([Arch::Amd64])
}

fn thousand() -> Registry {
    Registry::new(GATES.iter().copied()).unwrap()
}

#[test]
fn unknown_names_warn_a_hundred_times_then_count_the_rest() {
    let config = GateConfig {
        enabled: unknown_names(200_000),
        disabled: Vec::new(),
    };
    let set = thousand().evaluate(&config, &options()).unwrap();
    let unknown = set
        .warnings()
        .iter()
        .filter(|w| matches!(w, Warning::UnknownGate { .. }))
        .count();
    assert_eq!(unknown, 100);
    let more: Vec<_> = set
        .warnings()
        .iter()
        .filter_map(|w| match w {
            Warning::More { count, about, .. } if about.contains("unknown") => Some(*count),
            _ => None,
        })
        .collect();
    assert_eq!(more, [199_900]);
    assert!(
        set.warnings()
            .iter()
            .any(|w| w.to_string() == "199900 more warnings about unknown feature gates left out")
    );
}

#[test]
fn strict_lists_a_hundred_problems_then_counts_the_rest() {
    let config = GateConfig {
        enabled: unknown_names(5_000),
        disabled: (0..300).map(|i| format!("Bad\u{200b}{i}")).collect(),
    };
    let err = thousand()
        .evaluate(&config, &options().with_strict(true))
        .unwrap_err();
    let unknown = err
        .problems()
        .filter(|p| matches!(p, ConfigProblem::UnknownGate { .. }))
        .count();
    let invalid = err
        .problems()
        .filter(|p| matches!(p, ConfigProblem::InvalidName { .. }))
        .count();
    assert_eq!((unknown, invalid), (100, 100));
    let counts: Vec<String> = err
        .problems()
        .filter(|p| matches!(p, ConfigProblem::More { .. }))
        .map(ToString::to_string)
        .collect();
    assert_eq!(
        counts,
        [
            "200 more problems about invalid names left out",
            "4900 more problems about unknown feature gates left out"
        ]
    );
    assert_eq!(err.to_string().lines().count(), 202);
}

#[test]
fn architecture_warnings_are_capped_too() {
    let warn_all = Options::default()
        .with_archs([Arch::Riscv64])
        .with_policy(ArchPolicy::uniform(Action::Warn));
    let set = thousand()
        .evaluate(&GateConfig::default(), &warn_all)
        .unwrap();
    let arch = set
        .warnings()
        .iter()
        .filter(|w| matches!(w, Warning::ArchSupport { .. }))
        .count();
    assert_eq!(arch, 100);
    assert!(
        matches!(set.warnings().last(), Some(Warning::More { count, .. }) if *count > 0),
        "{:?}",
        set.warnings().last()
    );
}

#[test]
fn a_long_hostile_name_is_cut_and_escaped() {
    let name = format!("A{}", "\u{202e}x".repeat(100_000));
    let err = thousand()
        .evaluate(
            &GateConfig {
                enabled: vec![name.clone()],
                disabled: vec![name],
            },
            &options(),
        )
        .unwrap_err();
    let message = err.to_string();
    assert_eq!(err.problems().len(), 2, "invalid in each list: {message}");
    assert!(message.lines().all(|l| l.len() < 200), "{message}");
    assert!(message.contains("\\u{202e}x"), "{message}");
    assert!(message.contains("(400001 bytes)"), "{message}");
    assert!(!message.contains('\u{202e}'));

    let long = "A".repeat(100_000);
    let set = thousand()
        .evaluate(&GateConfig::parse(&"A".repeat(128)).unwrap(), &options())
        .unwrap();
    let warning = set.warnings()[0].to_string();
    assert!(warning.len() < 200, "{warning}");
    assert!(warning.contains("(128 bytes)"), "{warning}");
    assert!(GateConfig::parse(&long).is_err());
}
