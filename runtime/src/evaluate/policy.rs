//! The architecture policy: what to do about an enabled gate that is not
//! Supported on a target architecture ([`ArchPolicy`], [`Action`]), and the
//! verdict, decided here and only here.

use std::fmt;

use crate::vocab::vocabulary::vocabulary;
use crate::{Arch, ArchSet, Gate, Options, Status};

/// An [`ArchPolicy`] with its target architectures (each once, in [`Arch`]
/// order) and its action for each [`Status`] looked up once: evaluation asks
/// it about every enabled gate.
pub(crate) struct Judge {
    archs: [Arch; Arch::ALL.len()],
    len: usize,
    /// By `Status as usize`.
    actions: [Action; Status::ALL.len()],
}

vocabulary! {
    /// What evaluation does about an enabled gate with a given status on a
    /// target architecture.
    Action, "action" {
        /// Nothing.
        Allow = "Allow",
        /// A [`Warning::ArchSupport`](crate::Warning::ArchSupport); the gate stays on.
        Warn = "Warn",
        /// Turns the gate off, with a [`Warning::ArchDisabled`](crate::Warning::ArchDisabled).
        Disable = "Disable",
        /// Refuses a configuration that names the gate to enable it (a
        /// [`ConfigProblem::ArchDenied`](crate::ConfigProblem::ArchDenied)); a
        /// gate on only by default or by `AllAlpha`/`AllBeta` is turned off
        /// with a warning instead, so an empty configuration is never refused.
        Deny = "Deny",
    }
}

impl Action {
    /// How severe the action is: when a gate's statuses on several target
    /// architectures call for different actions, the most severe is taken.
    const fn severity(self) -> u8 {
        match self {
            Action::Allow => 0,
            Action::Warn => 1,
            Action::Disable => 2,
            Action::Deny => 3,
        }
    }
}

/// The [`Action`] for each status an enabled gate can have on a target
/// architecture other than Supported (which is always allowed).
///
/// The default, Warn, Warn, Warn, Allow, informs without refusing anything
/// (`KubeVirt`'s per-architecture design asks for warnings). The policy judges
/// the gates a configuration can switch: enabled Alpha, Beta and Deprecated
/// gates, not GA ones, which are always on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct ArchPolicy {
    /// For [`Status::Unsupported`].
    pub unsupported: Action,
    /// For [`Status::Pending`].
    pub pending: Action,
    /// For [`Status::Unverified`].
    pub unverified: Action,
    /// For [`Status::Unspecified`]: an architecture the declaration does not name.
    pub unspecified: Action,
}

impl Default for ArchPolicy {
    fn default() -> ArchPolicy {
        ArchPolicy {
            unsupported: Action::Warn,
            pending: Action::Warn,
            unverified: Action::Warn,
            unspecified: Action::Allow,
        }
    }
}

/// The policy's word on one enabled gate, per target architecture: where
/// it denies, where it turns the gate off (`Disable` or `Deny`), and where
/// it warns.
#[derive(Clone, Copy)]
pub(crate) struct Verdict {
    /// Where the action is `Deny`: a configuration naming the gate is refused.
    pub(crate) deny: ArchStatuses,
    /// Where the action is `Disable` or `Deny`: the gate is off there
    /// (unless the configuration names it and `Deny` refuses it).
    pub(crate) off: ArchStatuses,
    /// The most severe action of `off` (`Disable` or `Deny`).
    pub(crate) off_action: Action,
    /// Where the action is `Warn`: the gate stays on there, with a warning.
    pub(crate) warn: ArchStatuses,
}

impl Verdict {
    /// The rule of a gate the policy turns off where it does.
    pub(crate) fn off_rule(self) -> Option<crate::Rule> {
        (!self.off.is_empty()).then_some(crate::Rule::ArchPolicy {
            action: self.off_action,
            archs: self.off,
        })
    }
}

impl ArchPolicy {
    /// The same action for every status.
    #[must_use]
    pub const fn uniform(action: Action) -> ArchPolicy {
        ArchPolicy {
            unsupported: action,
            pending: action,
            unverified: action,
            unspecified: action,
        }
    }

    /// The action for a status.
    #[must_use]
    pub const fn action(self, status: Status) -> Action {
        match status {
            Status::Supported => Action::Allow,
            Status::Pending => self.pending,
            Status::Unsupported => self.unsupported,
            Status::Unverified => self.unverified,
            Status::Unspecified => self.unspecified,
        }
    }
}

