use featuregate::feature_gate;

#[feature_gate(state = Beta, colour = "blue")]
pub struct ImageVolume;

fn main() {}
