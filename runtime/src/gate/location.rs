//! Where a gate was declared.

use std::fmt;

/// Where a gate was declared.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub struct Location {
    /// `module_path!()` of the declaration.
    pub module_path: &'static str,
    /// `file!()` of the declaration.
    pub file: &'static str,
    /// The line of the marker type.
    pub line: u32,
}

impl Location {
    /// `module_path!()` of the declaration.
    #[must_use]
    pub fn module_path(&self) -> &'static str {
        self.module_path
    }

    /// `file!()` of the declaration.
    #[must_use]
    pub fn file(&self) -> &'static str {
        self.file
    }

    /// The line of the marker type.
    #[must_use]
    pub fn line(&self) -> u32 {
        self.line
    }
}

impl fmt::Display for Location {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{} ({})", self.file, self.line, self.module_path)
    }
}
