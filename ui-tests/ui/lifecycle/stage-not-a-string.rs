//! A stage key takes a string: `alpha = "v1.6"`, not `alpha = 1.6`.
use featuregate::feature_gate;

#[feature_gate(alpha = 1.6)]
pub struct PanicDevices;

fn main() {}
