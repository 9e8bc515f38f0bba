//! Requirements at evaluation: a gate is on only if everything it requires
//! is on. A gate named to enable whose requirement is off refuses the
//! configuration; one on by default or by `AllAlpha`/`AllBeta` is turned
//! off with a warning; a gate off for its own reason raises nothing. Then a
//! property test over random registries and configurations.

use featuregate::{
    Action, Arch, ArchPolicy, ArchSet, ConfigProblem, FeatureGate, FeatureSet, Gate, GateConfig,
    Options, Registry, Rule, State, Support, Warning, feature_gate,
};
use proptest::prelude::*;

#[feature_gate(name = "IOMMUFD", state = Alpha, amd64 = Supported, arm64 = Supported)]
struct Iommufd;

#[feature_gate(name = "PCINUMAAwareTopology", state = Alpha, amd64 = Supported, arm64 = Unverified)]
struct PciNumaAwareTopology;

#[feature_gate(name = "GraceIOVirtualization", state = Alpha, amd64 = Supported, arm64 = Supported,
               requires = [Iommufd, PciNumaAwareTopology])]
struct GraceIoVirtualization;

/// A Beta chain: `Top` requires `Middle` requires `Base`, all on by default.
#[feature_gate(state = Beta, amd64 = Supported, arm64 = Supported)]
struct Base;

#[feature_gate(state = Beta, amd64 = Supported, arm64 = Supported, requires = Base)]
struct Middle;

#[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified, requires = Middle)]
struct Top;

#[feature_gate(state = Discontinued)]
struct OldBase;

#[feature_gate(state = Discontinued, requires = OldBase)]
struct OldTop;

fn uses_top(spec: &&str) -> bool {
    spec.contains("top")
}

/// Uses `Top` through its `used_by`, to check a spec against it.
#[feature_gate(state = Alpha, amd64 = Supported, arm64 = Supported, requires = Top, used_by = uses_top)]
struct TopUser;

fn registry() -> Registry {
    Registry::new([
        Iommufd::GATE,
        PciNumaAwareTopology::GATE,
        GraceIoVirtualization::GATE,
        Base::GATE,
        Middle::GATE,
        Top::GATE,
        OldBase::GATE,
        OldTop::GATE,
        TopUser::GATE,
    ])
    .unwrap()
}

fn amd64() -> Options {
    Options::default().with_archs([Arch::Amd64])
}

/// amd64 and arm64, with the policy's `action` for Unverified.
fn arm64_unverified(action: Action) -> Options {
    Options::default()
        .with_archs([Arch::Amd64, Arch::Arm64])
        .with_policy(ArchPolicy {
            unverified: action,
            ..ArchPolicy::default()
        })
}

/// arm64 alone, with the policy's `action` for Unverified.
fn arm64_only(action: Action) -> Options {
    arm64_unverified(action).with_archs([Arch::Arm64])
}

fn eval(config: &str, options: &Options) -> Result<FeatureSet, featuregate::ConfigError> {
    registry().evaluate(&GateConfig::parse(config).unwrap(), options)
}

fn warnings(set: &FeatureSet) -> Vec<String> {
    set.warnings().iter().map(ToString::to_string).collect()
}

#[test]
fn a_named_gate_whose_requirements_are_off_is_refused_with_the_fix() {
    let err = eval("GraceIOVirtualization=true", &amd64()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "feature gate GraceIOVirtualization requires IOMMUFD and PCINUMAAwareTopology, which \
         are off; enable IOMMUFD and PCINUMAAwareTopology too, or leave GraceIOVirtualization off"
    );
    let err = eval(
        "GraceIOVirtualization=true,PCINUMAAwareTopology=true",
        &amd64(),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "feature gate GraceIOVirtualization requires IOMMUFD, which is off; enable IOMMUFD \
         too, or leave GraceIOVirtualization off"
    );
    let problems: Vec<_> = err.problems().collect();
    let [ConfigProblem::MissingRequirement { gate, missing, .. }] = &problems[..] else {
        panic!("{problems:?}");
    };
    assert_eq!(*gate, GraceIoVirtualization::GATE);
    assert_eq!(missing.len(), 1);
    assert_eq!(missing[0].gate(), Iommufd::GATE);
    assert_eq!(
        missing[0].rule(),
        Rule::StateDefault {
            state: State::Alpha
        }
    );

    let set = eval(
        "GraceIOVirtualization=true,PCINUMAAwareTopology=true,IOMMUFD=true",
        &amd64(),
    )
    .unwrap();
    assert!(set.is::<GraceIoVirtualization>());
}

