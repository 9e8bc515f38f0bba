//! A requirement that names no type: rustc's own error.
use featuregate::feature_gate;

#[feature_gate(state = Alpha, requires = [Iommufd])]
pub struct GraceIoVirtualization;

fn main() {}
