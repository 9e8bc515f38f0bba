//! `requires` takes paths, not strings.
use featuregate::feature_gate;

#[feature_gate(state = Alpha, requires = "IOMMUFD")]
pub struct GraceIoVirtualization;

fn main() {}
