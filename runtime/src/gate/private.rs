//! What the macro's expansion names, re-exported as `featuregate::__private`.
//! Not public API: it changes without notice.

pub use crate::__feature_gate as gate;
pub use crate::__feature_gate_requirement as requirement;
pub use crate::__target_supported_at as target_supported_at;
pub use crate::Gate;
use crate::gate::encoding::FIELDS;
pub use crate::gate::requirement_checks::{Decl, check, distinct, require, require_distinct};
pub use crate::gate::target_check::{target_supported, unsupported_on};
pub use crate::gate::{__used_by as used_by, Registered, UsedBy};
pub use featuregate_macros::{
    __assert_supported_on as assert_supported_on, assert_target_supported,
};
pub use inventory;

/// The descriptor of a declaration the macro rejected: the marker type
/// still implements `FeatureGate` so its uses do not add errors of their
/// own, but nothing is registered.
pub static FALLBACK: Gate = Gate::__new("\0\0", [0; FIELDS], 0, 0, None);

/// A descriptor built at run time and leaked, named `name`, in `state`,
/// with no architecture named: for benchmarks and tests that need more
/// gates than they can declare (a registry of 10,000). Its tail holds an
/// empty description, the module `generated` and the file `generated`.
///
/// # Panics
/// When `name` is longer than `u16::MAX` bytes.
#[must_use]
pub fn leaked_gate(name: &str, state: crate::State) -> &'static Gate {
    leaked_gate_with(name, state, &[], &[])
}

/// [`leaked_gate`] with support on some architectures and requirements,
/// for tests of evaluation over random registries.
///
/// # Panics
/// When `name` is longer than `u16::MAX` bytes.
#[must_use]
pub fn leaked_gate_with(
    name: &str,
    state: crate::State,
    support: &[(crate::Arch, crate::Support)],
    requires: &'static [&'static Gate],
) -> &'static Gate {
    let text: &'static str = Box::leak(format!("{name}\0generated\0generated").into_boxed_str());
    let mut lens = [0; FIELDS];
    lens[crate::gate::encoding::NAME] =
        u16::try_from(name.len()).expect("a name of at most 65,535 bytes");
    let mut codes = state as u32;
    for &(arch, support) in support {
        codes = crate::gate::encoding::with_support(codes, arch.index(), support);
    }
    Box::leak(Box::new(
        Gate::__new(text, lens, codes, 0, None).__requiring(requires),
    ))
}
