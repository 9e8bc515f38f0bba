//! With stage keys, `state` may be left out; given, it must be the last stage.
use featuregate::feature_gate;

#[feature_gate(state = Beta, alpha = "v1.6.0", ga = "v1.9.0")]
pub struct PanicDevices;

fn main() {}
