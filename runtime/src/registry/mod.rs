//! Every gate of the program, collected through `inventory`, and private
//! registries built from any gates.
//!
//! [`Registry`] is the hub every stage hangs its questions on, so its
//! methods live with the stage that answers them:
//!
//! - here: building (`new`, [`registry()`]), lookup (`get`, `iter`,
//!   `suggest`), requirements (`required_by`, in `requirements.rs`) and the
//!   lifecycle lint (`lint`, in `lifecycle.rs`);
//! - `evaluate/`: `evaluate` (`mod.rs`, `requirements.rs`) and `used_by`
//!   (`admission.rs`);
//! - `report/`: `matrix`, `coverage`, `parity`, `graph`;
//! - `evidence/`: `assess` (feature `evidence`).

mod error;
mod lifecycle;
mod missing_history;
mod name_index;
mod requirement_graph;
mod requirements;
#[cfg(test)]
mod tests;

use std::fmt;
use std::sync::{Arc, OnceLock};

pub use error::{RegistryError, RegistryProblem};
pub use lifecycle::{Finding, LifecyclePolicy, Remedy};
pub use missing_history::MissingHistory;

use crate::Gate;
use crate::gate::Registered;
use name_index::Index;
use requirement_graph::Requirements;

/// A set of gates with unique names, sorted by name.
///
/// The program's own is [`registry()`]; [`Registry::new`] builds one from any
/// gates (tests, embedders). Cloning is cheap (the table is shared).
#[derive(Clone)]
pub struct Registry {
    table: Arc<Table>,
}

/// The shared table; feature sets evaluated over a registry keep it alive.
struct Table {
    gates: Box<[&'static Gate]>,
    index: Index,
    /// The names lowercased, one after another, for suggestions: built on
    /// the first one asked for, so building a registry never pays for it.
    folded: OnceLock<crate::text::suggest::Folded>,
    requirements: Requirements,
}

impl Registry {
    /// Builds a registry from `gates`. The same gate given twice counts once.
    /// The error lists every problem at once: two gates with one name
    /// (naming both declarations), a gate whose requirement is not among
    /// `gates`, gates that require each other in a cycle (`A -> B -> A`,
    /// with where each is declared).
    pub fn new(gates: impl IntoIterator<Item = &'static Gate>) -> Result<Registry, RegistryError> {
        // Sorting dominates the build, so it sorts by an integer: each name's
        // first sixteen bytes, which compare as the names do. Only runs of
        // equal keys (rare) are then sorted by name, and by address so that the
        // same gate given twice ends up adjacent (4x faster than sorting by
        // name over 1,000 gates; see BENCHMARKS.md).
        let mut keyed: Vec<(u128, &'static Gate)> =
            gates.into_iter().map(|g| (key(g.name()), g)).collect();
        keyed.sort_unstable_by_key(|&(key, _)| key);
        for run in keyed.chunk_by_mut(|a, b| a.0 == b.0) {
            if run.len() > 1 {
                run.sort_unstable_by(|(_, a), (_, b)| {
                    a.name()
                        .cmp(b.name())
                        .then_with(|| address(a).cmp(&address(b)))
                });
            }
        }
        keyed.dedup_by(|a, b| std::ptr::eq(a.1, b.1));
        let mut problems: Vec<RegistryProblem> = keyed
            .windows(2)
            .filter(|w| w[0].0 == w[1].0 && w[0].1.name() == w[1].1.name())
            .map(|w| RegistryProblem::duplicate(w[0].1, w[1].1))
            .collect();
        let gates: Box<[&'static Gate]> = keyed.into_iter().map(|(_, gate)| gate).collect();
        let index = Index::new(&gates);
        let requirements = Requirements::new(&gates, &index, &mut problems);
        if !problems.is_empty() {
            return Err(RegistryError::new(problems));
        }
        Ok(Registry {
            table: Arc::new(Table {
                gates,
                index,
                folded: OnceLock::new(),
                requirements,
            }),
        })
    }

    /// The gates, sorted by name.
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = &'static Gate> + '_ {
        self.table.gates.iter().copied()
    }

    /// How many gates there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.table.gates.len()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.table.gates.is_empty()
    }

    /// The gate called `name` (exact, case-sensitive, as configurations are).
    #[must_use]
    pub fn get(&self, name: &str) -> Option<&'static Gate> {
        self.position(name).map(|i| self.table.gates[i])
    }

    /// Whether `gate` is this registry's gate of that name.
    #[must_use]
    pub fn contains(&self, gate: &Gate) -> bool {
        self.get(gate.name()).is_some_and(|g| std::ptr::eq(g, gate))
    }

