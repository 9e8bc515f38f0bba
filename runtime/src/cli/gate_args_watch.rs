//! [`GateArgs::watch`] (features `cli` and `watch`): live reload over the
//! layers a program's command line names, the operator's flag winning over
//! every reloaded file.

use super::GateArgs;
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
        let mut errors = Vec::new();
        for (label, config) in self.fixed(&mut errors) {
            layers.push(Layer::fixed(label, config));
        }
        let mut labels: Vec<&str> = Vec::new();
        for (label, _) in &errors {
            if !labels.contains(&label.as_str()) {
                labels.push(label);
            }
        }
        let layer = labels.join(" and ");
        match SourceError::several(errors.into_iter().map(|(_, error)| error).collect()) {
            Some(error) => Err(Refusal::Source { layer, error }),
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
