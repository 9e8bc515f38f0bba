//! Quoting untrusted text in messages: control and format characters
//! escaped, and the whole cut short, so that no message grows with its
//! input and none can move a terminal's cursor or hide text in a log.

use std::fmt::{self, Write as _};

/// How many bytes of a quoted name a message shows.
pub(crate) const NAME_BYTES: usize = 64;

/// How many bytes of a gate's declared message another message shows.
pub(crate) const MESSAGE_BYTES: usize = 512;

/// `text` escaped and cut to `limit` bytes of output; when cut, its length
/// in bytes follows: `VeryLong... (300 bytes)`.
#[derive(Clone, Copy)]
pub(crate) struct Quoted<'a> {
    text: &'a str,
    limit: usize,
}

/// A name (or an entry) as messages quote it.
pub(crate) fn quoted(text: &str) -> Quoted<'_> {
    Quoted {
        text,
        limit: NAME_BYTES,
    }
}

/// `text` as a message quotes it, cut to `limit` bytes of escaped text.
#[cfg_attr(not(feature = "evidence"), allow(dead_code))]
pub(crate) fn quoted_cut(text: &str, limit: usize) -> Quoted<'_> {
    Quoted { text, limit }
}

/// A gate's declared message as other messages quote it.
pub(crate) fn quoted_message(text: &str) -> Quoted<'_> {
    Quoted {
        text,
        limit: MESSAGE_BYTES,
    }
}

impl fmt::Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut written = 0;
        let mut buffer = String::new();
        for c in self.text.chars() {
            buffer.clear();
            if needs_escape(c) {
                let _ = write!(buffer, "\\u{{{:x}}}", u32::from(c));
            } else {
                buffer.push(c);
            }
            if written + buffer.len() > self.limit {
                return write!(f, "... ({} bytes)", self.text.len());
            }
            f.write_str(&buffer)?;
            written += buffer.len();
        }
        Ok(())
    }
}

/// Whether `c` is escaped: Unicode's control (Cc) and format (Cf)
/// characters, and the line and paragraph separators, which would break a
/// one-line message.
pub(crate) fn needs_escape(c: char) -> bool {
    c.is_control() || is_format(c) || matches!(c, '\u{2028}' | '\u{2029}')
}

/// Unicode's format characters (general category Cf, Unicode 16): soft
/// hyphen, the Arabic and Syriac marks, zero-width and bidi controls, the
/// BOM, interlinear annotation, the tag characters. std has no query for the
/// category, and the table is this short.
fn is_format(c: char) -> bool {
    const CF: &[(u32, u32)] = &[
        (0x00AD, 0x00AD),
        (0x0600, 0x0605),
        (0x061C, 0x061C),
        (0x06DD, 0x06DD),
        (0x070F, 0x070F),
        (0x0890, 0x0891),
        (0x08E2, 0x08E2),
        (0x180E, 0x180E),
        (0x200B, 0x200F),
        (0x202A, 0x202E),
        (0x2060, 0x2064),
        (0x2066, 0x206F),
        (0xFEFF, 0xFEFF),
        (0xFFF9, 0xFFFB),
        (0x110BD, 0x110BD),
        (0x110CD, 0x110CD),
        (0x13430, 0x1343F),
        (0x1BCA0, 0x1BCA3),
        (0x1D173, 0x1D17A),
        (0xE0001, 0xE0001),
        (0xE0020, 0xE007F),
    ];
    let c = u32::from(c);
    CF.iter().any(|&(lo, hi)| (lo..=hi).contains(&c))
}

#[cfg(test)]
mod tests {
    use super::{needs_escape, quoted};

    #[test]
    fn escapes_and_cuts() {
        assert_eq!(quoted("Plain").to_string(), "Plain");
        assert_eq!(
            quoted("\u{feff}A\u{200b}").to_string(),
            "\\u{feff}A\\u{200b}"
        );
        assert_eq!(quoted("a\nb\u{202e}").to_string(), "a\\u{a}b\\u{202e}");
        let long = "x".repeat(300);
        let shown = quoted(&long).to_string();
        assert_eq!(shown, format!("{}... (300 bytes)", "x".repeat(64)));
        let hostile = "\u{200b}".repeat(1000);
        assert!(quoted(&hostile).to_string().len() < 100);
        assert!(needs_escape('\u{e0041}') && !needs_escape('é'));
    }
}
