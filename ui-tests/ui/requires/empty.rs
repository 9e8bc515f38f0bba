//! `requires = []` names no gate.
use featuregate::feature_gate;

#[feature_gate(state = Alpha, requires = [])]
pub struct GraceIoVirtualization;

fn main() {}
