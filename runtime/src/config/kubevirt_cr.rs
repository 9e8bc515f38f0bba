//! Where the lists sit in a `KubeVirt` document, read through serde from
//! JSON or YAML: a whole CR (`spec.configuration.developerConfiguration`),
//! an object holding `developerConfiguration`, or a bare
//! `developerConfiguration`.
//!
//! Two passes over the text, both linear: the first finds the shape and
//! checks every key on the way for near misses; the second hands the one
//! object that holds the lists to `GateConfig`'s own `Deserialize`, so its
//! checks (and the format's line numbers) apply. Nothing else is kept.

use std::fmt;
use std::path::Path;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use crate::GateConfig;
use crate::config::source_error::{Kind, SourceError};

const SPEC: &str = "spec";
const CONFIGURATION: &str = "configuration";
const DEVELOPER: &str = "developerConfiguration";
const LISTS: [&str; 2] = ["featureGates", "disabledFeatureGates"];
/// The only `kind` a CR may have.
const KUBEVIRT: &str = "KubeVirt";

/// The keys from the document's root to the object holding the lists.
const CR_PATH: &[&str] = &[SPEC, CONFIGURATION, DEVELOPER];
const WRAPPED_PATH: &[&str] = &[DEVELOPER];
const BARE_PATH: &[&str] = &[];

pub(crate) fn from_json(path: &Path, text: &str) -> Result<GateConfig, SourceError> {
    let fail = |err: serde_json::Error| {
        let line = Some(err.line()).filter(|&l| l > 0);
        SourceError::new(path, line, Kind::Json(err))
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
    let fail = |err: serde_saphyr::Error| {
        let line = err
            .location()
            .and_then(|l| usize::try_from(l.line()).ok())
            .filter(|&l| l > 0);
        SourceError::new(path, line, Kind::Yaml(err))
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

impl<'de> Visitor<'de> for RootVisitor {
    type Value = &'static [&'static str];

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a mapping: a KubeVirt CR or its developerConfiguration")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Self::Value, A::Error> {
        let (mut cr, mut wrapped, mut bare) = (false, false, false);
        while let Some(key) = map.next_key::<String>()? {
            match key.as_str() {
                SPEC => {
                    cr = true;
                    map.next_value_seed(CheckLevel(&CR_PATH[1..]))?;
                }
                DEVELOPER => {
                    wrapped = true;
                    map.next_value_seed(CheckLevel(&[]))?;
                }
                "kind" => {
                    let kind: String = map.next_value()?;
                    if kind != KUBEVIRT {
                        return Err(de::Error::custom(format_args!(
                            "kind is `{}`, not `{KUBEVIRT}`",
                            Quoted(&kind)
                        )));
                    }
                }
                other => {
                    bare |= LISTS.contains(&other);
                    near_miss(other, &[SPEC, DEVELOPER, LISTS[0], LISTS[1]])?;
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        match (cr, wrapped, bare) {
            (true, false, false) => Ok(CR_PATH),
            (false, true, false) => Ok(WRAPPED_PATH),
            (false, false, _) => Ok(BARE_PATH),
            _ => Err(de::Error::custom(
                "the lists are in more than one place: give `spec`, `developerConfiguration` \
                 or `featureGates`/`disabledFeatureGates` at the top, one of them",
            )),
        }
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
        let expected: &[&str] = match self.0.first() {
            Some(key) => std::slice::from_ref(key),
            None => &LISTS,
        };
        while let Some(key) = map.next_key::<String>()? {
            match self.0.split_first() {
                Some((&next, rest)) if key == next => map.next_value_seed(CheckLevel(rest))?,
                _ => {
                    if !expected.contains(&key.as_str()) {
                        near_miss(&key, expected)?;
                    }
                    map.next_value::<IgnoredAny>()?;
                }
            }
        }
        Ok(())
    }
}

/// An error when `key` is not one of `expected` but close to one (see
/// [`crate::text::suggest::near_miss`]).
fn near_miss<E: de::Error>(key: &str, expected: &[&str]) -> Result<(), E> {
    match crate::text::suggest::near_miss(key, expected) {
        Some(right) => Err(E::custom(format_args!(
            "unknown key `{}`; did you mean `{right}`?",
            Quoted(key)
        ))),
        None => Ok(()),
    }
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

/// A key or value from the file as a message quotes it: escaped, cut.
struct Quoted<'a>(&'a str);

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Display::fmt(&crate::config::source_error::Escaped(Path::new(self.0)), f)
    }
}