    /// The known name closest to `name`, for "did you mean" messages: the
    /// name itself when a gate has it, then a name equal but for ASCII
    /// case, then the most similar (Jaro-Winkler above 0.8).
    ///
    /// Bounded on hostile input: a name over 128 bytes, which no gate has,
    /// gets `None` at once, and a search that would compare more than a
    /// couple of thousand look-alike names in full gives up with `None`.
    ///
    /// ```
    /// # use featuregate::{Registry, State};
    /// # let gate = |name: &str| featuregate::__private::leaked_gate(name, State::Beta);
    /// let registry = Registry::new([gate("CaseGate"), gate("CASEGATE"), gate("Snapshot")])?;
    /// assert_eq!(registry.suggest("CaseGate"), Some("CaseGate"));
    /// assert_eq!(registry.suggest("snapshot"), Some("Snapshot"));
    /// assert_eq!(registry.suggest("Snapshots"), Some("Snapshot"));
    /// assert_eq!(registry.suggest(&"Snapshot".repeat(100)), None);
    /// # Ok::<(), featuregate::RegistryError>(())
    /// ```
    #[must_use]
    pub fn suggest(&self, name: &str) -> Option<&'static str> {
        if name.len() > crate::vocab::name::MAX_LEN {
            return None;
        }
        if let Some(position) = self.position(name) {
            return Some(self.table.gates[position].name());
        }
        let folded = self
            .table
            .folded
            .get_or_init(|| crate::text::suggest::Folded::new(self.iter().map(Gate::name)));
        folded
            .closest(name)
            .and_then(|i| self.table.gates.get(i))
            .map(|gate| gate.name())
    }

    /// The position of the gate called `name` in [`Registry::iter`]'s order.
    pub(crate) fn position(&self, name: &str) -> Option<usize> {
        self.table.index.get(&self.table.gates, name)
    }

    /// The position of `gate` itself (not another gate of its name).
    pub(crate) fn position_of(&self, gate: &Gate) -> Option<usize> {
        self.position(gate.name())
            .filter(|&i| std::ptr::eq(self.table.gates[i], gate))
    }

    /// The gate at `position` in [`Registry::iter`]'s order.
    pub(crate) fn at(&self, position: usize) -> &'static Gate {
        self.table.gates[position]
    }

    /// The gates that require others, every one after all it requires.
    pub(crate) fn requirements(&self) -> &Requirements {
        &self.table.requirements
    }

    /// Whether both are the same registry (one shared table), so that
    /// positions in one are positions in the other.
    pub(crate) fn same_table(&self, other: &Registry) -> bool {
        Arc::ptr_eq(&self.table, &other.table)
    }
}

impl fmt::Debug for Registry {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_list().entries(self.iter().map(Gate::name)).finish()
    }
}

impl<'a> IntoIterator for &'a Registry {
    type Item = &'static Gate;
    type IntoIter = std::iter::Copied<std::slice::Iter<'a, &'static Gate>>;

    fn into_iter(self) -> Self::IntoIter {
        self.table.gates.iter().copied()
    }
}

/// The first sixteen bytes of `name`, zero-padded, as a big-endian integer:
/// integers compare as the names do, except that equal keys tie.
#[inline]
fn key(name: &str) -> u128 {
    let mut bytes = [0; 16];
    match name.as_bytes().first_chunk::<16>() {
        Some(first) => bytes = *first,
        // Byte by byte: `copy_from_slice` of a variable length costs a `memcpy` call.
        None => name
            .bytes()
            .zip(&mut bytes)
            .for_each(|(byte, slot)| *slot = byte),
    }
    u128::from_be_bytes(bytes)
}

fn address(gate: &Gate) -> usize {
    std::ptr::from_ref(gate) as usize
}

/// Every gate of every crate linked into the program, sorted by name.
///
/// # Panics
/// When two gates share a name or gates require each other in a cycle,
/// with the message of the [`RegistryError`]:
/// a program with conflicting gates must not start, as a Kubernetes binary
/// does not. The first test that touches the registry catches it.
/// [`try_registry`] is the same without the panic.
#[must_use]
pub fn registry() -> &'static Registry {
    match try_registry() {
        Ok(registry) => registry,
        Err(error) => panic!("{error}"),
    }
}

/// Every gate of every crate linked into the program, sorted by name, or
/// every reason it cannot be built (for a program that reports them its own
/// way, as the CLI does).
pub fn try_registry() -> Result<&'static Registry, &'static RegistryError> {
    static REGISTRY: OnceLock<Result<Registry, RegistryError>> = OnceLock::new();
    REGISTRY
        .get_or_init(|| Registry::new(inventory::iter::<Registered>.into_iter().map(|r| r.0)))
        .as_ref()
}
