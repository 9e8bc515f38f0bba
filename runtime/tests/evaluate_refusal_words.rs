//! A refusal never says the gate "can be safely removed" (SPEC section 13,
//! amended) nor calls it active: a spec refused for a Discontinued gate
//! quotes the gate's own message only, never the standard one.

use featuregate::{Arch, Options, feature_gate, registry};

struct Spec {
    console: bool,
    vnc: bool,
}

fn uses_console(spec: &Spec) -> bool {
    spec.console
}

fn uses_vnc(spec: &Spec) -> bool {
    spec.vnc
}

/// The standard message of a Discontinued gate says it "can be safely
/// removed and is redundant".
#[feature_gate(state = Discontinued, used_by = uses_console)]
struct OldConsole;

#[feature_gate(state = Discontinued, used_by = uses_vnc, message = "VNC is gone; use the serial console")]
struct Vnc;

#[test]
fn a_refusal_never_says_the_gate_can_be_safely_removed() {
    let options = Options::default().with_archs([Arch::Amd64]);
    let set = registry()
        .evaluate(&"OldConsole=true,Vnc=true".parse().unwrap(), &options)
        .unwrap();
    let err = set
        .check_spec(&Spec {
            console: true,
            vnc: true,
        })
        .unwrap_err();
    let message = err.to_string();
    assert_eq!(err.problems().count(), 2, "{message}");
    assert!(!message.contains("safely removed"), "{message}");
    assert!(!message.contains("is active"), "{message}");
    assert!(
        message.contains("OldConsole") && message.contains("Discontinued"),
        "{message}"
    );
    // A declared message says what to use instead: it is kept.
    assert!(
        message.contains("VNC is gone; use the serial console"),
        "{message}"
    );
    // The warning of the configuration still quotes the standard message.
    let warnings: Vec<String> = set.warnings().iter().map(ToString::to_string).collect();
    assert!(
        warnings
            .iter()
            .any(|w| w.contains("OldConsole") && w.contains("safely removed")),
        "{warnings:?}"
    );
}
