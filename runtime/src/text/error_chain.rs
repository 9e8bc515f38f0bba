//! [`ErrorChain`]: an error printed with every cause behind it, the one way
//! the CLI, the watcher and programs' `main` print errors.

use std::error::Error;
use std::fmt;

use crate::text::escape::quoted_message;

/// An error and each of its causes ([`Error::source`]), for a person to read.
///
/// The crate's errors follow std's convention: `Display` says what went wrong
/// in one line and never repeats its `source()`, so printing only the error
/// loses why (the parser's message behind "cannot read file X"). `ErrorChain`
/// walks the chain:
///
/// - `{}`: one line, causes after `: `, for a log line (an error that lists
///   its problems one per line has them joined by `; `);
/// - `{:#}`: the error, then each cause on a line of its own after
///   `  caused by: `, for a terminal (what `main` prints).
///
/// A cause's text comes from other crates (a parser, the OS) and may quote
/// input: it is escaped (control and format characters as `\u{..}`, line
/// breaks included) and cut to 512 bytes, so a hostile file cannot flood a
/// log or move a terminal's cursor through it.
///
/// ```
/// use featuregate::{ErrorChain, GateConfig};
///
/// let err = GateConfig::from_path("/no/such/gates.yaml").unwrap_err();
/// let line = ErrorChain::new(&err).to_string();
/// assert!(line.starts_with("cannot read feature gate file /no/such/gates.yaml"), "{line}");
/// assert!(line.contains(": No such file or directory"), "{line}");
/// let report = format!("{:#}", ErrorChain::new(&err));
/// assert!(report.contains("\n  caused by: No such file or directory"), "{report}");
/// ```
#[derive(Clone, Copy)]
pub struct ErrorChain<'a> {
    error: &'a (dyn Error + 'a),
}

impl<'a> ErrorChain<'a> {
    /// The chain that starts at `error`.
    #[must_use]
    pub fn new(error: &'a (dyn Error + 'a)) -> ErrorChain<'a> {
        ErrorChain { error }
    }

    /// The error and its causes, outermost first.
    pub fn iter(&self) -> impl Iterator<Item = &'a (dyn Error + 'a)> + 'a {
        std::iter::successors(Some(self.error), |&e| e.source())
    }
}

impl fmt::Display for ErrorChain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let mut chain = self.iter();
        let Some(error) = chain.next() else {
            return Ok(());
        };
        if f.alternate() {
            // The error itself may list its problems one per line.
            write!(f, "{error}")?;
        } else {
            f.write_str(&error.to_string().replace('\n', "; "))?;
        }
        let between = if f.alternate() {
            "\n  caused by: "
        } else {
            ": "
        };
        for cause in chain {
            let text = cause.to_string().replace(['\n', '\r'], " ");
            write!(f, "{between}{}", quoted_message(&text))?;
        }
        Ok(())
    }
}

impl fmt::Debug for ErrorChain<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{self:#}")
    }
}

#[cfg(test)]
mod tests {
    use std::error::Error;
    use std::fmt;

    use super::ErrorChain;

    #[derive(Debug)]
    struct Layer(&'static str, Option<Box<Layer>>, String);

    impl fmt::Display for Layer {
        fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
            write!(f, "{}{}", self.0, self.2)
        }
    }

    impl Error for Layer {
        fn source(&self) -> Option<&(dyn Error + 'static)> {
            self.1.as_deref().map(|e| e as _)
        }
    }

    fn chain(cause: String) -> Layer {
        let parser = Layer("bad syntax", None, cause);
        let file = Layer("cannot use file x", Some(Box::new(parser)), String::new());
        Layer("refused", Some(Box::new(file)), String::new())
    }

    #[test]
    fn one_line_and_one_cause_a_line() {
        let err = chain(" at line 4\nnear here".into());
        assert_eq!(
            ErrorChain::new(&err).to_string(),
            "refused: cannot use file x: bad syntax at line 4 near here"
        );
        assert_eq!(
            format!("{:#}", ErrorChain::new(&err)),
            "refused\n  caused by: cannot use file x\n  caused by: bad syntax at line 4 near here"
        );
        assert_eq!(
            format!("{:?}", ErrorChain::new(&err)),
            format!("{:#}", ErrorChain::new(&err))
        );
        assert_eq!(ErrorChain::new(&err).iter().count(), 3);
    }

    #[test]
    fn a_hostile_cause_is_escaped_and_cut() {
        let err = chain(format!("\u{1b}[31m{}\u{202e}", "A".repeat(900_000)));
        for text in [
            ErrorChain::new(&err).to_string(),
            format!("{:#}", ErrorChain::new(&err)),
        ] {
            assert!(text.len() < 1024, "{} bytes", text.len());
            assert!(
                !text.contains('\u{1b}') && !text.contains('\u{202e}'),
                "{text}"
            );
            assert!(text.contains("\\u{1b}[31m"), "{text}");
        }
    }
}
