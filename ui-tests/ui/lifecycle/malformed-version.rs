//! A stage key takes `vMAJOR.MINOR` or `vMAJOR.MINOR.PATCH`; each malformed one is reported at its literal.
use featuregate::feature_gate;

#[feature_gate(alpha = "v1", beta = "1.x", ga = "v1.9.0.1", deprecated = "V2.0")]
pub struct PanicDevices;

fn main() {}
