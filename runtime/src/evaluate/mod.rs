//! Applying a [`GateConfig`] to a registry: the names read, the rules
//! applied to every gate, the architecture policy's verdict acted on, the
//! requirements kept.

pub(crate) mod admission;
pub(crate) mod changes;
mod config_error;
pub(crate) mod explanation;
mod feature_set;
#[cfg(feature = "serde")]
mod feature_set_serde;
mod options;
mod per_arch;
mod placement;
pub(crate) mod policy;
mod problem;
mod requirements;
pub(crate) mod rule;

pub use changes::Change;
pub use config_error::ConfigError;
pub use explanation::Explanation;
pub use feature_set::FeatureSet;
pub use options::Options;
pub use placement::{ARCH_LABEL, NodeSelectorRequirement, NodeSelectorTerm, Placement};
pub use policy::{Action, ArchPolicy, ArchStatuses};
pub use problem::{ConfigProblem, Problem, Severity, Warning};
pub use rule::Rule;

use std::collections::HashMap;

use crate::evaluate::per_arch::PerArch;
use crate::evaluate::policy::Verdict;
use crate::evaluate::rule::{ALL_ALPHA, ALL_BETA, DISABLED, ENABLED, decide};
use crate::text::capped::Capped;
use crate::vocab::name;
use crate::{GateConfig, Registry, State};

