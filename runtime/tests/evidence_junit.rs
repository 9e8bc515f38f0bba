//! Reading JUnit XML: one file of each format (Ginkgo v2, KubeVirt's
//! functest report, cargo-nextest, Surefire, pytest, nested suites), and
//! hostile files refused or bounded, never a panic, no message over 1 KiB.
#![cfg(feature = "evidence")]

use std::fmt::Write as _;
use std::io::{self, Read};

use featuregate::__private::leaked_gate_with;
use featuregate::evidence::{Evidence, EvidenceMap, EvidencePolicy, MAX_EVIDENCE_BYTES, Observed};
use featuregate::{Arch, Registry, State, Support};

const FIXTURES: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/evidence/");

fn registry() -> Registry {
    Registry::new([
        leaked_gate_with(
            "ImageVolume",
            State::Beta,
            &[(Arch::Amd64, Support::Supported)],
            &[],
        ),
        leaked_gate_with("Snapshot", State::Beta, &[], &[]),
    ])
    .unwrap()
}

/// What the evidence of one fixture on amd64 shows for `gate`.
fn observed(file: &str, map: &str, gate: &str) -> Observed {
    let mut evidence = Evidence::new().with_map(EvidenceMap::parse(map).unwrap());
    evidence
        .add_path(Arch::Amd64, format!("{FIXTURES}{file}"))
        .unwrap();
    registry()
        .assess(&evidence, &EvidencePolicy::default())
        .get(gate, Arch::Amd64)
        .unwrap()
        .clone()
}

fn figures(o: &Observed) -> (usize, usize, usize, usize) {
    (o.tests, o.runs, o.passes, o.failures)
}

#[test]
fn ginkgo_v2_status_failure_error_skipped_and_labels() {
    let image = observed("ginkgo_v2.xml", "", "ImageVolume");
    // boots (passed), fails (failure), panics (error); skipped and pending are no runs.
    assert_eq!(figures(&image), (3, 3, 1, 2));
    let (test, message) = image.last_failure().unwrap();
    // A trailing bracket of a Ginkgo name is its label list, so it is not part of the
    // test's identity (the gate it names still counts).
    assert_eq!(test, "E2E Suite::[It] hotplug panics");
    assert_eq!(message, "runtime error: index out of range");
    // Snapshot only through a Ginkgo label.
    assert_eq!(
        figures(&observed("ginkgo_v2.xml", "", "Snapshot")),
        (1, 1, 1, 0)
    );
}

#[test]
fn kubevirt_functest_bare_testsuite_through_the_map() {
    let map = "Tests Suite::*[sig-compute] VMI * => ImageVolume";
    let o = observed("kubevirt_functest.xml", map, "ImageVolume");
    assert_eq!(figures(&o), (2, 2, 1, 1));
    // A failure without `message`: its text, escaped.
    let (_, message) = o.last_failure().unwrap();
    assert_eq!(
        message,
        "/go/src/kubevirt.io/kubevirt/tests/vmi_test.go:100\\u{a}Timed out after 90s"
    );
}

#[test]
fn nextest_flaky_and_rerun_failures_are_failures() {
    let o = observed(
        "nextest.xml",
        "vmm::bin/vmm::gates::snapshot_* => Snapshot",
        "Snapshot",
    );
    // restores (pass), flaky (passed on a retry: a failure), breaks (failed), ignored (no run).
    assert_eq!(figures(&o), (3, 3, 1, 2));
}

#[test]
fn surefire_flaky_error_and_error() {
    let o = observed(
        "surefire.xml",
        "io.vmm.GateTest::imageVolume* => ImageVolume",
        "ImageVolume",
    );
    assert_eq!(figures(&o), (3, 3, 1, 2));
    assert_eq!(o.last_failure().unwrap().1, "null");
}

#[test]
fn pytest_tags_in_parameter_ids() {
    let o = observed("pytest.xml", "", "ImageVolume");
    assert_eq!(figures(&o), (2, 2, 1, 1));
    assert_eq!(o.last_failure().unwrap().1, "assert 1 == 2");
}

#[test]
fn nested_suites_and_their_timestamps() {
    assert_eq!(
        figures(&observed("nested.xml", "", "Snapshot")),
        (3, 3, 3, 0)
    );
    // --since: the inner suite dated January is left out; the others take the outer date.
    let mut evidence = Evidence::new().since("2026-02-01").unwrap();
    evidence
        .add_path(Arch::Amd64, format!("{FIXTURES}nested.xml"))
        .unwrap();
    let a = registry().assess(&evidence, &EvidencePolicy::default());
    assert_eq!(a.get("Snapshot", Arch::Amd64).unwrap().runs, 2);
}

#[test]
fn a_directory_is_read_for_xml_files() {
    let mut evidence = Evidence::new();
    evidence.add_path(Arch::Arm64, FIXTURES).unwrap();
    assert_eq!(evidence.files(), 6);
    assert_eq!(evidence.archs(), [Arch::Arm64]);
}

/// Every way a hostile file is told: short, one line, no raw control character.
fn assert_bounded(error: &impl std::fmt::Display) -> String {
    let text = error.to_string();
    assert!(text.len() <= 1024, "{} bytes: {text:.200}", text.len());
    assert!(!text.chars().any(char::is_control), "{text:?}");
    text
}

fn refused(xml: &[u8]) -> String {
    let mut evidence = Evidence::new();
    let error = evidence.add_junit(Arch::Amd64, xml).unwrap_err();
    assert!(evidence.archs().is_empty(), "an error leaves no trace");
    assert_bounded(&error)
}

