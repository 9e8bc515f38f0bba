//! The README's configuration example: a flag string and a KubeVirt-shaped
//! JSON document, with the warnings a user sees.
//!
//! Run: `cargo run -p featuregate --example configure --features serde`.

use featuregate::{Arch, FeatureGate, GateConfig, Options, configure, feature_gate};

/// Lets a VM use a container image as a volume.
#[feature_gate(state = Beta, amd64 = Supported, arm64 = Unverified, s390x = Unverified)]
pub struct ImageVolume;

/// Encrypts guest memory with AMD SEV.
#[feature_gate(name = "WorkloadEncryptionSEV", state = Alpha,
               amd64 = Supported, arm64 = Unsupported, s390x = Unsupported)]
pub struct WorkloadEncryptionSev;

/// Expands a VM's disks when their volumes grow.
#[feature_gate(state = Alpha)]
pub struct ExpandDisks;

/// Moves running VMs between nodes.
#[feature_gate(state = GA, amd64 = Supported, arm64 = Supported, s390x = Supported)]
pub struct LiveMigration;

fn main() -> Result<(), Box<dyn std::error::Error>> {
    // A cluster with amd64 and arm64 nodes.
    let options = Options::default().with_archs([Arch::Amd64, Arch::Arm64]);

    // From a flag string, as `--feature-gates` takes it.
    let config: GateConfig =
        "WorkloadEncryptionSEV=true, LiveMigration=false, ExpandDisk=true".parse()?;
    let set = configure(&config, &options)?;
    for warning in set.warnings() {
        println!("warning: {warning}");
    }
    println!("SEV on: {}", WorkloadEncryptionSev::is_enabled());

    // From KubeVirt's developerConfiguration.
    let json = r#"{
        "featureGates": ["ExpandDisks", "LiveMigration"],
        "disabledFeatureGates": ["ImageVolume"]
    }"#;
    let config: GateConfig = serde_json::from_str(json)?;
    let set = configure(&config, &options)?;
    for warning in set.warnings() {
        println!("warning: {warning}");
    }
    let enabled: Vec<_> = set.enabled().map(featuregate::Gate::name).collect();
    println!("enabled: {enabled:?}");
    println!("ImageVolume on: {}", ImageVolume::is_enabled());
    Ok(())
}
