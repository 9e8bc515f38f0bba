use featuregate::feature_gate;

#[feature_gate(state = Beta, name = "ImageVolume=true")]
pub struct ImageVolume;

fn main() {}
