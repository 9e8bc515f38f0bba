//! The compile-time checks of `requires`, run by const evaluation in the
//! crate that declares the gate.
//!
//! A const cannot read another gate's descriptor (it is a static holding an
//! atomic, and const evaluation refuses to read mutable memory), so each
//! marker type also carries a [`Decl`]: the descriptor's strings and layout
//! as plain constants. The expansion of `requires` evaluates [`require`]
//! (and [`require_distinct`]) in `const _: () = ...` items spanned at each
//! requirement's path, so a broken rule fails the build there, every
//! requirement's error at once. A const panic prints one `&str`, so the
//! checks write their whole message into a [`Message`] first.

use crate::gate::encoding::{self, LAYOUT, NAME, REASONS, UNKNOWN_CODES};
use crate::{Arch, Gate, State};

/// What const evaluation may read of a gate: its strings (without the
/// location) and layout, and the descriptor, for the list of the gate that
/// requires it.
#[doc(hidden)]
pub struct Decl {
    pub gate: &'static Gate,
    pub text: &'static str,
    pub layout: &'static [u8; LAYOUT],
}

/// The layout of a declaration the macro rejected.
const UNKNOWN_LAYOUT: [u8; LAYOUT] = {
    let mut layout = [0; LAYOUT];
    let codes = UNKNOWN_CODES.to_le_bytes();
    let mut i = 0;
    while i < 4 {
        layout[LAYOUT - 4 + i] = codes[i];
        i += 1;
    }
    layout
};

impl Decl {
    /// The declaration of the placeholder a rejected declaration gets: no
    /// check judges it, since its own errors are the ones to read.
    pub const UNKNOWN: Decl = Decl {
        gate: &crate::__private::FALLBACK,
        text: "",
        layout: &UNKNOWN_LAYOUT,
    };

    pub(crate) const fn known(&self) -> bool {
        encoding::codes(self.layout) != UNKNOWN_CODES
    }

    /// Whether the two declare the same gate: the same name. Const
    /// evaluation interprets every step, so the name's length goes first,
    /// and only then its bytes.
    const fn same_gate(&self, other: &Decl) -> bool {
        self.layout[2 * NAME] == other.layout[2 * NAME]
            && self.layout[2 * NAME + 1] == other.layout[2 * NAME + 1]
            && same(self.field_bytes(NAME), other.field_bytes(NAME))
    }

    pub(crate) const fn name(&self) -> &'static str {
        self.field(NAME)
    }

    const fn state(&self) -> State {
        encoding::state_of(encoding::codes(self.layout))
    }

    pub(crate) const fn reason(&self, arch: usize) -> &'static str {
        self.field(REASONS + arch)
    }

    const fn field(&self, index: usize) -> &'static str {
        match core::str::from_utf8(self.field_bytes(index)) {
            Ok(field) => field,
            Err(_) => "",
        }
    }

    /// The field's bytes, without the UTF-8 check `field` makes: what a
    /// comparison needs, at less cost to const evaluation.
    const fn field_bytes(&self, index: usize) -> &'static [u8] {
        let layout = self.layout;
        let mut start = 0;
        let mut i = 0;
        while i < index {
            start += u16::from_le_bytes([layout[2 * i], layout[2 * i + 1]]) as usize;
            i += 1;
        }
        let len = u16::from_le_bytes([layout[2 * index], layout[2 * index + 1]]) as usize;
        let bytes = self.text.as_bytes();
        if start + len > bytes.len() {
            return &[];
        }
        bytes.split_at(start).1.split_at(len).0
    }
}

/// A message written during const evaluation, at most 1 KiB (names are at
/// most 128 bytes and reasons are cut short, so it never fills up).
#[doc(hidden)]
pub struct Message {
    bytes: [u8; 1024],
    len: usize,
}

impl Message {
    pub(crate) const fn new() -> Message {
        Message {
            bytes: [0; 1024],
            len: 0,
        }
    }

    pub(crate) const fn push(&mut self, s: &str) {
        self.push_cut(s, s.len());
    }

    /// Separates a second broken rule from the first.
    const fn separate(&mut self) {
        if self.len > 0 {
            self.push("; and ");
        }
    }

