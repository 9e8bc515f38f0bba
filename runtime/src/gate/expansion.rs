//! The body of every `#[feature_gate]` expansion, as `macro_rules!`.
//!
//! The attribute checks the declaration and then emits one short call of
//! `__feature_gate!`, spanned at the marker type's name: the marker type,
//! the strings in one literal, the layout, the required gates' marker types
//! and the `used_by` path; and, for each requirement, a call of
//! `__feature_gate_requirement!` spanned at the requirement's path (two for
//! each after the first). rustc expands the rest natively, which costs far
//! less than a proc macro building every token (in a user's dev profile the
//! proc macro runs unoptimised), and `$crate` reaches this crate however the
//! user's crate names it.

/// Not public API: the expansion of `#[feature_gate]`.
#[doc(hidden)]
#[macro_export]
macro_rules! __feature_gate {
    // `$text` starts with the strings that have a length in `$layout`. In
    // the common case the description and its NUL follow in the same
    // literal; a doc comment that holds a macro call (`include_str!`) comes
    // in brackets instead, as `concat!`'s arguments. `$requires` are the
    // marker types of the required gates, each checked by a
    // `__feature_gate_requirement!` beside this call.
    ($ty:ident, $text:literal $([$($description:tt)+])?, $layout:literal, [$($requires:ty),*] $(, $($used_by:tt)+)?) => {
        const _: () = {
            // Building the marker type here is its use: a private gate that
            // the program only names in configurations is not dead code.
            static GATE: $crate::__private::Gate = {
                let _ = $ty {};
                $crate::__private::Gate::__from_layout(
                    ::core::concat!($text, $($($description)+,)? ::core::module_path!(), "\0", ::core::file!()),
                    $layout,
                    // The call is located at the marker type's name, so
                    // this is the line of its declaration.
                    ::core::line!(),
                    // The user's function, wrapped to take any value. Its
                    // path comes as plain tokens (not a `path` fragment) so
                    // that they keep the user's spans, and it is a struct
                    // field, so a wrong signature is reported there alone.
                    &[$(|value: &dyn ::core::any::Any| $crate::__private::used_by::Predicate { f: $($used_by)+ }.call(value))?],
                    &[$(<$requires as $crate::FeatureGate>::__DECL.gate),*],
                )
            };
            // Left out of rustc's list of the types that are gates, when a
            // requirement names one that is not: the list would be every gate.
            #[diagnostic::do_not_recommend]
            impl $crate::FeatureGate for $ty {
                const __DECL: $crate::__private::Decl = $crate::__private::Decl {
                    gate: &GATE,
                    text: $text,
                    layout: $layout,
                };
            }
            $crate::__private::inventory::submit!($crate::__private::Registered(&GATE));
        };
    };
}

/// Not public API: one requirement of a `#[feature_gate]` declaration.
///
/// Each call is one const item, spanned at the requirement's path, and
/// rustc reports a broken rule there, every requirement's at once. The
/// first form checks the rules; the second, for every requirement after the
/// first, that it is none of the requirements before it. Two items, so that
/// an earlier requirement that is no gate (whose own error is reported at
/// its path) does not keep the rules of this one from being checked. A
/// type that is no gate is an error wherever it is read (in its checks and
/// in the descriptor's list), and rustc reports an error it already reported
/// once. A declaration the attribute rejected gets the first form alone,
/// against its placeholder (whose rules no check judges): whether each
/// requirement is a gate at all.
#[doc(hidden)]
#[macro_export]
macro_rules! __feature_gate_requirement {
    ($ty:ident, $required:ty) => {
        const _: () = $crate::__private::require(
            &<$ty as $crate::FeatureGate>::__DECL,
            &<$required as $crate::FeatureGate>::__DECL,
        );
    };
    ($ty:ident, $required:ty, [$($earlier:ty),+]) => {
        const _: () = $crate::__private::require_distinct(
            &<$ty as $crate::FeatureGate>::__DECL,
            &<$required as $crate::FeatureGate>::__DECL,
            &[$(&<$earlier as $crate::FeatureGate>::__DECL),+],
        );
    };
}
