//! Admission in an amd64+arm64+s390x cluster (SPEC section 14), as the
//! README shows it: a VM that asks for AMD SEV is placed on amd64, pinned
//! by a node selector term, and refused when it names s390x.

use featuregate::{Action, Arch, ArchPolicy, ArchSet, GateConfig, Options, registry};
use kubevirt_gates::{LaunchSecurity, VmSpec};

#[test]
fn a_sev_vm_is_placed_on_amd64_and_refused_on_s390x() {
    let cluster = Options::default()
        .with_archs([Arch::Amd64, Arch::Arm64, Arch::S390x])
        .with_policy(ArchPolicy {
            unsupported: Action::Disable,
            ..ArchPolicy::default()
        });
    let config = GateConfig::parse("WorkloadEncryptionSEV=true").unwrap();
    let set = registry().evaluate(&config, &cluster).unwrap();
    assert_eq!(
        set.archs("WorkloadEncryptionSEV"),
        ArchSet::only(Arch::Amd64)
    );

    let vm = VmSpec {
        launch_security: Some(LaunchSecurity::Sev),
        ..VmSpec::default()
    };
    let placement = set.admit(&vm, None).unwrap();
    assert_eq!(placement.archs(), ArchSet::only(Arch::Amd64));
    assert_eq!(
        serde_json::to_string(&placement.node_selector_term()).unwrap(),
        r#"{"matchExpressions":[{"key":"kubernetes.io/arch","operator":"In","values":["amd64"]}]}"#
    );
    let err = set.admit(&vm, Some(Arch::S390x)).unwrap_err();
    assert_eq!(
        err.to_string(),
        "the spec uses feature gate WorkloadEncryptionSEV, which is off on s390x: the \
         architecture policy (Disable) turns it off on arm64 (Unsupported), s390x (Unsupported)"
    );
    // A VM without SEV may run anywhere in the cluster, pinned to it.
    let plain = set.admit(&VmSpec::default(), None).unwrap();
    assert_eq!(plain.archs().to_string(), "amd64, arm64, s390x");
}
