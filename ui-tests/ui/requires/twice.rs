//! The same requirement twice: the error is at the second.
use featuregate::feature_gate;

#[feature_gate(name = "IOMMUFD", state = Alpha)]
pub struct Iommufd;

#[feature_gate(state = Alpha, requires = [Iommufd, Iommufd])]
pub struct GraceIoVirtualization;

fn main() {}
