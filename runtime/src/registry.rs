//! Every gate of the program, collected through `inventory`, and private
//! registries built from any gates.

mod index;
#[cfg(test)]
mod tests;

use std::error::Error;
use std::fmt;
use std::sync::{Arc, OnceLock};

use crate::gate::Registered;
use crate::{Gate, Location};
use index::Index;

/// A set of gates with unique names, sorted by name.
///
/// The program's own is [`registry()`]; [`Registry::new`] builds one from any
/// gates (tests, embedders). Cloning is cheap (the table is shared).
#[derive(Clone)]
pub struct Registry {
    table: Arc<Table>,
}

/// The shared table; feature sets evaluated over a registry keep it alive.
pub(crate) struct Table {
    gates: Box<[&'static Gate]>,
    index: Index,
}

impl Table {
    pub(crate) fn gates(&self) -> &[&'static Gate] {
        &self.gates
    }

    pub(crate) fn position(&self, name: &str) -> Option<usize> {
        self.index.get(&self.gates, name)
    }
}

impl Registry {
    /// Builds a registry from `gates`. The same gate given twice counts once;
    /// two gates with one name are an error naming both declarations.
    pub fn new(gates: impl IntoIterator<Item = &'static Gate>) -> Result<Registry, DuplicateGate> {
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
        if let Some(pair) = keyed
            .windows(2)
            .find(|w| w[0].0 == w[1].0 && w[0].1.name() == w[1].1.name())
        {
            return Err(DuplicateGate::new(pair[0].1, pair[1].1));
        }
        let gates: Box<[&'static Gate]> = keyed.into_iter().map(|(_, gate)| gate).collect();
        let index = Index::new(&gates);
        Ok(Registry {
            table: Arc::new(Table { gates, index }),
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
        self.table.position(name).map(|i| self.table.gates[i])
    }

    /// Whether `gate` is this registry's gate of that name.
    #[must_use]
    pub fn contains(&self, gate: &Gate) -> bool {
        self.get(gate.name()).is_some_and(|g| std::ptr::eq(g, gate))
    }

    /// The known name closest to `name`, for "did you mean" messages.
    #[must_use]
    pub fn suggest(&self, name: &str) -> Option<&'static str> {
        crate::spelling::closest(name, self.iter().map(Gate::name))
    }

    pub(crate) fn table(&self) -> &Arc<Table> {
        &self.table
    }

    /// The registry of a shared table (a feature set's).
    pub(crate) fn from_table(table: Arc<Table>) -> Registry {
        Registry { table }
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
/// When two gates share a name, with the message of [`DuplicateGate`]: a
/// program with conflicting gates must not start, as a Kubernetes binary does
/// not. The first test that touches the registry catches it.
pub fn registry() -> &'static Registry {
    static REGISTRY: OnceLock<Registry> = OnceLock::new();
    REGISTRY.get_or_init(|| {
        match Registry::new(inventory::iter::<Registered>.into_iter().map(|r| r.0)) {
            Ok(registry) => registry,
            Err(duplicate) => panic!("{duplicate}"),
        }
    })
}

/// Two declarations of one gate name.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DuplicateGate {
    /// The name both declare.
    pub name: &'static str,
    /// One declaration.
    pub first: Location,
    /// The other.
    pub second: Location,
}

impl DuplicateGate {
    fn new(a: &Gate, b: &Gate) -> DuplicateGate {
        let (mut first, mut second) = (a.location(), b.location());
        // Report in source order so the message is the same on every run.
        if (second.file, second.line) < (first.file, first.line) {
            std::mem::swap(&mut first, &mut second);
        }
        DuplicateGate {
            name: a.name(),
            first,
            second,
        }
    }
}

impl fmt::Display for DuplicateGate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "feature gate `{}` is declared twice: at {} and at {}; rename one with `name = \"...\"`",
            self.name, self.first, self.second
        )
    }
}

impl Error for DuplicateGate {}
