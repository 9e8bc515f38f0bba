//! Errors that list every problem: `Display` shows one problem per line.

use std::fmt;

/// `items`, one per line, with no line break after the last.
pub(crate) fn write_lines<T: fmt::Display>(f: &mut fmt::Formatter<'_>, items: &[T]) -> fmt::Result {
    for (i, item) in items.iter().enumerate() {
        if i > 0 {
            f.write_str("\n")?;
        }
        write!(f, "{item}")?;
    }
    Ok(())
}
