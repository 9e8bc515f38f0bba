//! The invariant of requirements in every evaluated set: a gate is on only
//! if everything it requires is on.

use crate::evaluate::per_arch::PerArch;
use crate::evaluate::rule::ENABLED;
use crate::text::capped::Capped;
use crate::{ArchSet, ConfigProblem, Explanation, Problem, Registry, Rule, Severity, Warning};

/// The gates [`Registry::settle_requirements`] found on with a requirement
/// off, each with the positions of its requirements and the architectures
/// it was on before, in name order.
pub(super) struct Settled<'a> {
    /// Named to enable by the configuration, and left on nowhere: each a problem.
    refused: Vec<(usize, &'a [u32], u8)>,
    /// Turned off everywhere: each a warning.
    turned_off: Vec<(usize, &'a [u32], u8)>,
    /// Turned off on some architectures only, where a requirement is off:
    /// each a warning.
    partly: Vec<(usize, &'a [u32], u8)>,
}

impl Registry {
    /// Settles the requirements after the rules and the policy have decided
    /// each gate on its own (`on`, `rules`, `per_arch`, by position;
    /// `listed`: which lists name each gate), architecture by architecture:
    /// a gate stays on for an architecture only where everything it
    /// requires is on.
    ///
    /// A gate left on nowhere is refused when the configuration names it
    /// to enable (the user asked for something that cannot be); otherwise
    /// (on by default or by `AllAlpha`/`AllBeta`) it is turned off. A gate
    /// left on somewhere is off where a requirement is (a warning). A gate
    /// off for its own reason is not looked at. One pass in the registry's
    /// order of requirements (each gate after all it requires) settles
    /// every chain, so the work is linear in gates plus requirements. A
    /// refused gate is off for the gates that require it, so a chain of
    /// named gates is refused link by link at once (SPEC section 10).
    pub(super) fn settle_requirements(
        &self,
        listed: &[u8],
        on: &mut [bool],
        rules: &mut [Rule],
        per_arch: &mut PerArch,
    ) -> Settled<'_> {
        let mut settled = Settled {
            refused: Vec::new(),
            turned_off: Vec::new(),
            partly: Vec::new(),
        };
        let masks = &mut per_arch.masks;
        let mut partial = Vec::new();
        for (position, requires) in self.requirements().iter() {
            let mask = masks[position];
            if mask == 0 {
                continue;
            }
            let need = requires
                .iter()
                .fold(mask, |need, &r| need & masks[r as usize]);
            if need == mask {
                continue;
            }
            let Some(&missing) = requires.iter().find(|&&r| masks[r as usize] & mask != mask)
            else {
                continue;
            };
            let rule = Rule::MissingRequirement {
                requirement: self.at(missing as usize),
            };
            if need != 0 {
                masks[position] = need;
                partial.push((position, rule));
                settled.partly.push((position, requires, mask));
                continue;
            }
            masks[position] = 0;
            on[position] = false;
            rules[position] = rule;
            if listed[position] == ENABLED {
                settled.refused.push((position, requires, mask));
            } else {
                settled.turned_off.push((position, requires, mask));
            }
        }
        // A gate the policy turned off somewhere keeps that rule: it names
        // the architectures; the warning names the requirement.
        if !partial.is_empty() {
            partial.retain(|&(p, _)| per_arch.partial_rule(p).is_none());
            per_arch.partial.extend(partial);
            per_arch.partial.sort_unstable_by_key(|&(p, _)| p);
        }
        per_arch.partial.retain(|&(p, _)| per_arch.masks[p] != 0);
        for list in [
            &mut settled.refused,
            &mut settled.turned_off,
            &mut settled.partly,
        ] {
            list.sort_unstable_by_key(|&(position, _, _)| position);
        }
        settled
    }

    /// A problem for each refused gate and a warning for each turned off,
    /// naming the requirements that are off and why.
    #[allow(clippy::too_many_arguments)]
    pub(super) fn report_requirements(
        &self,
        settled: &Settled<'_>,
        emulated: Option<crate::Version>,
        on: &[bool],
        rules: &[Rule],
        per_arch: &PerArch,
        warnings: &mut Capped<Warning>,
        problems: &mut Capped<ConfigProblem>,
    ) {
        // The requirements missing on some architecture where the gate was
        // on (`mask`), each with why: its rule where it is off everywhere,
        // the rule that turned it off there where it is off somewhere.
        // A requirement off wherever the gate was on is the whole story;
        // only when none is, those off on some of them are named.
        let missing = |requires: &[u32], mask: u8| -> Vec<Explanation> {
            let nowhere = requires
                .iter()
                .any(|&r| per_arch.masks[r as usize] & mask == 0);
            requires
                .iter()
                .map(|&r| r as usize)
                .filter(|&r| {
                    let theirs = per_arch.masks[r] & mask;
                    if nowhere { theirs == 0 } else { theirs != mask }
                })
                .map(|r| {
                    let rule = if on[r] {
                        per_arch.partial_rule(r).unwrap_or(rules[r])
                    } else {
                        rules[r]
                    };
                    Explanation::new(self.at(r), emulated, false, rule)
                })
                .collect()
        };
        let lists = [
            (&settled.refused, Severity::Refusal, &mut *problems),
            (&settled.turned_off, Severity::Warning, &mut *warnings),
        ];
        for (gates, severity, list) in lists {
            for &(position, requires, mask) in gates {
                let gate = self.at(position);
                let probe = Problem::MissingRequirement {
                    gate,
                    missing: Vec::new(),
                    severity,
                };
                list.push_with(&probe, || Problem::MissingRequirement {
                    gate,
                    missing: missing(requires, mask),
                    severity,
                });
            }
        }
        for &(position, requires, mask) in &settled.partly {
            let gate = self.at(position);
            let archs = ArchSet::from_bits(mask & !per_arch.masks[position]);
            let probe = Problem::RequirementOffOn {
                gate,
                archs,
                missing: Vec::new(),
            };
            warnings.push_with(&probe, || Problem::RequirementOffOn {
                gate,
                archs,
                missing: missing(requires, mask),
            });
        }
    }
}
