//! Every broken rule of every requirement, each at its own path.
use featuregate::feature_gate;

#[feature_gate(name = "IOMMUFD", state = Alpha, arm64 = Unsupported("needs SMMUv3"))]
pub struct Iommufd;

#[feature_gate(state = Discontinued)]
pub struct Gone;

pub struct NotAGate;

#[feature_gate(state = GA, arm64 = Supported, requires = [Iommufd, crate::Iommufd, Gone, NotAGate, Missing])]
pub struct GraceIoVirtualization;

fn main() {}
