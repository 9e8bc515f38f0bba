use featuregate::feature_gate;

#[feature_gate(stat = Beta)]
pub struct ImageVolume;

fn main() {}
