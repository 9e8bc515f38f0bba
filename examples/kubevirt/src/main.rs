//! KubeVirt's feature gates (placeholder until the catalogue lands).

fn main() {
    for gate in featuregate::registry().iter() {
        println!("{} {}", gate.name(), gate.state());
    }
}
