use featuregate::feature_gate;

#[feature_gate]
pub struct ImageVolume;

fn main() {}
