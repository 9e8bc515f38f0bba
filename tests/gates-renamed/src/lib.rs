//! Gates of a crate that knows the runtime as `gatekit` (a renamed dependency,
//! as a framework re-exporting `featuregate` would be).

/// Runs VMs of another architecture under emulation.
#[gatekit::feature_gate(state = Alpha, crate = ::gatekit, amd64 = Supported, arm64 = Supported)]
pub struct CrossArchitectureVirtualization;
