//! Where configuration comes from: overlays, `Sources`, the environment and
//! files, every bad file refused with its name (and line where known).

use std::error::Error as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};

use featuregate::{GateConfig, MAX_FILE_BYTES, SourceError, Sources};

fn config(flags: &str) -> GateConfig {
    GateConfig::parse(flags).unwrap()
}

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

fn refused(path: &Path) -> SourceError {
    GateConfig::from_path(path).expect_err("the file must be refused")
}

/// Every error names the file, on one line, and does not repeat its source.
fn check_message(err: &SourceError, path: &Path) -> String {
    let shown = err.to_string();
    assert!(shown.contains(&path.display().to_string()), "{shown}");
    assert!(!shown.contains('\n'), "{shown}");
    assert!(!shown.ends_with('.'), "{shown}");
    if let Some(source) = err.source() {
        assert!(
            !shown.contains(&source.to_string()),
            "{shown} repeats {source}"
        );
    }
    shown
}

#[test]
fn overlay_lets_the_top_win_per_gate() {
    let below = config("A=true,B=true,C=false,D=false");
    let top = config("B=false,C=true,E=true");
    let both = below.overlay(&top);
    assert_eq!(both.enabled, ["A", "C", "E"]);
    assert_eq!(both.disabled, ["D", "B"]);
    assert_eq!(below.overlay(&GateConfig::default()), below);
    assert_eq!(GateConfig::default().overlay(&top), top);
}

#[test]
fn sources_layer_in_order_and_tell_the_origin() {
    let sources = Sources::new()
        .with("file /etc/vmm/gates.yaml", config("A=true,B=true,C=true"))
        .with("env VMM_FEATURE_GATES", config("B=false"))
        .with("--feature-gates", config("C=false,D=true"));
    assert_eq!(
        sources.config().to_string(),
        "A=true,D=true,B=false,C=false"
    );
    assert_eq!(sources.origin("A"), Some("file /etc/vmm/gates.yaml"));
    assert_eq!(sources.origin("B"), Some("env VMM_FEATURE_GATES"));
    assert_eq!(sources.origin("C"), Some("--feature-gates"));
    assert_eq!(sources.origin("D"), Some("--feature-gates"));
    assert_eq!(sources.origin("E"), None);
    assert_eq!(sources.iter().len(), 3);
    assert!(Sources::new().config().is_empty());
    assert_eq!(Sources::new().origin("A"), None);
}

const VAR: &str = "FEATUREGATE_SOURCES_TEST_GATES";

/// Run in a child process with the variable set (the environment of the
/// test process is shared by its threads, and changing it is unsafe).
#[test]
fn from_env_child() {
    if std::env::var_os("FEATUREGATE_SOURCES_CHILD").is_none() {
        return;
    }
    println!("RESULT {:?}", GateConfig::from_env(VAR));
}

fn from_env_with(value: Option<&std::ffi::OsStr>) -> String {
    let mut child = Command::new(std::env::current_exe().unwrap());
    child
        .args([
            "from_env_child",
            "--exact",
            "--nocapture",
            "--test-threads=1",
        ])
        .env("FEATUREGATE_SOURCES_CHILD", "1")
        .env_remove(VAR);
    if let Some(value) = value {
        child.env(VAR, value);
    }
    let out = child.output().unwrap();
    assert!(out.status.success(), "{out:?}");
    let stdout = String::from_utf8(out.stdout).unwrap();
    let (_, result) = stdout.split_once("RESULT ").unwrap();
    result.lines().next().unwrap().to_owned()
}

#[test]
fn from_env_reads_the_flag_form() {
    assert_eq!(from_env_with(None), "Ok(None)");
    assert_eq!(
        from_env_with(Some("".as_ref())),
        format!("{:?}", Ok::<_, ()>(Some(GateConfig::default())))
    );
    assert_eq!(
        from_env_with(Some(" A=true, B=false ".as_ref())),
        format!("{:?}", Ok::<_, ()>(Some(config("A=true,B=false"))))
    );
    let bad = from_env_with(Some("A=true,B=maybe".as_ref()));
    assert!(
        bad.starts_with("Err(") && bad.contains("position: 2"),
        "{bad}"
    );
    #[cfg(unix)]
    {
        use std::os::unix::ffi::OsStrExt as _;
        let raw = std::ffi::OsStr::from_bytes(b"A=true,B\xff=true");
        let bad = from_env_with(Some(raw));
        assert!(
            bad.starts_with("Err(") && bad.contains("position: 2"),
            "{bad}"
        );
    }
}

