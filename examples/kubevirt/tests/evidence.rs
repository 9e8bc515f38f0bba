//! The catalogue's made-up evidence set runs out of the box: its report,
//! `--check` failing on the SEV regression, and the `--suggest` diff,
//! applied with `patch` to a copy of the gate declarations, promoting
//! exactly the gates and architectures the evidence backs: the catalogue
//! rebuilt from the patched declarations (each gate with the support its
//! patched attribute reads as) assesses with no Promote left and every
//! other finding unchanged. (Building the patched copy with cargo would run
//! cargo inside cargo, which waits on the build lock.)

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

use featuregate::evidence::{Evidence, EvidenceMap, EvidencePolicy, FindingKind};
use featuregate::registry;

#[allow(dead_code)]
#[path = "../../../runtime/tests/support/cli.rs"]
mod cli;
// The gates register themselves when the library is linked.
use kubevirt_gates as _;

fn dir(arch: &str) -> String {
    format!("{}/evidence/{arch}", env!("CARGO_MANIFEST_DIR"))
}

/// The arguments that read the whole set.
fn set() -> Vec<String> {
    let mut args = vec!["evidence".to_owned()];
    for arch in ["amd64", "arm64", "s390x"] {
        args.push("--junit".to_owned());
        args.push(format!("{arch}={}", dir(arch)));
    }
    args.push("--map".to_owned());
    args.push(format!("{}/evidence/map.txt", env!("CARGO_MANIFEST_DIR")));
    args
}

fn run(args: &[String]) -> (u8, String, String) {
    let args: Vec<&str> = args.iter().map(String::as_str).collect();
    cli::run_over(registry(), &args)
}

#[test]
fn the_report_runs_out_of_the_box() {
    let (code, out, err) = run(&set());
    assert_eq!(code, 0, "{err}");
    assert!(
        out.starts_with(
            "Evidence on amd64, arm64, s390x (at least 5 tests, each 14+ runs at 95% or better): \
             1 Regressed, 11 Unbacked, 4 Promote\n"
        ),
        "{out}"
    );
    assert!(
        out.contains("ImageVolume                         Beta          Supported 84/84"),
        "{out}"
    );
    assert!(
        out.contains("WorkloadEncryptionSEV on amd64: Regressed"),
        "{out}"
    );
    assert_eq!(
        err,
        "warning: a test's tag names unknown feature gate ImageVolumes; did you mean ImageVolume?\n"
    );
}

#[test]
fn check_fails_on_the_regression_only() {
    let mut args = set();
    args.push("--check".to_owned());
    let (code, _, err) = run(&args);
    assert_eq!(code, 1);
    assert!(
        err.contains("error: 1 finding(s) fail the check (Regressed, Contradicted)"),
        "{err}"
    );
    // Without amd64's lane, nothing Regressed or Contradicted is left...
    let args: Vec<String> = [
        "evidence".to_owned(),
        "--check".to_owned(),
        "--junit".to_owned(),
        format!("arm64={}", dir("arm64")),
        "--junit".to_owned(),
        format!("s390x={}", dir("s390x")),
        "--map".to_owned(),
        format!("{}/evidence/map.txt", env!("CARGO_MANIFEST_DIR")),
    ]
    .into();
    let (code, _, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    // ... though the arm64 claims nothing tests fail --strict.
    let mut strict = args.clone();
    strict.push("--strict".to_owned());
    assert_eq!(run(&strict).0, 1);
    // A lane whose upload failed cannot pass unseen.
    let mut missing = args;
    missing.extend(["--arch".to_owned(), "amd64,arm64,s390x".to_owned()]);
    let (code, _, err) = run(&missing);
    assert_eq!(code, 1);
    assert!(err.contains("no JUnit file for amd64"), "{err}");
}

/// The catalogue's declaration files, copied under `root` at the paths
/// `file!()` gives them.
fn copy_declarations(root: &Path) -> Vec<PathBuf> {
    let workspace = Path::new(env!("CARGO_MANIFEST_DIR"))
        .parent()
        .unwrap()
        .parent()
        .unwrap();
    let mut files: Vec<PathBuf> = registry()
        .iter()
        .map(|g| PathBuf::from(g.location().file))
        .collect();
    files.sort();
    files.dedup();
    for file in &files {
        let to = root.join(file);
        std::fs::create_dir_all(to.parent().unwrap()).unwrap();
        std::fs::copy(workspace.join(file), to).unwrap();
    }
    files
}

/// The catalogue rebuilt from the declarations under `root`: each gate
/// with the support its attribute there declares (found by its marker
/// type's line in `originals`, the files before any patch).
fn rebuilt(root: &Path, files: &[PathBuf], originals: &[String]) -> featuregate::Registry {
    let gates: Vec<&'static featuregate::Gate> = registry()
        .iter()
        .map(|gate| {
            let location = gate.location();
            let index = files
                .iter()
                .position(|f| f == Path::new(location.file))
                .unwrap();
            let marker = originals[index]
                .lines()
                .nth(location.line as usize - 1)
                .unwrap();
            let text = std::fs::read_to_string(root.join(location.file)).unwrap();
            let support = declared(attribute_of(&text, marker));
            featuregate::__private::leaked_gate_with(gate.name(), gate.state(), &support, &[])
        })
        .collect();
    featuregate::Registry::new(gates).unwrap()
}

/// The support an attribute's text declares per architecture: its keys,
/// `others` for the architectures it does not name.
fn declared(attribute: &str) -> Vec<(featuregate::Arch, featuregate::Support)> {
    let value = |key: &str| -> Option<featuregate::Support> {
        let mut from = 0;
        while let Some(at) = attribute[from..].find(&format!("{key} = ")) {
            let at = from + at;
            let before = attribute[..at].chars().next_back();
            if before.is_none_or(|c| !c.is_alphanumeric() && c != '_') {
                let rest = &attribute[at + key.len() + 3..];
                let word: String = rest.chars().take_while(char::is_ascii_alphabetic).collect();
                return word.parse().ok();
            }
            from = at + 1;
        }
        None
    };
    let others = value("others");
    featuregate::Arch::ALL
        .into_iter()
        .filter_map(|arch| Some((arch, value(arch.as_str()).or(others)?)))
        .collect()
}

/// The attribute text above `pub struct NAME;` (or `NAME {}`) in `text`.
fn attribute_of<'t>(text: &'t str, marker_line: &str) -> &'t str {
    let end = text
        .find(marker_line)
        .expect("the marker type is still declared");
    let start = text[..end].rfind("#[feature_gate(").unwrap();
    &text[start..end]
}

