//! Applying a [`GateConfig`] to a registry: `KubeVirt`'s rules, the
//! per-architecture policy, the resulting [`FeatureSet`], its warnings and
//! the spec checks.

use std::any::Any;
use std::collections::HashMap;
use std::fmt;
use std::sync::Arc;

use crate::registry::Table;
use crate::spelling::vocabulary;
use crate::{Arch, ConfigError, FeatureGate, Gate, GateConfig, Registry, State, Support};

/// The meta names: every Alpha, every Beta gate.
const ALL_ALPHA: &str = "AllAlpha";
const ALL_BETA: &str = "AllBeta";

/// How a configuration is evaluated: for which architectures, under which
/// policy, and whether unknown names are errors.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Options {
    /// The architectures the program runs on; several for a cluster whose
    /// nodes differ. Default: [`Arch::current()`] (none if it is not one of ours).
    pub archs: Vec<Arch>,
    /// What to do when an enabled gate is not Supported on one of `archs`.
    pub policy: ArchPolicy,
    /// Whether an unknown name is an error rather than a warning.
    pub strict: bool,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            archs: Arch::current().into_iter().collect(),
            policy: ArchPolicy::default(),
            strict: false,
        }
    }
}

impl Options {
    /// These options with `archs` as the target architectures.
    #[must_use]
    pub fn with_archs(mut self, archs: impl IntoIterator<Item = Arch>) -> Options {
        self.archs = archs.into_iter().collect();
        self
    }

    /// These options with `policy`.
    #[must_use]
    pub fn with_policy(mut self, policy: ArchPolicy) -> Options {
        self.policy = policy;
        self
    }

    /// These options, strict or not about unknown names.
    #[must_use]
    pub fn with_strict(mut self, strict: bool) -> Options {
        self.strict = strict;
        self
    }
}

vocabulary! {
    /// What evaluation does when an enabled gate has a given status on a
    /// target architecture. Ordered from the mildest.
    Action, "action" {
        /// Nothing.
        Allow = "Allow",
        /// A [`Warning::ArchSupport`].
        Warn = "Warn",
        /// A [`ConfigError::ArchDenied`]: the configuration is refused.
        Deny = "Deny",
    }
}

/// The [`Action`] for each status an enabled gate can have on a target
/// architecture other than Supported (which is always allowed).
///
/// The default, Warn, Warn, Warn, Allow, informs without refusing anything
/// (`KubeVirt`'s per-architecture design asks for warnings). The policy judges
/// the gates a configuration can switch: enabled Alpha, Beta and Deprecated
/// gates, not GA ones, which are always on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArchPolicy {
    /// For [`Support::Unsupported`].
    pub unsupported: Action,
    /// For [`Support::Pending`].
    pub pending: Action,
    /// For [`Support::Unverified`].
    pub unverified: Action,
    /// For an architecture the declaration does not name.
    pub unspecified: Action,
}

impl Default for ArchPolicy {
    fn default() -> ArchPolicy {
        ArchPolicy {
            unsupported: Action::Warn,
            pending: Action::Warn,
            unverified: Action::Warn,
            unspecified: Action::Allow,
        }
    }
}

impl ArchPolicy {
    /// The policy's verdict on an enabled gate over the target architectures
    /// (each at most once, in `Arch` order): a warning naming every one whose
    /// status the policy warns about when the worst action is Warn, an error
    /// naming the denied ones when it is Deny. Architectures whose status the
    /// policy allows (by default, unspecified ones) are not named.
    fn check(self, gate: &'static Gate, targets: &[Arch]) -> Result<Option<Warning>, ConfigError> {
        let (mut worst, mut denied, mut warned) = (
            Action::Allow,
            ArchStatuses::default(),
            ArchStatuses::default(),
        );
        for &arch in targets {
            let support = gate.support(arch);
            match self.action(support) {
                Action::Allow => {}
                Action::Warn => warned.insert(arch, support),
                Action::Deny => denied.insert(arch, support),
            }
            worst = worst.max(self.action(support));
        }
        match worst {
            Action::Deny => Err(ConfigError::ArchDenied {
                gate,
                archs: denied,
            }),
            Action::Warn => Ok(Some(Warning::ArchSupport {
                gate,
                archs: warned,
            })),
            Action::Allow => Ok(None),
        }
    }

    /// The same action for every status.
    #[must_use]
    pub const fn uniform(action: Action) -> ArchPolicy {
        ArchPolicy {
            unsupported: action,
            pending: action,
            unverified: action,
            unspecified: action,
        }
    }

