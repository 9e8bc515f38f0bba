use featuregate::feature_gate;

#[feature_gate(state = Beta)]
pub struct ImageVolume(bool);

fn main() {}
