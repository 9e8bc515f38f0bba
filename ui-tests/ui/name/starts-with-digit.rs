//! A gate name starts with an ASCII letter.
use featuregate::feature_gate;

#[feature_gate(state = Beta, name = "3DAcceleration")]
pub struct Acceleration;

fn main() {}
