//! `featuregate::cli::GateArgs` flattened into a program's own parser: the
//! sources in order with their labels, the options, bad input naming the
//! flag or file, the `--feature-gates` help listing the gates; and the
//! mounted CLI's `check` over the same arguments.

#![cfg(feature = "cli")]

use std::path::Path;

use clap::{CommandFactory, FromArgMatches, Parser};
use featuregate::cli::{self, App, GateArgs};
use featuregate::{Action, Arch, FeatureGate, Registry, feature_gate, registry};

mod support;

use support::child::in_child;
use support::cli::write;

/// Lets a VM use a container image as a volume.
#[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified, s390x = Unsupported)]
struct ImageVolume;

/// Takes VM snapshots.
#[feature_gate(state = GA, others = Supported)]
struct Snapshot;

/// Runs sidecars.
#[feature_gate(state = Alpha, amd64 = Supported, arm64 = Pending)]
struct Sidecar;

/// Gone.
#[feature_gate(state = Discontinued)]
struct OldThing;

/// A program's own command line with the gate options flattened in.
#[derive(Debug, Parser)]
struct Program {
    /// The program's own option.
    #[arg(long)]
    listen: Option<String>,
    #[command(flatten)]
    gates: GateArgs,
}

fn parse(args: &[&str]) -> Program {
    Program::try_parse_from(std::iter::once("vmm").chain(args.iter().copied())).unwrap()
}

#[test]
fn flattened_beside_the_programs_own_options() {
    let program = parse(&["--listen", ":8080", "--feature-gates", "Sidecar=true"]);
    assert_eq!(program.listen.as_deref(), Some(":8080"));
    assert_eq!(program.gates.feature_gates, ["Sidecar=true"]);
    let sources = program.gates.sources().unwrap();
    assert_eq!(sources.origin("Sidecar"), Some("--feature-gates"));
    assert_eq!(sources.config().to_string(), "Sidecar=true");

    // Nothing given: no source at all, and the default options.
    let bare = parse(&[]);
    assert!(bare.gates.sources().unwrap().is_empty());
    assert_eq!(bare.gates.options(), featuregate::Options::default());
}

#[test]
fn files_then_env_then_flag_later_winning() {
    let dir = tempfile::tempdir().unwrap();
    let first = write(
        dir.path(),
        "first",
        "Sidecar=true\nImageVolume=false\nOldThing=true\n",
    );
    let second = write(
        dir.path(),
        "second.json",
        r#"{"featureGates": ["ImageVolume"], "disabledFeatureGates": ["Snapshot"]}"#,
    );
    let var = "FEATUREGATE_TEST_GATE_ARGS_ORDER";
    if !in_child(
        "files_then_env_then_flag_later_winning",
        &[(var, "Sidecar=false,Snapshot=true")],
    ) {
        return;
    }
    let program = parse(&[
        "--feature-gates-file",
        &first,
        "--feature-gates",
        "OldThing=false",
        "--feature-gates-file",
        &second,
        "--feature-gates",
        "Snapshot=false",
    ]);
    let gates = program.gates.with_env(var);
    assert_eq!(gates.env(), Some(var));
    let sources = gates.sources().unwrap();
    let labels: Vec<&str> = sources.iter().map(|(label, _)| label).collect();
    assert_eq!(
        labels,
        [
            format!("file {first}").as_str(),
            &format!("file {second}"),
            &format!("env {var}"),
            "--feature-gates"
        ]
    );
    assert_eq!(sources.origin("ImageVolume"), Some(labels[1]));
    assert_eq!(sources.origin("Sidecar"), Some(labels[2]));
    assert_eq!(sources.origin("Snapshot"), Some("--feature-gates"));
    assert_eq!(sources.origin("OldThing"), Some("--feature-gates"));
    assert_eq!(
        sources.config().to_string(),
        "ImageVolume=true,Sidecar=false,OldThing=false,Snapshot=false"
    );

    // An unset variable is no source.
    let unset = parse(&[])
        .gates
        .with_env("FEATUREGATE_TEST_GATE_ARGS_UNSET");
    assert!(unset.sources().unwrap().is_empty());
}

