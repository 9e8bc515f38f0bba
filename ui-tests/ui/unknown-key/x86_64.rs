use featuregate::feature_gate;

#[feature_gate(state = Beta, x86_64 = Supported)]
pub struct ImageVolume;

fn main() {}
