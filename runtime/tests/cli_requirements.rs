//! Requirements in the reports: `show` lists `requires` and `required by`,
//! the JSON matrix a `requires` list per gate, and `graph` draws them.

#![cfg(feature = "cli")]

use featuregate::{FeatureGate, Registry, feature_gate, registry};

mod support;

/// The kernel's IOMMUFD interface.
#[feature_gate(name = "IOMMUFD", state = Alpha, arm64 = Supported)]
struct Iommufd;

/// NUMA-aware PCI topology.
#[feature_gate(name = "PCINUMAAwareTopology", state = Alpha, arm64 = Supported)]
struct PciNumaAwareTopology;

/// GPU passthrough on Grace.
#[feature_gate(name = "GraceIOVirtualization", state = Alpha, arm64 = Supported,
               requires = [Iommufd, PciNumaAwareTopology])]
struct GraceIoVirtualization;

/// Hooks.
#[feature_gate(state = GA)]
struct LibvirtHooks;

/// vGPU migration.
#[feature_gate(name = "VGPULiveMigration", state = Alpha, requires = LibvirtHooks)]
struct VgpuLiveMigration;

/// Nothing to do with the others.
#[feature_gate(state = Beta)]
struct Lonely;

fn run(args: &[&str]) -> (u8, String, String) {
    support::cli::run_over(registry(), args)
}

fn line<'a>(text: &'a str, label: &str) -> &'a str {
    text.lines()
        .find(|l| l.starts_with(label))
        .unwrap_or_else(|| panic!("no {label} in\n{text}"))
}

#[test]
fn show_lists_requires_and_required_by() {
    let (code, out, _) = run(&["show", "GraceIOVirtualization"]);
    assert_eq!(code, 0);
    assert_eq!(
        line(&out, "requires"),
        "requires    IOMMUFD, PCINUMAAwareTopology"
    );
    assert_eq!(line(&out, "required by"), "required by -");
    let (_, out, _) = run(&["show", "IOMMUFD"]);
    assert_eq!(line(&out, "requires"), "requires    -");
    assert_eq!(
        line(&out, "required by"),
        "required by GraceIOVirtualization"
    );

    let (_, out, _) = run(&["show", "GraceIOVirtualization", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["requires"],
        serde_json::json!(["IOMMUFD", "PCINUMAAwareTopology"])
    );
    assert_eq!(json["required_by"], serde_json::json!([]));
    let (_, out, _) = run(&["show", "LibvirtHooks", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(json["requires"], serde_json::json!([]));
    assert_eq!(
        json["required_by"],
        serde_json::json!(["VGPULiveMigration"])
    );
}

#[test]
fn json_matrix_has_requires_per_gate() {
    let (code, out, _) = run(&["matrix", "--format", "json"]);
    assert_eq!(code, 0);
    let rows: Vec<serde_json::Value> = serde_json::from_str(&out).unwrap();
    let requires = |name: &str| {
        rows.iter()
            .find(|row| row["name"] == name)
            .map(|row| row["requires"].clone())
            .unwrap()
    };
    assert_eq!(
        requires("GraceIOVirtualization"),
        serde_json::json!(["IOMMUFD", "PCINUMAAwareTopology"])
    );
    assert_eq!(requires("Lonely"), serde_json::json!([]));
    // Tables keep their columns.
    assert!(!run(&["matrix", "--format", "csv"]).1.contains("requires"));
}

#[test]
fn graph_in_every_format() {
    let (code, text, err) = run(&["graph"]);
    assert_eq!((code, err.as_str()), (0, ""));
    assert_eq!(
        text,
        "GraceIOVirtualization -> IOMMUFD\n\
         GraceIOVirtualization -> PCINUMAAwareTopology\n\
         VGPULiveMigration -> LibvirtHooks\n"
    );
    let (_, all, _) = run(&["graph", "--all"]);
    assert!(all.lines().any(|l| l == "Lonely"), "{all}");

    let (_, mermaid, _) = run(&["graph", "--format", "Mermaid"]);
    assert_eq!(
        mermaid,
        "flowchart LR\n\
         \x20   n0[\"GraceIOVirtualization (Alpha)\"]\n\
         \x20   n1[\"IOMMUFD (Alpha)\"]\n\
         \x20   n2[\"LibvirtHooks (GA)\"]\n\
         \x20   n3[\"PCINUMAAwareTopology (Alpha)\"]\n\
         \x20   n4[\"VGPULiveMigration (Alpha)\"]\n\
         \x20   n0 --> n1\n\
         \x20   n0 --> n3\n\
         \x20   n4 --> n2\n"
    );
    let (_, markdown, _) = run(&["graph", "--format", "markdown"]);
    assert_eq!(markdown, format!("```mermaid\n{mermaid}```\n"));

    let (_, dot, _) = run(&["graph", "--format", "dot"]);
    assert!(dot.starts_with("digraph requirements {\n"), "{dot}");
    assert!(
        dot.contains("    \"IOMMUFD\" [label=\"IOMMUFD\\nAlpha\"];\n"),
        "{dot}"
    );
    assert!(
        dot.contains("    \"VGPULiveMigration\" -> \"LibvirtHooks\";\n"),
        "{dot}"
    );
    assert!(!dot.contains("Lonely"), "{dot}");
    assert!(dot.ends_with("}\n"));

    let (_, json, _) = run(&["graph", "--format", "json"]);
    let nodes: Vec<serde_json::Value> = serde_json::from_str(&json).unwrap();
    assert_eq!(nodes.len(), 5);
    assert_eq!(nodes[1]["name"], "IOMMUFD");
    assert_eq!(
        nodes[1]["required_by"],
        serde_json::json!(["GraceIOVirtualization"])
    );
    assert_eq!(
        nodes[0]["requires"],
        serde_json::json!(["IOMMUFD", "PCINUMAAwareTopology"])
    );

    assert_eq!(run(&["graph", "--format", "csv"]).0, 2);
}

#[test]
fn graph_of_a_registry_without_requirements_is_empty() {
    let private = Registry::new([Lonely::GATE]).unwrap();
    let graph = private.graph();
    assert!(graph.is_empty());
    assert_eq!(graph.to_string(), "");
    assert_eq!(graph.to_mermaid(), "flowchart LR\n");
    assert_eq!(graph.clone().with_all(true).to_string(), "Lonely\n");
    let _ = (GraceIoVirtualization::GATE, VgpuLiveMigration::GATE);
}
