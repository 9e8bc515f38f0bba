//! Running the command line: [`main`], [`main_with`], [`run`], and [`App`]
//! for a program's choices.

use std::ffi::OsString;
use std::io::{self, Write};

use super::{Cli, ColorWhen, Exit, GateArgs, finish};
use crate::Registry;
use crate::report::Color;

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
                let _ = write!(stderr, "{}", super::usage_error::render(&error));
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
