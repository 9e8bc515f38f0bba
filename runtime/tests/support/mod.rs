//! What the integration tests share: a command line run over a registry
//! into buffers, without a process, and (feature `tracing`) a subscriber
//! that records events. Each test file is a crate of its own and uses what
//! it needs of this, so the rest is dead code there.
#![allow(dead_code)]

#[cfg(feature = "tracing")]
pub(crate) mod recorder;

use featuregate::Registry;
use featuregate::cli::App;

/// Runs `gates ARGS...` through `app`: the exit code, stdout and stderr.
pub(crate) fn run_app(app: &App<'_>, args: &[&str]) -> (u8, String, String) {
    let (mut out, mut err) = (Vec::new(), Vec::new());
    let code = app
        .run(
            std::iter::once("gates").chain(args.iter().copied()),
            &mut out,
            &mut err,
        )
        .code();
    (
        code,
        String::from_utf8(out).unwrap(),
        String::from_utf8(err).unwrap(),
    )
}

/// [`run_app`] over `registry`, as `featuregate::cli::run` runs it.
pub(crate) fn run_over(registry: &Registry, args: &[&str]) -> (u8, String, String) {
    run_app(&App::new(registry), args)
}
