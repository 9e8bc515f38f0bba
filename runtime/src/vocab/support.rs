//! How well a gate works on one architecture.

use crate::vocab::vocabulary::vocabulary;

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

vocabulary! {
    /// A gate's status on one architecture: one of the four [`Support`]
    /// values, or *unspecified* when the declaration does not name the
    /// architecture. The one name for "a support value or unspecified", used
    /// by the architecture policy, coverage and the CLI's filters alike.
    Status, "status" {
        /// Declared [`Support::Supported`].
        Supported = "Supported",
        /// Declared [`Support::Pending`].
        Pending = "Pending",
        /// Declared [`Support::Unsupported`].
        Unsupported = "Unsupported",
        /// Declared [`Support::Unverified`].
        Unverified = "Unverified",
        /// Not named by the declaration (legacy behaviour), which is none of the four.
        Unspecified = "unspecified",
    }
}

impl Status {
    /// The status of an optional support value (`None`: unspecified).
    #[must_use]
    pub const fn of(support: Option<Support>) -> Status {
        match support {
            Some(Support::Supported) => Status::Supported,
            Some(Support::Pending) => Status::Pending,
            Some(Support::Unsupported) => Status::Unsupported,
            Some(Support::Unverified) => Status::Unverified,
            None => Status::Unspecified,
        }
    }

    /// The support value, or `None` when unspecified.
    #[must_use]
    pub const fn support(self) -> Option<Support> {
        match self {
            Status::Supported => Some(Support::Supported),
            Status::Pending => Some(Support::Pending),
            Status::Unsupported => Some(Support::Unsupported),
            Status::Unverified => Some(Support::Unverified),
            Status::Unspecified => None,
        }
    }
}

impl From<Option<Support>> for Status {
    fn from(support: Option<Support>) -> Status {
        Status::of(support)
    }
}

impl From<Support> for Status {
    fn from(support: Support) -> Status {
        Status::of(Some(support))
    }
}

impl From<Status> for Option<Support> {
    fn from(status: Status) -> Option<Support> {
        status.support()
    }
}

#[cfg(test)]
mod tests {
    use super::{Status, Support};

    #[test]
    fn status_round_trips_through_support() {
        for status in Status::ALL {
            assert_eq!(Status::of(status.support()), status);
            assert_eq!(status.to_string().parse::<Status>(), Ok(status));
        }
        assert_eq!("UNSPECIFIED".parse::<Status>(), Ok(Status::Unspecified));
        assert_eq!(Status::from(Support::Pending), Status::Pending);
    }

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