#[test]
fn bad_input_names_the_flag_the_variable_or_the_file() {
    let flag = parse(&[
        "--feature-gates",
        "Sidecar=true",
        "--feature-gates",
        "A=maybe",
    ]);
    let err = flag.gates.sources().unwrap_err();
    assert_eq!(err.path(), Path::new("--feature-gates"));
    assert!(err.to_string().contains("--feature-gates"), "{err}");
    assert!(std::error::Error::source(&err).is_some());

    let var = "FEATUREGATE_TEST_GATE_ARGS_BAD";
    if !in_child(
        "bad_input_names_the_flag_the_variable_or_the_file",
        &[(var, "A=true,B")],
    ) {
        return;
    }
    let err = parse(&[]).gates.with_env(var).sources().unwrap_err();
    assert!(err.to_string().contains(&format!("env {var}")), "{err}");

    let dir = tempfile::tempdir().unwrap();
    let bad = write(dir.path(), "gates", "Sidecar=true\nImageVolume=yes\n");
    let err = parse(&["--feature-gates-file", &bad])
        .gates
        .sources()
        .unwrap_err();
    assert_eq!((err.path(), err.line()), (Path::new(&bad), Some(2)));
    let missing = dir.path().join("missing");
    let err = parse(&["--feature-gates-file", missing.to_str().unwrap()])
        .gates
        .sources()
        .unwrap_err();
    assert!(err.is_not_found());
    assert!(err.to_string().contains("missing"), "{err}");

    for args in [
        &["--disable", "supported"][..],
        &["--deny", "Supported"],
        &["--arch", "mips"],
        &["--feature-gates"],
        &["--feature-gates-file"],
    ] {
        let err = Program::try_parse_from(std::iter::once("vmm").chain(args.iter().copied()))
            .unwrap_err();
        let rendered = err.render().to_string();
        assert!(rendered.contains(args[0]), "{args:?}: {rendered}");
    }
}

#[test]
fn options_from_arch_deny_disable_strict() {
    let program = parse(&[
        "--arch",
        "arm64,s390x",
        "--arch",
        "amd64",
        "--disable",
        "unverified,pending",
        "--deny",
        "Unsupported",
        "--disable",
        "unsupported",
        "--strict",
    ]);
    let options = program.gates.options();
    assert_eq!(options.archs, [Arch::Arm64, Arch::S390x, Arch::Amd64]);
    assert!(options.strict);
    assert_eq!(options.policy.unverified, Action::Disable);
    assert_eq!(options.policy.pending, Action::Disable);
    assert_eq!(options.policy.unsupported, Action::Deny, "deny wins");
    assert_eq!(options.policy.unspecified, Action::Allow);

    // --disable turns an enabled gate off on the target architecture.
    let disabled = parse(&[
        "--feature-gates",
        "Sidecar=true",
        "--arch",
        "arm64",
        "--disable",
        "pending",
    ]);
    let set = registry()
        .evaluate(
            &disabled.gates.sources().unwrap().config(),
            &disabled.gates.options(),
        )
        .unwrap();
    assert!(!set.is::<Sidecar>());
    let allowed = parse(&["--feature-gates", "Sidecar=true", "--arch", "arm64"]);
    let set = registry()
        .evaluate(
            &allowed.gates.sources().unwrap().config(),
            &allowed.gates.options(),
        )
        .unwrap();
    assert!(set.is::<Sidecar>());
}

/// The line of the long help that lists `name`.
fn help_line<'a>(help: &'a str, name: &str) -> &'a str {
    let prefix = format!("{name}=true|false (");
    help.lines()
        .find(|line| line.trim_start().starts_with(&prefix))
        .unwrap_or_else(|| panic!("{name} is not listed:\n{help}"))
}

#[test]
fn feature_gates_help_lists_every_gate() {
    let help = Program::command().render_long_help().to_string();
    let current = Arch::current().map(|arch| format!("; {arch}: "));
    for (name, expected) in [
        ("ImageVolume", "(Beta - default=true"),
        ("Snapshot", "(GA - default=true, always on"),
        ("Sidecar", "(Alpha - default=false"),
        ("OldThing", "(Discontinued - default=false, always off"),
    ] {
        let line = help_line(&help, name);
        assert!(line.contains(expected), "{line}");
        if let Some(current) = &current {
            assert!(line.contains(current.as_str()), "{line}");
        }
    }
    assert!(help_line(&help, "AllAlpha").contains("(Alpha - default=false)"));
    assert!(help_line(&help, "AllBeta").contains("(Beta - default=false)"));
    if Arch::current() == Some(Arch::Amd64) {
        assert!(help_line(&help, "ImageVolume").ends_with("amd64: Supported)"));
        assert!(help_line(&help, "OldThing").ends_with("amd64: unspecified)"));
    }
    // The short help stays one line.
    let short = Program::command().render_help().to_string();
    assert!(!short.contains("ImageVolume=true|false"), "{short}");
}

