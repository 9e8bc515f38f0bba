use featuregate::feature_gate;

#[feature_gate(state = Beta)]
pub struct ImageVolume<T>(core::marker::PhantomData<T>);

fn main() {}
