//! A program whose registry cannot be built (two gates with one name) runs
//! the command line to an error on stderr and exit 1, never a panic.

#![cfg(feature = "cli")]

use std::process::Command;

mod storage {
    /// One declaration of the name.
    #[featuregate::feature_gate(name = "Twin", state = Alpha)]
    pub(crate) struct Twin;
}

mod network {
    /// Another declaration of the same name.
    #[featuregate::feature_gate(name = "Twin", state = Beta)]
    pub(crate) struct Twin;
}

/// The child half of `duplicates_exit_1_without_a_panic`: runs the command
/// line as a program's `main` would, and exits with its code.
#[test]
fn cli_child() {
    if std::env::var_os("FEATUREGATE_CLI_CHILD").is_some() {
        std::process::exit(featuregate::cli::main().code().into());
    }
}

#[test]
fn duplicates_exit_1_without_a_panic() {
    let out = Command::new(std::env::current_exe().unwrap())
        .args(["--exact", "cli_child", "--nocapture", "--test-threads=1"])
        .env("FEATUREGATE_CLI_CHILD", "1")
        .output()
        .unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(1), "{stderr}");
    assert!(stderr.starts_with("error: "), "{stderr}");
    assert!(stderr.contains("Twin"), "{stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}
