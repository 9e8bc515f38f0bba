//! A requirement that is no gate, in a declaration with another mistake:
//! both reported, each at its own token.
use featuregate::feature_gate;

#[feature_gate(name = "IOMMUFD", state = Alpha)]
pub struct Iommufd;

pub struct NotAGate;

#[feature_gate(state = Bta, requires = [Iommufd, NotAGate])]
pub struct GraceIoVirtualization;

fn main() {}
