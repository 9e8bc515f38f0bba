//! `assert_target_supported!`'s check, run here on every architecture (the
//! build of this test only proves the host's): the message names gate,
//! target and reason; any other support, unspecified and an unknown target
//! pass. The build failures themselves are UI tests (`ui-tests/ui/target/`).

use featuregate::__private::{Decl, unsupported_on};
use featuregate::{Arch, FeatureGate, assert_target_supported, feature_gate};

#[feature_gate(name = "WorkloadEncryptionSEV", state = Alpha, amd64 = Supported,
               arm64 = Unsupported, s390x = Unsupported("AMD SEV hardware"), ppc64le = Pending)]
struct WorkloadEncryptionSev;

#[feature_gate(state = Beta)]
struct Unspecified;

fn message(decl: &Decl, arch: Option<Arch>) -> Option<String> {
    unsupported_on(decl, arch).map(|m| m.as_str().to_owned())
}

// As an item, for gates built here on any target where they can work.
assert_target_supported!(Unspecified);

#[test]
fn names_gate_target_and_reason() {
    let decl = &<WorkloadEncryptionSev as FeatureGate>::__DECL;
    assert_eq!(
        message(decl, Some(Arch::S390x)).as_deref(),
        Some(
            "`WorkloadEncryptionSEV` is Unsupported on s390x, the target of this build (AMD SEV hardware)"
        )
    );
    // No reason declared: no parentheses.
    assert_eq!(
        message(decl, Some(Arch::Arm64)).as_deref(),
        Some("`WorkloadEncryptionSEV` is Unsupported on arm64, the target of this build")
    );
}

#[test]
fn every_other_support_unspecified_and_unknown_targets_pass() {
    let decl = &<WorkloadEncryptionSev as FeatureGate>::__DECL;
    assert_eq!(message(decl, Some(Arch::Amd64)), None, "Supported");
    assert_eq!(message(decl, Some(Arch::Ppc64le)), None, "Pending");
    assert_eq!(message(decl, Some(Arch::Riscv64)), None, "unspecified");
    assert_eq!(
        message(decl, None),
        None,
        "a target Arch::current() does not know"
    );
    for arch in Arch::ALL {
        assert_eq!(
            message(&<Unspecified as FeatureGate>::__DECL, Some(arch)),
            None
        );
    }
    assert_eq!(message(&Decl::UNKNOWN, Some(Arch::S390x)), None);
}

#[test]
fn as_a_statement_too() {
    assert_target_supported!(Unspecified,);
    // The current target is const: the check costs nothing at run time.
    const TARGET: Option<Arch> = Arch::current();
    assert_eq!(TARGET, Arch::current());
}
