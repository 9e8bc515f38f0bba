//! [`ArchSet`]: some architectures, as one small `Copy` value.

use std::fmt;

use crate::Arch;

/// A set of [`Arch`]: where a gate is on in a cluster
/// ([`FeatureSet::archs`](crate::FeatureSet::archs)), where a spec can run
/// ([`Placement::archs`](crate::Placement::archs)). One byte, iterated in
/// [`Arch`] order; `Display` is `amd64, arm64` (empty for none).
///
/// ```
/// use featuregate::{Arch, ArchSet};
///
/// let set: ArchSet = [Arch::S390x, Arch::Amd64].into_iter().collect();
/// assert!(set.contains(Arch::Amd64) && !set.contains(Arch::Arm64));
/// assert_eq!(set.len(), 2);
/// assert_eq!(set.to_string(), "amd64, s390x");
/// assert_eq!(set.iter().collect::<Vec<_>>(), [Arch::Amd64, Arch::S390x]);
/// assert!(ArchSet::EMPTY.is_empty());
/// ```
#[derive(Clone, Copy, PartialEq, Eq, Hash, Default)]
pub struct ArchSet {
    /// One bit per architecture, by [`Arch::index`].
    bits: u8,
}

impl ArchSet {
    /// No architecture.
    pub const EMPTY: ArchSet = ArchSet { bits: 0 };

    /// Every architecture this crate knows ([`Arch::ALL`]).
    pub const ALL: ArchSet = ArchSet {
        bits: (1 << Arch::ALL.len()) - 1,
    };

    /// The set of one architecture.
    #[must_use]
    pub const fn only(arch: Arch) -> ArchSet {
        ArchSet {
            bits: 1 << arch.index(),
        }
    }

    /// The set of the bits `bits` (those past the architectures dropped).
    pub(crate) const fn from_bits(bits: u8) -> ArchSet {
        ArchSet {
            bits: bits & ArchSet::ALL.bits,
        }
    }

    /// One bit per architecture, by [`Arch::index`].
    pub(crate) const fn bits(self) -> u8 {
        self.bits
    }

    /// Whether `arch` is in the set.
    #[must_use]
    pub const fn contains(self, arch: Arch) -> bool {
        self.bits & (1 << arch.index()) != 0
    }

    /// How many architectures are in the set.
    #[must_use]
    pub const fn len(self) -> usize {
        self.bits.count_ones() as usize
    }

    /// Whether the set is empty.
    #[must_use]
    pub const fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// The set with `arch` added.
    #[must_use]
    pub const fn with(self, arch: Arch) -> ArchSet {
        ArchSet {
            bits: self.bits | (1 << arch.index()),
        }
    }

    /// The set with `arch` removed.
    #[must_use]
    pub const fn without(self, arch: Arch) -> ArchSet {
        ArchSet {
            bits: self.bits & !(1 << arch.index()),
        }
    }

    /// The architectures in both sets.
    #[must_use]
    pub const fn intersection(self, other: ArchSet) -> ArchSet {
        ArchSet {
            bits: self.bits & other.bits,
        }
    }

    /// The architectures in either set.
    #[must_use]
    pub const fn union(self, other: ArchSet) -> ArchSet {
        ArchSet {
            bits: self.bits | other.bits,
        }
    }

    /// The architectures of this set that are not in `other`.
    #[must_use]
    pub const fn difference(self, other: ArchSet) -> ArchSet {
        ArchSet {
            bits: self.bits & !other.bits,
        }
    }

    /// The architectures, in [`Arch`] order.
    pub fn iter(self) -> impl Iterator<Item = Arch> + Clone {
        Arch::ALL.into_iter().filter(move |&a| self.contains(a))
    }
}

impl FromIterator<Arch> for ArchSet {
    fn from_iter<I: IntoIterator<Item = Arch>>(iter: I) -> ArchSet {
        iter.into_iter().fold(ArchSet::EMPTY, ArchSet::with)
    }
}

impl From<Arch> for ArchSet {
    fn from(arch: Arch) -> ArchSet {
        ArchSet::only(arch)
    }
}

impl fmt::Debug for ArchSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.iter()).finish()
    }
}

/// `amd64, arm64`, in [`Arch`] order; empty for no architecture.
impl fmt::Display for ArchSet {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, arch) in self.iter().enumerate() {
            if i > 0 {
                f.write_str(", ")?;
            }
            f.write_str(arch.as_str())?;
        }
        Ok(())
    }
}

/// A list of architecture names, `["amd64", "arm64"]`.
#[cfg(feature = "serde")]
impl serde::Serialize for ArchSet {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_seq(self.iter().map(Arch::as_str))
    }
}

#[cfg(test)]
mod tests {
    use super::ArchSet;
    use crate::Arch;

    #[test]
    fn set_operations_follow_the_bits() {
        let a: ArchSet = [Arch::Amd64, Arch::Arm64].into_iter().collect();
        let b: ArchSet = [Arch::Arm64, Arch::S390x].into_iter().collect();
        assert_eq!(a.intersection(b), ArchSet::only(Arch::Arm64));
        assert_eq!(a.union(b).len(), 3);
        assert_eq!(a.difference(b), ArchSet::only(Arch::Amd64));
        assert_eq!(
            a.without(Arch::Amd64).with(Arch::Riscv64).to_string(),
            "arm64, riscv64"
        );
        assert_eq!(ArchSet::ALL.len(), Arch::ALL.len());
        assert_eq!(ArchSet::from_bits(0xff), ArchSet::ALL);
        assert_eq!(format!("{:?}", ArchSet::only(Arch::S390x)), "{S390x}");
        assert_eq!(ArchSet::EMPTY.to_string(), "");
    }
}
