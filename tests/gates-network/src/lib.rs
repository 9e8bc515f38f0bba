//! Network's gates. Nothing in the test binary names these types.

use featuregate::feature_gate;

/// Attaches a VM to a network through passt.
#[feature_gate(name = "Passt", state = Discontinued, arm64 = Supported)]
pub struct Passt;

/// Hot-plugs network interfaces into a running VM.
#[feature_gate(name = "HotplugNICs", state = GA, arm64 = Pending("multus images lack Arm64"))]
pub struct HotplugNics;

/// Streams a container image volume to the VM over the pod network.
#[feature_gate(state = Alpha, requires = gates_storage::ImageVolume)]
pub struct ImageVolumeStreaming;