/// What the lists of a configuration say, before the rules are applied.
struct Listing {
    /// The `ENABLED`/`DISABLED` bits for each gate, by position.
    listed: Vec<u8>,
    all_alpha: u8,
    all_beta: u8,
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
    ///   ([`Options::strict`]: an error).
    ///
    /// Then the [`ArchPolicy`](crate::ArchPolicy) judges every enabled gate
    /// on the architectures of [`Options::archs`]: `Warn` gives one
    /// [`Warning::ArchSupport`] per gate, `Disable` turns it off with a
    /// [`Warning::ArchDisabled`], `Deny` refuses a configuration that names
    /// the gate to enable it and turns off, with a warning, a gate that is on
    /// only by default or by `AllAlpha`/`AllBeta` (so an empty configuration
    /// is never refused). GA gates are not judged: they are on whatever the
    /// configuration says, so a verdict on them could only refuse
    /// configurations that cannot be fixed; their support is in
    /// [`Registry::matrix`].
    ///
    /// With [`Options::emulated_version`], every rule above reads each
    /// gate's state at that release ([`Gate::state_at`](crate::Gate::state_at));
    /// a gate not yet introduced then is off ([`Rule::NotYetIntroduced`]),
    /// and a name the configuration gives for it is an unknown name there,
    /// whose [`Warning::NotYetIntroduced`] (an error when strict) says when
    /// it arrives.
    ///
    /// Then the requirements: a gate is on only if everything it requires
    /// (`requires = [..]`) is on, transitively. A gate the configuration
    /// names to enable whose requirement ends off is refused, naming what is
    /// missing and the fix; a gate on by default or by `AllAlpha`/`AllBeta`
    /// is turned off instead, with a [`Warning::MissingRequirement`] (also when
    /// the policy turned its requirement off). A gate off for its own reason
    /// (Discontinued, the policy's `Disable`) raises no requirement problem.
    ///
    /// A configuration is refused with every problem at once: each name that
    /// breaks the rule of gate names, each name given twice in one list or in
    /// both lists, each unknown name when strict, each denied gate, each gate
    /// named to enable whose requirements are off. The work
    /// is linear in the configuration plus the gates: suggestions are looked
    /// for among the first 100 unknown names, and at most 100 warnings or
    /// problems of one kind are kept, one more counting the rest.
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
    /// let err = registry.evaluate(&config, &deny).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "feature gate Sev is enabled but the architecture policy denies it on arm64 (Unsupported)"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn evaluate(
        &self,
        config: &GateConfig,
        options: &Options,
    ) -> Result<FeatureSet, ConfigError> {
        let mut warnings = Capped::new();
        let mut problems = Capped::new();
        // Emulating a release: each gate's state then, `None` before its
        // first recorded stage. Only then: today's evaluation reads the
        // descriptors' states directly.
        let states: Option<Box<[Option<State>]>> = options
            .emulated_version
            .map(|version| self.iter().map(|gate| gate.state_at(version)).collect());
        let emulated = options.emulated_version.zip(states.as_deref());
        let Listing {
            listed,
            all_alpha,
            all_beta,
        } = self.read_lists(config, options, emulated, &mut warnings, &mut problems);
        let judge = options.judge();
        // The rules as a table over (state, lists naming the gate), so the
        // loop over every gate looks its outcome up instead of branching
        // where the outcome is random.
        // (A name in both lists, `ENABLED | DISABLED`, has a row too: the
        // configuration is refused, but the loop still runs to find every
        // problem.)
        let mut table = [(false, Rule::GaAlwaysOn); State::ALL.len() * 4];
        for state in State::ALL {
            for listed in 0..4 {
                table[state as usize * 4 + usize::from(listed)] =
                    decide(state, listed, all_alpha, all_beta);
            }
        }
        let evaluated = judge.archs();
        let all = per_arch::universe(evaluated);
        let mut on = Vec::with_capacity(self.len());
        let mut masks = Vec::with_capacity(self.len());
        let mut rules = Vec::with_capacity(self.len());
        let mut partial = Vec::new();
        // With requirements, a gate the policy warns about may yet be turned
        // off for one, and a warning calling it enabled would be false: the
        // policy's warnings wait, by position, until the requirements are
        // settled.
        let requirements = !self.requirements().is_empty();
        let mut waiting = Vec::new();
        for (position, (gate, &listed)) in self.iter().zip(&listed).enumerate() {
            let state = match emulated {
                Some((version, states)) => {
                    let Some(state) = states[position] else {
                        on.push(false);
                        masks.push(0);
                        rules.push(crate::evaluate::rule::not_yet_introduced(gate, version));
                        continue;
                    };
                    state
                }
                None => gate.state(),
            };
            let (mut enabled, mut rule) = table[state as usize * 4 + usize::from(listed)];
            let mut mask = if enabled { all } else { 0 };
            if enabled && state != State::Ga {
                let verdict = judge.verdict(gate);
                if listed == ENABLED && !verdict.deny.is_empty() {
                    problems.push(ConfigProblem::ArchDenied {
                        gate,
                        archs: verdict.deny,
                    });
                } else if let Some(off) = verdict.off_rule() {
                    // Off only where the policy says so: on the rest of a
                    // cluster the gate stays on.
                    mask &= !verdict.off.arch_set().bits();
                    if mask == 0 {
                        (enabled, rule) = (false, off);
                    } else {
                        partial.push((position, off));
                    }
                }
                // A waiting verdict is small and `Copy`; its warnings are
                // built once the requirements are settled.
                if !requirements {
                    policy_warnings(gate, verdict, listed, mask, &mut warnings);
                } else if !verdict.off.is_empty() || !verdict.warn.is_empty() {
                    waiting.push((position, verdict));
                }
            }
            on.push(enabled);
            masks.push(mask);
            rules.push(rule);
        }
        let mut per_arch = PerArch {
            evaluated,
            masks: masks.into(),
            partial,
        };
        if requirements {
            let settled = self.settle_requirements(&listed, &mut on, &mut rules, &mut per_arch);
            for (position, verdict) in waiting {
                let gate = self.at(position);
                let mask = per_arch.masks[position];
                policy_warnings(gate, verdict, listed[position], mask, &mut warnings);
            }
            self.report_requirements(
                &settled,
                options.emulated_version,
                &on,
                &rules,
                &per_arch,
                &mut warnings,
                &mut problems,
            );
        }
        problems.into_result()?;
        Ok(FeatureSet::new(
            self.clone(),
            options.emulated_version,
            on.into(),
            rules.into(),
            per_arch,
            warnings.finish(),
        ))
    }

    /// The first pass of [`Registry::evaluate`]: which lists name each gate
    /// and the meta names, with the warnings and problems about names.
    fn read_lists(
        &self,
        config: &GateConfig,
        options: &Options,
        emulated: Option<(crate::Version, &[Option<State>])>,
        warnings: &mut Capped<Warning>,
        problems: &mut Capped<ConfigProblem>,
    ) -> Listing {
        let mut out = Listing {
            listed: vec![0; self.len()],
            all_alpha: 0,
            all_beta: 0,
        };
        // Unknown names with the lists they are in, to find one given twice;
        // foldhash, randomly seeded, since the names are not trusted to be
        // kind to a fixed hash. Allocated only when there are any.
        let mut unknown: HashMap<&str, u8, foldhash::fast::RandomState> = HashMap::default();
        let mut remaining = config.enabled.len() + config.disabled.len();
        for (names, bit) in [(&config.enabled, ENABLED), (&config.disabled, DISABLED)] {
            for name in names {
                remaining -= 1;
                let name = name.as_str();
                let position = self.position(name);
                let lists = if let Some(i) = position {
                    &mut out.listed[i]
                } else if name == ALL_ALPHA {
                    &mut out.all_alpha
                } else if name == ALL_BETA {
                    &mut out.all_beta
                } else if name::is_valid(name) {
                    if unknown.capacity() == 0 {
                        // Sized once for the names left: no rehash however
                        // many unknown names follow.
                        unknown.reserve(remaining + 1);
                    }
                    unknown.entry(name).or_insert(0)
                } else {
                    let probe = ConfigProblem::InvalidName {
                        name: String::new(),
                    };
                    problems.push_with(&probe, || ConfigProblem::InvalidName {
                        name: name.to_owned(),
                    });
                    continue;
                };
                let before = *lists;
                *lists |= bit;
                if before & bit != 0 {
                    let probe = ConfigProblem::DuplicateName {
                        name: String::new(),
                    };
                    problems.push_with(&probe, || ConfigProblem::DuplicateName {
                        name: name.to_owned(),
                    });
                    continue;
                }
                if before != 0 {
                    let probe = ConfigProblem::InBothLists {
                        name: String::new(),
                    };
                    problems.push_with(&probe, || ConfigProblem::InBothLists {
                        name: name.to_owned(),
                    });
                    continue;
                }
                // The gate's state in the emulated release; `None`: not yet.
                let state = |i: usize| emulated.map_or(Some(self.at(i).state()), |(_, s)| s[i]);
                match position.map(|i| (self.at(i), state(i))) {
                    Some((gate, None)) => {
                        if let Some((version, _)) = emulated {
                            not_yet(gate, version, options.strict, warnings, problems);
                        }
                    }
                    Some((gate, Some(state))) => match (state, bit) {
                        (State::Ga, DISABLED) => warnings.push(Warning::GaDisabled { gate }),
                        (State::Ga, _) => warnings.push(Warning::GaEnabled { gate }),
                        (State::Discontinued, ENABLED) => {
                            warnings.push(Warning::DiscontinuedEnabled { gate });
                        }
                        (State::Deprecated, ENABLED) => {
                            warnings.push(Warning::DeprecatedEnabled { gate });
                        }
                        _ => {}
                    },
                    _ if name == ALL_ALPHA || name == ALL_BETA => {}
                    _ => self.unknown(name, options.strict, warnings, problems),
                }
            }
        }
        out
    }

    /// Reports an unknown name: a warning, or a problem when strict; the
    /// suggestion is looked for only while the report is kept.
    fn unknown(
        &self,
        name: &str,
        strict: bool,
        warnings: &mut Capped<Warning>,
        problems: &mut Capped<ConfigProblem>,
    ) {
        let (severity, list) = severity_and_list(strict, warnings, problems);
        let probe = Problem::UnknownGate {
            name: String::new(),
            suggestion: None,
            severity,
        };
        list.push_with(&probe, || Problem::UnknownGate {
            name: name.to_owned(),
            suggestion: self.suggest(name),
            severity,
        });
    }
}

