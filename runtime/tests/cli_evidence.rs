//! The `evidence` command: its report, `--check` (and `--strict`) as a CI
//! gate, an `--arch` without a file, bad arguments, and `--suggest`'s diff
//! applied with `patch` to a copy of this file's declarations.
#![cfg(all(feature = "cli", feature = "evidence"))]

mod support;

use std::fmt::Write as _;
use std::path::Path;
use std::process::Command;

use featuregate::{FeatureGate, Registry, feature_gate};
use support::cli::{run_over, write};

/// Boots VMs from container images.
#[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified("no runner yet"))]
struct ImageVolume;

/// Takes snapshots.
#[feature_gate(
    state = Alpha,
    others = Unverified,
)]
struct Snapshot;

/// Talks to the host over vsock.
#[feature_gate(name = "VSOCK", state = Alpha, arm64 = Supported)]
struct Vsock;

/// Uses the kernel's IOMMUFD.
#[feature_gate(name = "IOMMUFD", state = Alpha, arm64 = Unsupported("no IOMMU on these boards"))]
struct Iommufd;

/// Passes GPUs through on Grace hosts.
#[feature_gate(name = "GraceIO", state = Alpha, requires = [Iommufd])]
struct GraceIo;

/// Encrypts guest memory with AMD SEV.
#[feature_gate(name = "SEV", state = GA, amd64 = Supported, s390x = Unsupported)]
struct Sev;

fn registry() -> Registry {
    Registry::new([
        ImageVolume::GATE,
        Snapshot::GATE,
        Vsock::GATE,
        Iommufd::GATE,
        GraceIo::GATE,
        Sev::GATE,
    ])
    .unwrap()
}

/// A report of `runs` runs of five tests of each gate, the first test of
/// each gate failing `failing` times.
fn junit(gates: &[&str], runs: usize, failing: usize) -> String {
    let mut xml = String::from("<testsuite name=\"e2e\" timestamp=\"2026-03-01T00:00:00\">\n");
    for gate in gates {
        for test in 0..5 {
            for run in 0..runs {
                let name = format!("[It] {gate} {test} [FeatureGate:{gate}]");
                if test == 0 && run < failing {
                    let _ = writeln!(
                        xml,
                        "<testcase name=\"{name}\"><failure message=\"boom\"/></testcase>"
                    );
                } else {
                    let _ = writeln!(xml, "<testcase name=\"{name}\"/>");
                }
            }
        }
    }
    xml + "</testsuite>\n"
}

struct Files {
    dir: tempfile::TempDir,
}