/// Applies `diff` with `patch -p1` in `dir`.
fn apply(diff: &str, dir: &Path) {
    let status = Command::new("patch")
        .args(["-p1", "--quiet", "--directory"])
        .arg(dir)
        .stdin(Stdio::piped())
        .spawn()
        .and_then(|mut child| {
            use std::io::Write as _;
            child.stdin.take().unwrap().write_all(diff.as_bytes())?;
            child.wait()
        })
        .expect("`patch` runs (install the distribution's patch package)");
    assert!(status.success(), "{diff}");
}

/// The catalogue's evidence set, read through the library.
fn catalogue_evidence() -> Evidence {
    let map = EvidenceMap::from_path(format!("{}/evidence/map.txt", env!("CARGO_MANIFEST_DIR")));
    let mut evidence = Evidence::new().with_map(map.unwrap());
    for (arch, name) in [
        (featuregate::Arch::Amd64, "amd64"),
        (featuregate::Arch::Arm64, "arm64"),
        (featuregate::Arch::S390x, "s390x"),
    ] {
        evidence.add_path(arch, dir(name)).unwrap();
    }
    evidence
}

#[test]
fn suggest_promotes_what_the_evidence_backs_and_nothing_else() {
    let copy = tempfile::tempdir().unwrap();
    let files = copy_declarations(copy.path());
    let originals: Vec<String> = files
        .iter()
        .map(|f| std::fs::read_to_string(copy.path().join(f)).unwrap())
        .collect();
    let mut args = set();
    args.extend([
        "--suggest".to_owned(),
        "--source-root".to_owned(),
        copy.path().to_str().unwrap().to_owned(),
    ]);
    let (code, diff, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    assert!(!err.contains("not promoted"), "{err}");

    apply(&diff, copy.path());

    // The promotions the assessment asks for, read from the catalogue itself.
    let evidence = catalogue_evidence();
    let assessment = registry().assess(&evidence, &EvidencePolicy::default());
    let promote: Vec<_> = assessment
        .findings()
        .iter()
        .filter(|f| f.kind == FindingKind::Promote)
        .collect();
    assert_eq!(promote.len(), 4);
    let mut added = 0;
    for finding in &promote {
        let location = finding.gate.location();
        let index = files
            .iter()
            .position(|f| f == Path::new(location.file))
            .unwrap();
        let marker = originals[index]
            .lines()
            .nth(location.line as usize - 1)
            .unwrap();
        let before = attribute_of(&originals[index], marker);
        let after_text = std::fs::read_to_string(copy.path().join(location.file)).unwrap();
        let after = attribute_of(&after_text, marker);
        let key = format!("{} = Supported", finding.arch);
        // Every Promote finding now declares Supported: assessed again, none is left.
        assert!(after.contains(&key), "{}: {after}", finding.gate.name());
        assert!(!before.contains(&key), "{}: {before}", finding.gate.name());
        if !before.contains(&format!("{} =", finding.arch)) {
            added += 1;
        }
    }
    // Three keys were added (LiveMigration twice, Snapshot), one replaced (ImageVolume on arm64).
    assert_eq!(added, 3);

    // Assessed again against the patched declarations (each gate rebuilt with
    // the support its patched attribute declares): no Promote is left, and
    // every other finding is as it was.
    let patched = rebuilt(copy.path(), &files, &originals);
    let again = patched.assess(&evidence, &EvidencePolicy::default());
    let kinds =
        |a: &featuregate::evidence::Assessment| -> Vec<(String, featuregate::Arch, FindingKind)> {
            a.findings()
                .iter()
                .filter(|f| f.kind != FindingKind::Promote)
                .map(|f| (f.gate.name().to_owned(), f.arch, f.kind))
                .collect()
        };
    assert!(
        again
            .findings()
            .iter()
            .all(|f| f.kind != FindingKind::Promote)
    );
    assert_eq!(kinds(&again), kinds(&assessment));
    // The declarations the patch left alone read back as the registry has them.
    for gate in registry().iter() {
        if promote.iter().all(|f| f.gate.name() != gate.name()) {
            let rebuilt = patched.get(gate.name()).unwrap();
            for arch in featuregate::Arch::ALL {
                assert_eq!(
                    rebuilt.support(arch),
                    gate.support(arch),
                    "{} on {arch}",
                    gate.name()
                );
            }
        }
    }
    // Nothing else changed: every line is the same but the edited ones.
    for (file, original) in files.iter().zip(&originals) {
        let after = std::fs::read_to_string(copy.path().join(file)).unwrap();
        let changed = original
            .lines()
            .zip(after.lines())
            .filter(|(a, b)| a != b)
            .count();
        assert!(changed <= 2, "{}: {changed} lines changed", file.display());
        assert_eq!(
            original.lines().count(),
            after.lines().count(),
            "{}",
            file.display()
        );
    }
}
