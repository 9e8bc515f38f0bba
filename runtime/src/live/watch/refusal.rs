//! [`Refusal`]: why the watcher kept the active configuration (or could not
//! start): a layer that could not be read or used, or an evaluation that
//! refused the layered configuration, each naming the layer.

use std::error::Error;
use std::fmt;

use crate::config::source_error::{Escaped, Kind};
use crate::text::escape::quoted_message;
use crate::{ConfigError, SourceError};

/// Why a version was not applied: the active configuration stays. From
/// [`watch`](super::watch) and
/// [`watch_sources`](super::watch_sources) when the first version
/// cannot be used, in [`WatchEvent::Refused`](super::WatchEvent) for a
/// later one, and from [`Watcher::update`](super::Watcher::update).
///
/// `Display` names the layer and why, in one line; for a file,
/// [`source()`](Error::source) is the underlying I/O or parse error, which
/// `Display` does not repeat.
#[derive(Debug)]
#[non_exhaustive]
pub enum Refusal {
    /// A layer could not be read or used: a file missing, unreadable, not a
    /// shape this crate reads, deleted, or its directory cannot be watched;
    /// an environment variable or a flag that does not parse.
    Source {
        /// The layer's label (`file PATH`, `env VAR`, `--feature-gates`).
        layer: String,
        /// What went wrong; its path is the file (or the label).
        error: SourceError,
    },
    /// Every layer reads, but evaluation refused their combination.
    Evaluation {
        /// The labels of the layers whose word on a refused gate counts
        /// (every layer when none names one), lowest first.
        layers: Vec<String>,
        /// Evaluation's reasons.
        error: ConfigError,
    },
    /// A file layer kept changing for as long as the watcher waited at
    /// start (a stable version is two reads the settling time apart that
    /// agree).
    Unstable {
        /// The layer's label.
        layer: String,
    },
    /// [`Watcher::update`](super::Watcher::update) named no fixed
    /// layer.
    NoSuchLayer {
        /// The label given.
        label: String,
    },
}

impl Refusal {
    /// Whether a file layer does not exist (missing from the start, or
    /// deleted while watched).
    #[must_use]
    pub fn is_not_found(&self) -> bool {
        matches!(self, Refusal::Source { error, .. } if error.is_not_found())
    }

    /// Why evaluation refused the layered configuration, when that is the
    /// problem.
    #[must_use]
    pub fn refusal(&self) -> Option<&ConfigError> {
        match self {
            Refusal::Evaluation { error, .. } => Some(error),
            _ => None,
        }
    }

    /// The labels of the layers the refusal is about, lowest first.
    #[must_use]
    pub fn layers(&self) -> Vec<&str> {
        match self {
            Refusal::Source { layer, .. } | Refusal::Unstable { layer } => vec![layer.as_str()],
            Refusal::Evaluation { layers, .. } => layers.iter().map(String::as_str).collect(),
            Refusal::NoSuchLayer { label } => vec![label.as_str()],
        }
    }
}

impl Refusal {
    /// The error [`watch`](super::watch) returns for its one file:
    /// a source error as it is, any other refusal as the file's error that
    /// says it.
    pub(crate) fn into_source_error(self, path: &std::path::Path) -> SourceError {
        match self {
            Refusal::Source { error, .. } => error,
            other => SourceError::new(path, None, Kind::Refused(Box::new(other))),
        }
    }
}

impl SourceError {
    /// Why evaluation refused the configuration of the file
    /// [`watch`](super::watch) was given, when that is the problem.
    #[must_use]
    pub fn refusal(&self) -> Option<&ConfigError> {
        self.refused()?.downcast_ref::<Refusal>()?.refusal()
    }
}

impl From<SourceError> for Refusal {
    /// A file's error, the file being the layer.
    fn from(error: SourceError) -> Refusal {
        let layer = format!("file {}", Escaped(error.path()));
        Refusal::Source { layer, error }
    }
}

impl fmt::Display for Refusal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            // The error names its file or label already.
            Refusal::Source { error, .. } => write!(f, "{error}"),
            Refusal::Evaluation { layers, error } => {
                f.write_str("the configuration in ")?;
                for (i, layer) in layers.iter().enumerate() {
                    if i > 0 {
                        f.write_str(" and ")?;
                    }
                    write!(f, "{}", Label(layer))?;
                }
                // Evaluation's reasons are the "why" an operator reads in
                // the watcher's report, so shown here, on one line.
                let why = error.to_string().replace(['\n', '\r'], "; ");
                write!(f, " is refused: {why}")
            }
            Refusal::Unstable { layer } => write!(
                f,
                "{} kept changing while it was read; no stable version to apply",
                Label(layer)
            ),
            Refusal::NoSuchLayer { label } => {
                write!(f, "no fixed layer labelled {} to update", Label(label))
            }
        }
    }
}

impl Error for Refusal {
    fn source(&self) -> Option<&(dyn Error + 'static)> {
        match self {
            Refusal::Source { error, .. } => error.source(),
            _ => None,
        }
    }
}

/// A layer's label as a message quotes it: escaped and bounded (a program
/// may label a layer with text from elsewhere).
struct Label<'a>(&'a str);

impl fmt::Display for Label<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", quoted_message(self.0))
    }
}
