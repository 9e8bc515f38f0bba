//! [`GateArgs`]: the feature gate options a program flattens into its own
//! command line, and the [`Sources`] and [`Options`] they stand for.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::config::source_error::{Escaped, SourceError};
use crate::{
    Action, Arch, ArchPolicy, GateConfig, Options, Registry, Sources, State, Status, Version,
};

/// The feature gate options of a program's own command line, as Kubernetes
/// components take them: configuration files, an environment variable, the
/// `--feature-gates` flag, and how to evaluate the result for the target
/// architectures.
///
/// ```text
/// --feature-gates A=true,B=false   repeatable; its --help lists every gate
/// --feature-gates-file PATH        repeatable; a KubeVirt CR, a developerConfiguration, a flag list
/// --arch ARCH                      repeatable; default: the architecture this runs on
/// --deny STATUS / --disable STATUS repeatable; pending, unsupported, unverified, unspecified
/// --strict                         unknown gate names are errors
/// --emulated-version VERSION       behave as that release did
/// ```
///
/// [`GateArgs::sources`] layers the files in the order given, then the
/// environment variable named by [`GateArgs::with_env`] (none unless
/// named), then `--feature-gates`, later ones winning per gate;
/// [`GateArgs::options`] is the rest. Flattened into a program's parser:
///
/// ```standalone_crate
/// use clap::Parser;
/// use featuregate::cli::GateArgs;
///
/// #[derive(Parser)]
/// struct Cli {
///     /// The program's own option.
///     #[arg(long)]
///     listen: Option<String>,
///     #[command(flatten)]
///     gates: GateArgs,
/// }
///
/// let cli = Cli::parse_from(["vmm", "--feature-gates", "ImageVolume=true", "--arch", "arm64"]);
/// let gates = cli.gates.with_env("VMM_FEATURE_GATES");
/// let sources = gates.sources()?;
/// assert_eq!(sources.origin("ImageVolume"), Some("--feature-gates"));
/// let set = featuregate::registry().evaluate(&sources.config(), &gates.options())?;
/// # let _ = set;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// The long help of `--feature-gates` (`--help`) lists every gate of
/// [`registry()`](crate::registry), built when clap builds the command. A
/// program over a private registry replaces it with that registry's list:
///
/// ```
/// use clap::{CommandFactory, FromArgMatches, Parser};
/// use featuregate::cli::GateArgs;
///
/// #[derive(Parser)]
/// struct Cli {
///     #[command(flatten)]
///     gates: GateArgs,
/// }
///
/// let mine = featuregate::Registry::new([])?;
/// let command = Cli::command()
///     .mut_arg(GateArgs::FEATURE_GATES_ID, |arg| arg.long_help(GateArgs::long_help(&mine)));
/// let matches = command.try_get_matches_from(["vmm"])?;
/// let cli = Cli::from_arg_matches(&matches)?;
/// # let _ = cli;
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Args)]
#[non_exhaustive]
pub struct GateArgs {
    /// The `--feature-gates` values in order (`A=true,B=false` or `A,B`),
    /// a later one winning per gate.
    #[arg(
        id = "feature_gates",
        long = "feature-gates",
        value_name = "GATES",
        help = "Gates to switch: A=true,B=false (or A,B to enable); repeatable, the last word on a gate winning; --help lists the gates",
        long_help = registry_help()
    )]
    pub feature_gates: Vec<String>,
    /// The `--feature-gates-file` paths in order, a later one winning.
    #[arg(
        id = "feature_gates_files",
        long = "feature-gates-file",
        value_name = "PATH",
        help = "A configuration file: a KubeVirt CR or its developerConfiguration (JSON, or YAML \
                with the yaml feature) or a flag-form list; repeatable, a later file winning"
    )]
    files: Vec<PathBuf>,
    /// The target architectures (`--arch`); empty for the one this runs on.
    #[arg(
        id = "archs",
        long = "arch",
        value_name = "ARCH",
        value_delimiter = ',',
        help = "A target architecture; repeatable. Default: the one this program runs on"
    )]
    pub archs: Vec<Arch>,
    /// The statuses whose enabled gates are refused (`--deny`).
    #[arg(
        id = "deny",
        long = "deny",
        value_name = "STATUS",
        value_delimiter = ',',
        value_parser = deniable,
        help = "Refuse a configuration that enables a gate with STATUS (pending, unsupported, \
                unverified, unspecified) on a target architecture; repeatable"
    )]
    pub deny: Vec<Status>,
    /// The statuses whose enabled gates are turned off (`--disable`).
    #[arg(
        id = "disable",
        long = "disable",
        value_name = "STATUS",
        value_delimiter = ',',
        value_parser = disableable,
        help = "Turn off, with a warning, a gate with STATUS on a target architecture; \
                repeatable (--deny wins over --disable for the same status)"
    )]
    pub disable: Vec<Status>,
    /// Whether an unknown gate name is an error (`--strict`).
    #[arg(
        id = "strict",
        long = "strict",
        help = "Treat unknown gate names as errors"
    )]
    pub strict: bool,
    /// The release to behave as (`--emulated-version`).
    #[arg(
        id = "emulated_version",
        long = "emulated-version",
        value_name = "VERSION",
        help = "Evaluate as release VERSION did (v1.7, 1.7.0): each gate in its state then, a \
                gate not yet introduced off and unknown"
    )]
    pub emulated_version: Option<Version>,
    /// The environment variable read between the files and the flag.
    #[arg(skip)]
    env: Option<String>,
}

