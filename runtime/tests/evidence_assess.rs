//! Judging evidence: each finding at the policy's edges (13 and 14 runs,
//! 94.9% and 95%, 4 and 5 tests), their precedence, unknown tags with
//! suggestions, a test of two gates, a file given twice, `since`, the
//! untested plan and the report's forms.
#![cfg(feature = "evidence")]

use featuregate::__private::leaked_gate_with;
use featuregate::evidence::{Evidence, EvidenceMap, EvidencePolicy, FindingKind};
use featuregate::{Arch, Gate, Registry, Report, State, Support};
use std::fmt::Write as _;

/// A Ginkgo-style report: for each `(test, runs, passes)`, `runs` cases of
/// the test, the first `passes` passing; the suite dated `date`.
fn junit(date: &str, tests: &[(&str, usize, usize)]) -> String {
    let mut xml = format!("<testsuites><testsuite name=\"e2e\" timestamp=\"{date}T02:00:00\">\n");
    for &(name, runs, passes) in tests {
        for run in 0..runs {
            if run < passes {
                let _ = writeln!(
                    xml,
                    "<testcase classname=\"e2e\" name=\"{name}\" status=\"passed\"/>"
                );
            } else {
                let _ = writeln!(
                    xml,
                    "<testcase classname=\"e2e\" name=\"{name}\" status=\"failed\">\
                     <failure message=\"run {run} failed\"/></testcase>"
                );
            }
        }
    }
    xml + "</testsuite></testsuites>\n"
}

/// `n` tests of `gate`, each with `runs` runs and `passes` passes.
fn tests_of(gate: &str, n: usize, runs: usize, passes: usize) -> Vec<(String, usize, usize)> {
    (0..n)
        .map(|i| {
            (
                format!("[It] {gate} case {i} [FeatureGate:{gate}]"),
                runs,
                passes,
            )
        })
        .collect()
}

fn add(evidence: &mut Evidence, arch: Arch, tests: &[(String, usize, usize)]) {
    let tests: Vec<(&str, usize, usize)> =
        tests.iter().map(|(n, r, p)| (n.as_str(), *r, *p)).collect();
    evidence
        .add_junit(arch, junit("2026-03-01", &tests).as_bytes())
        .unwrap();
}

fn gate(name: &str, state: State, support: &[(Arch, Support)]) -> &'static Gate {
    leaked_gate_with(name, state, support, &[])
}

/// The finding of the one gate `Subject` on arm64 given `n` tests of `runs`/`passes`.
fn finding(declared: Option<Support>, n: usize, runs: usize, passes: usize) -> Option<FindingKind> {
    let support: Vec<(Arch, Support)> = declared.map(|s| (Arch::Arm64, s)).into_iter().collect();
    let registry = Registry::new([gate("Subject", State::Beta, &support)]).unwrap();
    let mut evidence = Evidence::new();
    add(
        &mut evidence,
        Arch::Arm64,
        &tests_of("Subject", n, runs, passes),
    );
    let assessment = registry.assess(&evidence, &EvidencePolicy::default());
    assert!(assessment.findings().len() <= 1);
    assessment.findings().first().map(|f| f.kind)
}

#[test]
fn runs_at_the_edge() {
    assert_eq!(
        finding(Some(Support::Unverified), 5, 14, 14),
        Some(FindingKind::Promote)
    );
    assert_eq!(finding(Some(Support::Unverified), 5, 13, 13), None);
    assert_eq!(finding(Some(Support::Supported), 5, 14, 14), None);
    assert_eq!(
        finding(Some(Support::Supported), 5, 13, 13),
        Some(FindingKind::Unbacked)
    );
}

#[test]
fn tests_at_the_edge() {
    assert_eq!(finding(None, 5, 14, 14), Some(FindingKind::Promote));
    assert_eq!(finding(None, 4, 14, 14), None);
    assert_eq!(
        finding(Some(Support::Pending), 5, 20, 20),
        Some(FindingKind::Promote)
    );
    assert_eq!(
        finding(Some(Support::Unsupported), 5, 14, 14),
        Some(FindingKind::Contradicted)
    );
    assert_eq!(finding(Some(Support::Unsupported), 4, 14, 14), None);
    assert_eq!(
        finding(Some(Support::Supported), 4, 14, 14),
        Some(FindingKind::Unbacked)
    );
}

