//! [`schema()`]: the JSON Schema (draft 2020-12) of the configuration file
//! shapes, its gate names the registry's, so that an editor completes and
//! checks names in a CR or a `developerConfiguration`.

use serde_json::{Value, json};

use crate::Registry;
use crate::config::kubevirt_cr::API_VERSIONS;

/// The JSON Schema (draft 2020-12) of the files
/// [`GateConfig::from_path`](crate::GateConfig::from_path) reads as JSON
/// or YAML, over [`registry()`](crate::registry): a `KubeVirt` CR, an
/// object holding `developerConfiguration`, or a bare
/// `developerConfiguration`, with the gates' names (and `AllAlpha`,
/// `AllBeta`) as the only list items. [`Registry::schema`] is the same
/// over another registry; the CLI's `schema` command prints it.
///
/// Saved beside the files, it lets an editor complete and check names:
/// `# yaml-language-server: $schema=./gates.schema.json` on the first line
/// of a YAML file (the YAML language server, in VS Code and others), or
/// `"$schema"` in JSON.
///
/// ```standalone_crate
/// let schema = featuregate::schema();
/// assert_eq!(schema["$schema"], "https://json-schema.org/draft/2020-12/schema");
/// let names = schema["$defs"]["gateName"]["enum"].as_array().unwrap();
/// assert!(names.iter().any(|n| n == "AllBeta"));
/// ```
///
/// # Panics
/// As [`registry()`](crate::registry) does, when the program's gates
/// conflict.
#[must_use]
pub fn schema() -> Value {
    crate::registry().schema()
}

impl Registry {
    /// [`schema()`] over this registry: its gates' names are the allowed
    /// list items.
    #[must_use]
    pub fn schema(&self) -> Value {
        let mut names: Vec<&str> = vec!["AllAlpha", "AllBeta"];
        names.extend(self.iter().map(crate::Gate::name));
        let described: Vec<Value> = self
            .iter()
            .map(|gate| {
                let mut text = format!("{} ({})", gate.name(), gate.state());
                if let Some(description) = gate.description() {
                    text.push_str(": ");
                    text.push_str(description);
                }
                Value::String(text)
            })
            .collect();
        let mut descriptions = vec![
            Value::from("AllAlpha: every Alpha gate (a gate named on its own wins)"),
            Value::from("AllBeta: every Beta gate (a gate named on its own wins)"),
        ];
        descriptions.extend(described);
        json!({
            "$schema": "https://json-schema.org/draft/2020-12/schema",
            "title": "Feature gate configuration",
            "description": "A KubeVirt CR (its spec.configuration.developerConfiguration), an object \
                            holding developerConfiguration, or a bare developerConfiguration.",
            "anyOf": [
                { "$ref": "#/$defs/kubeVirt" },
                { "$ref": "#/$defs/withDeveloperConfiguration" },
                { "$ref": "#/$defs/developerConfiguration" }
            ],
            "$defs": {
                "gateName": {
                    "description": "A feature gate of this program, or AllAlpha/AllBeta.",
                    "enum": names,
                    "enumDescriptions": descriptions
                },
                "gateList": {
                    "type": "array",
                    "items": { "$ref": "#/$defs/gateName" },
                    "uniqueItems": true
                },
                "developerConfiguration": developer_configuration(),
                "withDeveloperConfiguration": {
                    "description": "An object holding developerConfiguration, as a CR's \
                                    spec.configuration does.",
                    "type": "object",
                    "properties": {
                        "developerConfiguration": { "$ref": "#/$defs/developerConfiguration" },
                        "apiVersion": false,
                        "kind": false,
                        "spec": false
                    },
                    "required": ["developerConfiguration"]
                },
                "kubeVirt": {
                    "description": "A KubeVirt CR.",
                    "type": "object",
                    "properties": {
                        "apiVersion": { "enum": API_VERSIONS },
                        "kind": { "const": "KubeVirt" },
                        "metadata": { "type": "object" },
                        "spec": {
                            "type": "object",
                            "properties": {
                                "configuration": {
                                    "type": "object",
                                    "properties": {
                                        "developerConfiguration": {
                                            "$ref": "#/$defs/developerConfiguration"
                                        }
                                    }
                                }
                            }
                        },
                        "status": { "type": "object" }
                    },
                    "required": ["apiVersion", "kind"],
                    "additionalProperties": false
                }
            }
        })
    }
}

/// `KubeVirt`'s `DeveloperConfiguration`: the two lists of gate names and
/// its other fields, nothing else.
fn developer_configuration() -> Value {
    json!({
        "description": "KubeVirt's DeveloperConfiguration.",
        "type": "object",
        "properties": {
            "featureGates": {
                "$ref": "#/$defs/gateList",
                "description": "The gates to enable."
            },
            "disabledFeatureGates": {
                "$ref": "#/$defs/gateList",
                "description": "The gates to disable."
            },
            "useEmulation": { "type": "boolean" },
            "memoryOvercommit": { "type": "integer" },
            "cpuAllocationRatio": { "type": "integer" },
            "nodeSelectors": {
                "type": "object",
                "additionalProperties": { "type": "string" }
            },
            "pvcTolerateLessSpaceUpToPercent": { "type": "integer" },
            "minimumReservePVCBytes": { "type": "integer" },
            "minimumClusterTSCFrequency": { "type": "integer" },
            "diskVerification": { "type": "object" },
            "logVerbosity": { "type": "object" },
            "clusterProfiler": { "type": "boolean" }
        },
        "additionalProperties": false
    })
}
