//! The shapes a configuration file may have (SPEC 12, amended: fail safe,
//! second pass): every known one reads, every other is refused saying
//! which shapes are read, never taken for an empty configuration; YAML
//! tags, several documents and `kind: List` are refused with a hint; every
//! message is bounded and escaped wherever its text comes from, and gives
//! the line once.
#![cfg(feature = "yaml")]

use std::error::Error as _;
use std::fs;
use std::path::{Path, PathBuf};

use featuregate::{GateConfig, SourceError};

fn write(dir: &Path, name: &str, text: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    fs::write(&path, text).unwrap();
    path
}

/// Unicode Cc (a line break aside, where problems are one per line), Cf,
/// Zl, Zp, private use and tag characters: never in a message.
fn forbidden(c: char) -> bool {
    (c.is_control() && c != '\n')
        || matches!(c,
            '\u{ad}' | '\u{600}'..='\u{605}' | '\u{61c}' | '\u{6dd}' | '\u{70f}'
            | '\u{180e}' | '\u{200b}'..='\u{200f}' | '\u{2028}'..='\u{202e}'
            | '\u{2060}'..='\u{206f}' | '\u{feff}' | '\u{fff9}'..='\u{fffb}'
            | '\u{e000}'..='\u{f8ff}' | '\u{e0000}'..='\u{e007f}'
            | '\u{f0000}'..='\u{ffffd}' | '\u{100000}'..='\u{10fffd}')
}

/// The error's `Display`, its chain and its `Debug`: each at most 1 KiB
/// per problem, no forbidden character; returns `Display: source`.
fn check_bounded(err: &SourceError) -> String {
    let problems = err.problems().len();
    let shown = err.to_string();
    let debug = format!("{err:?}");
    let chain = match err.source() {
        Some(source) => format!("{shown}: {source}"),
        None => shown.clone(),
    };
    for text in [&shown, &debug, &chain] {
        assert!(
            text.len() <= 1024 * problems,
            "{} bytes: {}",
            text.len(),
            &text[..text.len().min(300)]
        );
        assert!(!text.chars().any(forbidden), "{text:?}");
    }
    chain
}

fn refused_text(dir: &Path, name: &str, text: &str) -> String {
    let path = write(dir, name, text);
    let err = GateConfig::from_path(&path).expect_err(text);
    check_bounded(&err)
}

fn read_text(dir: &Path, name: &str, text: &str) -> GateConfig {
    let path = write(dir, name, text);
    GateConfig::from_path(&path).unwrap_or_else(|e| panic!("{text}: {e:?}"))
}

