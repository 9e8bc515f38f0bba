//! An invisible character would make two names look alike.
use featuregate::feature_gate;

#[feature_gate(state = Beta, name = "Image\u{200b}Volume")]
pub struct ImageVolume;

fn main() {}
