//! What a [`Problem`] says: `Display`, one line naming the gate (and the
//! architectures), with the words of its severity.

use std::fmt;

use super::{Problem, Severity};
use crate::text::escape::{quoted, quoted_message};
use crate::{Explanation, Gate, Rule, State};

impl fmt::Display for Problem {
    // One arm per variant, each a line or a helper call: splitting the match
    // further would only scatter the messages.
    #[allow(clippy::too_many_lines)]
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let refused = self.severity() == Severity::Refusal;
        match self {
            Problem::GaDisabled { gate } => write!(
                f,
                "feature gate {gate} is GA and always on; disabling it has no effect: {}",
                quoted_message(&gate.message())
            ),
            Problem::GaEnabled { gate } => write!(
                f,
                "feature gate {gate} is GA and always on; enabling it is redundant: {}",
                quoted_message(&gate.message())
            ),
            Problem::DiscontinuedEnabled { gate } => write!(
                f,
                "feature gate {gate} is discontinued and always off; enabling it has no effect: {}",
                quoted_message(&gate.message())
            ),
            Problem::DeprecatedEnabled { gate } => write!(
                f,
                "feature gate {gate} is enabled but deprecated: {}",
                quoted_message(&gate.message())
            ),
            Problem::InvalidName { name } => match crate::vocab::name::check(name) {
                Err(fault) => write!(f, "`{}`: {fault}", quoted(name)),
                Ok(()) => write!(f, "`{}`: invalid feature gate name", quoted(name)),
            },
            Problem::DuplicateName { name } => write!(
                f,
                "feature gate {} is given twice in one list",
                quoted(name)
            ),
            Problem::InBothLists { name } => write!(
                f,
                "feature gate {} is listed both as enabled and as disabled",
                quoted(name)
            ),
            Problem::UnknownGate {
                name, suggestion, ..
            } => {
                write!(f, "unknown feature gate {}", quoted(name))?;
                match suggestion {
                    Some(near) => write!(f, "; did you mean {near}?"),
                    None if refused => Ok(()),
                    None => f.write_str("; it has no effect"),
                }
            }
            Problem::NotYetIntroduced {
                gate,
                version,
                state,
                from,
                ..
            } => write!(
                f,
                "feature gate {gate} does not exist in {version}; it is {state} from {from}"
            ),
            Problem::ArchSupport { gate, archs } => {
                write!(
                    f,
                    "feature gate {gate} is enabled but not Supported on {archs}"
                )
            }
            Problem::ArchDisabled {
                gate,
                action,
                archs,
            } => write!(
                f,
                "feature gate {gate} is turned off: the architecture policy ({action}) does not allow it on {archs}"
            ),
            Problem::ArchDenied { gate, archs } => write!(
                f,
                "feature gate {gate} is enabled but the architecture policy denies it on {archs}"
            ),
            Problem::MissingRequirement { gate, missing, .. } if refused => {
                refused_for_requirements(f, gate, missing)
            }
            Problem::MissingRequirement { gate, missing, .. } => {
                turned_off_for_requirements(f, gate, missing)
            }
            Problem::SpecUsesDeprecated { gate } => write!(
                f,
                "the spec uses feature gate {gate}, which is deprecated: {}",
                quoted_message(&gate.message())
            ),
            Problem::SpecUsesDisabled { gate, rule } => spec_uses_disabled(f, gate, *rule),
            Problem::UncheckedType { type_name } => write!(
                f,
                "no feature gate's `used_by` takes a `{}`, so the value could not be checked \
                 (pass the type the functions take, not a wrapper of it)",
                quoted_message(type_name)
            ),
            Problem::RequirementOffOn { .. }
            | Problem::ArchNotEvaluated { .. }
            | Problem::SpecArchUnqualified { .. }
            | Problem::NoPlacement { .. }
            | Problem::SpecNotEverywhere { .. } => per_arch(f, self),
            Problem::More { about, count, .. } => {
                let what = if refused { "problems" } else { "warnings" };
                write!(f, "{count} more {what} about {about} left out")
            }
        }
    }
}

/// A gate on by default (or by `AllAlpha`/`AllBeta`) turned off for its
/// requirements.
fn turned_off_for_requirements(
    f: &mut fmt::Formatter<'_>,
    gate: &Gate,
    missing: &[Explanation],
) -> fmt::Result {
    write!(f, "feature gate {gate} is turned off: it requires ")?;
    crate::evaluate::explanation::names(f, missing)?;
    f.write_str(if missing.len() == 1 {
        ", which is off"
    } else {
        ", which are off"
    })
}

