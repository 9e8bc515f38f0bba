use featuregate::feature_gate;

#[feature_gate(amd64 = Supported)]
pub struct ImageVolume;

fn main() {}
