//! The docs check: a committed Markdown matrix that matches passes, one that
//! drifted fails with a line diff, and blessing rewrites it (by argument and
//! through `FEATUREGATE_BLESS=1` only). It touches only a regular file of
//! sane size, only between its markers, and replaces it atomically.

use std::path::PathBuf;
use std::process::Command;

use featuregate::report::{self, DocsCheck, DocsError};
use featuregate::{Arch, FeatureGate, Registry, feature_gate, registry};

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

/// `region` between the markers, with prose around them.
fn doc(region: &str) -> String {
    format!(
        "# Support\n\nProse.\n\n{}\n{region}{}\n\nMore prose.\n",
        report::BEGIN_MARKER,
        report::END_MARKER
    )
}

#[test]
fn matching_file_passes() {
    let dir = TempDir::new("matching");
    let path = dir.file("gates.md");
    std::fs::write(&path, doc(&registry().matrix().to_markdown())).unwrap();
    assert_eq!(
        report::check_docs(registry(), &path).unwrap(),
        DocsCheck::UpToDate
    );
    report::assert_docs(registry(), &path);
    // Windows checkouts turn line ends into CRLF; that is not drift.
    std::fs::write(
        &path,
        doc(&registry().matrix().to_markdown()).replace('\n', "\r\n"),
    )
    .unwrap();
    report::assert_docs(registry(), &path);
}

#[test]
fn the_architectures_a_program_ships() {
    let dir = TempDir::new("archs");
    let path = dir.file("gates.md");
    let shipped = registry().matrix().with_archs([Arch::Arm64, Arch::Amd64]);
    std::fs::write(&path, doc(&shipped.to_markdown())).unwrap();
    report::assert_docs(shipped.clone(), &path);
    assert!(
        shipped
            .to_markdown()
            .starts_with("| name        | state | amd64     | arm64      |\n")
    );
    let err = report::check_docs(registry(), &path).unwrap_err();
    assert!(matches!(err, DocsError::Drift { .. }), "{err}");
}

#[test]
fn drifted_file_fails_with_a_line_diff() {
    let dir = TempDir::new("drifted");
    let path = dir.file("gates.md");
    // The file was written when only ExpandDisks existed.
    let old = doc(&Registry::new([ExpandDisks::GATE])
        .unwrap()
        .matrix()
        .to_markdown());
    std::fs::write(&path, &old).unwrap();
    let err = report::check_file(&registry().matrix().to_markdown(), &path, false).unwrap_err();
    let DocsError::Drift { diff, .. } = &err else {
        panic!("{err:?}")
    };
    assert_eq!(
        diff,
        "\
@@ line 6 @@
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
    // The error is one line; the diff belongs to assert_docs's panic.
    let message = err.to_string();
    assert!(message.contains("is out of date"), "{message}");
    assert!(message.contains("FEATUREGATE_BLESS=1"), "{message}");
    assert!(!message.contains('\n'), "{message}");
    // A failed check leaves the file alone.
    assert_eq!(std::fs::read_to_string(&path).unwrap(), old);

    let panic = std::panic::catch_unwind(|| report::assert_docs(registry(), &path)).unwrap_err();
    let panic = panic.downcast_ref::<String>().unwrap();
    assert!(panic.starts_with(&message), "{panic}");
    assert!(
        panic.contains("+| ImageVolume | Beta  | Supported | Unverified |"),
        "{panic}"
    );
}

#[test]
fn blessing_rewrites_and_creates_with_markers() {
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
    let created = format!(
        "{}\n{expected}{}\n",
        report::BEGIN_MARKER,
        report::END_MARKER
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), created);
    assert_eq!(
        report::check_file(&expected, &path, true).unwrap(),
        DocsCheck::UpToDate
    );
    std::fs::write(&path, doc("stale\n")).unwrap();
    assert_eq!(
        report::check_file(&expected, &path, true).unwrap(),
        DocsCheck::Blessed
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), doc(&expected));
}

#[test]
fn markers_confine_the_check_to_their_region() {
    let dir = TempDir::new("markers");
    let path = dir.file("README.md");
    let expected = registry().matrix().to_markdown();
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
}

#[test]
fn a_file_without_both_markers_is_an_error_blessing_or_not() {
    let dir = TempDir::new("no-markers");
    let path = dir.file("README.md");
    let expected = registry().matrix().to_markdown();
    for text in [
        "# A README someone wrote by hand\n".to_owned(),
        expected.clone(),
        format!("{}\nno end\n", report::BEGIN_MARKER),
        format!("{}\n{}\n", report::END_MARKER, report::BEGIN_MARKER),
    ] {
        std::fs::write(&path, &text).unwrap();
        for bless in [false, true] {
            let err = report::check_file(&expected, &path, bless).unwrap_err();
            assert!(matches!(err, DocsError::Markers { .. }), "{err}");
            assert!(err.to_string().contains(report::BEGIN_MARKER), "{err}");
            assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "untouched");
        }
    }
}

