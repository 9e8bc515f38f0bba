use featuregate::feature_gate;

#[feature_gate(stat = Beta, aarch64 = Supported, s390x = Suported, name = "Image Volume", s390x = Pending)]
pub struct ImageVolume;

fn main() {}
