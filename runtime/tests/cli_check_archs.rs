//! `check` with several `--arch` (SPEC section 14): where each enabled gate
//! is on, as an `archs` column and as the JSON key `archs`; one `--arch`
//! prints as before.

#![cfg(feature = "cli")]

use featuregate::{FeatureGate, Registry, feature_gate};

mod support;

#[feature_gate(name = "WorkloadEncryptionSEV", state = Alpha,
               amd64 = Supported, arm64 = Unsupported, s390x = Unsupported("AMD SEV hardware"))]
struct WorkloadEncryptionSev;

#[feature_gate(state = Beta, amd64 = Supported, arm64 = Supported, s390x = Unverified)]
struct ImageVolume;

fn registry() -> Registry {
    Registry::new([WorkloadEncryptionSev::GATE, ImageVolume::GATE]).unwrap()
}

const CLUSTER: [&str; 6] = ["--arch", "amd64", "--arch", "arm64", "--arch", "s390x"];

fn check(extra: &[&str]) -> (u8, String, String) {
    let mut args = vec!["check", "--feature-gates", "WorkloadEncryptionSEV=true"];
    args.extend(extra);
    support::cli::run_over(&registry(), &args)
}

#[test]
fn several_archs_show_where_each_gate_is_on() {
    let mut args = CLUSTER.to_vec();
    args.extend(["--disable", "Unsupported"]);
    let (code, out, err) = check(&args);
    assert_eq!(code, 0, "{err}");
    // The table alone on stdout, the warnings on stderr (SPEC 13 amended).
    let lines: Vec<&str> = out.lines().collect();
    assert_eq!(
        lines,
        [
            "name                   archs",
            "ImageVolume            amd64, arm64, s390x",
            "WorkloadEncryptionSEV  amd64",
        ]
    );
    assert!(err.lines().all(|l| l.starts_with("warning: ")), "{err}");
    assert!(
        err.contains(
            "warning: feature gate WorkloadEncryptionSEV is turned off: the architecture policy \
             (Disable) does not allow it on arm64 (Unsupported), s390x (Unsupported)"
        ),
        "{err}"
    );
}

#[test]
fn several_archs_in_json() {
    let mut args = CLUSTER.to_vec();
    args.extend(["--disable", "Unsupported", "--format", "json"]);
    let (code, out, err) = check(&args);
    assert_eq!((code, err.as_str()), (0, ""));
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(
        json["archs"],
        serde_json::json!({
            "ImageVolume": ["amd64", "arm64", "s390x"],
            "WorkloadEncryptionSEV": ["amd64"],
        })
    );
    assert_eq!(
        json["enabled"],
        serde_json::json!(["ImageVolume", "WorkloadEncryptionSEV"])
    );
}

#[test]
fn one_arch_prints_as_before() {
    let (code, out, _) = check(&["--arch", "amd64"]);
    assert_eq!(
        (code, out.as_str()),
        (0, "ImageVolume\nWorkloadEncryptionSEV\n")
    );
    let (_, out, _) = check(&["--arch", "amd64", "--format", "json"]);
    let json: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(json.get("archs").is_none(), "{json}");
}
