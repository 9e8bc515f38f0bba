//! The maturity of a gate.

use crate::vocab::vocabulary::vocabulary;

vocabulary! {
    /// A gate's maturity, with KubeVirt's meaning.
    State, "state" {
        /// Off unless enabled.
        Alpha = "Alpha",
        /// On unless disabled.
        Beta = "Beta",
        /// Always on; the gate is redundant.
        Ga = "GA" | "General Availability",
        /// Off unless enabled; enabling it warns.
        Deprecated = "Deprecated",
        /// Always off; the feature is gone.
        Discontinued = "Discontinued",
    }
}

impl State {
    /// The name the standard messages use (`General Availability` for GA).
    #[must_use]
    pub const fn long_name(self) -> &'static str {
        match self {
            State::Ga => "General Availability",
            other => other.as_str(),
        }
    }

    /// Whether a gate in this state is on when the configuration names it nowhere.
    #[must_use]
    pub const fn default_enabled(self) -> bool {
        matches!(self, State::Beta | State::Ga)
    }
}

#[cfg(test)]
mod tests {
    use super::State;

    #[test]
    fn spellings_round_trip() {
        for state in State::ALL {
            assert_eq!(state.to_string().parse::<State>(), Ok(state));
        }
        assert_eq!(State::Ga.to_string(), "GA");
        assert_eq!("ga".parse::<State>(), Ok(State::Ga));
    }

    #[test]
    fn unknown_state_suggests() {
        let err = "Bta".parse::<State>().unwrap_err();
        assert_eq!(err.to_string(), "unknown state `Bta`; did you mean `Beta`?");
    }
}
