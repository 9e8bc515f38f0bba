use featuregate::feature_gate;

#[feature_gate(state = Beta, crate = featuregate)]
pub struct ImageVolume;

fn main() {}
