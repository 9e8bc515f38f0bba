//! Where the lists sit in a `KubeVirt` document, read through serde from
//! JSON or YAML: a whole CR (`spec.configuration.developerConfiguration`),
//! an object holding `developerConfiguration`, or a bare
//! `developerConfiguration`; any other document is refused, saying which
//! shapes are read.
//!
//! Two passes over the text, both linear: the first finds the shape and
//! checks every key on the way (near misses, misplaced levels, unknown
//! fields of `developerConfiguration`, the CR's `kind` and `apiVersion`);
//! the second hands the one object that holds the lists to `GateConfig`'s
//! own `Deserialize`, so its checks (and the format's line numbers) apply.
//! Nothing else is kept. The messages of this crate's are reported whole
//! (their quoted parts are bounded), a parser's own cut.

use std::cell::RefCell;
use std::fmt;
use std::path::Path;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::GateConfig;
use crate::config::source_error::{Kind, Message, SourceError};
use crate::text::escape::quoted;

const SPEC: &str = "spec";
const CONFIGURATION: &str = "configuration";
const DEVELOPER: &str = "developerConfiguration";
const LISTS: [&str; 2] = ["featureGates", "disabledFeatureGates"];
/// The fields of `KubeVirt`'s `DeveloperConfiguration`: an object whose keys
/// are all among them is a bare `developerConfiguration`.
pub(crate) const DEVELOPER_FIELDS: [&str; 12] = [
    "featureGates",
    "disabledFeatureGates",
    "useEmulation",
    "memoryOvercommit",
    "cpuAllocationRatio",
    "nodeSelectors",
    "pvcTolerateLessSpaceUpToPercent",
    "minimumReservePVCBytes",
    "minimumClusterTSCFrequency",
    "diskVerification",
    "logVerbosity",
    "clusterProfiler",
];
/// The only `kind` a CR may have.
const KUBEVIRT: &str = "KubeVirt";
/// The `apiVersion`s `KubeVirt` serves its CR under.
pub(crate) const API_VERSIONS: [&str; 2] = ["kubevirt.io/v1", "kubevirt.io/v1alpha3"];
/// The keys a CR's root may have besides `spec`.
const CR_KEYS: [&str; 4] = ["apiVersion", "kind", "metadata", "status"];

/// The shapes this reads, for the message refusing a document of none.
const SHAPES: &str = "it reads a KubeVirt CR (kind: KubeVirt, apiVersion: kubevirt.io/v1), \
     an object holding developerConfiguration, a developerConfiguration (featureGates, \
     disabledFeatureGates and its other fields), an empty object, or a flag-form list";

/// The keys from the document's root to the object holding the lists.
const CR_PATH: &[&str] = &[SPEC, CONFIGURATION, DEVELOPER];
const WRAPPED_PATH: &[&str] = &[DEVELOPER];
const BARE_PATH: &[&str] = &[];

thread_local! {
    /// The last message of this crate's raised while deserializing on this
    /// thread: a parser's error carries it among its own text, and it is
    /// bounded already, so it is reported whole rather than cut as the
    /// parser's own text is.
    static OURS: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// An error of this crate's with `message` (whose quoted parts are
/// bounded), remembered so that the file's error reports it whole.
pub(crate) fn ours<E: de::Error>(message: fmt::Arguments<'_>) -> E {
    let text = message.to_string();
    OURS.with(|ours| *ours.borrow_mut() = Some(text.clone()));
    E::custom(text)
}

/// The message of a failed read: ours when the error is one of ours, else
/// the parser's own, cut.
fn message(parser_text: &str) -> Message {
    match OURS.with(|ours| ours.borrow_mut().take()) {
        Some(text) if parser_text.contains(&text) => Message::ours(text),
        _ => Message::parser(parser_text),
    }
}

fn forget_ours() {
    OURS.with(|ours| *ours.borrow_mut() = None);
}

pub(crate) fn from_json(path: &Path, text: &str) -> Result<GateConfig, SourceError> {
    forget_ours();
    let fail = |err: serde_json::Error| {
        let line = Some(err.line()).filter(|&l| l > 0);
        let message = message(&err.to_string());
        SourceError::new(
            path,
            line,
            Kind::Document {
                format: "JSON",
                message,
            },
        )
    };
    let keys = Probe.deserialize(&mut json(text)).map_err(fail)?;
    let mut de = json(text);
    let config = Extract(keys).deserialize(&mut de).map_err(fail)?;
    de.end().map_err(fail)?;
    Ok(config)
}

fn json(text: &str) -> serde_json::Deserializer<serde_json::de::StrRead<'_>> {
    serde_json::Deserializer::from_str(text)
}