#[test]
fn a_private_registry_puts_its_own_list() {
    let mine = Registry::new([Snapshot::GATE]).unwrap();
    let command = Program::command().mut_arg(GateArgs::FEATURE_GATES_ID, |arg| {
        arg.long_help(GateArgs::long_help(&mine))
    });
    let help = command.clone().render_long_help().to_string();
    help_line(&help, "Snapshot");
    assert!(!help.contains("ImageVolume=true|false"), "{help}");
    let matches = command
        .try_get_matches_from(["vmm", "--feature-gates", "Snapshot=false"])
        .unwrap();
    let program = Program::from_arg_matches(&matches).unwrap();
    assert_eq!(program.gates.feature_gates, ["Snapshot=false"]);

    // The mounted CLI over a private registry lists that registry's gates.
    let out = run_over(&mine, &["check", "--help"]);
    assert_eq!(out.code, 0);
    help_line(&out.out, "Snapshot");
    assert!(!out.out.contains("Sidecar=true|false"), "{}", out.out);
}

struct Outcome {
    code: u8,
    out: String,
    err: String,
}

fn run_app(app: &App<'_>, args: &[&str]) -> Outcome {
    let (code, out, err) = support::cli::run_app(app, args);
    Outcome { code, out, err }
}

fn run_over(registry: &Registry, args: &[&str]) -> Outcome {
    run_app(&App::new(registry), args)
}

#[test]
fn check_reads_config_files_env_and_flag() {
    let dir = tempfile::tempdir().unwrap();
    let cr = write(
        dir.path(),
        "kubevirt.json",
        r#"{"apiVersion": "kubevirt.io/v1", "kind": "KubeVirt", "spec": {"configuration": {"developerConfiguration":
            {"featureGates": ["Sidecar"], "disabledFeatureGates": ["ImageVolume"]}}}}"#,
    );
    let list = write(dir.path(), "more", "ImageVolume=true\n");
    let checked = run_over(registry(), &["check", "--config", &cr, "--arch", "amd64"]);
    assert_eq!((checked.code, checked.err.as_str()), (0, ""));
    assert_eq!(checked.out, "Sidecar\nSnapshot\n");
    // Repeatable, the later file winning; the long name works too.
    let checked = run_over(
        registry(),
        &[
            "check",
            "--config",
            &cr,
            "--feature-gates-file",
            &list,
            "--arch",
            "amd64",
        ],
    );
    assert_eq!(checked.out, "ImageVolume\nSidecar\nSnapshot\n");
    // The flag wins over the files.
    let checked = run_over(
        registry(),
        &[
            "check",
            "--config",
            &list,
            "--feature-gates",
            "ImageVolume=false",
            "--arch",
            "amd64",
        ],
    );
    assert_eq!(checked.out, "Snapshot\n");

    // The environment variable only when the program names it; between the
    // files and the flag.
    let var = "FEATUREGATE_TEST_CHECK_ENV";
    if !in_child(
        "check_reads_config_files_env_and_flag",
        &[(var, "Sidecar=false")],
    ) {
        return;
    }
    let args = ["check", "--config", &cr, "--arch", "amd64"];
    assert_eq!(run_over(registry(), &args).out, "Sidecar\nSnapshot\n");
    let app = App::new(registry()).with_env(var);
    assert_eq!(run_app(&app, &args).out, "Snapshot\n");
    let flagged = run_app(
        &app,
        &[&args[..], &["--feature-gates", "Sidecar=true"]].concat(),
    );
    assert_eq!(flagged.out, "Sidecar\nSnapshot\n");
    let help = run_app(&app, &["check", "--help"]).out;
    assert!(help.contains(var), "{help}");
    assert!(help.contains("--config"), "{help}");
}

#[test]
fn check_reports_a_bad_source_on_stderr() {
    let dir = tempfile::tempdir().unwrap();
    let bad = write(
        dir.path(),
        "gates.json",
        "{\"featureGates\": [\"Sidecar\",]}",
    );
    let failed = run_over(registry(), &["check", "--config", &bad]);
    assert_eq!((failed.code, failed.out.as_str()), (1, ""));
    assert!(failed.err.starts_with("error: "), "{}", failed.err);
    assert!(failed.err.contains(&bad), "{}", failed.err);
    assert_eq!(failed.err.lines().count(), 1, "{}", failed.err);
    // The parser's own detail follows the file's name.
    assert!(failed.err.contains("line 1"), "{}", failed.err);

    let missing = dir.path().join("nope.yaml");
    let failed = run_over(
        registry(),
        &["check", "--config", missing.to_str().unwrap()],
    );
    assert_eq!(failed.code, 1);
    assert!(failed.err.contains("nope.yaml"), "{}", failed.err);

    let flag = run_over(registry(), &["check", "--feature-gates", "Sidecar=maybe"]);
    assert_eq!(flag.code, 1);
    assert!(
        flag.err
            .starts_with("error: invalid feature gate list in --feature-gates: "),
        "{}",
        flag.err
    );
    assert!(flag.err.contains("maybe"), "{}", flag.err);
    assert_eq!(run_over(registry(), &["check", "--config"]).code, 2);
    let _ = cli::Exit::FAILURE;
}
