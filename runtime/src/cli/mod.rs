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
//! PROGRAM check [--feature-gates A=true,B=false] [--arch ARCH]... [--strict] [--deny STATUS]...
//!               [--format text|json]
//! ```
//!
//! FORMAT is `text` (default), `markdown`, `csv` or `json`; every value is
//! case-insensitive; a repeatable option also takes a comma-separated list.
//! Exit codes ([`Exit`]): 0 success, 1 a failed command (unknown gate,
//! refused configuration, a registry with duplicates or a requirement
//! cycle), 2 a usage error, 74 output that could not be written. Output into
//! a closed pipe (`| head`) ends quietly with 0.

mod commands;
mod exit;
mod show;

pub use exit::Exit;

use std::ffi::OsString;
use std::io::{self, Write};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::report::{Color, Report};
use crate::{Arch, Registry, State, Status};

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
}

/// Arguments of `list`.
#[derive(Debug, Clone, Args)]
pub struct ListArgs {
    /// Keep gates that specify support on ARCH (with --support: that support there). Repeatable.
    #[arg(long = "arch", value_name = "ARCH", value_delimiter = ',')]
    archs: Vec<Arch>,
    /// Keep gates with STATUS (supported, pending, unsupported, unverified, unspecified) on
    /// the --arch architectures, or on any architecture without --arch. Repeatable.
    #[arg(long = "support", value_name = "STATUS", value_delimiter = ',')]
    supports: Vec<Status>,
    /// Keep gates in STATE (alpha, beta, ga, deprecated, discontinued). Repeatable.
    #[arg(long = "state", value_name = "STATE", value_delimiter = ',')]
    states: Vec<State>,
    #[command(flatten)]
    format: FormatArg,
}

/// Arguments of `show`.
#[derive(Debug, Clone, Args)]
pub struct ShowArgs {
    /// The gate's name, as configurations spell it.
    name: String,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = TextOrJson::Text)]
    format: TextOrJson,
}

/// Arguments of `matrix` and `coverage`.
#[derive(Debug, Clone, Args)]
pub struct ReportArgs {
    /// Report on ARCH only (default: every architecture); repeatable. Columns stay in
    /// architecture order.
    #[arg(long = "arch", value_name = "ARCH", value_delimiter = ',')]
    archs: Vec<Arch>,
    #[command(flatten)]
    format: FormatArg,
}

/// Arguments of `parity`.
#[derive(Debug, Clone, Args)]
pub struct ParityArgs {
    /// The architecture compared with the base.
    #[arg(long, value_name = "ARCH")]
    arch: Arch,
    /// The reference architecture.
    #[arg(long, value_name = "ARCH", default_value = "amd64")]
    base: Arch,
    #[command(flatten)]
    format: FormatArg,
}

/// Arguments of `check`.
#[derive(Debug, Clone, Args)]
pub struct CheckArgs {
    /// The configuration in Kubernetes flag form (A=true,B=false) or as a plain list (A,B).
    #[arg(long, value_name = "GATES", default_value = "")]
    feature_gates: String,
    /// A target architecture; repeatable. Default: the one this program runs on.
    #[arg(long = "arch", value_name = "ARCH", value_delimiter = ',')]
    archs: Vec<Arch>,
    /// Treat unknown gate names as errors.
    #[arg(long)]
    strict: bool,
    /// Refuse the configuration when an enabled gate has STATUS (pending, unsupported,
    /// unverified, unspecified) on a target architecture. Repeatable.
    #[arg(long = "deny", value_name = "STATUS", value_delimiter = ',', value_parser = deniable)]
    deny: Vec<Status>,
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = TextOrJson::Text)]
    format: TextOrJson,
}

/// A status `check --deny` can refuse: any but Supported.
fn deniable(s: &str) -> Result<Status, String> {
    match s.parse::<Status>() {
        Ok(Status::Supported) => Err(
            "Supported cannot be denied; deny pending, unsupported, unverified or unspecified"
                .to_owned(),
        ),
        Ok(status) => Ok(status),
        Err(error) => Err(error.to_string()),
    }
}

/// The `--format` of the reports.
#[derive(Debug, Clone, Args)]
pub struct FormatArg {
    /// Output format.
    #[arg(long, value_enum, ignore_case = true, default_value_t = Format::Text)]
    format: Format,
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
    let stdout = io::stdout();
    let auto = Color::auto(&stdout);
    run_inner(
        registry,
        std::env::args_os(),
        &mut stdout.lock(),
        &mut io::stderr().lock(),
        auto,
    )
}

/// Runs a command line over `registry`, writing to `stdout` and `stderr`.
/// `args` starts with the program's name, as [`std::env::args_os`] does.
/// `--color auto` means no colour here, since the writers may be anything.
pub fn run<I, T>(registry: &Registry, args: I, stdout: impl Write, stderr: impl Write) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let (mut stdout, mut stderr) = (stdout, stderr);
    run_inner(registry, args, &mut stdout, &mut stderr, Color::Never)
}

fn run_inner<I, T>(
    registry: &Registry,
    args: I,
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
    auto: Color,
) -> Exit
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
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
    cli.command.run(registry, color, stdout, stderr)
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
