//! A cluster evaluation decides each gate per architecture (SPEC section
//! 14): an SEV-like gate (amd64 Supported, the others Unsupported) and an
//! s390x-only one in an amd64+arm64+s390x cluster under each `Action`;
//! then a property test over random clusters, policies, registries and
//! configurations.

use featuregate::{
    Action, Arch, ArchPolicy, ArchSet, ConfigProblem, FeatureGate, FeatureSet, Gate, GateConfig,
    Options, Registry, Rule, State, Support, Warning, feature_gate,
};
use proptest::prelude::*;

#[feature_gate(name = "WorkloadEncryptionSEV", state = Alpha, amd64 = Supported,
               arm64 = Unsupported, s390x = Unsupported("AMD SEV hardware"))]
struct Sev;

#[feature_gate(name = "SecureExecution", state = Beta, s390x = Supported,
               amd64 = Unsupported, arm64 = Unsupported)]
struct S390xOnly;

#[feature_gate(state = Beta, amd64 = Supported, arm64 = Supported, s390x = Supported)]
struct Everywhere;

fn registry() -> Registry {
    Registry::new([Sev::GATE, S390xOnly::GATE, Everywhere::GATE]).unwrap()
}

const CLUSTER: [Arch; 3] = [Arch::Amd64, Arch::Arm64, Arch::S390x];

fn cluster(unsupported: Action) -> Options {
    Options::default()
        .with_archs(CLUSTER)
        .with_policy(ArchPolicy {
            unsupported,
            ..ArchPolicy::default()
        })
}

fn eval(config: &str, options: &Options) -> Result<FeatureSet, featuregate::ConfigError> {
    registry().evaluate(&GateConfig::parse(config).unwrap(), options)
}

fn archs_of(archs: &[Arch]) -> ArchSet {
    archs.iter().copied().collect()
}

fn warnings(set: &FeatureSet) -> Vec<String> {
    set.warnings().iter().map(ToString::to_string).collect()
}

#[test]
fn allow_and_warn_keep_the_gates_on_everywhere() {
    for action in [Action::Allow, Action::Warn] {
        let set = eval("WorkloadEncryptionSEV=true", &cluster(action)).unwrap();
        assert_eq!(set.evaluated_archs(), set_of_cluster());
        assert_eq!(set.archs("WorkloadEncryptionSEV"), set_of_cluster());
        assert_eq!(set.archs("SecureExecution"), set_of_cluster());
        assert!(set.is_enabled_on("WorkloadEncryptionSEV", Arch::S390x));
        assert!(set.is_on::<Sev>(Arch::Arm64));
        assert!(
            set.explain("WorkloadEncryptionSEV")
                .unwrap()
                .off_on()
                .is_none()
        );
        let expected: &[&str] = if action == Action::Warn {
            &[
                "feature gate SecureExecution is enabled but not Supported on amd64 \
                 (Unsupported), arm64 (Unsupported)",
                "feature gate WorkloadEncryptionSEV is enabled but not Supported on arm64 \
                 (Unsupported), s390x (Unsupported)",
            ]
        } else {
            &[]
        };
        assert_eq!(warnings(&set), expected, "{action}");
    }
}

fn set_of_cluster() -> ArchSet {
    archs_of(&CLUSTER)
}

#[test]
fn disable_turns_each_gate_off_where_it_is_unsupported_only() {
    let set = eval("WorkloadEncryptionSEV=true", &cluster(Action::Disable)).unwrap();
    assert_eq!(set.archs("WorkloadEncryptionSEV"), archs_of(&[Arch::Amd64]));
    assert_eq!(set.archs("SecureExecution"), archs_of(&[Arch::S390x]));
    assert_eq!(set.archs("Everywhere"), set_of_cluster());
    assert!(set.is_enabled("WorkloadEncryptionSEV") && set.is::<Sev>());
    assert!(set.is_enabled_on("WorkloadEncryptionSEV", Arch::Amd64));
    assert!(!set.is_enabled_on("WorkloadEncryptionSEV", Arch::Arm64));
    assert!(!set.is_on::<Sev>(Arch::S390x));
    assert!(set.is_on::<S390xOnly>(Arch::S390x) && !set.is_on::<S390xOnly>(Arch::Amd64));
    // Outside the cluster: off.
    assert!(!set.is_enabled_on("Everywhere", Arch::Riscv64));
    // One warning per gate, naming the architectures.
    assert_eq!(
        warnings(&set),
        [
            "feature gate SecureExecution is turned off: the architecture policy (Disable) does \
             not allow it on amd64 (Unsupported), arm64 (Unsupported)",
            "feature gate WorkloadEncryptionSEV is turned off: the architecture policy (Disable) \
             does not allow it on arm64 (Unsupported), s390x (Unsupported)",
        ]
    );
    let Warning::ArchDisabled { archs, .. } = &set.warnings()[1] else {
        panic!("{:?}", set.warnings());
    };
    assert_eq!(archs.arch_set(), archs_of(&[Arch::Arm64, Arch::S390x]));
    // explain names where the policy turned it off.
    let why = set.explain("WorkloadEncryptionSEV").unwrap();
    assert_eq!(
        why.to_string(),
        "feature gate WorkloadEncryptionSEV is on for amd64: the configuration enables it; the \
         architecture policy (Disable) turns it off on arm64 (Unsupported), s390x (Unsupported)"
    );
    assert_eq!(
        why.off_on().unwrap().0,
        archs_of(&[Arch::Arm64, Arch::S390x])
    );
    assert!(matches!(why.rule(), Rule::Configured { enabled: true }));
}