#[test]
fn every_problem_at_once() {
    // Two gates named to enable with requirements off, and a denied one.
    let err = eval(
        "GraceIOVirtualization=true,Base=false,Middle=true,TopUser=true,Top=true",
        &arm64_unverified(Action::Deny),
    )
    .unwrap_err();
    let problems: Vec<String> = err.problems().map(ToString::to_string).collect();
    assert_eq!(
        problems,
        [
            "feature gate Top is enabled but the architecture policy denies it on arm64 (Unverified)",
            "feature gate GraceIOVirtualization requires IOMMUFD and PCINUMAAwareTopology, which \
             are off; enable IOMMUFD and PCINUMAAwareTopology too, or leave \
             GraceIOVirtualization off",
            "feature gate Middle requires Base, which is off; enable Base too, or leave Middle off",
            // A requirement refused itself counts (SPEC section 10): the
            // chain Top -> Middle -> Base and TopUser -> Top, every link at once.
            "feature gate Top requires Middle, which is off (Middle: it requires Base, which \
             is off); enable Base too, or leave Top off",
            "feature gate TopUser requires Top, which is off (Top: it requires Middle, which is \
             off); enable Middle too, or leave TopUser off",
        ]
    );
}

#[test]
fn a_chain_of_named_gates_is_refused_link_by_link_at_once() {
    // Top requires Middle requires Base; Base off, Middle and Top named:
    // both are problems (issue 18), not Middle alone.
    let err = eval("Base=false,Middle=true,Top=true", &amd64()).unwrap_err();
    let names: Vec<&str> = err.problems().map(ConfigProblem::name).collect();
    assert_eq!(names, ["Middle", "Top"]);
    // Leaving Middle off, Top is refused as before.
    let err = eval("Base=false,Top=true", &amd64()).unwrap_err();
    let names: Vec<&str> = err.problems().map(ConfigProblem::name).collect();
    assert_eq!(names, ["Top"]);
}

#[test]
fn a_default_on_gate_is_turned_off_down_the_chain_with_warnings() {
    let set = eval("Base=false", &amd64()).unwrap();
    assert!(!set.is::<Base>() && !set.is::<Middle>() && !set.is::<Top>());
    assert_eq!(
        set.rule("Middle"),
        Some(Rule::MissingRequirement {
            requirement: Base::GATE
        })
    );
    assert_eq!(
        set.explain("Top").unwrap().to_string(),
        "feature gate Top is off: it requires Middle, which is off"
    );
    assert_eq!(
        warnings(&set),
        [
            "feature gate Middle is turned off: it requires Base, which is off",
            "feature gate Top is turned off: it requires Middle, which is off",
        ]
    );
    let Warning::MissingRequirement { gate, missing, .. } = &set.warnings()[0] else {
        panic!("{:?}", set.warnings());
    };
    assert_eq!((*gate, missing[0].gate()), (Middle::GATE, Base::GATE));
    assert_eq!(missing[0].rule(), Rule::Configured { enabled: false });
}