#[test]
fn a_flag_form_file_takes_lines_commas_and_comments() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(
        dir.path(),
        "gates",
        "\u{feff}# set by the operator\nA=true, B=false\n\n  C=true\r\n",
    );
    assert_eq!(
        GateConfig::from_path(&path).unwrap(),
        config("A=true,C=true,B=false")
    );
    let empty = write(dir.path(), "empty", "# nothing yet\n");
    assert_eq!(
        GateConfig::from_path(&empty).unwrap(),
        GateConfig::default()
    );

    let bad = write(dir.path(), "bad", "# c\nA=true\nB=true,C=yes\n");
    let err = refused(&bad);
    assert_eq!(err.line(), Some(3));
    assert_eq!(err.path(), bad);
    let shown = check_message(&err, &bad);
    assert!(shown.contains("line 3"), "{shown}");
    assert!(err.source().unwrap().to_string().contains("C=yes"));
}

#[test]
fn missing_unreadable_and_directory_files_are_errors_naming_them() {
    let dir = tempfile::tempdir().unwrap();
    let missing = dir.path().join("absent.yaml");
    let err = refused(&missing);
    assert!(err.is_not_found());
    check_message(&err, &missing);
    let io = err
        .source()
        .unwrap()
        .downcast_ref::<std::io::Error>()
        .unwrap();
    assert_eq!(io.kind(), std::io::ErrorKind::NotFound);

    let err = refused(dir.path());
    assert!(!err.is_not_found());
    check_message(&err, dir.path());
}

#[test]
fn one_mebibyte_passes_and_one_byte_more_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let head = "A=true\n";
    let mut text = String::from(head);
    text.push('#');
    text.push_str(&"x".repeat(MAX_FILE_BYTES - head.len() - 2));
    text.push('\n');
    assert_eq!(text.len(), 1_048_576);
    let fits = write(dir.path(), "fits", &text);
    assert_eq!(GateConfig::from_path(&fits).unwrap(), config("A=true"));

    text.push('\n');
    let over = write(dir.path(), "over", &text);
    let err = refused(&over);
    assert!(err.source().is_none());
    assert!(check_message(&err, &over).contains("1 MiB"));
}

#[cfg(unix)]
#[test]
fn an_endless_device_is_refused_without_reading_it_all() {
    let started = Instant::now();
    let err = refused(Path::new("/dev/zero"));
    assert!(err.to_string().contains("character device"), "{err}");
    assert!(started.elapsed() < Duration::from_secs(10));
}

#[cfg(unix)]
#[test]
fn a_fifo_is_refused_without_opening_it() {
    let dir = tempfile::tempdir().unwrap();
    let fifo = dir.path().join("gates.yaml");
    let made = std::process::Command::new("mkfifo")
        .arg(&fifo)
        .status()
        .expect("mkfifo runs");
    assert!(made.success());
    // Opening a FIFO with no writer blocks: run the read on a thread and
    // fail the test rather than hang it.
    let (tx, rx) = std::sync::mpsc::channel();
    let path = fifo.clone();
    std::thread::spawn(move || tx.send(GateConfig::from_path(&path).map_err(|e| e.to_string())));
    let result = rx
        .recv_timeout(Duration::from_secs(10))
        .expect("from_path returns without opening the FIFO");
    let err = result.expect_err("a FIFO is refused");
    assert!(err.contains("FIFO, not a regular file"), "{err}");
}

#[cfg(unix)]
#[test]
fn a_symlink_to_a_regular_file_reads_as_a_configmap_volume_has_it() {
    let dir = tempfile::tempdir().unwrap();
    let target = write(dir.path(), "real", "A=true\n");
    let link = dir.path().join("gates");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    assert_eq!(GateConfig::from_path(&link).unwrap(), config("A=true"));
}

