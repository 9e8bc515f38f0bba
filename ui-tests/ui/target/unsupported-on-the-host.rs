// The host's architecture (x86_64, amd64, where the snapshot was written)
// is Unsupported: the build fails at the gate's path.
use featuregate::{assert_target_supported, feature_gate};

#[feature_gate(name = "WorkloadEncryptionSEV", state = Alpha, amd64 = Unsupported("no SEV here"),
               arm64 = Unsupported, s390x = Unsupported, ppc64le = Unsupported,
               riscv64 = Unsupported)]
pub struct WorkloadEncryptionSev;

#[feature_gate(state = Beta)]
pub struct Anywhere;

assert_target_supported!(Anywhere, WorkloadEncryptionSev);

fn main() {}
