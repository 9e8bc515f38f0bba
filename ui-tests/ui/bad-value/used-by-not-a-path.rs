use featuregate::feature_gate;

#[feature_gate(state = Beta, used_by = "uses_image_volume")]
pub struct ImageVolume;

fn main() {}
