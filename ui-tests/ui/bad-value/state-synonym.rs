use featuregate::feature_gate;

#[feature_gate(state = Stable)]
pub struct LiveMigration;

fn main() {}