#[test]
fn the_known_shapes_read() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let cr = "apiVersion: kubevirt.io/v1\nkind: KubeVirt\nmetadata: {name: kv}\nspec:\n  \
              configuration:\n    developerConfiguration:\n      featureGates: [A]\n";
    assert_eq!(read_text(d, "cr.yaml", cr).enabled, ["A"]);
    let old = cr.replace("kubevirt.io/v1", "kubevirt.io/v1alpha3");
    assert_eq!(read_text(d, "old.yaml", &old).enabled, ["A"]);
    // A CR without developerConfiguration is empty.
    let bare_cr = "apiVersion: kubevirt.io/v1\nkind: KubeVirt\nspec:\n  imagePullPolicy: Always\n";
    assert!(read_text(d, "cr2.yaml", bare_cr).is_empty());
    // An object holding developerConfiguration, beside other settings.
    let wrapped = "developerConfiguration:\n  featureGates: [A]\nmigrations: {}\n";
    assert_eq!(read_text(d, "w.yaml", wrapped).enabled, ["A"]);
    // KubeVirt omits an empty featureGates: the operator removed the last
    // gate, an empty configuration, not a refusal.
    for text in [
        "useEmulation: true\nmemoryOvercommit: 150\n",
        "logVerbosity: {virtLauncher: 2}\nnodeSelectors: {a: b}\ncpuAllocationRatio: 10\n",
        "pvcTolerateLessSpaceUpToPercent: 10\nminimumReservePVCBytes: 1\n\
         minimumClusterTSCFrequency: 1\ndiskVerification: {}\nclusterProfiler: false\n",
        "{}\n",
        "",
        "# nothing yet\n",
    ] {
        assert!(read_text(d, "dev.yaml", text).is_empty(), "{text}");
    }
    assert!(read_text(d, "dev.json", r#"{"useEmulation": true}"#).is_empty());
    assert_eq!(read_text(d, "flags", "A=true\n").enabled, ["A"]);
}

#[test]
fn a_file_of_no_known_shape_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (name, text, says) in [
        // A zero-width space in the key: a near miss, not another key.
        (
            "zw.yaml",
            "feature\u{200b}Gates: [ImageVolume]\n",
            "featureGates",
        ),
        (
            "zw.json",
            "{\"feature\u{200b}Gates\": [\"ImageVolume\"]}",
            "featureGates",
        ),
        (
            "bom.yaml",
            "developerConfiguration:\n  \u{2060}featureGates: [A]\n",
            "featureGates",
        ),
        // A level missing.
        (
            "level.yaml",
            "apiVersion: kubevirt.io/v1\nkind: KubeVirt\nspec:\n  developerConfiguration:\n    featureGates: [A]\n",
            "misplaced",
        ),
        (
            "level2.yaml",
            "spec:\n  developerConfiguration:\n    featureGates: [A]\n",
            "",
        ),
        (
            "enabled.yaml",
            "enabledFeatureGates: [ImageVolume]\n",
            "enabledFeatureGates",
        ),
        (
            "enabled2.yaml",
            "developerConfiguration:\n  enabledFeatureGates: [ImageVolume]\n",
            "enabledFeatureGates",
        ),
        // A YAML map of gate names to booleans.
        (
            "map.yaml",
            "ImageVolume: true\nSnapshot: false\n",
            "KubeVirt CR",
        ),
        (
            "kind.yaml",
            "apiVersion: v1\nkind: ConfigMap\ndata: {}\n",
            "ConfigMap",
        ),
        (
            "api.yaml",
            "apiVersion: kubevirt.io/v2\nkind: KubeVirt\n",
            "kubevirt.io/v2",
        ),
        ("noapi.yaml", "kind: KubeVirt\nspec: {}\n", "apiVersion"),
        (
            "top.json",
            r#"{"apiVersion": "kubevirt.io/v1", "kind": "KubeVirt", "featureGates": ["A"]}"#,
            "spec.configuration.developerConfiguration",
        ),
        ("list.json", r#"["ImageVolume"]"#, ""),
        ("scalar.yaml", "ImageVolume\n", ""),
        ("other.yaml", "featureGates: [A]\nreplicas: 3\n", "replicas"),
    ] {
        let shown = refused_text(d, name, text);
        assert!(shown.contains(says), "{name}: {shown}");
    }
    // What the shapes are: the refusal says.
    let shown = refused_text(d, "map.yaml", "ImageVolume: true\n");
    assert!(
        shown.contains("developerConfiguration") && shown.contains("flag-form"),
        "{shown}"
    );
}

#[cfg(target_os = "linux")]
#[test]
fn proc_self_status_is_refused() {
    let err = GateConfig::from_path("/proc/self/status").expect_err("not a configuration");
    check_bounded(&err);
}

#[test]
fn yaml_tags_several_documents_and_lists_are_refused_with_a_hint() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for text in [
        "featureGates: [!!binary RzAwMA==, !custom G005]\n",
        "featureGates: [!!str G000]\n",
        "featureGates: !!seq [G000]\n",
        "featureGates:\n  - !custom G005\n",
    ] {
        let path = write(d, "tags.yaml", text);
        let err = GateConfig::from_path(&path).expect_err(text);
        let shown = check_bounded(&err);
        assert!(shown.contains("tag"), "{shown}");
        assert!(err.line().is_some(), "{shown}");
    }
    let shown = refused_text(
        d,
        "docs.yaml",
        "featureGates: [A]\n---\nfeatureGates: [B]\n",
    );
    assert!(
        shown.contains("document") && shown.contains("line 2"),
        "{shown}"
    );
    let list =
        "apiVersion: v1\nkind: List\nitems:\n- apiVersion: kubevirt.io/v1\n  kind: KubeVirt\n";
    let shown = refused_text(d, "list.yaml", list);
    assert!(
        shown.contains("List") && shown.contains("kubectl get kubevirt"),
        "{shown}"
    );
}

