//! `FeatureSet` as JSON: every gate in name order with its state, value and
//! the rule that decided (short name and sentence), and the warnings as
//! their messages, escaped.

#![cfg(feature = "serde")]

use featuregate::{
    Action, Arch, ArchPolicy, FeatureGate, GateConfig, Options, Registry, feature_gate,
    override_gate,
};
use serde_json::{Value, json};

#[feature_gate(state = GA)]
struct Ga;
#[feature_gate(state = Discontinued)]
struct Gone;
#[feature_gate(state = Alpha, amd64 = Supported)]
struct Named;
#[feature_gate(state = Alpha, amd64 = Supported)]
struct ByMeta;
#[feature_gate(state = Deprecated)]
struct Old;
#[feature_gate(state = Beta, amd64 = Unverified)]
struct Unverified;
#[feature_gate(state = Beta, amd64 = Supported)]
struct Base;
#[feature_gate(state = Beta, amd64 = Supported, requires = Base)]
struct NeedsBase;
#[feature_gate(state = Alpha)]
struct Pinned;

fn registry() -> Registry {
    Registry::new([
        Ga::GATE,
        Gone::GATE,
        Named::GATE,
        ByMeta::GATE,
        Old::GATE,
        Unverified::GATE,
        Base::GATE,
        NeedsBase::GATE,
    ])
    .unwrap()
}

fn gate<'a>(json: &'a Value, name: &str) -> &'a Value {
    json["gates"]
        .as_array()
        .unwrap()
        .iter()
        .find(|g| g["name"] == name)
        .unwrap_or_else(|| panic!("{name} in {json}"))
}

#[test]
fn every_gate_with_its_rule_and_the_warnings() {
    let options = Options::default()
        .with_archs([Arch::Amd64])
        .with_policy(ArchPolicy {
            unverified: Action::Disable,
            ..ArchPolicy::default()
        });
    let config = GateConfig::parse("Named=true,AllAlpha=false,Base=false,Ga=false").unwrap();
    let set = registry().evaluate(&config, &options).unwrap();
    let json = serde_json::to_value(&set).unwrap();

    let names: Vec<&str> = json["gates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|g| g["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names,
        [
            "Base",
            "ByMeta",
            "Ga",
            "Gone",
            "Named",
            "NeedsBase",
            "Old",
            "Unverified"
        ]
    );
    let rows = [
        ("Base", "Beta", false, "configured"),
        ("ByMeta", "Alpha", false, "meta"),
        ("Ga", "GA", true, "ga_always_on"),
        ("Gone", "Discontinued", false, "discontinued_always_off"),
        ("Named", "Alpha", true, "configured"),
        ("NeedsBase", "Beta", false, "missing_requirement"),
        ("Old", "Deprecated", false, "state_default"),
        ("Unverified", "Beta", false, "arch_policy"),
    ];
    for (name, state, enabled, rule) in rows {
        let row = gate(&json, name);
        assert_eq!(row["state"], state, "{row}");
        assert_eq!(row["enabled"], enabled, "{row}");
        assert_eq!(row["rule"], rule, "{row}");
        assert_eq!(
            row["explanation"],
            set.explain(name).unwrap().to_string(),
            "{row}"
        );
        // Where it is on (SPEC section 14): amd64, or nowhere.
        let archs = if enabled { json!(["amd64"]) } else { json!([]) };
        assert_eq!(row["archs"], archs, "{row}");
        assert_eq!(row.as_object().unwrap().len(), 6, "{row}");
    }
    assert_eq!(
        gate(&json, "NeedsBase")["explanation"],
        "feature gate NeedsBase is off: it requires Base, which is off"
    );
    let warnings: Vec<String> = set.warnings().iter().map(ToString::to_string).collect();
    assert_eq!(json["warnings"], json!(warnings));
    assert!(warnings.len() >= 3, "{warnings:?}");
    assert_eq!(json.as_object().unwrap().len(), 2);
}

#[test]
fn names_from_the_configuration_are_escaped() {
    // An unknown name as long as the name rule allows is cut in the
    // warning the JSON carries, as in every message.
    let long = "X".repeat(128);
    let config = GateConfig {
        enabled: vec![long.clone()],
        disabled: vec![],
    };
    let set = registry().evaluate(&config, &Options::default()).unwrap();
    let text = serde_json::to_string(&set).unwrap();
    assert!(!text.contains(&long));
    assert!(text.contains("(128 bytes)"), "{text}");
}

#[test]
fn a_pin_is_shown_as_an_override() {
    let _pin = override_gate::<Pinned>(true);
    let json = serde_json::to_value(&*featuregate::active()).unwrap();
    let row = gate(&json, "Pinned");
    assert_eq!(row["enabled"], true);
    assert_eq!(row["rule"], "override");
}
