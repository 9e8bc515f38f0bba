//! A `used_by` path to something other than a function (a constant, a
//! missing name): each error at its path, with no note into the library's
//! files.
use featuregate::feature_gate;

const USES_IMAGE_VOLUME: bool = true;

#[feature_gate(state = Beta, used_by = USES_IMAGE_VOLUME)]
pub struct ImageVolume;

#[feature_gate(state = Beta, used_by = crate::spec::uses_sev)]
pub struct WorkloadEncryptionSev;

fn main() {}
