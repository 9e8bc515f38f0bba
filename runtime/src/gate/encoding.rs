//! The layout the macro emits for a descriptor, and its decoding: which
//! string is where, the lengths as little-endian `u16`s, and the codes of
//! the state and of the support on each architecture. The macro writes the
//! same layout (`macros/src/expand.rs`); a code this side does not know
//! fails const evaluation.

use crate::{Arch, State, Support};

/// Indices of the strings packed into the descriptor's text, in that order. The
/// architectures' reasons follow `OWNER`, one per [`Arch`], then the stage
/// keys' versions as written, one per [`State`]. Then comes the
/// tail, whose parts carry no length: the description, a NUL, the module
/// path, a NUL and the file. The module path and the file cannot hold a NUL,
/// so the tail splits from its end, and the description (a doc comment, of
/// any length, NULs included) is what is left.
pub(crate) const NAME: usize = 0;
pub(crate) const MESSAGE: usize = 1;
pub(crate) const SINCE: usize = 2;
pub(crate) const OWNER: usize = 3;
pub(crate) const REASONS: usize = 4;
pub(crate) const STAGES: usize = REASONS + Arch::ALL.len();
/// Number of length-prefixed fields.
pub(crate) const FIELDS: usize = STAGES + State::ALL.len();
/// Bytes of the layout the macro emits: the lengths, then the codes.
pub(crate) const LAYOUT: usize = 2 * FIELDS + 4;
/// The codes of a declaration the macro rejected (no state has code 7).
pub(crate) const UNKNOWN_CODES: u32 = u32::MAX;

/// The lengths of the layout's fields.
pub(crate) const fn lens(layout: &[u8; LAYOUT]) -> [u16; FIELDS] {
    let mut lens = [0u16; FIELDS];
    let mut i = 0;
    while i < FIELDS {
        lens[i] = u16::from_le_bytes([layout[2 * i], layout[2 * i + 1]]);
        i += 1;
    }
    lens
}

/// The layout's codes: the state in bits 0..3, then 3 bits per architecture.
pub(crate) const fn codes(layout: &[u8; LAYOUT]) -> u32 {
    u32::from_le_bytes([
        layout[2 * FIELDS],
        layout[2 * FIELDS + 1],
        layout[2 * FIELDS + 2],
        layout[2 * FIELDS + 3],
    ])
}

/// The state of `codes`. A code this version does not know means the macro
/// and the runtime disagree on the layout: const evaluation fails rather
/// than guess.
pub(crate) const fn state_of(codes: u32) -> State {
    match codes & 0b111 {
        0 => State::Alpha,
        1 => State::Beta,
        2 => State::Ga,
        3 => State::Deprecated,
        4 => State::Discontinued,
        _ => panic!("featuregate: unknown state code in a descriptor"),
    }
}

/// The support on the architecture at `index` of `codes` (`None`: unspecified).
pub(crate) const fn support_of(codes: u32, index: usize) -> Option<Support> {
    match (codes >> (3 * (index + 1))) & 0b111 {
        0 => None,
        1 => Some(Support::Supported),
        2 => Some(Support::Pending),
        3 => Some(Support::Unsupported),
        4 => Some(Support::Unverified),
        _ => panic!("featuregate: unknown support code in a descriptor"),
    }
}

/// `codes` with `support` on the architecture at `index`: the inverse of
/// [`support_of`], for descriptors built at run time (`__private`).
pub(crate) const fn with_support(codes: u32, index: usize, support: Support) -> u32 {
    let code = match support {
        Support::Supported => 1,
        Support::Pending => 2,
        Support::Unsupported => 3,
        Support::Unverified => 4,
    };
    codes | (code << (3 * (index + 1)))
}