#[test]
fn bytes_that_are_not_utf8_are_refused_with_their_line() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "gates", b"A=true\nB\xff=true\n");
    let err = refused(&path);
    assert_eq!(err.line(), Some(2));
    assert!(check_message(&err, &path).contains("UTF-8"));
    assert!(err.source().is_some());
}

#[cfg(feature = "serde")]
#[test]
fn json_crs_and_bare_developer_configurations_read() {
    let dir = tempfile::tempdir().unwrap();
    let cr = r#"{"apiVersion": "kubevirt.io/v1", "kind": "KubeVirt",
        "metadata": {"name": "kubevirt"},
        "spec": {"configuration": {"developerConfiguration": {
            "featureGates": ["A", "B"], "disabledFeatureGates": ["C"], "useEmulation": true}}}}"#;
    let path = write(dir.path(), "kubevirt.json", cr);
    assert_eq!(
        GateConfig::from_path(&path).unwrap(),
        config("A=true,B=true,C=false")
    );

    let bare = write(
        dir.path(),
        "dev",
        r#"{"featureGates": ["A"], "logVerbosity": {}}"#,
    );
    assert_eq!(GateConfig::from_path(&bare).unwrap(), config("A=true"));
    let wrapped = write(
        dir.path(),
        "w.json",
        r#"{"developerConfiguration": {"disabledFeatureGates": ["C"]}}"#,
    );
    assert_eq!(GateConfig::from_path(&wrapped).unwrap(), config("C=false"));

    // SPEC 12, amended (fail safe, second pass): a CR names its kind and
    // apiVersion; a `spec` without them is of no known shape (these two
    // were empty configurations before).
    for empty in [
        r#"{"apiVersion": "kubevirt.io/v1", "kind": "KubeVirt", "spec": {}}"#,
        r#"{"apiVersion": "kubevirt.io/v1alpha3", "kind": "KubeVirt",
            "spec": {"configuration": {"developerConfiguration": null}}}"#,
        r#"{"developerConfiguration": {}}"#,
        "{}",
    ] {
        let path = write(dir.path(), "empty.json", empty);
        assert_eq!(
            GateConfig::from_path(&path).unwrap(),
            GateConfig::default(),
            "{empty}"
        );
    }
}

#[cfg(feature = "serde")]
#[test]
fn bad_json_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    for (text, line, says) in [
        ("{\n\"featureGates\": [\"A\",\n]\n}", 3, ""),
        ("[\"A\"]", 1, ""),
        ("{\"featureGates\": \"A\"}", 1, ""),
        (
            "{\n\"spec\": {\"configuration\": {\n\"developerConfiguration\": {\"feature_gates\": [\"A\"]}}}}",
            3,
            "featureGates",
        ),
        ("{\"spec\": {\"Configuration\": {}}}", 1, "`configuration`"),
        ("{\"kind\": \"ConfigMap\", \"data\": {}}", 1, "KubeVirt"),
        (
            "{\"spec\": {}, \"featureGates\": [\"A\"]}",
            1,
            "one of them",
        ),
        ("{\"featureGates\": [\"A\"]} trailing", 1, ""),
        (
            "{\"kind\": \"KubeVirt\", \"spec\": {\"configuration\": {\"developerConfiguration\": null}}}",
            1,
            "apiVersion",
        ),
        (
            "{\"spec\": {\"configuration\": {\"developerConfiguration\": {}}}}",
            1,
            "kind: KubeVirt",
        ),
    ] {
        let path = write(dir.path(), "gates.json", text);
        let err = refused(&path);
        assert_eq!(err.line(), Some(line), "{text}: {err}");
        check_message(&err, &path);
        let source = err.source().unwrap().to_string();
        assert!(source.contains(says), "{text}: {source}");
    }
}

#[cfg(feature = "yaml")]
#[test]
fn the_kubevirt_example_cr_reads() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/kubevirt/kubevirt-cr.yaml");
    let config = GateConfig::from_path(&path).unwrap();
    assert_eq!(
        config.enabled,
        ["Sidecar", "HostDevices", "VSOCK", "DownwardMetrics"]
    );
    assert_eq!(
        config.disabled,
        ["ImageVolume", "DecentralizedLiveMigration"]
    );
}

