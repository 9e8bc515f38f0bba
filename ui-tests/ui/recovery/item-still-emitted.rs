//! One typo in the attribute gives one error: the marker type still exists and
//! still implements `FeatureGate`, so its uses below add no errors of their own.
use featuregate::{FeatureGate, feature_gate};

#[feature_gate(state = Bta, amd64 = Supported)]
pub struct ImageVolume;

fn main() {
    let _marker = ImageVolume;
    let _on = ImageVolume::is_enabled();
    let _name = ImageVolume::GATE.name();
}
