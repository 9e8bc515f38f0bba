//! Emulating a release: each gate evaluated with its state at that version;
//! a gate not yet introduced is off, and naming it is an unknown name whose
//! warning (or error, when strict) says when it arrives.

use featuregate::{
    Arch, ConfigProblem, FeatureGate, GateConfig, Options, Registry, Rule, State, Version, Warning,
    feature_gate,
};

/// Alpha in v1.6, Beta in v1.7, GA in v1.9.
#[feature_gate(alpha = "v1.6.0", beta = "v1.7.0", ga = "v1.9.0", amd64 = Supported)]
struct PanicDevices;

/// Arrives in v1.9 as Alpha.
#[feature_gate(alpha = "v1.9.0", amd64 = Supported)]
struct Newcomer;

/// Beta from v1.4, deprecated in v1.8.
#[feature_gate(beta = "v1.4", deprecated = "v1.8", amd64 = Supported)]
struct Fading;

/// Requires `Newcomer`: off wherever `Newcomer` does not exist yet.
#[feature_gate(alpha = "v1.9.0", amd64 = Supported, requires = Newcomer)]
struct NeedsNewcomer;

/// Alpha since v1.7, requiring `Newcomer`, which arrives later.
#[feature_gate(alpha = "v1.7.0", amd64 = Supported, requires = Newcomer)]
struct EarlyUser;

/// No history: its state at every version.
#[feature_gate(state = Beta, amd64 = Supported)]
struct Timeless;

fn registry() -> Registry {
    Registry::new([
        PanicDevices::GATE,
        Newcomer::GATE,
        Fading::GATE,
        NeedsNewcomer::GATE,
        EarlyUser::GATE,
        Timeless::GATE,
    ])
    .unwrap()
}

fn at(version: &str) -> Options {
    Options::default()
        .with_archs([Arch::Amd64])
        .with_emulated_version(version.parse().unwrap())
}

fn eval(config: &str, options: &Options) -> featuregate::FeatureSet {
    registry()
        .evaluate(&GateConfig::parse(config).unwrap(), options)
        .unwrap_or_else(|e| panic!("{e}"))
}

#[test]
fn each_gate_has_its_state_at_the_emulated_release() {
    let options = at("v1.7.0");
    assert_eq!(options.emulated_version, Some(Version::new(1, 7, 0)));
    let set = eval("", &options);
    assert_eq!(set.emulated_version(), Some(Version::new(1, 7, 0)));
    // Beta in v1.7: on by default, and can be disabled (GA today: it could not).
    assert!(set.is::<PanicDevices>());
    assert_eq!(
        set.rule("PanicDevices"),
        Some(Rule::StateDefault { state: State::Beta })
    );
    assert!(!eval("PanicDevices=false", &options).is::<PanicDevices>());
    // Today it is GA, always on.
    let today = registry()
        .evaluate(
            &GateConfig::parse("PanicDevices=false").unwrap(),
            &Options::default().with_archs([Arch::Amd64]),
        )
        .unwrap();
    assert!(today.is::<PanicDevices>());
    // Alpha in v1.6: off by default.
    assert!(!eval("", &at("v1.6")).is::<PanicDevices>());
    // Fading is Beta (on) in v1.7 and Deprecated (off) in v1.8.
    assert!(eval("", &at("v1.7")).is::<Fading>());
    let v18 = eval("", &at("v1.8"));
    assert!(!v18.is::<Fading>());
    assert_eq!(
        v18.explain("Fading").unwrap().state(),
        Some(State::Deprecated)
    );
    // Enabling the Deprecated gate warns as it does today.
    let set = eval("Fading=true", &at("v1.8"));
    assert!(matches!(
        set.warnings(),
        [Warning::DeprecatedEnabled { .. }]
    ));
    // A gate without history is its state everywhere.
    assert!(eval("", &at("v0.1")).is::<Timeless>());
}

#[test]
fn a_gate_not_yet_introduced_is_off_and_explained() {
    let set = eval("AllAlpha=true", &at("v1.7.0"));
    assert!(!set.is::<Newcomer>());
    let why = set.explain("Newcomer").unwrap();
    assert_eq!(why.state(), None);
    assert_eq!(
        why.rule(),
        Rule::NotYetIntroduced {
            version: Version::new(1, 7, 0),
            state: State::Alpha,
            from: Version::new(1, 9, 0),
        }
    );
    assert_eq!(
        why.to_string(),
        "feature gate Newcomer is off: it does not exist in v1.7.0; it is Alpha from v1.9.0"
    );
    assert_eq!(why.rule().as_str(), "not_yet_introduced");
    // From its release on, it is there.
    assert!(eval("AllAlpha=true", &at("v1.9.0")).is::<Newcomer>());
    assert!(eval("AllAlpha=true", &at("v1.10.0")).is::<Newcomer>());
}