#[test]
fn all_alpha_and_all_beta_give_way_to_requirements() {
    // AllAlpha turns on GraceIOVirtualization and both its requirements.
    let set = eval("AllAlpha=true", &amd64()).unwrap();
    assert!(set.is::<GraceIoVirtualization>());
    // One requirement named off: the gate goes off, with a warning.
    let set = eval("AllAlpha=true,IOMMUFD=false", &amd64()).unwrap();
    assert!(!set.is::<GraceIoVirtualization>());
    assert_eq!(
        warnings(&set),
        ["feature gate GraceIOVirtualization is turned off: it requires IOMMUFD, which is off"]
    );
    // AllBeta=false turns the chain off; TopUser (Alpha, on by AllAlpha) follows.
    let set = eval("AllBeta=false,AllAlpha=true", &amd64()).unwrap();
    assert!(!set.is::<Base>() && !set.is::<Top>() && !set.is::<TopUser>());
    assert_eq!(
        set.rule("TopUser"),
        Some(Rule::MissingRequirement {
            requirement: Top::GATE
        })
    );
}

#[test]
fn the_policy_turning_a_requirement_off_turns_its_users_off() {
    // Disable on arm64 turns PCINUMAAwareTopology off (its own reason, a
    // policy warning); GraceIOVirtualization, on by AllAlpha, follows.
    // On arm64 alone (in the amd64+arm64 cluster the gates stay on for
    // amd64: the test after this one).
    let set = eval("AllAlpha=true", &arm64_only(Action::Disable)).unwrap();
    assert!(!set.is::<PciNumaAwareTopology>());
    assert!(!set.is::<GraceIoVirtualization>());
    assert_eq!(
        warnings(&set),
        [
            "feature gate PCINUMAAwareTopology is turned off: the architecture policy (Disable) \
             does not allow it on arm64 (Unverified)",
            "feature gate Top is turned off: the architecture policy (Disable) does not allow \
             it on arm64 (Unverified)",
            "feature gate GraceIOVirtualization is turned off: it requires \
             PCINUMAAwareTopology, which is off",
            "feature gate TopUser is turned off: it requires Top, which is off",
        ]
    );
    // Named to enable, it is refused, and enabling the requirement would
    // not help: the message says why and the one fix.
    let err = eval(
        "GraceIOVirtualization=true,IOMMUFD=true,PCINUMAAwareTopology=true",
        &arm64_only(Action::Disable),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "feature gate GraceIOVirtualization requires PCINUMAAwareTopology, which is off \
         (PCINUMAAwareTopology: the architecture policy (Disable) turns it off on arm64 \
         (Unverified)); leave GraceIOVirtualization off"
    );
}

#[test]
fn in_a_cluster_a_requirement_off_on_some_architectures_turns_its_users_off_there() {
    // Disable on arm64 turns PCINUMAAwareTopology off there only: the gates
    // that require it follow there only, each with a warning naming arm64.
    let set = eval("AllAlpha=true", &arm64_unverified(Action::Disable)).unwrap();
    let amd64 = ArchSet::only(Arch::Amd64);
    assert_eq!(set.archs("PCINUMAAwareTopology"), amd64);
    assert_eq!(set.archs("GraceIOVirtualization"), amd64);
    assert_eq!(set.archs("TopUser"), amd64);
    assert!(set.is::<GraceIoVirtualization>());
    assert!(!set.is_on::<GraceIoVirtualization>(Arch::Arm64));
    assert_eq!(
        warnings(&set),
        [
            "feature gate PCINUMAAwareTopology is turned off: the architecture policy (Disable) \
             does not allow it on arm64 (Unverified)",
            "feature gate Top is turned off: the architecture policy (Disable) does not allow \
             it on arm64 (Unverified)",
            "feature gate GraceIOVirtualization is turned off on arm64: it requires \
             PCINUMAAwareTopology, which is off there",
            "feature gate TopUser is turned off on arm64: it requires Top, which is off there",
        ]
    );
    assert_eq!(
        set.explain("GraceIOVirtualization").unwrap().to_string(),
        "feature gate GraceIOVirtualization is on for amd64: the configuration sets \
         AllAlpha=true; off on arm64: it requires PCINUMAAwareTopology, which is off"
    );
    // Named, it is not refused: it is on for amd64.
    let set = eval(
        "GraceIOVirtualization=true,IOMMUFD=true,PCINUMAAwareTopology=true",
        &arm64_unverified(Action::Disable),
    )
    .unwrap();
    assert_eq!(set.archs("GraceIOVirtualization"), amd64);
    // A requirement off everywhere refuses a named gate, as for one
    // architecture.
    let err = eval(
        "GraceIOVirtualization=true,IOMMUFD=false,PCINUMAAwareTopology=true",
        &arm64_unverified(Action::Disable),
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        "feature gate GraceIOVirtualization requires IOMMUFD, which is off; enable IOMMUFD \
         too, or leave GraceIOVirtualization off"
    );
}

