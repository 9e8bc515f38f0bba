//! The invariant of requirements in every evaluated set: a gate is on only
//! if everything it requires is on.

use crate::evaluate::rule::ENABLED;
use crate::text::capped::Capped;
use crate::{ConfigProblem, Explanation, Problem, Registry, Rule, Severity, Warning};

/// The gates [`Registry::settle_requirements`] found on with a requirement
/// off, each with the positions of its requirements, in name order.
pub(super) struct Settled<'a> {
    /// Named to enable by the configuration: each a problem.
    refused: Vec<(usize, &'a [u32])>,
    /// Turned off: each a warning.
    turned_off: Vec<(usize, &'a [u32])>,
}

impl Registry {
    /// Settles the requirements after the rules and the policy have decided
    /// each gate on its own (`on`, `rules`, by position; `listed`: which
    /// lists name each gate).
    ///
    /// A gate on whose requirement is off is refused when the configuration
    /// names it to enable (the user asked for something that cannot be);
    /// otherwise (on by default or by `AllAlpha`/`AllBeta`) it is turned
    /// off. A gate off for its own reason is not looked at. One pass in the
    /// registry's order of requirements (each gate after all it requires)
    /// settles every chain, so the work is linear in gates plus
    /// requirements. A refused gate stays on for the gates that require it:
    /// the problem is reported where it starts.
    pub(super) fn settle_requirements(
        &self,
        listed: &[u8],
        on: &mut [bool],
        rules: &mut [Rule],
    ) -> Settled<'_> {
        let mut settled = Settled {
            refused: Vec::new(),
            turned_off: Vec::new(),
        };
        for (position, requires) in self.requirements().iter() {
            if !on[position] {
                continue;
            }
            let Some(&missing) = requires.iter().find(|&&r| !on[r as usize]) else {
                continue;
            };
            if listed[position] == ENABLED {
                settled.refused.push((position, requires));
            } else {
                on[position] = false;
                rules[position] = Rule::MissingRequirement {
                    requirement: self.at(missing as usize),
                };
                settled.turned_off.push((position, requires));
            }
        }
        settled
            .refused
            .sort_unstable_by_key(|&(position, _)| position);
        settled
            .turned_off
            .sort_unstable_by_key(|&(position, _)| position);
        settled
    }

    /// A problem for each refused gate and a warning for each turned off,
    /// naming the requirements that are off and why.
    pub(super) fn report_requirements(
        &self,
        settled: &Settled<'_>,
        emulated: Option<crate::Version>,
        on: &[bool],
        rules: &[Rule],
        warnings: &mut Capped<Warning>,
        problems: &mut Capped<ConfigProblem>,
    ) {
        let missing = |requires: &[u32]| -> Vec<Explanation> {
            requires
                .iter()
                .map(|&r| r as usize)
                .filter(|&r| !on[r])
                .map(|r| Explanation::new(self.at(r), emulated, false, rules[r]))
                .collect()
        };
        let lists = [
            (&settled.refused, Severity::Refusal, problems),
            (&settled.turned_off, Severity::Warning, warnings),
        ];
        for (gates, severity, list) in lists {
            for &(position, requires) in gates {
                let gate = self.at(position);
                let probe = Problem::MissingRequirement {
                    gate,
                    missing: Vec::new(),
                    severity,
                };
                list.push_with(&probe, || Problem::MissingRequirement {
                    gate,
                    missing: missing(requires),
                    severity,
                });
            }
        }
    }
}
