//! A [`FeatureSet`] as JSON (feature `serde`): the state of every gate and
//! the warnings, the body of an introspection endpoint such as Kubernetes'
//! `/flagz`.

use serde::ser::{Serialize, SerializeMap, SerializeSeq, SerializeStruct, Serializer};

use crate::{Explanation, FeatureSet, State};

/// `{"gates": [...], "warnings": ["..."]}`: every gate of the registry in
/// name order as its [`Explanation`], and each warning as its message.
///
/// ```standalone_crate
/// use featuregate::{GateConfig, Options, feature_gate, registry};
///
/// #[feature_gate(state = Beta)]
/// pub struct ImageVolume;
///
/// let set = registry().evaluate(&GateConfig::parse("ImageVolume=false,Typo=true")?, &Options::default())?;
/// let json = serde_json::to_value(&set)?;
/// assert_eq!(json["gates"][0], serde_json::json!({
///     "name": "ImageVolume",
///     "state": "Beta",
///     "enabled": false,
///     "archs": [],
///     "rule": "configured",
///     "explanation": "feature gate ImageVolume is off: the configuration disables it",
/// }));
/// assert_eq!(json["warnings"][0], "unknown feature gate Typo; it has no effect");
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
impl Serialize for FeatureSet {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(Some(2))?;
        map.serialize_entry("gates", &Gates(self))?;
        map.serialize_entry("warnings", &Warnings(self))?;
        map.end()
    }
}

struct Gates<'a>(&'a FeatureSet);

impl Serialize for Gates<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let len = self.0.registry().len();
        let mut seq = serializer.serialize_seq(Some(len))?;
        for position in 0..len {
            seq.serialize_element(&self.0.explanation_at(position))?;
        }
        seq.end()
    }
}

struct Warnings<'a>(&'a FeatureSet);

impl Serialize for Warnings<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.0.warnings().iter().map(ToString::to_string))
    }
}

/// `{"name", "state", "enabled", "archs", "rule", "explanation"}`: `archs`
/// lists the evaluated architectures where the gate is on (SPEC section
/// 14; empty when none was evaluated), `state` is the
/// state in the evaluated release (`null` when the gate did not exist yet
/// in an emulated one), `rule` is
/// [`Rule::as_str`](crate::Rule::as_str), `explanation` the sentence of
/// `Display`.
impl Serialize for Explanation {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut gate = serializer.serialize_struct("Explanation", 6)?;
        gate.serialize_field("name", self.gate().name())?;
        gate.serialize_field("state", &self.state().map(State::as_str))?;
        gate.serialize_field("enabled", &self.enabled())?;
        gate.serialize_field("archs", &self.archs())?;
        gate.serialize_field("rule", self.rule().as_str())?;
        gate.serialize_field("explanation", &self.to_string())?;
        gate.end()
    }
}
