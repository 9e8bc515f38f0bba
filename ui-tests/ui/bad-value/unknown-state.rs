use featuregate::feature_gate;

#[feature_gate(state = Bta)]
pub struct ImageVolume;

fn main() {}
