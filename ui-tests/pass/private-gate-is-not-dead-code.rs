//! A private gate the program only names in configurations is not dead code:
//! its registration uses it.
#![deny(dead_code)]

use featuregate::feature_gate;

#[feature_gate(state = Alpha)]
struct OnlyNamedInConfigurations;

fn main() {}
