//! A gate that requires itself through a path the macro cannot see is its own.
use featuregate::feature_gate;

#[feature_gate(name = "IOMMUFD", state = Alpha, requires = crate::Iommufd)]
pub struct Iommufd;

fn main() {}
