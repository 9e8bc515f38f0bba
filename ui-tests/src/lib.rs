//! The compile-fail tests live in `tests/` and `ui/`.
