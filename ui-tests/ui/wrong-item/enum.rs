use featuregate::feature_gate;

#[feature_gate(state = Beta)]
pub enum ImageVolume {
    On,
    Off,
}

fn main() {}
