//! Every key and value form of the attribute compiles.
use featuregate::{Arch, FeatureGate, State, Support, feature_gate};

pub struct VmSpec {
    pub volumes: usize,
}

fn uses_volumes(spec: &VmSpec) -> bool {
    spec.volumes > 0
}

/// Documented.
#[feature_gate(
    state = Deprecated,
    name = "EveryKey",
    message = "use something else",
    amd64 = Supported,
    arm64 = Pending("needs CDI"),
    s390x = Unsupported("no hardware"),
    ppc64le = Unverified,
    others = Supported,
    since = "v1.2.0",
    owner = "sig-compute",
    used_by = uses_volumes,
    crate = ::featuregate,
)]
pub struct EveryKey {}

#[feature_gate(state = "Discontinued", riscv64 = "Unverified")]
struct StringValues;

fn main() {
    assert_eq!(EveryKey::GATE.state(), State::Deprecated);
    assert_eq!(EveryKey::GATE.support(Arch::Riscv64), Some(Support::Supported));
    assert_eq!(StringValues::GATE.support(Arch::Riscv64), Some(Support::Unverified));
    assert_eq!(EveryKey::GATE.is_used_by(&VmSpec { volumes: 1 }), Some(true));
}
