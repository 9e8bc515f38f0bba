//! `GateConfig`'s serde shape when read: `KubeVirt`'s `featureGates` and
//! `disabledFeatureGates`, every entry checked by the rule of gate names,
//! other keys ignored unless they are a near miss of these two (a typo there
//! would otherwise drop the whole list in silence).

use std::fmt;

use serde::de::{self, Deserialize, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};

use crate::GateConfig;
use crate::text::escape::quoted;
use crate::vocab::name;

const ENABLED: &str = "featureGates";
const DISABLED: &str = "disabledFeatureGates";

impl<'de> Deserialize<'de> for GateConfig {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<GateConfig, D::Error> {
        deserializer.deserialize_map(ConfigVisitor)
    }
}

struct ConfigVisitor;

impl<'de> Visitor<'de> for ConfigVisitor {
    type Value = GateConfig;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "an object with `{ENABLED}` and `{DISABLED}` lists")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<GateConfig, A::Error> {
        let mut config = GateConfig::default();
        let (mut seen_enabled, mut seen_disabled) = (false, false);
        while let Some(key) = map.next_key::<Key>()? {
            let (list, seen, field) = match key {
                Key::Enabled => (&mut config.enabled, &mut seen_enabled, ENABLED),
                Key::Disabled => (&mut config.disabled, &mut seen_disabled, DISABLED),
                Key::Other => {
                    map.next_value::<IgnoredAny>()?;
                    continue;
                }
            };
            if std::mem::replace(seen, true) {
                return Err(de::Error::duplicate_field(field));
            }
            *list = map.next_value_seed(Names(field))?;
        }
        Ok(config)
    }
}

/// A key of the object: one of ours, or one to ignore.
enum Key {
    Enabled,
    Disabled,
    Other,
}

impl<'de> Deserialize<'de> for Key {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Key, D::Error> {
        struct KeyVisitor;
        impl Visitor<'_> for KeyVisitor {
            type Value = Key;
            fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str("a field name")
            }
            fn visit_str<E: de::Error>(self, key: &str) -> Result<Key, E> {
                match key {
                    ENABLED => Ok(Key::Enabled),
                    DISABLED => Ok(Key::Disabled),
                    _ => match near_miss(key) {
                        Some(right) => Err(crate::config::kubevirt_cr::ours(format_args!(
                            "unknown field `{}`; did you mean `{right}`?",
                            quoted(key)
                        ))),
                        None => Ok(Key::Other),
                    },
                }
            }
        }
        deserializer.deserialize_identifier(KeyVisitor)
    }
}

/// Which of our keys `key` is a near miss of (see [`crate::text::near_miss::near_miss`]).
fn near_miss(key: &str) -> Option<&'static str> {
    crate::text::near_miss::near_miss(key, &[DISABLED, ENABLED])
}

/// One list, each entry checked by the rule of gate names.
struct Names(&'static str);

impl<'de> de::DeserializeSeed<'de> for Names {
    type Value = Vec<String>;

    fn deserialize<D: Deserializer<'de>>(self, deserializer: D) -> Result<Vec<String>, D::Error> {
        deserializer.deserialize_seq(self)
    }
}

impl<'de> Visitor<'de> for Names {
    type Value = Vec<String>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("a list of feature gate names")
    }

    // A string where the list belongs: said in our words, the string
    // quoted cut (serde's own message would quote all of it).
    fn visit_str<E: de::Error>(self, value: &str) -> Result<Vec<String>, E> {
        Err(crate::config::kubevirt_cr::ours(format_args!(
            "`{}` is a list of feature gate names, not the string `{}`",
            self.0,
            quoted(value)
        )))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Vec<String>, A::Error> {
        let mut names = Vec::new();
        while let Some(entry) = seq.next_element::<String>()? {
            if let Err(fault) = name::check(&entry) {
                return Err(crate::config::kubevirt_cr::ours(format_args!(
                    "`{}` entry {} `{}`: {fault}",
                    self.0,
                    names.len() + 1,
                    quoted(&entry)
                )));
            }
            names.push(entry);
        }
        Ok(names)
    }
}

#[cfg(test)]
mod tests {
    use super::near_miss;

    #[test]
    fn near_misses() {
        for key in [
            "disabledFeatureGate",
            "feature_gates",
            "featuregates",
            "FeatureGates",
            "disabled-feature-gates",
            "featureGate",
            "featureGatess",
            "feature\u{200b}Gates",
            "\u{feff}featureGates",
            "disabled\u{2060}FeatureGates",
        ] {
            assert!(near_miss(key).is_some(), "{key}");
        }
        for key in [
            "useEmulation",
            "memoryOvercommit",
            "nodeSelectors",
            "logVerbosity",
            "",
        ] {
            assert_eq!(near_miss(key), None, "{key}");
        }
        assert_eq!(
            near_miss("disabledFeatureGate"),
            Some("disabledFeatureGates")
        );
    }
}
