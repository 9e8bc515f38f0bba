//! The first pass over a `KubeVirt` document: which shape it has, checking
//! every key on the way (near misses, misplaced levels, unknown fields of
//! `developerConfiguration`, the CR's `kind` and `apiVersion`).

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::{
    API_VERSIONS, BARE_PATH, CR_KEYS, CR_PATH, DEVELOPER, DEVELOPER_FIELDS, KUBEVIRT, LISTS,
    SHAPES, SPEC, WRAPPED_PATH, ours,
};
use crate::text::escape::quoted;

/// The keys to follow, found by the first pass.
#[cfg(feature = "yaml")]
pub(super) struct Shape(pub(super) &'static [&'static str]);

/// The first pass: which shape, and no near-miss key anywhere on the way.
pub(super) struct Probe;

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
