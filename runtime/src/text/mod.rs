//! Small helpers for messages over hostile input: escaping and capping what
//! is quoted, lists capped per kind, one problem per line, an error with its
//! causes, "did you mean" for names and for keys.

pub(crate) mod capped;
mod error_chain;
pub(crate) mod escape;
#[cfg(feature = "serde")]
pub(crate) mod near_miss;
pub(crate) mod one_per_line;
pub(crate) mod suggest;

pub use error_chain::ErrorChain;