impl Judge {
    /// The policy's verdict on an enabled gate on each target
    /// architecture, decided here and nowhere else: each architecture
    /// falls where its status's action puts it (an allowed one nowhere).
    #[inline]
    pub(crate) fn verdict(&self, gate: &Gate) -> Verdict {
        let mut verdict = Verdict {
            deny: ArchStatuses::default(),
            off: ArchStatuses::default(),
            off_action: Action::Allow,
            warn: ArchStatuses::default(),
        };
        for &arch in &self.archs[..self.len] {
            let status = gate.status(arch);
            match self.actions[status as usize] {
                Action::Allow => {}
                Action::Warn => verdict.warn.insert(arch, status),
                action @ (Action::Disable | Action::Deny) => {
                    if action == Action::Deny {
                        verdict.deny.insert(arch, status);
                    }
                    verdict.off.insert(arch, status);
                    if action.severity() > verdict.off_action.severity() {
                        verdict.off_action = action;
                    }
                }
            }
        }
        verdict
    }

    /// The target architectures, as a set.
    pub(crate) fn archs(&self) -> ArchSet {
        self.archs[..self.len].iter().copied().collect()
    }
}

/// Some architectures, each with a gate's [`Status`] there, in [`Arch`]
/// order. Small and `Copy`: evaluation builds one per judged gate without
/// allocating.
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ArchStatuses {
    /// Three bits per architecture, by [`Arch::index`]: 0 when absent, else
    /// the index of its status in [`Status::ALL`] plus one. One integer, so
    /// evaluation builds it in a register (a struct of bytes written one by
    /// one and read back whole stalled the loop over gates).
    codes: u16,
}

impl ArchStatuses {
    fn insert(&mut self, arch: Arch, status: Status) {
        let shift = 3 * arch.index();
        // `Status::ALL` lists the statuses in declaration order.
        let code = status as u16 + 1;
        self.codes = (self.codes & !(0b111 << shift)) | (code << shift);
    }

    /// These, restricted to the architectures of `archs`: a mask over the
    /// codes, as evaluation asks this of every warned gate.
    pub(crate) fn only(self, archs: ArchSet) -> ArchStatuses {
        let mut keep = 0u16;
        for i in 0..Arch::ALL.len() {
            if archs.bits() & (1 << i) != 0 {
                keep |= 0b111 << (3 * i);
            }
        }
        ArchStatuses {
            codes: self.codes & keep,
        }
    }

    /// The architectures, as a set.
    #[must_use]
    pub fn arch_set(&self) -> ArchSet {
        let mut bits = 0u8;
        for i in 0..Arch::ALL.len() {
            if (self.codes >> (3 * i)) & 0b111 != 0 {
                bits |= 1 << i;
            }
        }
        ArchSet::from_bits(bits)
    }

    /// The status on `arch`, or `None` when `arch` is not among these.
    #[must_use]
    pub fn get(&self, arch: Arch) -> Option<Status> {
        let code = (self.codes >> (3 * arch.index())) & 0b111;
        usize::from(code)
            .checked_sub(1)
            .and_then(|i| Status::ALL.get(i).copied())
    }

    /// Whether `arch` is among these.
    #[must_use]
    pub fn contains(&self, arch: Arch) -> bool {
        self.get(arch).is_some()
    }

    /// How many architectures there are.
    #[must_use]
    pub fn len(&self) -> usize {
        self.archs().count()
    }

    /// Whether there are none.
    #[must_use]
    pub fn is_empty(&self) -> bool {
        self.codes == 0
    }

    /// The architectures with their statuses, in [`Arch`] order.
    pub fn iter(&self) -> impl Iterator<Item = (Arch, Status)> + '_ {
        Arch::ALL
            .into_iter()
            .filter_map(|a| self.get(a).map(|s| (a, s)))
    }

    /// The architectures, in [`Arch`] order.
    pub fn archs(&self) -> impl Iterator<Item = Arch> + '_ {
        self.iter().map(|(a, _)| a)
    }
}

impl fmt::Debug for ArchStatuses {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map().entries(self.iter()).finish()
    }
}

/// `arm64 (Unverified), s390x (unspecified)`.
impl fmt::Display for ArchStatuses {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, (arch, status)) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            write!(f, "{arch} ({status})")?;
        }
        Ok(())
    }
}

impl Options {
    /// The policy ready to judge gates on the target architectures.
    pub(crate) fn judge(&self) -> Judge {
        let mut present = [false; Arch::ALL.len()];
        for &arch in &self.archs {
            present[arch.index()] = true;
        }
        let mut judge = Judge {
            archs: [Arch::Amd64; Arch::ALL.len()],
            len: 0,
            actions: Status::ALL.map(|status| self.policy.action(status)),
        };
        for arch in Arch::ALL.into_iter().filter(|a| present[a.index()]) {
            judge.archs[judge.len] = arch;
            judge.len += 1;
        }
        judge
    }
}
