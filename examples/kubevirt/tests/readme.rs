//! The README's commands, run as written against the built `kubevirt-gates`,
//! in README order, each compared with the output the README prints.
//!
//! A command block is named by an HTML comment on the line before it,
//! `<!-- readme: NAME -->`. Two shapes are understood:
//!
//! - a ```` ```console ```` block: each `$ ` line is a command (continued
//!   after a `\`, in a here-document, or on `> ` lines), the lines up to the
//!   next `$ ` its output;
//! - a ```` ```sh ```` block of commands, directly followed by a ```` ```text ````
//!   block holding what all of them print.
//!
//! In an output, a line `...` stands for any number of lines. A command runs
//! under `sh -c` (pipes, `VAR=x` prefixes and redirections work as in a
//! terminal) with `cargo run -p kubevirt-gates --` replaced by the built
//! binary; stdout and stderr go to one file, as a terminal shows them (cargo's
//! own `Compiling`/`Running` lines are not shown in the README). A command must
//! exit 0 unless the README's next command is `echo $?`, which prints the code.
//! Commands run in a scratch directory whose entries link to the workspace's,
//! so a file one block creates is there for the next, and the tree stays clean.
//! Running cargo itself would wait on the build lock this test holds: a block
//! that needs cargo is listed in [`EXEMPT`] with the reason.
#![cfg(unix)]

use std::fmt::Write as _;
use std::fs::File;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

/// Named blocks that do not run here, and why.
const EXEMPT: &[(&str, &str)] = &[
    (
        "setup",
        "clones the repository; scripts/setup runs cargo build (cargo inside cargo) \
         and may install a package",
    ),
    ("test-all", "runs cargo test (cargo inside cargo)"),
    (
        "lint-ci-recipe",
        "a recipe for the reader's own program (`my-program`), not this one",
    ),
];

/// How long one command may take before it counts as hung: `sh` is killed
/// and the step fails.
const TIMEOUT: Duration = Duration::from_secs(60);

/// One command of a block and the output the README gives it.
struct Step {
    command: String,
    /// `None`: a later step's output includes this one's, as in a `sh` block.
    expected: Option<Vec<String>>,
}

/// A fenced block of the README.
struct Block {
    /// The name of the marker on the line before it.
    name: Option<String>,
    /// 1-based line of the opening fence.
    line: usize,
    info: String,
    body: Vec<String>,
    /// Only blank lines between the previous block and this one.
    follows_previous: bool,
}

fn workspace() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../..")
        .canonicalize()
        .unwrap()
}

/// Every fenced block of `text`, with the marker that names it; a marker not
/// directly above a block is a problem.
fn blocks(text: &str, problems: &mut Vec<String>) -> Vec<Block> {
    let mut blocks: Vec<Block> = Vec::new();
    let mut marker: Option<(String, usize)> = None;
    let mut open: Option<Block> = None;
    let mut only_blank_since_block = false;
    for (index, line) in text.lines().enumerate() {
        let number = index + 1;
        if let Some(block) = open.as_mut() {
            if line.trim_start().starts_with("```") {
                blocks.push(open.take().unwrap());
                only_blank_since_block = true;
            } else {
                block.body.push(line.to_owned());
            }
            continue;
        }
        if let Some(info) = line.strip_prefix("```") {
            open = Some(Block {
                name: marker.take().map(|(name, _)| name),
                line: number,
                info: info.trim().to_owned(),
                body: Vec::new(),
                follows_previous: only_blank_since_block,
            });
        } else if let Some(rest) = line.trim().strip_prefix("<!-- readme:") {
            let name = rest.trim_end_matches("-->").trim().to_owned();
            if let Some((old, at)) = marker.replace((name, number)) {
                problems.push(format!("README.md:{at}: marker `{old}` names no block"));
            }
        } else if !line.trim().is_empty() {
            if let Some((old, at)) = marker.take() {
                problems.push(format!(
                    "README.md:{at}: marker `{old}` is not directly above a block"
                ));
            }
            only_blank_since_block = false;
        }
    }
    blocks
}

