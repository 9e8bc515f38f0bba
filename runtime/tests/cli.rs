//! The command-line front end, driven through `featuregate::cli::run`: every
//! subcommand, bad input and exit code, and a closed pipe.

#![cfg(feature = "cli")]

use featuregate::{FeatureGate, Registry, cli, feature_gate, registry};

mod support;

use support::cli::names;

/// Lets a VM use a container image as a volume.
///
/// Second paragraph.
#[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified("no CI runner yet"), s390x = Unverified,
               since = "v1.9.0", owner = "sig-storage")]
struct ImageVolume;

/// Encrypts guest memory with AMD SEV.
#[feature_gate(name = "WorkloadEncryptionSEV", state = Alpha,
               amd64 = Supported, arm64 = Unsupported("AMD only"), s390x = Unsupported)]
struct WorkloadEncryptionSev;

/// Grows disks to their image's size.
#[feature_gate(state = Alpha)]
struct ExpandDisks;

/// Takes VM snapshots.
#[feature_gate(state = GA, others = Supported)]
struct Snapshot;

/// Runs IBM Secure Execution guests.
#[feature_gate(state = Alpha, s390x = Supported, others = Unsupported)]
struct SecureExecution;

/// What one run printed and returned.
struct Outcome {
    code: u8,
    out: String,
    err: String,
}

fn run_over(registry: &Registry, args: &[&str]) -> Outcome {
    let (code, out, err) = support::cli::run_over(registry, args);
    Outcome { code, out, err }
}

fn run(args: &[&str]) -> Outcome {
    run_over(registry(), args)
}

#[test]
fn matrix_in_every_format() {
    let text = run(&["matrix"]);
    assert_eq!((text.code, text.err.as_str()), (0, ""));
    assert_eq!(text.out, registry().matrix().to_string());
    assert!(!text.out.contains('\x1b'), "no colour into a writer");
    assert_eq!(
        run(&["matrix", "--format", "csv"]).out,
        registry().matrix().to_csv()
    );
    assert_eq!(
        run(&["matrix", "--format", "Markdown"]).out,
        registry().matrix().to_markdown()
    );
    assert_eq!(
        run(&["matrix", "--format", "JSON"]).out,
        registry().matrix().to_json()
    );
    assert!(
        run(&["--color", "always", "matrix"])
            .out
            .contains("\x1b[32mSupported")
    );
    assert!(
        run(&["matrix", "--color", "always"])
            .out
            .contains("\x1b[31mUnsupported")
    );
}

#[test]
fn list_filters() {
    let all = run(&["list"]);
    assert_eq!(all.code, 0);
    assert_eq!(
        names(&all.out),
        [
            "ExpandDisks",
            "ImageVolume",
            "SecureExecution",
            "Snapshot",
            "WorkloadEncryptionSEV"
        ]
    );

    // --support without --arch: that support on any architecture.
    assert_eq!(
        names(&run(&["list", "--support", "unverified"]).out),
        ["ImageVolume"]
    );
    assert_eq!(
        names(&run(&["list", "--support", "UNSUPPORTED"]).out),
        ["SecureExecution", "WorkloadEncryptionSEV"]
    );
    // With --arch: that support there.
    assert_eq!(
        names(&run(&["list", "--arch", "s390x", "--support", "supported"]).out),
        ["SecureExecution", "Snapshot"]
    );
    assert_eq!(
        names(&run(&["list", "--arch", "aarch64", "--support", "Supported"]).out),
        ["Snapshot"]
    );
    assert_eq!(
        names(&run(&["list", "--arch", "ppc64le", "--support", "unspecified"]).out),
        ["ExpandDisks", "ImageVolume", "WorkloadEncryptionSEV"]
    );
    assert_eq!(
        names(&run(&["list", "--support", "unspecified", "--state", "beta"]).out),
        ["ImageVolume"]
    );
    // --arch alone: the gates that say anything about that architecture.
    assert_eq!(
        names(&run(&["list", "--arch", "arm64"]).out),
        [
            "ImageVolume",
            "SecureExecution",
            "Snapshot",
            "WorkloadEncryptionSEV"
        ]
    );
    assert_eq!(
        names(&run(&["list", "--state", "ga", "--state", "Beta"]).out),
        ["ImageVolume", "Snapshot"]
    );
    assert_eq!(
        names(&run(&["list", "--support", "pending,unverified"]).out),
        ["ImageVolume"]
    );

    let csv = run(&["list", "--state", "alpha", "--format", "csv"]).out;
    assert_eq!(csv.lines().count(), 4);
    assert!(
        csv.starts_with("name,state,amd64,arm64,s390x,ppc64le,riscv64\nExpandDisks,Alpha,,,,,\n")
    );
    let none = run(&["list", "--state", "discontinued"]);
    assert_eq!((none.code, none.out.lines().count()), (0, 1));
}

