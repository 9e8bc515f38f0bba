use featuregate::feature_gate;

#[feature_gate(state = Beta, arm64 = Supported, arm64 = Unverified)]
pub struct ImageVolume;

fn main() {}