impl GateArgs {
    /// The id of the `--feature-gates` argument, for `Command::mut_arg`.
    pub const FEATURE_GATES_ID: &'static str = "feature_gates";
    /// The id of the `--feature-gates-file` argument, for `Command::mut_arg`
    /// (the mounted CLI's `check` gives it the alias `--config`).
    pub const FILES_ID: &'static str = "feature_gates_files";
    /// The id of the `--emulated-version` argument, for `Command::mut_arg`
    /// (the mounted CLI's `check` gives it the alias `--at`).
    pub const EMULATED_VERSION_ID: &'static str = "emulated_version";

    /// These arguments reading the flag form (`A=true,B=false`) from the
    /// environment variable `var` too, above the files and below
    /// `--feature-gates`; an unset variable is no source.
    #[must_use]
    pub fn with_env(mut self, var: impl Into<String>) -> GateArgs {
        self.env = Some(var.into());
        self
    }

    /// The environment variable named by [`GateArgs::with_env`].
    #[must_use]
    pub fn env(&self) -> Option<&str> {
        self.env.as_deref()
    }

    /// These arguments with `path` read after the files so far, as one more
    /// `--feature-gates-file` would.
    #[must_use]
    pub fn with_file(mut self, path: impl Into<PathBuf>) -> GateArgs {
        self.files.push(path.into());
        self
    }

    /// The `--feature-gates-file` paths, in the order given.
    #[must_use]
    pub fn files(&self) -> &[PathBuf] {
        &self.files
    }

    /// The configuration sources, lowest first, each labelled: every file
    /// as `file PATH` (in the order given), the environment variable as
    /// `env VAR` (when named and set), then `--feature-gates` (when given,
    /// its values laid over each other in order).
    ///
    /// # Errors
    /// Every source that cannot be read or parsed, all at once: each
    /// source is read before any is reported, and the error's
    /// [`problems()`](SourceError::problems) name each its source, one per
    /// line in `Display` (each bad entry of the flag form a problem of its
    /// own). A file's error names the file (and the line, where known); for
    /// the variable and the flag, [`SourceError::path`] is the label, `env
    /// VAR` or `--feature-gates`, and the error's source the
    /// [`ParseError`](crate::ParseError).
    pub fn sources(&self) -> Result<Sources, SourceError> {
        let mut sources = Sources::new();
        let mut errors = Vec::new();
        for path in &self.files {
            match GateConfig::from_path(path) {
                Ok(config) => sources.push(format!("file {}", Escaped(path)), config),
                Err(err) => errors.push(err),
            }
        }
        let mut fixed_errors = Vec::new();
        for (label, config) in self.fixed(&mut fixed_errors) {
            sources.push(label, config);
        }
        errors.extend(fixed_errors.into_iter().map(|(_, error)| error));
        match SourceError::several(errors) {
            Some(err) => Err(err),
            None => Ok(sources),
        }
    }

