//! The requirement graph of a registry: each requirement resolved to a
//! position, checked for gates the registry lacks and for cycles, and the
//! gates that require others put in an order where requirements come first,
//! so that evaluation settles every gate after what it requires in one pass.

use super::RegistryProblem;
use super::name_index::Index;
use crate::Gate;

/// Marks a position not yet visited by the search for cycles.
const UNVISITED: u32 = u32::MAX;

/// The gates that require others, requirements first, each with the
/// positions of its requirements in declared order. Empty when no gate
/// requires another, so that evaluation pays nothing for the feature.
#[derive(Default)]
pub(crate) struct Requirements {
    /// `(position, start, end)`: the gate, and its requirements in `edges`.
    order: Box<[(u32, u32, u32)]>,
    edges: Box<[u32]>,
}

impl Requirements {
    /// The graph of `gates` (sorted by name, indexed by `index`), adding a
    /// problem for each requirement `gates` lacks and one per group of gates
    /// that require each other in a circle. Linear in gates plus
    /// requirements: one iterative depth-first search (Tarjan's), so no
    /// recursion however long a chain of requirements is.
    pub(super) fn new(
        gates: &[&'static Gate],
        index: &Index,
        problems: &mut Vec<RegistryProblem>,
    ) -> Requirements {
        if gates.iter().all(|g| g.requires().len() == 0) {
            return Requirements::default();
        }
        // The graph over every gate: `starts[i]..starts[i + 1]` in `edges`.
        let mut starts = Vec::with_capacity(gates.len() + 1);
        let mut edges = Vec::new();
        for &gate in gates {
            starts.push(edges.len() as u32);
            for required in gate.requires() {
                match resolve(gates, index, required) {
                    Some(position) => edges.push(position as u32),
                    None => problems.push(RegistryProblem::MissingRequirement {
                        gate,
                        requirement: required,
                    }),
                }
            }
        }
        starts.push(edges.len() as u32);
        let components = Components::find(&starts, &edges);
        let mut order = Vec::new();
        // Each as (its first gate's position, the problem), to report in
        // name order.
        let mut cycles = Vec::new();
        let mut scratch = Vec::new();
        let mut report = |component: &[u32]| {
            if scratch.is_empty() {
                scratch = vec![UNVISITED; gates.len()];
            }
            cycles.push(cycle(gates, &starts, &edges, component, &mut scratch));
        };
        for component in components.iter() {
            let &[position] = component else {
                report(component);
                continue;
            };
            let (start, end) = (starts[position as usize], starts[position as usize + 1]);
            if edges[start as usize..end as usize].contains(&position) {
                report(component);
            } else if start < end {
                order.push((position, start, end));
            }
        }
        cycles.sort_unstable_by_key(|&(first, _)| first);
        problems.extend(cycles.into_iter().map(|(_, problem)| problem));
        Requirements {
            order: order.into(),
            edges: edges.into(),
        }
    }

    /// Whether no gate requires another.
    pub(crate) fn is_empty(&self) -> bool {
        self.order.is_empty()
    }

    /// Each gate that requires others with the positions of its
    /// requirements, every gate after all it requires.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (usize, &[u32])> + '_ {
        self.order.iter().map(|&(position, start, end)| {
            (position as usize, &self.edges[start as usize..end as usize])
        })
    }
}

/// The position of `required` itself in `gates`, or `None` when `gates`
/// lacks it (another gate of its name does not count).
fn resolve(gates: &[&'static Gate], index: &Index, required: &Gate) -> Option<usize> {
    let found = index.get(gates, required.name())?;
    // Gates of one name (an error of their own) sit side by side.
    let name = required.name();
    let first = gates[..found]
        .iter()
        .rposition(|g| g.name() != name)
        .map_or(0, |i| i + 1);
    (first..gates.len())
        .take_while(|&i| gates[i].name() == name)
        .find(|&i| std::ptr::eq(gates[i], required))
}

/// The strongly connected components of a graph, each finished after every
/// component it reaches: requirements first.
struct Components {
    /// The members of each component, one component after another.
    members: Vec<u32>,
    /// Where each component ends in `members`.
    ends: Vec<u32>,
}

/// The state of Tarjan's algorithm, with an explicit stack of calls
/// `(node, next edge)` in place of recursion.
struct Tarjan<'a> {
    starts: &'a [u32],
    edges: &'a [u32],
    index: Vec<u32>,
    low: Vec<u32>,
    on_stack: Vec<bool>,
    stack: Vec<u32>,
    calls: Vec<(u32, u32)>,
    counter: u32,
}

