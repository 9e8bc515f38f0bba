//! Release versions: `v1.9.0`, as KubeVirt names its releases.

use std::error::Error;
use std::fmt;
use std::str::FromStr;

/// A release: `major.minor.patch`, written `v1.9.0`.
///
/// Parsing takes `v1.9`, `1.9.0` and `v1.9.0` (a missing patch is 0);
/// versions order as releases do.
///
/// ```
/// use featuregate::Version;
///
/// let version: Version = "v1.9".parse().unwrap();
/// assert_eq!(version, Version::new(1, 9, 0));
/// assert_eq!(version.to_string(), "v1.9.0");
/// assert!(version < "1.10.0".parse().unwrap());
/// assert_eq!(
///     "v1.x".parse::<Version>().unwrap_err().to_string(),
///     "invalid version `v1.x`: expected vMAJOR.MINOR or vMAJOR.MINOR.PATCH, like v1.9.0"
/// );
/// ```
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Version {
    /// The major release (`1` of `v1.9.0`).
    pub major: u32,
    /// The minor release (`9` of `v1.9.0`).
    pub minor: u32,
    /// The patch release (`0` of `v1.9.0`).
    pub patch: u32,
}

impl Version {
    /// `vMAJOR.MINOR.PATCH`.
    #[must_use]
    pub const fn new(major: u32, minor: u32, patch: u32) -> Version {
        Version {
            major,
            minor,
            patch,
        }
    }

    /// Parses `vMAJOR.MINOR` or `vMAJOR.MINOR.PATCH` (the `v` optional) in
    /// const context: `None` for anything else. The macro has checked the
    /// versions a declaration gives, so the descriptor reads them with this.
    #[must_use]
    pub const fn parse(text: &str) -> Option<Version> {
        let bytes = text.as_bytes();
        let mut i = if !bytes.is_empty() && bytes[0] == b'v' {
            1
        } else {
            0
        };
        let mut parts = [0u32; 3];
        let mut count = 0;
        while count < 3 {
            let start = i;
            let mut value: u32 = 0;
            while i < bytes.len() && bytes[i].is_ascii_digit() {
                value = match value.checked_mul(10) {
                    Some(v) => match v.checked_add((bytes[i] - b'0') as u32) {
                        Some(v) => v,
                        None => return None,
                    },
                    None => return None,
                };
                i += 1;
            }
            if i == start {
                return None;
            }
            parts[count] = value;
            count += 1;
            if i == bytes.len() {
                break;
            }
            if bytes[i] != b'.' {
                return None;
            }
            i += 1;
        }
        if count < 2 || i != bytes.len() {
            return None;
        }
        Some(Version::new(parts[0], parts[1], parts[2]))
    }
}

impl fmt::Display for Version {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "v{}.{}.{}", self.major, self.minor, self.patch)
    }
}

impl FromStr for Version {
    type Err = ParseVersionError;

    fn from_str(s: &str) -> Result<Version, ParseVersionError> {
        Version::parse(s.trim()).ok_or_else(|| ParseVersionError {
            input: s.to_owned(),
        })
    }
}

/// A version that does not parse.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ParseVersionError {
    input: String,
}

impl ParseVersionError {
    /// The text that did not parse.
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }
}

impl fmt::Display for ParseVersionError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        // The input is the user's: escaped, and cut short.
        let shown: String = self
            .input
            .chars()
            .take(40)
            .flat_map(char::escape_debug)
            .collect();
        let cut = if self.input.chars().count() > 40 {
            "..."
        } else {
            ""
        };
        write!(
            f,
            "invalid version `{shown}{cut}`: expected vMAJOR.MINOR or vMAJOR.MINOR.PATCH, like v1.9.0"
        )
    }
}

impl Error for ParseVersionError {}

/// As its text, `"v1.9.0"`.
#[cfg(feature = "serde")]
impl serde::Serialize for Version {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}

/// From its text: `"v1.9"`, `"1.9.0"`, `"v1.9.0"`.
#[cfg(feature = "serde")]
impl<'de> serde::Deserialize<'de> for Version {
    fn deserialize<D: serde::Deserializer<'de>>(deserializer: D) -> Result<Version, D::Error> {
        let text = <std::borrow::Cow<'de, str>>::deserialize(deserializer)?;
        text.parse().map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::Version;

    #[test]
    fn the_forms_it_takes() {
        for text in ["v1.9", "1.9.0", "v1.9.0", " v1.9.0 ", "v01.09.00"] {
            assert_eq!(text.parse(), Ok(Version::new(1, 9, 0)), "{text:?}");
        }
        assert_eq!("v0.49.2".parse(), Ok(Version::new(0, 49, 2)));
    }

    #[test]
    fn what_it_refuses_named_in_the_error() {
        for text in [
            "",
            "v",
            "1",
            "v1",
            "1.",
            ".9",
            "v1.9.",
            "1.9.0.1",
            "V1.9",
            "vv1.9",
            "1.x",
            "1 .9",
            "-1.9",
            "+1.9",
            "4294967296.0",
        ] {
            let error = text.parse::<Version>().unwrap_err();
            assert_eq!(error.input(), text);
            assert!(
                error.to_string().contains(&format!("`{}`", text.trim())) || text.trim() != text,
                "{error}"
            );
        }
        let error = "v1.x\n\u{1b}[31m".parse::<Version>().unwrap_err();
        assert_eq!(
            error.to_string(),
            "invalid version `v1.x\\n\\u{1b}[31m`: expected vMAJOR.MINOR or vMAJOR.MINOR.PATCH, like v1.9.0"
        );
        let long = "9".repeat(100);
        assert!(
            long.parse::<Version>()
                .unwrap_err()
                .to_string()
                .contains("...")
        );
    }

    #[test]
    fn order_and_display() {
        let v = |s: &str| s.parse::<Version>().unwrap();
        assert!(v("v1.9.0") < v("v1.10.0"));
        assert!(v("v1.10.0") < v("v2.0.0"));
        assert!(v("v1.9.1") > v("v1.9"));
        assert_eq!(v("1.10").to_string(), "v1.10.0");
        assert_eq!(
            format!("{:?}", v("1.2.3")),
            "Version { major: 1, minor: 2, patch: 3 }"
        );
    }

    #[cfg(feature = "serde")]
    #[test]
    fn serde_as_text() {
        let json = serde_json::to_string(&Version::new(1, 9, 0)).unwrap();
        assert_eq!(json, "\"v1.9.0\"");
        assert_eq!(
            serde_json::from_str::<Version>("\"1.10\"").unwrap(),
            Version::new(1, 10, 0)
        );
        assert!(serde_json::from_str::<Version>("\"1.x\"").is_err());
    }
}
