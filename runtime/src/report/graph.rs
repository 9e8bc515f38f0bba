//! The requirement graph: which gate requires which, drawn as Mermaid (it
//! renders in GitHub Markdown), Graphviz DOT, lines of text or JSON.

use std::collections::{HashMap, HashSet};
use std::fmt::{self, Write as _};

use crate::{Gate, Registry};

/// The requirements between the gates of a registry: an edge from each gate
/// to each gate it requires (`Gate::requires`, in declared order).
///
/// By default the graph holds the gates that require or are required by
/// another; [`Graph::with_all`] adds the rest, unconnected. Nodes are in
/// name order, labelled with the gate's name and state.
///
/// ```
/// use featuregate::{FeatureGate, Registry, feature_gate};
///
/// #[feature_gate(state = Alpha, name = "IOMMUFD")]
/// pub struct Iommufd;
///
/// #[feature_gate(state = Alpha, requires = Iommufd)]
/// pub struct GraceIoVirtualization;
///
/// let registry = Registry::new([Iommufd::GATE, GraceIoVirtualization::GATE])?;
/// let graph = registry.graph();
/// assert_eq!(graph.to_string(), "GraceIoVirtualization -> IOMMUFD\n");
/// assert!(graph.to_mermaid().contains("n0 --> n1"));
/// assert!(graph.to_dot().contains("\"GraceIoVirtualization\" -> \"IOMMUFD\";"));
/// # Ok::<(), featuregate::RegistryError>(())
/// ```
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Graph {
    /// Every gate of the registry, in name order.
    gates: Vec<&'static Gate>,
    /// Whether gates without any requirement are drawn too.
    all: bool,
}

impl Registry {
    /// The requirement graph of this registry's gates.
    #[must_use]
    pub fn graph(&self) -> Graph {
        Graph {
            gates: self.iter().collect(),
            all: false,
        }
    }
}

impl Graph {
    /// The same graph with (`true`) or without (`false`, the default) the
    /// gates that neither require nor are required by another.
    #[must_use]
    pub fn with_all(mut self, all: bool) -> Graph {
        self.all = all;
        self
    }

