//! A requirement that is a type but no gate.
use featuregate::feature_gate;

pub struct Iommufd;

#[feature_gate(state = Alpha, requires = [Iommufd, std::string::String])]
pub struct GraceIoVirtualization;

fn main() {}
