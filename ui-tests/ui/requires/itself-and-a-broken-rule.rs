//! A gate that requires itself and one more mature than a requirement: both
//! reported, each at its own path.
use featuregate::feature_gate;

#[feature_gate(name = "IOMMUFD", state = Alpha)]
pub struct Iommufd;

#[feature_gate(state = GA, requires = [Self, Iommufd])]
pub struct GraceIoVirtualization;

fn main() {}