#[test]
fn list_rejects_bad_values_as_usage_errors() {
    let bad = run(&["list", "--support", "suported"]);
    assert_eq!(bad.code, 2);
    assert!(bad.err.contains("did you mean `Supported`?"), "{}", bad.err);
    let bad = run(&["list", "--arch", "x86"]);
    assert_eq!(bad.code, 2);
    assert!(
        bad.err.contains("unknown architecture `x86`"),
        "{}",
        bad.err
    );
    assert_eq!(run(&["list", "--state", "gamma"]).code, 2);
    assert_eq!(run(&["list", "--format", "yaml"]).code, 2);
}

#[test]
fn show_prints_every_field() {
    let shown = run(&["show", "ImageVolume"]);
    assert_eq!((shown.code, shown.err.as_str()), (0, ""));
    let out = shown.out;
    for line in [
        "name        ImageVolume",
        "state       Beta",
        "default     on",
        "description Lets a VM use a container image as a volume.",
        "            Second paragraph.",
        "message     feature gate ImageVolume is active (feature state is \"Beta\")",
        "since       v1.9.0",
        "owner       sig-storage",
        "used_by     no",
        "support",
        "  amd64     Supported",
        "  arm64     Unverified: no CI runner yet",
        "  s390x     Unverified",
        "  ppc64le   -",
    ] {
        assert!(out.lines().any(|l| l == line), "missing {line:?} in\n{out}");
    }
    let location = format!("location    {}", ImageVolume::GATE.location());
    assert!(out.contains(&location), "{out}");
    assert!(
        out.lines().all(|l| l == l.trim_end()),
        "trailing spaces in\n{out}"
    );
    assert!(
        run(&["show", "ExpandDisks"])
            .out
            .contains("owner       -\n")
    );
}

#[test]
fn show_unknown_name_suggests() {
    let unknown = run(&["show", "ImageVolum"]);
    assert_eq!(unknown.code, 1);
    assert_eq!(unknown.out, "");
    assert_eq!(
        unknown.err,
        "unknown feature gate ImageVolum; did you mean ImageVolume?\n"
    );
    let unknown = run(&["show", "Zzz"]);
    assert_eq!(
        (unknown.code, unknown.err.as_str()),
        (1, "unknown feature gate Zzz\n")
    );
    assert_eq!(run(&["show"]).code, 2);
}

#[test]
fn coverage_in_every_format() {
    let text = run(&["coverage"]);
    assert_eq!(text.code, 0);
    assert_eq!(text.out, registry().coverage().to_string());
    assert!(
        text.out
            .contains("s390x    2 (40%)    0 (0%)   1 (20%)      1 (20%)     1 (20%)      5"),
        "{}",
        text.out
    );
    assert_eq!(
        run(&["coverage", "--format", "csv"]).out,
        registry().coverage().to_csv()
    );
    assert_eq!(
        run(&["coverage", "--format", "markdown"]).out,
        registry().coverage().to_markdown()
    );
    let json: serde_json::Value =
        serde_json::from_str(&run(&["coverage", "--format", "json"]).out).unwrap();
    assert_eq!(json[0]["arch"], "amd64");
    assert_eq!(json[0]["supported"], 3);
}

