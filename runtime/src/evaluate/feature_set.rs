//! [`FeatureSet`]: which gates of a registry are on, by which rule, and the
//! warnings; and the admission of a spec against it.

use std::fmt;

use crate::evaluate::per_arch::PerArch;
use crate::{ArchSet, FeatureGate, Gate, Registry, Rule, Version, Warning};

/// The outcome of evaluating a configuration over a registry: which of its
/// gates are on, which rule decided each, and the warnings.
///
/// A gate is on only if every gate it requires is on, transitively: code
/// checks its own gate only. A pin of [`override_gate`](crate::override_gate)
/// is the one exception: it sets exactly its gate, for a test.
///
/// With the `serde` feature it serializes as the state of every gate (name,
/// state, whether on, the rule that decided as a short stable name and as a
/// sentence) and the warnings: the body of an introspection endpoint.
///
/// Built by [`Registry::evaluate`]; [`activate`](crate::activate) makes one
/// the program's active configuration. Cloning copies a few bytes per gate
/// and shares the registry.
#[derive(Clone)]
pub struct FeatureSet {
    registry: Registry,
    emulated_version: Option<Version>,
    /// One per gate of `registry`, by position.
    on: Box<[bool]>,
    /// One per gate of `registry`, by position.
    rules: Box<[Rule]>,
    /// Where each gate is on, per evaluated architecture.
    per_arch: PerArch,
    warnings: Vec<Warning>,
}

impl FeatureSet {
    pub(crate) fn new(
        registry: Registry,
        emulated_version: Option<Version>,
        on: Box<[bool]>,
        rules: Box<[Rule]>,
        per_arch: PerArch,
        warnings: Vec<Warning>,
    ) -> FeatureSet {
        debug_assert!(
            on.iter()
                .zip(&per_arch.masks)
                .all(|(&on, &mask)| on == (mask != 0))
        );
        FeatureSet {
            registry,
            emulated_version,
            on,
            rules,
            per_arch,
            warnings,
        }
    }

    pub(crate) fn per_arch(&self) -> &PerArch {
        &self.per_arch
    }

    /// Every gate of `registry` at its state's default, with no warnings.
    pub(crate) fn defaults(registry: &Registry) -> FeatureSet {
        let (on, rules) = registry
            .iter()
            .map(|g| crate::evaluate::rule::decide(g.state(), 0, 0, 0))
            .unzip::<_, _, Vec<_>, Vec<_>>();
        // As `Options::default()` evaluates: for the architecture this
        // program is built for (the default policy turns nothing off).
        let current: ArchSet = crate::Arch::current().into_iter().collect();
        let per_arch = PerArch::whole(current, &on);
        let mut set = FeatureSet::new(
            registry.clone(),
            None,
            on.into(),
            rules.into(),
            per_arch,
            Vec::new(),
        );
        set.keep_requirements();
        set
    }

    /// This set moved onto `registry`: its gates keep their value and rule,
    /// the others get their state's default; the warnings stay.
    pub(crate) fn rebased(self, registry: &Registry) -> FeatureSet {
        if self.registry.same_table(registry) {
            return self;
        }
        let mut set = FeatureSet::defaults(registry);
        let evaluated = self.per_arch.evaluated;
        let mut per_arch = PerArch::whole(evaluated, &set.on);
        for (i, gate) in registry.iter().enumerate() {
            if let Some(mine) = self.position_of(gate) {
                set.on[i] = self.on[mine];
                set.rules[i] = self.rules[mine];
                per_arch.masks[i] = self.per_arch.masks[mine];
                if let Some(rule) = self.per_arch.partial_rule(mine) {
                    per_arch.partial.push((i, rule));
                }
            }
        }
        per_arch.partial.sort_unstable_by_key(|&(p, _)| p);
        set.per_arch = per_arch;
        set.warnings = self.warnings;
        set.emulated_version = self.emulated_version;
        set.keep_requirements();
        set
    }

