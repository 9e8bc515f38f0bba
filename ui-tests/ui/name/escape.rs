//! An ESC would let a name drive the terminal that prints it.
use featuregate::feature_gate;

#[feature_gate(state = Beta, name = "Image\x1b[31mVolume")]
pub struct ImageVolume;

fn main() {}