#[test]
fn parity_defaults_to_amd64() {
    let parity = run(&["parity", "--arch", "s390x"]);
    assert_eq!(parity.code, 0);
    assert!(
        parity
            .out
            .starts_with("s390x parity with amd64: 1 of 3 gates"),
        "{}",
        parity.out
    );
    assert!(
        parity
            .out
            .contains("WorkloadEncryptionSEV  Alpha  Unsupported"),
        "{}",
        parity.out
    );
    let reverse = run(&[
        "parity", "--arch", "amd64", "--base", "S390X", "--format", "csv",
    ]);
    assert_eq!(
        reverse.out,
        "name,state,amd64,reason\nSecureExecution,Alpha,Unsupported,\n"
    );
    let json: serde_json::Value =
        serde_json::from_str(&run(&["parity", "--arch", "arm64", "--format", "json"]).out).unwrap();
    assert_eq!(json[0]["name"], "ImageVolume");
    assert_eq!(json[0]["arm64"], "Unverified");
    assert_eq!(json[0]["reason"], "no CI runner yet");
    assert_eq!(run(&["parity"]).code, 2, "--arch is required");
    assert_eq!(run(&["parity", "--arch", "mips"]).code, 2);
}

#[test]
fn check_prints_enabled_gates_and_warnings() {
    let ok = run(&["check", "--arch", "amd64"]);
    assert_eq!((ok.code, ok.err.as_str()), (0, ""));
    assert_eq!(ok.out, "ImageVolume\nSnapshot\n");

    let warned = run(&[
        "check",
        "--feature-gates",
        "ExpandDisks=true,Snapshot=false,Nope=true",
        "--arch",
        "arm64",
    ]);
    assert_eq!(warned.code, 0, "{}", warned.err);
    // The list alone on stdout, the warnings on stderr (SPEC 13 amended).
    assert_eq!(warned.out, "ExpandDisks\nImageVolume\nSnapshot\n");
    let warnings: Vec<_> = warned
        .err
        .lines()
        .filter(|l| l.starts_with("warning: "))
        .collect();
    assert_eq!(warnings.len(), warned.err.lines().count(), "{}", warned.err);
    assert!(
        warnings.iter().any(|w| w.contains("Snapshot")),
        "GA disabled warns: {}",
        warned.err
    );
    assert!(
        warnings.iter().any(|w| w.contains("Nope")),
        "unknown name warns: {}",
        warned.err
    );
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("ImageVolume") && w.contains("arm64")),
        "{}",
        warned.err
    );

    // As JSON, the warnings stay in the one document on stdout.
    let json = run(&[
        "check",
        "--feature-gates",
        "Nope=true",
        "--arch",
        "amd64",
        "--format",
        "json",
    ]);
    assert_eq!((json.code, json.err.as_str()), (0, ""));
    let doc: serde_json::Value = serde_json::from_str(&json.out).unwrap();
    assert!(
        doc["warnings"][0].as_str().unwrap().contains("Nope"),
        "{doc}"
    );
}

