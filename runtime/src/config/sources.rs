//! Where a program's configuration comes from: layers of [`GateConfig`]s
//! ([`GateConfig::overlay`], [`Sources`]) and the environment
//! ([`GateConfig::from_env`]).

use std::collections::HashSet;
use std::ffi::OsStr;

use crate::{GateConfig, ParseError, Registry, State};

impl GateConfig {
    /// This configuration with `top` laid over it: `top`'s word on each gate
    /// it names wins, so a name enabled in one and disabled in the other
    /// ends in `top`'s list only. Names `top` does not mention keep this
    /// configuration's word. Order is kept: this configuration's surviving
    /// names first, then `top`'s new ones.
    ///
    /// ```
    /// use featuregate::GateConfig;
    ///
    /// let file = GateConfig::parse("ImageVolume=true,Snapshot=true")?;
    /// let flag = GateConfig::parse("Snapshot=false,Sidecar=true")?;
    /// assert_eq!(
    ///     file.overlay(&flag).to_string(),
    ///     "ImageVolume=true,Sidecar=true,Snapshot=false"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn overlay(&self, top: &GateConfig) -> GateConfig {
        let named: HashSet<&str, foldhash::fast::RandomState> = top
            .enabled
            .iter()
            .chain(&top.disabled)
            .map(String::as_str)
            .collect();
        let keep = |list: &[String], more: &[String]| -> Vec<String> {
            list.iter()
                .filter(|name| !named.contains(name.as_str()))
                .chain(more)
                .cloned()
                .collect()
        };
        GateConfig {
            enabled: keep(&self.enabled, &top.enabled),
            disabled: keep(&self.disabled, &top.disabled),
        }
    }

    /// Reads the flag form ([`GateConfig::parse`]) from the environment
    /// variable `var`: `None` when it is unset, an empty configuration when
    /// it is set but empty, an error when it does not parse or is not
    /// UTF-8 (an error never names a gate it did not read).
    ///
    /// ```
    /// use featuregate::GateConfig;
    ///
    /// assert_eq!(GateConfig::from_env("FEATUREGATE_DOC_UNSET")?, None);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn from_env(var: impl AsRef<OsStr>) -> Result<Option<GateConfig>, ParseError> {
        match std::env::var_os(var) {
            None => Ok(None),
            Some(value) => match value.into_string() {
                Ok(text) => GateConfig::parse(&text).map(Some),
                Err(raw) => Err(not_utf8(&raw)),
            },
        }
    }
}

/// The parse error of a value that is not UTF-8: the first entry holding
/// a byte that is not, with its position, its bad bytes shown lossily.
fn not_utf8(raw: &OsStr) -> ParseError {
    let lossy = raw.to_string_lossy();
    let (index, entry) = lossy
        .split(',')
        .enumerate()
        .find(|(_, entry)| entry.contains('\u{fffd}'))
        .unwrap_or((0, &lossy));
    ParseError::InvalidName {
        position: index + 1,
        entry: entry.trim().to_owned(),
        name: entry.trim().to_owned(),
    }
}

/// Labelled configurations in order of precedence, later ones winning per
/// gate: a file, then the environment, then the command line, as
/// Kubernetes components layer them. [`Sources::config`] is their
/// [`overlay`](GateConfig::overlay); [`Sources::origin`] says which label
/// decided a name.
///
/// ```
/// use featuregate::{GateConfig, Sources};
///
/// let sources = Sources::new()
///     .with("file /etc/vmm/gates.yaml", GateConfig::parse("ImageVolume=true,Snapshot=true")?)
///     .with("env VMM_FEATURE_GATES", GateConfig::parse("Snapshot=false")?)
///     .with("--feature-gates", GateConfig::parse("Sidecar=true")?);
/// assert_eq!(sources.config().to_string(), "ImageVolume=true,Sidecar=true,Snapshot=false");
/// assert_eq!(sources.origin("Snapshot"), Some("env VMM_FEATURE_GATES"));
/// assert_eq!(sources.origin("ImageVolume"), Some("file /etc/vmm/gates.yaml"));
/// assert_eq!(sources.origin("Root"), None);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Sources {
    layers: Vec<(String, GateConfig)>,
}

