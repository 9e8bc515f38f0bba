use featuregate::feature_gate;

#[feature_gate(state = Beta, name = ImageVolume)]
pub struct ImageVolume;

fn main() {}
