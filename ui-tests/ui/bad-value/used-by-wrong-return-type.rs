//! A `used_by` function returning something else than `bool`: the error is
//! at the path, with no note into the library's files.
use featuregate::feature_gate;

pub struct VmSpec;

fn uses_image_volume(_spec: &VmSpec) -> Option<bool> {
    Some(true)
}

#[feature_gate(state = Beta, used_by = uses_image_volume)]
pub struct ImageVolume;

fn main() {}
