//! `Registry::evaluate`: KubeVirt's enablement rules (its feature-gates test
//! table ported), the meta names, unknown names, both lists, and the
//! per-architecture policy. Evaluation is pure: nothing here touches the
//! active configuration.

use featuregate::{
    Action, Arch, ArchPolicy, ArchSet, ConfigProblem, FeatureGate, FeatureSet, GateConfig, Options,
    Registry, Rule, Severity, State, Status, Warning, feature_gate, registry,
};

#[feature_gate(state = GA, amd64 = Supported, arm64 = Supported)]
struct GaGate;

#[feature_gate(state = Beta, amd64 = Supported, arm64 = Supported)]
struct BetaGate;

#[feature_gate(state = Beta, amd64 = Supported, arm64 = Supported)]
struct OtherBeta;

#[feature_gate(state = Alpha, amd64 = Supported, arm64 = Supported)]
struct AlphaGate;

#[feature_gate(state = Alpha, amd64 = Supported, arm64 = Supported)]
struct OtherAlpha;

#[feature_gate(state = Deprecated, amd64 = Supported, arm64 = Supported)]
struct DeprecatedGate;

#[feature_gate(state = Discontinued, amd64 = Supported, arm64 = Supported)]
struct DiscontinuedGate;

/// AMD SEV: amd64 only.
#[feature_gate(state = Alpha, amd64 = Supported, arm64 = Unsupported, s390x = Unsupported)]
struct Sev;

#[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified, s390x = Pending("needs CDI"))]
struct ImageVolume;

#[feature_gate(state = Beta)] // unspecified everywhere
struct Legacy;

/// GA, and cannot work on arm64.
#[feature_gate(state = GA, amd64 = Supported, arm64 = Unsupported("x86 only"))]
struct GaAmd64Only;

/// Unverified on arm64, unspecified elsewhere.
#[feature_gate(state = Alpha, amd64 = Supported, arm64 = Unverified)]
struct HalfKnown;

fn config(enabled: &[&str], disabled: &[&str]) -> GateConfig {
    GateConfig {
        enabled: enabled.iter().map(|s| (*s).to_owned()).collect(),
        disabled: disabled.iter().map(|s| (*s).to_owned()).collect(),
    }
}

/// Options on amd64 only, where every gate above but `Legacy` is Supported.
fn amd64() -> Options {
    Options::default().with_archs([Arch::Amd64])
}

fn eval(enabled: &[&str], disabled: &[&str]) -> FeatureSet {
    registry()
        .evaluate(&config(enabled, disabled), &amd64())
        .unwrap_or_else(|e| panic!("{e}"))
}

