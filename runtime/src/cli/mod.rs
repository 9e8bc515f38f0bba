//! A command-line front end over any registry (feature `cli`).
//!
//! A program mounts it in one line over its own gates:
//!
//! ```no_run
//! fn main() -> featuregate::cli::Exit {
//!     featuregate::cli::main()
//! }
//! ```
//!
//! or over a registry of its choosing with [`main_with`], or inside its own
//! clap parser as a subcommand ([`Command`], then [`Command::run`]). Tests
//! drive it without processes through [`run`].
//!
//! ```text
//! PROGRAM list [--arch ARCH]... [--support STATUS]... [--state STATE]... [--format FORMAT]
//! PROGRAM show NAME [--format text|json]
//! PROGRAM matrix [--arch ARCH]... [--format FORMAT]
//! PROGRAM coverage [--arch ARCH]... [--format FORMAT]
//! PROGRAM parity --arch ARCH [--base ARCH] [--format FORMAT]
//! PROGRAM explain NAME [the options of check]
//! PROGRAM graph [--all] [--format text|json|mermaid|markdown|dot]
//! PROGRAM check [--config FILE]... [--feature-gates A=true,B=false]... [--arch ARCH]...
//!               [--strict] [--deny STATUS]... [--disable STATUS]... [--format text|json]
//! ```
//!
//! `check` and `explain` take [`GateArgs`], which a program also flattens into its own
//! command line: `--config` (or `--feature-gates-file`) files in order, then
//! the environment variable the program names ([`App::with_env`]; none by
//! default), then `--feature-gates`, later ones winning per gate.
//!
//! FORMAT is `text` (default), `markdown`, `csv` or `json`; every value is
//! case-insensitive; a repeatable option also takes a comma-separated list.
//! Exit codes ([`Exit`]): 0 success, 1 a failed command (unknown gate,
//! refused configuration, a registry with duplicates or a requirement
//! cycle), 2 a usage error, 74 output that could not be written. Output into
//! a closed pipe (`| head`) ends quietly with 0.

mod args;
mod commands;
mod exit;
mod explain;
mod gate_args;
mod show;

pub use args::{
    CheckArgs, ExplainArgs, FormatArg, GraphArgs, GraphFormat, ListArgs, ParityArgs, ReportArgs,
    ShowArgs,
};
pub use exit::Exit;
pub use gate_args::GateArgs;

/// The clap this module is built with: a program flattening [`GateArgs`]
/// into its parser, or mounting [`Command`], derives with this one.
pub use clap;

use std::ffi::OsString;
use std::io::{self, Write};

use clap::{Parser, Subcommand, ValueEnum};

use crate::Registry;
use crate::report::{Color, Report};

