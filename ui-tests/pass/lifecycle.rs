//! Stage keys give the state (or agree with it), may skip stages, and take
//! the `v` or leave it out.
use featuregate::{FeatureGate, State, Version, feature_gate};

#[feature_gate(alpha = "v1.6.0", beta = "v1.7.0", ga = "v1.9.0")]
pub struct PanicDevices;

#[feature_gate(state = Deprecated, alpha = "0.36", deprecated = "v1.9.0")]
pub struct HotplugVolumes;

#[feature_gate(beta = "v1.8")]
pub struct PodSecondaryInterfaceNamingUpgrade;

#[feature_gate(state = Beta, since = "v1.8.0")]
pub struct SinceOnly;

#[feature_gate(state = Beta, since = "the 2024 release")]
pub struct SinceAsText;

fn main() {
    assert_eq!(PanicDevices::GATE.state(), State::Ga);
    assert_eq!(PanicDevices::GATE.since(), Some("v1.9.0"));
    assert_eq!(HotplugVolumes::GATE.history().count(), 2);
    assert_eq!(HotplugVolumes::GATE.state_at(Version::new(1, 0, 0)), Some(State::Alpha));
    assert_eq!(PodSecondaryInterfaceNamingUpgrade::GATE.since(), Some("v1.8"));
    assert_eq!(SinceOnly::GATE.history().collect::<Vec<_>>(), [(State::Beta, Version::new(1, 8, 0))]);
    assert_eq!(SinceAsText::GATE.history().count(), 0);
    assert_eq!(SinceAsText::GATE.state_at(Version::new(0, 1, 0)), Some(State::Beta));
}
