//! The catalogue behind `featuregate::cli`: `check --help` lists every one
//! of KubeVirt's 85 gates with its state and default, as the data has them,
//! and `check --config` / `explain` read the sample CR.

use featuregate::{Arch, cli, registry};
// The gates register themselves when the library is linked.
use kubevirt_gates as _;

const DATA: &str = include_str!("../data/kubevirt-feature-gates.tsv");

/// `(name, state)` of each gate of the data.
fn data_gates() -> Vec<(&'static str, &'static str)> {
    DATA.lines()
        .skip(1)
        .filter(|line| !line.trim().is_empty())
        .map(|line| {
            let mut columns = line.split('\t');
            (columns.next().unwrap(), columns.next().unwrap())
        })
        .collect()
}

fn run(args: &[&str]) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = cli::run(
        registry(),
        std::iter::once("kubevirt-gates").chain(args.iter().copied()),
        &mut out,
        &mut err,
    )
    .code();
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

#[test]
fn feature_gates_help_lists_all_85_gates() {
    let (code, help, err) = run(&["check", "--help"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let gates = data_gates();
    assert_eq!(gates.len(), 85);
    let listed: Vec<&str> = help
        .lines()
        .filter(|line| line.contains("=true|false ("))
        .collect();
    // AllAlpha and AllBeta head the list.
    assert_eq!(listed.len(), 85 + 2, "{help}");
    for (name, state) in gates {
        let default = matches!(state, "Beta" | "GA");
        let expected = format!("{name}=true|false ({state} - default={default}");
        let line = listed
            .iter()
            .find(|line| line.trim_start().starts_with(&format!("{name}=")))
            .unwrap_or_else(|| panic!("{name} is not listed"));
        assert!(
            line.trim_start().starts_with(&expected),
            "{line} vs {expected}"
        );
        if let Some(arch) = Arch::current() {
            let status = registry().get(name).unwrap().status(arch);
            assert!(line.ends_with(&format!("; {arch}: {status})")), "{line}");
        }
    }
}
