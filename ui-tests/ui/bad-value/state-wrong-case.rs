use featuregate::feature_gate;

#[feature_gate(state = ga)]
pub struct LiveMigration;

fn main() {}
