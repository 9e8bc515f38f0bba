//! The compile-time checks of `requires`, run by const evaluation in the
//! crate that declares the gate.
//!
//! A const cannot read another gate's descriptor (it is a static holding an
//! atomic, and const evaluation refuses to read mutable memory), so each
//! marker type also carries a [`Decl`]: the descriptor's strings and layout
//! as plain constants. The expansion of `requires` evaluates the checks
//! below in `const _: () = ...` items spanned at the requirement's path, so
//! a broken rule fails the build there, one error per requirement and rule,
//! all at once. A const `panic!` prints one `&str`, so each check writes its
//! whole message into a [`Message`] first.

use crate::gate::{self, LAYOUT, NAME, REASONS, UNKNOWN_CODES};
use crate::{Arch, Gate, State, Support};

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

    const fn known(&self) -> bool {
        gate::codes(self.layout) != UNKNOWN_CODES
    }

    const fn name(&self) -> &'static str {
        self.field(NAME)
    }

    const fn state(&self) -> State {
        gate::state_of(gate::codes(self.layout))
    }

    const fn support(&self, arch: usize) -> Option<Support> {
        gate::support_of(gate::codes(self.layout), arch)
    }

    const fn reason(&self, arch: usize) -> &'static str {
        self.field(REASONS + arch)
    }

    const fn field(&self, index: usize) -> &'static str {
        let lens = gate::lens(self.layout);
        let mut start = 0;
        let mut i = 0;
        while i < index {
            start += lens[i] as usize;
            i += 1;
        }
        let len = lens[index] as usize;
        let bytes = self.text.as_bytes();
        if start + len > bytes.len() {
            return "";
        }
        let (field, _) = bytes.split_at(start).1.split_at(len);
        match core::str::from_utf8(field) {
            Ok(field) => field,
            Err(_) => "",
        }
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
    const fn new() -> Message {
        Message {
            bytes: [0; 1024],
            len: 0,
        }
    }

    const fn push(&mut self, s: &str) {
        self.push_cut(s, s.len());
    }

    /// Pushes at most `max` bytes of `s`, cut at a character boundary,
    /// with `...` where it was cut.
    const fn push_cut(&mut self, s: &str, max: usize) {
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
const REASON_MAX: usize = 120;

const fn same(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
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

/// A gate may require only gates at least as mature: GA only GA, Beta only
/// Beta or GA, Alpha and Deprecated anything but Discontinued; only a
/// Discontinued gate may require a Discontinued one.
#[must_use]
pub const fn maturity(gate: &Decl, required: &Decl) -> Option<Message> {
    if !gate.known() || !required.known() {
        return None;
    }
    let (state, required_state) = (gate.state(), required.state());
    let rule = match (state, required_state) {
        (State::Ga, State::Ga)
        | (State::Beta, State::Beta | State::Ga)
        | (
            State::Alpha | State::Deprecated,
            State::Alpha | State::Beta | State::Ga | State::Deprecated,
        )
        | (State::Discontinued, _) => return None,
        (State::Ga, _) => "a GA gate may require only GA gates",
        (State::Beta, _) => "a Beta gate may require only Beta or GA gates",
        (State::Alpha | State::Deprecated, State::Discontinued) => {
            "only a Discontinued gate may require a Discontinued one"
        }
    };
    let mut message = Message::new();
    message.push("`");
    message.push(gate.name());
    message.push("` (");
    message.push(state.as_str());
    message.push(") cannot require `");
    message.push(required.name());
    message.push("` (");
    message.push(required_state.as_str());
    message.push("): ");
    message.push(rule);
    Some(message)
}

/// A gate `Supported` on an architecture cannot require a gate that is
/// `Unsupported` there: the message names each such architecture and the
/// requirement's reason.
#[must_use]
pub const fn architectures(gate: &Decl, required: &Decl) -> Option<Message> {
    if !gate.known() || !required.known() {
        return None;
    }
    let mut message = Message::new();
    let mut found = false;
    let mut i = 0;
    while i < Arch::ALL.len() {
        let conflict = matches!(gate.support(i), Some(Support::Supported))
            && matches!(required.support(i), Some(Support::Unsupported));
        if conflict {
            if found {
                message.push("; so is ");
                message.push(Arch::ALL[i].as_str());
            } else {
                message.push("`");
                message.push(gate.name());
                message.push("` is Supported on ");
                message.push(Arch::ALL[i].as_str());
                message.push(", where its requirement `");
                message.push(required.name());
                message.push("` is Unsupported");
            }
            let reason = required.reason(i);
            if reason.is_empty() {
                message.push(" (no reason given)");
            } else {
                message.push(" (");
                message.push_cut(reason, REASON_MAX);
                message.push(")");
            }
            found = true;
        }
        i += 1;
    }
    if found { Some(message) } else { None }
}

/// A gate cannot require itself, nor the same gate twice (under two paths:
/// the macro catches the same path written twice).
#[must_use]
pub const fn distinct(gate: &Decl, required: &Decl, earlier: &[&Decl]) -> Option<Message> {
    if !gate.known() || !required.known() {
        return None;
    }
    let mut message = Message::new();
    if same(gate.name(), required.name()) {
        message.push("`");
        message.push(gate.name());
        message.push("` requires itself: a gate cannot require itself");
        return Some(message);
    }
    let mut i = 0;
    while i < earlier.len() {
        if earlier[i].known() && same(earlier[i].name(), required.name()) {
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
