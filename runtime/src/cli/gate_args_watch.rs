//! [`GateArgs::watch`] (features `cli` and `watch`): live reload over the
//! layers a program's command line names, the operator's flag winning over
//! every reloaded file.

use std::path::Path;

use super::GateArgs;
use crate::GateConfig;
use crate::config::source_error::{Kind, SourceError};
use crate::watch::{Layer, Refusal, WatchEvent, Watcher, watch_sources};

impl GateArgs {
    /// The layers these arguments stand for, lowest first, as
    /// [`watch_sources`] takes them: every `--feature-gates-file` as
    /// [`Layer::file`] (in the order given), the environment variable named
    /// by [`GateArgs::with_env`] read once now (`env VAR`, when set), then
    /// `--feature-gates` (its values laid over each other in order).
    ///
    /// # Errors
    /// The variable or a `--feature-gates` value that does not parse
    /// ([`Refusal::Source`], the label as its path and the
    /// [`ParseError`](crate::ParseError) as its source).
    pub fn layers(&self) -> Result<Vec<Layer>, Refusal> {
        let mut layers: Vec<Layer> = self.files().iter().cloned().map(Layer::file).collect();
        let flag = |label: &str, err| Refusal::Source {
            layer: label.to_owned(),
            error: SourceError::new(Path::new(label), None, Kind::Flag(err)),
        };
        if let Some(var) = self.env() {
            let label = format!("env {var}");
            if let Some(config) = GateConfig::from_env(var).map_err(|err| flag(&label, err))? {
                layers.push(Layer::fixed(label, config));
            }
        }
        if !self.feature_gates.is_empty() {
            let label = "--feature-gates";
            let mut config = GateConfig::default();
            for value in &self.feature_gates {
                let top = GateConfig::parse(value).map_err(|err| flag(label, err))?;
                config = config.overlay(&top);
            }
            layers.push(Layer::fixed(label, config));
        }
        Ok(layers)
    }

    /// Watches these arguments' own layers ([`GateArgs::layers`]: the
    /// files, then the environment variable read once, then
    /// `--feature-gates`) with [`GateArgs::options`]: every reload reads
    /// every file anew and configures their combination once, so the
    /// operator's flag keeps winning over a reloaded file. See
    /// [`watch_sources`].
    ///
    /// ```no_run
    /// use clap::Parser;
    /// use featuregate::cli::GateArgs;
    ///
    /// #[derive(Parser)]
    /// struct Cli {
    ///     #[command(flatten)]
    ///     gates: GateArgs,
    /// }
    ///
    /// let cli = Cli::parse_from(["vmm", "--feature-gates-file", "/etc/vmm/gates.yaml",
    ///                            "--feature-gates", "PostCopyMigration=false"]);
    /// let _watcher = cli.gates.with_env("VMM_FEATURE_GATES").watch(|event| eprintln!("{event}"))?;
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    /// A layer that cannot be read, or a first combination evaluation
    /// refuses: then nothing is watched.
    pub fn watch(
        &self,
        on_event: impl Fn(WatchEvent) + Send + Sync + 'static,
    ) -> Result<Watcher, Refusal> {
        watch_sources(self.layers()?, self.options(), on_event)
    }
}