impl Files {
    fn new() -> Files {
        Files {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    fn junit(&self, name: &str, gates: &[&str], runs: usize, failing: usize) -> String {
        write(self.dir.path(), name, &junit(gates, runs, failing))
    }
}

#[test]
fn the_report_and_its_findings() {
    let files = Files::new();
    let arm64 = files.junit("arm64.xml", &["ImageVolume", "Snapshot", "GraceIo"], 14, 0);
    let (code, out, err) = run_over(
        &registry(),
        &["evidence", "--junit", &format!("arm64={arm64}")],
    );
    assert_eq!(code, 0, "{err}");
    assert!(out.starts_with("Evidence on arm64 (at least 5 tests, each 14+ runs at 95% or better): 1 Unbacked, 2 Promote\n"), "{out}");
    assert!(
        out.contains("ImageVolume  Beta   Unverified 70/70 Promote"),
        "{out}"
    );
    assert!(
        out.contains("VSOCK        Alpha  Supported 0/0 Unbacked"),
        "{out}"
    );
    assert!(
        out.contains("ImageVolume on arm64: Promote: declared Unverified"),
        "{out}"
    );
    assert!(out.contains("untested on arm64 (4 gates, most mature first): SEV (GA), GraceIO (Alpha), IOMMUFD (Alpha), VSOCK (Alpha)"), "{out}");
    // The tag names `GraceIo`, no gate: a warning on stderr with the closest name.
    assert_eq!(
        err,
        "warning: a test's tag names unknown feature gate GraceIo; did you mean GraceIO?\n"
    );
    let (code, csv, _) = run_over(
        &registry(),
        &[
            "evidence",
            "--junit",
            &format!("arm64={arm64}"),
            "--format",
            "csv",
        ],
    );
    assert_eq!(code, 0);
    assert!(
        csv.starts_with("name,state,arm64\nGraceIO,Alpha,- 0/0\nIOMMUFD,Alpha,Unsupported 0/0\n"),
        "{csv}"
    );
}

#[test]
fn check_fails_on_regressed_and_contradicted_only() {
    let files = Files::new();
    // SEV on amd64: one test passes 10 of 14 runs: Regressed.
    let amd64 = files.junit("amd64.xml", &["SEV"], 14, 4);
    let amd64_ok = files.junit("amd64-ok.xml", &["SEV", "ImageVolume"], 14, 0);
    // SEV on s390x passes everything though declared Unsupported: Contradicted.
    let s390x = files.junit("s390x.xml", &["SEV"], 14, 0);
    let check = |junit: &[&String], strict: bool| {
        let mut args = vec!["evidence".to_owned(), "--check".to_owned()];
        for j in junit {
            args.push("--junit".to_owned());
            args.push((*j).clone());
        }
        if strict {
            args.push("--strict".to_owned());
        }
        let args: Vec<&str> = args.iter().map(String::as_str).collect();
        run_over(&registry(), &args)
    };
    let (code, out, err) = check(&[&format!("amd64={amd64}")], false);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("SEV on amd64: Regressed: declared Supported, but 1 test(s) of it with 14+ runs passed below 95%"),
        "{out}"
    );
    assert!(
        err.contains("error: 1 finding(s) fail the check (Regressed, Contradicted)"),
        "{err}"
    );
    let (code, out, err) = check(&[&format!("s390x={s390x}")], false);
    assert_eq!(code, 1, "{out}{err}");
    assert!(
        out.contains("SEV on s390x: Contradicted: declared Unsupported, yet 5 of 5 tests"),
        "{out}"
    );
    // Promote and Unbacked do not fail the check...
    let (code, out, err) = check(&[&format!("amd64={amd64_ok}")], false);
    assert_eq!(code, 0, "{out}{err}");
    // ... but Unbacked does with --strict (VSOCK is declared Supported on arm64, untested).
    let arm64 = files.junit("arm64.xml", &["ImageVolume"], 14, 0);
    let (code, _, err) = check(&[&format!("arm64={arm64}")], false);
    assert_eq!(code, 0, "{err}");
    let (code, _, err) = check(&[&format!("arm64={arm64}")], true);
    assert_eq!(code, 1);
    assert!(err.contains("(Regressed, Contradicted, Unbacked)"), "{err}");
}

#[test]
fn an_arch_without_a_file_is_an_error() {
    let files = Files::new();
    let arm64 = files.junit("arm64.xml", &["ImageVolume"], 14, 0);
    let (code, out, err) = run_over(
        &registry(),
        &[
            "evidence",
            "--check",
            "--junit",
            &format!("arm64={arm64}"),
            "--arch",
            "arm64,s390x",
        ],
    );
    assert_eq!(code, 1);
    assert!(out.is_empty());
    assert!(
        err.starts_with("error: no JUnit file for s390x (named with --arch)"),
        "{err}"
    );
}

#[test]
fn bad_arguments_and_files() {
    let files = Files::new();
    let arm64 = files.junit("arm64.xml", &["ImageVolume"], 1, 0);
    let registry = registry();
    for args in [
        vec!["evidence", "--junit", "arm64"],
        vec!["evidence", "--junit", "sparc=x.xml"],
        vec!["evidence", "--junit", "arm64="],
        vec![
            "evidence",
            "--junit",
            &format!("arm64={arm64}"),
            "--min-pass-rate",
            "1.5",
        ],
        vec!["evidence", "--junit", &format!("arm64={arm64}"), "--strict"],
        vec![
            "evidence",
            "--junit",
            &format!("arm64={arm64}"),
            "--min-tests",
            "0",
        ],
        vec!["evidence"],
    ] {
        let (code, _, err) = run_over(&registry, &args);
        assert_eq!(code, 2, "{args:?}: {err}");
    }
    let (code, _, err) = run_over(
        &registry,
        &["evidence", "--junit", "arm64=/nonexistent/junit.xml"],
    );
    assert_eq!(code, 1);
    assert!(
        err.starts_with("error: cannot read /nonexistent/junit.xml: "),
        "{err}"
    );
    let broken = write(
        files.dir.path(),
        "broken.xml",
        "<testsuite><testcase></testsuite>",
    );
    let (code, _, err) = run_over(
        &registry,
        &["evidence", "--junit", &format!("amd64={broken}")],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("broken.xml is not well-formed XML at byte"),
        "{err}"
    );
    let map = write(files.dir.path(), "map.txt", "ok => A\nnot a rule\n");
    let (code, _, err) = run_over(
        &registry,
        &[
            "evidence",
            "--junit",
            &format!("amd64={arm64}"),
            "--map",
            &map,
        ],
    );
    assert_eq!(code, 1);
    assert!(
        err.contains("map.txt line 2: expected `PATTERN => GateName`"),
        "{err}"
    );
    let (code, _, err) = run_over(
        &registry,
        &[
            "evidence",
            "--junit",
            &format!("amd64={arm64}"),
            "--since",
            "March",
        ],
    );
    // A malformed value is a usage error, as for every other option.
    assert_eq!(code, 2);
    assert!(err.contains("March is no date"), "{err}");
}

/// `--suggest` on a copy of this file: the diff applies with `patch`, sets
/// exactly the promoted keys, leaves `others` and everything else alone,
/// and skips the promotion that a requirement forbids.
#[test]
fn suggest_prints_a_diff_that_patch_applies() {
    let files = Files::new();
    let arm64 = files.junit("arm64.xml", &["ImageVolume", "Snapshot", "GraceIO"], 14, 0);
    let amd64 = files.junit("amd64.xml", &["Snapshot"], 14, 0);
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR")).parent().unwrap();
    let file = ImageVolume::GATE.location().file;
    assert_eq!(file, "runtime/tests/cli_evidence.rs");
    let copy = tempfile::tempdir().unwrap();
    std::fs::create_dir_all(copy.path().join("runtime/tests")).unwrap();
    let original = std::fs::read_to_string(workspace.join(file)).unwrap();
    std::fs::write(copy.path().join(file), &original).unwrap();

    let (code, diff, err) = run_over(
        &registry(),
        &[
            "evidence",
            "--junit",
            &format!("arm64={arm64}"),
            "--junit",
            &format!("amd64={amd64}"),
            "--suggest",
            "--source-root",
            copy.path().to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(
        err,
        "note: GraceIO on arm64 not promoted: it requires IOMMUFD, which is Unsupported there\n"
    );
    assert!(
        diff.starts_with(
            "--- a/runtime/tests/cli_evidence.rs\n+++ b/runtime/tests/cli_evidence.rs\n@@ "
        ),
        "{diff}"
    );
    let changed: Vec<&str> = diff
        .lines()
        .filter(|l| {
            (l.starts_with('-') || l.starts_with('+'))
                && !l.starts_with("---")
                && !l.starts_with("+++")
        })
        .collect();
    assert_eq!(
        changed,
        [
            "-#[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified(\"no runner yet\"))]",
            "+#[feature_gate(state = Beta, amd64 = Supported, arm64 = Supported)]",
            "+    amd64 = Supported,",
            "+    arm64 = Supported,",
        ],
        "{diff}"
    );

    let patched = Command::new("patch")
        .arg("-p1")
        .arg("--quiet")
        .arg("--directory")
        .arg(copy.path())
        .stdin(std::process::Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write as _;
            child.stdin.take().unwrap().write_all(diff.as_bytes())?;
            child.wait()
        })
        .expect("`patch` runs (install the distribution's patch package)");
    assert!(patched.success());
    let after = std::fs::read_to_string(copy.path().join(file)).unwrap();
    assert!(after.contains(
        "#[feature_gate(state = Beta, amd64 = Supported, arm64 = Supported)]\nstruct ImageVolume;"
    ));
    assert!(after.contains(
        "#[feature_gate(\n    state = Alpha,\n    others = Unverified,\n    amd64 = Supported,\n    arm64 = Supported,\n)]\nstruct Snapshot;"
    ));
    // Nothing else changed: the same lines but the four.
    assert_eq!(after.lines().count(), original.lines().count() + 2);

    // A declaration that cannot be located is skipped, with a note.
    let empty = tempfile::tempdir().unwrap();
    let (code, diff, err) = run_over(
        &registry(),
        &[
            "evidence",
            "--junit",
            &format!("arm64={arm64}"),
            "--suggest",
            "--source-root",
            empty.path().to_str().unwrap(),
        ],
    );
    assert_eq!(code, 0);
    assert!(diff.is_empty());
    assert!(err.contains("ImageVolume not promoted: cannot read its declaration's file runtime/tests/cli_evidence.rs"), "{err}");
}