#[test]
fn a_warning_about_support_is_not_given_for_a_gate_turned_off() {
    // Top is Unverified on arm64 (a policy warning while on), but off here
    // for its requirement: no warning may call it enabled.
    let set = eval("Middle=false", &arm64_unverified(Action::Warn)).unwrap();
    assert!(!set.is::<Top>());
    let all = warnings(&set).join("\n");
    assert!(!all.contains("Top is enabled"), "{all}");
    assert!(
        all.contains("feature gate Top is turned off: it requires Middle"),
        "{all}"
    );
    // And on, it warns as before.
    let set = eval("", &arm64_unverified(Action::Warn)).unwrap();
    assert!(
        warnings(&set).contains(
            &"feature gate Top is enabled but not Supported on arm64 (Unverified)".to_owned()
        ),
        "{:?}",
        warnings(&set)
    );
}

#[test]
fn a_gate_off_for_its_own_reason_raises_no_requirement_problem() {
    // Discontinued, named to enable: off, with the usual warning only.
    let set = eval("OldTop=true", &amd64()).unwrap();
    assert!(!set.is::<OldTop>());
    assert!(
        set.warnings()
            .iter()
            .all(|w| !matches!(w, Warning::MissingRequirement { .. }))
    );
    // Disabled by the policy while its requirement is off too (on arm64
    // alone: in the cluster, amd64 keeps it on but for the requirement).
    let set = eval("Middle=false", &arm64_only(Action::Disable)).unwrap();
    assert_eq!(
        set.rule("Top")
            .map(|r| matches!(r, Rule::ArchPolicy { .. })),
        Some(true)
    );
    // Named to enable, disabled by the policy, requirement off: no problem
    // of requirements (the policy's Disable is its own reason).
    let set = eval("Top=true,Middle=false", &arm64_only(Action::Disable)).unwrap();
    assert!(!set.is::<Top>());
    // In the amd64+arm64 cluster Top would be on for amd64 but for its
    // requirement: named, it is refused (SPEC section 14).
    let err = eval("Top=true,Middle=false", &arm64_unverified(Action::Disable)).unwrap_err();
    let names: Vec<&str> = err.problems().map(ConfigProblem::name).collect();
    assert_eq!(names, ["Top"]);
}

#[test]
fn a_spec_check_names_the_requirement() {
    let set = eval("TopUser=true,Middle=false", &amd64()).unwrap_err();
    assert!(set.to_string().contains("leave TopUser off"), "{set}");
    let set = eval("Middle=false", &amd64()).unwrap();
    let err = set.check_spec(&"uses top").unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spec uses feature gate TopUser, which is off: the configuration does not name it, \
         and Alpha gates are off by default"
    );
    let set = eval("AllAlpha=true,Middle=false", &amd64()).unwrap();
    let err = set.check_spec(&"uses top").unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spec uses feature gate TopUser, which is off: it requires Top, which is off"
    );
}

// The property: random registries of up to 12 gates with legal
// requirements, random configurations and policies.

/// What a gate of `state` may require, by the compile-time rule.
fn may_require(state: State, required: State) -> bool {
    match state {
        State::Ga => required == State::Ga,
        State::Beta => matches!(required, State::Beta | State::Ga),
        State::Alpha | State::Deprecated => required != State::Discontinued,
        State::Discontinued => true,
    }
}

/// A gate to build: its state, whether it is Unverified on arm64, and the
/// earlier gates (by index) it may require, as a bit mask.
type Spec = (State, bool, u16);

