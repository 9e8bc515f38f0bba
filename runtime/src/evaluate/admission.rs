//! The spec checks: which gates a value uses ([`Registry::used_by`]), the
//! check of section 5 ([`FeatureSet::check_spec`]) and admission in a
//! cluster (section 14, [`FeatureSet::admit`]): where the gates a spec uses
//! qualify, a spec for one architecture refused where they do not, a spec
//! for none placed.

use std::any::Any;
use std::fmt;

use crate::text::capped::Capped;
use crate::text::escape::quoted_message;
use crate::{
    Arch, ArchSet, ConfigError, ConfigProblem, FeatureSet, Gate, Placement, Registry, State,
    Status, Warning,
};

impl Registry {
    /// The gates whose `used_by` function says `spec` uses them, in name
    /// order.
    ///
    /// Fails closed: when no gate's function takes values of `S` (an
    /// `Arc<Spec>` or a `Box<Spec>` where the functions take a `Spec`), the
    /// answer is an error naming the type, never an empty list that would
    /// let a wrapped spec through an admission check.
    pub fn used_by<S: Any>(&self, spec: &S) -> Result<Vec<&'static Gate>, ConfigError> {
        let mut checked = false;
        let mut used = Vec::new();
        for gate in self {
            match gate.is_used_by(spec) {
                Some(true) => used.push(gate),
                Some(false) => {}
                None => continue,
            }
            checked = true;
        }
        if checked {
            Ok(used)
        } else {
            Err(ConfigError::new(vec![ConfigProblem::UncheckedType {
                type_name: std::any::type_name::<S>(),
            }]))
        }
    }
}

/// What a spec uses, gate by gate, with the problems and warnings found
/// on the way: the common part of `check_spec` and `admit`.
struct Uses {
    /// The gates the spec uses that are on somewhere, each with where it
    /// qualifies.
    on: Vec<(&'static Gate, ArchSet)>,
    warnings: Capped<Warning>,
    problems: Capped<ConfigProblem>,
}

impl FeatureSet {
    /// Where the gate at `position` qualifies for a spec: on, and not
    /// `Unsupported` (whatever the policy said: a warning does not make an
    /// Unsupported feature work).
    fn qualifies_at(&self, position: usize) -> ArchSet {
        let gate = self.registry().at(position);
        self.archs_at(position)
            .iter()
            .filter(|&arch| gate.status(arch) != Status::Unsupported)
            .collect()
    }

    /// The gates `spec` uses: a problem for each that is off everywhere, a
    /// warning for each Deprecated one; an error when no gate's `used_by`
    /// takes an `S` (failing closed).
    fn uses<S: Any>(&self, spec: &S) -> Result<Uses, ConfigError> {
        let mut uses = Uses {
            on: Vec::new(),
            warnings: Capped::new(),
            problems: Capped::new(),
        };
        let mut checked = false;
        for (position, (gate, on)) in self.iter().enumerate() {
            let Some(is_used) = gate.is_used_by(spec) else {
                continue;
            };
            checked = true;
            if !is_used {
                continue;
            }
            if !on {
                uses.problems.push(ConfigProblem::SpecUsesDisabled {
                    gate,
                    rule: self.rule_at(position),
                });
                continue;
            }
            if self
                .emulated_version()
                .map_or(Some(gate.state()), |v| gate.state_at(v))
                == Some(State::Deprecated)
            {
                uses.warnings.push(Warning::SpecUsesDeprecated { gate });
            }
            uses.on.push((gate, self.qualifies_at(position)));
        }
        if !checked {
            return Err(ConfigError::new(vec![ConfigProblem::UncheckedType {
                type_name: std::any::type_name::<S>(),
            }]));
        }
        Ok(uses)
    }

    /// `KubeVirt`'s admission of a spec against the gates, failing closed.
    ///
    /// An error when `spec` uses gates that are off (a Discontinued one
    /// always is), naming every such gate and the rule that turned it off
    /// (a requirement that is off among them);
    /// an error too when no gate's `used_by` takes values of `S` (an
    /// `Arc<Spec>` where the functions take a `Spec`), since nothing could be
    /// checked. In a cluster (several evaluated architectures) an error
    /// also for each gate it uses that does not qualify on every one of
    /// them (off there, or `Unsupported` there): [`FeatureSet::admit`]
    /// places such a spec. Otherwise a warning for each Deprecated gate it
    /// uses.
    pub fn check_spec<S: Any>(&self, spec: &S) -> Result<Vec<Warning>, ConfigError> {
        let Uses {
            on,
            warnings,
            mut problems,
        } = self.uses(spec)?;
        let evaluated = self.evaluated_archs();
        if evaluated.len() > 1 {
            for (gate, qualifies) in on {
                if qualifies != evaluated {
                    problems.push(ConfigProblem::SpecNotEverywhere {
                        gate,
                        qualifies,
                        evaluated,
                    });
                }
            }
        }
        problems.into_result()?;
        Ok(warnings.finish())
    }