/// A spec refused for a gate that is off, and why it is off.
fn spec_uses_disabled(f: &mut fmt::Formatter<'_>, gate: &Gate, rule: Rule) -> fmt::Result {
    write!(f, "the spec uses feature gate {gate}, which is off: {rule}")?;
    // A Discontinued gate's own message says what to use instead; a
    // standard message calls the gate active or says it "can be safely
    // removed", which a refusal must not.
    let own = gate
        .declared_message()
        .filter(|m| gate.state() == State::Discontinued && !m.contains("safely removed"));
    match own {
        Some(message) => write!(f, ": {}", quoted_message(message)),
        None => Ok(()),
    }
}

/// A named gate refused for its requirements, with the one fix there is.
fn refused_for_requirements(
    f: &mut fmt::Formatter<'_>,
    gate: &Gate,
    missing: &[Explanation],
) -> fmt::Result {
    write!(f, "feature gate {gate} requires ")?;
    crate::evaluate::explanation::names(f, missing)?;
    let verb = if missing.len() == 1 { "is" } else { "are" };
    write!(f, ", which {verb} off")?;
    let mut fixed = missing.iter().filter(|m| !m.rule().configurable());
    if let Some(first) = fixed.next() {
        // Enabling it would not help: say why, and the one fix.
        write!(f, " ({}: {}", first.gate(), first.rule())?;
        for other in fixed {
            write!(f, "; {}: {}", other.gate(), other.rule())?;
        }
        return write!(f, "); leave {gate} off");
    }
    // A requirement off for a requirement of its own (refused itself, or
    // turned off): enabling it is not the fix, enabling what it requires is.
    let mut to_enable: Vec<&Gate> = Vec::with_capacity(missing.len());
    let mut chained = false;
    for m in missing {
        if let Rule::MissingRequirement { requirement } = m.rule() {
            write!(
                f,
                "{}{}: it requires {requirement}, which is off",
                if chained { "; " } else { " (" },
                m.gate()
            )?;
            chained = true;
            if !to_enable.iter().any(|g| std::ptr::eq(*g, requirement)) {
                to_enable.push(requirement);
            }
        } else {
            to_enable.push(m.gate());
        }
    }
    if chained {
        f.write_str(")")?;
    }
    f.write_str("; enable ")?;
    crate::evaluate::explanation::gate_names(f, &to_enable)?;
    write!(f, " too, or leave {gate} off")
}

/// The problems of per-architecture answers (SPEC section 14): a gate off
/// on some architectures for a requirement, and admission's refusals.
fn per_arch(f: &mut fmt::Formatter<'_>, problem: &Problem) -> fmt::Result {
    match problem {
        Problem::RequirementOffOn {
            gate,
            archs,
            missing,
        } => {
            write!(
                f,
                "feature gate {gate} is turned off on {archs}: it requires "
            )?;
            crate::evaluate::explanation::names(f, missing)?;
            f.write_str(if missing.len() == 1 {
                ", which is off there"
            } else {
                ", which are off there"
            })
        }
        Problem::ArchNotEvaluated { arch, evaluated } => {
            crate::evaluate::admission::arch_not_evaluated(f, *arch, *evaluated)
        }
        Problem::SpecArchUnqualified { gate, arch, off } => {
            crate::evaluate::admission::spec_arch_unqualified(f, gate, *arch, *off)
        }
        Problem::NoPlacement { gate, qualifies } => {
            write!(
                f,
                "no evaluated architecture can run the spec: feature gate {gate} "
            )?;
            if qualifies.is_empty() {
                f.write_str("qualifies on none of them")
            } else {
                write!(f, "qualifies on {qualifies} only")
            }
        }
        Problem::SpecNotEverywhere {
            gate,
            qualifies,
            evaluated,
        } => {
            write!(f, "the spec uses feature gate {gate}, which qualifies on ")?;
            if qualifies.is_empty() {
                f.write_str("none")?;
            } else {
                write!(f, "{qualifies} only")?;
            }
            write!(
                f,
                " of the evaluated {evaluated}; place it with `FeatureSet::admit`"
            )
        }
        _ => Ok(()),
    }
}
