//! [`GateArgs::watch`] (features `cli` and `watch`): live reload over the
//! layers a program's command line names, the operator's flag winning over
//! every reloaded file.

use std::path::Path;

use super::GateArgs;
use crate::GateConfig;
use crate::SourceError;
use crate::watch::{Layer, Refusal, WatchEvent, Watcher, watch_sources};

impl GateArgs {
    /// The layers these arguments stand for, lowest first, as
    /// [`watch_sources`] takes them: every `--feature-gates-file` as
    /// [`Layer::file`] (in the order given), the environment variable named
    /// by [`GateArgs::with_env`] read once now (`env VAR`, when set), then
    /// `--feature-gates` (its values laid over each other in order).
    ///
    /// # Errors
    /// The variable or `--feature-gates` values that do not parse: one
    /// [`Refusal::Source`] naming them (`env VAR and --feature-gates`), its
    /// error listing every bad entry ([`SourceError::problems`], each with
    /// the label as its path).
    pub fn layers(&self) -> Result<Vec<Layer>, Refusal> {
        let mut layers: Vec<Layer> = self.files().iter().cloned().map(Layer::file).collect();
        // Every bad entry of the variable and the flag, reported together.
        let mut labels: Vec<String> = Vec::new();
        let mut errors = Vec::new();
        let mut bad = |label: &str, err| {
            if !labels.iter().any(|l| l == label) {
                labels.push(label.to_owned());
            }
            errors.push(SourceError::from_parse(Path::new(label), err, |_| None));
        };
        if let Some(var) = self.env() {
            let label = format!("env {var}");
            match GateConfig::from_env(var) {
                Ok(Some(config)) => layers.push(Layer::fixed(label, config)),
                Ok(None) => {}
                Err(err) => bad(&label, err),
            }
        }
        if !self.feature_gates.is_empty() {
            let label = "--feature-gates";
            let mut config = GateConfig::default();
            for value in &self.feature_gates {
                match GateConfig::parse(value) {
                    Ok(top) => config = config.overlay(&top),
                    Err(err) => bad(label, err),
                }
            }
            layers.push(Layer::fixed(label, config));
        }
        match SourceError::several(errors) {
            Some(error) => Err(Refusal::Source {
                layer: labels.join(" and "),
                error,
            }),
            None => Ok(layers),
        }
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
