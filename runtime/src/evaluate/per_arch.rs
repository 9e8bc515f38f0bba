//! Where each gate of a [`FeatureSet`] is on: one answer per evaluated
//! architecture (SPEC section 14), and the questions a cluster-wide
//! controller asks of it.

use crate::{Arch, ArchSet, FeatureGate, FeatureSet, Rule};

/// The bit a gate carries when no architecture was evaluated (a target
/// [`Arch::current`] does not know): the rules alone decide, and the gate
/// is on or off as a whole.
pub(crate) const ANY: u8 = 1 << 7;

/// The bits of a gate on everywhere evaluated.
pub(crate) const fn universe(evaluated: ArchSet) -> u8 {
    if evaluated.is_empty() {
        ANY
    } else {
        evaluated.bits()
    }
}

/// Per gate, where it is on; and for a gate on somewhere but not
/// everywhere, the rule that turned it off on the rest.
#[derive(Clone, Debug)]
pub(crate) struct PerArch {
    /// The evaluated architectures (`Options::archs`, each once).
    pub(crate) evaluated: ArchSet,
    /// One per gate, by position: the bits of the architectures where it is
    /// on ([`ANY`] alone when none was evaluated). Never anything outside
    /// [`universe`] of `evaluated`.
    pub(crate) masks: Box<[u8]>,
    /// The gates on on some evaluated architectures and off on others, by
    /// position, ascending, each with the rule that turned it off there
    /// (`ArchPolicy` or `MissingRequirement`).
    pub(crate) partial: Vec<(usize, Rule)>,
}

impl PerArch {
    /// Every gate on everywhere (`true`) or nowhere, by `on`.
    pub(crate) fn whole(evaluated: ArchSet, on: &[bool]) -> PerArch {
        let all = universe(evaluated);
        PerArch {
            evaluated,
            masks: on.iter().map(|&on| if on { all } else { 0 }).collect(),
            partial: Vec::new(),
        }
    }

    /// The rule that turned the gate at `position` off on some evaluated
    /// architectures while it is on on others.
    pub(crate) fn partial_rule(&self, position: usize) -> Option<Rule> {
        self.partial
            .binary_search_by_key(&position, |&(p, _)| p)
            .ok()
            .map(|i| self.partial[i].1)
    }

    /// Sets the gate at `position` on everywhere or nowhere.
    pub(crate) fn set_whole(&mut self, position: usize, on: bool) {
        self.masks[position] = if on { universe(self.evaluated) } else { 0 };
        if let Ok(i) = self.partial.binary_search_by_key(&position, |&(p, _)| p) {
            self.partial.remove(i);
        }
    }
}

impl FeatureSet {
    /// The architectures evaluated ([`Options::archs`](crate::Options::archs));
    /// empty when the target was none this crate knows.
    #[must_use]
    pub fn evaluated_archs(&self) -> ArchSet {
        self.per_arch().evaluated
    }

    /// Where the gate called `name` is on: a subset of the evaluated
    /// architectures ([`FeatureSet::evaluated_archs`]). Empty for a name this
    /// set's registry does not know, and for every gate when no architecture
    /// was evaluated.
    ///
    /// ```standalone_crate
    /// use featuregate::{Action, Arch, ArchPolicy, GateConfig, Options, feature_gate, registry};
    ///
    /// #[feature_gate(state = Alpha, amd64 = Supported, arm64 = Unsupported, s390x = Unsupported)]
    /// pub struct WorkloadEncryptionSev;
    ///
    /// let disable = ArchPolicy { unsupported: Action::Disable, ..ArchPolicy::default() };
    /// let cluster = Options::default()
    ///     .with_archs([Arch::Amd64, Arch::Arm64, Arch::S390x])
    ///     .with_policy(disable);
    /// let set = registry().evaluate(&GateConfig::parse("WorkloadEncryptionSev=true")?, &cluster)?;
    /// assert_eq!(set.archs("WorkloadEncryptionSev").to_string(), "amd64");
    /// assert!(set.is_enabled("WorkloadEncryptionSev")); // on for some architecture
    /// assert!(!set.is_enabled_on("WorkloadEncryptionSev", Arch::S390x));
    /// assert!(set.is_on::<WorkloadEncryptionSev>(Arch::Amd64));
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn archs(&self, name: &str) -> ArchSet {
        self.registry()
            .position(name)
            .map_or(ArchSet::EMPTY, |i| self.archs_at(i))
    }

    /// Whether the gate called `name` is on for `arch`: `false` for a name
    /// this set's registry does not know, and for an architecture that was
    /// not evaluated.
    #[must_use]
    pub fn is_enabled_on(&self, name: &str, arch: Arch) -> bool {
        self.archs(name).contains(arch)
    }

    /// Whether the gate of `T` is on for `arch`; `false` when this set's
    /// registry does not hold it or `arch` was not evaluated.
    #[must_use]
    pub fn is_on<T: FeatureGate>(&self, arch: Arch) -> bool {
        self.position_of(T::GATE)
            .is_some_and(|i| self.archs_at(i).contains(arch))
    }

    /// Where the gate at `position` is on.
    pub(crate) fn archs_at(&self, position: usize) -> ArchSet {
        ArchSet::from_bits(self.per_arch().masks[position])
    }
}