/// The policy's warnings about an enabled gate, once it is known where it
/// ends on (`mask`): where it was turned off, and where it stays on though
/// not Supported (only those architectures: a warning never calls a gate
/// enabled where it is off).
fn policy_warnings(
    gate: &'static crate::Gate,
    verdict: Verdict,
    listed: u8,
    mask: u8,
    warnings: &mut Capped<Warning>,
) {
    // A gate the configuration names where the policy denies it refuses
    // the configuration: no warning adds to that.
    if listed == ENABLED && !verdict.deny.is_empty() {
        return;
    }
    if !verdict.off.is_empty() {
        warnings.push(Warning::ArchDisabled {
            gate,
            action: verdict.off_action,
            archs: verdict.off,
        });
    }
    let warned = verdict.warn.only(crate::ArchSet::from_bits(mask));
    if !warned.is_empty() {
        warnings.push(Warning::ArchSupport {
            gate,
            archs: warned,
        });
    }
}

/// Reports a name of a gate not yet introduced in the emulated
/// `version`: an unknown name there, that says when it arrives.
fn not_yet(
    gate: &'static crate::Gate,
    version: crate::Version,
    strict: bool,
    warnings: &mut Capped<Warning>,
    problems: &mut Capped<ConfigProblem>,
) {
    let Rule::NotYetIntroduced { state, from, .. } =
        crate::evaluate::rule::not_yet_introduced(gate, version)
    else {
        return;
    };
    let (severity, list) = severity_and_list(strict, warnings, problems);
    list.push(Problem::NotYetIntroduced {
        gate,
        version,
        state,
        from,
        severity,
    });
}

/// What an unknown name is under `strict`, and the list it goes to.
fn severity_and_list<'a>(
    strict: bool,
    warnings: &'a mut Capped<Warning>,
    problems: &'a mut Capped<ConfigProblem>,
) -> (Severity, &'a mut Capped<Problem>) {
    if strict {
        (Severity::Refusal, problems)
    } else {
        (Severity::Warning, warnings)
    }
}