#[test]
fn blessing_replaces_the_file_atomically() {
    let dir = TempDir::new("atomic");
    let path = dir.file("gates.md");
    let expected = registry().matrix().to_markdown();
    std::fs::write(&path, doc("stale\n")).unwrap();
    // A second name for the same file: writing in place would change it too;
    // a new file renamed over the path leaves it as it was.
    let link = dir.file("hard-link.md");
    std::fs::hard_link(&path, &link).unwrap();
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
    }
    assert_eq!(
        report::check_file(&expected, &path, true).unwrap(),
        DocsCheck::Blessed
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), doc(&expected));
    assert_eq!(std::fs::read_to_string(&link).unwrap(), doc("stale\n"));
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt as _;
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o640, "the old file's permissions are kept");
    }
    // No temporary file is left behind.
    let mut names: Vec<_> = std::fs::read_dir(&dir.0)
        .unwrap()
        .map(|e| e.unwrap().file_name().into_string().unwrap())
        .collect();
    names.sort();
    assert_eq!(names, ["gates.md", "hard-link.md"]);
}

#[test]
fn a_failed_write_is_an_error_naming_the_file() {
    let dir = TempDir::new("failed-write");
    // A path whose directory does not exist cannot be created.
    let path = dir.file("missing-dir").join("gates.md");
    let err = report::check_file("x\n", &path, true).unwrap_err();
    assert!(matches!(err, DocsError::Write { .. }), "{err:?}");
    // Display names the file; the cause is source(), not repeated.
    let source = std::error::Error::source(&err).unwrap().to_string();
    assert!(!err.to_string().contains(&source), "{err}");
    assert!(err.to_string().contains("gates.md"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_symlink_is_never_followed() {
    let dir = TempDir::new("symlink");
    let target = dir.file("elsewhere.md");
    let expected = registry().matrix().to_markdown();
    std::fs::write(&target, doc("stale\n")).unwrap();
    let path = dir.file("gates.md");
    std::os::unix::fs::symlink(&target, &path).unwrap();
    for bless in [false, true] {
        let err = report::check_file(&expected, &path, bless).unwrap_err();
        assert!(
            matches!(
                err,
                DocsError::NotAFile {
                    kind: "symbolic link",
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(std::fs::read_to_string(&target).unwrap(), doc("stale\n"));
    }
    assert!(
        std::fs::symlink_metadata(&path)
            .unwrap()
            .file_type()
            .is_symlink()
    );
    // A dangling symlink is not a missing file either.
    let dangling = dir.file("dangling.md");
    std::os::unix::fs::symlink(dir.file("nowhere.md"), &dangling).unwrap();
    let err = report::check_file(&expected, &dangling, true).unwrap_err();
    assert!(matches!(err, DocsError::NotAFile { .. }), "{err:?}");
    assert!(!dir.file("nowhere.md").exists());
}

/// Runs `check` on another thread and fails the test, rather than hang it,
/// when the check does not return within seconds (it would if it opened a
/// FIFO or read a device to its end).
fn without_blocking(path: PathBuf, bless: bool) -> Result<DocsCheck, DocsError> {
    let (send, receive) = std::sync::mpsc::channel();
    std::thread::spawn(move || {
        let _ = send.send(report::check_file("x\n", &path, bless));
    });
    receive
        .recv_timeout(std::time::Duration::from_secs(20))
        .expect("the docs check blocked on a special file")
}

#[cfg(unix)]
#[test]
fn devices_fifos_and_directories_are_refused_without_reading() {
    let dir = TempDir::new("special");
    let fifo = dir.file("fifo.md");
    let made = Command::new("mkfifo").arg(&fifo).status().unwrap();
    assert!(made.success());
    for bless in [false, true] {
        let err = without_blocking(fifo.clone(), bless).unwrap_err();
        assert!(
            matches!(err, DocsError::NotAFile { kind: "FIFO", .. }),
            "{err:?}"
        );
        let err = without_blocking("/dev/zero".into(), bless).unwrap_err();
        assert!(
            matches!(
                err,
                DocsError::NotAFile {
                    kind: "character device",
                    ..
                }
            ),
            "{err:?}"
        );
        assert_eq!(
            err.to_string(),
            "/dev/zero is a character device, not a regular file; the docs check reads and \
             writes regular files only"
        );
        let err = without_blocking(dir.0.clone(), bless).unwrap_err();
        assert!(
            matches!(
                err,
                DocsError::NotAFile {
                    kind: "directory",
                    ..
                }
            ),
            "{err:?}"
        );
    }
}

#[test]
fn a_huge_file_is_refused() {
    let dir = TempDir::new("huge");
    let path = dir.file("gates.md");
    // Sparse: no disk is spent on it.
    let file = std::fs::File::create(&path).unwrap();
    file.set_len(report::MAX_DOC_BYTES + 1).unwrap();
    drop(file);
    for bless in [false, true] {
        let err = report::check_file("x\n", &path, bless).unwrap_err();
        assert!(matches!(err, DocsError::TooLarge { .. }), "{err:?}");
    }
    assert_eq!(
        std::fs::metadata(&path).unwrap().len(),
        report::MAX_DOC_BYTES + 1
    );
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
    std::fs::write(&path, doc("stale\n")).unwrap();

    // Only `1` blesses: not `0`, not `true` in any case, not ` 1`.
    for value in ["0", "true", "TrUe", " 1", "yes"] {
        let out = rerun_with_bless(value, &path);
        assert!(
            !out.status.success(),
            "{value:?} must not bless: a check without blessing fails"
        );
        let output = format!(
            "{}{}",
            String::from_utf8_lossy(&out.stdout),
            String::from_utf8_lossy(&out.stderr)
        );
        assert!(output.contains("-stale"), "{output}");
        assert_eq!(std::fs::read_to_string(&path).unwrap(), doc("stale\n"));
    }

    let out = rerun_with_bless("1", &path);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        doc(&registry().matrix().to_markdown())
    );
}

#[test]
fn a_second_block_is_checked_on_its_own() {
    let dir = TempDir::new("blocks");
    let path = dir.file("gates.md");
    let matrix = registry().matrix().to_markdown();
    let (begin, end) = report::markers("graph");
    assert_eq!(begin, "<!-- featuregate:graph:begin -->");
    assert_eq!(end, "<!-- featuregate:graph:end -->");
    let text = format!(
        "{}\n## Graph\n\n{begin}\nold graph\n{end}\ntail\n",
        doc(&matrix)
    );
    std::fs::write(&path, &text).unwrap();
    let graph = "```mermaid\nflowchart LR\n```\n";

    let err = report::check_block("graph", graph, &path, false).unwrap_err();
    let DocsError::Drift { diff, .. } = &err else {
        panic!("{err}")
    };
    assert!(
        diff.contains("-old graph") && diff.contains("+flowchart LR"),
        "{diff}"
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text, "untouched");

    assert_eq!(
        report::check_block("graph", graph, &path, true).unwrap(),
        DocsCheck::Blessed
    );
    let blessed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(blessed, text.replace("old graph\n", graph));
    // The matrix block is still current, and the graph block now is.
    assert_eq!(
        report::check_docs(registry(), &path).unwrap(),
        DocsCheck::UpToDate
    );
    assert_eq!(
        report::check_block("graph", graph, &path, false).unwrap(),
        DocsCheck::UpToDate
    );
    report::assert_block("graph", graph, &path);
    assert_eq!(
        report::check_block(report::MATRIX_BLOCK, &matrix, &path, false).unwrap(),
        DocsCheck::UpToDate
    );

    // A file without this block's markers is an error naming them.
    let other = dir.file("other.md");
    std::fs::write(&other, doc(&matrix)).unwrap();
    for bless in [false, true] {
        let err = report::check_block("graph", graph, &other, bless).unwrap_err();
        assert!(matches!(err, DocsError::Markers { ref block, .. } if block == "graph"));
        assert!(err.to_string().contains(&begin), "{err}");
    }
    assert_eq!(std::fs::read_to_string(&other).unwrap(), doc(&matrix));
}

#[test]
fn a_block_name_is_checked_before_the_file_is_touched() {
    let dir = TempDir::new("block-name");
    let path = dir.file("gates.md");
    for name in ["", "Graph", "a b", "x-->y", "g\n", &"a".repeat(65)] {
        let err = report::check_block(name, "x\n", &path, true).unwrap_err();
        assert!(
            matches!(err, DocsError::BlockName { .. }),
            "{name:?}: {err}"
        );
        assert!(!err.to_string().contains('\n'), "{err}");
    }
    assert!(!path.exists(), "nothing was created");
    assert_eq!(
        report::check_block("graph-2", "x\n", &path, true).unwrap(),
        DocsCheck::Blessed
    );
    assert_eq!(
        std::fs::read_to_string(&path).unwrap(),
        "<!-- featuregate:graph-2:begin -->\nx\n<!-- featuregate:graph-2:end -->\n"
    );
}