#[test]
fn pass_rate_at_the_edge() {
    // 950 of 1,000 is 95%: it meets the policy; 949 (94.9%) does not.
    assert_eq!(
        finding(Some(Support::Unverified), 5, 1000, 950),
        Some(FindingKind::Promote)
    );
    assert_eq!(finding(Some(Support::Unverified), 5, 1000, 949), None);
    assert_eq!(finding(Some(Support::Supported), 5, 1000, 950), None);
    assert_eq!(
        finding(Some(Support::Supported), 5, 1000, 949),
        Some(FindingKind::Regressed)
    );
    // 19 of 20 is exactly 95%.
    assert_eq!(finding(None, 5, 20, 19), Some(FindingKind::Promote));
}

#[test]
fn regressed_comes_before_unbacked() {
    // One test below the rate and too few tests: Regressed, not Unbacked.
    assert_eq!(
        finding(Some(Support::Supported), 2, 14, 10),
        Some(FindingKind::Regressed)
    );
    // A test below the rate with fewer than min_runs runs is not judged.
    assert_eq!(
        finding(Some(Support::Supported), 5, 13, 0),
        Some(FindingKind::Unbacked)
    );
    // No run at all: Unbacked.
    let registry = Registry::new([gate(
        "Subject",
        State::Ga,
        &[(Arch::Arm64, Support::Supported)],
    )])
    .unwrap();
    let mut evidence = Evidence::new();
    add(&mut evidence, Arch::Arm64, &tests_of("Other", 1, 1, 1));
    let a = registry.assess(&evidence, &EvidencePolicy::default());
    assert_eq!(a.findings()[0].kind, FindingKind::Unbacked);
    assert_eq!(
        a.findings()[0].to_string(),
        "Subject on arm64: Unbacked: declared Supported, but no test of it ran there"
    );
}

#[test]
fn findings_name_the_figures() {
    let registry = Registry::new([gate(
        "Subject",
        State::Beta,
        &[(Arch::Arm64, Support::Supported)],
    )])
    .unwrap();
    let mut evidence = Evidence::new();
    add(&mut evidence, Arch::Arm64, &tests_of("Subject", 5, 14, 12));
    let a = registry.assess(&evidence, &EvidencePolicy::default());
    let f = &a.findings()[0];
    assert_eq!(
        (f.kind, f.arch, f.declared),
        (
            FindingKind::Regressed,
            Arch::Arm64,
            Some(Support::Supported)
        )
    );
    let text = f.to_string();
    assert!(
        text.starts_with("Subject on arm64: Regressed: declared Supported, but 5 test(s) of it with 14+ runs passed below 95%"),
        "{text}"
    );
    assert!(text.contains("60/70 runs passed"), "{text}");
    assert!(
        text.contains("last failure: e2e::[It] Subject case "),
        "{text}"
    );
    let o = a.get("Subject", Arch::Arm64).unwrap();
    assert_eq!((o.tests, o.runs, o.passes, o.failures), (5, 70, 60, 10));
    assert!((o.pass_rate() - 60.0 / 70.0).abs() < 1e-12);
}

#[test]
fn deprecated_and_discontinued_gates_are_not_judged() {
    let registry = Registry::new([
        gate(
            "Old",
            State::Deprecated,
            &[(Arch::Arm64, Support::Supported)],
        ),
        gate("Gone", State::Discontinued, &[]),
    ])
    .unwrap();
    let mut evidence = Evidence::new();
    add(&mut evidence, Arch::Arm64, &tests_of("Gone", 5, 14, 14));
    let a = registry.assess(&evidence, &EvidencePolicy::default());
    assert!(a.findings().is_empty());
    assert!(a.untested(Arch::Arm64).is_empty());
    assert_eq!(a.get("Gone", Arch::Arm64).unwrap().runs, 70);
}

#[test]
fn unknown_tags_are_warned_with_a_suggestion() {
    let registry = Registry::new([gate("ImageVolume", State::Beta, &[])]).unwrap();
    let mut evidence = Evidence::new().with_map(EvidenceMap::parse("e2e::* => Snapshott").unwrap());
    add(
        &mut evidence,
        Arch::Amd64,
        &tests_of("ImageVolumes", 1, 1, 1),
    );
    let a = registry.assess(&evidence, &EvidencePolicy::default());
    assert_eq!(
        a.warnings(),
        [
            "a test's tag names unknown feature gate ImageVolumes; did you mean ImageVolume?",
            "map line 1 names unknown feature gate Snapshott",
        ]
    );
}