    /// The action for a status (`None`: unspecified).
    #[must_use]
    pub const fn action(self, support: Option<Support>) -> Action {
        match support {
            Some(Support::Supported) => Action::Allow,
            Some(Support::Pending) => self.pending,
            Some(Support::Unsupported) => self.unsupported,
            Some(Support::Unverified) => self.unverified,
            None => self.unspecified,
        }
    }
}

/// Some architectures, each with a gate's status there (`None`:
/// unspecified), in [`Arch`] order. Small and `Copy`: evaluation builds one
/// per warned gate without allocating.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ArchStatuses {
    /// Bit `i` set: `Arch::ALL[i]` is present.
    present: u8,
    support: [Option<Support>; Arch::ALL.len()],
}

impl ArchStatuses {
    fn insert(&mut self, arch: Arch, support: Option<Support>) {
        self.present |= 1 << arch.index();
        self.support[arch.index()] = support;
    }

    /// The status on `arch`: `None` when `arch` is not among these,
    /// `Some(None)` when it is and the gate leaves it unspecified.
    #[must_use]
    pub fn get(&self, arch: Arch) -> Option<Option<Support>> {
        self.contains(arch).then(|| self.support[arch.index()])
    }

    /// Whether `arch` is among these.
    #[must_use]
    pub fn contains(&self, arch: Arch) -> bool {
        self.present & (1 << arch.index()) != 0
    }

    /// How many architectures there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.present.count_ones() as usize
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.present == 0
    }

    /// The architectures with their statuses, in [`Arch`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Arch, Option<Support>)> + '_ {
        self.archs().map(|a| (a, self.support[a.index()]))
    }

    /// The architectures, in [`Arch`] order.
    pub fn archs(&self) -> impl Iterator<Item = Arch> + '_ {
        Arch::ALL.into_iter().filter(|&a| self.contains(a))
    }
}

impl fmt::Debug for ArchStatuses {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.archs().map(|a| (a, self.support[a.index()])))
            .finish()
    }
}

/// `arm64 (Unverified), s390x (unspecified)`.
impl fmt::Display for ArchStatuses {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, arch) in self.archs().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            match self.support[arch.index()] {
                Some(support) => write!(f, "{arch} ({support})")?,
                None => write!(f, "{arch} (unspecified)")?,
            }
        }
        Ok(())
    }
}

/// Something surprising in a configuration that does not refuse it.
///
/// `Display` names the gate (and the architectures) in a non-empty message.
#[derive(Debug, Clone, PartialEq, Eq)]
#[non_exhaustive]
pub enum Warning {
    /// A GA gate listed as disabled: it stays on.
    GaDisabled {
        /// The gate.
        gate: &'static Gate,
    },
    /// A GA gate listed as enabled: redundant, it is always on.
    GaEnabled {
        /// The gate.
        gate: &'static Gate,
    },
    /// A Discontinued gate listed as enabled: it stays off.
    DiscontinuedEnabled {
        /// The gate.
        gate: &'static Gate,
    },
    /// A Deprecated gate enabled.
    DeprecatedEnabled {
        /// The gate.
        gate: &'static Gate,
    },
    /// A name no gate has: it enables (or disables) nothing.
    UnknownGate {
        /// The name.
        name: String,
        /// The closest known name.
        suggestion: Option<&'static str>,
    },
    /// An enabled gate that is not Supported on some target architectures,
    /// where the [`ArchPolicy`] warns for at least one of them.
    ArchSupport {
        /// The gate.
        gate: &'static Gate,
        /// Every target architecture where the gate is not Supported, with
        /// its status there.
        archs: ArchStatuses,
    },
    /// A spec uses a Deprecated gate (from [`FeatureSet::check_spec`]).
    SpecUsesDeprecated {
        /// The gate.
        gate: &'static Gate,
    },
}

impl Warning {
    /// The gate the warning is about, if it is a known one.
    #[must_use]
    pub fn gate(&self) -> Option<&'static Gate> {
        match self {
            Warning::GaDisabled { gate }
            | Warning::GaEnabled { gate }
            | Warning::DiscontinuedEnabled { gate }
            | Warning::DeprecatedEnabled { gate }
            | Warning::ArchSupport { gate, .. }
            | Warning::SpecUsesDeprecated { gate } => Some(gate),
            Warning::UnknownGate { .. } => None,
        }
    }

    /// The gate name the warning is about.
    #[must_use]
    pub fn name(&self) -> &str {
        match self {
            Warning::UnknownGate { name, .. } => name,
            _ => self.gate().map_or("", Gate::name),
        }
    }
}