/// The commands of `blocks[index]` with their outputs.
fn steps(blocks: &[Block], index: usize) -> Result<Vec<Step>, String> {
    let block = &blocks[index];
    let mut commands: Vec<(String, Vec<String>)> = Vec::new();
    match block.info.as_str() {
        "console" => {
            for line in &block.body {
                // A command continues (after a `\`, in a here-document, or
                // on the shell's `> ` prompt) until its output starts.
                let open = commands
                    .last_mut()
                    .filter(|(_, out)| out.is_empty())
                    .map(|(command, _)| command);
                if let Some(command) = line.strip_prefix("$ ") {
                    commands.push((command.to_owned(), Vec::new()));
                } else if let Some(command) = open.filter(|c| continues(c) || line.starts_with('>'))
                {
                    command.push('\n');
                    command.push_str(
                        line.strip_prefix("> ")
                            .or(line.strip_prefix('>'))
                            .unwrap_or(line),
                    );
                } else if let Some((_, out)) = commands.last_mut() {
                    out.push(line.clone());
                } else {
                    return Err(format!("`{line}` comes before any `$ ` command"));
                }
            }
            Ok(commands
                .into_iter()
                .map(|(command, out)| Step {
                    command,
                    expected: Some(out),
                })
                .collect())
        }
        "sh" | "bash" | "shell" => {
            let output = blocks
                .get(index + 1)
                .filter(|next| next.follows_previous && next.info == "text" && next.name.is_none())
                .ok_or("a `sh` block needs a ```text block right after it with its output")?;
            let mut commands: Vec<String> = Vec::new();
            for line in &block.body {
                match commands.last_mut() {
                    Some(command) if continues(command) => {
                        command.push('\n');
                        command.push_str(line);
                    }
                    _ if line.trim().is_empty() => {}
                    _ => commands.push(line.clone()),
                }
            }
            let last = commands.len().saturating_sub(1);
            Ok(commands
                .into_iter()
                .enumerate()
                .map(|(i, command)| Step {
                    command,
                    expected: (i == last).then(|| output.body.clone()),
                })
                .collect())
        }
        other => Err(format!("a ```{other} block is no command block")),
    }
}

/// Does `command` go on to the next line: after a `\`, or in a
/// here-document (`<<EOF`) whose end line has not come yet?
fn continues(command: &str) -> bool {
    if command.ends_with('\\') {
        return true;
    }
    let mut lines = command.lines();
    let first = lines.next().unwrap_or("");
    let Some((_, after)) = first.split_once("<<") else {
        return false;
    };
    let word = after
        .trim_start_matches('-')
        .split_whitespace()
        .next()
        .unwrap_or("")
        .trim_matches(['\'', '"']);
    !after.starts_with('<') && !word.is_empty() && !lines.any(|l| l.trim() == word)
}

/// `command` with `cargo run -p kubevirt-gates [...] --` replaced by `binary`;
/// an error when cargo would still run.
fn without_cargo(command: &str, binary: &str) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = command;
    while let Some(at) = rest.find("cargo run") {
        out.push_str(&rest[..at]);
        // This command ends at the first `|`, `;`, `&` or newline; its cargo
        // options end at ` -- `.
        let after = &rest[at..];
        let (segment, next) =
            after.split_at(after.find(['|', ';', '&', '\n']).unwrap_or(after.len()));
        let (options, args) = segment.split_once(" -- ").unwrap_or((segment, ""));
        let words: Vec<&str> = options.split_whitespace().collect();
        if !words
            .windows(2)
            .any(|w| matches!(w, ["-p" | "--package", "kubevirt-gates"]))
        {
            return Err(format!(
                "`{options}` runs another program than kubevirt-gates"
            ));
        }
        write!(out, "'{binary}' {args}").unwrap();
        rest = next;
    }
    out.push_str(rest);
    if out
        .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
        .any(|w| w == "cargo")
    {
        return Err("runs cargo, which would wait on this test's build lock".into());
    }
    Ok(out)
}

