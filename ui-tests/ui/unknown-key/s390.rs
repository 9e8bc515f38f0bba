use featuregate::feature_gate;

#[feature_gate(state = Beta, s390 = Unsupported)]
pub struct ImageVolume;

fn main() {}
