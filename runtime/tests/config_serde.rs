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