#[test]
fn warnings_stop_at_100_then_count() {
    let registry = Registry::new([gate("ImageVolume", State::Beta, &[])]).unwrap();
    let mut evidence = Evidence::new();
    let tests: Vec<(String, usize, usize)> = (0..250)
        .map(|i| (format!("t{i} [FeatureGate:Nope{i}]"), 1, 1))
        .collect();
    add(&mut evidence, Arch::Amd64, &tests);
    let a = registry.assess(&evidence, &EvidencePolicy::default());
    assert_eq!(a.warnings().len(), 101);
    assert_eq!(
        a.warnings()[100],
        "150 more unknown feature gate names in tags and map rules"
    );
    assert!(a.warnings().iter().all(|w| w.len() < 1024));
}

#[test]
fn a_test_may_exercise_two_gates() {
    let registry =
        Registry::new([gate("A", State::Alpha, &[]), gate("B", State::Alpha, &[])]).unwrap();
    let tests: Vec<(String, usize, usize)> = (0..5)
        .map(|i| {
            (
                format!("[It] t{i} [FeatureGate:A] [FeatureGate:B, x]"),
                14,
                14,
            )
        })
        .collect();
    let mut evidence = Evidence::new();
    add(&mut evidence, Arch::S390x, &tests);
    let a = registry.assess(&evidence, &EvidencePolicy::default());
    let kinds: Vec<(&str, FindingKind)> = a
        .findings()
        .iter()
        .map(|f| (f.gate.name(), f.kind))
        .collect();
    assert_eq!(
        kinds,
        [("A", FindingKind::Promote), ("B", FindingKind::Promote)]
    );
    // A map rule adds a gate to tagged tests, once however often it matches.
    let mut evidence =
        Evidence::new().with_map(EvidenceMap::parse("e2e::*t0* => A\n* => A").unwrap());
    add(&mut evidence, Arch::S390x, &tests_of("B", 1, 3, 3));
    let a = registry.assess(&evidence, &EvidencePolicy::default());
    assert_eq!(a.get("A", Arch::S390x).unwrap().runs, 3);
}

#[test]
fn the_same_file_twice_counts_once() {
    let registry = Registry::new([gate("A", State::Alpha, &[])]).unwrap();
    let xml = junit("2026-03-01", &[("t [FeatureGate:A]", 7, 7)]);
    let mut evidence = Evidence::new();
    evidence.add_junit(Arch::Amd64, xml.as_bytes()).unwrap();
    evidence.add_junit(Arch::Amd64, xml.as_bytes()).unwrap();
    assert_eq!((evidence.files(), evidence.duplicates()), (1, 1));
    // Another architecture's copy is its own run.
    evidence.add_junit(Arch::Arm64, xml.as_bytes()).unwrap();
    let a = registry.assess(&evidence, &EvidencePolicy::default());
    assert_eq!(a.get("A", Arch::Amd64).unwrap().runs, 7);
    assert_eq!(a.get("A", Arch::Arm64).unwrap().runs, 7);
    // One byte more is another file.
    let mut other = xml.clone();
    other.push('\n');
    evidence.add_junit(Arch::Amd64, other.as_bytes()).unwrap();
    let a = registry.assess(&evidence, &EvidencePolicy::default());
    assert_eq!(a.get("A", Arch::Amd64).unwrap().runs, 14);
}

#[test]
fn since_keeps_recent_suites_only() {
    let registry =
        Registry::new([gate("A", State::Beta, &[(Arch::Amd64, Support::Supported)])]).unwrap();
    let old = junit(
        "2026-01-10",
        &tests_of("A", 5, 14, 14)
            .iter()
            .map(|(n, r, p)| (n.as_str(), *r, *p))
            .collect::<Vec<_>>(),
    );
    let new = junit(
        "2026-02-01",
        &tests_of("A", 5, 14, 10)
            .iter()
            .map(|(n, r, p)| (n.as_str(), *r, *p))
            .collect::<Vec<_>>(),
    );
    let undated = "<testsuite><testcase name=\"u [FeatureGate:A]\"/></testsuite>";
    let judge = |evidence: &mut Evidence| {
        for file in [&old, &new] {
            evidence.add_junit(Arch::Amd64, file.as_bytes()).unwrap();
        }
        evidence.add_junit(Arch::Amd64, undated.as_bytes()).unwrap();
        registry.assess(evidence, &EvidencePolicy::default())
    };
    // Without `since`, January's passes count too.
    let all = judge(&mut Evidence::new());
    assert_eq!(all.get("A", Arch::Amd64).unwrap().runs, 141);
    let mut evidence = Evidence::new().since("2026-02-01").unwrap();
    let recent = judge(&mut evidence);
    assert_eq!(recent.get("A", Arch::Amd64).unwrap().runs, 70);
    assert_eq!(recent.findings()[0].kind, FindingKind::Regressed);
    assert_eq!(evidence.undated(), 1);
    assert!(Evidence::new().since("yesterday").is_err());
    // Too late once a file was read: it could not be filtered any more.
    let mut read = Evidence::new();
    read.add_junit(Arch::Amd64, undated.as_bytes()).unwrap();
    assert_eq!(
        read.since("2026-02-01").unwrap_err().to_string(),
        "since must be set before any file is added: the files read already keep every suite"
    );
    assert!(Evidence::new().since("2026-13-01").is_err());
}