impl Sources {
    /// No source: the configuration is empty.
    #[must_use]
    pub fn new() -> Sources {
        Sources::default()
    }

    /// These sources with `config`, labelled `label`, above all of them.
    #[must_use]
    pub fn with(mut self, label: impl Into<String>, config: GateConfig) -> Sources {
        self.push(label, config);
        self
    }

    /// Adds `config`, labelled `label`, above every source so far.
    pub fn push(&mut self, label: impl Into<String>, config: GateConfig) {
        self.layers.push((label.into(), config));
    }

    /// The configurations laid over each other in order: each gate as the
    /// last source naming it says.
    #[must_use]
    pub fn config(&self) -> GateConfig {
        self.layers
            .iter()
            .fold(GateConfig::default(), |below, (_, top)| below.overlay(top))
    }

    /// The label of the source whose word on `name` counts: the last one
    /// naming it, in either list; when none names it and `name` is an
    /// Alpha or Beta gate of [`registry()`](crate::registry), the last one
    /// naming `AllAlpha` or `AllBeta` (which then decided it); `None` when
    /// no source decided it. [`Sources::origin_in`] asks another registry.
    #[must_use]
    pub fn origin(&self, name: &str) -> Option<&str> {
        match crate::try_registry() {
            Ok(registry) => self.origin_in(registry, name),
            Err(_) => self.naming(name),
        }
    }

    /// [`Sources::origin`] over `registry`: which gate `name` is, and so
    /// whether `AllAlpha` or `AllBeta` switches it, is `registry`'s word.
    ///
    /// ```
    /// use featuregate::{GateConfig, Registry, Sources, State};
    /// # let gate = |name: &str, state| featuregate::__private::leaked_gate(name, state);
    ///
    /// let registry = Registry::new([gate("VirtioGpu", State::Alpha), gate("Snapshot", State::Beta)])?;
    /// let sources = Sources::new()
    ///     .with("file gates.yaml", GateConfig::parse("Snapshot=true")?)
    ///     .with("env VMM_FEATURE_GATES", GateConfig::parse("AllAlpha=true")?);
    /// assert_eq!(sources.origin_in(&registry, "VirtioGpu"), Some("env VMM_FEATURE_GATES"));
    /// assert_eq!(sources.origin_in(&registry, "Snapshot"), Some("file gates.yaml"));
    /// assert_eq!(
    ///     sources.origin_named_in(&registry, "VirtioGpu"),
    ///     Some(("env VMM_FEATURE_GATES", "AllAlpha"))
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn origin_in(&self, registry: &Registry, name: &str) -> Option<&str> {
        self.origin_named_in(registry, name).map(|(label, _)| label)
    }

    /// [`Sources::origin_in`], with the name that source gives: `name`
    /// itself, or `AllAlpha`/`AllBeta` when that decided.
    #[must_use]
    pub fn origin_named_in<'a, 'n>(
        &'a self,
        registry: &Registry,
        name: &'n str,
    ) -> Option<(&'a str, &'n str)> {
        if let Some(label) = self.naming(name) {
            return Some((label, name));
        }
        let meta = match registry.get(name)?.state() {
            State::Alpha => "AllAlpha",
            State::Beta => "AllBeta",
            _ => return None,
        };
        self.naming(meta).map(|label| (label, meta))
    }

    /// The label of the last source naming `name` itself, in either list.
    fn naming(&self, name: &str) -> Option<&str> {
        self.layers
            .iter()
            .rev()
            .find(|(_, config)| {
                config
                    .enabled
                    .iter()
                    .chain(&config.disabled)
                    .any(|n| n == name)
            })
            .map(|(label, _)| label.as_str())
    }

    /// The sources, lowest first, each with its label.
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, &GateConfig)> + '_ {
        self.layers
            .iter()
            .map(|(label, config)| (label.as_str(), config))
    }

    /// Whether there is no source at all.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.layers.is_empty()
    }
}
