//! A gate name is at most 128 bytes.
use featuregate::feature_gate;

#[feature_gate(state = Beta, name = "VirtualMachineVirtualMachineVirtualMachineVirtualMachineVirtualMachineVirtualMachineVirtualMachineVirtualMachineVirtualMachineVirtualMachine")]
pub struct Long;

fn main() {}
