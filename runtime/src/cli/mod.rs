//! A command-line front end over any registry (feature `cli`).
//!
//! A program mounts it in one line over its own gates:
//!
//! ```no_run
//! fn main() -> std::process::ExitCode {
//!     featuregate::cli::main()
//! }
//! ```
//!
//! or over a registry of its choosing with [`main_with`], or inside its own
//! clap parser as a subcommand ([`Command`], then [`Command::run`]). Tests
//! drive it without processes through [`run`].
//!
//! ```text
//! PROGRAM list [--arch ARCH]... [--support SUPPORT]... [--state STATE]... [--format FORMAT]
//! PROGRAM show NAME
//! PROGRAM matrix [--format FORMAT]
//! PROGRAM coverage [--format FORMAT]
//! PROGRAM parity --arch ARCH [--base ARCH] [--format FORMAT]
//! PROGRAM check [--feature-gates A=true,B=false] [--arch ARCH]... [--strict] [--deny STATUS]...
//! ```
//!
//! FORMAT is `text` (default), `markdown`, `csv` or `json`; every value is
//! case-insensitive. Exit codes: 0 success, 1 a failed command (unknown gate,
//! refused configuration), 2 a usage error. Output into a closed pipe
//! (`| head`) ends quietly with 0.

mod commands;

use std::ffi::OsString;
use std::io::{self, Write};
use std::process::ExitCode;

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::report::Color;
use crate::{Arch, Registry, State, Support};

/// Exit code of a failed command.
const FAILURE: u8 = 1;

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
    Matrix(FormatArg),
    /// Per architecture, how many gates are Supported, Pending, Unsupported, Unverified, unspecified.
    Coverage(FormatArg),
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
    /// Keep gates with SUPPORT (supported, pending, unsupported, unverified, unspecified) on
    /// the --arch architectures, or on any architecture without --arch. Repeatable.
    #[arg(long = "support", value_name = "SUPPORT", value_delimiter = ',')]
    supports: Vec<SupportFilter>,
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
    /// Refuse the configuration when an enabled gate has STATUS on a target architecture. Repeatable.
    #[arg(
        long = "deny",
        value_name = "STATUS",
        value_enum,
        ignore_case = true,
        value_delimiter = ','
    )]
    deny: Vec<Status>,
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

/// A status `check --deny` can refuse.
#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Status {
    Unsupported,
    Pending,
    Unverified,
    Unspecified,
}

/// A `--support` value: one of the four, or `unspecified`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct SupportFilter(Option<Support>);

impl std::str::FromStr for SupportFilter {
    type Err = crate::ParseValueError;

    fn from_str(s: &str) -> Result<SupportFilter, Self::Err> {
        if s.trim().eq_ignore_ascii_case("unspecified") {
            return Ok(SupportFilter(None));
        }
        s.parse().map(|support| SupportFilter(Some(support)))
    }
}

/// Runs the command line of this process over [`registry()`](crate::registry),
/// colouring when stdout is a terminal and `NO_COLOR` is not set.
#[must_use]
pub fn main() -> ExitCode {
    main_with(crate::registry())
}

/// [`main`] over `registry`.
#[must_use]
pub fn main_with(registry: &Registry) -> ExitCode {
    let stdout = io::stdout();
    let auto = Color::auto(&stdout);
    let code = run_inner(
        registry,
        std::env::args_os(),
        &mut stdout.lock(),
        &mut io::stderr().lock(),
        auto,
    );
    ExitCode::from(code)
}

/// Runs a command line over `registry`, writing to `stdout` and `stderr`, and
/// returns the exit code (0 success, 1 a failed command, 2 a usage error).
/// `args` starts with the program's name, as [`std::env::args_os`] does.
/// `--color auto` means no colour here, since the writers may be anything.
pub fn run<I, T>(registry: &Registry, args: I, stdout: impl Write, stderr: impl Write) -> u8
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
) -> u8
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let cli = match Cli::try_parse_from(args) {
        Ok(cli) => cli,
        Err(error) => {
            // Help and version go to stdout with 0; usage errors to stderr with 2.
            let text = error.render().to_string();
            let sink: &mut dyn Write = if error.use_stderr() { stderr } else { stdout };
            let _ = sink.write_all(text.as_bytes()).and_then(|()| sink.flush());
            return u8::try_from(error.exit_code()).unwrap_or(2);
        }
    };
    let color = match cli.color {
        ColorWhen::Auto => auto,
        ColorWhen::Always => Color::Always,
        ColorWhen::Never => Color::Never,
    };
    cli.command.run(registry, color, stdout, stderr)
}

impl Command {
    /// Runs the subcommand over `registry` and returns the exit code (0
    /// success, 1 a failed command). A closed stdout (`| head`) is a quiet 0.
    pub fn run(
        &self,
        registry: &Registry,
        color: Color,
        stdout: &mut dyn Write,
        stderr: &mut dyn Write,
    ) -> u8 {
        let result = commands::execute(self, registry, color, stdout, stderr).and_then(|code| {
            stdout.flush()?;
            Ok(code)
        });
        match result {
            Ok(code) => code,
            Err(error) if error.kind() == io::ErrorKind::BrokenPipe => 0,
            Err(error) => {
                let _ = writeln!(stderr, "error: {error}");
                FAILURE
            }
        }
    }
}
