//! The outcome of a command line: an exit code that `main` returns as is.

use std::process::{ExitCode, Termination};

/// How a command line ended: a process exit code that a `main` returns
/// directly (`fn main() -> featuregate::cli::Exit`), and that tests read
/// with [`Exit::code`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[must_use]
pub struct Exit(u8);

impl Exit {
    /// The command did what was asked (also when its output went into a
    /// closed pipe, as after `| head`).
    pub const SUCCESS: Exit = Exit(0);
    /// The command failed: an unknown gate, a refused configuration, lint
    /// findings, a registry with duplicate names or a requirement cycle.
    pub const FAILURE: Exit = Exit(1);
    /// The command line itself is wrong: an unknown subcommand, option or value.
    pub const USAGE: Exit = Exit(2);
    /// The output could not be written (a full disk, `> /dev/full`):
    /// `EX_IOERR` of the BSD `sysexits.h`.
    pub const IO_ERROR: Exit = Exit(74);

    /// The process exit code.
    #[must_use]
    pub const fn code(self) -> u8 {
        self.0
    }

    /// Whether this is [`Exit::SUCCESS`].
    #[must_use]
    pub const fn is_success(self) -> bool {
        self.0 == 0
    }
}

impl Termination for Exit {
    fn report(self) -> ExitCode {
        ExitCode::from(self.0)
    }
}

impl From<Exit> for ExitCode {
    fn from(exit: Exit) -> ExitCode {
        exit.report()
    }
}