impl fmt::Display for Warning {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Warning::GaDisabled { gate } => write!(
                f,
                "feature gate {} is GA and always on; disabling it has no effect: {}",
                gate.name(),
                gate.message()
            ),
            Warning::GaEnabled { gate } => {
                write!(
                    f,
                    "feature gate {} is GA and always on; enabling it is redundant: {}",
                    gate.name(),
                    gate.message()
                )
            }
            Warning::DiscontinuedEnabled { gate } => write!(
                f,
                "feature gate {} is discontinued and always off; enabling it has no effect: {}",
                gate.name(),
                gate.message()
            ),
            Warning::DeprecatedEnabled { gate } => {
                write!(
                    f,
                    "feature gate {} is enabled but deprecated: {}",
                    gate.name(),
                    gate.message()
                )
            }
            Warning::UnknownGate {
                name,
                suggestion: Some(near),
            } => {
                write!(f, "unknown feature gate {name}; did you mean {near}?")
            }
            Warning::UnknownGate {
                name,
                suggestion: None,
            } => {
                write!(f, "unknown feature gate {name}; it has no effect")
            }
            Warning::ArchSupport { gate, archs } => {
                write!(
                    f,
                    "feature gate {} is enabled but not Supported on {archs}",
                    gate.name()
                )
            }
            Warning::SpecUsesDeprecated { gate } => {
                write!(
                    f,
                    "the spec uses feature gate {}, which is deprecated: {}",
                    gate.name(),
                    gate.message()
                )
            }
        }
    }
}

/// The outcome of evaluating a configuration over a registry: which of its
/// gates are on, and the warnings.
///
/// Built by [`Registry::evaluate`]; [`activate`](crate::activate) makes one
/// the program's active configuration. Cloning copies one boolean per gate
/// and shares the registry.
#[derive(Clone)]
pub struct FeatureSet {
    table: Arc<Table>,
    /// One per gate of `table`, by position.
    on: Box<[bool]>,
    warnings: Vec<Warning>,
}

/// Bit 0: listed as enabled; bit 1: listed as disabled.
const ENABLED: u8 = 1;
const DISABLED: u8 = 2;

/// A support value as an index: 0 for unspecified, then `Support` order.
fn support_code(support: Option<Support>) -> usize {
    support.map_or(0, |s| s as usize + 1)
}

/// What the lists of a configuration say, before the rules are applied.
struct Listing {
    /// The bits above for each gate, by position.
    listed: Vec<u8>,
    all_alpha: u8,
    all_beta: u8,
    warnings: Vec<Warning>,
}

