//! Why evidence could not be read: a file refused, unreadable or malformed,
//! a map line that is no rule, a date that is no date.

use std::error::Error;
use std::fmt;
use std::io;

use crate::text::escape::{NAME_BYTES, quoted_cut};

/// How many bytes of a quoted input's label (a path) a message shows.
pub(super) const LABEL_BYTES: usize = 256;

/// How many bytes of a parser's own message another message quotes.
pub(super) const DETAIL_BYTES: usize = 200;

/// Evidence that could not be read: the input it names (a path, or
/// `<reader>`), and what is wrong with it. `Display` is one line of at most
/// a few hundred bytes, whatever the input; an I/O error is its `source()`.
#[derive(Debug)]
pub struct EvidenceError {
    input: String,
    problem: Problem,
    io: Option<io::Error>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Problem {
    /// Reading failed (the `io::Error` is the source).
    Io,
    /// Over [`MAX_EVIDENCE_BYTES`](super::MAX_EVIDENCE_BYTES).
    TooLarge { limit: u64 },
    /// The bytes are not UTF-8 at this offset.
    NotUtf8 { at: u64 },
    /// The XML parser's complaint, quoted, at a byte offset.
    Xml { at: u64, detail: String },
    /// A `<!DOCTYPE ...>`: never read, so no entity is ever expanded.
    Dtd { at: u64 },
    /// An entity other than XML's five and character references.
    Entity { at: u64, name: String },
    /// Elements nested deeper than the limit.
    TooDeep { at: u64, limit: usize },
    /// A test's name (with its classname) over the limit.
    NameTooLong { at: u64, len: usize, limit: usize },
    /// The root element is neither `testsuites` nor `testsuite`.
    NotJunit { root: String },
    /// A line of a map that is no rule.
    MapLine { line: usize, detail: &'static str },
    /// `--since` that is no date.
    Date { text: String },
    /// `since` after files were read: they could not be filtered any more.
    SinceLate,
    /// A directory without `*.xml` files.
    NoXml,
    /// Neither a regular file nor a directory (a FIFO, a device).
    NotAFile,
}

impl EvidenceError {
    pub(super) fn new(input: &str, problem: Problem) -> EvidenceError {
        EvidenceError {
            input: quoted_cut(input, LABEL_BYTES).to_string(),
            problem,
            io: None,
        }
    }

    pub(super) fn io(input: &str, error: io::Error) -> EvidenceError {
        EvidenceError {
            io: Some(error),
            ..EvidenceError::new(input, Problem::Io)
        }
    }

    /// The input the error is about, as the message quotes it (a path, or
    /// `<reader>` for [`Evidence::add_junit`](super::Evidence::add_junit)).
    #[must_use]
    pub fn input(&self) -> &str {
        &self.input
    }

    /// Whether the input was refused for its size (over
    /// [`MAX_EVIDENCE_BYTES`](super::MAX_EVIDENCE_BYTES)).
    #[must_use]
    pub fn is_too_large(&self) -> bool {
        matches!(self.problem, Problem::TooLarge { .. })
    }
}

impl fmt::Display for EvidenceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let input = &self.input;
        match &self.problem {
            Problem::Io => write!(f, "cannot read {input}"),
            Problem::TooLarge { limit } => write!(
                f,
                "{input} is over {limit} bytes, the most a JUnit file may hold; split the report"
            ),
            Problem::NotUtf8 { at } => write!(f, "{input} is not UTF-8 (at byte {at})"),
            Problem::Xml { at, detail } => {
                write!(f, "{input} is not well-formed XML at byte {at}: {detail}")
            }
            Problem::Dtd { at } => write!(
                f,
                "{input} has a DTD at byte {at}; JUnit files have none, and none is read"
            ),
            Problem::Entity { at, name } => write!(
                f,
                "{input} uses the entity &{name}; at byte {at}; only XML's five and character \
                 references are read"
            ),
            Problem::TooDeep { at, limit } => {
                write!(f, "{input} nests elements deeper than {limit} at byte {at}")
            }
            Problem::NameTooLong { at, len, limit } => write!(
                f,
                "{input} has a test name of {len} bytes at byte {at}, over the {limit}-byte limit"
            ),
            Problem::NotJunit { root } => write!(
                f,
                "{input} is no JUnit report: its root element is <{root}>, not <testsuites> or \
                 <testsuite>"
            ),
            Problem::MapLine { line, detail } => {
                write!(f, "{input} line {line}: {detail}")
            }
            Problem::SinceLate => write!(
                f,
                "{input} must be set before any file is added: the files read already keep every suite"
            ),
            Problem::NoXml => write!(f, "{input} is a directory without *.xml files"),
            Problem::NotAFile => write!(f, "{input} is not a regular file"),
            Problem::Date { text } => {
                write!(f, "{text} is no date; write it as YYYY-MM-DD (2026-01-31)")
            }
        }
    }
}

impl Error for EvidenceError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        self.io.as_ref().map(|e| e as _)
    }
}

/// A parser's message or an entity name as an error quotes it.
pub(super) fn detail(text: &str) -> String {
    quoted_cut(text, DETAIL_BYTES).to_string()
}

/// A name as an error quotes it.
pub(super) fn name(text: &str) -> String {
    quoted_cut(text, NAME_BYTES).to_string()
}
