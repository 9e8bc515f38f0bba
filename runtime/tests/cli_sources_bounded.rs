//! Every source's problems at once, and bounded messages on the command
//! line (issues 18 and 19): `GateArgs::sources()` reports a bad
//! environment variable, a bad file and two bad flag entries together,
//! each naming its source; `check --config` on a hostile file, `lint
//! --version` with 10,000 digits and `explain` of a 10 MB name write a
//! short, escaped stderr; `Sources::origin` names the layer whose
//! `AllAlpha` turned a gate on.
#![cfg(feature = "cli")]

use std::path::Path;

use clap::Parser;
use featuregate::cli::{App, GateArgs};
use featuregate::{GateConfig, Sources, feature_gate, registry};

mod support;

use support::child::in_child;
use support::cli::{run_app, write};

/// Draws with a virtio GPU.
#[feature_gate(state = Alpha)]
struct VirtioGpu;

/// Takes VM snapshots.
#[feature_gate(state = Beta)]
struct Snapshot;

#[derive(Debug, Parser)]
struct Program {
    #[command(flatten)]
    gates: GateArgs,
}

const VAR: &str = "FEATUREGATE_TEST_SOURCES_BOUNDED";

#[test]
fn every_source_reports_its_problems_together() {
    if !in_child(
        "every_source_reports_its_problems_together",
        &[(VAR, "VirtioGpu=maybe")],
    ) {
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let file = write(dir.path(), "gates.yaml", "featureGate: [Snapshot]\n");
    let good = write(dir.path(), "good", "Snapshot=true\n");
    let program = Program::try_parse_from([
        "vmm",
        "--feature-gates-file",
        &good,
        "--feature-gates-file",
        &file,
        "--feature-gates",
        "Snapshot=yes,VirtioGpu",
    ])
    .unwrap();
    let err = program.gates.with_env(VAR).sources().unwrap_err();
    let sources: Vec<&Path> = err.problems().map(featuregate::SourceError::path).collect();
    let env = format!("env {VAR}");
    assert_eq!(
        sources,
        [
            Path::new(&file),
            Path::new(&env),
            Path::new("--feature-gates"),
            Path::new("--feature-gates"),
        ]
    );
    let shown = err.to_string();
    let lines: Vec<&str> = shown.lines().collect();
    assert_eq!(lines.len(), 4, "{shown}");
    assert!(
        lines[0].contains(&file) && lines[0].contains("featureGates"),
        "{shown}"
    );
    assert!(
        lines[1].contains(&env) && lines[1].contains("maybe"),
        "{shown}"
    );
    assert!(
        lines[2].contains("--feature-gates") && lines[2].contains("entry 1"),
        "{shown}"
    );
    assert!(
        lines[3].contains("--feature-gates") && lines[3].contains("entry 2"),
        "{shown}"
    );

    // The mounted CLI's `check` says the same, one `error:` line each.
    let app = App::new(registry()).with_env(VAR);
    let (code, out, stderr) = run_app(
        &app,
        &[
            "check",
            "--config",
            &file,
            "--feature-gates",
            "Snapshot=yes,VirtioGpu",
        ],
    );
    assert_eq!((code, out.as_str()), (1, ""));
    assert_eq!(stderr.lines().count(), 4, "{stderr}");
    assert!(stderr.lines().all(|l| l.starts_with("error: ")), "{stderr}");
}

#[test]
fn parse_lists_every_bad_entry_then_a_count() {
    let err = GateConfig::parse("A=yes,B=true,C,D=maybe").unwrap_err();
    assert_eq!((err.position(), err.entry()), (1, "A=yes"));
    let positions: Vec<usize> = err
        .problems()
        .map(featuregate::ParseError::position)
        .collect();
    assert_eq!(positions, [1, 3, 4]);
    let many = (0..250)
        .map(|i| format!("G{i}=bad"))
        .collect::<Vec<_>>()
        .join(",");
    let err = GateConfig::parse(&many).unwrap_err();
    assert_eq!(err.problems().len(), 100);
    assert_eq!(err.omitted(), 150);
    let shown = err.to_string();
    assert_eq!(shown.lines().count(), 101);
    assert!(shown.ends_with("150 more bad entries"), "{shown}");
    // A single bad entry is still that entry's variant.
    assert!(matches!(
        GateConfig::parse("A=true,B").unwrap_err(),
        featuregate::ParseError::MissingValue { position: 2, .. }
    ));
}

#[test]
fn a_hostile_file_gives_a_short_stderr() {
    let dir = tempfile::tempdir().unwrap();
    // 900,154 bytes on stderr before.
    let text = format!(
        "{{\"featureGates\": \"\\u001b[31m{}\"}}",
        "A".repeat(900_000)
    );
    let path = write(dir.path(), "gates.json", &text);
    let (code, _, err) = run_app(&App::new(registry()), &["check", "--config", &path]);
    assert_eq!(code, 1);
    assert!(err.len() < 1024, "{} bytes", err.len());
    assert!(!err.contains('\u{1b}'), "{err:?}");
}

#[test]
fn clap_quotes_a_long_value_cut() {
    // 10,208 bytes before: clap echoed every digit.
    let digits = "1".repeat(10_000);
    let (code, _, err) = run_app(&App::new(registry()), &["lint", "--version", &digits]);
    assert_eq!(code, 2);
    assert!(err.len() < 1024, "{} bytes: {err}", err.len());
    assert!(err.contains("(10000 bytes)"), "{err}");
    let (code, _, err) = run_app(
        &App::new(registry()),
        &["check", "--arch", "\u{1b}[31mamd64\u{202e}"],
    );
    assert_eq!(code, 2);
    assert!(
        !err.contains('\u{1b}') && !err.contains('\u{202e}'),
        "{err:?}"
    );
}

#[test]
fn a_ten_megabyte_name_is_answered_at_once() {
    let name = "VirtioGpu".repeat(1_200_000);
    let (code, _, err) = run_app(&App::new(registry()), &["explain", &name]);
    assert_eq!(code, 1);
    assert!(err.len() < 1024, "{} bytes", err.len());
}

#[test]
fn origin_names_the_layer_of_all_alpha() {
    let sources = Sources::new()
        .with(
            "file gates.yaml",
            GateConfig::parse("Snapshot=false").unwrap(),
        )
        .with(
            format!("env {VAR}"),
            GateConfig::parse("AllAlpha=true,AllBeta=true").unwrap(),
        );
    let env = format!("env {VAR}");
    assert_eq!(sources.origin("VirtioGpu"), Some(env.as_str()));
    // The gate's own name wins over AllBeta.
    assert_eq!(sources.origin("Snapshot"), Some("file gates.yaml"));
    assert_eq!(
        sources.origin_named_in(registry(), "VirtioGpu"),
        Some((env.as_str(), "AllAlpha"))
    );
    assert_eq!(sources.origin("NoSuchGate"), None);
}
