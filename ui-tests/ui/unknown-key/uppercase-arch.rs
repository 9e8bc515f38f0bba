use featuregate::feature_gate;

#[feature_gate(state = Beta, AMD64 = Supported)]
pub struct ImageVolume;

fn main() {}
