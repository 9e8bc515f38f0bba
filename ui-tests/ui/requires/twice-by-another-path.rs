//! The same requirement under two paths.
use featuregate::feature_gate;

#[feature_gate(name = "IOMMUFD", state = Alpha)]
pub struct Iommufd;

#[feature_gate(state = Alpha, requires = [Iommufd, crate::Iommufd])]
pub struct GraceIoVirtualization;

fn main() {}