#[test]
fn check_refuses_with_exit_1() {
    let denied = run(&[
        "check",
        "--feature-gates",
        "WorkloadEncryptionSEV=true",
        "--arch",
        "amd64,arm64",
        "--deny",
        "unsupported",
    ]);
    assert_eq!(denied.code, 1);
    assert_eq!(denied.out, "");
    assert!(
        denied.err.contains("WorkloadEncryptionSEV") && denied.err.contains("arm64"),
        "{}",
        denied.err
    );

    // Deny refuses only a gate the configuration names to enable; one on by
    // default is turned off with a warning instead.
    let turned_off = run(&["check", "--arch", "s390x", "--deny", "Unverified"]);
    assert_eq!(turned_off.code, 0);
    assert!(
        turned_off
            .err
            .contains("warning: feature gate ImageVolume is turned off")
    );
    let denied = run(&[
        "check",
        "--feature-gates",
        "ImageVolume=true",
        "--arch",
        "s390x",
        "--deny",
        "Unverified",
    ]);
    assert_eq!(denied.code, 1);
    assert!(
        denied.err.contains("ImageVolume") && denied.err.contains("s390x"),
        "{}",
        denied.err
    );
    let denied = run(&[
        "check",
        "--feature-gates",
        "ImageVolume=true",
        "--arch",
        "riscv64",
        "--deny",
        "unspecified",
    ]);
    assert_eq!(
        denied.code, 1,
        "ImageVolume is on and unspecified on riscv64"
    );
    assert_eq!(
        run(&["check", "--arch", "riscv64", "--deny", "pending"]).code,
        0
    );

    let strict = run(&[
        "check",
        "--feature-gates",
        "ImageVolum=true",
        "--strict",
        "--arch",
        "amd64",
    ]);
    assert_eq!(strict.code, 1);
    assert!(strict.err.contains("ImageVolum"), "{}", strict.err);

    let syntax = run(&["check", "--feature-gates", "A=true,B"]);
    assert_eq!(syntax.code, 1);
    assert!(syntax.err.starts_with("error: "), "{}", syntax.err);
    assert_eq!(run(&["check", "--deny", "supported"]).code, 2);
}

#[test]
fn usage_errors_help_and_private_registries() {
    let none = run(&[]);
    assert_eq!(none.code, 2);
    assert!(none.err.contains("Usage"), "{}", none.err);
    assert_eq!(run(&["frobnicate"]).code, 2);
    let help = run(&["--help"]);
    assert_eq!(help.code, 0);
    for sub in ["list", "show", "matrix", "coverage", "parity", "check"] {
        assert!(help.out.contains(sub), "{}", help.out);
    }
    assert_eq!(help.err, "");

    let private = Registry::new([Snapshot::GATE]).unwrap();
    assert_eq!(names(&run_over(&private, &["list"]).out), ["Snapshot"]);
}

#[test]
fn a_closed_pipe_ends_quietly() {
    // A real pipe whose reading end is gone, as after `| head`; Rust ignores
    // SIGPIPE, so the write fails with BrokenPipe, which must be a quiet 0.
    let (reader, writer) = std::io::pipe().unwrap();
    drop(reader);
    let mut err = Vec::new();
    let code = cli::run(registry(), ["gates", "matrix"], writer, &mut err);
    assert_eq!(code, cli::Exit::SUCCESS);
    assert_eq!(String::from_utf8(err).unwrap(), "");
}

#[test]
fn subcommands_mount_in_another_parser() {
    use clap::Parser;

    /// A program with its own command line, the gates under `gates`.
    #[derive(Parser)]
    struct Program {
        #[command(subcommand)]
        command: Top,
    }

    #[derive(clap::Subcommand)]
    enum Top {
        /// The feature gates.
        #[command(subcommand)]
        Gates(cli::Command),
    }

    let program = Program::try_parse_from(["prog", "gates", "list", "--state", "GA"]).unwrap();
    let Top::Gates(command) = program.command;
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = command.run(
        registry(),
        featuregate::report::Color::Never,
        &mut out,
        &mut err,
    );
    assert_eq!(code.code(), 0);
    assert_eq!(names(&String::from_utf8(out).unwrap()), ["Snapshot"]);
}

/// A writer that fails as a full disk does.
struct Full;

