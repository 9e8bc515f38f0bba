//! A Beta gate may require only Beta or GA gates.
use featuregate::feature_gate;

#[feature_gate(name = "IOMMUFD", state = Alpha)]
pub struct Iommufd;

#[feature_gate(state = Beta, requires = Iommufd)]
pub struct GraceIoVirtualization;

fn main() {}
