//! [`Registry::assess`]: the evidence per gate and architecture against
//! the [`EvidencePolicy`], as an [`Assessment`] with its findings, its
//! warnings and the test plan of untested gates.

use std::collections::HashMap;
use std::fmt::Write as _;

use super::collected::{Evidence, Test};
use super::finding::{Finding, FindingKind};
use crate::text::escape::quoted;
use crate::{Arch, Gate, Registry, State, Support};

/// How much evidence backs a support claim, applied as OpenShift's
/// `featuregate-test-analyzer` applies it, per test: a gate's evidence on
/// an architecture meets the policy when at least `min_tests` of its tests
/// each ran at least `min_runs` times there and each passed at least
/// `min_pass_rate` of its runs (a rate at the threshold meets it).
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct EvidencePolicy {
    /// Tests that must each meet `min_runs` and `min_pass_rate` (5; 0
    /// counts as 1: no test is no evidence).
    pub min_tests: usize,
    /// Runs a test needs on the architecture to count (14).
    pub min_runs: usize,
    /// The share of a test's runs that must pass, 0 to 1 (0.95).
    pub min_pass_rate: f64,
}

impl Default for EvidencePolicy {
    fn default() -> EvidencePolicy {
        EvidencePolicy {
            min_tests: 5,
            min_runs: 14,
            min_pass_rate: 0.95,
        }
    }
}

impl EvidencePolicy {
    /// Whether `passes` of `runs` is at least the pass rate.
    pub(super) fn rate_met(&self, passes: usize, runs: usize) -> bool {
        // Compared in integers where the rate has few decimals, so that
        // 950 of 1,000 meets 0.95 exactly; a tolerance for the rest.
        #[allow(clippy::cast_precision_loss)]
        let (p, r) = (passes as f64, runs as f64);
        p >= self.min_pass_rate * r - 1e-9 * r.max(1.0)
    }
}

/// What the evidence shows for one gate on one architecture.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
#[non_exhaustive]
pub struct Observed {
    /// Tests of the gate that ran at least once.
    pub tests: usize,
    /// Runs of those tests (passed, failed or errored; skips are none).
    pub runs: usize,
    /// Runs that passed (not on a retry).
    pub passes: usize,
    /// Runs that failed, errored or passed only on a retry.
    pub failures: usize,
    /// Tests that ran at least `min_runs` times at `min_pass_rate` or better.
    pub meeting: usize,
    /// Tests that ran at least `min_runs` times below `min_pass_rate`.
    pub below: usize,
    last_failure: Option<(u64, String, String)>,
}

impl Observed {
    /// `passes / runs`, 0 when nothing ran.
    #[must_use]
    pub fn pass_rate(&self) -> f64 {
        if self.runs == 0 {
            0.0
        } else {
            #[allow(clippy::cast_precision_loss)]
            let rate = self.passes as f64 / self.runs as f64;
            rate
        }
    }

    /// The latest failure read: the test (cut to 64 bytes) and its message
    /// (cut to 200), both escaped.
    #[must_use]
    pub fn last_failure(&self) -> Option<(&str, &str)> {
        self.last_failure
            .as_ref()
            .map(|(_, test, message)| (test.as_str(), message.as_str()))
    }

    fn add(&mut self, key: &str, test: &Test, policy: &EvidencePolicy) {
        if test.runs == 0 {
            return;
        }
        self.tests += 1;
        self.runs += test.runs;
        self.passes += test.passes;
        self.failures += test.runs - test.passes;
        if test.runs >= policy.min_runs {
            if policy.rate_met(test.passes, test.runs) {
                self.meeting += 1;
            } else {
                self.below += 1;
            }
        }
        if let Some((seq, message)) = &test.last_failure
            && self.last_failure.as_ref().is_none_or(|(s, _, _)| s < seq)
        {
            self.last_failure = Some((*seq, quoted(key).to_string(), message.to_string()));
        }
    }
}

