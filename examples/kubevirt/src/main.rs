//! `kubevirt-gates`: KubeVirt's feature gates behind featuregate's command
//! line (`list`, `show`, `matrix`, `coverage`, `parity`, `check`, `explain`,
//! `graph`). `check --config kubevirt-cr.yaml` and `explain` read a KubeVirt
//! CR in YAML.

// The catalogue registers its gates when the library is linked.
use kubevirt_gates as _;

fn main() -> featuregate::cli::Exit {
    featuregate::cli::main()
}
