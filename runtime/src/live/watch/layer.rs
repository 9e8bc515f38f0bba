//! [`Layer`]: one source of a watched configuration, a file re-read when it
//! changes or a configuration the program gives (and may replace).

use std::path::PathBuf;

use crate::GateConfig;
use crate::config::source_error::Escaped;

/// One layer of [`watch_sources`](super::watch_sources), later
/// layers winning per gate as in [`Sources`](crate::Sources).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Layer {
    pub(crate) label: String,
    pub(crate) kind: LayerKind,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum LayerKind {
    /// Read at start and again when it changes.
    File(PathBuf),
    /// Given by the program; [`Watcher::update`](super::Watcher::update)
    /// replaces it.
    Fixed(GateConfig),
}

impl Layer {
    /// A configuration file ([`GateConfig::from_path`]'s shapes), read at
    /// start (missing is an error of the call) and again whenever it
    /// changes, a `ConfigMap` volume's `..data` swap included. Labelled
    /// `file PATH`.
    #[must_use]
    pub fn file(path: impl Into<PathBuf>) -> Layer {
        let path = path.into();
        Layer {
            label: format!("file {}", Escaped(&path)),
            kind: LayerKind::File(path),
        }
    }

    /// A configuration the program gives, labelled `label` (`env
    /// VMM_FEATURE_GATES`, `--feature-gates`, `KubeVirt CR`): an environment
    /// variable read once, the command line, or what an informer feeds
    /// through [`Watcher::update`](super::Watcher::update).
    #[must_use]
    pub fn fixed(label: impl Into<String>, config: GateConfig) -> Layer {
        Layer {
            label: label.into(),
            kind: LayerKind::Fixed(config),
        }
    }

    /// The layer's label: `file PATH` for a file, the given one otherwise.
    #[must_use]
    pub fn label(&self) -> &str {
        &self.label
    }
}
