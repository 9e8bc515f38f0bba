//! A bidi control would show the name reordered in a terminal.
use featuregate::feature_gate;

#[feature_gate(state = Beta, name = "Image\u{202e}Volume")]
pub struct ImageVolume;

fn main() {}