    /// The environment variable's and `--feature-gates`' configurations,
    /// each with its label (`env VAR`, `--feature-gates`), lowest first: the
    /// layers [`GateArgs::sources`] and `GateArgs::layers` share. A value
    /// that does not parse adds its problems to `errors`, with its label
    /// (the flag's good values still count).
    pub(super) fn fixed(
        &self,
        errors: &mut Vec<(String, SourceError)>,
    ) -> Vec<(String, GateConfig)> {
        let mut fixed = Vec::new();
        let mut bad = |label: &str, err| {
            let error = SourceError::from_parse(Path::new(label), err, |_| None);
            errors.push((label.to_owned(), error));
        };
        if let Some(var) = &self.env {
            let label = format!("env {var}");
            match GateConfig::from_env(var) {
                Ok(Some(config)) => fixed.push((label, config)),
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
            fixed.push((label.to_owned(), config));
        }
        fixed
    }

    /// How to evaluate: the `--arch` architectures (default
    /// [`Arch::current`]), a policy turning off the `--disable` statuses and
    /// refusing the `--deny` ones (the default policy's warnings for the
    /// rest), `--strict`, and `--emulated-version`
    /// ([`Options::emulated_version`]).
    #[must_use]
    pub fn options(&self) -> Options {
        let mut policy = ArchPolicy::default();
        // Deny last: of two words on one status, the more severe counts.
        for (statuses, action) in [(&self.disable, Action::Disable), (&self.deny, Action::Deny)] {
            for status in statuses {
                match status {
                    Status::Unsupported => policy.unsupported = action,
                    Status::Pending => policy.pending = action,
                    Status::Unverified => policy.unverified = action,
                    Status::Unspecified => policy.unspecified = action,
                    // Refused by the parser: Supported is always allowed.
                    Status::Supported => {}
                }
            }
        }
        let mut options = Options::default()
            .with_policy(policy)
            .with_strict(self.strict);
        if !self.archs.is_empty() {
            options = options.with_archs(self.archs.iter().copied());
        }
        if let Some(version) = self.emulated_version {
            options = options.with_emulated_version(version);
        }
        options
    }

    /// The long help of `--feature-gates` over `registry`: how to write
    /// the value, then every gate, GA and Discontinued included, as
    /// Kubernetes lists its gates: `Name=true|false (State - default=on;
    /// amd64: Supported)`, the status being on the architecture this
    /// program runs on.
    #[must_use]
    pub fn long_help(registry: &Registry) -> String {
        let mut help = String::from(
            "Gates to switch, in Kubernetes' flag form: A=true,B=false (or a plain list A,B to \
             enable). Repeatable; the last word on a gate wins, over any file and the \
             environment. The gates:\n",
        );
        let arch = Arch::current();
        for (name, state) in [("AllAlpha", State::Alpha), ("AllBeta", State::Beta)] {
            let _ = writeln!(help, "    {name}=true|false ({state} - default=false)");
        }
        for gate in registry.iter() {
            let state = gate.state();
            let fixed = match state {
                State::Ga => ", always on",
                State::Discontinued => ", always off",
                _ => "",
            };
            let _ = write!(
                help,
                "    {}=true|false ({state} - default={}{fixed}",
                gate.name(),
                state.default_enabled()
            );
            if let Some(arch) = arch {
                let status = gate.status(arch);
                let _ = write!(help, "; {arch}: {status}");
            }
            help.push_str(")\n");
        }
        help
    }
}

/// The long help over [`registry()`](crate::registry), or a note when it
/// cannot be built (its error is reported when a command uses it).
fn registry_help() -> String {
    match crate::try_registry() {
        Ok(registry) => GateArgs::long_help(registry),
        Err(_) => "Gates to switch: A=true,B=false (the gate list is unavailable: the \
                   registry has duplicate names or a requirement cycle)"
            .to_owned(),
    }
}

/// A status `--deny` can name: any but Supported.
fn deniable(s: &str) -> Result<Status, String> {
    policy_status(s, "denied")
}

/// A status `--disable` can name: any but Supported.
fn disableable(s: &str) -> Result<Status, String> {
    policy_status(s, "disabled")
}

fn policy_status(s: &str, verb: &str) -> Result<Status, String> {
    match s.parse::<Status>() {
        Ok(Status::Supported) => Err(format!(
            "Supported cannot be {verb}; name pending, unsupported, unverified or unspecified"
        )),
        Ok(status) => Ok(status),
        Err(error) => Err(error.to_string()),
    }
}