    /// Pushes at most `max` bytes of `s`, cut at a character boundary,
    /// with `...` where it was cut.
    pub(crate) const fn push_cut(&mut self, s: &str, max: usize) {
        let bytes = s.as_bytes();
        let room = self.bytes.len() - self.len;
        let mut end = bytes.len();
        if end > max {
            end = max;
        }
        if end > room {
            end = room;
        }
        while end < bytes.len() && (bytes[end] & 0b1100_0000) == 0b1000_0000 {
            end -= 1;
        }
        let mut i = 0;
        while i < end {
            self.bytes[self.len] = bytes[i];
            self.len += 1;
            i += 1;
        }
        if end < bytes.len() && self.bytes.len() - self.len >= 3 {
            self.push("...");
        }
    }

    /// The message so far.
    pub const fn as_str(&self) -> &str {
        match core::str::from_utf8(self.bytes.split_at(self.len).0) {
            Ok(message) => message,
            Err(_) => "a requirement is broken",
        }
    }
}

/// How much of a reason a message quotes.
pub(crate) const REASON_MAX: usize = 120;

const fn same(a: &[u8], b: &[u8]) -> bool {
    if a.len() != b.len() {
        return false;
    }
    let mut i = 0;
    while i < a.len() {
        if a[i] != b[i] {
            return false;
        }
        i += 1;
    }
    true
}

/// Every rule one requirement breaks, in one message (`None` when it keeps
/// them all): a gate cannot require itself; it may require only gates at
/// least as mature; and it cannot be `Supported` on an architecture where
/// the requirement is `Unsupported`. The message is only written when a
/// rule is broken.
#[must_use]
pub const fn check(gate: &Decl, required: &Decl) -> Option<Message> {
    if !gate.known() || !required.known() {
        return None;
    }
    if gate.same_gate(required) {
        let mut message = Message::new();
        message.push("`");
        message.push(gate.name());
        message.push("` requires itself: a gate cannot require itself");
        return Some(message);
    }
    let rule = maturity_rule(gate.state(), required.state());
    let conflicts = conflicts(gate, required);
    if rule.is_none() && conflicts == 0 {
        return None;
    }
    let mut message = Message::new();
    if let Some(rule) = rule {
        message.push("`");
        message.push(gate.name());
        message.push("` (");
        message.push(gate.state().as_str());
        message.push(") cannot require `");
        message.push(required.name());
        message.push("` (");
        message.push(required.state().as_str());
        message.push("): ");
        message.push(rule);
    }
    if conflicts != 0 {
        message.separate();
        architectures(&mut message, gate, required, conflicts);
    }
    Some(message)
}

/// The same gate required twice, under two paths (the macro catches the
/// same path written twice): `required` against the requirements before it.
#[must_use]
pub const fn distinct(gate: &Decl, required: &Decl, earlier: &[&Decl]) -> Option<Message> {
    if !gate.known() || !required.known() {
        return None;
    }
    let mut i = 0;
    while i < earlier.len() {
        if earlier[i].known() && earlier[i].same_gate(required) {
            let mut message = Message::new();
            message.push("`");
            message.push(gate.name());
            message.push("` requires `");
            message.push(required.name());
            message.push("` twice: name each requirement once");
            return Some(message);
        }
        i += 1;
    }
    None
}

/// Fails const evaluation with [`check`]'s message when the requirement
/// breaks a rule. `#[track_caller]` reports the failure where this is called
/// (the expansion spans the call at the requirement's path), and the
/// `panic!` is here, once, rather than in every expansion, where the
/// compiler would expand and type-check its `format_args!` at every
/// requirement.
///
/// # Panics
///
/// When the requirement breaks a rule: in const evaluation, that fails the
/// build.
#[track_caller]
pub const fn require(gate: &Decl, required: &Decl) {
    if let Some(message) = &check(gate, required) {
        panic!("{}", message.as_str());
    }
}

/// [`require`] for [`distinct`].
///
/// # Panics
///
/// When `required` is one of `earlier`: in const evaluation, that fails the
/// build.
#[track_caller]
pub const fn require_distinct(gate: &Decl, required: &Decl, earlier: &[&Decl]) {
    if let Some(message) = &distinct(gate, required, earlier) {
        panic!("{}", message.as_str());
    }
}