/// A scratch directory `name` whose entries link to the workspace's own.
fn scratch(name: &str) -> PathBuf {
    let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for entry in std::fs::read_dir(workspace()).unwrap() {
        let entry = entry.unwrap();
        if !matches!(entry.file_name().to_str(), Some("target" | ".git")) {
            std::os::unix::fs::symlink(entry.path(), dir.join(entry.file_name())).unwrap();
        }
    }
    dir
}

/// Runs `command` under `sh` in `dir`: stdout and stderr together, and the
/// exit code.
fn run(command: &str, dir: &Path) -> (String, i32) {
    let log = dir.join(".output");
    let file = File::create(&log).unwrap();
    let mut child = Command::new("sh")
        .args(["-c", command])
        .current_dir(dir)
        .env_clear()
        .env("PATH", std::env::var_os("PATH").unwrap_or_default())
        .stdin(Stdio::null())
        .stdout(file.try_clone().unwrap())
        .stderr(file)
        .spawn()
        .unwrap();
    let start = Instant::now();
    let status = loop {
        if let Some(status) = child.try_wait().unwrap() {
            break status;
        }
        if start.elapsed() > TIMEOUT {
            let _ = child.kill();
            let _ = child.wait();
            return (format!("(no exit after {TIMEOUT:?})"), -1);
        }
        std::thread::sleep(Duration::from_millis(20));
    };
    let output = std::fs::read(&log).unwrap();
    (
        String::from_utf8_lossy(&output).into_owned(),
        status.code().unwrap_or(-1),
    )
}

/// Does `actual` match `expected`, where a line `...` stands for any lines?
fn output_matches(expected: &[String], actual: &[&str]) -> bool {
    match expected.split_first() {
        None => actual.is_empty(),
        Some((first, rest)) if first == "..." => {
            (0..=actual.len()).any(|skip| output_matches(rest, &actual[skip..]))
        }
        Some((first, rest)) => actual
            .split_first()
            .is_some_and(|(line, tail)| line == first && output_matches(rest, tail)),
    }
}

/// `lines` without the blank lines at its end.
fn trimmed<T: AsRef<str>>(lines: &[T]) -> &[T] {
    let end = lines
        .iter()
        .rposition(|l| !l.as_ref().trim().is_empty())
        .map_or(0, |i| i + 1);
    &lines[..end]
}

/// Runs the steps of block `name` in `dir`, pushing a message per failure.
fn check_block(name: &str, steps: &[Step], dir: &Path, problems: &mut Vec<String>) {
    let binary = env!("CARGO_BIN_EXE_kubevirt-gates");
    let mut output = String::new();
    let mut last_code = 0;
    for (i, step) in steps.iter().enumerate() {
        let fail = |what: String| format!("README block `{name}`, `$ {}`: {what}", step.command);
        if step.command.trim() == "echo $?" {
            writeln!(output, "{last_code}").unwrap();
            last_code = 0;
        } else {
            let command = match without_cargo(&step.command, binary) {
                Ok(command) => command,
                Err(why) => {
                    problems.push(fail(format!("{why}; list the block in EXEMPT")));
                    return;
                }
            };
            let (text, code) = run(&command, dir);
            output.push_str(&text);
            last_code = code;
            let echoed = steps
                .get(i + 1)
                .is_some_and(|next| next.command.trim() == "echo $?");
            if code != 0 && !echoed {
                problems.push(fail(format!(
                    "exits {code} and the README shows no `echo $?` after it; output:\n{text}"
                )));
            }
        }
        if let Some(expected) = &step.expected {
            let actual: Vec<&str> = output.lines().collect();
            if !output_matches(trimmed(expected), trimmed(&actual)) {
                problems.push(fail(format!(
                    "the output differs\n--- README\n{}\n--- actual\n{}",
                    trimmed(expected).join("\n"),
                    trimmed(&actual).join("\n"),
                )));
            }
            output.clear();
        }
    }
}

