// `assert_target_supported!` passes for any support but Unsupported, for
// an architecture the declaration leaves unspecified, and for a target
// `Arch::current()` does not know; as an item and as a statement.
use featuregate::{Arch, assert_target_supported, feature_gate};

#[feature_gate(state = Alpha, amd64 = Supported, arm64 = Pending, s390x = Unverified,
               ppc64le = Supported, riscv64 = Pending)]
pub struct EverywhereButNotUnsupported;

#[feature_gate(state = Beta)]
pub struct Unspecified;

#[feature_gate(state = Alpha, s390x = Unsupported("no such device"))]
pub struct NotOnS390x;

assert_target_supported!(EverywhereButNotUnsupported, Unspecified);
assert_target_supported!(Unspecified,);

// Other targets through the hidden form: Supported on amd64, unspecified
// on arm64, and no known target at all.
featuregate::__assert_supported_on!(Some(Arch::Amd64); NotOnS390x);
featuregate::__assert_supported_on!(Some(Arch::Arm64); NotOnS390x);
featuregate::__assert_supported_on!(None; NotOnS390x);

fn main() {
    assert_target_supported!(EverywhereButNotUnsupported);
}
