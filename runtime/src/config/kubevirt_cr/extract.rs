//! The second pass over a `KubeVirt` document: the keys the first pass
//! found followed to the object holding the lists, which `GateConfig`'s own
//! `Deserialize` reads.

use std::fmt;

use serde::de::{self, DeserializeSeed, Deserializer, IgnoredAny, MapAccess, Visitor};

use super::DEVELOPER;
#[cfg(feature = "yaml")]
use super::{BARE_PATH, CR_PATH, WRAPPED_PATH};
use crate::GateConfig;

/// The lists found by following the keys of the place with `N` of them.
#[cfg(feature = "yaml")]
pub(super) struct At<const N: usize>(GateConfig);

#[cfg(feature = "yaml")]
impl<const N: usize> At<N> {
    pub(super) fn into_config(self) -> GateConfig {
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

/// The second pass: follows the keys to the object holding the lists and
/// deserializes it as a [`GateConfig`]; a missing or null step is empty.
pub(super) struct Extract(pub(super) &'static [&'static str]);

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