impl Registry {
    /// Applies `config` to this registry's gates by `KubeVirt`'s rules:
    ///
    /// - GA is always on, even when listed as disabled (a warning);
    /// - Discontinued is always off, even when listed as enabled (a warning);
    /// - Beta is on unless disabled; Alpha and Deprecated are off unless
    ///   enabled (enabling a Deprecated one warns);
    /// - `AllAlpha` and `AllBeta` switch every Alpha or Beta gate, while a gate
    ///   named on its own wins; they never touch Deprecated gates;
    /// - an unknown name enables nothing and warns with the closest known name
    ///   ([`Options::strict`]: an error);
    /// - a name in both lists is an error.
    ///
    /// Then the [`ArchPolicy`] is applied to every enabled gate on every
    /// architecture of [`Options::archs`]: a Warn gives one
    /// [`Warning::ArchSupport`] per gate, a Deny refuses the configuration.
    /// GA gates are the exception: they are on whatever the configuration
    /// says, so no configuration could satisfy a Deny on them, and a warning
    /// would be noise in every check; their support is in
    /// [`Registry::matrix`].
    ///
    /// ```standalone_crate
    /// use featuregate::{Arch, ArchPolicy, Action, GateConfig, Options, Registry, feature_gate};
    /// use featuregate::FeatureGate as _;
    ///
    /// #[feature_gate(state = Alpha, amd64 = Supported, arm64 = Unsupported)]
    /// struct Sev;
    ///
    /// let registry = Registry::new([Sev::GATE])?;
    /// let config = GateConfig::parse("Sev=true")?;
    /// let options = Options::default().with_archs([Arch::Amd64, Arch::Arm64]);
    /// let set = registry.evaluate(&config, &options)?;
    /// assert!(set.is::<Sev>());
    /// assert_eq!(
    ///     set.warnings()[0].to_string(),
    ///     "feature gate Sev is enabled but not Supported on arm64 (Unsupported)"
    /// );
    ///
    /// let deny_unsupported = ArchPolicy { unsupported: Action::Deny, ..ArchPolicy::default() };
    /// let deny = options.with_policy(deny_unsupported);
    /// assert!(registry.evaluate(&config, &deny).is_err());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn evaluate(
        &self,
        config: &GateConfig,
        options: &Options,
    ) -> Result<FeatureSet, ConfigError> {
        let Listing {
            listed,
            all_alpha,
            all_beta,
            mut warnings,
        } = self.read_lists(config, options)?;
        // The rules as a table, (state, lists naming the gate) -> on, so the
        // loop over every gate is branch-free where the outcome is random;
        // mispredicted branches, not memory, dominated it.
        let mut rules = [false; State::ALL.len() * 3];
        for state in State::ALL {
            for listed in [0, ENABLED, DISABLED] {
                let meta = match state {
                    State::Alpha => all_alpha,
                    State::Beta => all_beta,
                    _ => 0,
                };
                // A gate named on its own wins over `AllAlpha`/`AllBeta`.
                let wish = if listed == 0 { meta } else { listed };
                rules[state as usize * 3 + usize::from(listed)] = match state {
                    State::Ga => true,
                    State::Discontinued => false,
                    State::Beta => wish != DISABLED,
                    State::Alpha | State::Deprecated => wish == ENABLED,
                };
            }
        }
        // The policy as a table over `support_code`, and the target
        // architectures once each, in `Arch` order.
        let policy = &options.policy;
        let actions = [
            None,
            Some(Support::Supported),
            Some(Support::Pending),
            Some(Support::Unsupported),
            Some(Support::Unverified),
        ]
        .map(|support| policy.action(support) as u8);
        let mut seen = [false; Arch::ALL.len()];
        for &arch in &options.archs {
            seen[arch.index()] = true;
        }
        let mut targets = [Arch::Amd64; Arch::ALL.len()];
        let mut count = 0;
        for arch in Arch::ALL.into_iter().filter(|a| seen[a.index()]) {
            targets[count] = arch;
            count += 1;
        }
        let targets = &targets[..count];

        let gates = self.table().gates();
        let mut on = Vec::with_capacity(gates.len());
        for (&gate, &listed) in gates.iter().zip(&listed) {
            let enabled = rules[gate.state() as usize * 3 + usize::from(listed)];
            on.push(enabled);
            let worst = targets
                .iter()
                .map(|&arch| actions[support_code(gate.support(arch))])
                .fold(0, u8::max);
            // Off gates are not checked, and neither are GA ones: they are on
            // whatever the configuration says, so a verdict on them could
            // only refuse configurations that cannot be fixed.
            let judged = enabled && gate.state() != State::Ga;
            if worst * u8::from(judged) != Action::Allow as u8 {
                warnings.extend(policy.check(gate, targets)?);
            }
        }
        Ok(FeatureSet {
            table: Arc::clone(self.table()),
            on: on.into_boxed_slice(),
            warnings,
        })
    }

    /// The first pass of [`Registry::evaluate`]: which lists name each gate
    /// and the meta names, with the warnings about names.
    fn read_lists<'c>(
        &self,
        config: &'c GateConfig,
        options: &Options,
    ) -> Result<Listing, ConfigError> {
        let table = self.table();
        let gates = table.gates();
        let mut out = Listing {
            listed: vec![0; gates.len()],
            all_alpha: 0,
            all_beta: 0,
            warnings: Vec::new(),
        };
        // Unknown names with the lists they are in (the bits above), to find
        // one in both and warn once; allocated only when there are any.
        let mut unknown: HashMap<&'c str, u8> = HashMap::new();
        for (names, bit) in [(&config.enabled, ENABLED), (&config.disabled, DISABLED)] {
            for name in names {
                let name = name.as_str();
                let position = table.position(name);
                let lists = if let Some(i) = position {
                    &mut out.listed[i]
                } else if name == ALL_ALPHA {
                    &mut out.all_alpha
                } else if name == ALL_BETA {
                    &mut out.all_beta
                } else {
                    unknown.entry(name).or_insert(0)
                };
                if *lists & bit != 0 {
                    continue; // twice in one list: once is enough
                }
                let first = *lists == 0;
                *lists |= bit;
                if *lists == ENABLED | DISABLED {
                    return Err(ConfigError::InBothLists {
                        name: name.to_owned(),
                    });
                }
                let warning = match position.map(|i| gates[i]) {
                    Some(gate) => match (gate.state(), bit) {
                        (State::Ga, DISABLED) => Some(Warning::GaDisabled { gate }),
                        (State::Ga, _) => Some(Warning::GaEnabled { gate }),
                        (State::Discontinued, ENABLED) => {
                            Some(Warning::DiscontinuedEnabled { gate })
                        }
                        (State::Deprecated, ENABLED) => Some(Warning::DeprecatedEnabled { gate }),
                        _ => None,
                    },
                    None if name == ALL_ALPHA || name == ALL_BETA || !first => None,
                    None => {
                        let suggestion = self.suggest(name);
                        if options.strict {
                            return Err(ConfigError::UnknownGate {
                                name: name.to_owned(),
                                suggestion,
                            });
                        }
                        Some(Warning::UnknownGate {
                            name: name.to_owned(),
                            suggestion,
                        })
                    }
                };
                out.warnings.extend(warning);
            }
        }
        Ok(out)
    }

    /// The gates whose `used_by` function says `spec` uses them, in name
    /// order; gates without one, or whose function takes another type, are
    /// skipped.
    pub fn used_by<S: Any>(&self, spec: &S) -> Vec<&'static Gate> {
        self.iter()
            .filter(|g| g.is_used_by(spec) == Some(true))
            .collect()
    }
}

