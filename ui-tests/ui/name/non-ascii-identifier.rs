//! The type's identifier is the default name; a non-ASCII one needs `name`.
use featuregate::feature_gate;

#[feature_gate(state = Beta)]
pub struct Größe;

fn main() {}
