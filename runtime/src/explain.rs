//! [`Explanation`]: why a gate of a [`FeatureSet`] is on or off, as data and
//! as one sentence an operator reads.

use std::fmt;

use crate::{FeatureSet, Gate, Rule};

/// Whether a gate is on in a [`FeatureSet`], and the [`Rule`] that decided.
///
/// Built by [`FeatureSet::explain`]. `Display` is one sentence naming the
/// gate: `feature gate ImageVolume is off: the configuration disables it`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Explanation {
    gate: &'static Gate,
    enabled: bool,
    rule: Rule,
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

    /// What decided the gate's value.
    #[must_use]
    pub fn rule(&self) -> Rule {
        self.rule
    }
}

impl fmt::Display for Explanation {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "feature gate {} is {}: {}",
            self.gate,
            if self.enabled { "on" } else { "off" },
            self.rule
        )
    }
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
        Explanation {
            gate: self.registry().at(position),
            enabled: self.by_position()[position],
            rule: self.rule_at(position),
        }
    }
}
