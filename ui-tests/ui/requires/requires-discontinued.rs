//! Only a Discontinued gate may require a Discontinued one.
use featuregate::feature_gate;

#[feature_gate(state = Discontinued)]
pub struct ExperimentalVirtiofsSupport;

#[feature_gate(state = Deprecated, requires = ExperimentalVirtiofsSupport)]
pub struct EnableVirtioFsConfigVolumes;

fn main() {}
