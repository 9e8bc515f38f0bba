//! Gates of a crate that knows the runtime as `gatekit` (a renamed dependency,
//! as a framework re-exporting `featuregate` would be).

/// Runs VMs of another architecture under emulation.
#[gatekit::feature_gate(state = Alpha, crate = ::gatekit, amd64 = Supported, arm64 = Supported)]
pub struct CrossArchitectureVirtualization;

/// This crate's runtime, for [`framework_gate!`]'s expansion in other crates.
#[doc(hidden)]
pub use gatekit;

/// Declares a gate in the calling crate through this crate's runtime, as a
/// framework that re-exports `featuregate` would: `crate = $crate::gatekit`
/// finds the runtime whatever the caller depends on. The gate requires the
/// gates the caller lists, by the caller's paths.
#[macro_export]
macro_rules! framework_gate {
    ($(#[$meta:meta])* $name:ident, $state:ident, requires = [$($required:tt)*]) => {
        $(#[$meta])*
        #[$crate::gatekit::feature_gate(
            state = $state,
            crate = $crate::gatekit,
            requires = [$($required)*],
        )]
        pub struct $name;
    };
}
