//! `explain NAME`: the decision on one gate under the same inputs as
//! `check`, and the source that named it.

#![cfg(feature = "cli")]

use featuregate::cli::App;
use featuregate::{feature_gate, registry};

mod support;

use support::cli::write;

/// Lets a VM use a container image as a volume.
#[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified)]
struct ImageVolume;

/// Runs sidecars.
#[feature_gate(state = Alpha, amd64 = Supported, arm64 = Unsupported)]
struct Sidecar;

/// Takes snapshots.
#[feature_gate(state = GA)]
struct Snapshot;

fn run(args: &[&str]) -> (u8, String, String) {
    support::cli::run_over(registry(), args)
}

#[test]
fn explain_names_the_decision_and_the_source() {
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "gates", "Sidecar=true\nImageVolume=false\n");
    let (code, out, err) = run(&["explain", "Sidecar", "--config", &file, "--arch", "amd64"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        out,
        format!("feature gate Sidecar is on: the configuration enables it\nsource: file {file}\n")
    );

    // The flag wins over the file, and is named as the source.
    let (_, out, _) = run(&[
        "explain",
        "ImageVolume",
        "--feature-gates-file",
        &file,
        "--feature-gates",
        "ImageVolume=true",
        "--arch",
        "amd64",
    ]);
    assert_eq!(
        out,
        "feature gate ImageVolume is on: the configuration enables it\nsource: --feature-gates\n"
    );

    // A gate no source names: its default.
    let (_, out, _) = run(&["explain", "ImageVolume", "--arch", "amd64"]);
    assert!(out.starts_with("feature gate ImageVolume is on"), "{out}");
    assert!(out.ends_with("source: none names it\n"), "{out}");
    let (_, out, _) = run(&["explain", "Snapshot", "--feature-gates", "Snapshot=false"]);
    assert!(out.starts_with("feature gate Snapshot is on"), "GA: {out}");
    assert!(out.ends_with("source: --feature-gates\n"), "{out}");

    // AllAlpha: the source of that name.
    let (_, out, _) = run(&[
        "explain",
        "Sidecar",
        "--config",
        &file,
        "--feature-gates",
        "AllAlpha=false",
        "--arch",
        "amd64",
    ]);
    assert_eq!(
        out.lines().last(),
        Some(format!("source: file {file}").as_str()),
        "the gate's own name wins over AllAlpha: {out}"
    );
    let (_, out, _) = run(&[
        "explain",
        "Sidecar",
        "--feature-gates",
        "AllAlpha=true",
        "--arch",
        "amd64",
    ]);
    assert!(out.contains("AllAlpha"), "{out}");
    assert!(
        out.ends_with("source: --feature-gates (names AllAlpha)\n"),
        "{out}"
    );

    // The architecture policy.
    let (_, out, _) = run(&[
        "explain",
        "Sidecar",
        "--config",
        &file,
        "--arch",
        "arm64",
        "--disable",
        "unsupported",
    ]);
    assert!(out.starts_with("feature gate Sidecar is off: "), "{out}");
    assert!(out.contains("arm64"), "{out}");
}

#[test]
fn explain_as_json() {
    let (code, out, _) = run(&[
        "explain",
        "Sidecar",
        "--feature-gates",
        "Sidecar=true",
        "--arch",
        "amd64",
        "--format",
        "json",
    ]);
    assert_eq!(code, 0);
    assert_eq!(
        out,
        "{\n  \"name\": \"Sidecar\",\n  \"enabled\": true,\n  \"explanation\": \
         \"feature gate Sidecar is on: the configuration enables it\",\n  \
         \"source\": \"--feature-gates\"\n}\n"
    );
    let (_, out, _) = run(&["explain", "Sidecar", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["source"], serde_json::Value::Null);
    assert_eq!(json["enabled"], false);
}

#[test]
fn explain_fails_like_show_and_check() {
    let (code, out, err) = run(&["explain", "Sidecr"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(err, "unknown feature gate Sidecr; did you mean Sidecar?\n");
    let (_, _, shown) = run(&["show", "Sidecr"]);
    assert_eq!(err, shown, "the show message");

    let (code, out, err) = run(&["explain", "Sidecar", "--feature-gates", "Sidecar=perhaps"]);
    assert_eq!((code, out.as_str()), (1, ""));
    assert!(
        err.starts_with("error: invalid feature gate list in --feature-gates: "),
        "{err}"
    );

    let (code, _, err) = run(&[
        "explain",
        "Sidecar",
        "--feature-gates",
        "Sidecar=true",
        "--arch",
        "arm64",
        "--deny",
        "unsupported",
    ]);
    assert_eq!(code, 1);
    assert!(err.starts_with("error: ") && err.contains("arm64"), "{err}");
    assert_eq!(run(&["explain"]).0, 2, "NAME is required");
    assert_eq!(run(&["explain", "Sidecar", "--format", "csv"]).0, 2);
}

#[test]
fn explain_reads_the_programs_environment_variable() {
    const VAR: &str = "FEATUREGATE_TEST_EXPLAIN_ENV";
    if std::env::var_os("FEATUREGATE_TEST_EXPLAIN_CHILD").is_none() {
        let output = std::process::Command::new(std::env::current_exe().unwrap())
            .args(["explain_reads_the_programs_environment_variable", "--exact"])
            .env("FEATUREGATE_TEST_EXPLAIN_CHILD", "1")
            .env(VAR, "Sidecar=true")
            .output()
            .unwrap();
        let stdout = String::from_utf8_lossy(&output.stdout);
        assert!(
            output.status.success() && stdout.contains("1 passed"),
            "{stdout}{}",
            String::from_utf8_lossy(&output.stderr)
        );
        return;
    }
    let app = App::new(registry()).with_env(VAR);
    let (_, out, _) = support::cli::run_app(&app, &["explain", "Sidecar", "--arch", "amd64"]);
    assert_eq!(
        out,
        format!("feature gate Sidecar is on: the configuration enables it\nsource: env {VAR}\n")
    );
    // Not named by the program: not read.
    let (_, out, _) = run(&["explain", "Sidecar", "--arch", "amd64"]);
    assert!(out.ends_with("source: none names it\n"), "{out}");
}
