//! Storage's gates. Nothing in the test binary names these types.

use featuregate::feature_gate;

/// Lets a VM use a container image as a volume.
#[feature_gate(state = Beta, owner = "sig-storage", amd64 = Supported, arm64 = Unverified, s390x = Unverified)]
pub struct ImageVolume;

/// Hot-plugs volumes into a running VM.
#[feature_gate(name = "HotplugVolumes", state = Deprecated, arm64 = Pending("relies on CDI"))]
pub struct HotplugVolumes;
