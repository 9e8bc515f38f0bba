//! The body of every `#[feature_gate]` expansion, as `macro_rules!`.
//!
//! The attribute checks the declaration and then emits one short call of
//! `__feature_gate!`: the marker type, the packed strings, the layout, the
//! line, the requirements and the `used_by` path; and, for each
//! requirement, one call of `__feature_gate_requirement!` spanned at the
//! requirement's path. rustc expands the rest natively, which costs far
//! less than a proc macro building every token (in a user's dev profile the
//! proc macro runs unoptimised), and `$crate` reaches this crate however the
//! user's crate names it.

/// Not public API: the expansion of `#[feature_gate]`.
#[doc(hidden)]
#[macro_export]
macro_rules! __feature_gate {
    // `$fields` are the strings with a length in `$layout`; `$description`
    // is `concat!`'s arguments for the description: one literal, or
    // literals and the doc comment's unexpanded macro calls (`include_str!`).
    // `$requires` are the consts `__feature_gate_requirement!` defined
    // beside this call.
    ($ty:ident, [$fields:literal, $($description:tt)+], $layout:literal, $line:expr, [$($requires:ident),*] $(, $($used_by:tt)+)?) => {
        const _: () = {
            // Building the marker type here is its use: a private gate that
            // the program only names in configurations is not dead code.
            static GATE: $crate::__private::Gate = {
                let _ = $ty {};
                $crate::__private::Gate::__from_layout(
                    ::core::concat!($fields, $($description)+, ::core::module_path!(), "\0", ::core::file!()),
                    $layout,
                    $line,
                    // The user's function, wrapped to take any value. Its
                    // path comes as plain tokens (not a `path` fragment) so
                    // that they keep the user's spans: a wrong signature is
                    // reported there.
                    &[$(|value: &dyn ::core::any::Any| $crate::__private::used_by($($used_by)+, value))?],
                    &[$($requires.gate),*],
                )
            };
            // Left out of rustc's list of the types that are gates, when a
            // requirement names one that is not: the list would be every gate.
            #[diagnostic::do_not_recommend]
            impl $crate::FeatureGate for $ty {
                const __DECL: $crate::__private::Decl = $crate::__private::Decl {
                    gate: &GATE,
                    text: $fields,
                    layout: $layout,
                };
            }
            $crate::__private::inventory::submit!($crate::__private::Registered(&GATE));
        };
    };
}

/// Not public API: one requirement of a `#[feature_gate]` declaration.
///
/// `$name` becomes a const holding the required gate's `Decl`: the one
/// place that asks whether `$required` is a gate, so that a type that is
/// none gets one error. The checks are consts of their own, so that a
/// broken rule leaves `$name` (which the descriptor's list reads) intact,
/// and the requirements before this one (`$earlier`, for the check that
/// none is the same gate) are read by a check of their own. The macro's call
/// is spanned at the requirement's path, and rustc reports a broken rule
/// there.
#[doc(hidden)]
#[macro_export]
macro_rules! __feature_gate_requirement {
    ($ty:ident, $name:ident, $required:ty $(, [$($earlier:ident),+])?) => {
        const $name: $crate::__private::Decl = <$required as $crate::FeatureGate>::__DECL;
        const _: () = $crate::__private::require(&<$ty as $crate::FeatureGate>::__DECL, &$name);
        $(
            const _: () = $crate::__private::require_distinct(
                &<$ty as $crate::FeatureGate>::__DECL,
                &$name,
                &[$(&$earlier),+],
            );
        )?
    };
}
