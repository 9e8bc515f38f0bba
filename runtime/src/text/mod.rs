//! Small helpers for messages over hostile input: escaping and capping what
//! is quoted, lists capped per kind, one problem per line, "did you mean".

pub(crate) mod capped;
pub(crate) mod escape;
pub(crate) mod one_per_line;
pub(crate) mod suggest;
