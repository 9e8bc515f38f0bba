//! Reserved in any case, also as the type's identifier.
use featuregate::feature_gate;

#[feature_gate(state = Beta)]
pub struct ALLBETA;

#[feature_gate(state = Beta, name = "allalpha")]
pub struct Lower;

fn main() {}