impl FeatureSet {
    /// Every gate of `registry` at its state's default, with no warnings.
    pub(crate) fn defaults(registry: &Registry) -> FeatureSet {
        let table = registry.table();
        let on = table
            .gates()
            .iter()
            .map(|g| g.state().default_enabled())
            .collect();
        FeatureSet {
            table: Arc::clone(table),
            on,
            warnings: Vec::new(),
        }
    }

    /// This set moved onto `registry`: its gates keep their value, the others
    /// get their default; the warnings stay.
    pub(crate) fn rebased(&self, registry: &Registry) -> FeatureSet {
        let mut set = FeatureSet::defaults(registry);
        for (i, gate) in registry.iter().enumerate() {
            if let Some(on) = self.get(gate) {
                set.on[i] = on;
            }
        }
        set.warnings.clone_from(&self.warnings);
        set
    }

    /// Whether the gate called `name` is on; `false` for a name this set's
    /// registry does not know.
    #[must_use]
    pub fn is_enabled(&self, name: &str) -> bool {
        self.table.position(name).is_some_and(|i| self.on[i])
    }

    /// Whether the gate of `T` is on; `false` when this set's registry does
    /// not hold it.
    #[must_use]
    pub fn is<T: FeatureGate>(&self) -> bool {
        self.get(T::GATE) == Some(true)
    }

    /// Whether `gate` is on, or `None` when this set's registry does not hold it.
    #[must_use]
    pub fn get(&self, gate: &Gate) -> Option<bool> {
        self.position_of(gate).map(|i| self.on[i])
    }

    pub(crate) fn position_of(&self, gate: &Gate) -> Option<usize> {
        self.table
            .position(gate.name())
            .filter(|&i| std::ptr::eq(self.table.gates()[i], gate))
    }

    pub(crate) fn set(&mut self, position: usize, on: bool) {
        self.on[position] = on;
    }

    pub(crate) fn shares_table(&self, registry: &Registry) -> bool {
        Arc::ptr_eq(&self.table, registry.table())
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
        self.table
            .gates()
            .iter()
            .copied()
            .zip(self.on.iter().copied())
    }

    /// The warnings of the evaluation: first those about names, the enabled
    /// list's in order and then the disabled list's, then those about
    /// architecture support, in gate name order.
    #[must_use]
    pub fn warnings(&self) -> &[Warning] {
        &self.warnings
    }

    /// The registry this set was evaluated over.
    #[must_use]
    pub fn registry(&self) -> Registry {
        Registry::from_table(Arc::clone(&self.table))
    }

    /// `KubeVirt`'s admission of a spec against the gates: an error when `spec`
    /// uses a gate that is off (a Discontinued one always is), naming the
    /// gate and its message; a warning for each Deprecated gate it uses.
    pub fn check_spec<S: Any>(&self, spec: &S) -> Result<Vec<Warning>, ConfigError> {
        let mut warnings = Vec::new();
        for (gate, on) in self.iter() {
            if gate.is_used_by(spec) != Some(true) {
                continue;
            }
            if !on {
                return Err(ConfigError::SpecUsesDisabled { gate });
            }
            if gate.state() == State::Deprecated {
                warnings.push(Warning::SpecUsesDeprecated { gate });
            }
        }
        Ok(warnings)
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