/// Why a gate in `state` may not require one in `required`, if it may not:
/// GA only GA, Beta only Beta or GA, Alpha and Deprecated anything but
/// Discontinued; only a Discontinued gate may require a Discontinued one.
const fn maturity_rule(state: State, required: State) -> Option<&'static str> {
    match (state, required) {
        (State::Ga, State::Ga)
        | (State::Beta, State::Beta | State::Ga)
        | (
            State::Alpha | State::Deprecated,
            State::Alpha | State::Beta | State::Ga | State::Deprecated,
        )
        | (State::Discontinued, _) => None,
        (State::Ga, _) => Some("a GA gate may require only GA gates"),
        (State::Beta, _) => Some("a Beta gate may require only Beta or GA gates"),
        (State::Alpha | State::Deprecated, State::Discontinued) => {
            Some("only a Discontinued gate may require a Discontinued one")
        }
    }
}

/// The architectures (one bit each, in `Arch` order) where `gate` is
/// `Supported` and `required` is `Unsupported`.
const fn conflicts(gate: &Decl, required: &Decl) -> u32 {
    conflict_bits(
        encoding::codes(gate.layout),
        encoding::codes(required.layout),
    )
}

/// [`conflicts`] on the two layouts' codes, by bit arithmetic rather than a
/// loop over the architectures: const evaluation interprets every step, once
/// per requirement of every gate.
const fn conflict_bits(gate: u32, required: u32) -> u32 {
    // One 3-bit field per architecture after the state's: 1 is Supported,
    // 3 is Unsupported (see `encoding::support_of`).
    const ONES: u32 = {
        let mut ones = 0;
        let mut i = 0;
        while i < Arch::ALL.len() {
            ones |= 1 << (3 * i);
            i += 1;
        }
        ones
    };
    /// A bit at the bottom of each field of `fields` that equals `code`.
    const fn fields_equal(fields: u32, code: u32) -> u32 {
        let diff = fields ^ (code * ONES);
        !(diff | (diff >> 1) | (diff >> 2)) & ONES
    }
    let both = fields_equal(gate >> 3, 1) & fields_equal(required >> 3, 3);
    if both == 0 {
        return 0;
    }
    let mut found = 0;
    let mut i = 0;
    while i < Arch::ALL.len() {
        if both & (1 << (3 * i)) != 0 {
            found |= 1 << i;
        }
        i += 1;
    }
    found
}

/// Names each architecture of `conflicts` and the requirement's reason there.
const fn architectures(message: &mut Message, gate: &Decl, required: &Decl, conflicts: u32) {
    let mut first = true;
    let mut i = 0;
    while i < Arch::ALL.len() {
        if conflicts & (1 << i) != 0 {
            if first {
                message.push("`");
                message.push(gate.name());
                message.push("` is Supported on ");
                message.push(Arch::ALL[i].as_str());
                message.push(", where its requirement `");
                message.push(required.name());
                message.push("` is Unsupported");
            } else {
                message.push("; so is ");
                message.push(Arch::ALL[i].as_str());
            }
            let reason = required.reason(i);
            if reason.is_empty() {
                message.push(" (no reason given)");
            } else {
                message.push(" (");
                message.push_cut(reason, REASON_MAX);
                message.push(")");
            }
            first = false;
        }
        i += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::conflict_bits;
    use crate::gate::encoding::support_of;
    use crate::{Arch, Support};

    /// The loop over the architectures that `conflict_bits` replaces.
    fn conflicts_one_by_one(gate: u32, required: u32) -> u32 {
        (0..Arch::ALL.len())
            .filter(|&i| {
                support_of(gate, i) == Some(Support::Supported)
                    && support_of(required, i) == Some(Support::Unsupported)
            })
            .fold(0, |found, i| found | 1 << i)
    }

    /// The codes of every support value (and none) on every architecture,
    /// with state code `state`.
    fn every_codes(state: u32) -> impl Iterator<Item = u32> {
        (0..5u32.pow(5)).map(move |mut n| {
            let mut codes = state;
            for i in 0..5 {
                codes |= (n % 5) << (3 * (i + 1));
                n /= 5;
            }
            codes
        })
    }

    #[test]
    fn conflict_bits_agree_with_the_loop_over_architectures() {
        for gate in every_codes(2) {
            // Every gate against a spread of a fifth of the requirements.
            for required in every_codes(0).step_by(5) {
                assert_eq!(
                    conflict_bits(gate, required),
                    conflicts_one_by_one(gate, required),
                    "{gate:#x} {required:#x}"
                );
            }
        }
    }
}
