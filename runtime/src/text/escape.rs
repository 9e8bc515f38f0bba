//! Quoting untrusted text in messages: control and format characters
//! escaped, and the whole cut short, so that no message grows with its
//! input and none can move a terminal's cursor or hide text in a log.

use std::fmt::{self, Write as _};

/// How many bytes of a quoted name a message shows.
pub(crate) const NAME_BYTES: usize = 64;

/// How many bytes of a gate's declared message another message shows.
pub(crate) const MESSAGE_BYTES: usize = 512;

/// How many bytes of a path a message shows.
pub(crate) const PATH_BYTES: usize = 256;

/// How many bytes of a parser's own message (serde's, a YAML reader's,
/// clap's) another message shows.
pub(crate) const PARSER_BYTES: usize = 200;

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

/// `text` as a message quotes it, cut to `limit` bytes of escaped text:
/// a path ([`PATH_BYTES`]), a parser's message ([`PARSER_BYTES`]).
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

/// A parser's own message as another message quotes it: its line breaks
/// made spaces, then escaped and cut to [`PARSER_BYTES`].
pub(crate) fn parser_message(message: &str) -> String {
    let flat = message.replace(['\n', '\r'], " ");
    quoted_cut(flat.trim(), PARSER_BYTES).to_string()
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
/// characters, the line and paragraph separators (Zl, Zp), which would
/// break a one-line message, the private-use characters (Co), which show as
/// anything a font likes, and the whole block of tag characters.
pub(crate) fn needs_escape(c: char) -> bool {
    c.is_control()
        || is_format(c)
        || matches!(c,
            '\u{2028}' | '\u{2029}'
            | '\u{e000}'..='\u{f8ff}'
            | '\u{e0000}'..='\u{e007f}'
            | '\u{f0000}'..='\u{ffffd}'
            | '\u{100000}'..='\u{10fffd}')
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

/// A path as a message quotes it: lossy UTF-8, escaped, cut to
/// [`PATH_BYTES`] of the escaped text.
pub(crate) struct Escaped<'a>(pub(crate) &'a std::path::Path);

impl fmt::Display for Escaped<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.0.to_string_lossy();
        fmt::Display::fmt(&quoted_cut(&text, PATH_BYTES), f)
    }
}

/// A parser's message without the place it names (` at line 4 column 7`,
/// `line 4, column 7: `, ...): the message that quotes it gives the line
/// once. Any run of `line N` and `column N` words with the `at` before
/// them goes.
pub(crate) fn without_location(message: &str) -> String {
    let words: Vec<&str> = message.split(' ').collect();
    let number = |w: &str| {
        let w = w.trim_end_matches([',', ':', ')', '.']);
        !w.is_empty() && w.bytes().all(|b| b.is_ascii_digit())
    };
    let mut keep = Vec::with_capacity(words.len());
    let mut i = 0;
    while i < words.len() {
        let place = |at: usize| {
            at + 1 < words.len()
                && matches!(words[at].trim_start_matches('('), "line" | "column" | "col")
                && number(words[at + 1])
        };
        if place(i) || (words[i] == "at" && place(i + 1)) {
            i += usize::from(words[i] == "at");
            while place(i) {
                i += 2;
            }
            continue;
        }
        keep.push(words[i]);
        i += 1;
    }
    keep.join(" ").trim_end_matches([',', ':', ' ']).to_owned()
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
        for c in [
            '\u{e000}',
            '\u{f8ff}',
            '\u{e0000}',
            '\u{f0000}',
            '\u{10fffd}',
            '\u{2029}',
        ] {
            assert!(needs_escape(c), "{c:?}");
        }
        // The cut counts the escaped text: 250 control characters are 1,250
        // bytes escaped, shown as 64.
        let controls = "\u{1}".repeat(250);
        let shown = quoted(&controls).to_string();
        assert!(shown.len() <= 64 + 20, "{} bytes: {shown}", shown.len());
        assert!(shown.ends_with("... (250 bytes)"), "{shown}");
    }

    #[test]
    fn locations_go_from_parser_messages() {
        use super::without_location;
        assert_eq!(
            without_location("expected `,` at line 4 column 7"),
            "expected `,`"
        );
        assert_eq!(
            without_location("invalid type: map at line 4, column 7: more"),
            "invalid type: map more"
        );
        assert_eq!(without_location("the line is fine"), "the line is fine");
    }
}
