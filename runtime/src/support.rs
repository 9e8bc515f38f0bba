//! How well a gate works on one architecture.

use crate::spelling::vocabulary;

vocabulary! {
    /// A gate's support on one architecture (KubeVirt's per-architecture design).
    /// A declaration that names no value for an architecture leaves it
    /// *unspecified*, which is `None` wherever a `Support` is optional.
    Support, "support value" {
        /// Fully supported and tested on that architecture.
        Supported = "Supported",
        /// Planned, not yet complete.
        Pending = "Pending",
        /// Cannot work there (hardware limits).
        Unsupported = "Unsupported",
        /// Should work, not yet tested.
        Unverified = "Unverified",
    }
}

#[cfg(test)]
mod tests {
    use super::Support;

    #[test]
    fn spellings_round_trip() {
        for support in Support::ALL {
            assert_eq!(support.to_string().parse::<Support>(), Ok(support));
        }
        assert_eq!("unverified".parse::<Support>(), Ok(Support::Unverified));
        assert!(
            "Suported"
                .parse::<Support>()
                .unwrap_err()
                .to_string()
                .ends_with("did you mean `Supported`?")
        );
    }
}