    /// Admission with an architecture (SPEC section 14): where `spec` can
    /// run in the evaluated cluster.
    ///
    /// A gate the spec uses qualifies an architecture where it is on and
    /// not `Unsupported`, whatever the policy. A spec that names its
    /// architecture (`KubeVirt`'s `spec.architecture`, `arch`) is refused
    /// when a gate it uses does not qualify there, naming gate,
    /// architecture, support and reason, and when `arch` was not evaluated.
    /// A spec that names none is placed on the architectures where every
    /// gate it uses qualifies (every evaluated one when it uses none); an
    /// empty placement is refused, naming each gate and where it qualifies.
    /// Fails closed as [`FeatureSet::check_spec`] does: a gate off
    /// everywhere refuses, and so does a value of a type no gate's
    /// `used_by` takes.
    ///
    /// ```standalone_crate
    /// use featuregate::{Arch, GateConfig, Options, feature_gate, registry};
    ///
    /// fn uses_sev(vm: &Vm) -> bool { vm.sev }
    /// struct Vm { sev: bool }
    ///
    /// #[feature_gate(name = "WorkloadEncryptionSEV", state = Alpha, amd64 = Supported,
    ///                arm64 = Unsupported, s390x = Unsupported("AMD SEV hardware"), used_by = uses_sev)]
    /// pub struct WorkloadEncryptionSev;
    ///
    /// let cluster = Options::default().with_archs([Arch::Amd64, Arch::Arm64, Arch::S390x]);
    /// let set = registry().evaluate(&GateConfig::parse("WorkloadEncryptionSEV=true")?, &cluster)?;
    /// let vm = Vm { sev: true };
    /// let placement = set.admit(&vm, None)?;
    /// assert_eq!(placement.archs().to_string(), "amd64");
    /// assert_eq!(
    ///     serde_json::to_value(placement.node_selector_term())?,
    ///     serde_json::json!({"matchExpressions": [
    ///         {"key": "kubernetes.io/arch", "operator": "In", "values": ["amd64"]}
    ///     ]})
    /// );
    /// let err = set.admit(&vm, Some(Arch::S390x)).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "the spec uses feature gate WorkloadEncryptionSEV, which cannot run on s390x: \
    ///      it is Unsupported there (AMD SEV hardware)"
    /// );
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    pub fn admit<S: Any>(&self, spec: &S, arch: Option<Arch>) -> Result<Placement, ConfigError> {
        let Uses {
            on,
            warnings,
            mut problems,
        } = self.uses(spec)?;
        let evaluated = self.evaluated_archs();
        let mut place = evaluated;
        match arch {
            Some(arch) if !evaluated.contains(arch) => {
                problems.push(ConfigProblem::ArchNotEvaluated {
                    arch: Some(arch),
                    evaluated,
                });
            }
            Some(arch) => {
                place = ArchSet::only(arch);
                for &(gate, qualifies) in &on {
                    if !qualifies.contains(arch) {
                        let position = self.position_of(gate).unwrap_or_default();
                        let off = (!self.archs_at(position).contains(arch))
                            .then(|| self.off_rule_at(position));
                        problems.push(ConfigProblem::SpecArchUnqualified { gate, arch, off });
                    }
                }
            }
            None if evaluated.is_empty() => {
                problems.push(ConfigProblem::ArchNotEvaluated {
                    arch: None,
                    evaluated,
                });
            }
            None => {
                for &(_, qualifies) in &on {
                    place = place.intersection(qualifies);
                }
                if place.is_empty() && problems.is_empty() {
                    for (gate, qualifies) in on {
                        problems.push(ConfigProblem::NoPlacement { gate, qualifies });
                    }
                }
            }
        }
        problems.into_result()?;
        Ok(Placement::new(place, warnings.finish()))
    }

    /// Why the gate at `position`, on somewhere, is off where it is off:
    /// the rule that turned it off on some architectures.
    fn off_rule_at(&self, position: usize) -> crate::Rule {
        self.per_arch()
            .partial_rule(position)
            .unwrap_or_else(|| self.rule_at(position))
    }
}

/// A spec for an architecture outside the evaluated ones, or (`None`) one to
/// place when none was evaluated: the refusal's words.
pub(crate) fn arch_not_evaluated(
    f: &mut fmt::Formatter<'_>,
    arch: Option<Arch>,
    evaluated: ArchSet,
) -> fmt::Result {
    let Some(arch) = arch else {
        return f.write_str(
            "no architecture was evaluated, so the spec cannot be placed \
             (evaluate with the cluster's architectures in `Options::archs`)",
        );
    };
    write!(
        f,
        "the spec is for {arch}, which is not an evaluated architecture"
    )?;
    if evaluated.is_empty() {
        f.write_str(" (none was evaluated)")
    } else {
        write!(f, " ({evaluated})")
    }
}

/// A spec for `arch` using a gate that does not qualify there: naming the
/// gate, the architecture, its support there and the declared reason.
pub(crate) fn spec_arch_unqualified(
    f: &mut fmt::Formatter<'_>,
    gate: &Gate,
    arch: Arch,
    off: Option<crate::Rule>,
) -> fmt::Result {
    let status = gate.status(arch);
    let reason = gate.reason(arch);
    write!(f, "the spec uses feature gate {gate}, which ")?;
    match off {
        // The policy's rule names the status itself.
        Some(rule @ crate::Rule::ArchPolicy { .. }) => write!(f, "is off on {arch}: {rule}"),
        Some(rule) => {
            write!(f, "is off on {arch}: {rule} (it is {status} there")?;
            match reason {
                Some(reason) => write!(f, ": {})", quoted_message(reason)),
                None => f.write_str(")"),
            }
        }
        None => {
            write!(f, "cannot run on {arch}: it is {status} there (")?;
            match reason {
                Some(reason) => write!(f, "{})", quoted_message(reason)),
                None => f.write_str("no reason given)"),
            }
        }
    }
}
