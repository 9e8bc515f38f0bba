// Another target through the hidden form that takes the architecture
// (only the host's standard library is installed): SPEC section 14's
// message, with the declared reason.
use featuregate::{Arch, feature_gate};

#[feature_gate(name = "WorkloadEncryptionSEV", state = Alpha, amd64 = Supported,
               s390x = Unsupported("AMD SEV hardware"))]
pub struct WorkloadEncryptionSev;

featuregate::__assert_supported_on!(Some(Arch::S390x); WorkloadEncryptionSev);

fn main() {
    // As a statement too, and without a reason.
    featuregate::__assert_supported_on!(Some(Arch::Arm64); Other);
}

#[feature_gate(state = Beta, arm64 = Unsupported)]
pub struct Other;
