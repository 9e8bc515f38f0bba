//! A gate's history, its state at a release, and the lifecycle lint.

use featuregate::{
    FeatureGate, Finding, LifecyclePolicy, Registry, Remedy, State, Version, feature_gate,
};

#[feature_gate(alpha = "v1.6.0")]
struct ObjectGraph;

#[feature_gate(alpha = "v1.6.0", beta = "v1.7.0")]
struct ImageVolume;

#[feature_gate(alpha = "v1.0.0", deprecated = "v1.8.0")]
struct MultiArchitecture;

#[feature_gate(alpha = "v1.6.0", ga = "v1.9.0")]
struct SecureExecution;

#[feature_gate(state = Alpha, since = "v0.49.0")]
struct WorkloadEncryptionSev;

#[feature_gate(state = Alpha, since = "long ago")]
struct Unversioned;

#[feature_gate(state = Beta)]
struct NoHistory;

#[feature_gate(discontinued = "v1.7.0")]
struct ExperimentalVirtiofsSupport;

fn v(text: &str) -> Version {
    text.parse().unwrap()
}

fn registry() -> Registry {
    Registry::new([
        ObjectGraph::GATE,
        ImageVolume::GATE,
        MultiArchitecture::GATE,
        SecureExecution::GATE,
        WorkloadEncryptionSev::GATE,
        Unversioned::GATE,
        NoHistory::GATE,
        ExperimentalVirtiofsSupport::GATE,
    ])
    .unwrap()
}

fn flagged(current: &str, policy: &LifecyclePolicy) -> Vec<&'static str> {
    registry()
        .lint(v(current), policy)
        .iter()
        .map(|f| f.gate.name())
        .collect()
}

#[test]
fn history_since_and_state_at() {
    assert_eq!(
        MultiArchitecture::GATE.history().collect::<Vec<_>>(),
        [
            (State::Alpha, v("v1.0.0")),
            (State::Deprecated, v("v1.8.0"))
        ]
    );
    assert_eq!(MultiArchitecture::GATE.state(), State::Deprecated);
    assert_eq!(MultiArchitecture::GATE.since(), Some("v1.8.0"));
    // Skipped stages: Alpha until the Deprecated release.
    assert_eq!(
        MultiArchitecture::GATE.state_at(v("v1.7.9")),
        Some(State::Alpha)
    );
    // `since` that is a version is a one-stage history; text is none.
    assert_eq!(
        WorkloadEncryptionSev::GATE.history().collect::<Vec<_>>(),
        [(State::Alpha, v("v0.49.0"))]
    );
    assert_eq!(WorkloadEncryptionSev::GATE.state_at(v("v0.48.0")), None);
    assert_eq!(Unversioned::GATE.history().count(), 0);
    assert_eq!(Unversioned::GATE.since(), Some("long ago"));
    assert_eq!(Unversioned::GATE.state_at(v("v0.1")), Some(State::Alpha));
    assert_eq!(NoHistory::GATE.since(), None);
    assert_eq!(NoHistory::GATE.state_at(v("v9.0")), Some(State::Beta));
}

#[test]
fn flagged_when_more_releases_past_than_the_policy_allows() {
    let policy = LifecyclePolicy::default();
    assert_eq!(
        policy,
        LifecyclePolicy {
            alpha_releases: 2,
            beta_releases: 3,
            deprecated_releases: 1
        }
    );
    // Alpha since v1.6.0 with 2 allowed: flagged from v1.9.0. WorkloadEncryptionSev
    // (Alpha since v0.49.0) is past any limit in a later major release.
    assert_eq!(flagged("v1.8.0", &policy), ["WorkloadEncryptionSev"]);
    assert_eq!(
        flagged("v1.9.0", &policy),
        ["ObjectGraph", "WorkloadEncryptionSev"]
    );
    // Deprecated since v1.8.0 with 1 allowed: flagged from v1.10.0.
    assert!(flagged("v1.10.0", &policy).contains(&"MultiArchitecture"));
    // Beta since v1.7.0 with 3 allowed: flagged from v1.11.0.
    assert!(!flagged("v1.10.0", &policy).contains(&"ImageVolume"));
    assert!(flagged("v1.11.0", &policy).contains(&"ImageVolume"));
    // A release before the stage began is within the limit; GA,
    // Discontinued, a text `since` and no history are not judged.
    assert_eq!(flagged("v0.50.0", &policy), Vec::<&str>::new());
    assert_eq!(flagged("v0.52.0", &policy), ["WorkloadEncryptionSev"]);
    let all = flagged("v9.0.0", &policy);
    assert_eq!(
        all,
        [
            "ImageVolume",
            "MultiArchitecture",
            "ObjectGraph",
            "WorkloadEncryptionSev"
        ]
    );
}

#[test]
fn the_policy_is_the_caller_s() {
    let strict = LifecyclePolicy {
        alpha_releases: 0,
        beta_releases: 0,
        deprecated_releases: 0,
    };
    assert_eq!(
        flagged("v1.7.0", &strict),
        ["ObjectGraph", "WorkloadEncryptionSev"]
    );
    let lax = LifecyclePolicy {
        alpha_releases: 100,
        ..LifecyclePolicy::default()
    };
    // A later major release is past any limit.
    assert_eq!(flagged("v1.9.0", &lax), ["WorkloadEncryptionSev"]);
}

#[test]
fn a_finding_names_gate_stage_since_and_what_the_policy_asks() {
    let findings = registry().lint(v("v1.10.0"), &LifecyclePolicy::default());
    let lines: Vec<String> = findings.iter().map(Finding::to_string).collect();
    assert_eq!(
        lines,
        [
            "feature gate MultiArchitecture has been Deprecated since v1.8.0 (2 releases; the policy allows 1 release): discontinue it",
            "feature gate ObjectGraph has been Alpha since v1.6.0 (4 releases; the policy allows 2 releases): graduate or remove it",
            "feature gate WorkloadEncryptionSev has been Alpha since v0.49.0 (an earlier major release; the policy allows 2 releases): graduate or remove it",
        ]
    );
    let first = findings[0];
    assert_eq!(
        (first.state, first.since, first.releases, first.allowed),
        (State::Deprecated, v("v1.8.0"), Some(2), 1)
    );
    assert_eq!(first.remedy, Remedy::Discontinue);
    assert_eq!(findings[2].releases, None);
}

#[cfg(feature = "serde")]
#[test]
fn a_finding_as_json() {
    let findings = registry().lint(v("v1.10.0"), &LifecyclePolicy::default());
    let json = serde_json::to_value(findings[1]).unwrap();
    assert_eq!(
        json,
        serde_json::json!({
            "gate": "ObjectGraph",
            "state": "Alpha",
            "since": "v1.6.0",
            "releases": 4,
            "allowed": 2,
            "remedy": "graduate or remove",
            "message": "feature gate ObjectGraph has been Alpha since v1.6.0 (4 releases; the policy allows 2 releases): graduate or remove it"
        })
    );
}
