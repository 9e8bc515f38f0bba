//! The rule every gate name follows, however a configuration arrives: 1 to
//! 128 bytes, an ASCII letter, then ASCII letters, digits, `-`, `_` or `.`.
//! A name that breaks it could never be a gate's, and is refused as such
//! rather than reported as unknown (an invisible character would otherwise
//! make a known name look unknown, or a log line lie).

use std::fmt;

use crate::text::escape::quoted;

/// The longest name, in bytes.
pub(crate) const MAX_LEN: usize = 128;

/// How a name breaks the rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Fault {
    Empty,
    TooLong(usize),
    First(char),
    Inner(char),
}

/// Checks `name` against the rule.
pub(crate) fn check(name: &str) -> Result<(), Fault> {
    let bytes = name.as_bytes();
    let Some(&first) = bytes.first() else {
        return Err(Fault::Empty);
    };
    if bytes.len() > MAX_LEN {
        return Err(Fault::TooLong(bytes.len()));
    }
    if !first.is_ascii_alphabetic() {
        return Err(Fault::First(name.chars().next().unwrap_or_default()));
    }
    match bytes
        .iter()
        .position(|&b| !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'_' | b'.')))
    {
        None => Ok(()),
        Some(at) => Err(Fault::Inner(name[at..].chars().next().unwrap_or_default())),
    }
}

/// Whether `name` follows the rule.
pub(crate) fn is_valid(name: &str) -> bool {
    check(name).is_ok()
}

impl fmt::Display for Fault {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        const RULE: &str =
            "a feature gate name is an ASCII letter, then ASCII letters, digits, `-`, `_` or `.`";
        match *self {
            Fault::Empty => f.write_str("the feature gate name is empty"),
            Fault::TooLong(len) => write!(
                f,
                "the feature gate name is {len} bytes long; at most {MAX_LEN} are allowed"
            ),
            Fault::First(c) => write!(
                f,
                "the feature gate name starts with `{}`; {RULE}",
                quoted(c.encode_utf8(&mut [0; 4]))
            ),
            Fault::Inner(c) if c.is_whitespace() => write!(
                f,
                "the feature gate name holds whitespace (`{}`); {RULE}",
                quoted(c.encode_utf8(&mut [0; 4]))
            ),
            Fault::Inner(c) => write!(
                f,
                "the feature gate name holds `{}`; {RULE}",
                quoted(c.encode_utf8(&mut [0; 4]))
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{Fault, check};

    #[test]
    fn the_rule() {
        for good in ["A", "ImageVolume", "a-b_c.d9", &"x".repeat(128)] {
            assert_eq!(check(good), Ok(()), "{good}");
        }
        assert_eq!(check(""), Err(Fault::Empty));
        assert_eq!(check(&"x".repeat(129)), Err(Fault::TooLong(129)));
        assert_eq!(check("9A"), Err(Fault::First('9')));
        assert_eq!(check("\u{feff}A"), Err(Fault::First('\u{feff}')));
        assert_eq!(check("A\u{200b}"), Err(Fault::Inner('\u{200b}')));
        assert_eq!(check("A B"), Err(Fault::Inner(' ')));
        assert_eq!(check("Aé"), Err(Fault::Inner('é')));
        for bad in [",", "=", "\u{202e}"] {
            assert!(check(&format!("A{bad}")).is_err());
        }
    }
}
