//! A NUL would cut the name short in C and in many logs.
use featuregate::feature_gate;

#[feature_gate(state = Beta, name = "Image\0Volume")]
pub struct ImageVolume;

fn main() {}