impl std::io::Write for Full {
    fn write(&mut self, _: &[u8]) -> std::io::Result<usize> {
        Err(std::io::Error::from(std::io::ErrorKind::StorageFull))
    }

    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[test]
fn a_failed_write_is_reported_with_exit_74() {
    for args in [
        &["matrix"][..],
        &["list", "--format", "json"],
        &["coverage"],
        &["parity", "--arch", "s390x"],
        &["show", "ImageVolume"],
        &["check", "--arch", "amd64"],
        &["--help"],
        &["matrix", "--help"],
    ] {
        let mut err = Vec::new();
        let code = cli::run(
            registry(),
            std::iter::once("gates").chain(args.iter().copied()),
            Full,
            &mut err,
        );
        assert_eq!(code, cli::Exit::IO_ERROR, "{args:?}");
        assert_eq!(code.code(), 74);
        let err = String::from_utf8(err).unwrap();
        assert!(
            err.starts_with("error: cannot write the output: ") && err.lines().count() == 1,
            "{args:?}: {err}"
        );
    }
    // A usage error goes to stderr: a failing stdout changes nothing.
    let mut err = Vec::new();
    let code = cli::run(registry(), ["gates", "frobnicate"], Full, &mut err);
    assert_eq!(code, cli::Exit::USAGE);
}

#[cfg(target_os = "linux")]
#[test]
fn dev_full_exits_74() {
    let full = std::fs::OpenOptions::new()
        .write(true)
        .open("/dev/full")
        .unwrap();
    let mut err = Vec::new();
    let code = cli::run(registry(), ["gates", "matrix"], full, &mut err);
    assert_eq!(code.code(), 74);
    assert!(
        String::from_utf8(err)
            .unwrap()
            .starts_with("error: cannot write the output"),
    );
}

#[test]
fn help_into_a_closed_pipe_ends_quietly() {
    for args in [&["gates", "--help"][..], &["gates", "show", "ImageVolume"]] {
        let (reader, writer) = std::io::pipe().unwrap();
        drop(reader);
        let mut err = Vec::new();
        let code = cli::run(registry(), args.iter().copied(), writer, &mut err);
        assert_eq!(code, cli::Exit::SUCCESS, "{args:?}");
        assert_eq!(String::from_utf8(err).unwrap(), "", "{args:?}");
    }
}

#[test]
fn exit_is_what_main_returns() {
    fn main_like() -> impl std::process::Termination {
        cli::run(
            registry(),
            ["gates", "show", "Nope"],
            std::io::sink(),
            std::io::sink(),
        )
    }
    let _ = main_like();
    assert_eq!(
        cli::run(
            registry(),
            ["gates", "show", "Nope"],
            std::io::sink(),
            std::io::sink()
        ),
        cli::Exit::FAILURE
    );
    assert!(cli::Exit::SUCCESS.is_success());
    let _: std::process::ExitCode = cli::Exit::USAGE.into();
}

#[test]
fn matrix_and_coverage_cover_the_named_architectures() {
    let csv = run(&[
        "matrix", "--arch", "s390x", "--arch", "amd64", "--format", "csv",
    ]);
    assert_eq!(csv.code, 0);
    assert!(
        csv.out.starts_with(
            "name,state,amd64,s390x\nExpandDisks,Alpha,,\nImageVolume,Beta,Supported,Unverified\n"
        ),
        "{}",
        csv.out
    );
    let text = run(&["matrix", "--arch", "arm64,riscv64"]);
    assert!(text.out.starts_with("name "), "{}", text.out);
    let header: Vec<_> = text
        .out
        .lines()
        .next()
        .unwrap()
        .split_whitespace()
        .collect();
    assert_eq!(header, ["name", "state", "arm64", "riscv64"]);
    let coverage = run(&["coverage", "--arch", "ppc64le", "--format", "csv"]);
    assert_eq!(
        coverage.out,
        "arch,supported,pending,unsupported,unverified,unspecified,total\nppc64le,1,0,1,0,3,5\n"
    );
    assert_eq!(run(&["matrix", "--arch", "mips"]).code, 2);
    assert_eq!(run(&["coverage", "--arch", "s390"]).code, 2);
}

#[test]
fn show_as_json() {
    let shown = run(&["show", "WorkloadEncryptionSEV", "--format", "json"]);
    assert_eq!((shown.code, shown.err.as_str()), (0, ""));
    // Fields in the order a reader expects, architectures in Arch order.
    let keys: Vec<&str> = shown
        .out
        .lines()
        .filter_map(|l| l.strip_prefix("  \"")?.split('"').next())
        .collect();
    assert_eq!(
        keys,
        [
            "name",
            "state",
            "description",
            "message",
            "since",
            "owner",
            "support",
            "reasons",
            "location",
            "requires",
            "required_by",
            "history"
        ]
    );
    assert!(
        shown.out.find("\"s390x\"").unwrap() < shown.out.find("\"ppc64le\"").unwrap(),
        "{}",
        shown.out
    );
    let json: serde_json::Value = serde_json::from_str(&shown.out).unwrap();
    assert_eq!(json["name"], "WorkloadEncryptionSEV");
    assert_eq!(json["state"], "Alpha");
    assert_eq!(json["description"], "Encrypts guest memory with AMD SEV.");
    assert_eq!(
        json["message"],
        "feature gate WorkloadEncryptionSEV is active (feature state is \"Alpha\")"
    );
    assert!(json["since"].is_null() && json["owner"].is_null());
    assert_eq!(json["support"]["amd64"], "Supported");
    assert_eq!(json["support"]["arm64"], "Unsupported");
    assert!(json["support"]["ppc64le"].is_null());
    assert_eq!(json["reasons"], serde_json::json!({"arm64": "AMD only"}));
    let location = WorkloadEncryptionSev::GATE.location();
    assert_eq!(json["location"]["file"], location.file());
    assert_eq!(json["location"]["line"], location.line());
    assert_eq!(json["location"]["module_path"], location.module_path());
    let since = run(&["show", "ImageVolume", "--format", "JSON"]);
    let json: serde_json::Value = serde_json::from_str(&since.out).unwrap();
    assert_eq!(
        (json["since"].as_str(), json["owner"].as_str()),
        (Some("v1.9.0"), Some("sig-storage"))
    );
    assert_eq!(run(&["show", "ImageVolume", "--format", "csv"]).code, 2);
    let unknown = run(&["show", "ImageVolum", "--format", "json"]);
    assert_eq!((unknown.code, unknown.out.as_str()), (1, ""));
}

#[test]
fn check_as_json() {
    let checked = run(&[
        "check",
        "--feature-gates",
        "ExpandDisks=true",
        "--arch",
        "arm64",
        "--format",
        "json",
    ]);
    assert_eq!(checked.code, 0, "{}", checked.err);
    let json: serde_json::Value = serde_json::from_str(&checked.out).unwrap();
    assert_eq!(
        json["enabled"],
        serde_json::json!(["ExpandDisks", "ImageVolume", "Snapshot"])
    );
    let warnings = json["warnings"].as_array().unwrap();
    assert!(
        warnings
            .iter()
            .any(|w| w.as_str().unwrap().contains("ImageVolume")
                && w.as_str().unwrap().contains("arm64")),
        "{json}"
    );
    // A refused configuration (one that names a denied gate to enable) is an
    // error on stderr, as in text.
    let denied = run(&[
        "check",
        "--feature-gates",
        "ImageVolume=true",
        "--arch",
        "s390x",
        "--deny",
        "unverified",
        "--format",
        "json",
    ]);
    assert_eq!((denied.code, denied.out.as_str()), (1, ""));
    assert!(
        denied.err.starts_with("error: ") && denied.err.contains("s390x"),
        "{}",
        denied.err
    );
}

#[test]
fn check_usage_errors_exit_2() {
    for args in [
        &["check", "--deny", "supported"][..],
        &["check", "--deny", "nope"],
        &["check", "--arch", "mips"],
        &["check", "--format", "csv"],
        &["check", "--feature-gates"],
        &["check", "--frobnicate"],
    ] {
        let outcome = run(args);
        assert_eq!(outcome.code, 2, "{args:?}");
        assert_eq!(outcome.out, "", "{args:?}");
        assert!(
            outcome.err.starts_with("error: "),
            "{args:?}: {}",
            outcome.err
        );
    }
    let supported = run(&["check", "--deny", "Supported"]);
    assert!(
        supported.err.contains("Supported cannot be denied"),
        "{}",
        supported.err
    );
    let unspecified = run(&["check", "--deny", "UNSPECIFIED", "--arch", "amd64"]);
    assert_eq!(unspecified.code, 0, "{}", unspecified.err);
}