#[cfg(feature = "yaml")]
pub(crate) fn from_yaml(path: &Path, text: &str) -> Result<GateConfig, SourceError> {
    forget_ours();
    if let Err((line, why)) = crate::config::yaml_events::check(text) {
        let message = Message::ours(why);
        return Err(SourceError::new(
            path,
            line,
            Kind::Document {
                format: "YAML",
                message,
            },
        ));
    }
    let fail = |err: serde_saphyr::Error| {
        let line = err
            .location()
            .and_then(|l| usize::try_from(l.line()).ok())
            .filter(|&l| l > 0);
        let message = message(&err.to_string());
        SourceError::new(
            path,
            line,
            Kind::Document {
                format: "YAML",
                message,
            },
        )
    };
    let Shape(keys) = serde_saphyr::from_str_with_options(text, yaml_options()).map_err(fail)?;
    // The YAML reader takes a type, not a seed: one type per place.
    let config =
        match keys.len() {
            0 => serde_saphyr::from_str_with_options::<At<0>>(text, yaml_options())
                .map(At::into_config),
            1 => serde_saphyr::from_str_with_options::<At<1>>(text, yaml_options())
                .map(At::into_config),
            _ => serde_saphyr::from_str_with_options::<At<3>>(text, yaml_options())
                .map(At::into_config),
        };
    config.map_err(fail)
}

/// The lists found by following the keys of the place with `N` of them.
#[cfg(feature = "yaml")]
struct At<const N: usize>(GateConfig);

#[cfg(feature = "yaml")]
impl<const N: usize> At<N> {
    fn into_config(self) -> GateConfig {
        self.0
    }
}

#[cfg(feature = "yaml")]
impl<'de, const N: usize> de::Deserialize<'de> for At<N> {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<At<N>, D::Error> {
        let keys = [BARE_PATH, WRAPPED_PATH, CR_PATH]
            .into_iter()
            .find(|keys| keys.len() == N)
            .unwrap_or(BARE_PATH);
        Extract(keys).deserialize(de).map(At)
    }
}

/// serde-saphyr's defaults bound every document; these are tighter, sized
/// for a CR of a few KiB: an alias bomb is refused after a few thousand
/// replayed events, never expanded. Errors stay on one line (no snippet).
#[cfg(feature = "yaml")]
fn yaml_options() -> serde_saphyr::Options {
    let mut budget = serde_saphyr::Budget::default();
    budget.max_aliases = 1_000;
    budget.max_documents = 1;
    budget.max_depth = 64;
    let mut limits = serde_saphyr::options::AliasLimits::default();
    limits.max_total_replayed_events = 10_000;
    limits.max_replay_stack_depth = 16;
    let mut options = serde_saphyr::Options::default();
    options.budget = Some(budget);
    options.alias_limits = limits;
    options.with_snippet = false;
    options.emit_comments = false;
    options
}

/// The keys to follow, found by the first pass.
#[cfg(feature = "yaml")]
struct Shape(&'static [&'static str]);

/// The first pass: which shape, and no near-miss key anywhere on the way.
struct Probe;

impl<'de> DeserializeSeed<'de> for Probe {
    type Value = &'static [&'static str];

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<Self::Value, D::Error> {
        de.deserialize_map(RootVisitor)
    }
}

#[cfg(feature = "yaml")]
impl<'de> de::Deserialize<'de> for Shape {
    fn deserialize<D: Deserializer<'de>>(de: D) -> Result<Shape, D::Error> {
        Probe.deserialize(de).map(Shape)
    }
}

struct RootVisitor;

/// What the root's keys say about its shape.
// Each flag is one key seen, read once at the end: a state machine would
// hide that.
#[allow(clippy::struct_excessive_bools)]
#[derive(Default)]
struct Root {
    kind: Option<String>,
    api_version: Option<String>,
    spec: bool,
    developer: bool,
    /// A field of `developerConfiguration` at the root.
    field: bool,
    /// `metadata` or `status`, a CR's.
    cr_key: bool,
    /// The first key of none of the shapes.
    unknown: Option<String>,
}