/// The parser of a stand-alone program: the global `--color` and a [`Command`].
#[derive(Debug, Parser)]
#[command(
    about = "Inspect this program's feature gates: their maturity and their support on each architecture"
)]
struct Cli {
    /// When to colour support values: auto (a terminal, and `NO_COLOR` unset), always, never.
    #[arg(long, value_enum, ignore_case = true, default_value_t = ColorWhen::Auto, global = true)]
    color: ColorWhen,
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum ColorWhen {
    Auto,
    Always,
    Never,
}

/// The subcommands, for a program that mounts them in its own clap parser
/// (`#[command(subcommand)] gates: featuregate::cli::Command`) and runs
/// them with [`Command::run`].
#[derive(Debug, Clone, Subcommand)]
#[non_exhaustive]
pub enum Command {
    /// List the gates, filtered by architecture, support and state.
    List(ListArgs),
    /// Show every field of one gate.
    Show(ShowArgs),
    /// The support matrix: every gate against every architecture.
    Matrix(ReportArgs),
    /// Per architecture, how many gates are Supported, Pending, Unsupported, Unverified, unspecified.
    Coverage(ReportArgs),
    /// The gates Supported on the base architecture and not on another.
    Parity(ParityArgs),
    /// Evaluate a configuration for target architectures: enabled gates and warnings.
    Check(CheckArgs),
    /// The requirements between gates, as text, JSON, Mermaid or Graphviz DOT.
    Graph(GraphArgs),
    /// Why one gate is on or off under a configuration, and which source named it.
    Explain(ExplainArgs),
}

/// How a report is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, ValueEnum)]
#[non_exhaustive]
pub enum Format {
    /// An aligned table.
    #[default]
    Text,
    /// A Markdown table.
    Markdown,
    /// Comma-separated values with a header.
    Csv,
    /// Pretty-printed JSON.
    Json,
}

impl Format {
    /// `report` in this format (text coloured as `color` says).
    #[must_use]
    pub fn render(self, report: &dyn Report, color: Color) -> String {
        match self {
            Format::Text => report.to_text(color),
            Format::Markdown => report.to_markdown(),
            Format::Csv => report.to_csv(),
            Format::Json => report.to_json(),
        }
    }
}

/// How `show` and `check` write: lines of text, or one JSON document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default, ValueEnum)]
#[non_exhaustive]
pub enum TextOrJson {
    /// Lines of text.
    #[default]
    Text,
    /// Pretty-printed JSON.
    Json,
}

/// Pretty JSON with a final line break. Only values with string keys are
/// given, which always serialize.
fn pretty_json(value: &impl serde::Serialize) -> String {
    let mut out =
        serde_json::to_string_pretty(value).expect("string keys and plain values serialize");
    out.push('\n');
    out
}

/// Runs the command line of this process over [`registry()`](crate::registry),
/// colouring when stdout is a terminal and `NO_COLOR` is not set. A registry
/// that cannot be built (duplicate names, a requirement cycle) is reported
/// on stderr with [`Exit::FAILURE`].
pub fn main() -> Exit {
    match crate::try_registry() {
        Ok(registry) => main_with(registry),
        Err(error) => {
            let _ = writeln!(io::stderr(), "error: {error}");
            Exit::FAILURE
        }
    }
}

/// [`main`] over `registry`.
pub fn main_with(registry: &Registry) -> Exit {
    App::new(registry).main()
}

/// Runs a command line over `registry`, writing to `stdout` and `stderr`.
/// `args` starts with the program's name, as [`std::env::args_os`] does.
/// `--color auto` means no colour here, since the writers may be anything.
pub fn run<I, T>(registry: &Registry, args: I, stdout: impl Write, stderr: impl Write) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    App::new(registry).run(args, stdout, stderr)
}

/// The command line over a registry, with the program's choices: the
/// environment variable `check` and `explain` read (none by default).
///
/// ```no_run
/// fn main() -> featuregate::cli::Exit {
///     featuregate::cli::App::new(featuregate::registry())
///         .with_env("VMM_FEATURE_GATES")
///         .main()
/// }
/// ```
#[derive(Debug, Clone)]
#[must_use]
pub struct App<'r> {
    registry: &'r Registry,
    env: Option<String>,
}

impl<'r> App<'r> {
    /// The command line over `registry`.
    pub fn new(registry: &'r Registry) -> App<'r> {
        App {
            registry,
            env: None,
        }
    }

    /// `check` and `explain` read the flag form from the environment
    /// variable `var`, above the files and below `--feature-gates`
    /// ([`GateArgs::with_env`]).
    pub fn with_env(mut self, var: impl Into<String>) -> App<'r> {
        self.env = Some(var.into());
        self
    }

    /// Runs the command line of this process, as [`main`] does.
    pub fn main(&self) -> Exit {
        let stdout = io::stdout();
        let auto = Color::auto(&stdout);
        self.run_inner(
            std::env::args_os(),
            &mut stdout.lock(),
            &mut io::stderr().lock(),
            auto,
        )
    }

