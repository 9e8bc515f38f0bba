//! A command line run over a registry into buffers, without a process: for
//! this crate's tests (through `support`) and `examples/kubevirt`'s, which
//! includes this file by path.

use std::path::Path;

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

/// The names in the first column of a text table, header skipped.
pub(crate) fn names(text: &str) -> Vec<&str> {
    text.lines()
        .skip(1)
        .map(|l| l.split_whitespace().next().unwrap())
        .collect()
}

/// Writes `text` to the file `name` in `dir`: its path, as a command line
/// argument.
pub(crate) fn write(dir: &Path, name: &str, text: &str) -> String {
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_owned()
}
