use featuregate::feature_gate;

pub struct VmSpec;

fn uses_image_volume(_spec: &VmSpec, _strict: bool) -> bool {
    true
}

#[feature_gate(state = Beta, used_by = uses_image_volume)]
pub struct ImageVolume;

fn main() {}
