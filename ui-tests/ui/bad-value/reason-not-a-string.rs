use featuregate::feature_gate;

#[feature_gate(state = Beta, arm64 = Pending(needs_cdi))]
pub struct ExpandDisks;

fn main() {}
