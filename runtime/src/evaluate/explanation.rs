//! [`Explanation`]: why a gate of a [`FeatureSet`] is on or off, as data and
//! as one sentence an operator reads.

use std::fmt;

use crate::{ArchSet, FeatureSet, Gate, Rule, State, Version};

/// Whether a gate is on in a [`FeatureSet`], and the [`Rule`] that decided.
///
/// Built by [`FeatureSet::explain`]. `Display` is one sentence naming the
/// gate: `feature gate ImageVolume is off: the configuration disables it`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Explanation {
    gate: &'static Gate,
    state: Option<State>,
    enabled: bool,
    rule: Rule,
    /// Where the gate is on (empty when no architecture was evaluated).
    archs: ArchSet,
    /// Where it is off while on elsewhere, and the rule that turned it off there.
    off_on: Option<(ArchSet, Rule)>,
}

impl Explanation {
    /// Whether the gate is on.
    #[must_use]
    pub fn enabled(&self) -> bool {
        self.enabled
    }

    /// The gate explained.
    #[must_use]
    pub fn gate(&self) -> &'static Gate {
        self.gate
    }

    /// The gate's state in the evaluated release: today's, or that at the
    /// emulated version ([`Options::emulated_version`](crate::Options::emulated_version));
    /// `None` when the gate did not exist yet then.
    #[must_use]
    pub fn state(&self) -> Option<State> {
        self.state
    }

    /// What decided the gate's value.
    #[must_use]
    pub fn rule(&self) -> Rule {
        self.rule
    }

    /// Where the gate is on, among the evaluated architectures
    /// ([`FeatureSet::archs`]); empty when no architecture was evaluated.
    #[must_use]
    pub fn archs(&self) -> ArchSet {
        self.archs
    }

    /// For a gate on on some evaluated architectures and off on others:
    /// those others, and the rule that turned it off there (the
    /// architecture policy's, or a requirement off there).
    #[must_use]
    pub fn off_on(&self) -> Option<(ArchSet, Rule)> {
        self.off_on
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let Some((off, why)) = self.off_on else {
            return write!(
                f,
                "feature gate {} is {}: {}",
                self.gate,
                if self.enabled { "on" } else { "off" },
                self.rule
            );
        };
        write!(
            f,
            "feature gate {} is on for {}: {}; ",
            self.gate, self.archs, self.rule
        )?;
        match why {
            // The policy's rule names the architectures itself.
            Rule::ArchPolicy { .. } => write!(f, "{why}"),
            _ => write!(f, "off on {off}: {why}"),
        }
    }
}

impl Explanation {
    /// The explanation of `gate`, evaluated at `emulated` (or today).
    pub(crate) fn new(
        gate: &'static Gate,
        emulated: Option<Version>,
        enabled: bool,
        rule: Rule,
    ) -> Explanation {
        Explanation {
            gate,
            state: emulated.map_or(Some(gate.state()), |version| gate.state_at(version)),
            enabled,
            rule,
            archs: ArchSet::EMPTY,
            off_on: None,
        }
    }
}

/// The gates' names as a list in a sentence: `A`, `A and B`, `A, B and C`.
pub(crate) fn names(f: &mut fmt::Formatter<'_>, explanations: &[Explanation]) -> fmt::Result {
    let gates: Vec<&Gate> = explanations.iter().map(|e| e.gate).collect();
    gate_names(f, &gates)
}

/// [`names`] of gates.
pub(crate) fn gate_names(f: &mut fmt::Formatter<'_>, gates: &[&Gate]) -> fmt::Result {
    let last = gates.len().saturating_sub(1);
    for (i, gate) in gates.iter().enumerate() {
        let sep = match i {
            0 => "",
            _ if i == last => " and ",
            _ => ", ",
        };
        write!(f, "{sep}{gate}")?;
    }
    Ok(())
}

impl FeatureSet {
    /// Why the gate called `name` is on or off, or `None` when this set's
    /// registry does not know the name.
    ///
    /// ```standalone_crate
    /// use featuregate::{GateConfig, Options, Rule, feature_gate, registry};
    ///
    /// #[feature_gate(state = Beta)]
    /// pub struct ImageVolume;
    ///
    /// let config = GateConfig::parse("ImageVolume=false")?;
    /// let set = registry().evaluate(&config, &Options::default())?;
    /// let why = set.explain("ImageVolume").unwrap();
    /// assert!(!why.enabled());
    /// assert_eq!(why.rule(), Rule::Configured { enabled: false });
    /// assert_eq!(why.to_string(), "feature gate ImageVolume is off: the configuration disables it");
    /// assert!(set.explain("NoSuchGate").is_none());
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    #[must_use]
    pub fn explain(&self, name: &str) -> Option<Explanation> {
        let position = self.registry().position(name)?;
        Some(self.explanation_at(position))
    }

    /// The explanation of the gate at `position` in the registry's order.
    pub(crate) fn explanation_at(&self, position: usize) -> Explanation {
        let mut explanation = Explanation::new(
            self.registry().at(position),
            self.emulated_version(),
            self.by_position()[position],
            self.rule_at(position),
        );
        explanation.archs = self.archs_at(position);
        explanation.off_on = self
            .per_arch()
            .partial_rule(position)
            .map(|rule| (self.evaluated_archs().difference(explanation.archs), rule));
        explanation
    }
}
