//! The README's `cargo run -p kubevirt-gates -- schema > gates.schema.json`
//! block: the catalogue's schema lists every gate the sample CR names, and
//! not a misspelt one.

// The gates register themselves when the library is linked.
use kubevirt_gates as _;

#[test]
fn the_schema_names_the_sample_crs_gates() {
    let binary = env!("CARGO_BIN_EXE_kubevirt-gates");
    let output = std::process::Command::new(binary)
        .arg("schema")
        .output()
        .unwrap();
    assert!(output.status.success(), "{output:?}");
    let schema: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(schema, featuregate::schema());
    let names = schema["$defs"]["gateName"]["enum"].as_array().unwrap();
    assert_eq!(names.len(), featuregate::registry().len() + 2);
    for name in [
        "Sidecar",
        "HostDevices",
        "VSOCK",
        "DownwardMetrics",
        "ImageVolume",
        "DecentralizedLiveMigration",
        "AllAlpha",
    ] {
        assert!(names.iter().any(|n| n == name), "{name}");
    }
    assert!(!names.iter().any(|n| n == "Sidecars"));
}
