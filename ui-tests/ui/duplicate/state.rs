use featuregate::feature_gate;

#[feature_gate(state = Beta, amd64 = Supported, state = Alpha)]
pub struct ImageVolume;

fn main() {}