#[test]
fn a_hostile_value_gives_a_bounded_message() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    // 900,000 bytes of value after an escape sequence: the message was
    // 900,154 bytes, its Debug 900,206.
    let text = format!(
        "{{\"featureGates\": \"\\u001b[31m{}\"}}",
        "A".repeat(900_000)
    );
    let path = write(d, "big.json", &text);
    let err = GateConfig::from_path(&path).unwrap_err();
    let chain = check_bounded(&err);
    assert!(chain.len() < 600, "{} bytes: {chain}", chain.len());
    assert!(format!("{err:?}").len() < 800);

    // `Kube\u{2028}Virt` and a tag character: both escaped.
    let text = "apiVersion: kubevirt.io/v1\nkind: \"Kube\\u2028Virt\\U000E0041\"\n";
    let shown = refused_text(d, "kind.yaml", text);
    assert!(shown.contains("Kube\\u{2028}Virt\\u{e0041}"), "{shown}");

    // 250 x U+0001: 1,353 bytes before (the cut counted input bytes).
    let text = format!(
        "{{\"apiVersion\": \"kubevirt.io/v1\", \"kind\": \"{}\"}}",
        "\\u0001".repeat(250)
    );
    let path = write(d, "ones.json", &text);
    let err = GateConfig::from_path(&path).unwrap_err();
    let chain = check_bounded(&err);
    assert!(chain.len() < 600, "{} bytes: {chain}", chain.len());
    assert!(chain.contains("(250 bytes)"), "{chain}");

    // A path of control characters and 10,000 bytes: escaped, cut.
    let name = format!("\u{1b}[31m{}", "p".repeat(200));
    let path = write(d, &name, "ImageVolume=yes\n");
    let err = GateConfig::from_path(&path).unwrap_err();
    let chain = check_bounded(&err);
    assert!(chain.contains("\\u{1b}[31m"), "{chain}");
}

#[test]
fn the_line_is_given_once() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    for (name, text, line) in [
        ("bad.yaml", "featureGates:\n  - A\n  - [B\n", None),
        ("bad.json", "{\n\"featureGates\": [\"A\",\n]\n}", Some(3)),
        (
            "near.yaml",
            "spec:\n  configuration:\n    developerConfiguration:\n      feature_gates: [A]\n",
            None,
        ),
        (
            "type.yaml",
            "useEmulation: true\nlogVerbosity: {}\nfeatureGates: 7\n",
            Some(3),
        ),
    ] {
        let path = write(d, name, text);
        let err = GateConfig::from_path(&path).expect_err(text);
        let chain = check_bounded(&err);
        if line.is_some() {
            assert_eq!(err.line(), line, "{chain}");
        }
        assert!(chain.matches("line").count() <= 1, "{name}: {chain}");
        assert!(!chain.contains("column"), "{name}: {chain}");
    }
}

#[test]
fn every_bad_entry_of_a_flag_file_is_reported() {
    let dir = tempfile::tempdir().unwrap();
    let path = write(dir.path(), "gates", "A=true\nB=yes\nC=true,D\n");
    let err = GateConfig::from_path(&path).unwrap_err();
    let lines: Vec<Option<usize>> = err.problems().map(SourceError::line).collect();
    assert_eq!(lines, [Some(2), Some(3)]);
    assert_eq!(err.to_string().lines().count(), 2);
    check_bounded(&err);
}

#[test]
fn deep_nesting_is_refused_without_overflowing_the_stack() {
    let dir = tempfile::tempdir().unwrap();
    let d = dir.path();
    let depth = 100_000;
    let flow = format!("featureGates: {}{}\n", "[".repeat(depth), "]".repeat(depth));
    refused_text(d, "flow.yaml", &flow);
    let mut block = String::new();
    for i in 0..2_000 {
        block.push_str(&" ".repeat(i));
        block.push('k');
        block.push_str(&i.to_string());
        block.push_str(":\n");
    }
    refused_text(d, "block.yaml", &block);
    let json = format!(
        "{{\"featureGates\": {}{}}}",
        "[".repeat(depth),
        "]".repeat(depth)
    );
    refused_text(d, "deep.json", &json);
}

/// A document that is no mapping at all says what it should be, whole:
/// serde quotes the expectation inside its own message, which is cut to
/// 200 bytes, so the expectation is short enough never to be cut.
#[test]
fn a_document_that_is_no_mapping_says_what_it_should_be() {
    let dir = tempfile::tempdir().unwrap();
    for (name, text) in [("list.json", "[1, 2]"), ("gates.json", "\"ImageVolume\"")] {
        let err = GateConfig::from_path(write(dir.path(), name, text)).unwrap_err();
        let shown = check_bounded(&err);
        assert!(
            shown.contains("expected a mapping (a KubeVirt CR, or a developerConfiguration, bare or in an object)"),
            "{shown}"
        );
        assert!(!shown.contains("..."), "{shown}");
    }
}
