//! [`SourceError`]: why a configuration file could not be used, naming the
//! file and, where the reader knows it, the line.

use std::error::Error;
use std::fmt;
use std::io;
use std::path::{Path, PathBuf};

use crate::{ConfigError, ParseError};

/// The largest configuration file [`GateConfig::from_path`](crate::GateConfig::from_path)
/// reads: 1 MiB. `KubeVirt`'s whole CR is a few KiB.
pub const MAX_FILE_BYTES: usize = 1 << 20;

/// A configuration file that could not be read or used: missing,
/// unreadable, over [`MAX_FILE_BYTES`], not UTF-8, not a shape this crate
/// reads, or (from [`watch`](crate::watch::watch)) a configuration that
/// evaluation refused.
///
/// `Display` names the file and, where it is known, the line, in one line;
/// [`source()`](Error::source) is the underlying I/O or parse error, which
/// `Display` does not repeat. A configuration evaluation refused has no
/// source: its `Display` gives the reasons, and [`SourceError::refusal`]
/// the [`ConfigError`].
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
    /// JSON that does not parse or is not the shape.
    #[cfg(feature = "serde")]
    Json(serde_json::Error),
    /// YAML that does not parse, is not the shape, or breaks the budget.
    #[cfg(feature = "yaml")]
    Yaml(serde_saphyr::Error),
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
    /// The file reads, but evaluation refused the configuration.
    #[cfg_attr(not(feature = "watch"), allow(dead_code))]
    Refused(ConfigError),
}

impl SourceError {
    pub(crate) fn new(path: &Path, line: Option<usize>, kind: Kind) -> SourceError {
        SourceError(Box::new(Repr {
            path: path.to_owned(),
            line,
            kind,
        }))
    }

    /// The file.
    #[must_use]
    pub fn path(&self) -> &Path {
        &self.0.path
    }

    /// The 1-based line the problem is on, where the reader knows it.
    #[must_use]
    pub fn line(&self) -> Option<usize> {
        self.0.line
    }

    /// Why evaluation refused the configuration the file holds, when that
    /// is the problem (the watcher's reload, or its first read).
    #[must_use]
    pub fn refusal(&self) -> Option<&ConfigError> {
        match &self.0.kind {
            Kind::Refused(err) => Some(err),
            _ => None,
        }
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
            #[cfg(feature = "serde")]
            Kind::Json(_) => write!(f, "invalid feature gate JSON in {path}{at}"),
            #[cfg(feature = "yaml")]
            Kind::Yaml(_) => write!(f, "invalid feature gate YAML in {path}{at}"),
            #[cfg(not(feature = "yaml"))]
            Kind::FeatureOff { format, feature } => write!(
                f,
                "feature gate file {path} is {format}, which needs featuregate's `{feature}` feature"
            ),
            #[cfg(feature = "watch")]
            Kind::Watch(_) => write!(f, "cannot watch feature gate file {path}"),
            Kind::Deleted => write!(f, "feature gate file {path} was deleted"),
            // Evaluation's reasons are the "why" an operator reads in the
            // watcher's report; they are not a `source()`, so shown here,
            // one line.
            Kind::Refused(err) => {
                let why = err.to_string().replace(['\n', '\r'], "; ");
                write!(f, "the configuration in {path} is refused: {why}")
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
            #[cfg(feature = "serde")]
            Kind::Json(err) => Some(err),
            #[cfg(feature = "yaml")]
            Kind::Yaml(err) => Some(err),
            #[cfg(feature = "watch")]
            Kind::Watch(err) => Some(err),
            #[cfg(not(feature = "yaml"))]
            Kind::FeatureOff { .. } => None,
            Kind::TooBig | Kind::NotAFile(_) | Kind::Deleted | Kind::Refused(_) => None,
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

/// The longest path a message quotes whole; a longer one is cut, with its
/// length shown, so no message grows with a hostile path.
const MAX_PATH_BYTES: usize = 256;

/// A path as a message quotes it: lossy UTF-8, control and invisible
/// format characters escaped as `\u{..}` so none reaches a terminal or a
/// log, cut to [`MAX_PATH_BYTES`].
pub(crate) struct Escaped<'a>(pub(crate) &'a Path);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0.to_string_lossy();
        let mut written = 0;
        for c in text.chars() {
            if written + c.len_utf8() > MAX_PATH_BYTES {
                return write!(f, "... ({} bytes)", text.len());
            }
            written += c.len_utf8();
            if is_hidden(c) {
                write!(f, "\\u{{{:x}}}", u32::from(c))?;
            } else {
                write!(f, "{c}")?;
            }
        }
        Ok(())
    }
}

/// Control characters and the format characters that change or hide text
/// without showing (soft hyphen, zero-width and bidi controls, the BOM).
fn is_hidden(c: char) -> bool {
    c.is_control()
        || matches!(c,
            '\u{ad}' | '\u{61c}' | '\u{180e}' | '\u{200b}'..='\u{200f}'
            | '\u{202a}'..='\u{202e}' | '\u{2060}'..='\u{206f}' | '\u{feff}'
            | '\u{fff9}'..='\u{fffb}')
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