fn specs() -> impl Strategy<Value = Vec<Spec>> {
    let state = prop::sample::select(State::ALL.to_vec());
    prop::collection::vec((state, any::<bool>(), any::<u16>()), 1..=12)
}

/// The registry: gate `i` named by a permutation (so that name order is not
/// the order of requirements), requiring the legal earlier gates its mask
/// picks (so there is no cycle).
fn build(specs: &[Spec], names: &[usize]) -> Vec<&'static Gate> {
    let mut gates: Vec<&'static Gate> = Vec::new();
    for (i, &(state, unverified, mask)) in specs.iter().enumerate() {
        let requires: Vec<&'static Gate> = (0..i)
            .filter(|&j| mask & (1 << j) != 0 && may_require(state, gates[j].state()))
            .map(|j| gates[j])
            .collect();
        let support = if unverified {
            vec![
                (Arch::Amd64, Support::Supported),
                (Arch::Arm64, Support::Unverified),
            ]
        } else {
            vec![
                (Arch::Amd64, Support::Supported),
                (Arch::Arm64, Support::Supported),
            ]
        };
        gates.push(featuregate::__private::leaked_gate_with(
            &format!("G{}", names[i]),
            state,
            &support,
            Box::leak(requires.into_boxed_slice()),
        ));
    }
    gates
}

