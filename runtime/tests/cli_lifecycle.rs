//! Lifecycle in the CLI: `lint` (exit 1 on findings), `--at VERSION` on
//! `list`, `matrix` and `coverage`, the history in `show` and the JSON
//! matrix.

#![cfg(feature = "cli")]

use featuregate::{Version, feature_gate, registry};

mod support;

use support::cli::names;

/// Object graph.
#[feature_gate(alpha = "v1.6.0", amd64 = Supported)]
struct ObjectGraph;

/// Image volumes.
#[feature_gate(alpha = "v1.6.0", beta = "v1.7.0", amd64 = Supported, arm64 = Unverified)]
struct ImageVolume;

/// Panic devices.
#[feature_gate(alpha = "v1.6.0", beta = "v1.7.0", ga = "v1.9.0", arm64 = Supported)]
struct PanicDevices;

/// Multi-architecture.
#[feature_gate(alpha = "v1.0.0", deprecated = "v1.8.0")]
struct MultiArchitecture;

/// No recorded history.
#[feature_gate(state = Beta, arm64 = Pending)]
struct NoHistory;

fn run(args: &[&str]) -> (u8, String, String) {
    support::cli::run_over(registry(), args)
}

#[test]
fn lint_fails_on_findings() {
    let (code, out, err) = run(&["lint", "--version", "v1.8.0"]);
    assert_eq!(
        (code, out.as_str(), err.as_str()),
        (0, "", ""),
        "nothing overstayed yet"
    );

    let (code, out, _) = run(&["lint", "--version", "1.9"]);
    assert_eq!(code, 1);
    // Deprecated for one release is within the default limit.
    assert_eq!(
        out,
        "feature gate ObjectGraph has been Alpha since v1.6.0 (3 releases; the policy allows \
         2 releases): graduate or remove it\n"
    );

    let (code, out, _) = run(&[
        "lint",
        "--version",
        "v1.9.0",
        "--deprecated-releases",
        "0",
        "--alpha-releases",
        "3",
    ]);
    assert_eq!(code, 1);
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(lines.len(), 1, "{out}");
    assert!(lines[0].starts_with("feature gate MultiArchitecture has been Deprecated"));
    assert!(lines[0].ends_with("discontinue it"), "{out}");

    // A later major release is past any limit.
    let (code, out, _) = run(&["lint", "--version", "v2.0", "--format", "json"]);
    assert_eq!(code, 1);
    let findings: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let gates: Vec<&str> = findings
        .iter()
        .map(|f| f["gate"].as_str().unwrap())
        .collect();
    assert_eq!(gates, ["ImageVolume", "MultiArchitecture", "ObjectGraph"]);
    assert_eq!(findings[0]["state"], "Beta");
    assert_eq!(findings[0]["since"], "v1.7.0");

    let (code, out, _) = run(&["lint", "--version", "v1.7", "--format", "json"]);
    assert_eq!((code, out.as_str()), (0, "[]\n"));
}

#[test]
fn lint_usage_errors_exit_2() {
    for args in [
        &["lint"][..],
        &["lint", "--version", "one.nine"],
        &["lint", "--version", "v1.9", "--alpha-releases", "-1"],
        &["lint", "--version", "v1.9", "--format", "csv"],
    ] {
        let (code, out, err) = run(args);
        assert_eq!((code, out.as_str()), (2, ""), "{args:?}");
        assert!(err.starts_with("error: "), "{args:?}: {err}");
    }
}

