//! The body of every `#[feature_gate]` expansion, as a `macro_rules!`.
//!
//! The attribute checks the declaration and then emits one short call of
//! this macro: the marker type, the packed strings, the layout, the line
//! and the `used_by` path. rustc expands the rest natively, which costs far
//! less than a proc macro building every token (in a user's dev profile the
//! proc macro runs unoptimised), and `$crate` reaches this crate however the
//! user's crate names it.

/// Not public API: the expansion of `#[feature_gate]`.
#[doc(hidden)]
#[macro_export]
macro_rules! __feature_gate {
    // `$text` is `concat!`'s arguments: one literal, or literals and the
    // doc comment's unexpanded macro calls (`include_str!`).
    ($ty:ident, [$($text:tt)+], $layout:literal, $line:expr $(, $($used_by:tt)+)?) => {
        const _: () = {
            static GATE: $crate::__private::Gate = $crate::__private::Gate::__from_layout(
                ::core::concat!($($text)+, ::core::module_path!(), "\0", ::core::file!()),
                $layout,
                $line,
                // The user's function, wrapped to take any value. Its path
                // comes as plain tokens (not a `path` fragment) so that they
                // keep the user's spans: a wrong signature is reported there.
                &[$(|value: &dyn ::core::any::Any| $crate::__private::used_by($($used_by)+, value))?],
            );
            impl $crate::FeatureGate for $ty {
                const GATE: &'static $crate::__private::Gate = &GATE;
            }
            $crate::__private::inventory::submit!($crate::__private::Registered(&GATE));
            // The registration is the marker type's use: a private gate that
            // the program only names in configurations is not dead code.
            let _ = $ty {};
        };
    };
}