    /// The nodes, in name order.
    #[must_use]
    pub fn nodes(&self) -> Vec<&'static Gate> {
        if self.all {
            return self.gates.clone();
        }
        let mut connected: HashSet<&str, foldhash::fast::RandomState> = HashSet::default();
        for (from, to) in self.edges() {
            connected.insert(from.name());
            connected.insert(to.name());
        }
        self.gates
            .iter()
            .copied()
            .filter(|gate| connected.contains(gate.name()))
            .collect()
    }

    /// The edges, `(gate, a gate it requires)`, by the requiring gate's
    /// name, then in declared order.
    pub fn edges(&self) -> impl Iterator<Item = (&'static Gate, &'static Gate)> + '_ {
        self.gates
            .iter()
            .flat_map(|&gate| gate.requires().map(move |required| (gate, required)))
    }

    /// Whether there is no node to draw.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.nodes().is_empty()
    }

    /// A Mermaid flowchart, left to right: one node per gate (`n0`, `n1`,
    /// ... in name order) labelled `Name (State)`, one arrow per
    /// requirement. Labels are quoted, with Mermaid's entity codes for the
    /// characters that would end or mark up the label.
    #[must_use]
    pub fn to_mermaid(&self) -> String {
        let nodes = self.nodes();
        let ids: HashMap<&str, usize, foldhash::fast::RandomState> = nodes
            .iter()
            .enumerate()
            .map(|(i, gate)| (gate.name(), i))
            .collect();
        let index = |gate: &Gate| ids.get(gate.name()).copied();
        let mut out = String::from("flowchart LR\n");
        for (i, gate) in nodes.iter().enumerate() {
            let label = format!("{} ({})", gate.name(), gate.state());
            let _ = writeln!(out, "    n{i}[\"{}\"]", Mermaid(&label));
        }
        for (from, to) in self.edges() {
            if let (Some(from), Some(to)) = (index(from), index(to)) {
                let _ = writeln!(out, "    n{from} --> n{to}");
            }
        }
        out
    }

    /// The Mermaid flowchart in a fenced ```` ```mermaid ```` block, as
    /// GitHub renders it in Markdown.
    #[must_use]
    pub fn to_markdown(&self) -> String {
        format!("```mermaid\n{}```\n", self.to_mermaid())
    }

    /// A Graphviz `digraph`, left to right: nodes named by the gates'
    /// names, labelled with name and state, and one edge per requirement;
    /// every identifier quoted and escaped.
    #[must_use]
    pub fn to_dot(&self) -> String {
        let mut out = String::from("digraph requirements {\n    rankdir=LR;\n");
        for gate in self.nodes() {
            let _ = writeln!(
                out,
                "    \"{}\" [label=\"{}\\n{}\"];",
                Dot(gate.name()),
                Dot(gate.name()),
                gate.state()
            );
        }
        for (from, to) in self.edges() {
            let _ = writeln!(
                out,
                "    \"{}\" -> \"{}\";",
                Dot(from.name()),
                Dot(to.name())
            );
        }
        out.push_str("}\n");
        out
    }

    /// Pretty JSON: an array of the nodes, each `{"name", "state",
    /// "requires": [names], "required_by": [names]}`.
    #[cfg(feature = "serde")]
    #[must_use]
    pub fn to_json(&self) -> String {
        let mut required_by: HashMap<&str, Vec<&str>, foldhash::fast::RandomState> =
            HashMap::default();
        for (from, to) in self.edges() {
            required_by.entry(to.name()).or_default().push(from.name());
        }
        let nodes: Vec<serde_json::Value> = self
            .nodes()
            .iter()
            .map(|gate| {
                let required_by = required_by.get(gate.name()).map_or(&[][..], Vec::as_slice);
                serde_json::json!({
                    "name": gate.name(),
                    "state": gate.state().as_str(),
                    "requires": gate.requires().map(Gate::name).collect::<Vec<_>>(),
                    "required_by": required_by,
                })
            })
            .collect();
        // `{:#}` is serde_json's pretty form, which cannot fail for a value.
        format!("{:#}\n", serde_json::Value::Array(nodes))
    }
}

/// One line per requirement, `A -> B`; with [`Graph::with_all`], a line
/// with the bare name for each unconnected gate.
impl fmt::Display for Graph {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for gate in self.nodes() {
            let mut requires = gate.requires().peekable();
            if requires.peek().is_none() {
                if self.all {
                    writeln!(f, "{}", gate.name())?;
                }
                continue;
            }
            for required in requires {
                writeln!(f, "{} -> {}", gate.name(), required.name())?;
            }
        }
        Ok(())
    }
}

/// Text inside a quoted Mermaid label: `"` and the characters of entity
/// codes and markup as `#code;`, line breaks and other controls as spaces.
struct Mermaid<'a>(&'a str);

impl fmt::Display for Mermaid<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("#quot;")?,
                '#' => f.write_str("#35;")?,
                '&' => f.write_str("#amp;")?,
                '<' => f.write_str("#lt;")?,
                '>' => f.write_str("#gt;")?,
                '`' => f.write_str("#96;")?,
                c if c.is_control() => f.write_char(' ')?,
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

/// Text inside a quoted DOT identifier: `"` and `\` escaped, controls as
/// spaces (DOT would take a raw line break as part of the name).
struct Dot<'a>(&'a str);

impl fmt::Display for Dot<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for c in self.0.chars() {
            match c {
                '"' => f.write_str("\\\"")?,
                '\\' => f.write_str("\\\\")?,
                c if c.is_control() => f.write_char(' ')?,
                c => f.write_char(c)?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::{Dot, Mermaid};

    #[test]
    fn labels_are_escaped() {
        assert_eq!(
            Mermaid("a\"b<c>#d&e`\n").to_string(),
            "a#quot;b#lt;c#gt;#35;d#amp;e#96; "
        );
        assert_eq!(Dot("a\"b\\c\nd").to_string(), "a\\\"b\\\\c d");
    }
}
