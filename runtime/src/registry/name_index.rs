//! The name index of a registry: an open-addressing table of positions.
//!
//! A std `HashMap<&str, u32>` with foldhash took as long to build as the sort
//! it follows. This table stores no keys, only a 32-bit tag of each name's
//! hash beside the gate's position; the gates' own names settle a tag match.
//! Built once, never grown, at most half full, so a probe sequence is short
//! and always ends at an empty slot.

use std::hash::BuildHasher as _;

use crate::Gate;

/// A fixed seed: the names come from the program itself, not from an
/// adversary, and a fixed hash keeps lookups reproducible.
const HASHER: foldhash::fast::FixedState =
    foldhash::fast::FixedState::with_seed(0x243F_6A88_85A3_08D3);

/// Each slot is `tag << 32 | (position + 1)`; 0 is empty.
pub(super) struct Index {
    slots: Box<[u64]>,
    mask: usize,
}

impl Index {
    /// Indexes `gates` (names unique) by name.
    pub(super) fn new(gates: &[&'static Gate]) -> Index {
        let len = (gates.len() * 2).next_power_of_two().max(8);
        let mask = len - 1;
        let mut slots = vec![0_u64; len].into_boxed_slice();
        for (position, gate) in gates.iter().enumerate() {
            let hash = HASHER.hash_one(gate.name());
            let mut i = hash as usize & mask;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = (hash & !0xFFFF_FFFF) | (position as u64 + 1);
        }
        Index { slots, mask }
    }

    /// The position in `gates` (those given to [`Index::new`]) of the gate
    /// called `name`.
    pub(super) fn get(&self, gates: &[&'static Gate], name: &str) -> Option<usize> {
        let hash = HASHER.hash_one(name);
        let tag = hash >> 32;
        let mut i = hash as usize & self.mask;
        loop {
            let slot = self.slots[i];
            if slot == 0 {
                return None;
            }
            if slot >> 32 == tag {
                let position = (slot as u32 - 1) as usize;
                if gates.get(position).is_some_and(|g| g.name() == name) {
                    return Some(position);
                }
            }
            i = (i + 1) & self.mask;
        }
    }
}
