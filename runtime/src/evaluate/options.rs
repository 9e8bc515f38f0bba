//! [`Options`]: how a configuration is evaluated: for which architectures,
//! under which [`ArchPolicy`](crate::ArchPolicy), strictly or not, at which
//! emulated release.

use crate::{Arch, ArchPolicy, Version};

/// How a configuration is evaluated: for which architectures, under which
/// policy, and whether unknown names are errors.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Options {
    /// The architectures the program runs on; several for a cluster whose
    /// nodes differ. Default: [`Arch::current()`] (none if it is not one of ours).
    pub archs: Vec<Arch>,
    /// What to do when an enabled gate is not Supported on one of `archs`.
    pub policy: ArchPolicy,
    /// Whether an unknown name is an error rather than a warning.
    pub strict: bool,
    /// Evaluate as the program behaved in this release: each gate has its
    /// state at that version ([`Gate::state_at`](crate::Gate::state_at)), and a gate not yet
    /// introduced is off (a name the configuration gives for it is an
    /// unknown name, whose warning says when it arrives). `None`: today's
    /// states.
    pub emulated_version: Option<Version>,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            archs: Arch::current().into_iter().collect(),
            policy: ArchPolicy::default(),
            strict: false,
            emulated_version: None,
        }
    }
}

impl Options {
    /// These options with `archs` as the target architectures.
    #[must_use]
    pub fn with_archs(mut self, archs: impl IntoIterator<Item = Arch>) -> Options {
        self.archs = archs.into_iter().collect();
        self
    }

    /// These options with `policy`.
    #[must_use]
    pub fn with_policy(mut self, policy: ArchPolicy) -> Options {
        self.policy = policy;
        self
    }

    /// These options, strict or not about unknown names.
    #[must_use]
    pub fn with_strict(mut self, strict: bool) -> Options {
        self.strict = strict;
        self
    }

    /// These options emulating release `version` (see
    /// [`Options::emulated_version`]).
    #[must_use]
    pub fn with_emulated_version(mut self, version: Version) -> Options {
        self.emulated_version = Some(version);
        self
    }
}
