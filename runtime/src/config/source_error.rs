//! [`SourceError`]: why a configuration file could not be used, naming the
//! file and, where the reader knows it, the line.

use std::error::Error;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::ParseError;
pub(crate) use crate::text::escape::Escaped;
use crate::text::escape::{parser_message, without_location};

/// The largest configuration file [`GateConfig::from_path`](crate::GateConfig::from_path)
/// reads: 1 MiB. `KubeVirt`'s whole CR is a few KiB.
pub const MAX_FILE_BYTES: usize = 1 << 20;

/// A configuration file that could not be read or used: missing,
/// unreadable, over [`MAX_FILE_BYTES`], not UTF-8, or not a shape this crate
/// reads.
///
/// `Display` names the file and, where it is known, the line, in one line;
/// [`source()`](Error::source) is the underlying I/O or parse error (a
/// parser's message escaped and cut to 200 bytes), which `Display` does not
/// repeat. An error about several problems (the bad entries of a flag-form
/// source, or every source of
/// [`GateArgs::sources`](crate::cli::GateArgs::sources)) lists them in
/// [`SourceError::problems`]; its `Display` gives each with its cause, one
/// per line, and it has no `source()` of its own. Whatever a message quotes
/// is escaped and cut: no problem's message is over 1 KiB.
pub struct SourceError(Box<Repr>);

/// What a program that returns the error from `main` prints: the message
/// and its cause as text, rather than the parser's internals, so that
/// `fn main() -> Result<(), Box<dyn Error>>` shows why the file was refused.
impl fmt::Debug for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let cause = self.source().map(ToString::to_string);
        f.debug_struct("SourceError")
            .field("message", &self.to_string())
            .field("cause", &cause)
            .finish()
    }
}

/// Boxed: a parser's error is large, and a `Result` should stay small.
#[derive(Debug)]
struct Repr {
    path: PathBuf,
    line: Option<usize>,
    kind: Kind,
}

#[derive(Debug)]
pub(crate) enum Kind {
    /// Opening or reading failed (missing, a directory, no permission).
    Io(io::Error),
    /// Over [`MAX_FILE_BYTES`].
    TooBig,
    /// A directory, a FIFO, a device or a socket: refused before it is
    /// opened (opening a FIFO would block, a device may never end).
    NotAFile(&'static str),
    /// Bytes that are not UTF-8.
    NotUtf8(std::str::Utf8Error),
    /// A flag-form list that does not parse.
    Flag(ParseError),
    /// JSON or YAML that does not parse, is of no shape this reads, or
    /// breaks the budget: the format, and the message (the parser's own
    /// cut to 200 bytes, or this crate's), without its line.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    Document {
        format: &'static str,
        message: Message,
    },
    /// A format this build cannot read: the named cargo feature is off.
    #[cfg(not(feature = "yaml"))]
    FeatureOff {
        format: &'static str,
        feature: &'static str,
    },
    /// The file's directory cannot be watched (no inotify instance left).
    #[cfg(feature = "watch")]
    Watch(notify::Error),
    /// The file was there and is gone (seen by the watcher).
    #[cfg_attr(not(feature = "watch"), allow(dead_code))]
    Deleted,
    /// Bad entries of a flag-form source past the hundred listed.
    Omitted(usize),
    /// Several problems, of one source or several: each one's error (never
    /// `Several` itself).
    Several(Vec<SourceError>),
    /// The file reads, but what it configures was refused by a later stage
    /// (the watcher's evaluation), whose error (of any type, so that this
    /// stage names nothing of the one that refused) says it all, on one
    /// line, as `Display`.
    #[cfg_attr(not(feature = "watch"), allow(dead_code))]
    Refused(Box<dyn Error + Send + Sync>),
}

/// Why a document was refused, as its [`SourceError`]'s `source()` gives
/// it: one line, escaped, bounded (the parser's own text, which quotes the
/// input, is cut to 200 bytes).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Message(String);

impl Message {
    /// A message of this crate's, whose quoted parts are bounded already.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn ours(text: impl Into<String>) -> Message {
        Message(text.into())
    }

    /// A parser's own message: without its location, escaped, cut.
    #[cfg_attr(not(feature = "serde"), allow(dead_code))]
    pub(crate) fn parser(text: &str) -> Message {
        Message(parser_message(&without_location(text)))
    }
}

impl fmt::Display for Message {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Error for Message {}

impl SourceError {
    pub(crate) fn new(path: &Path, line: Option<usize>, kind: Kind) -> SourceError {
        SourceError(Box::new(Repr {
            path: path.to_owned(),
            line,
            kind,
        }))
    }

    /// The error of a flag-form source, a file or a label (`env VAR`,
    /// `--feature-gates`): one problem per bad entry, each on the line
    /// `line_of` gives for its position.
    pub(crate) fn from_parse(
        path: &Path,
        err: ParseError,
        line_of: impl Fn(usize) -> Option<usize>,
    ) -> SourceError {
        match err {
            ParseError::Several { problems, omitted } => {
                let mut all: Vec<SourceError> = problems
                    .into_iter()
                    .map(|p| SourceError::new(path, line_of(p.position()), Kind::Flag(p)))
                    .collect();
                if omitted > 0 {
                    all.push(SourceError::new(path, None, Kind::Omitted(omitted)));
                }
                let first = SourceError::new(path, None, Kind::Omitted(0));
                SourceError::several(all).unwrap_or(first)
            }
            one => SourceError::new(path, line_of(one.position()), Kind::Flag(one)),
        }
    }

