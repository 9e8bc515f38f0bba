//! The folders of `runtime/src` are stages, and imports run one way: a file
//! names (through `crate::` paths, directly or through a root re-export)
//! only its own stage and those below it. `lib.rs` lists the stages top to
//! bottom; this test reads that order from it, so a new stage is checked
//! as soon as it has its `mod` line.

use std::collections::BTreeMap;
use std::fs;
use std::path::{Path, PathBuf};

/// The stages in `lib.rs`'s order (top first): the `mod` lines between the
/// comment that introduces them and the first blank line.
fn stages(lib: &str) -> Vec<String> {
    let start = lib
        .find("// The stages")
        .expect("lib.rs introduces its stages with `// The stages`");
    lib[start..]
        .lines()
        .skip(1)
        .take_while(|line| !line.trim().is_empty())
        .filter_map(|line| {
            let line = line.trim().strip_prefix("pub ").unwrap_or(line.trim());
            line.strip_prefix("mod ")?
                .strip_suffix(';')
                .map(str::to_owned)
        })
        .collect()
}

/// Which stage each name re-exported at the root comes from
/// (`pub use evaluate::{FeatureSet, ..}`).
fn root_names(lib: &str, stages: &[String]) -> BTreeMap<String, String> {
    let mut names = BTreeMap::new();
    for statement in lib.split(';') {
        let Some(at) = statement.find("pub use ") else {
            continue;
        };
        let path = statement[at + "pub use ".len()..].trim();
        let Some((stage, items)) = path.split_once("::") else {
            continue;
        };
        if !stages.iter().any(|s| s == stage) {
            continue;
        }
        for item in items.trim_matches(|c| c == '{' || c == '}').split(',') {
            let item = item.trim();
            let name = item.rsplit(" as ").next().unwrap_or(item);
            let name = name.rsplit("::").next().unwrap_or(name).trim();
            if !name.is_empty() {
                names.insert(name.to_owned(), stage.to_owned());
            }
        }
    }
    names
}

/// A file's code: comments and its `#[cfg(test)]` module left out (a doc
/// link or a test names what the code does not import).
fn code(text: &str) -> String {
    let text = text.split("#[cfg(test)]\nmod tests").next().unwrap_or(text);
    text.lines()
        .map(|line| line.split("//").next().unwrap_or_default())
        .collect::<Vec<_>>()
        .join("\n")
}

fn leading_name(path: &str) -> &str {
    let end = path
        .find(|c: char| !(c.is_alphanumeric() || c == '_'))
        .unwrap_or(path.len());
    &path[..end]
}

/// Every name a file's code reaches through `crate::`.
fn crate_names(code: &str) -> Vec<&str> {
    let mut names = Vec::new();
    for part in code.split("crate::").skip(1) {
        if let Some(group) = part.strip_prefix('{') {
            let group = group.split('}').next().unwrap_or_default();
            names.extend(group.split(',').map(|item| leading_name(item.trim())));
        } else {
            names.push(leading_name(part));
        }
    }
    names
}

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    for entry in fs::read_dir(dir).expect("a readable folder") {
        let path = entry.expect("a directory entry").path();
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Each file that names a stage above its own: `(file, name, its stage)`.
fn upward(src: &Path) -> Vec<(String, String, String)> {
    let lib = fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let stages = stages(&lib);
    let names = root_names(&lib, &stages);
    let rank = |stage: &str| stages.iter().position(|s| s == stage);
    let mut found = Vec::new();
    for stage in &stages {
        let mut files = Vec::new();
        rust_files(&src.join(stage), &mut files);
        for file in files {
            let text = fs::read_to_string(&file).expect("a source file");
            for name in crate_names(&code(&text)) {
                let target = if rank(name).is_some() {
                    name
                } else {
                    match names.get(name) {
                        Some(target) => target.as_str(),
                        None => continue,
                    }
                };
                if rank(target) < rank(stage) {
                    let file = file.strip_prefix(src).unwrap_or(&file);
                    found.push((
                        file.display().to_string(),
                        name.to_owned(),
                        target.to_owned(),
                    ));
                }
            }
        }
    }
    found.sort();
    found.dedup();
    found
}

#[test]
fn imports_run_downward() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let lib = fs::read_to_string(src.join("lib.rs")).expect("lib.rs");
    let stages = stages(&lib);
    assert!(
        stages.len() >= 9 && stages.first().is_some_and(|s| s == "cli"),
        "{stages:?}"
    );
    let found = upward(&src);
    assert!(
        found.is_empty(),
        "files that import from a stage above their own:\n{}",
        found
            .iter()
            .map(|(file, name, stage)| format!("{file}: {name} (of {stage}/)"))
            .collect::<Vec<_>>()
            .join("\n")
    );
}

#[test]
fn an_upward_import_is_found() {
    let dir = tempfile::tempdir().unwrap();
    let src = dir.path();
    fs::write(
        src.join("lib.rs"),
        "// The stages\nmod upper;\nmod lower;\n\npub use upper::Top;\npub use lower::{Bottom, Low as L};\n",
    )
    .unwrap();
    for (stage, body) in [
        ("upper", "use crate::{Bottom, L};\n"),
        ("lower", "// crate::Top in a comment\nuse crate::Top;\n"),
    ] {
        fs::create_dir(src.join(stage)).unwrap();
        fs::write(src.join(stage).join("mod.rs"), body).unwrap();
    }
    assert_eq!(
        upward(src),
        [(
            "lower/mod.rs".to_owned(),
            "Top".to_owned(),
            "upper".to_owned()
        )]
    );
}