#[test]
fn billion_laughs_is_refused() {
    let mut xml =
        String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 {
            "lol".to_owned()
        } else {
            format!("lol{}", i - 1)
        };
        let _ = writeln!(
            xml,
            "<!ENTITY lol{i} \"{}\">",
            format!("&{prev};").repeat(10)
        );
    }
    xml += "]>\n<testsuite><testcase name=\"&lol9;\"/></testsuite>\n";
    let text = refused(xml.as_bytes());
    assert!(text.contains("DTD"), "{text}");
    // An entity without a DTD is refused too, never expanded.
    let text = refused(b"<testsuite><testcase name=\"&lol9;\"/></testsuite>");
    assert!(text.contains("&lol9;"), "{text}");
}

#[test]
fn deep_nesting_is_bounded() {
    let mut xml = "<testsuite>".repeat(100_000);
    xml += &"</testsuite>".repeat(100_000);
    let text = refused(xml.as_bytes());
    assert!(text.contains("deeper than 256"), "{text}");
}

#[test]
fn invalid_utf8_is_an_error() {
    let mut xml = b"<testsuite><testcase name=\"bad ".to_vec();
    xml.extend_from_slice(&[0xff, 0xfe, 0x80]);
    xml.extend_from_slice(b"\"/></testsuite>");
    let text = refused(&xml);
    assert!(text.contains("not UTF-8"), "{text}");
}

#[test]
fn a_ten_megabyte_test_name_is_refused() {
    let xml = format!(
        "<testsuite><testcase name=\"{}\"/></testsuite>",
        "\u{202e}A".repeat(10 << 20 >> 2)
    );
    let text = refused(xml.as_bytes());
    assert!(text.contains("over the 4096-byte limit"), "{text}");
}

#[test]
fn hostile_messages_are_escaped_and_cut() {
    let xml = format!(
        "<testsuite><testcase name=\"t [FeatureGate:ImageVolume]\"><failure message=\"\x1b]0;owned\x07{}\"/></testcase></testsuite>",
        "\u{200b}x".repeat(10_000)
    );
    let mut evidence = Evidence::new();
    evidence.add_junit(Arch::Amd64, xml.as_bytes()).unwrap();
    let a = registry().assess(&evidence, &EvidencePolicy::default());
    let (_, message) = a
        .get("ImageVolume", Arch::Amd64)
        .unwrap()
        .last_failure()
        .unwrap();
    assert!(message.starts_with("\\u{1b}]0;owned\\u{7}"), "{message}");
    assert!(message.len() < 260, "{}", message.len());
    for finding in a.findings() {
        assert_bounded(finding);
    }
}

#[test]
fn not_junit_is_refused() {
    let text = refused(b"<html><body/></html>");
    assert!(text.contains("<html>"), "{text}");
    let text = refused(b"");
    assert!(text.contains("no JUnit report"), "{text}");
    let text = refused(b"<testsuite><testcase></testsuite>");
    assert!(text.contains("not well-formed"), "{text}");
}

/// 300 MiB of well-formed cases, made as they are read.
struct Endless {
    left: u64,
    started: bool,
}

/// The size of each comment [`Endless`] gives.
const CHUNK: usize = 4096;

impl Read for Endless {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        if !self.started {
            self.started = true;
            let head = b"<testsuite>";
            buf[..head.len()].copy_from_slice(head);
            return Ok(head.len());
        }
        // Comments of 4 KiB: few events, each small, so the parse is quick.
        let mut n = 0;
        while self.left > 0 && n + CHUNK <= buf.len() {
            let chunk = &mut buf[n..n + CHUNK];
            chunk.fill(b'.');
            chunk[..4].copy_from_slice(b"<!--");
            chunk[CHUNK - 4..].copy_from_slice(b"-->\n");
            n += CHUNK;
            self.left = self.left.saturating_sub(CHUNK as u64);
        }
        Ok(n)
    }
}

#[test]
fn a_300_mib_reader_is_cut_off() {
    let mut evidence = Evidence::new();
    let error = evidence
        .add_junit(
            Arch::Amd64,
            Endless {
                left: 300 << 20,
                started: false,
            },
        )
        .unwrap_err();
    assert!(error.is_too_large(), "{error}");
    assert_bounded(&error);
}

#[test]
fn a_300_mib_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.xml");
    // Sparse: nothing is written.
    std::fs::File::create(&path)
        .unwrap()
        .set_len(300 << 20)
        .unwrap();
    let mut evidence = Evidence::new();
    let error = evidence.add_path(Arch::Amd64, &path).unwrap_err();
    assert!(error.is_too_large(), "{error}");
    assert!(error.to_string().contains(&MAX_EVIDENCE_BYTES.to_string()));
    assert_bounded(&error);
}

#[test]
fn map_lines_are_checked() {
    let error = EvidenceMap::parse("# ok\na => B\nno arrow\n").unwrap_err();
    assert_eq!(
        error.to_string(),
        "map line 3: expected `PATTERN => GateName`"
    );
    assert!(EvidenceMap::parse("a => B C").is_err());
    assert!(EvidenceMap::parse(" => B").is_err());
    let long = format!("{} => B", "*a".repeat(600));
    assert_eq!(
        EvidenceMap::parse(&long).unwrap_err().to_string(),
        "map line 1: the pattern is over 1,024 bytes"
    );
    let mut many = String::new();
    for i in 0..1001 {
        let _ = writeln!(many, "t{i} => B");
    }
    assert_eq!(
        EvidenceMap::parse(&many).unwrap_err().to_string(),
        "map line 1001: more than 1,000 rules; each test is matched against every rule"
    );
}
