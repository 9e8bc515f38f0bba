//! The docs check: a committed Markdown matrix that matches passes, one that
//! drifted fails with a line diff, and blessing rewrites it (by argument and
//! through `FEATUREGATE_BLESS=1`).

use std::path::PathBuf;
use std::process::Command;

use featuregate::report::{self, DocsCheck, DocsError};
use featuregate::{FeatureGate, Registry, feature_gate, registry};

/// Lets a VM use a container image as a volume.
#[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified("no CI runner yet"))]
struct ImageVolume;

/// Grows disks to their image's size.
#[feature_gate(state = Alpha, amd64 = Supported)]
struct ExpandDisks;

/// A fresh directory under the system's temp dir, removed on drop.
struct TempDir(PathBuf);

impl TempDir {
    fn new(test: &str) -> TempDir {
        let dir =
            std::env::temp_dir().join(format!("featuregate-docs-{}-{test}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    fn file(&self, name: &str) -> PathBuf {
        self.0.join(name)
    }
}

impl Drop for TempDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

#[test]
fn matching_file_passes() {
    let dir = TempDir::new("matching");
    let path = dir.file("gates.md");
    std::fs::write(&path, registry().matrix().to_markdown()).unwrap();
    assert_eq!(
        report::check_docs(registry(), &path).unwrap(),
        DocsCheck::UpToDate
    );
    report::assert_docs(registry(), &path);
    // Windows checkouts turn line ends into CRLF; that is not drift.
    std::fs::write(
        &path,
        registry().matrix().to_markdown().replace('\n', "\r\n"),
    )
    .unwrap();
    report::assert_docs(registry(), &path);
}

#[test]
fn drifted_file_fails_with_a_line_diff() {
    let dir = TempDir::new("drifted");
    let path = dir.file("gates.md");
    // The file was written when only ExpandDisks existed.
    let old = Registry::new([ExpandDisks::GATE])
        .unwrap()
        .matrix()
        .to_markdown();
    std::fs::write(&path, &old).unwrap();
    let err = report::check_file(&registry().matrix().to_markdown(), &path, false).unwrap_err();
    let DocsError::Drift { diff, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        diff,
        "\
@@ line 1 @@
-| name        | state | amd64     | arm64 | s390x | ppc64le | riscv64 |
-|-------------|-------|-----------|-------|-------|---------|---------|
-| ExpandDisks | Alpha | Supported | -     | -     | -       | -       |
+| name        | state | amd64     | arm64      | s390x | ppc64le | riscv64 |
+|-------------|-------|-----------|------------|-------|---------|---------|
+| ExpandDisks | Alpha | Supported | -          | -     | -       | -       |
+| ImageVolume | Beta  | Supported | Unverified | -     | -       | -       |
+
+Notes:
+
+- ImageVolume on arm64 (Unverified): no CI runner yet
"
    );
    let message = err.to_string();
    assert!(message.contains("is out of date"), "{message}");
    assert!(message.contains("FEATUREGATE_BLESS=1"), "{message}");
    // A failed check leaves the file alone.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), old);

    let panic = std::panic::catch_unwind(|| report::assert_docs(registry(), &path)).unwrap_err();
    let panic = panic.downcast_ref::<String>().unwrap();
    assert!(
        panic.contains("+| ImageVolume | Beta  | Supported | Unverified |"),
        "{panic}"
    );
}

#[test]
fn blessing_rewrites_and_creates() {
    let dir = TempDir::new("bless");
    let path = dir.file("gates.md");
    let expected = registry().matrix().to_markdown();
    assert!(matches!(
        report::check_file(&expected, &path, false),
        Err(DocsError::Missing { .. })
    ));
    assert_eq!(
        report::check_file(&expected, &path, true).unwrap(),
        DocsCheck::Blessed
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
    assert_eq!(
        report::check_file(&expected, &path, true).unwrap(),
        DocsCheck::UpToDate
    );
    std::fs::write(&path, "stale\n").unwrap();
    assert_eq!(
        report::check_file(&expected, &path, true).unwrap(),
        DocsCheck::Blessed
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), expected);
}

#[test]
fn markers_confine_the_check_to_their_region() {
    let dir = TempDir::new("markers");
    let path = dir.file("README.md");
    let expected = registry().matrix().to_markdown();
    let doc = |region: &str| {
        format!(
            "# Support\n\nProse.\n\n{}\n{region}{}\n\nMore prose.\n",
            report::BEGIN_MARKER,
            report::END_MARKER
        )
    };
    std::fs::write(&path, doc("| stale |\n")).unwrap();
    let err = report::check_file(&expected, &path, false).unwrap_err();
    let DocsError::Drift { diff, .. } = &err else {
        panic!("{err:?}")
    };
    assert!(
        diff.starts_with("@@ line 6 @@\n-| stale |\n+| name "),
        "{diff}"
    );
    assert_eq!(
        report::check_file(&expected, &path, true).unwrap(),
        DocsCheck::Blessed
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), doc(&expected));
    report::assert_docs(registry(), &path);

    std::fs::write(&path, format!("{}\nno end\n", report::BEGIN_MARKER)).unwrap();
    let err = report::check_file(&expected, &path, true).unwrap_err();
    assert!(matches!(err, DocsError::Markers { .. }), "{err}");
}

/// Runs this test binary again with `FEATUREGATE_BLESS` set, so the
/// environment variable is exercised without mutating this process's
/// environment (which is `unsafe` and racy across test threads).
fn rerun_with_bless(value: &str, path: &std::path::Path) -> std::process::Output {
    Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "env_child", "--nocapture", "--test-threads=1"])
        .env(report::BLESS_ENV, value)
        .env("FEATUREGATE_DOCS_CHILD", path)
        .output()
        .unwrap()
}

/// The child half of `bless_from_the_environment`; does nothing on its own.
#[test]
fn env_child() {
    if let Some(path) = std::env::var_os("FEATUREGATE_DOCS_CHILD") {
        report::assert_docs(registry(), path);
    }
}

#[test]
fn bless_from_the_environment() {
    let dir = TempDir::new("env");
    let path = dir.file("gates.md");
    std::fs::write(&path, "stale\n").unwrap();

    let out = rerun_with_bless("0", &path);
    assert!(!out.status.success(), "a check without blessing must fail");
    let output = format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(output.contains("-stale"), "{output}");
    assert_eq!(std::fs::read_to_string(&path).unwrap(), "stale\n");

    let out = rerun_with_bless("1", &path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        registry().matrix().to_markdown()
    );
}
