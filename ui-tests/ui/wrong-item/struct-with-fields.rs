use featuregate::feature_gate;

#[feature_gate(state = Beta)]
pub struct ImageVolume {
    enabled: bool,
}

fn main() {}
