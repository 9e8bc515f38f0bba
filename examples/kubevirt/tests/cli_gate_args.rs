//! The catalogue behind `featuregate::cli`: `check --help` lists every one
//! of KubeVirt's 85 gates with its state and default, as the data has them,
//! and `check --config` / `explain` read the sample CR.

use featuregate::{Arch, registry};

// The runtime's own tests run the command line into buffers the same way
// (this test uses part of that file).
#[allow(dead_code)]
#[path = "../../../runtime/tests/support/cli.rs"]
mod cli;
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

/// `gates ARGS...` over the catalogue: the exit code, stdout and stderr.
fn run(args: &[&str]) -> (u8, String, String) {
    cli::run_over(registry(), args)
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

const CR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/kubevirt-cr.yaml");

#[test]
fn check_reads_the_sample_cr() {
    let (code, out, err) = run(&["check", "--config", CR, "--arch", "amd64"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let enabled: Vec<&str> = out
        .lines()
        .filter(|l| !l.starts_with("warning: "))
        .collect();
    // The CR's featureGates are on, its disabledFeatureGates off.
    for name in ["Sidecar", "HostDevices", "VSOCK", "DownwardMetrics"] {
        assert!(enabled.contains(&name), "{name}: {out}");
    }
    for name in ["ImageVolume", "DecentralizedLiveMigration"] {
        assert!(!enabled.contains(&name), "{name}: {out}");
    }
    // Exactly the CR over the defaults: the same as the flag form.
    let flag = run(&[
        "check",
        "--feature-gates",
        "Sidecar=true,HostDevices=true,VSOCK=true,DownwardMetrics=true,\
         ImageVolume=false,DecentralizedLiveMigration=false",
        "--arch",
        "amd64",
    ]);
    assert_eq!(out, flag.1);

    // On arm64 the CR's Unverified gates warn, on stderr (SPEC 13 amended).
    let (code, out, err) = run(&["check", "--config", CR, "--arch", "arm64"]);
    assert_eq!(code, 0);
    assert!(
        err.lines()
            .any(|l| l.starts_with("warning: ") && l.contains("DownwardMetrics")),
        "{err}"
    );
    assert!(!out.contains("warning"), "{out}");
}

#[test]
fn explain_names_the_cr_as_the_source() {
    let (code, out, err) = run(&["explain", "Sidecar", "--config", CR]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        format!("feature gate Sidecar is on: the configuration enables it\nsource: file {CR}\n")
    );
    let (_, out, _) = run(&["explain", "ImageVolume", "--config", CR]);
    assert_eq!(
        out,
        format!(
            "feature gate ImageVolume is off: the configuration disables it\nsource: file {CR}\n"
        )
    );
    let (_, out, _) = run(&[
        "explain",
        "ImageVolume",
        "--config",
        CR,
        "--feature-gates",
        "ImageVolume=true",
    ]);
    assert!(out.ends_with("source: --feature-gates\n"), "{out}");
}

/// The program itself, as the README shows it: YAML read, exit codes kept.
#[test]
fn the_binary_reads_the_cr() {
    let binary = env!("CARGO_BIN_EXE_kubevirt-gates");
    let output = std::process::Command::new(binary)
        .args(["explain", "VSOCK", "--config", CR, "--format", "json"])
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let json: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(json["enabled"], true);
    assert_eq!(json["source"], format!("file {CR}"));
    let output = std::process::Command::new(binary)
        .args(["explain", "VSOCKK"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert_eq!(
        String::from_utf8_lossy(&output.stderr),
        "unknown feature gate VSOCKK; did you mean VSOCK?\n"
    );
}

#[test]
fn lint_over_the_catalogue_fails_with_its_findings() {
    let version: featuregate::Version = "v1.9.0".parse().unwrap();
    let findings = registry().lint(version, &featuregate::LifecyclePolicy::default());
    assert!(!findings.is_empty());
    let (code, out, err) = run(&["lint", "--version", "v1.9.0"]);
    assert_eq!((code, err.as_str()), (1, ""));
    let lines: Vec<String> = findings.iter().map(ToString::to_string).collect();
    assert_eq!(out.lines().collect::<Vec<_>>(), lines);
    assert!(
        out.contains(
            "feature gate ObjectGraph has been Alpha since v1.6.0 (3 releases; the policy \
             allows 2 releases): graduate or remove it\n"
        ),
        "{out}"
    );
    // A laxer policy passes.
    let (code, out, _) = run(&[
        "lint",
        "--version",
        "v1.9.0",
        "--alpha-releases",
        "9",
        "--beta-releases",
        "9",
        "--deprecated-releases",
        "9",
    ]);
    assert_eq!((code, out.as_str()), (0, ""));
}

#[test]
fn the_catalogue_at_an_earlier_release() {
    let v16: featuregate::Version = "v1.6.0".parse().unwrap();
    let (code, out, _) = run(&["list", "--at", "v1.6.0", "--format", "csv"]);
    assert_eq!(code, 0);
    let rows: Vec<&str> = out.lines().skip(1).collect();
    let introduced = registry()
        .iter()
        .filter(|g| g.state_at(v16).is_some())
        .count();
    assert_eq!(rows.len(), introduced);
    assert!(introduced < 85, "some gates arrived after v1.6.0");
    assert!(rows.contains(&"PanicDevices,Alpha,,,,,"), "{out}");
    let (_, now, _) = run(&["show", "PanicDevices"]);
    assert!(
        now.contains("history     Alpha v1.6.0, Beta v1.7.0, GA v1.9.0\n"),
        "{now}"
    );

    let (code, _, err) = run(&["check", "--config", CR, "--at", "v1.5.0", "--arch", "amd64"]);
    assert_eq!(code, 0);
    assert!(
        err.contains(
            "warning: feature gate ImageVolume does not exist in v1.5.0; it is Alpha from v1.6.0\n"
        ),
        "{err}"
    );
    let (_, out, _) = run(&["explain", "PanicDevices", "--at", "v1.7.0"]);
    assert_eq!(
        out,
        "feature gate PanicDevices is on: the configuration does not name it, and Beta gates \
         are on by default\nsource: none names it\n"
    );
}