fn config(gates: &[&'static Gate], picks: &[u8], meta: u8) -> GateConfig {
    let mut config = GateConfig::default();
    for (gate, &pick) in gates.iter().zip(picks) {
        match pick % 3 {
            1 => config.enabled.push(gate.name().to_owned()),
            2 => config.disabled.push(gate.name().to_owned()),
            _ => {}
        }
    }
    for (bit, name, on) in [
        (1, "AllAlpha", true),
        (2, "AllAlpha", false),
        (4, "AllBeta", true),
        (8, "AllBeta", false),
    ] {
        // Each meta name once at most: the first of its bits set wins.
        let named = config
            .enabled
            .iter()
            .chain(&config.disabled)
            .any(|n| n == name);
        if meta & bit != 0 && !named {
            if on {
                config.enabled.push(name.to_owned());
            } else {
                config.disabled.push(name.to_owned());
            }
        }
    }
    config
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn every_enabled_gate_has_its_requirements(
        specs in specs(),
        shuffle in any::<prop::sample::Index>(),
        picks in prop::collection::vec(any::<u8>(), 12),
        meta in any::<u8>(),
        action in prop::sample::select(vec![Action::Allow, Action::Warn, Action::Disable, Action::Deny]),
    ) {
        let mut names: Vec<usize> = (0..specs.len()).collect();
        names.rotate_left(shuffle.index(specs.len()));
        names.reverse();
        let gates = build(&specs, &names);
        let registry = Registry::new(gates.iter().copied()).unwrap();
        let config = config(&gates, &picks, meta);
        match registry.evaluate(&config, &arm64_unverified(action)) {
            Ok(set) => {
                for gate in set.enabled() {
                    for required in gate.requires() {
                        prop_assert!(set.get(required) == Some(true),
                            "{gate} is on, {required} off: {config}");
                    }
                }
                // Per architecture: a gate is on only where all it requires is.
                for (gate, _) in set.iter() {
                    let archs = set.archs(gate.name());
                    prop_assert_eq!(set.is_enabled(gate.name()), !archs.is_empty());
                    for required in gate.requires() {
                        let theirs = set.archs(required.name());
                        prop_assert_eq!(archs.intersection(theirs), archs, "{} {}: {}", gate, required, config);
                    }
                }
                // Every gate off for a requirement is explained by one that
                // is off somewhere.
                for (gate, on) in set.iter() {
                    if let Some(Rule::MissingRequirement { requirement }) = set.rule(gate.name()) {
                        prop_assert!(!on);
                        prop_assert!(gate.requires().any(|r| r == requirement));
                        prop_assert!(set.archs(requirement.name()) != set.evaluated_archs());
                    }
                }
            }
            Err(err) => {
                for problem in err.problems() {
                    match problem {
                        ConfigProblem::MissingRequirement { gate, missing, .. } => {
                            prop_assert!(config.enabled.iter().any(|n| n == gate.name()));
                            prop_assert!(!missing.is_empty());
                            for m in missing {
                                prop_assert!(gate.requires().any(|r| r == m.gate()));
                                let message = problem.to_string();
                                prop_assert!(message.contains(gate.name()) && message.contains(m.gate().name()));
                            }
                        }
                        ConfigProblem::ArchDenied { .. } => prop_assert_eq!(action, Action::Deny),
                        other => prop_assert!(false, "unexpected problem {other:?}"),
                    }
                }
            }
        }
    }

    /// The same evaluation by another method: the gates evaluated on their
    /// own (twins without requirements), then requirements applied until
    /// nothing changes, a gate named to enable never turned off but
    /// refused. Evaluation must agree exactly, gate by gate and problem by
    /// problem.
    #[test]
    fn agrees_with_a_fixed_point_over_the_gates_on_their_own(
        specs in specs(),
        shuffle in any::<prop::sample::Index>(),
        picks in prop::collection::vec(any::<u8>(), 12),
        meta in any::<u8>(),
        action in prop::sample::select(vec![Action::Allow, Action::Warn, Action::Disable, Action::Deny]),
    ) {
        let mut names: Vec<usize> = (0..specs.len()).collect();
        names.rotate_left(shuffle.index(specs.len()));
        let gates = build(&specs, &names);
        let twins: Vec<&'static Gate> = gates
            .iter()
            .map(|g| {
                let support: Vec<_> = g.support_by_arch().collect();
                featuregate::__private::leaked_gate_with(g.name(), g.state(), &support, &[])
            })
            .collect();
        let config = config(&gates, &picks, meta);
        let options = arm64_unverified(action);
        let actual = Registry::new(gates.iter().copied()).unwrap().evaluate(&config, &options);
        let alone = Registry::new(twins).unwrap().evaluate(&config, &options);
        let alone = match alone {
            Ok(set) => set,
            Err(err) => {
                // Refused on their own (the policy's Deny): refused with
                // requirements too, for the same reasons among others.
                let actual = actual.unwrap_err();
                for problem in err.problems() {
                    prop_assert!(actual.problems().any(|p| p.to_string() == problem.to_string()));
                }
                return Ok(());
            }
        };
        // Per architecture (SPEC section 14): each gate keeps the
        // architectures where all it requires is on; a named gate left on
        // nowhere is refused, and is off for the gates requiring it.
        let named = |gate: &Gate| config.enabled.iter().any(|n| n == gate.name());
        let mut on: std::collections::HashMap<&str, ArchSet> =
            alone.iter().map(|(g, _)| (g.name(), alone.archs(g.name()))).collect();
        let mut refused: Vec<&str> = Vec::new();
        loop {
            let mut changed = false;
            for gate in &gates {
                let mine = on[gate.name()];
                let need = gate.requires().fold(mine, |need, r| need.intersection(on[r.name()]));
                if need != mine {
                    if need.is_empty() && named(gate) {
                        refused.push(gate.name());
                    }
                    on.insert(gate.name(), need);
                    changed = true;
                }
            }
            if !changed {
                break;
            }
        }
        refused.sort_unstable();
        match actual {
            Ok(set) => {
                prop_assert!(refused.is_empty(), "{refused:?} not refused: {config}");
                for (gate, value) in set.iter() {
                    prop_assert_eq!(set.archs(gate.name()), on[gate.name()], "{}: {}", gate, config);
                    prop_assert_eq!(value, !on[gate.name()].is_empty());
                }
            }
            Err(err) => {
                let problems: Vec<&str> = err.problems().map(ConfigProblem::name).collect();
                prop_assert_eq!(problems, refused, "{}", config);
            }
        }
    }
}
