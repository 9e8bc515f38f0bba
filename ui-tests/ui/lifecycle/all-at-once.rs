//! Every mistake of the stage keys in one attribute, each at its own token.
//! While a stage key does not read, which stage is the last is not known, so
//! `state` is judged only in the second declaration.
use featuregate::feature_gate;

#[feature_gate(state = Alpha, since = "v1.0", alpha = "v1.6.0", beta = "v1.5.0", ga = "v1.9.0", deprecated = "soon")]
pub struct PanicDevices;


#[feature_gate(state = Alpha, since = "v1.0", alpha = "v1.6.0", beta = "v1.5.0", ga = "v1.9.0")]
pub struct SecureExecution;

fn main() {}
