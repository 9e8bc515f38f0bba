//! `report::Graph` with names no declaration can spell (a registry built at
//! run time): Mermaid and DOT labels stay inside their quotes.

use featuregate::{__private::leaked_gate, Registry, State};

#[test]
fn hostile_names_stay_inside_their_labels() {
    let name = "x\"]; click n0 call alert(1) %% <b>#\n\\";
    let registry = Registry::new([leaked_gate(name, State::Alpha)]).unwrap();
    let graph = registry.graph().with_all(true);

    let mermaid = graph.to_mermaid();
    let lines: Vec<&str> = mermaid.lines().collect();
    assert_eq!(lines.len(), 2, "{mermaid}");
    let label = lines[1]
        .strip_prefix("    n0[\"")
        .and_then(|l| l.strip_suffix("\"]"))
        .unwrap_or_else(|| panic!("{mermaid}"));
    assert!(!label.contains(['"', '<', '>', '\n']), "{label}");
    assert!(
        label.contains("#quot;") && label.contains("#lt;b#gt;"),
        "{label}"
    );

    let dot = graph.to_dot();
    let node = dot.lines().nth(2).unwrap();
    assert_eq!(
        node,
        "    \"x\\\"]; click n0 call alert(1) %% <b># \\\\\" [label=\"x\\\"]; click n0 call \
         alert(1) %% <b># \\\\\\nAlpha\"];"
    );
    assert_eq!(dot.lines().count(), 4, "{dot}");
}
