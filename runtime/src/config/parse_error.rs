//! [`ParseError`]: why a flag string is not a configuration.

use std::error::Error;
use std::fmt;

use crate::text::escape::quoted;
use crate::vocab::name;

/// Why [`GateConfig::parse`](crate::GateConfig::parse) refused a flag
/// string: the first offending entry, with its position.
///
/// Every variant carries the entry (trimmed) and its 1-based position among
/// the comma-separated entries as written, empty ones counted; for a name
/// given twice, the second entry. `Display` quotes the entry escaped and cut
/// to 64 bytes.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum ParseError {
    /// A value that is not one of Go's boolean spellings: `A=yes`.
    InvalidValue {
        /// 1-based index of the entry.
        position: usize,
        /// The entry.
        entry: String,
        /// The gate it names.
        name: String,
        /// The value that does not parse.
        value: String,
    },
    /// An entry without a value in the flag form: `B` in `A=true,B`.
    MissingValue {
        /// 1-based index of the entry.
        position: usize,
        /// The entry: the gate's name.
        entry: String,
    },
    /// An entry with a value in a plain list: `B=true` in `A,B=true`.
    UnexpectedValue {
        /// 1-based index of the entry.
        position: usize,
        /// The entry.
        entry: String,
        /// The gate it names.
        name: String,
    },
    /// A name no gate can have: empty, over 128 bytes, or holding anything
    /// but ASCII letters, digits, `-`, `_` and `.` after an ASCII letter
    /// (whitespace, a BOM, a zero-width space, a bidi control, non-ASCII).
    InvalidName {
        /// 1-based index of the entry.
        position: usize,
        /// The entry.
        entry: String,
        /// The name as read.
        name: String,
    },
    /// A name given twice.
    DuplicateEntry {
        /// 1-based index of the second entry.
        position: usize,
        /// The second entry.
        entry: String,
        /// The name.
        name: String,
        /// Position of the first entry.
        first: usize,
        /// The first entry.
        first_entry: String,
    },
}

impl ParseError {
    /// The 1-based position of the offending entry (the second one for a
    /// name given twice).
    #[must_use]
    pub fn position(&self) -> usize {
        match self {
            ParseError::InvalidValue { position, .. }
            | ParseError::MissingValue { position, .. }
            | ParseError::UnexpectedValue { position, .. }
            | ParseError::InvalidName { position, .. }
            | ParseError::DuplicateEntry { position, .. } => *position,
        }
    }

    /// The offending entry, trimmed (the second one for a name given twice).
    #[must_use]
    pub fn entry(&self) -> &str {
        match self {
            ParseError::InvalidValue { entry, .. }
            | ParseError::MissingValue { entry, .. }
            | ParseError::UnexpectedValue { entry, .. }
            | ParseError::InvalidName { entry, .. }
            | ParseError::DuplicateEntry { entry, .. } => entry,
        }
    }

    /// The gate name the entry gives.
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            ParseError::InvalidValue { name, .. }
            | ParseError::UnexpectedValue { name, .. }
            | ParseError::InvalidName { name, .. }
            | ParseError::DuplicateEntry { name, .. } => name,
            ParseError::MissingValue { entry, .. } => entry,
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "entry {} `{}`: ", self.position(), quoted(self.entry()))?;
        match self {
            ParseError::InvalidValue { name, value, .. } => write!(
                f,
                "invalid value `{}` for feature gate {}; expected true or false \
                 (or 1, t, T, TRUE, True, 0, f, F, FALSE, False)",
                quoted(value),
                quoted(name)
            ),
            ParseError::MissingValue { entry, .. } => {
                let entry = quoted(entry);
                write!(
                    f,
                    "feature gate {entry} is missing its value (`{entry}=true` or \
                     `{entry}=false`); a flag string is either all `name=bool` entries \
                     or a plain list of names"
                )
            }
            ParseError::UnexpectedValue { name, .. } => write!(
                f,
                "a plain list of names takes no values (write `{}`, or `name=bool` for every entry)",
                quoted(name)
            ),
            ParseError::InvalidName { name, .. } => match name::check(name) {
                Err(fault) => write!(f, "{fault}"),
                Ok(()) => f.write_str("invalid feature gate name"),
            },
            ParseError::DuplicateEntry {
                name,
                first,
                first_entry,
                ..
            } => write!(
                f,
                "feature gate {} is given twice, first in entry {first} `{}`",
                quoted(name),
                quoted(first_entry)
            ),
        }
    }
}

impl Error for ParseError {}