#[test]
fn deny_refuses_a_named_gate_naming_each_architecture() {
    let err = eval("WorkloadEncryptionSEV=true", &cluster(Action::Deny)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "feature gate WorkloadEncryptionSEV is enabled but the architecture policy denies it on \
         arm64 (Unsupported), s390x (Unsupported)"
    );
    let problems: Vec<_> = err.problems().collect();
    let [ConfigProblem::ArchDenied { archs, .. }] = &problems[..] else {
        panic!("{problems:?}");
    };
    assert_eq!(archs.arch_set(), archs_of(&[Arch::Arm64, Arch::S390x]));
}

#[test]
fn deny_turns_a_default_gate_off_on_those_architectures_only() {
    // SecureExecution is Beta: on by default, so turned off, not refused.
    let set = eval("", &cluster(Action::Deny)).unwrap();
    assert_eq!(set.archs("SecureExecution"), archs_of(&[Arch::S390x]));
    assert_eq!(
        warnings(&set),
        [
            "feature gate SecureExecution is turned off: the architecture policy (Deny) does not \
          allow it on amd64 (Unsupported), arm64 (Unsupported)"
        ]
    );
    // By AllAlpha: the same for SEV.
    let set = eval("AllAlpha=true", &cluster(Action::Deny)).unwrap();
    assert_eq!(set.archs("WorkloadEncryptionSEV"), archs_of(&[Arch::Amd64]));
    assert_eq!(
        set.explain("WorkloadEncryptionSEV").unwrap().to_string(),
        "feature gate WorkloadEncryptionSEV is on for amd64: the configuration sets \
         AllAlpha=true; the architecture policy (Deny) turns it off on arm64 (Unsupported), \
         s390x (Unsupported)"
    );
}

#[test]
fn off_everywhere_is_off() {
    // On arm64 alone, Disable leaves SEV on nowhere: off, as before.
    let arm64 = cluster(Action::Disable).with_archs([Arch::Arm64]);
    let set = eval("WorkloadEncryptionSEV=true", &arm64).unwrap();
    assert!(!set.is::<Sev>());
    assert!(set.archs("WorkloadEncryptionSEV").is_empty());
    assert!(matches!(
        set.rule("WorkloadEncryptionSEV"),
        Some(Rule::ArchPolicy {
            action: Action::Disable,
            ..
        })
    ));
}

#[test]
fn no_architecture_the_rules_alone_decide() {
    let none = cluster(Action::Deny).with_archs([]);
    let set = eval("WorkloadEncryptionSEV=true", &none).unwrap();
    assert!(set.is::<Sev>() && set.is_enabled("SecureExecution"));
    assert!(set.evaluated_archs().is_empty());
    assert!(set.archs("WorkloadEncryptionSEV").is_empty());
    assert!(set.warnings().is_empty());
    assert_eq!(set.archs("NoSuchGate"), ArchSet::EMPTY);
}

