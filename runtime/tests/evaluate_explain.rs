//! `FeatureSet::explain`: whether a gate is on and the rule that decided,
//! as data and as one sentence, for every rule.

use featuregate::{
    Action, Arch, ArchPolicy, ArchSet, Explanation, FeatureGate, GateConfig, Options, Rule, State,
    Status, active, feature_gate, override_gate, registry,
};

#[feature_gate(state = GA, amd64 = Supported, arm64 = Supported)]
struct GaGate;

#[feature_gate(state = Discontinued, amd64 = Supported, arm64 = Supported)]
struct Gone;

#[feature_gate(state = Alpha, amd64 = Supported, arm64 = Supported)]
struct AlphaGate;

#[feature_gate(state = Beta, amd64 = Supported, arm64 = Supported)]
struct ImageVolume;

#[feature_gate(state = Deprecated, amd64 = Supported, arm64 = Supported)]
struct OldGate;

#[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified)]
struct ArmUnverified;

#[feature_gate(state = Alpha, amd64 = Supported, arm64 = Supported)]
struct Pinned;

fn explain(config: &str, options: &Options, name: &str) -> Explanation {
    let config = GateConfig::parse(config).unwrap();
    let set = registry()
        .evaluate(&config, options)
        .unwrap_or_else(|e| panic!("{e}"));
    set.explain(name).unwrap()
}

fn amd64() -> Options {
    Options::default().with_archs([Arch::Amd64])
}

/// Each case: configuration, gate, whether on, rule, sentence.
#[test]
fn every_rule_of_the_configuration() {
    let cases: &[(&str, &str, bool, Rule, &str)] = &[
        (
            "GaGate=false",
            "GaGate",
            true,
            Rule::GaAlwaysOn,
            "feature gate GaGate is on: GA gates are always on",
        ),
        (
            "Gone=true",
            "Gone",
            false,
            Rule::DiscontinuedAlwaysOff,
            "feature gate Gone is off: Discontinued gates are always off",
        ),
        (
            "",
            "AlphaGate",
            false,
            Rule::StateDefault {
                state: State::Alpha,
            },
            "feature gate AlphaGate is off: the configuration does not name it, \
             and Alpha gates are off by default",
        ),
        (
            "",
            "ImageVolume",
            true,
            Rule::StateDefault { state: State::Beta },
            "feature gate ImageVolume is on: the configuration does not name it, \
             and Beta gates are on by default",
        ),
        (
            "",
            "OldGate",
            false,
            Rule::StateDefault {
                state: State::Deprecated,
            },
            "feature gate OldGate is off: the configuration does not name it, \
             and Deprecated gates are off by default",
        ),
        (
            "ImageVolume=false",
            "ImageVolume",
            false,
            Rule::Configured { enabled: false },
            "feature gate ImageVolume is off: the configuration disables it",
        ),
        (
            "AlphaGate=true",
            "AlphaGate",
            true,
            Rule::Configured { enabled: true },
            "feature gate AlphaGate is on: the configuration enables it",
        ),
        (
            "AllAlpha=true",
            "AlphaGate",
            true,
            Rule::Meta {
                name: "AllAlpha",
                enabled: true,
            },
            "feature gate AlphaGate is on: the configuration sets AllAlpha=true",
        ),
        (
            "AllBeta=false",
            "ImageVolume",
            false,
            Rule::Meta {
                name: "AllBeta",
                enabled: false,
            },
            "feature gate ImageVolume is off: the configuration sets AllBeta=false",
        ),
        (
            // A gate named on its own wins over the meta name, and says so.
            "AllBeta=false,ImageVolume=true",
            "ImageVolume",
            true,
            Rule::Configured { enabled: true },
            "feature gate ImageVolume is on: the configuration enables it",
        ),
    ];
    for &(config, name, enabled, rule, sentence) in cases {
        let why = explain(config, &amd64(), name);
        assert_eq!(why.gate().name(), name, "{config}");
        assert_eq!(why.enabled(), enabled, "{config}: {name}");
        assert_eq!(why.rule(), rule, "{config}: {name}");
        assert_eq!(why.to_string(), sentence);
        // The explanation agrees with the set it explains.
        let set = registry()
            .evaluate(&GateConfig::parse(config).unwrap(), &amd64())
            .unwrap();
        assert_eq!(set.is_enabled(name), enabled);
        assert_eq!(set.rule(name), Some(rule));
    }
}

#[test]
fn the_architecture_policy_names_its_action_and_architecture() {
    let disable = Options::default()
        .with_archs([Arch::Amd64, Arch::Arm64])
        .with_policy(ArchPolicy {
            unverified: Action::Disable,
            ..ArchPolicy::default()
        });
    // In a cluster, the policy turns the gate off only where it calls for
    // it (SPEC section 14): on for amd64, and the sentence names arm64.
    let why = explain("ArmUnverified=true", &disable, "ArmUnverified");
    assert!(why.enabled());
    assert_eq!(why.archs(), ArchSet::only(Arch::Amd64));
    let Some((off, Rule::ArchPolicy { action, archs })) = why.off_on() else {
        panic!("{:?}", why.off_on());
    };
    assert_eq!(off, ArchSet::only(Arch::Arm64));
    assert_eq!(action, Action::Disable);
    assert_eq!(
        archs.iter().collect::<Vec<_>>(),
        [(Arch::Arm64, Status::Unverified)]
    );
    assert_eq!(
        why.to_string(),
        "feature gate ArmUnverified is on for amd64: the configuration enables it; the \
         architecture policy (Disable) turns it off on arm64 (Unverified)"
    );
    // On arm64 alone, it is off everywhere, and the rule says why.
    let arm64 = disable.clone().with_archs([Arch::Arm64]);
    let why = explain("ArmUnverified=true", &arm64, "ArmUnverified");
    assert!(!why.enabled());
    assert!(matches!(
        why.rule(),
        Rule::ArchPolicy {
            action: Action::Disable,
            ..
        }
    ));
    assert_eq!(
        why.to_string(),
        "feature gate ArmUnverified is off: the architecture policy (Disable) turns it off on \
         arm64 (Unverified)"
    );

    // Deny turns off a gate on only by default, and says Deny.
    let deny = disable.with_policy(ArchPolicy {
        unverified: Action::Deny,
        ..ArchPolicy::default()
    });
    let why = explain("", &deny, "ArmUnverified");
    assert_eq!(
        why.to_string(),
        "feature gate ArmUnverified is on for amd64: the configuration does not name it, and \
         Beta gates are on by default; the architecture policy (Deny) turns it off on arm64 \
         (Unverified)"
    );
}

#[test]
fn a_pin_is_explained_as_an_override() {
    assert_eq!(
        active().explain("Pinned").unwrap().rule(),
        Rule::StateDefault {
            state: State::Alpha
        }
    );
    let _pin = override_gate::<Pinned>(true);
    let why = active().explain("Pinned").unwrap();
    assert!(why.enabled());
    assert_eq!(why.rule(), Rule::Override { enabled: true });
    assert!(std::ptr::eq(why.gate(), Pinned::GATE));
    assert_eq!(
        why.to_string(),
        "feature gate Pinned is on: an override pins it on"
    );
}

#[test]
fn an_unknown_name_has_no_explanation() {
    let set = registry()
        .evaluate(&GateConfig::default(), &amd64())
        .unwrap();
    assert!(set.explain("NoSuchGate").is_none());
    // Names are exact, as configurations are.
    assert!(set.explain("imagevolume").is_none());
    assert!(set.explain("").is_none());
}
