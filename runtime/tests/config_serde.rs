//! `GateConfig` with serde: KubeVirt's `developerConfiguration` field names.
#![cfg(feature = "serde")]

use featuregate::{Arch, GateConfig, Options, feature_gate, registry};

#[feature_gate(state = Alpha, amd64 = Supported)]
struct Sidecar;

#[feature_gate(state = Beta, amd64 = Supported)]
struct Snapshot;

#[feature_gate(state = Alpha, amd64 = Supported)]
struct HostDisk;

#[test]
fn reads_kubevirt_field_names() {
    let json = r#"{"featureGates": ["Sidecar", "AllAlpha"], "disabledFeatureGates": ["Snapshot"]}"#;
    let config: GateConfig = serde_json::from_str(json).unwrap();
    assert_eq!(config.enabled, ["Sidecar", "AllAlpha"]);
    assert_eq!(config.disabled, ["Snapshot"]);

    // The meta names get their meaning in evaluate, also through serde.
    let set = registry()
        .evaluate(&config, &Options::default().with_archs([Arch::Amd64]))
        .unwrap();
    assert!(set.is_enabled("HostDisk") && set.is_enabled("Sidecar"));
    assert!(!set.is_enabled("Snapshot"));
    assert!(set.warnings().is_empty(), "{:?}", set.warnings());
}

#[test]
fn missing_fields_are_empty() {
    let config: GateConfig = serde_json::from_str("{}").unwrap();
    assert_eq!(config, GateConfig::default());
    let config: GateConfig = serde_json::from_str(r#"{"featureGates": ["A"]}"#).unwrap();
    assert_eq!(config.enabled, ["A"]);
    assert!(config.disabled.is_empty());
    let config: GateConfig = serde_json::from_str(r#"{"disabledFeatureGates": ["B"]}"#).unwrap();
    assert_eq!(config.disabled, ["B"]);
}

#[test]
fn writes_kubevirt_field_names() {
    let config: GateConfig = "A=true,B=false".parse().unwrap();
    let json = serde_json::to_string(&config).unwrap();
    assert_eq!(
        json,
        r#"{"featureGates":["A"],"disabledFeatureGates":["B"]}"#
    );
    assert_eq!(serde_json::from_str::<GateConfig>(&json).unwrap(), config);
    // Empty lists are left out, as KubeVirt's `omitempty` does.
    assert_eq!(serde_json::to_string(&GateConfig::default()).unwrap(), "{}");
}

#[test]
fn other_keys_are_ignored() {
    // KubeVirt's developerConfiguration has many other fields.
    let json = r#"{"useEmulation": true, "featureGates": ["Sidecar"], "nodeSelectors": {"a": "b"},
                   "logVerbosity": {"virtLauncher": 2}, "memoryOvercommit": 150}"#;
    let config: GateConfig = serde_json::from_str(json).unwrap();
    assert_eq!(config.enabled, ["Sidecar"]);
}

#[test]
fn a_near_miss_of_a_key_is_an_error_naming_the_right_one() {
    for (key, right) in [
        ("disabledFeatureGate", "disabledFeatureGates"),
        ("feature_gates", "featureGates"),
        ("featuregates", "featureGates"),
        ("FeatureGates", "featureGates"),
        ("featureGate", "featureGates"),
        ("disabled_feature_gates", "disabledFeatureGates"),
    ] {
        let json = format!(r#"{{"{key}": ["Sidecar"]}}"#);
        let err = serde_json::from_str::<GateConfig>(&json)
            .unwrap_err()
            .to_string();
        assert!(
            err.contains(&format!("`{key}`")) && err.contains(&format!("did you mean `{right}`?")),
            "{key}: {err}"
        );
    }
}

#[test]
fn entries_follow_the_rule_of_gate_names() {
    for (json, entry) in [
        (
            r#"{"featureGates": ["GateA=true,GateB"]}"#,
            "GateA=true,GateB",
        ),
        (
            r#"{"featureGates": ["Sidecar", "\ufeffSidecar"]}"#,
            "\\u{feff}Sidecar",
        ),
        (r#"{"disabledFeatureGates": ["Side car"]}"#, "Side car"),
        (
            r#"{"disabledFeatureGates": ["Side\u200bcar"]}"#,
            "Side\\u{200b}car",
        ),
        (r#"{"featureGates": [""]}"#, ""),
    ] {
        let err = serde_json::from_str::<GateConfig>(json)
            .unwrap_err()
            .to_string();
        assert!(err.contains(&format!("`{entry}`")), "{json}: {err}");
        assert!(
            !err.chars().any(|c| c == '\u{feff}' || c == '\u{200b}'),
            "{err}"
        );
    }
    let long = format!(r#"{{"featureGates": ["{}"]}}"#, "A".repeat(129));
    assert!(serde_json::from_str::<GateConfig>(&long).is_err());
}

#[test]
fn what_deserializes_displays_and_parses_back() {
    let json = r#"{"featureGates": ["Sidecar", "AllAlpha"], "disabledFeatureGates": ["Snapshot"]}"#;
    let config: GateConfig = serde_json::from_str(json).unwrap();
    assert_eq!(GateConfig::parse(&config.to_string()), Ok(config));
}

#[test]
fn a_name_twice_through_serde_is_refused_by_evaluate() {
    let json = r#"{"featureGates": ["Sidecar", "Sidecar"]}"#;
    let config: GateConfig = serde_json::from_str(json).unwrap();
    let err = registry()
        .evaluate(&config, &Options::default().with_archs([Arch::Amd64]))
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "feature gate Sidecar is given twice in one list"
    );
}