    /// One error for the problems of several sources, or the one error
    /// when there is one; `None` for none.
    /// The later stage's refusal a [`Kind::Refused`] error carries.
    #[cfg_attr(not(feature = "watch"), allow(dead_code))]
    pub(crate) fn refused(&self) -> Option<&(dyn Error + Send + Sync + 'static)> {
        match &self.0.kind {
            Kind::Refused(why) => Some(&**why),
            _ => None,
        }
    }

    pub(crate) fn several(errors: Vec<SourceError>) -> Option<SourceError> {
        let mut flat = Vec::with_capacity(errors.len());
        for error in errors {
            match error.0.kind {
                Kind::Several(inner) => flat.extend(inner),
                _ => flat.push(error),
            }
        }
        if flat.len() > 1 {
            let first = &flat[0];
            let (path, line) = (first.0.path.clone(), first.0.line);
            return Some(SourceError(Box::new(Repr {
                path,
                line,
                kind: Kind::Several(flat),
            })));
        }
        flat.pop()
    }

    /// Every problem, each naming its source (a file, `env VAR`,
    /// `--feature-gates`): this error itself when it is about one, else
    /// each source's in order (from
    /// [`GateArgs::sources`](crate::cli::GateArgs::sources), which reads
    /// every source before it reports).
    #[must_use = "the problems are the reason for the error"]
    pub fn problems(&self) -> impl ExactSizeIterator<Item = &SourceError> + '_ {
        match &self.0.kind {
            Kind::Several(all) => all.iter(),
            _ => std::slice::from_ref(self).iter(),
        }
    }

    /// The file (for several problems, the first one's).
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.0.path
    }

    /// The 1-based line the problem is on, where the reader knows it.
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        self.0.line
    }

    /// Whether the file does not exist (missing from the start, or deleted
    /// while watched).
    #[must_use]
    pub fn is_not_found(&self) -> bool {
        match &self.0.kind {
            Kind::Io(err) => err.kind() == io::ErrorKind::NotFound,
            Kind::Deleted => true,
            _ => false,
        }
    }
}

impl fmt::Display for SourceError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let path = Escaped(&self.0.path);
        let at = Line(self.0.line);
        match &self.0.kind {
            Kind::Io(_) => write!(f, "cannot read feature gate file {path}"),
            Kind::TooBig => write!(
                f,
                "feature gate file {path} is over {MAX_FILE_BYTES} bytes (1 MiB)"
            ),
            Kind::NotAFile(kind) => write!(
                f,
                "feature gate file {path} is a {kind}, not a regular file"
            ),
            Kind::NotUtf8(_) => write!(f, "feature gate file {path} is not UTF-8{at}"),
            Kind::Flag(_) => write!(f, "invalid feature gate list in {path}{at}"),
            Kind::Omitted(count) => write!(f, "{count} more bad entries in {path}"),
            Kind::Document { format, .. } => {
                write!(f, "invalid feature gate {format} in {path}{at}")
            }
            #[cfg(not(feature = "yaml"))]
            Kind::FeatureOff { format, feature } => write!(
                f,
                "feature gate file {path} is {format}, which needs featuregate's `{feature}` feature"
            ),
            // The watcher's error quotes paths of its own: shown bounded,
            // and not as a `source()`.
            #[cfg(feature = "watch")]
            Kind::Watch(err) => write!(
                f,
                "cannot watch feature gate file {path}: {}",
                parser_message(&err.to_string())
            ),
            Kind::Deleted => write!(f, "feature gate file {path} was deleted"),
            Kind::Refused(why) => write!(f, "{why}"),
            // Each problem with its cause on one line: this error has no
            // `source()` of its own.
            Kind::Several(all) => {
                for (i, problem) in all.iter().enumerate() {
                    if i > 0 {
                        f.write_str("\n")?;
                    }
                    write!(f, "{}", crate::ErrorChain::new(problem))?;
                }
                Ok(())
            }
        }
    }
}

impl Error for SourceError {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match &self.0.kind {
            Kind::Io(err) => Some(err),
            Kind::NotUtf8(err) => Some(err),
            Kind::Flag(err) => Some(err),
            Kind::Document { message, .. } => Some(message),
            #[cfg(feature = "watch")]
            Kind::Watch(_) => None,
            #[cfg(not(feature = "yaml"))]
            Kind::FeatureOff { .. } => None,
            Kind::TooBig
            | Kind::NotAFile(_)
            | Kind::Deleted
            | Kind::Omitted(_)
            | Kind::Several(_)
            | Kind::Refused(_) => None,
        }
    }
}

/// ` at line N`, or nothing.
struct Line(Option<usize>);

impl fmt::Display for Line {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.0 {
            Some(line) => write!(f, " at line {line}"),
            None => Ok(()),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn paths_are_escaped_and_cut() {
        let path = PathBuf::from("/etc/\u{202e}gates\n.yaml");
        assert_eq!(Escaped(&path).to_string(), "/etc/\\u{202e}gates\\u{a}.yaml");
        let long = PathBuf::from("x".repeat(1000));
        let shown = Escaped(&long).to_string();
        assert!(shown.len() < 300, "{shown}");
        assert!(shown.ends_with("... (1000 bytes)"));
    }
}
