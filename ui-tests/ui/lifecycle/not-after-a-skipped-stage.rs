//! The order holds across skipped stages: GA after Alpha.
use featuregate::feature_gate;

#[feature_gate(alpha = "v1.9.0", ga = "v1.8.0", deprecated = "v2.0.0")]
pub struct ExpandDisks;

fn main() {}
