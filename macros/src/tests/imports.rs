//! The files of `macros/src` import as a tree: the module graph that their
//! `crate::` paths draw has no cycle, so each file reads bottom-up.

use std::collections::BTreeMap;
use std::fs;
use std::path::Path;

/// Each top-level module of `src` (not `lib.rs`, not the tests) and the
/// modules its code names through `crate::` paths (`use crate::x`,
/// `crate::x::f`, `use crate::{x, y}`). Comments are left out: a doc link
/// names a module without importing it.
fn graph(src: &Path) -> BTreeMap<String, Vec<String>> {
    let mut files = BTreeMap::new();
    for entry in fs::read_dir(src).expect("macros/src is readable") {
        let path = entry.expect("a directory entry").path();
        let Some(name) = path.file_name().and_then(|n| n.to_str()) else {
            continue;
        };
        if let Some(module) = name.strip_suffix(".rs")
            && module != "lib"
        {
            let text = fs::read_to_string(&path).expect("a source file is readable");
            files.insert(module.to_owned(), text);
        }
    }
    files
        .iter()
        .map(|(module, text)| {
            let code: String = text
                .lines()
                .map(|line| line.split("//").next().unwrap_or_default())
                .collect::<Vec<_>>()
                .join("\n");
            assert!(
                !code.contains("super::"),
                "{module}.rs names `super::`: a top-level file imports by `crate::` paths"
            );
            let mut names = Vec::new();
            for part in code.split("crate::").skip(1) {
                if let Some(group) = part.strip_prefix('{') {
                    let group = group.split('}').next().unwrap_or_default();
                    names.extend(group.split(',').map(|item| leading_name(item.trim())));
                } else {
                    names.push(leading_name(part));
                }
            }
            let mut targets: Vec<String> = names
                .into_iter()
                .filter(|n| n != module && files.contains_key(n))
                .collect();
            targets.sort();
            targets.dedup();
            (module.clone(), targets)
        })
        .collect()
}

fn leading_name(path: &str) -> String {
    path.chars()
        .take_while(|c| c.is_alphanumeric() || *c == '_')
        .collect()
}

/// Every cycle a depth-first walk finds, each as the modules along it.
fn cycles(graph: &BTreeMap<String, Vec<String>>) -> Vec<Vec<String>> {
    fn visit(
        module: &str,
        graph: &BTreeMap<String, Vec<String>>,
        done: &mut Vec<String>,
        stack: &mut Vec<String>,
        found: &mut Vec<Vec<String>>,
    ) {
        stack.push(module.to_owned());
        for target in &graph[module] {
            if let Some(at) = stack.iter().position(|m| m == target) {
                let mut cycle = stack[at..].to_vec();
                cycle.push(target.clone());
                found.push(cycle);
            } else if !done.contains(target) {
                visit(target, graph, done, stack, found);
            }
        }
        stack.pop();
        done.push(module.to_owned());
    }
    let (mut done, mut stack, mut found) = (Vec::new(), Vec::new(), Vec::new());
    for module in graph.keys() {
        if !done.contains(module) {
            visit(module, graph, &mut done, &mut stack, &mut found);
        }
    }
    found
}

#[test]
fn the_files_import_as_a_tree() {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
    let graph = graph(&src);
    assert!(graph.contains_key("expand") && graph["expand"].contains(&"parse".to_owned()));
    let found = cycles(&graph);
    assert!(
        found.is_empty(),
        "import cycles among macros/src files: {}",
        found
            .iter()
            .map(|c| c.join(" -> "))
            .collect::<Vec<_>>()
            .join("; ")
    );
}

#[test]
fn a_cycle_is_found() {
    let graph: BTreeMap<String, Vec<String>> = [
        ("a", vec!["b"]),
        ("b", vec!["c"]),
        ("c", vec!["a"]),
        ("d", vec!["a"]),
    ]
    .into_iter()
    .map(|(m, t)| (m.to_owned(), t.into_iter().map(str::to_owned).collect()))
    .collect();
    assert_eq!(cycles(&graph), [["a", "b", "c", "a"]]);
}
