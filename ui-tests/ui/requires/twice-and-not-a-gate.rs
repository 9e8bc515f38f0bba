//! A requirement named twice and one that is no gate: both reported, each
//! at its own path (the second mistake is not hidden by the first).
use featuregate::feature_gate;

#[feature_gate(name = "IOMMUFD", state = Alpha)]
pub struct Iommufd;

pub struct NotAGate;

#[feature_gate(state = Alpha, requires = [Iommufd, Iommufd, NotAGate])]
pub struct GraceIoVirtualization;

fn main() {}