#[test]
fn untested_is_the_test_plan_most_mature_first() {
    let registry = Registry::new([
        gate("AlphaA", State::Alpha, &[]),
        gate("BetaB", State::Beta, &[(Arch::Arm64, Support::Unverified)]),
        gate("GaC", State::Ga, &[]),
        gate("AlphaD", State::Alpha, &[]),
        gate("GaTested", State::Ga, &[]),
        gate("Old", State::Deprecated, &[]),
    ])
    .unwrap();
    let mut evidence = Evidence::new();
    add(&mut evidence, Arch::Arm64, &tests_of("GaTested", 1, 1, 1));
    let a = registry.assess(&evidence, &EvidencePolicy::default());
    let plan: Vec<&str> = a.untested(Arch::Arm64).iter().map(|g| g.name()).collect();
    assert_eq!(plan, ["GaC", "BetaB", "AlphaA", "AlphaD"]);
    // Not judged without a file.
    assert!(a.untested(Arch::Amd64).is_empty());
    assert!(a.get("GaC", Arch::Amd64).is_none());
    assert!(a.get("Unknown", Arch::Arm64).is_none());
    assert!(a.findings().iter().all(|f| f.arch == Arch::Arm64));
}

#[test]
fn the_policy_can_be_changed() {
    let registry = Registry::new([gate("A", State::Alpha, &[])]).unwrap();
    let mut evidence = Evidence::new();
    add(&mut evidence, Arch::Amd64, &tests_of("A", 1, 3, 3));
    let lenient = EvidencePolicy {
        min_tests: 1,
        min_runs: 3,
        min_pass_rate: 1.0,
    };
    assert_eq!(
        registry.assess(&evidence, &lenient).findings()[0].kind,
        FindingKind::Promote
    );
    assert!(
        registry
            .assess(&evidence, &EvidencePolicy::default())
            .findings()
            .is_empty()
    );
}

#[test]
fn the_assessment_is_a_report() {
    let registry = Registry::new([
        gate("A", State::Alpha, &[(Arch::Arm64, Support::Unverified)]),
        gate("B", State::Beta, &[(Arch::Arm64, Support::Supported)]),
    ])
    .unwrap();
    let mut evidence = Evidence::new();
    add(&mut evidence, Arch::Arm64, &tests_of("A", 5, 14, 14));
    let a = registry.assess(&evidence, &EvidencePolicy::default());
    assert_eq!(
        a.to_csv(),
        "name,state,arm64\nA,Alpha,Unverified 70/70 Promote\nB,Beta,Supported 0/0 Unbacked\n"
    );
    assert_eq!(
        a.to_string(),
        "Evidence on arm64 (at least 5 tests, each 14+ runs at 95% or better): 1 Unbacked, 1 Promote\n\
         name  state  arm64\n\
         A     Alpha  Unverified 70/70 Promote\n\
         B     Beta   Supported 0/0 Unbacked\n"
    );
    let markdown = a.to_markdown();
    assert!(
        markdown.contains("| A    | Alpha | Unverified 70/70 Promote |"),
        "{markdown}"
    );
    assert!(
        markdown.contains("- A on arm64: Promote: declared Unverified"),
        "{markdown}"
    );
    let rows = Report::rows(&a);
    assert_eq!(rows[0][2].finding(), Some("Promote"));
    #[cfg(feature = "serde")]
    {
        let json: serde_json::Value = serde_json::from_str(&a.to_json()).unwrap();
        assert_eq!(
            json[0]["arm64"],
            serde_json::json!({"declared": "Unverified", "passes": 70, "runs": 70, "finding": "Promote"})
        );
        assert_eq!(json[1]["arm64"]["finding"], "Unbacked");
    }
}
