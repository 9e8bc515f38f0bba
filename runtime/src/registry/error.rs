//! [`RegistryError`]: why a set of gates cannot be a registry, every reason
//! at once.

use std::error::Error;
use std::fmt;

use crate::{Gate, Location};

/// Why [`Registry::new`](crate::Registry::new) (or [`registry()`](crate::registry))
/// refused a set of gates: every problem found, one per line in `Display`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RegistryError {
    problems: Vec<RegistryProblem>,
}

impl RegistryError {
    pub(crate) fn new(problems: Vec<RegistryProblem>) -> RegistryError {
        RegistryError { problems }
    }

    /// Every problem: the names declared twice, then the requirements the
    /// gates lack, then the cycles, each kind in gate name order.
    #[must_use = "the problems are the reason for the error"]
    pub fn problems(&self) -> impl ExactSizeIterator<Item = &RegistryProblem> + '_ {
        self.problems.iter()
    }
}

impl fmt::Display for RegistryError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        crate::text::one_per_line::write_lines(f, &self.problems)
    }
}

impl Error for RegistryError {}

/// One reason a set of gates cannot be a registry.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum RegistryProblem {
    /// Two declarations of one gate name (three declarations give two of
    /// these, each against its neighbour in source order).
    Duplicate {
        /// The name both declare.
        name: &'static str,
        /// One declaration, the earlier in source order.
        first: Location,
        /// The other.
        second: Location,
    },
    /// A gate whose requirement is not among the registry's gates (a
    /// private registry built from some gates only).
    MissingRequirement {
        /// The gate.
        gate: &'static Gate,
        /// What it requires and the registry lacks.
        requirement: &'static Gate,
    },
    /// Gates that require each other in a circle: each requires the next,
    /// and the last the first. One cycle per group of gates that reach
    /// each other, starting at the group's first gate by name.
    Cycle {
        /// The gates of the cycle, in order, the first not repeated at the end.
        gates: Vec<&'static Gate>,
    },
}

impl RegistryProblem {
    pub(crate) fn duplicate(a: &'static Gate, b: &'static Gate) -> RegistryProblem {
        let (mut first, mut second) = (a.location(), b.location());
        // Report in source order so the message is the same on every run.
        if (second.file, second.line) < (first.file, first.line) {
            std::mem::swap(&mut first, &mut second);
        }
        RegistryProblem::Duplicate {
            name: a.name(),
            first,
            second,
        }
    }

    /// The gate name the problem is about.
    #[must_use]
    pub fn name(&self) -> &'static str {
        match self {
            RegistryProblem::Duplicate { name, .. } => name,
            RegistryProblem::MissingRequirement { gate, .. } => gate.name(),
            RegistryProblem::Cycle { gates } => gates.first().map_or("", |g| g.name()),
        }
    }
}

impl fmt::Display for RegistryProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            RegistryProblem::Duplicate {
                name,
                first,
                second,
            } => write!(
                f,
                "feature gate `{name}` is declared twice: at {first} and at {second}; \
                 rename one with `name = \"...\"`"
            ),
            RegistryProblem::MissingRequirement { gate, requirement } => write!(
                f,
                "feature gate `{gate}` (at {}) requires `{requirement}` (at {}), which is not \
                 among the registry's gates; build the registry with both",
                gate.location(),
                requirement.location()
            ),
            RegistryProblem::Cycle { gates } => {
                f.write_str("feature gates require each other in a cycle, ")?;
                for gate in gates {
                    write!(f, "{gate} -> ")?;
                }
                write!(f, "{}:", gates.first().map_or("", |g| g.name()))?;
                for (i, gate) in gates.iter().enumerate() {
                    let sep = if i == 0 { " " } else { ", " };
                    write!(f, "{sep}{gate} at {}", gate.location())?;
                }
                f.write_str("; remove one of these requirements")
            }
        }
    }
}
