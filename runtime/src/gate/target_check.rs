//! [`assert_target_supported!`](crate::assert_target_supported): a build
//! for a target architecture where a gate is `Unsupported` fails, at the
//! gate's path, by const evaluation of the marker type's declaration.

use crate::gate::encoding;
use crate::gate::requirement_checks::{Decl, Message, REASON_MAX};
use crate::{Arch, Support};

/// Fails the build of a program compiled for an architecture where one of
/// the listed gates is declared `Unsupported`:
///
/// ```text
/// `WorkloadEncryptionSEV` is Unsupported on s390x, the target of this build (AMD SEV hardware)
/// ```
///
/// The arguments are marker types of gates (of any crate), separated by
/// commas; the macro is an item or a statement, costs nothing at run time,
/// and accepts every other support value, an architecture the declaration
/// leaves unspecified, and a target [`Arch::current`] does not know. Put it
/// beside the code that exists only for the gate, so the mistake is a build
/// error rather than a surprise on the wrong machine.
///
/// ```
/// use featuregate::{assert_target_supported, feature_gate};
///
/// #[feature_gate(state = Beta, amd64 = Supported, arm64 = Supported, s390x = Unverified)]
/// pub struct ImageVolume;
///
/// // Builds for every target: nowhere Unsupported.
/// assert_target_supported!(ImageVolume);
/// ```
///
/// ```compile_fail,E0080
/// use featuregate::{assert_target_supported, feature_gate};
///
/// #[feature_gate(state = Alpha, amd64 = Unsupported("no such device"), arm64 = Unsupported,
///                s390x = Unsupported, ppc64le = Unsupported, riscv64 = Unsupported)]
/// pub struct Nowhere;
///
/// assert_target_supported!(Nowhere);
/// ```
#[macro_export]
macro_rules! assert_target_supported {
    ($($gates:tt)*) => {
        $crate::__private::assert_target_supported!($($gates)*);
    };
}

/// Not public API: [`assert_target_supported!`] for the architecture
/// `$arch` (an `Option<Arch>` const expression) rather than the target's,
/// so that tests can check the targets whose standard library is not
/// installed: `__assert_supported_on!(Some(Arch::S390x); A, B)`.
#[doc(hidden)]
#[macro_export]
macro_rules! __assert_supported_on {
    ($($input:tt)*) => {
        $crate::__private::assert_supported_on!($($input)*);
    };
}

/// Not public API: the check of one gate, which the proc macro behind
/// [`assert_target_supported!`] calls at the gate's path, so that the
/// failure is reported there.
#[doc(hidden)]
#[macro_export]
macro_rules! __target_supported_at {
    ($arch:expr; $gate:path) => {
        const _: () =
            $crate::__private::target_supported(&<$gate as $crate::FeatureGate>::__DECL, $arch);
    };
}

/// Why a gate cannot be built for `arch`: it is declared `Unsupported`
/// there (`None` otherwise, and for an unknown target or a declaration the
/// macro rejected).
#[must_use]
pub const fn unsupported_on(gate: &Decl, arch: Option<Arch>) -> Option<Message> {
    let Some(arch) = arch else {
        return None;
    };
    if !gate.known() {
        return None;
    }
    let codes = encoding::codes(gate.layout);
    if !matches!(
        encoding::support_of(codes, arch.index()),
        Some(Support::Unsupported)
    ) {
        return None;
    }
    let mut message = Message::new();
    message.push("`");
    message.push(gate.name());
    message.push("` is Unsupported on ");
    message.push(arch.as_str());
    message.push(", the target of this build");
    let reason = gate.reason(arch.index());
    if !reason.is_empty() {
        message.push(" (");
        message.push_cut(reason, REASON_MAX);
        message.push(")");
    }
    Some(message)
}

/// Fails const evaluation with [`unsupported_on`]'s message. `#[track_caller]`
/// reports the failure where this is called.
///
/// # Panics
///
/// When the gate is `Unsupported` on `arch`: in const evaluation, that
/// fails the build.
#[track_caller]
pub const fn target_supported(gate: &Decl, arch: Option<Arch>) {
    if let Some(message) = &unsupported_on(gate, arch) {
        panic!("{}", message.as_str());
    }
}