#[cfg(feature = "yaml")]
#[test]
fn yaml_in_every_shape_reads() {
    let dir = tempfile::tempdir().unwrap();
    let bare = write(
        dir.path(),
        "gates",
        "featureGates:\n  - A\ndisabledFeatureGates: [B]\n",
    );
    assert_eq!(
        GateConfig::from_path(&bare).unwrap(),
        config("A=true,B=false")
    );
    let wrapped = write(
        dir.path(),
        "w.yml",
        "developerConfiguration:\n  featureGates: [A]\n",
    );
    assert_eq!(GateConfig::from_path(&wrapped).unwrap(), config("A=true"));
    let no_lists = write(
        dir.path(),
        "cr.yaml",
        "apiVersion: kubevirt.io/v1\nkind: KubeVirt\nspec:\n  configuration:\n    developerConfiguration:\n",
    );
    assert_eq!(
        GateConfig::from_path(&no_lists).unwrap(),
        GateConfig::default()
    );
}

#[cfg(feature = "yaml")]
#[test]
fn bad_yaml_is_refused_with_its_line() {
    let dir = tempfile::tempdir().unwrap();
    for (text, line, says) in [
        ("featureGates:\n  - A\n feature: [\n", None, ""),
        (
            "spec:\n  configuration:\n    developerConfiguration:\n      feature_gates: [A]\n",
            Some(4),
            "featureGates",
        ),
        (
            "developerConfiguration:\n  disabledFeatureGate: [A]\n",
            Some(2),
            "disabledFeatureGates",
        ),
        (
            "spec:\n  configuration:\n    developerConfig:\n      featureGates: [A]\n",
            Some(3),
            "developerConfiguration",
        ),
        (
            "kind: ConfigMap\ndata:\n  gates: A=true\n",
            None,
            "KubeVirt",
        ),
        ("- A\n- B\n", Some(1), ""),
        ("featureGates: [A]\n---\nfeatureGates: [B]\n", None, ""),
    ] {
        let path = write(dir.path(), "gates.yaml", text);
        let err = refused(&path);
        if line.is_some() {
            assert_eq!(err.line(), line, "{text}: {err}");
        }
        check_message(&err, &path);
        let source = err.source().unwrap().to_string();
        assert!(source.contains(says), "{text}: {source}");
    }
}

#[cfg(feature = "yaml")]
#[test]
fn an_alias_bomb_is_refused_in_bounded_time() {
    use std::fmt::Write as _;

    let dir = tempfile::tempdir().unwrap();
    // Nine levels of ten aliases each: a billion names if expanded.
    let mut bomb =
        String::from("a: &a [\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\",\"x\"]\n");
    for level in b'b'..=b'j' {
        let prev = (level - 1) as char;
        let level = level as char;
        let refs = vec![format!("*{prev}"); 10].join(",");
        writeln!(bomb, "{level}: &{level} [{refs}]").unwrap();
    }
    bomb.push_str("featureGates: *j\n");
    let path = write(dir.path(), "bomb.yaml", &bomb);
    let started = Instant::now();
    let err = refused(&path);
    assert!(
        started.elapsed() < Duration::from_secs(5),
        "{:?}",
        started.elapsed()
    );
    check_message(&err, &path);
    assert!(
        err.source().unwrap().to_string().contains("alias"),
        "{err:?}"
    );
}

#[cfg(not(feature = "yaml"))]
#[test]
fn yaml_without_the_feature_says_which_feature() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "gates.yaml", "featureGates: [A]\n");
    assert!(refused(&path).to_string().contains("`yaml`"));
}

/// `main() -> Result<(), Box<dyn Error>>` prints the error's `Debug`: it
/// says why, in words, not the parser's internals.
#[test]
fn debug_shows_the_message_and_its_cause() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "gates", "A=yes\n");
    let shown = format!("{:?}", refused(&path));
    assert!(shown.starts_with("SourceError { message: "), "{shown}");
    assert!(shown.contains("gates"), "{shown}");
    assert!(
        shown.contains("cause: Some(") && shown.contains("yes"),
        "{shown}"
    );
}
