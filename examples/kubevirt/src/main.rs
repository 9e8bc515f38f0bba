//! `kubevirt-gates`: KubeVirt's feature gates and the featuregate command line.

// The catalogue registers its gates when the library is linked.
use kubevirt_gates as _;

fn main() {
    for gate in featuregate::registry().iter() {
        println!("{} {}", gate.name(), gate.state());
    }
}
