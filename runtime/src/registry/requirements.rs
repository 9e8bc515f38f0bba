//! Requirements between gates: a gate that needs another, declared with
//! `requires = [A, path::B]`, so that code checks only its own gate.
//!
//! The declaring crate checks each requirement at compile time (see
//! `gate/requirement_checks.rs`); the registry answers the reverse question, which gates
//! require a given one.

use crate::{Gate, Registry};

impl Registry {
    /// The gates of this registry that require `gate`, by name: an iterator
    /// that knows its length, as [`Gate::requires`] is.
    ///
    /// A scan of the registry: linear in its size and in the number of
    /// requirements (a thousand gates take microseconds); a report that
    /// asks for every gate pays that per gate.
    ///
    /// ```standalone_crate
    /// use featuregate::{FeatureGate, feature_gate, registry};
    ///
    /// #[feature_gate(state = Alpha, name = "IOMMUFD")]
    /// pub struct Iommufd;
    ///
    /// #[feature_gate(state = Alpha, requires = Iommufd)]
    /// pub struct GraceIoVirtualization;
    ///
    /// let requires: Vec<_> = GraceIoVirtualization::GATE.requires().map(|g| g.name()).collect();
    /// assert_eq!(requires, ["IOMMUFD"]);
    /// let required_by: Vec<_> = registry().required_by(Iommufd::GATE).map(|g| g.name()).collect();
    /// assert_eq!(required_by, ["GraceIoVirtualization"]);
    /// ```
    #[must_use]
    pub fn required_by(&self, gate: &Gate) -> std::vec::IntoIter<&'static Gate> {
        self.iter()
            .filter(|candidate| candidate.requires().any(|required| required == gate))
            .collect::<Vec<_>>()
            .into_iter()
    }
}
