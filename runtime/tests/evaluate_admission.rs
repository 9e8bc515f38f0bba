//! Admission with an architecture (SPEC section 14): `FeatureSet::admit`
//! refuses a spec for an architecture where a gate it uses does not
//! qualify, places a spec for none on the intersection (as Kubernetes node
//! selectors), refuses an empty placement naming where each gate
//! qualifies, fails closed on wrapped specs; `check_spec` on a cluster
//! refuses what does not qualify everywhere.

use std::sync::Arc;

use featuregate::{
    Action, Arch, ArchPolicy, ArchSet, ConfigProblem, FeatureGate, FeatureSet, GateConfig, Options,
    Registry, Warning, feature_gate,
};

#[derive(Default)]
#[allow(clippy::struct_excessive_bools)] // one flag per gate a VM can use, as a spec has
struct Vm {
    sev: bool,
    secure_execution: bool,
    image_volume: bool,
    legacy: bool,
}

fn uses_sev(vm: &Vm) -> bool {
    vm.sev
}
fn uses_secure_execution(vm: &Vm) -> bool {
    vm.secure_execution
}
fn uses_image_volume(vm: &Vm) -> bool {
    vm.image_volume
}
fn uses_legacy(vm: &Vm) -> bool {
    vm.legacy
}

#[feature_gate(name = "WorkloadEncryptionSEV", state = Alpha, amd64 = Supported,
               arm64 = Unsupported, s390x = Unsupported("AMD SEV hardware"), used_by = uses_sev)]
struct Sev;

#[feature_gate(name = "SecureExecution", state = Alpha, s390x = Supported,
               amd64 = Unsupported("IBM Z only"), arm64 = Unsupported,
               used_by = uses_secure_execution)]
struct SecureExecution;

#[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified, s390x = Supported,
               used_by = uses_image_volume)]
struct ImageVolume;

#[feature_gate(state = Deprecated, used_by = uses_legacy)]
struct Legacy;

fn registry() -> Registry {
    Registry::new([
        Sev::GATE,
        SecureExecution::GATE,
        ImageVolume::GATE,
        Legacy::GATE,
    ])
    .unwrap()
}

const CLUSTER: [Arch; 3] = [Arch::Amd64, Arch::Arm64, Arch::S390x];

fn cluster(policy: ArchPolicy) -> FeatureSet {
    let options = Options::default().with_archs(CLUSTER).with_policy(policy);
    let config =
        GateConfig::parse("WorkloadEncryptionSEV=true,SecureExecution=true,Legacy=true").unwrap();
    registry().evaluate(&config, &options).unwrap()
}

fn warn() -> FeatureSet {
    cluster(ArchPolicy::default())
}

fn sev() -> Vm {
    Vm {
        sev: true,
        ..Vm::default()
    }
}

fn archs(archs: &[Arch]) -> ArchSet {
    archs.iter().copied().collect()
}

#[test]
fn a_spec_for_an_architecture_where_a_gate_is_unsupported_is_refused_under_warn_too() {
    // Under the default policy (Warn) SEV is on everywhere, yet it cannot
    // run on s390x or arm64.
    let set = warn();
    assert!(set.is_enabled_on("WorkloadEncryptionSEV", Arch::S390x));
    let err = set.admit(&sev(), Some(Arch::S390x)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spec uses feature gate WorkloadEncryptionSEV, which cannot run on s390x: it is \
         Unsupported there (AMD SEV hardware)"
    );
    let problems: Vec<_> = err.problems().collect();
    assert!(matches!(
        problems[..],
        [ConfigProblem::SpecArchUnqualified { gate, arch: Arch::S390x, off: None }] if *gate == Sev::GATE
    ));
    let err = set.admit(&sev(), Some(Arch::Arm64)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spec uses feature gate WorkloadEncryptionSEV, which cannot run on arm64: it is \
         Unsupported there (no reason given)"
    );
    // On amd64 it qualifies: pinned there.
    let placement = set.admit(&sev(), Some(Arch::Amd64)).unwrap();
    assert_eq!(placement.archs(), ArchSet::only(Arch::Amd64));
}

#[test]
fn a_spec_for_an_architecture_where_a_gate_is_off_is_refused_with_why() {
    let disable = cluster(ArchPolicy {
        unverified: Action::Disable,
        ..ArchPolicy::default()
    });
    let vm = Vm {
        image_volume: true,
        ..Vm::default()
    };
    let err = disable.admit(&vm, Some(Arch::Arm64)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spec uses feature gate ImageVolume, which is off on arm64: the architecture policy \
         (Disable) turns it off on arm64 (Unverified)"
    );
    assert_eq!(
        disable.admit(&vm, None).unwrap().archs(),
        archs(&[Arch::Amd64, Arch::S390x])
    );
}

#[test]
fn an_architecture_outside_the_cluster_is_refused() {
    let err = warn().admit(&sev(), Some(Arch::Riscv64)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spec is for riscv64, which is not an evaluated architecture (amd64, arm64, s390x)"
    );
    // Also for a spec that uses no gate.
    assert!(warn().admit(&Vm::default(), Some(Arch::Riscv64)).is_err());
}