impl<'de> Visitor<'de> for RootVisitor {
    type Value = &'static [&'static str];

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // Short: serde quotes it inside its own message, which is cut to
        // 200 bytes as any parser's text is.
        f.write_str("a mapping (a KubeVirt CR, or a developerConfiguration, bare or in an object)")
    }

    // An empty YAML document (only comments, or `---`) is an empty file.
    fn visit_unit<E: de::Error>(self) -> Result<Self::Value, E> {
        Ok(BARE_PATH)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let mut root = Root::default();
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                SPEC => {
                    root.spec = true;
                    map.next_value_seed(CheckLevel(&CR_PATH[1..]))?;
                }
                DEVELOPER => {
                    root.developer = true;
                    map.next_value_seed(CheckLevel(&[]))?;
                }
                "kind" => root.kind = Some(map.next_value()?),
                "apiVersion" => root.api_version = Some(map.next_value()?),
                "metadata" | "status" => {
                    root.cr_key = true;
                    map.next_value::<IgnoredAny>()?;
                }
                other if DEVELOPER_FIELDS.contains(&other) => {
                    root.field = true;
                    map.next_value::<IgnoredAny>()?;
                }
                other => {
                    near_miss(
                        other,
                        &[&[SPEC, DEVELOPER][..], &CR_KEYS, &DEVELOPER_FIELDS],
                    )?;
                    if root.unknown.is_none() {
                        root.unknown = Some(other.to_owned());
                    }
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        root.shape()
    }
}

impl Root {
    fn shape<E: de::Error>(self) -> Result<&'static [&'static str], E> {
        let places = [self.spec, self.developer, self.field];
        if places.iter().filter(|&&p| p).count() > 1 {
            return Err(ours(format_args!(
                "the lists are in more than one place: give `spec`, `developerConfiguration` \
                 or `featureGates`/`disabledFeatureGates` at the top, one of them"
            )));
        }
        if self.kind.is_some() || self.api_version.is_some() {
            return self.cr();
        }
        if self.spec || self.cr_key {
            return Err(ours(format_args!(
                "a document with `spec` or `metadata` is a KubeVirt CR, and it has no \
                 `kind: {KUBEVIRT}` and `apiVersion: {}`",
                API_VERSIONS[0]
            )));
        }
        if self.developer {
            return Ok(WRAPPED_PATH);
        }
        match self.unknown {
            None => Ok(BARE_PATH),
            Some(key) => Err(ours(format_args!(
                "no shape this reads has a key `{}` at the top: {SHAPES}",
                quoted(&key)
            ))),
        }
    }

    /// The shape of a document with a `kind` or an `apiVersion`: a
    /// `KubeVirt` CR, or refused.
    fn cr<E: de::Error>(self) -> Result<&'static [&'static str], E> {
        match self.kind.as_deref() {
            Some(KUBEVIRT) => {}
            Some("List") => {
                return Err(ours(format_args!(
                    "a `kind: List` holds several objects (what `kubectl get -o yaml` prints for \
                     more than one): save the one KubeVirt CR, `kubectl get kubevirt NAME -n \
                     NAMESPACE -o yaml`"
                )));
            }
            Some(other) => {
                return Err(ours(format_args!(
                    "kind is `{}`, not `{KUBEVIRT}`: {SHAPES}",
                    quoted(other)
                )));
            }
            None => {
                return Err(ours(format_args!(
                    "a KubeVirt CR needs `kind: {KUBEVIRT}` beside its apiVersion"
                )));
            }
        }
        match self.api_version.as_deref() {
            Some(version) if API_VERSIONS.contains(&version) => {}
            Some(other) => {
                return Err(ours(format_args!(
                    "apiVersion is `{}`, not `{}` or `{}`",
                    quoted(other),
                    API_VERSIONS[0],
                    API_VERSIONS[1]
                )));
            }
            None => {
                return Err(ours(format_args!(
                    "a KubeVirt CR needs `apiVersion: {}`",
                    API_VERSIONS[0]
                )));
            }
        }
        if self.developer || self.field {
            return Err(ours(format_args!(
                "in a KubeVirt CR the lists sit in spec.configuration.developerConfiguration, \
                 not at the top"
            )));
        }
        if let Some(key) = self.unknown {
            return Err(ours(format_args!(
                "a KubeVirt CR has no key `{}` at the top (apiVersion, kind, metadata, spec, status)",
                quoted(&key)
            )));
        }
        Ok(CR_PATH)
    }
}

