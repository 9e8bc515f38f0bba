//! [`ParseError`]: why a flag string is not a configuration.

use std::error::Error;
use std::fmt;

use crate::text::escape::quoted;
use crate::vocab::name;

/// Why [`GateConfig::parse`](crate::GateConfig::parse) refused a flag
/// string: every offending entry, with its position.
///
/// Every variant but [`ParseError::Several`] is one bad entry and carries
/// the entry (trimmed) and its 1-based position among the comma-separated
/// entries as written, empty ones counted; for a name given twice, the
/// second entry. When several entries are bad, the error is `Several`,
/// and [`ParseError::problems`] lists them (at most 100, then
/// [`ParseError::omitted`] counts the rest) while [`ParseError::position`]
/// and [`ParseError::entry`] name the first. `Display` quotes each entry
/// escaped and cut to 64 bytes, one bad entry per line.
///
/// ```
/// use featuregate::GateConfig;
///
/// let err = GateConfig::parse("A=yes,B=true,C,D=maybe").unwrap_err();
/// assert_eq!((err.position(), err.entry()), (1, "A=yes"));
/// let positions: Vec<usize> = err.problems().map(|p| p.position()).collect();
/// assert_eq!(positions, [1, 3, 4]);
/// assert_eq!(err.to_string().lines().count(), 3);
/// ```
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
    /// More than one bad entry: each one in order, the first first (never
    /// `Several` itself), at most 100 of them.
    Several {
        /// The bad entries, in order.
        problems: Vec<ParseError>,
        /// How many bad entries there are past those listed.
        omitted: usize,
    },
}

/// How many bad entries an error lists.
const LISTED: usize = crate::text::capped::CAP;

/// The bad entries of one parse: the first hundred kept, the rest counted.
#[derive(Default)]
pub(crate) struct Problems {
    listed: Vec<ParseError>,
    omitted: usize,
}

impl Problems {
    /// Adds the problem `make` builds, or only counts it past the first
    /// hundred (so a hostile input allocates nothing more).
    pub(crate) fn push_with(&mut self, make: impl FnOnce() -> ParseError) {
        if self.listed.len() < LISTED {
            self.listed.push(make());
        } else {
            self.omitted += 1;
        }
    }

    /// The error for the problems, if there is any.
    pub(crate) fn finish(mut self) -> Option<ParseError> {
        if self.listed.len() == 1 && self.omitted == 0 {
            return self.listed.pop();
        }
        (!self.listed.is_empty()).then_some(ParseError::Several {
            problems: self.listed,
            omitted: self.omitted,
        })
    }
}

impl ParseError {
    /// Every bad entry, in order, at most 100: this error itself when it is
    /// about one entry.
    #[must_use = "the problems are the reason for the error"]
    pub fn problems(&self) -> impl ExactSizeIterator<Item = &ParseError> + '_ {
        match self {
            ParseError::Several { problems, .. } => problems.iter(),
            one => std::slice::from_ref(one).iter(),
        }
    }

    /// How many bad entries there are past those [`ParseError::problems`]
    /// lists (100 are).
    #[must_use]
    pub fn omitted(&self) -> usize {
        match self {
            ParseError::Several { omitted, .. } => *omitted,
            _ => 0,
        }
    }

    /// The first bad entry (this error itself when it is about one).
    fn first(&self) -> &ParseError {
        match self {
            ParseError::Several { problems, .. } => problems.first().unwrap_or(self),
            one => one,
        }
    }

    /// The 1-based position of the offending entry (the second one for a
    /// name given twice); of the first one when several are bad.
    #[must_use]
    pub fn position(&self) -> usize {
        match self.first() {
            ParseError::InvalidValue { position, .. }
            | ParseError::MissingValue { position, .. }
            | ParseError::UnexpectedValue { position, .. }
            | ParseError::InvalidName { position, .. }
            | ParseError::DuplicateEntry { position, .. } => *position,
            ParseError::Several { .. } => 0,
        }
    }

    /// The offending entry, trimmed (the second one for a name given
    /// twice); the first one when several are bad.
    #[must_use]
    pub fn entry(&self) -> &str {
        match self.first() {
            ParseError::InvalidValue { entry, .. }
            | ParseError::MissingValue { entry, .. }
            | ParseError::UnexpectedValue { entry, .. }
            | ParseError::InvalidName { entry, .. }
            | ParseError::DuplicateEntry { entry, .. } => entry,
            ParseError::Several { .. } => "",
        }
    }

    /// The gate name the entry gives (the first bad one's).
    #[must_use]
    pub fn name(&self) -> &str {
        match self.first() {
            ParseError::InvalidValue { name, .. }
            | ParseError::UnexpectedValue { name, .. }
            | ParseError::InvalidName { name, .. }
            | ParseError::DuplicateEntry { name, .. } => name,
            ParseError::MissingValue { entry, .. } => entry,
            ParseError::Several { .. } => "",
        }
    }
}

impl fmt::Display for ParseError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if let ParseError::Several { problems, omitted } = self {
            crate::text::one_per_line::write_lines(f, problems)?;
            if *omitted > 0 {
                write!(f, "\n{omitted} more bad entries")?;
            }
            return Ok(());
        }
        write!(f, "entry {} `{}`: ", self.position(), quoted(self.entry()))?;
        match self {
            ParseError::Several { .. } => Ok(()),
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