#[cfg(feature = "serde")]
#[test]
fn a_spec_for_no_architecture_gets_the_intersection_as_node_selectors() {
    let placement = warn().admit(&sev(), None).unwrap();
    assert_eq!(placement.archs(), ArchSet::only(Arch::Amd64));
    // What Kubernetes documents for a NodeSelectorRequirement and a
    // NodeSelectorTerm (core/v1).
    assert_eq!(
        serde_json::to_value(placement.node_selector_requirement()).unwrap(),
        serde_json::json!({"key": "kubernetes.io/arch", "operator": "In", "values": ["amd64"]})
    );
    assert_eq!(
        serde_json::to_value(placement.node_selector_term()).unwrap(),
        serde_json::json!({"matchExpressions": [
            {"key": "kubernetes.io/arch", "operator": "In", "values": ["amd64"]}
        ]})
    );
    // Two gates: the intersection.
    let vm = Vm {
        image_volume: true,
        secure_execution: true,
        ..Vm::default()
    };
    assert_eq!(
        warn().admit(&vm, None).unwrap().archs(),
        ArchSet::only(Arch::S390x)
    );
}

#[cfg(feature = "serde")]
#[test]
fn a_spec_using_no_gate_is_pinned_to_every_evaluated_architecture() {
    let placement = warn().admit(&Vm::default(), None).unwrap();
    assert_eq!(placement.archs(), archs(&CLUSTER));
    // Pinned, never "anywhere".
    assert_eq!(
        serde_json::to_value(placement.node_selector_requirement()).unwrap(),
        serde_json::json!({"key": "kubernetes.io/arch", "operator": "In",
                           "values": ["amd64", "arm64", "s390x"]})
    );
}

#[test]
fn an_empty_placement_is_refused_naming_each_gate_and_where_it_qualifies() {
    let vm = Vm {
        sev: true,
        secure_execution: true,
        ..Vm::default()
    };
    let err = warn().admit(&vm, None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "no evaluated architecture can run the spec: feature gate SecureExecution qualifies on \
         s390x only\n\
         no evaluated architecture can run the spec: feature gate WorkloadEncryptionSEV \
         qualifies on amd64 only"
    );
    let qualifies: Vec<ArchSet> = err
        .problems()
        .map(|p| match p {
            ConfigProblem::NoPlacement { qualifies, .. } => *qualifies,
            other => panic!("{other:?}"),
        })
        .collect();
    assert_eq!(
        qualifies,
        [ArchSet::only(Arch::S390x), ArchSet::only(Arch::Amd64)]
    );
}

#[test]
fn a_gate_off_everywhere_refuses_as_check_spec_does() {
    let options = Options::default().with_archs(CLUSTER);
    let set = registry()
        .evaluate(&GateConfig::default(), &options)
        .unwrap();
    let err = set.admit(&sev(), None).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spec uses feature gate WorkloadEncryptionSEV, which is off: the configuration does \
         not name it, and Alpha gates are off by default"
    );
    assert!(set.admit(&sev(), Some(Arch::Amd64)).is_err());
}

#[test]
fn wrapped_specs_fail_closed() {
    let set = warn();
    for err in [
        set.admit(&Arc::new(sev()), None).unwrap_err(),
        set.admit(&Box::new(sev()), Some(Arch::Amd64)).unwrap_err(),
    ] {
        let problems: Vec<_> = err.problems().collect();
        assert!(
            matches!(problems[..], [ConfigProblem::UncheckedType { type_name }] if type_name.contains("Vm")),
            "{err}"
        );
    }
}

#[test]
fn deprecated_gates_warn_in_the_placement() {
    let vm = Vm {
        legacy: true,
        ..Vm::default()
    };
    let placement = warn().admit(&vm, None).unwrap();
    assert!(matches!(
        placement.warnings(),
        [Warning::SpecUsesDeprecated { gate }] if *gate == Legacy::GATE
    ));
}

#[test]
fn check_spec_on_a_cluster_refuses_what_does_not_qualify_everywhere() {
    let set = warn();
    let err = set.check_spec(&sev()).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spec uses feature gate WorkloadEncryptionSEV, which qualifies on amd64 only of the \
         evaluated amd64, arm64, s390x; place it with `FeatureSet::admit`"
    );
    // What qualifies everywhere passes.
    let vm = Vm {
        image_volume: true,
        ..Vm::default()
    };
    assert_eq!(set.check_spec(&vm), Ok(vec![]));
    // One architecture: as before (on is enough).
    let arm64 = Options::default().with_archs([Arch::Arm64]);
    let set = registry()
        .evaluate(
            &GateConfig::parse("WorkloadEncryptionSEV=true").unwrap(),
            &arm64,
        )
        .unwrap();
    assert_eq!(set.check_spec(&sev()), Ok(vec![]));
    // Wrapped: still an error naming the type.
    assert!(warn().check_spec(&Arc::new(sev())).is_err());
}
