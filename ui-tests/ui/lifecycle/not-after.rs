//! Each stage comes in a later release than the one before it.
use featuregate::feature_gate;

#[feature_gate(alpha = "v1.7.0", beta = "v1.6.0")]
pub struct PanicDevices;

#[feature_gate(alpha = "v1.6.0", beta = "v1.7", ga = "v1.7.0")]
pub struct SameRelease;

fn main() {}