#[test]
fn at_a_release_states_then_and_new_gates_left_out() {
    let (code, out, _) = run(&["list", "--at", "v1.6.5"]);
    assert_eq!(code, 0);
    assert_eq!(
        names(&out),
        [
            "ImageVolume",
            "MultiArchitecture",
            "NoHistory",
            "ObjectGraph",
            "PanicDevices"
        ]
    );
    let (_, csv, _) = run(&[
        "matrix", "--at", "v1.7", "--format", "csv", "--arch", "amd64",
    ]);
    assert!(csv.contains("ImageVolume,Beta,Supported\n"), "{csv}");
    assert!(csv.contains("PanicDevices,Beta,\n"), "{csv}");
    assert!(csv.contains("MultiArchitecture,Alpha,\n"), "{csv}");
    assert!(
        csv.contains("NoHistory,Beta,\n"),
        "no history: its state at every version"
    );

    // Before v1.6 only the gates introduced earlier (or with no history).
    let (_, out, _) = run(&["list", "--at", "1.5.0"]);
    assert_eq!(names(&out), ["MultiArchitecture", "NoHistory"]);
    let (_, out, _) = run(&["list", "--at", "0.9"]);
    assert_eq!(names(&out), ["NoHistory"]);

    // --state filters by the state then.
    let (_, out, _) = run(&["list", "--at", "v1.8", "--state", "beta"]);
    assert_eq!(names(&out), ["ImageVolume", "NoHistory", "PanicDevices"]);
    let (_, out, _) = run(&["list", "--state", "beta"]);
    assert_eq!(names(&out), ["ImageVolume", "NoHistory"]);

    let (_, out, _) = run(&[
        "coverage", "--at", "v1.5", "--format", "json", "--arch", "arm64",
    ]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(rows[0]["total"], 2);
    assert_eq!(rows[0]["pending"], 1);
    assert_eq!(registry().coverage_at(Version::new(1, 5, 0)).total(), 2);
    let (_, out, _) = run(&["coverage", "--format", "json", "--arch", "arm64"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    assert_eq!(rows[0]["total"], 5);

    for args in [
        &["list", "--at", "v1"][..],
        &["matrix", "--at", "x"],
        &["coverage", "--at", ""],
    ] {
        assert_eq!(run(args).0, 2, "{args:?}");
    }
}

#[test]
fn show_and_the_json_matrix_carry_the_history() {
    let (_, out, _) = run(&["show", "PanicDevices"]);
    let history = out.lines().find(|l| l.starts_with("history")).unwrap();
    assert_eq!(history, "history     Alpha v1.6.0, Beta v1.7.0, GA v1.9.0");
    let (_, out, _) = run(&["show", "NoHistory"]);
    assert!(out.lines().any(|l| l == "history     -"), "{out}");

    let (_, out, _) = run(&["show", "ImageVolume", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["history"],
        serde_json::json!([
            {"state": "Alpha", "version": "v1.6.0"},
            {"state": "Beta", "version": "v1.7.0"}
        ])
    );

    let (_, out, _) = run(&["matrix", "--format", "json"]);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let row = |name: &str| rows.iter().find(|r| r["name"] == name).unwrap().clone();
    assert_eq!(
        row("MultiArchitecture")["history"],
        serde_json::json!([
            {"state": "Alpha", "version": "v1.0.0"},
            {"state": "Deprecated", "version": "v1.8.0"}
        ])
    );
    assert_eq!(row("NoHistory")["history"], serde_json::json!([]));
    assert!(!run(&["matrix", "--format", "csv"]).1.contains("history"));
}

#[test]
fn check_and_explain_at_a_release() {
    let (code, out, err) = run(&["check", "--arch", "amd64"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(out, "ImageVolume\nNoHistory\nPanicDevices\n");
    // In v1.6 ImageVolume and PanicDevices were Alpha: off by default.
    let (code, out, _) = run(&["check", "--arch", "amd64", "--at", "v1.6"]);
    assert_eq!(code, 0);
    assert_eq!(out, "NoHistory\n");
    let (_, same, _) = run(&["check", "--arch", "amd64", "--emulated-version", "1.6.0"]);
    assert_eq!(same, out);

    // A gate the configuration names before it existed: off, with a warning.
    let (code, out, err) = run(&[
        "check",
        "--arch",
        "amd64",
        "--at",
        "v1.5",
        "--feature-gates",
        "ImageVolume=true",
    ]);
    assert_eq!(code, 0);
    assert_eq!(out, "NoHistory\n");
    assert_eq!(
        err,
        "warning: feature gate ImageVolume does not exist in v1.5.0; it is Alpha from v1.6.0\n"
    );

    let (code, out, _) = run(&["explain", "PanicDevices", "--at", "v1.8"]);
    assert_eq!(code, 0);
    assert!(out.starts_with("feature gate PanicDevices is on"), "{out}");
    assert!(out.contains("Beta"), "its state then: {out}");
    let (_, out, _) = run(&["explain", "ObjectGraph", "--at", "v1.5"]);
    assert!(out.starts_with("feature gate ObjectGraph is off"), "{out}");
    assert!(out.contains("v1.6.0"), "when it arrives: {out}");

    assert_eq!(run(&["check", "--at", "soon"]).0, 2);
    let (_, help, _) = run(&["check", "--help"]);
    assert!(
        help.contains("--emulated-version") && help.contains("--at"),
        "{help}"
    );
}

#[test]
fn lint_reports_gates_without_history_when_asked() {
    // Without the flag, a gate with no history is passed over in silence.
    let (code, out, _) = run(&["lint", "--version", "v1.8.0"]);
    assert_eq!((code, out.as_str()), (0, ""));

    let (code, out, err) = run(&["lint", "--version", "v1.8.0", "--require-history"]);
    assert_eq!((code, err.as_str()), (1, ""));
    assert_eq!(
        out,
        "feature gate NoHistory (Beta) has no recorded history: declare the release it entered \
         its stage (beta = \"vX.Y.Z\")\n"
    );

    // With overstays, they come first; JSON keeps one array, same keys.
    let (code, out, _) = run(&[
        "lint",
        "--version",
        "v1.9",
        "--require-history",
        "--format",
        "json",
    ]);
    assert_eq!(code, 1);
    let findings: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let seen: Vec<(&str, &str)> = findings
        .iter()
        .map(|f| (f["gate"].as_str().unwrap(), f["remedy"].as_str().unwrap()))
        .collect();
    assert_eq!(
        seen,
        [
            ("ObjectGraph", "graduate or remove"),
            ("NoHistory", "record history")
        ]
    );
    assert_eq!(findings[1]["since"], serde_json::Value::Null);
    assert_eq!(findings[1]["state"], "Beta");
}
