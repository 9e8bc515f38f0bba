use featuregate::feature_gate;

#[feature_gate(state = Beta, amd64 = Supported, others = Maybe)]
pub struct ImageVolume;

fn main() {}