/// The evidence judged against a policy: per gate and covered architecture
/// what was [`Observed`], the [`Finding`]s, the warnings about names that
/// are no gate, and the untested gates.
#[derive(Debug, Clone)]
pub struct Assessment {
    archs: Vec<Arch>,
    gates: Vec<&'static Gate>,
    /// `gates.len() x archs.len()`, row by row.
    observed: Vec<Observed>,
    findings: Vec<Finding>,
    /// Per cell (as `observed`), the index of its finding.
    finding_at: Vec<Option<usize>>,
    warnings: Vec<String>,
    policy: EvidencePolicy,
}

/// How many warnings are given; one more counts the rest.
const MAX_WARNINGS: usize = 100;

impl Registry {
    /// Judges `evidence` against `policy` (section 15): one [`Finding`] at
    /// most per Alpha, Beta or GA gate and covered architecture, the first
    /// that applies of Regressed, Contradicted, Unbacked and Promote.
    /// Only the architectures with at least one file are judged.
    #[must_use]
    pub fn assess(&self, evidence: &Evidence, policy: &EvidencePolicy) -> Assessment {
        let archs = evidence.archs();
        let gates: Vec<&'static Gate> = self.iter().collect();
        let mut warnings = Warnings::default();
        let tag_gates: Vec<Option<usize>> = evidence
            .tag_names()
            .iter()
            .map(|name| {
                let found = self.position(name);
                if found.is_none() {
                    warnings
                        .push(|| unknown(self, name, "a test's tag names unknown feature gate"));
                }
                found
            })
            .collect();
        let rules = evidence.map().rules();
        let rule_gates: Vec<Option<usize>> = rules
            .iter()
            .map(|rule| {
                let found = self.position(&rule.gate);
                if found.is_none() {
                    warnings.push(|| {
                        unknown(
                            self,
                            &rule.gate,
                            &format!("map line {} names unknown feature gate", rule.line),
                        )
                    });
                }
                found
            })
            .collect();
        let mut observed = vec![Observed::default(); gates.len() * archs.len()];
        let mut of_test: Vec<usize> = Vec::new();
        for (column, &arch) in archs.iter().enumerate() {
            for (key, test) in evidence.tests_on(arch) {
                of_test.clear();
                of_test.extend(test.tags.iter().filter_map(|&id| tag_gates[id as usize]));
                for (rule, gate) in rules.iter().zip(&rule_gates) {
                    if let Some(gate) = gate
                        && rule.matches(key)
                    {
                        of_test.push(*gate);
                    }
                }
                of_test.sort_unstable();
                of_test.dedup();
                for &gate in &of_test {
                    observed[gate * archs.len() + column].add(key, test, policy);
                }
            }
        }
        let mut findings = Vec::new();
        let mut finding_at = vec![None; observed.len()];
        for (row, &gate) in gates.iter().enumerate() {
            if !judged(gate) {
                continue;
            }
            for (column, &arch) in archs.iter().enumerate() {
                let seen = &observed[row * archs.len() + column];
                let declared = gate.support(arch);
                if let Some(kind) = kind(declared, seen, policy) {
                    finding_at[row * archs.len() + column] = Some(findings.len());
                    findings.push(Finding::new(
                        gate,
                        arch,
                        kind,
                        declared,
                        seen.clone(),
                        *policy,
                    ));
                }
            }
        }
        Assessment {
            archs,
            gates,
            observed,
            findings,
            finding_at,
            warnings: warnings.finish(),
            policy: *policy,
        }
    }
}

/// Findings and the test plan are for gates still maturing or live.
fn judged(gate: &Gate) -> bool {
    matches!(gate.state(), State::Alpha | State::Beta | State::Ga)
}

/// The first finding that applies: Regressed, Contradicted, Unbacked, Promote.
fn kind(
    declared: Option<Support>,
    seen: &Observed,
    policy: &EvidencePolicy,
) -> Option<FindingKind> {
    // However low the policy sets it, evidence is at least one test.
    let meets = seen.meeting >= policy.min_tests.max(1);
    match declared {
        Some(Support::Supported) if seen.below > 0 => Some(FindingKind::Regressed),
        Some(Support::Unsupported) if meets => Some(FindingKind::Contradicted),
        Some(Support::Supported) if !meets => Some(FindingKind::Unbacked),
        None | Some(Support::Unverified | Support::Pending) if meets => Some(FindingKind::Promote),
        _ => None,
    }
}