    /// Runs a command line, as [`run`] does.
    pub fn run<I, T>(&self, args: I, stdout: impl Write, stderr: impl Write) -> Exit
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let (mut stdout, mut stderr) = (stdout, stderr);
        self.run_inner(args, &mut stdout, &mut stderr, Color::Never)
    }

    /// The clap command: the gate list in `--feature-gates`' help is this
    /// registry's, and names the environment variable.
    fn command(&self) -> clap::Command {
        let mut help = None;
        let global = crate::try_registry().is_ok_and(|g| std::ptr::eq(g, self.registry));
        if !global || self.env.is_some() {
            let mut text = GateArgs::long_help(self.registry);
            if let Some(var) = &self.env {
                text = text.replacen(
                    "over any file and the environment.",
                    &format!(
                        "over any file and the environment variable {var} \
                         (read in the same form, above the files)."
                    ),
                    1,
                );
            }
            help = Some(text);
        }
        let mut command = <Cli as clap::CommandFactory>::command();
        if let Some(help) = help {
            for sub in ["check", "explain"] {
                if command.find_subcommand(sub).is_some() {
                    command = command.mut_subcommand(sub, |c| {
                        c.mut_arg(GateArgs::FEATURE_GATES_ID, |a| a.long_help(help.clone()))
                    });
                }
            }
        }
        command
    }

    fn run_inner<I, T>(
        &self,
        args: I,
        stdout: &mut dyn Write,
        stderr: &mut dyn Write,
        auto: Color,
    ) -> Exit
    where
        I: IntoIterator<Item = T>,
        T: Into<OsString> + Clone,
    {
        let parsed = self
            .command()
            .try_get_matches_from(args)
            .and_then(|matches| <Cli as clap::FromArgMatches>::from_arg_matches(&matches));
        let cli = match parsed {
            Ok(cli) => cli,
            Err(error) if error.use_stderr() => {
                let _ = write!(stderr, "{}", error.render());
                return Exit::USAGE;
            }
            Err(help) => {
                // Help and version: output like any other, so a failed write is 74.
                let written = write!(stdout, "{}", help.render()).and_then(|()| stdout.flush());
                return finish(written.map(|()| Exit::SUCCESS), stderr);
            }
        };
        let color = match cli.color {
            ColorWhen::Auto => auto,
            ColorWhen::Always => Color::Always,
            ColorWhen::Never => Color::Never,
        };
        let command = match &self.env {
            Some(var) => cli.command.with_env(var),
            None => cli.command,
        };
        command.run(self.registry, color, stdout, stderr)
    }
}

/// The exit of a command whose output was written (or not): a closed pipe
/// is a quiet success, any other write error a message and
/// [`Exit::IO_ERROR`].
fn finish(written: io::Result<Exit>, stderr: &mut dyn Write) -> Exit {
    match written {
        Ok(exit) => exit,
        Err(error) if error.kind() == io::ErrorKind::BrokenPipe => Exit::SUCCESS,
        Err(error) => {
            let _ = writeln!(stderr, "error: cannot write the output: {error}");
            Exit::IO_ERROR
        }
    }
}

impl Command {
    /// This command reading the environment variable `var` too, when it
    /// evaluates a configuration (`check`, `explain`): see
    /// [`GateArgs::with_env`].
    #[must_use]
    pub fn with_env(self, var: impl Into<String>) -> Command {
        match self {
            Command::Check(mut args) => {
                args.gates = args.gates.with_env(var);
                Command::Check(args)
            }
            Command::Explain(mut args) => {
                args.gates = args.gates.with_env(var);
                Command::Explain(args)
            }
            other => other,
        }
    }

    /// Runs the subcommand over `registry`: 0 success, 1 a failed command,
    /// 74 output that could not be written; a closed stdout (`| head`) is a
    /// quiet 0.
    pub fn run(
        &self,
        registry: &Registry,
        color: Color,
        stdout: &mut dyn Write,
        stderr: &mut dyn Write,
    ) -> Exit {
        let written = commands::execute(self, registry, color, stdout, stderr)
            .and_then(|exit| stdout.flush().map(|()| exit));
        finish(written, stderr)
    }
}