#[cfg(feature = "serde")]
#[test]
fn a_cluster_set_serializes_each_gates_archs() {
    let set = eval("WorkloadEncryptionSEV=true", &cluster(Action::Disable)).unwrap();
    let json = serde_json::to_value(&set).unwrap();
    let archs: Vec<(String, serde_json::Value)> = json["gates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| (g["name"].as_str().unwrap().to_owned(), g["archs"].clone()))
        .collect();
    assert_eq!(
        archs,
        [
            (
                "Everywhere".to_owned(),
                serde_json::json!(["amd64", "arm64", "s390x"])
            ),
            ("SecureExecution".to_owned(), serde_json::json!(["s390x"])),
            (
                "WorkloadEncryptionSEV".to_owned(),
                serde_json::json!(["amd64"])
            ),
        ]
    );
}

#[test]
fn the_defaults_and_pins_answer_for_the_build_target() {
    // Nothing configured in this binary: the active set is the defaults,
    // evaluated as `Options::default()` would, for this build's target.
    let current: ArchSet = Arch::current().into_iter().collect();
    let active = featuregate::active();
    assert_eq!(active.evaluated_archs(), current);
    assert_eq!(active.archs("Everywhere"), current);
    assert!(
        active.archs("WorkloadEncryptionSEV").is_empty(),
        "Alpha: off"
    );
    // A pin sets its gate on everywhere evaluated.
    let _pin = featuregate::override_gate::<Sev>(true);
    assert_eq!(
        featuregate::active().archs("WorkloadEncryptionSEV"),
        current
    );
    if let Some(arch) = Arch::current() {
        assert!(featuregate::active().is_on::<Sev>(arch));
    }
}

/// A random gate: its state, its support on each of the five
/// architectures (0: unspecified), and the earlier gates it may require.
type Spec = (State, [u8; 5], u16);

fn may_require(state: State, required: State) -> bool {
    match state {
        State::Ga => required == State::Ga,
        State::Beta => matches!(required, State::Beta | State::Ga),
        State::Alpha | State::Deprecated => required != State::Discontinued,
        State::Discontinued => true,
    }
}

fn build(specs: &[Spec]) -> Vec<&'static Gate> {
    let mut gates: Vec<&'static Gate> = Vec::new();
    for (i, &(state, support, mask)) in specs.iter().enumerate() {
        let requires: Vec<&'static Gate> = (0..i)
            .filter(|&j| mask & (1 << j) != 0 && may_require(state, gates[j].state()))
            .map(|j| gates[j])
            .collect();
        let support: Vec<(Arch, Support)> = Arch::ALL
            .into_iter()
            .zip(support)
            .filter_map(|(arch, code)| {
                Support::ALL
                    .get(usize::from(code % 5).checked_sub(1)?)
                    .map(|&s| (arch, s))
            })
            .collect();
        gates.push(featuregate::__private::leaked_gate_with(
            &format!("R{}", specs.len() - i),
            state,
            &support,
            Box::leak(requires.into_boxed_slice()),
        ));
    }
    gates
}

fn action() -> impl Strategy<Value = Action> {
    prop::sample::select(Action::ALL.to_vec())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    #[test]
    fn a_gate_is_on_for_an_arch_only_where_its_requirements_are(
        specs in prop::collection::vec(
            (prop::sample::select(State::ALL.to_vec()), any::<[u8; 5]>(), any::<u16>()),
            1..=10,
        ),
        archs in prop::sample::subsequence(Arch::ALL.to_vec(), 0..=5),
        policy in (action(), action(), action(), action()),
        picks in prop::collection::vec(0u8..3, 10),
    ) {
        let gates = build(&specs);
        let registry = Registry::new(gates.iter().copied()).unwrap();
        let mut config = GateConfig::default();
        for (gate, pick) in gates.iter().zip(picks) {
            match pick {
                1 => config.enabled.push(gate.name().to_owned()),
                2 => config.disabled.push(gate.name().to_owned()),
                _ => {}
            }
        }
        let options = Options::default().with_archs(archs.iter().copied()).with_policy(ArchPolicy {
            unsupported: policy.0,
            pending: policy.1,
            unverified: policy.2,
            unspecified: policy.3,
        });
        let Ok(set) = registry.evaluate(&config, &options) else {
            return Ok(());
        };
        let evaluated: ArchSet = archs.iter().copied().collect();
        prop_assert_eq!(set.evaluated_archs(), evaluated);
        for (gate, on) in set.iter() {
            let where_on = set.archs(gate.name());
            prop_assert_eq!(where_on.intersection(evaluated), where_on);
            prop_assert_eq!(set.is_enabled(gate.name()), on);
            if !evaluated.is_empty() {
                // is_enabled: on for some evaluated architecture.
                prop_assert_eq!(on, !where_on.is_empty(), "{}: {}", gate, config);
            }
            for arch in Arch::ALL {
                prop_assert_eq!(set.is_enabled_on(gate.name(), arch), where_on.contains(arch));
            }
            for required in gate.requires() {
                prop_assert!(!on || set.is_enabled(required.name()));
                let theirs = set.archs(required.name());
                prop_assert_eq!(where_on.intersection(theirs), where_on,
                    "{} on {}, {} on {}: {}", gate, where_on, required, theirs, config);
            }
            // The policy turns a gate off only where its action says so.
            if gate.state() != State::Ga && on {
                for arch in evaluated.iter().filter(|&a| !where_on.contains(a)) {
                    let action = options.policy.action(gate.status(arch));
                    let required_off = gate.requires().any(|r| !set.is_enabled_on(r.name(), arch));
                    prop_assert!(
                        matches!(action, Action::Disable | Action::Deny) || required_off,
                        "{} off on {} under {}: {}", gate, arch, action, config
                    );
                }
            }
        }
    }
}