/// One row of KubeVirt's table: (case, gate, enabled list, disabled list,
/// expected).
type Case<'a> = (&'a str, &'a str, &'a [&'a str], &'a [&'a str], bool);

/// KubeVirt's table.
#[test]
fn kubevirt_table() {
    let cases: &[Case] = &[
        ("GA with no config", "GaGate", &[], &[], true),
        ("GA in disabled still on", "GaGate", &[], &["GaGate"], true),
        ("GA in enabled on", "GaGate", &["GaGate"], &[], true),
        ("Beta with no config", "BetaGate", &[], &[], true),
        ("Beta disabled", "BetaGate", &[], &["BetaGate"], false),
        ("Beta enabled", "BetaGate", &["BetaGate"], &[], true),
        ("Alpha with no config", "AlphaGate", &[], &[], false),
        ("Alpha enabled", "AlphaGate", &["AlphaGate"], &[], true),
        ("Alpha disabled", "AlphaGate", &[], &["AlphaGate"], false),
        (
            "Deprecated with no config",
            "DeprecatedGate",
            &[],
            &[],
            false,
        ),
        (
            "Deprecated enabled",
            "DeprecatedGate",
            &["DeprecatedGate"],
            &[],
            true,
        ),
        (
            "Deprecated disabled",
            "DeprecatedGate",
            &[],
            &["DeprecatedGate"],
            false,
        ),
        (
            "Discontinued with no config",
            "DiscontinuedGate",
            &[],
            &[],
            false,
        ),
        (
            "Discontinued enabled still off",
            "DiscontinuedGate",
            &["DiscontinuedGate"],
            &[],
            false,
        ),
        (
            "unregistered with no config",
            "Unregistered",
            &[],
            &[],
            false,
        ),
        (
            "unregistered enabled",
            "Unregistered",
            &["Unregistered"],
            &[],
            false,
        ),
        (
            "unregistered disabled",
            "Unregistered",
            &[],
            &["Unregistered"],
            false,
        ),
    ];
    for &(case, gate, enabled, disabled, expected) in cases {
        let set = eval(enabled, disabled);
        assert_eq!(set.is_enabled(gate), expected, "{case}");
    }
}

#[test]
fn typed_and_listed_views_agree() {
    let set = eval(&["AlphaGate"], &["BetaGate"]);
    assert!(set.is::<AlphaGate>());
    assert!(!set.is::<BetaGate>());
    assert!(set.is::<GaGate>());
    let enabled: Vec<_> = set.enabled().map(featuregate::Gate::name).collect();
    assert_eq!(
        enabled,
        [
            "AlphaGate",
            "GaAmd64Only",
            "GaGate",
            "ImageVolume",
            "Legacy",
            "OtherBeta"
        ]
    );
    assert_eq!(set.iter().len(), registry().len());
    assert_eq!(set.disabled().count() + enabled.len(), registry().len());
    assert_eq!(set.get(AlphaGate::GATE), Some(true));
    assert_eq!(set.registry().len(), registry().len());
    let debug = format!("{set:?}");
    assert!(debug.contains("AlphaGate"), "{debug}");
    // Cheap clones share the registry.
    let clone = set.clone();
    assert!(clone.is::<AlphaGate>());
}

#[test]
fn surprising_cases_warn() {
    let set = eval(
        &["GaGate", "DiscontinuedGate", "DeprecatedGate", "AlphGate"],
        &["GaGate2"],
    );
    let w = set.warnings();
    assert_eq!(w[0], Warning::GaEnabled { gate: GaGate::GATE });
    assert_eq!(
        w[1],
        Warning::DiscontinuedEnabled {
            gate: DiscontinuedGate::GATE
        }
    );
    assert_eq!(
        w[2],
        Warning::DeprecatedEnabled {
            gate: DeprecatedGate::GATE
        }
    );
    assert_eq!(
        w[3],
        Warning::UnknownGate {
            name: "AlphGate".into(),
            suggestion: Some("AlphaGate"),
            severity: Severity::Warning,
        }
    );
    assert!(matches!(&w[4], Warning::UnknownGate { name, .. } if name == "GaGate2"));
    assert_eq!(w.len(), 5, "{w:?}");
    assert_eq!(
        w[3].to_string(),
        "unknown feature gate AlphGate; did you mean AlphaGate?"
    );
    for warning in w {
        let message = warning.to_string();
        assert!(
            message.contains(warning.name()) && !warning.name().is_empty(),
            "{message}"
        );
    }

    let set = eval(&[], &["GaGate"]);
    assert_eq!(set.warnings(), [Warning::GaDisabled { gate: GaGate::GATE }]);
    assert!(
        set.warnings()[0]
            .to_string()
            .contains("General Availability")
    );

    // Nothing surprising, nothing said.
    assert!(
        eval(&["AlphaGate"], &["BetaGate", "DiscontinuedGate"])
            .warnings()
            .is_empty()
    );
}

#[test]
fn strict_turns_unknown_names_into_errors() {
    let strict = amd64().with_strict(true);
    let err = registry()
        .evaluate(&config(&["BetaGat"], &[]), &strict)
        .unwrap_err();
    assert_eq!(
        err.problems().collect::<Vec<_>>(),
        [&ConfigProblem::UnknownGate {
            name: "BetaGat".into(),
            suggestion: Some("BetaGate"),
            severity: Severity::Refusal,
        }]
    );
    assert_eq!(
        err.to_string(),
        "unknown feature gate BetaGat; did you mean BetaGate?"
    );
    assert!(
        registry()
            .evaluate(&config(&[], &["Nope"]), &strict)
            .is_err()
    );
    // The meta names are never unknown.
    assert!(
        registry()
            .evaluate(&config(&["AllAlpha"], &["AllBeta"]), &strict)
            .is_ok()
    );
}

#[test]
fn a_name_in_both_lists_is_an_error() {
    for name in ["AlphaGate", "GaGate", "Unregistered", "AllAlpha"] {
        let err = registry().evaluate(&config(&[name, "BetaGate"], &["OtherBeta", name]), &amd64());
        assert_eq!(
            err.unwrap_err().problems().collect::<Vec<_>>(),
            [&ConfigProblem::InBothLists { name: name.into() }],
            "{name}"
        );
    }
}

#[test]
fn a_name_twice_in_one_list_is_an_error() {
    // However the configuration was built: `parse` refuses it, and so does
    // evaluation of one built by hand or read through serde.
    let err = registry()
        .evaluate(
            &config(&["DeprecatedGate", "DeprecatedGate", "X", "X"], &[]),
            &amd64(),
        )
        .unwrap_err();
    let names: Vec<_> = err
        .problems()
        .map(|p| match p {
            ConfigProblem::DuplicateName { name } => name.as_str(),
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(names, ["DeprecatedGate", "X"]);
}

#[test]
fn every_problem_at_once() {
    let deny = amd64()
        .with_archs([Arch::Arm64])
        .with_policy(ArchPolicy::uniform(Action::Deny))
        .with_strict(true);
    let err = registry()
        .evaluate(
            &config(
                &["Sev", "HalfKnown", "AlphaGate", "Nope", "Bad\u{200b}Name"],
                &["AlphaGate", "AlsoNope"],
            ),
            &deny,
        )
        .unwrap_err();
    let problems: Vec<String> = err.problems().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "unknown feature gate Nope",
            "`Bad\\u{200b}Name`: the feature gate name holds `\\u{200b}`; a feature gate name is an ASCII letter, then ASCII letters, digits, `-`, `_` or `.`",
            "feature gate AlphaGate is listed both as enabled and as disabled",
            "unknown feature gate AlsoNope",
            "feature gate HalfKnown is enabled but the architecture policy denies it on arm64 (Unverified)",
            "feature gate Sev is enabled but the architecture policy denies it on arm64 (Unsupported)",
        ]
    );
    assert_eq!(err.to_string(), problems.join("\n"));
}

#[test]
fn invalid_names_are_refused_not_unknown() {
    for bad in [
        "\u{feff}AlphaGate",
        "Alpha\u{200b}Gate",
        "AlphaGate\u{202e}",
        "Älpha",
        "A,B",
        "A=true",
        "A B",
        "",
        &"A".repeat(129),
    ] {
        let err = registry()
            .evaluate(&config(&[bad], &[]), &amd64())
            .unwrap_err();
        assert!(
            matches!(err.problems().next(), Some(ConfigProblem::InvalidName { name }) if name == bad),
            "{bad:?}: {err:?}"
        );
        assert!(!err.to_string().chars().any(char::is_control), "{err}");
    }
}

#[test]
fn all_alpha_and_all_beta() {
    let set = eval(&["AllAlpha"], &[]);
    assert!(set.is::<AlphaGate>() && set.is::<OtherAlpha>() && set.is::<Sev>());
    assert!(!set.is::<DeprecatedGate>(), "never touches Deprecated");
    assert!(!set.is::<DiscontinuedGate>());
    assert!(set.warnings().is_empty(), "{:?}", set.warnings());

    let set = eval(&[], &["AllBeta"]);
    assert!(!set.is::<BetaGate>() && !set.is::<OtherBeta>() && !set.is::<ImageVolume>());
    assert!(set.is::<GaGate>(), "GA stays on");

    let set = eval(&["AllBeta"], &[]);
    assert!(set.is::<BetaGate>());

    // A gate named on its own wins, whatever the order.
    for s in [
        "AllAlpha=true,AlphaGate=false",
        "AlphaGate=false,AllAlpha=true",
    ] {
        let set = registry().evaluate(&s.parse().unwrap(), &amd64()).unwrap();
        assert!(!set.is::<AlphaGate>() && set.is::<OtherAlpha>(), "{s}");
    }
    for s in ["AllBeta=false,BetaGate=true", "BetaGate=true,AllBeta=false"] {
        let set = registry().evaluate(&s.parse().unwrap(), &amd64()).unwrap();
        assert!(set.is::<BetaGate>() && !set.is::<OtherBeta>(), "{s}");
    }
    let set = eval(&["DeprecatedGate"], &["AllAlpha"]);
    assert!(set.is::<DeprecatedGate>());
    assert!(!set.is_enabled("AllAlpha"));
}

#[test]
fn default_policy_warns_once_per_gate_naming_every_arch() {
    let options = Options::default().with_archs([Arch::Arm64, Arch::S390x, Arch::Amd64]);
    let set = registry()
        .evaluate(&config(&["Sev"], &[]), &options)
        .unwrap();
    let arch_warnings: Vec<_> = set
        .warnings()
        .iter()
        .filter_map(|w| match w {
            Warning::ArchSupport { gate, archs } => Some((gate.name(), *archs)),
            _ => None,
        })
        .collect();
    // Legacy is unspecified everywhere: the default policy allows it.
    let names: Vec<_> = arch_warnings.iter().map(|(n, _)| *n).collect();
    assert_eq!(names, ["ImageVolume", "Sev"]);

    let (_, image) = arch_warnings[0];
    assert_eq!(image.len(), 2);
    assert_eq!(image.get(Arch::Arm64), Some(Status::Unverified));
    assert_eq!(image.get(Arch::S390x), Some(Status::Pending));
    assert_eq!(image.get(Arch::Amd64), None);
    let (_, sev) = arch_warnings[1];
    assert_eq!(
        set.warnings()
            .iter()
            .find(|w| w.name() == "Sev")
            .unwrap()
            .to_string(),
        "feature gate Sev is enabled but not Supported on arm64 (Unsupported), s390x (Unsupported)"
    );
    assert_eq!(sev.archs().collect::<Vec<_>>(), [Arch::Arm64, Arch::S390x]);
}

#[test]
fn a_warning_names_only_the_architectures_the_policy_warns_about() {
    // s390x is unspecified for HalfKnown: the default policy allows that, so
    // the warning about arm64 does not drag s390x in.
    let options = Options::default().with_archs([Arch::Amd64, Arch::Arm64, Arch::S390x]);
    let set = registry()
        .evaluate(&config(&["HalfKnown"], &[]), &options)
        .unwrap();
    let warning = set
        .warnings()
        .iter()
        .find(|w| w.name() == "HalfKnown")
        .unwrap();
    assert_eq!(
        warning.to_string(),
        "feature gate HalfKnown is enabled but not Supported on arm64 (Unverified)"
    );
    // Denying unverified turns the same case into an error naming arm64 alone.
    let deny = ArchPolicy {
        unverified: Action::Deny,
        ..ArchPolicy::default()
    };
    let err = registry()
        .evaluate(&config(&["HalfKnown"], &[]), &options.with_policy(deny))
        .unwrap_err();
    assert!(err.to_string().contains("HalfKnown"), "{err}");
    assert!(err.to_string().contains("arm64 (Unverified)"), "{err}");
    assert!(!err.to_string().contains("s390x"), "{err}");
}

#[test]
fn ga_gates_are_not_judged_by_the_policy() {
    // GA is on whatever the configuration says: a Deny on it could never be
    // satisfied, and a warning would be noise in every check.
    let deny_all = Options::default()
        .with_archs([Arch::Arm64])
        .with_policy(ArchPolicy::uniform(Action::Deny));
    let only_ga = Registry::new([GaAmd64Only::GATE]).unwrap();
    let set = only_ga
        .evaluate(&config(&["GaAmd64Only"], &[]), &deny_all)
        .unwrap();
    assert!(set.is::<GaAmd64Only>());
    assert!(
        set.warnings()
            .iter()
            .all(|w| !matches!(w, Warning::ArchSupport { .. })),
        "{:?}",
        set.warnings()
    );
    // A Beta gate, which the configuration can switch off, still is.
    let with_beta = Registry::new([GaAmd64Only::GATE, ImageVolume::GATE]).unwrap();
    let err = with_beta
        .evaluate(&config(&["ImageVolume"], &[]), &deny_all)
        .unwrap_err();
    assert!(err.to_string().contains("ImageVolume"), "{err}");
}

#[test]
fn warn_names_unspecified_architectures_too() {
    let warn_all = ArchPolicy::uniform(Action::Warn);
    let options = Options::default()
        .with_archs([Arch::Amd64, Arch::Arm64])
        .with_policy(warn_all);
    let set = registry()
        .evaluate(&GateConfig::default(), &options)
        .unwrap();
    let legacy = set
        .warnings()
        .iter()
        .find(|w| w.name() == "Legacy")
        .unwrap();
    assert_eq!(
        legacy.to_string(),
        "feature gate Legacy is enabled but not Supported on amd64 (unspecified), arm64 (unspecified)"
    );
    // Disabled gates are not checked.
    let set = registry()
        .evaluate(&config(&[], &["Legacy"]), &options)
        .unwrap();
    assert!(set.warnings().iter().all(|w| w.name() != "Legacy"));
}

#[test]
fn deny_refuses_naming_gate_and_architecture() {
    let deny_unsupported = ArchPolicy {
        unsupported: Action::Deny,
        ..ArchPolicy::default()
    };
    let options = Options::default()
        .with_archs([Arch::Amd64, Arch::Arm64])
        .with_policy(deny_unsupported);
    // Sev is off: nothing to deny.
    assert!(
        registry()
            .evaluate(&GateConfig::default(), &options)
            .is_ok()
    );
    let err = registry()
        .evaluate(&config(&["Sev"], &[]), &options)
        .unwrap_err();
    let problems: Vec<_> = err.problems().collect();
    match problems[..] {
        [ConfigProblem::ArchDenied { gate, archs }] => {
            assert_eq!(*gate, Sev::GATE);
            assert_eq!(archs.archs().collect::<Vec<_>>(), [Arch::Arm64]);
        }
        ref other => panic!("{other:?}"),
    }
    assert_eq!(problems[0].name(), "Sev");
    let message = err.to_string();
    assert!(
        message.contains("Sev") && message.contains("arm64"),
        "{message}"
    );
}

#[test]
fn deny_turns_off_what_the_configuration_did_not_name() {
    // Deny on a Beta gate that is on by default: an empty configuration is
    // never refused; the gate is turned off with a warning instead.
    let deny_unverified = ArchPolicy {
        unverified: Action::Deny,
        ..ArchPolicy::default()
    };
    let options = Options::default()
        .with_archs([Arch::Arm64])
        .with_policy(deny_unverified);
    let set = registry()
        .evaluate(&GateConfig::default(), &options)
        .unwrap();
    assert!(!set.is::<ImageVolume>());
    let warning = set
        .warnings()
        .iter()
        .find(|w| w.name() == "ImageVolume")
        .unwrap();
    assert!(matches!(
        warning,
        Warning::ArchDisabled {
            action: Action::Deny,
            ..
        }
    ));
    assert_eq!(
        warning.to_string(),
        "feature gate ImageVolume is turned off: the architecture policy (Deny) does not allow it on arm64 (Unverified)"
    );
    assert!(matches!(
        set.rule("ImageVolume"),
        Some(Rule::ArchPolicy {
            action: Action::Deny,
            ..
        })
    ));
    // Named to enable, it is refused.
    assert!(
        registry()
            .evaluate(&config(&["ImageVolume"], &[]), &options)
            .is_err()
    );
    // On by AllAlpha: turned off too, not refused.
    let deny_all = Options::default()
        .with_archs([Arch::Arm64])
        .with_policy(ArchPolicy {
            unsupported: Action::Deny,
            ..ArchPolicy::default()
        });
    let set = registry()
        .evaluate(&config(&["AllAlpha"], &[]), &deny_all)
        .unwrap();
    assert!(!set.is::<Sev>() && set.is::<AlphaGate>());
}

#[test]
fn disable_turns_the_gate_off_with_a_warning() {
    let disable = Options::default()
        .with_archs([Arch::Amd64, Arch::Arm64])
        .with_policy(ArchPolicy {
            unsupported: Action::Disable,
            ..ArchPolicy::default()
        });
    // Named or not, Disable never refuses.
    let set = registry()
        .evaluate(&config(&["Sev", "HalfKnown"], &[]), &disable)
        .unwrap();
    // In a cluster, off only where Unsupported (SPEC section 14): on amd64.
    assert!(set.is::<Sev>() && !set.is_on::<Sev>(Arch::Arm64));
    assert_eq!(set.archs("Sev"), ArchSet::only(Arch::Amd64));
    assert!(set.is::<HalfKnown>(), "Unverified only warns");
    let w: Vec<String> = set.warnings().iter().map(ToString::to_string).collect();
    assert!(
        w.contains(&"feature gate Sev is turned off: the architecture policy (Disable) does not allow it on arm64 (Unsupported)".to_owned()),
        "{w:?}"
    );
    assert!(
        w.contains(
            &"feature gate HalfKnown is enabled but not Supported on arm64 (Unverified)".to_owned()
        ),
        "{w:?}"
    );
    // Each architecture gets its own action: off on s390x, on on arm64
    // with a warning.
    let mixed = Options::default()
        .with_archs([Arch::Arm64, Arch::S390x])
        .with_policy(ArchPolicy {
            pending: Action::Disable,
            ..ArchPolicy::default()
        });
    let set = registry().evaluate(&config(&[], &[]), &mixed).unwrap();
    assert_eq!(set.archs("ImageVolume"), ArchSet::only(Arch::Arm64));
    let warning = set
        .warnings()
        .iter()
        .find(|w| w.name() == "ImageVolume")
        .unwrap();
    assert_eq!(
        warning.to_string(),
        "feature gate ImageVolume is turned off: the architecture policy (Disable) does not allow it on s390x (Pending)"
    );
}

#[test]
fn allow_all_and_no_archs_say_nothing() {
    let options = Options::default()
        .with_archs(Arch::ALL)
        .with_policy(ArchPolicy::uniform(Action::Allow));
    assert!(
        registry()
            .evaluate(&config(&["Sev"], &[]), &options)
            .unwrap()
            .warnings()
            .is_empty()
    );
    let options = Options::default().with_archs([]);
    assert!(
        registry()
            .evaluate(&config(&["Sev"], &[]), &options)
            .unwrap()
            .warnings()
            .is_empty()
    );
}

#[test]
fn options_defaults() {
    let options = Options::default();
    assert_eq!(
        options.archs,
        Arch::current().into_iter().collect::<Vec<_>>()
    );
    assert!(!options.strict);
    assert_eq!(
        options.policy,
        ArchPolicy {
            unsupported: Action::Warn,
            pending: Action::Warn,
            unverified: Action::Warn,
            unspecified: Action::Allow
        }
    );
    assert_eq!("deny".parse::<Action>(), Ok(Action::Deny));
    assert_eq!("disable".parse::<Action>(), Ok(Action::Disable));
}

#[test]
fn private_registries_evaluate_alone() {
    let private = Registry::new([AlphaGate::GATE, BetaGate::GATE]).unwrap();
    let set = private
        .evaluate(&config(&["AlphaGate", "Sev"], &[]), &amd64())
        .unwrap();
    assert!(set.is::<AlphaGate>() && set.is::<BetaGate>());
    assert!(!set.is::<Sev>(), "not in this registry");
    assert_eq!(set.get(Sev::GATE), None);
    assert!(matches!(&set.warnings()[0], Warning::UnknownGate { name, .. } if name == "Sev"));
    assert_eq!(set.enabled().count(), 2);
    assert_eq!(AlphaGate::GATE.state(), State::Alpha);
}

#[test]
fn every_state_in_both_lists_is_refused_without_a_panic() {
    for name in [
        "GaGate",
        "BetaGate",
        "AlphaGate",
        "DeprecatedGate",
        "DiscontinuedGate",
        "AllBeta",
    ] {
        let err = registry()
            .evaluate(&config(&[name], &[name]), &amd64())
            .unwrap_err();
        assert!(err.to_string().contains("both"), "{name}: {err}");
    }
}