impl Tarjan<'_> {
    fn visit(&mut self, v: u32) {
        let i = v as usize;
        self.index[i] = self.counter;
        self.low[i] = self.counter;
        self.counter += 1;
        self.stack.push(v);
        self.on_stack[i] = true;
        self.calls.push((v, self.starts[i]));
    }
}

impl Components {
    fn find(starts: &[u32], edges: &[u32]) -> Components {
        let n = starts.len() - 1;
        let mut t = Tarjan {
            starts,
            edges,
            index: vec![UNVISITED; n],
            low: vec![0; n],
            on_stack: vec![false; n],
            stack: Vec::new(),
            calls: Vec::new(),
            counter: 0,
        };
        let mut out = Components {
            members: Vec::with_capacity(n),
            ends: Vec::new(),
        };
        for root in 0..n {
            if t.index[root] != UNVISITED {
                continue;
            }
            t.visit(root as u32);
            while let Some(&(v, next)) = t.calls.last() {
                let v = v as usize;
                if next < t.starts[v + 1] {
                    let w = t.edges[next as usize];
                    if let Some(call) = t.calls.last_mut() {
                        call.1 += 1;
                    }
                    if t.index[w as usize] == UNVISITED {
                        t.visit(w);
                    } else if t.on_stack[w as usize] {
                        t.low[v] = t.low[v].min(t.index[w as usize]);
                    }
                    continue;
                }
                t.calls.pop();
                if let Some(&(parent, _)) = t.calls.last() {
                    let parent = parent as usize;
                    t.low[parent] = t.low[parent].min(t.low[v]);
                }
                if t.low[v] == t.index[v] {
                    while let Some(w) = t.stack.pop() {
                        t.on_stack[w as usize] = false;
                        out.members.push(w);
                        if w as usize == v {
                            break;
                        }
                    }
                    out.ends.push(out.members.len() as u32);
                }
            }
        }
        out
    }

    fn iter(&self) -> impl Iterator<Item = &[u32]> + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&end| {
            let component = &self.members[start as usize..end as usize];
            start = end;
            component
        })
    }
}

/// A cycle through the first gate (by name) of a component whose gates
/// require each other: the shortest, found breadth-first within it.
///
/// `parent` is scratch, one entry per gate, all `UNVISITED`, and left so:
/// the work is linear in the component, not in the registry.
fn cycle(
    gates: &[&'static Gate],
    starts: &[u32],
    edges: &[u32],
    component: &[u32],
    parent: &mut [u32],
) -> (u32, RegistryProblem) {
    let first = *component.iter().min().expect("components are not empty");
    for &member in component {
        // Members not yet reached; the others keep UNVISITED, outside.
        parent[member as usize] = UNVISITED - 1;
    }
    let mut queue = std::collections::VecDeque::from([first]);
    let mut last = first;
    'search: while let Some(v) = queue.pop_front() {
        for &w in &edges[starts[v as usize] as usize..starts[v as usize + 1] as usize] {
            if w == first {
                last = v;
                break 'search;
            }
            if parent[w as usize] == UNVISITED - 1 {
                parent[w as usize] = v;
                queue.push_back(w);
            }
        }
    }
    let mut path = vec![gates[last as usize]];
    let mut at = last;
    while at != first {
        at = parent[at as usize];
        path.push(gates[at as usize]);
    }
    path.reverse();
    for &member in component {
        parent[member as usize] = UNVISITED;
    }
    (first, RegistryProblem::Cycle { gates: path })
}
