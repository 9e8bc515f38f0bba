use featuregate::feature_gate;

#[feature_gate(state = Beta, name = "")]
pub struct ImageVolume;

fn main() {}
