//! A gate that requires itself, by its name or as `Self`.
use featuregate::feature_gate;

#[feature_gate(state = Alpha, requires = GraceIoVirtualization)]
pub struct GraceIoVirtualization;

#[feature_gate(state = Alpha, requires = [Self])]
pub struct Iommufd;

fn main() {}
