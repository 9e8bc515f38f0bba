//! A test that needs environment variables set reruns itself in a child
//! process with them (setting them in this process would race the other
//! tests' threads).

/// Set in the child process.
const CHILD: &str = "FEATUREGATE_TEST_CHILD";

/// `true` in the child, which runs the test's body; in the parent, runs
/// `test` alone in a child with `vars` set, asserts that it passed, and
/// returns `false`.
pub(crate) fn in_child(test: &str, vars: &[(&str, &str)]) -> bool {
    if std::env::var_os(CHILD).is_some() {
        return true;
    }
    let output = std::process::Command::new(std::env::current_exe().unwrap())
        .args([test, "--exact", "--test-threads=1"])
        .env(CHILD, "1")
        .envs(vars.iter().copied())
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&output.stdout);
    assert!(
        output.status.success() && stdout.contains("1 passed"),
        "{stdout}{}",
        String::from_utf8_lossy(&output.stderr)
    );
    false
}
