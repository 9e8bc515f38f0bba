//! `since` does not mix with the stage keys.
use featuregate::feature_gate;

#[feature_gate(since = "v1.9.0", alpha = "v1.6.0", ga = "v1.9.0")]
pub struct PanicDevices;

fn main() {}
