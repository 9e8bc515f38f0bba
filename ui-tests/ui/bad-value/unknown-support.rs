use featuregate::feature_gate;

#[feature_gate(state = Beta, arm64 = Suported)]
pub struct ImageVolume;

fn main() {}
