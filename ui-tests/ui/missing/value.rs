use featuregate::feature_gate;

#[feature_gate(state)]
pub struct ImageVolume;

fn main() {}