#[test]
fn every_readme_command_prints_what_the_readme_says() {
    let readme = std::fs::read_to_string(workspace().join("README.md")).unwrap();
    let mut problems = Vec::new();
    let blocks = blocks(&readme, &mut problems);
    let dir = scratch("readme");
    let mut seen: Vec<&str> = Vec::new();
    for (index, block) in blocks.iter().enumerate() {
        let runs_us = block
            .body
            .iter()
            .any(|l| l.contains("cargo run") && l.contains("kubevirt-gates"));
        let Some(name) = block.name.as_deref() else {
            if runs_us {
                problems.push(format!(
                    "README.md:{}: a block runs kubevirt-gates without a \
                     `<!-- readme: NAME -->` marker above it",
                    block.line
                ));
            }
            continue;
        };
        if seen.contains(&name) {
            problems.push(format!(
                "README.md:{}: block `{name}` named twice",
                block.line
            ));
        }
        seen.push(name);
        if EXEMPT.iter().any(|(exempt, _)| *exempt == name) {
            continue;
        }
        match steps(&blocks, index) {
            Ok(steps) => check_block(name, &steps, &dir, &mut problems),
            Err(why) => problems.push(format!(
                "README block `{name}` (line {}): {why}",
                block.line
            )),
        }
    }
    for (name, _) in EXEMPT {
        if !seen.contains(name) {
            problems.push(format!("EXEMPT names `{name}`, which the README does not"));
        }
    }
    assert!(problems.is_empty(), "\n{}", problems.join("\n\n"));
}

#[test]
fn the_harness_matches_elided_lines_and_refuses_cargo() {
    let lines = |s: &str| s.lines().map(str::to_owned).collect::<Vec<_>>();
    assert!(output_matches(&lines("a\n...\nd"), &["a", "b", "c", "d"]));
    assert!(output_matches(&lines("a\n..."), &["a"]));
    assert!(!output_matches(&lines("a\n...\nd"), &["a", "b"]));
    assert!(!output_matches(&lines("a\nb"), &["a", "b", "c"]));
    assert_eq!(
        without_cargo(
            "NO_COLOR=1 cargo run -p kubevirt-gates -- list | head -2",
            "/b"
        )
        .unwrap(),
        "NO_COLOR=1 '/b' list | head -2"
    );
    assert_eq!(
        without_cargo("cargo run -p kubevirt-gates | grep -- -x", "/b").unwrap(),
        "'/b' | grep -- -x"
    );
    assert!(without_cargo("cargo test --workspace", "/b").is_err());
    assert!(without_cargo("cargo run -p featuregate-live -- x", "/b").is_err());
}

#[test]
fn the_harness_runs_blocks_in_order_and_reports_by_name() {
    let readme = r"
<!-- readme: files -->
```console
$ printf 'a\nb\n' > made.txt
$ cat made.txt | grep b
b
$ cat > gates.yaml <<'EOF'
> featureGates:
>   - Snapshot
>
> EOF
$ false
$ echo $?
1
```

<!-- readme: list -->
```sh
cat made.txt \
  gates.yaml
```

```text
a
...
featureGates:
  - Snapshot
```

<!-- readme: wrong -->
```console
$ cargo run -p kubevirt-gates -- list --state ga
name
```
";
    let mut problems = Vec::new();
    let blocks = blocks(readme, &mut problems);
    let dir = scratch("readme-self-test");
    for (index, block) in blocks.iter().enumerate() {
        if let Some(name) = &block.name {
            check_block(name, &steps(&blocks, index).unwrap(), &dir, &mut problems);
        }
    }
    assert_eq!(problems.len(), 1, "{problems:#?}");
    assert!(
        problems[0].starts_with(
            "README block `wrong`, `$ cargo run -p kubevirt-gates -- list --state ga`: \
             the output differs\n--- README\nname\n--- actual\nname "
        ),
        "{}",
        problems[0]
    );
}
