//! A requirement after one that is no gate is still judged: both errors,
//! each at its own path.
use featuregate::feature_gate;

#[feature_gate(name = "IOMMUFD", state = Alpha)]
pub struct Iommufd;

pub struct NotAGate;

#[feature_gate(state = GA, requires = [NotAGate, Iommufd])]
pub struct GraceIoVirtualization;

fn main() {}
