//! `featuregate::schema()`: the JSON Schema of the configuration files
//! accepts the example CR, a wrapped and a bare `developerConfiguration`,
//! and rejects an unknown gate name, a misplaced level and another kind.
//! Checked with a small validator of the keywords the schema uses (a full
//! JSON Schema crate would be a heavy dependency for a test), which fails
//! on any keyword it does not know, so the schema cannot outgrow it.
#![cfg(feature = "yaml")]

use std::path::Path;

use featuregate::{Registry, State, feature_gate};
use serde_json::{Value, json};

/// A gate of this test binary, for `featuregate::schema()`.
#[feature_gate(state = Beta)]
struct SchemaGate;

/// Whether `value` is valid against `schema` (with `root` for `$ref`s).
fn valid(root: &Value, schema: &Value, value: &Value) -> bool {
    let Some(object) = schema.as_object() else {
        return schema
            .as_bool()
            .unwrap_or_else(|| panic!("a schema: {schema}"));
    };
    object.iter().all(|(keyword, arg)| match keyword.as_str() {
        "$schema" | "title" | "description" | "$defs" | "enumDescriptions" => true,
        "$ref" => {
            let path = arg.as_str().unwrap().strip_prefix("#/").unwrap();
            let target = path.split('/').fold(root, |at, key| &at[key]);
            assert!(!target.is_null(), "{path}");
            valid(root, target, value)
        }
        "type" => match arg.as_str().unwrap() {
            "object" => value.is_object(),
            "array" => value.is_array(),
            "string" => value.is_string(),
            "boolean" => value.is_boolean(),
            "integer" => value.is_i64() || value.is_u64(),
            other => panic!("type {other}"),
        },
        "enum" => arg.as_array().unwrap().contains(value),
        "const" => arg == value,
        "anyOf" => arg
            .as_array()
            .unwrap()
            .iter()
            .any(|s| valid(root, s, value)),
        "required" => value.as_object().is_none_or(|o| {
            arg.as_array()
                .unwrap()
                .iter()
                .all(|k| o.contains_key(k.as_str().unwrap()))
        }),
        "properties" => value.as_object().is_none_or(|o| {
            o.iter()
                .all(|(k, v)| arg.get(k).is_none_or(|s| valid(root, s, v)))
        }),
        "additionalProperties" => value.as_object().is_none_or(|o| {
            let known = object.get("properties");
            o.iter()
                .filter(|(k, _)| known.is_none_or(|p| p.get(k.as_str()).is_none()))
                .all(|(_, v)| valid(root, arg, v))
        }),
        "items" => value
            .as_array()
            .is_none_or(|a| a.iter().all(|v| valid(root, arg, v))),
        "uniqueItems" => value.as_array().is_none_or(|a| {
            !arg.as_bool().unwrap() || a.iter().enumerate().all(|(i, v)| !a[..i].contains(v))
        }),
        other => panic!("the test's validator does not know `{other}`"),
    })
}

fn check(schema: &Value, value: &Value) -> bool {
    valid(schema, schema, value)
}

/// The example CR's gates, in a registry of their own.
fn example_registry() -> Registry {
    let gate = |name: &str| featuregate::__private::leaked_gate(name, State::Beta);
    Registry::new(
        [
            "Sidecar",
            "HostDevices",
            "VSOCK",
            "DownwardMetrics",
            "ImageVolume",
            "DecentralizedLiveMigration",
        ]
        .map(gate),
    )
    .unwrap()
}

fn example_cr() -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../examples/kubevirt/kubevirt-cr.yaml");
    serde_saphyr::from_str(&std::fs::read_to_string(path).unwrap()).unwrap()
}

#[test]
fn the_example_cr_and_every_shape_are_valid() {
    let schema = example_registry().schema();
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    let cr = example_cr();
    assert!(check(&schema, &cr));
    let developer = cr["spec"]["configuration"]["developerConfiguration"].clone();
    assert!(check(&schema, &developer));
    assert!(check(
        &schema,
        &json!({ "developerConfiguration": developer })
    ));
    assert!(check(&schema, &json!({})));
    assert!(check(&schema, &json!({ "useEmulation": true })));
    assert!(check(
        &schema,
        &json!({ "featureGates": ["AllAlpha", "Sidecar"] })
    ));
}

#[test]
fn an_unknown_name_and_other_shapes_are_invalid() {
    let schema = example_registry().schema();
    let mut cr = example_cr();
    cr["spec"]["configuration"]["developerConfiguration"]["featureGates"]
        .as_array_mut()
        .unwrap()
        .push(json!("NoSuchGate"));
    assert!(!check(&schema, &cr));
    for value in [
        json!({ "featureGates": ["Sidecars"] }),
        json!({ "featureGates": ["Sidecar", "Sidecar"] }),
        json!({ "featureGates": "Sidecar" }),
        json!({ "enabledFeatureGates": ["Sidecar"] }),
        json!({ "ImageVolume": true }),
        json!({ "apiVersion": "v1", "kind": "ConfigMap" }),
        json!({ "apiVersion": "kubevirt.io/v1", "kind": "List" }),
        json!({ "apiVersion": "kubevirt.io/v1", "kind": "KubeVirt",
                "spec": { "configuration": { "developerConfiguration": { "featureGates": ["X"] } } } }),
        json!({ "apiVersion": "kubevirt.io/v1", "kind": "KubeVirt",
                "developerConfiguration": { "featureGates": ["Sidecar"] } }),
    ] {
        assert!(!check(&schema, &value), "{value}");
    }
}

#[test]
fn the_programs_schema_names_its_gates() {
    let schema = featuregate::schema();
    let names = schema["$defs"]["gateName"]["enum"].as_array().unwrap();
    for name in ["SchemaGate", "AllAlpha", "AllBeta"] {
        assert!(names.contains(&json!(name)), "{name}");
    }
    assert!(check(&schema, &json!({ "featureGates": ["SchemaGate"] })));
    assert!(!check(&schema, &json!({ "featureGates": ["SchemaGates"] })));
}

#[cfg(feature = "cli")]
#[test]
fn the_cli_prints_the_schema() {
    let registry = example_registry();
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let exit = featuregate::cli::run(&registry, ["gates", "schema"], &mut out, &mut err);
    assert_eq!(exit.code(), 0, "{}", String::from_utf8_lossy(&err));
    let printed: Value = serde_json::from_slice(&out).unwrap();
    assert_eq!(printed, registry.schema());
}
