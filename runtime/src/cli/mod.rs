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
//! PROGRAM list [--arch ARCH]... [--support STATUS]... [--state STATE]... [--at VERSION]
//!              [--format FORMAT]
//! PROGRAM show NAME [--format text|json]
//! PROGRAM matrix [--arch ARCH]... [--at VERSION] [--format FORMAT]
//! PROGRAM coverage [--arch ARCH]... [--at VERSION] [--format FORMAT]
//! PROGRAM parity --arch ARCH [--base ARCH] [--format FORMAT]
//! PROGRAM explain NAME [the options of check]
//! PROGRAM graph [--all] [--format text|json|mermaid|markdown|dot]
//! PROGRAM lint --version VERSION [--alpha-releases N] [--beta-releases N]
//!              [--deprecated-releases N] [--require-history] [--format text|json]
//! PROGRAM schema
//! PROGRAM evidence --junit ARCH=PATH... [--map FILE] [--min-tests N] [--min-runs N]
//!                  [--min-pass-rate F] [--arch ARCH]... [--since DATE] [--check [--strict]]
//!                  [--suggest [--source-root DIR]] [--format FORMAT]
//! PROGRAM check [--config FILE]... [--feature-gates A=true,B=false]... [--arch ARCH]...
//!               [--strict] [--deny STATUS]... [--disable STATUS]... [--at VERSION]
//!               [--format text|json]
//! ```
//!
//! `check` with several `--arch` evaluates a cluster (SPEC section 14): each
//! enabled gate with where it is on, an `archs` column (JSON: `archs`, each
//! enabled gate's architectures).
//!
//! `check` and `explain` take [`GateArgs`], which a program also flattens into its own
//! command line: `--config` (or `--feature-gates-file`) files in order, then
//! the environment variable the program names ([`App::with_env`]; none by
//! default), then `--feature-gates`, later ones winning per gate.
//!
//! FORMAT is `text` (default), `markdown`, `csv`, `json` or `html` (one
//! self-contained page: open it in a browser); every value is
//! case-insensitive; a repeatable option also takes a comma-separated list.
//! `--at VERSION` (on `check` and `explain`, `--emulated-version`) evaluates
//! and reports as of that release: each gate in its state then
//! ([`Gate::state_at`](crate::Gate::state_at)), the gates not yet
//! introduced left out. `lint` lists the gates that overstayed their stage
//! ([`Registry::lint`]) and exits 1 when there is any, for CI.
//!
//! Exit codes ([`Exit`]): 0 success, 1 a failed command (unknown gate,
//! refused configuration, lint findings, a registry with duplicates or a
//! requirement cycle), 2 a usage error, 74 output that could not be written. Output into
//! a closed pipe (`| head`) ends quietly with 0.

mod app;
mod args;
mod commands;
#[cfg(feature = "evidence")]
mod evidence;
mod exit;
mod explain;
mod gate_args;
#[cfg(feature = "watch")]
mod gate_args_watch;
mod lint;
mod show;
mod usage_error;

pub use app::{App, main, main_with, run};
pub use args::{
    CheckArgs, ExplainArgs, FormatArg, GraphArgs, GraphFormat, LintArgs, ListArgs, ParityArgs,
    ReportArgs, ShowArgs,
};
#[cfg(feature = "evidence")]
pub use evidence::EvidenceArgs;
pub use exit::Exit;
pub use gate_args::GateArgs;

/// The clap this module is built with: a program flattening [`GateArgs`]
/// into its parser, or mounting [`Command`], derives with this one.
pub use clap;

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
    /// The gates that stayed in their stage longer than the lifecycle policy allows (exit 1
    /// when there are any).
    Lint(LintArgs),
    /// The JSON Schema of the configuration files, with these gates' names, for an editor
    /// (`# yaml-language-server: $schema=FILE`).
    Schema,
    /// Declared support checked against JUnit test results per architecture (feature
    /// `evidence`); --check fails CI on Regressed or Contradicted findings.
    #[cfg(feature = "evidence")]
    Evidence(EvidenceArgs),
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
    /// One self-contained HTML page: a colour and the words per support value, with a legend.
    Html,
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
            Format::Html => report.to_html(),
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
