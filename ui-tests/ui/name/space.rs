use featuregate::feature_gate;

#[feature_gate(state = Beta, name = "Image Volume")]
pub struct ImageVolume;

fn main() {}
