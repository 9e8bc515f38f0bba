//! A gate Supported on an architecture where a requirement is Unsupported.
use featuregate::feature_gate;

#[feature_gate(name = "IOMMUFD", state = Alpha, arm64 = Unsupported("needs SMMUv3"), s390x = Unsupported)]
pub struct Iommufd;

#[feature_gate(state = Alpha, amd64 = Supported, arm64 = Supported, s390x = Supported, requires = Iommufd)]
pub struct GraceIoVirtualization;

fn main() {}