    /// Turns off every gate on whose requirement is off, requirements
    /// first: for sets not built by evaluation, where a gate's default may
    /// stand beside a requirement another registry's evaluation turned off.
    fn keep_requirements(&mut self) {
        for (position, requires) in self.registry.requirements().iter() {
            if !self.on[position] {
                continue;
            }
            let masks = &self.per_arch.masks;
            let need = requires
                .iter()
                .fold(masks[position], |mask, &r| mask & masks[r as usize]);
            if need == masks[position] {
                continue;
            }
            let Some(&missing) = requires
                .iter()
                .find(|&&r| masks[r as usize] & masks[position] != masks[position])
            else {
                continue;
            };
            let rule = Rule::MissingRequirement {
                requirement: self.registry.at(missing as usize),
            };
            if need == 0 {
                self.on[position] = false;
                self.rules[position] = rule;
                self.per_arch.set_whole(position, false);
            } else {
                self.per_arch.masks[position] = need;
                match self
                    .per_arch
                    .partial
                    .binary_search_by_key(&position, |&(p, _)| p)
                {
                    Ok(i) => self.per_arch.partial[i].1 = rule,
                    Err(i) => self.per_arch.partial.insert(i, (position, rule)),
                }
            }
        }
    }

    /// Pins the gate at `position` on or off.
    pub(crate) fn pin(&mut self, position: usize, enabled: bool) {
        self.on[position] = enabled;
        self.rules[position] = Rule::Override { enabled };
        self.per_arch.set_whole(position, enabled);
    }

    /// Whether the gate called `name` is on: in a cluster evaluation, on for
    /// at least one of the evaluated architectures ([`FeatureSet::archs`]
    /// says which); `false` for a name this set's registry does not know.
    #[must_use]
    pub fn is_enabled(&self, name: &str) -> bool {
        self.registry.position(name).is_some_and(|i| self.on[i])
    }

    /// Whether the gate of `T` is on (for at least one evaluated
    /// architecture; [`FeatureSet::is_on`] asks about one); `false` when
    /// this set's registry does not hold it.
    #[must_use]
    pub fn is<T: FeatureGate>(&self) -> bool {
        self.get(T::GATE) == Some(true)
    }

    /// Whether `gate` is on, or `None` when this set's registry does not hold it.
    #[must_use]
    pub fn get(&self, gate: &Gate) -> Option<bool> {
        self.position_of(gate).map(|i| self.on[i])
    }

    /// The rule that decided the gate called `name`, or `None` when this
    /// set's registry does not know the name.
    #[must_use]
    pub fn rule(&self, name: &str) -> Option<Rule> {
        self.registry.position(name).map(|i| self.rules[i])
    }

    pub(crate) fn rule_at(&self, position: usize) -> Rule {
        self.rules[position]
    }

    pub(crate) fn position_of(&self, gate: &Gate) -> Option<usize> {
        self.registry.position_of(gate)
    }

    pub(crate) fn by_position(&self) -> &[bool] {
        &self.on
    }

    /// The enabled gates, in name order.
    pub fn enabled(&self) -> impl Iterator<Item = &'static Gate> + '_ {
        self.iter().filter_map(|(gate, on)| on.then_some(gate))
    }

    /// The gates that are off, in name order.
    pub fn disabled(&self) -> impl Iterator<Item = &'static Gate> + '_ {
        self.iter().filter_map(|(gate, on)| (!on).then_some(gate))
    }

    /// Every gate of the registry with whether it is on, in name order.
    #[must_use]
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&'static Gate, bool)> + '_ {
        self.registry.iter().zip(self.on.iter().copied())
    }

    /// The warnings of the evaluation: first those about names, the enabled
    /// list's in order and then the disabled list's, then those about
    /// architecture support, in gate name order, then the gates turned off
    /// because a requirement is off, in gate name order. At most 100 of one
    /// kind; a [`Warning::More`] counts the rest.
    #[must_use]
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The release this set emulates ([`Options::emulated_version`](crate::Options::emulated_version)),
    /// or `None` for today's.
    #[must_use]
    pub fn emulated_version(&self) -> Option<Version> {
        self.emulated_version
    }

    /// The registry this set was evaluated over.
    #[must_use]
    pub fn registry(&self) -> &Registry {
        &self.registry
    }
}

impl fmt::Debug for FeatureSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        struct Names<'a>(&'a FeatureSet);
        impl fmt::Debug for Names<'_> {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_list()
                    .entries(self.0.enabled().map(Gate::name))
                    .finish()
            }
        }
        f.debug_struct("FeatureSet")
            .field("enabled", &Names(self))
            .field("warnings", &self.warnings)
            .finish_non_exhaustive()
    }
}