#[test]
fn naming_a_gate_not_yet_introduced_warns_when_it_arrives() {
    let set = eval("Newcomer=true", &at("v1.7.0"));
    assert!(!set.is::<Newcomer>());
    let warnings: Vec<String> = set.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(
        warnings,
        ["feature gate Newcomer does not exist in v1.7.0; it is Alpha from v1.9.0"]
    );
    // In the disabled list too: it names nothing in that release.
    let set = eval("Newcomer=false", &at("v1.7.0"));
    assert!(matches!(
        set.warnings(),
        [Warning::NotYetIntroduced { gate, .. }] if *gate == Newcomer::GATE
    ));
    // Strict: an error, as an unknown name is.
    let err = registry()
        .evaluate(
            &GateConfig::parse("Newcomer=true").unwrap(),
            &at("v1.7.0").with_strict(true),
        )
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "feature gate Newcomer does not exist in v1.7.0; it is Alpha from v1.9.0"
    );
    assert!(matches!(
        err.problems().next(),
        Some(ConfigProblem::NotYetIntroduced { .. })
    ));
    // Without emulation the same configuration is fine.
    let set = registry()
        .evaluate(
            &GateConfig::parse("Newcomer=true").unwrap(),
            &Options::default()
                .with_archs([Arch::Amd64])
                .with_strict(true),
        )
        .unwrap();
    assert!(set.is::<Newcomer>());
}

#[test]
fn a_requirement_not_yet_introduced_cannot_be_enabled() {
    // Both arrive in v1.9; emulate v1.9 and both work.
    let set = eval("NeedsNewcomer=true,Newcomer=true", &at("v1.9"));
    assert!(set.is::<NeedsNewcomer>());
    // Both absent in v1.8: two warnings, nothing on.
    let set = eval("NeedsNewcomer=true,Newcomer=true", &at("v1.8"));
    assert!(!set.is::<NeedsNewcomer>() && !set.is::<Newcomer>());
    assert_eq!(set.warnings().len(), 2, "{:?}", set.warnings());
    // A gate there before its requirement: refused with the one fix that
    // works, since enabling the requirement cannot help in that release.
    let err = registry()
        .evaluate(&GateConfig::parse("EarlyUser=true").unwrap(), &at("v1.8"))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "feature gate EarlyUser requires Newcomer, which is off (Newcomer: it does not exist \
         in v1.8.0; it is Alpha from v1.9.0); leave EarlyUser off"
    );
    // Turned on by AllAlpha instead, it is turned off with a warning.
    let set = eval("AllAlpha=true", &at("v1.8"));
    assert!(!set.is::<EarlyUser>());
    assert_eq!(
        set.rule("EarlyUser"),
        Some(Rule::MissingRequirement {
            requirement: Newcomer::GATE
        })
    );
}

#[test]
fn a_spec_check_says_the_gate_does_not_exist_yet() {
    #[allow(clippy::trivially_copy_pass_by_ref)] // `used_by` takes a `fn(&S) -> bool`
    fn uses(spec: &u8) -> bool {
        *spec > 0
    }
    #[feature_gate(alpha = "v2.0", used_by = uses)]
    struct Future;
    let registry = Registry::new([Future::GATE]).unwrap();
    let set = registry
        .evaluate(&GateConfig::default(), &at("v1.9"))
        .unwrap();
    let err = set.check_spec(&1u8).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spec uses feature gate Future, which is off: it does not exist in v1.9.0; it is \
         Alpha from v2.0.0"
    );
}

#[cfg(feature = "serde")]
#[test]
fn serialized_with_the_emulated_state() {
    let json = serde_json::to_value(eval("", &at("v1.7"))).unwrap();
    let gate = |name: &str| {
        json["gates"]
            .as_array()
            .unwrap()
            .iter()
            .find(|g| g["name"] == name)
            .unwrap()
            .clone()
    };
    assert_eq!(gate("PanicDevices")["state"], "Beta");
    assert_eq!(gate("Newcomer")["state"], serde_json::Value::Null);
    assert_eq!(gate("Newcomer")["rule"], "not_yet_introduced");
}
