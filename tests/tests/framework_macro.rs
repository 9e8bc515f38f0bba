//! Gates declared by another crate's `macro_rules!` with `crate =
//! $crate::...`: the path resolves in the framework's crate (this crate
//! names the runtime `featuregate`, the framework `gatekit`), also in the
//! checks of requirements written here, and the location is the line of the
//! gate's name in this file.

use featuregate::{FeatureGate as _, State};

/// The line of `FrameworkGate` below.
const LINE: u32 = line!() + 4;

gates_renamed::framework_gate!(
    /// Declared through the framework's macro.
    FrameworkGate,
    Alpha,
    requires = [gates_renamed::CrossArchitectureVirtualization]
);

gates_renamed::framework_gate!(
    /// A second one, on one line.
    SecondFrameworkGate, Alpha, requires = [FrameworkGate]
);

#[test]
fn the_framework_path_resolves_and_the_location_is_the_names_line() {
    let gate = FrameworkGate::GATE;
    assert_eq!(gate.name(), "FrameworkGate");
    assert_eq!(gate.state(), State::Alpha);
    assert_eq!(
        gate.description(),
        Some("Declared through the framework's macro.")
    );
    let required: Vec<_> = gate.requires().map(featuregate::Gate::name).collect();
    assert_eq!(required, ["CrossArchitectureVirtualization"]);
    assert_eq!(gate.location().line, LINE);
    assert!(gate.location().file.ends_with("framework_macro.rs"));
    assert_eq!(SecondFrameworkGate::GATE.location().line, LINE + 7);
    assert!(featuregate::registry().get("SecondFrameworkGate").is_some());
}
