use featuregate::feature_gate;

#[feature_gate(state = Beta, aarch64 = Supported)]
pub struct ImageVolume;

fn main() {}
