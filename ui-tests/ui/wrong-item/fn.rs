use featuregate::feature_gate;

#[feature_gate(state = Beta)]
pub fn image_volume() {}

fn main() {}