fn unknown(registry: &Registry, name: &str, what: &str) -> String {
    let mut text = format!("{what} {}", quoted(name));
    if let Some(suggestion) = registry.suggest(name) {
        let _ = write!(text, "; did you mean {suggestion}?");
    }
    text
}

/// Warnings, at most [`MAX_WARNINGS`], then one counting the rest; the
/// text (with its suggestion) is built only for the ones kept.
#[derive(Default)]
struct Warnings {
    items: Vec<String>,
    count: usize,
}

impl Warnings {
    fn push(&mut self, make: impl FnOnce() -> String) {
        self.count += 1;
        if self.count <= MAX_WARNINGS {
            self.items.push(make());
        }
    }

    fn finish(mut self) -> Vec<String> {
        if self.count > MAX_WARNINGS {
            self.items.push(format!(
                "{} more unknown feature gate names in tags and map rules",
                self.count - MAX_WARNINGS
            ));
        }
        self.items
    }
}

impl Assessment {
    /// What the evidence shows for gate `name` on `arch`; `None` for a
    /// name the registry does not know or an architecture without files.
    #[must_use]
    pub fn get(&self, name: &str, arch: Arch) -> Option<&Observed> {
        self.observed.get(self.cell(name, arch)?)
    }

    /// The index of the cell of gate `name` on `arch` (the gates are in
    /// name order, as the registry keeps them).
    fn cell(&self, name: &str, arch: Arch) -> Option<usize> {
        let column = self.archs.iter().position(|&a| a == arch)?;
        let row = self.gates.binary_search_by(|g| g.name().cmp(name)).ok()?;
        Some(row * self.archs.len() + column)
    }

    /// The findings, by gate name, then architecture.
    #[must_use]
    pub fn findings(&self) -> &[Finding] {
        &self.findings
    }

    /// The finding for `gate` on `arch`, if any.
    #[must_use]
    pub fn finding(&self, name: &str, arch: Arch) -> Option<&Finding> {
        let index = self.finding_at[self.cell(name, arch)?]?;
        self.findings.get(index)
    }

    /// Tags and map rules that name no gate of the registry, each with the
    /// closest name (at most 100, then one counting the rest).
    #[must_use]
    pub fn warnings(&self) -> &[String] {
        &self.warnings
    }

    /// The test plan on `arch`: the Alpha, Beta and GA gates with no run
    /// there, most mature first (GA, Beta, Alpha), then by name. Empty for
    /// an architecture without files.
    #[must_use]
    pub fn untested(&self, arch: Arch) -> Vec<&'static Gate> {
        let Some(column) = self.archs.iter().position(|&a| a == arch) else {
            return Vec::new();
        };
        let mut plan: Vec<&'static Gate> = self
            .gates
            .iter()
            .enumerate()
            .filter(|(row, gate)| {
                judged(gate) && self.observed[row * self.archs.len() + column].runs == 0
            })
            .map(|(_, gate)| *gate)
            .collect();
        plan.sort_by_key(|gate| std::cmp::Reverse(maturity(gate.state())));
        plan
    }

    /// The architectures judged (those with files), in [`Arch`] order.
    #[must_use]
    pub fn archs(&self) -> &[Arch] {
        &self.archs
    }

    /// Every gate of the registry, in name order.
    #[must_use]
    pub fn gates(&self) -> &[&'static Gate] {
        &self.gates
    }

    /// The policy the evidence was judged against.
    #[must_use]
    pub fn policy(&self) -> &EvidencePolicy {
        &self.policy
    }

    /// Counts of each finding kind.
    pub(crate) fn counts(&self) -> HashMap<FindingKind, usize> {
        let mut counts = HashMap::new();
        for finding in &self.findings {
            *counts.entry(finding.kind).or_insert(0) += 1;
        }
        counts
    }
}

fn maturity(state: State) -> u8 {
    match state {
        State::Ga => 3,
        State::Beta => 2,
        _ => 1,
    }
}
