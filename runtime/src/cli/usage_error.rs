//! Clap's usage errors, bounded: clap quotes the value it refused whole
//! (`lint --version <10,000 digits>` echoed all of them), so each value it
//! quotes is escaped and cut as every other message quotes input, and no
//! line of the message grows with the command line.

use std::fmt::Write as _;

use clap::error::ContextValue;

use crate::text::escape::{PARSER_BYTES, quoted, quoted_cut};

/// The longest line the message keeps whole.
const LINE_BYTES: usize = 4 * PARSER_BYTES;

/// `error` as clap renders it, each value it quotes from the command line
/// escaped and cut to 64 bytes, every other line escaped and cut too.
pub(super) fn render(error: &clap::Error) -> String {
    let mut text = error.render().to_string();
    let mut values: Vec<&str> = Vec::new();
    for (_, value) in error.context() {
        match value {
            ContextValue::String(s) => values.push(s),
            ContextValue::Strings(list) => values.extend(list.iter().map(String::as_str)),
            _ => {}
        }
    }
    // Longest first, so that a value holding another is replaced whole.
    values.sort_by_key(|v| std::cmp::Reverse(v.len()));
    for value in values {
        let shown = quoted(value).to_string();
        if !value.is_empty() && shown != value {
            text = text.replace(value, &shown);
        }
    }
    let mut bounded = String::with_capacity(text.len().min(4096));
    for line in text.lines() {
        let _ = writeln!(bounded, "{}", quoted_cut(line, LINE_BYTES));
    }
    bounded
}

#[cfg(test)]
mod tests {
    use clap::{Arg, Command};

    #[test]
    fn a_long_value_is_cut() {
        let command = Command::new("t").arg(
            Arg::new("n")
                .long("n")
                .value_parser(clap::value_parser!(u8)),
        );
        let long = "9".repeat(10_000);
        let error = command
            .try_get_matches_from(["t", "--n", long.as_str()])
            .unwrap_err();
        let shown = super::render(&error);
        assert!(shown.len() < 1024, "{} bytes: {shown}", shown.len());
        assert!(shown.contains("(10000 bytes)"), "{shown}");

        let command = Command::new("t").arg(Arg::new("n").long("n"));
        let error = command
            .try_get_matches_from(["t", "--\u{1b}[31mx\u{202e}"])
            .unwrap_err();
        let shown = super::render(&error);
        assert!(
            !shown.contains('\u{1b}') && !shown.contains('\u{202e}'),
            "{shown}"
        );
    }
}
