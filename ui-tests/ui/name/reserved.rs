//! `AllAlpha` and `AllBeta` name every Alpha or Beta gate in a configuration.
use featuregate::feature_gate;

#[feature_gate(state = Alpha, name = "AllAlpha")]
pub struct Everything;

fn main() {}