/// Checks the keys of one object on the way to the lists (and of the
/// object holding them), then skips its values.
struct CheckLevel(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for CheckLevel {
    type Value = ();

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for CheckLevel {
    type Value = ();

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0.first() {
            Some(key) => write!(f, "a mapping with `{key}`"),
            None => f.write_str("a mapping with featureGates and disabledFeatureGates"),
        }
    }

    fn visit_none<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_unit<E: de::Error>(self) -> Result<(), E> {
        Ok(())
    }

    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<(), D::Error> {
        de.deserialize_map(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<(), A::Error> {
        while let Some(key) = map.next_key::<String>()? {
            match self.0.split_first() {
                Some((&next, rest)) if key == next => map.next_value_seed(CheckLevel(rest))?,
                Some((&next, rest)) => {
                    // A later step here: a level is missing on the way.
                    let deeper = rest.iter().chain(&LISTS).find(|&&k| k == key);
                    if let Some(deeper) = deeper {
                        return Err(ours(format_args!(
                            "`{deeper}` is misplaced: in a KubeVirt CR it sits in \
                             spec.configuration.developerConfiguration, under `{next}`"
                        )));
                    }
                    near_miss(&key, &[std::slice::from_ref(&next), rest])?;
                    map.next_value::<IgnoredAny>()?;
                }
                None => {
                    if !DEVELOPER_FIELDS.contains(&key.as_str()) {
                        near_miss(&key, &[&DEVELOPER_FIELDS])?;
                        return Err(ours(format_args!(
                            "`{}` is no field of developerConfiguration (featureGates, \
                             disabledFeatureGates, useEmulation, memoryOvercommit, ...)",
                            quoted(&key)
                        )));
                    }
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// An error when `key` is not one of `expected` but close to one (see
/// [`crate::text::near_miss::near_miss`]).
fn near_miss<E: de::Error>(key: &str, expected: &[&[&'static str]]) -> Result<(), E> {
    for expected in expected {
        if let Some(right) = crate::text::near_miss::near_miss(key, expected) {
            return Err(ours(format_args!(
                "unknown key `{}`; did you mean `{right}`?",
                quoted(key)
            )));
        }
    }
    Ok(())
}

/// The second pass: follows the keys to the object holding the lists and
/// deserializes it as a [`GateConfig`]; a missing or null step is empty.
struct Extract(&'static [&'static str]);

impl<'de> DeserializeSeed<'de> for Extract {
    type Value = GateConfig;

    fn deserialize<D: Deserializer<'de>>(self, de: D) -> Result<GateConfig, D::Error> {
        if self.0.is_empty() {
            return de.deserialize_option(Lists);
        }
        de.deserialize_option(self)
    }
}

impl<'de> Visitor<'de> for Extract {
    type Value = GateConfig;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "a mapping with `{}`",
            self.0.first().unwrap_or(&DEVELOPER)
        )
    }

    fn visit_none<E: de::Error>(self) -> Result<GateConfig, E> {
        Ok(GateConfig::default())
    }

    fn visit_unit<E: de::Error>(self) -> Result<GateConfig, E> {
        Ok(GateConfig::default())
    }

    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<GateConfig, D::Error> {
        de.deserialize_map(self)
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<GateConfig, A::Error> {
        let (&next, rest) = self.0.split_first().unwrap_or((&DEVELOPER, &[]));
        let mut found = None;
        while let Some(key) = map.next_key::<String>()? {
            if key == next {
                if found.is_some() {
                    return Err(de::Error::duplicate_field(next));
                }
                found = Some(map.next_value_seed(Extract(rest))?);
            } else {
                map.next_value::<IgnoredAny>()?;
            }
        }
        Ok(found.unwrap_or_default())
    }
}

/// The object holding the lists, or null for none.
struct Lists;

impl<'de> Visitor<'de> for Lists {
    type Value = GateConfig;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping with featureGates and disabledFeatureGates")
    }

    fn visit_none<E: de::Error>(self) -> Result<GateConfig, E> {
        Ok(GateConfig::default())
    }

    fn visit_unit<E: de::Error>(self) -> Result<GateConfig, E> {
        Ok(GateConfig::default())
    }

    fn visit_some<D: Deserializer<'de>>(self, de: D) -> Result<GateConfig, D::Error> {
        serde::Deserialize::deserialize(de)
    }
}
