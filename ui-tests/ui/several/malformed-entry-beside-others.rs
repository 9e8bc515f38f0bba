use featuregate::feature_gate;

// A malformed entry is reported without hiding the mistakes around it.
#[feature_gate(state = Beta, amd64 = , arm64 = Suported)]
pub struct ImageVolume;

fn main() {}
