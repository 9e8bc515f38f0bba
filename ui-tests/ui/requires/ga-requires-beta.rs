//! A GA gate may require only GA gates.
use featuregate::feature_gate;

#[feature_gate(state = Beta)]
pub struct LibvirtHooksServerAndClient;

#[feature_gate(name = "VGPULiveMigration", state = GA, requires = LibvirtHooksServerAndClient)]
pub struct VgpuLiveMigration;

fn main() {}
