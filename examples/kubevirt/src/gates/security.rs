//! Privileges, SELinux, seccomp and access control of KubeVirt's components and VM pods.

use featuregate::feature_gate;

/// Runs VM pods as root instead of as a non-root user.
#[feature_gate(state = Alpha, arm64 = Supported)]
pub struct Root;

/// Applies KubeVirt's own seccomp profile to VM pods.
#[feature_gate(state = Beta)]
pub struct KubevirtSeccompProfile;

/// Restricts each node's virt-handler to the objects of its own node.
#[feature_gate(alpha = "v1.3.0", beta = "v1.6.0")]
pub struct NodeRestriction;

/// Lets the cluster opt out of aggregating KubeVirt's roles into the default Kubernetes roles.
#[feature_gate(alpha = "v1.8.0", beta = "v1.9.0")]
pub struct OptOutRoleAggregation;

/// Stops KubeVirt from installing its custom SELinux policy on nodes.
#[feature_gate(name = "DisableCustomSELinuxPolicy", state = GA)]
pub struct DisableCustomSeLinuxPolicy;

/// Runs VM pods as a non-root user.
#[feature_gate(state = GA, arm64 = Supported)]
pub struct NonRoot;

/// Makes KubeVirt work with Kubernetes Pod Security Admission.
#[feature_gate(name = "PSA", state = GA)]
pub struct Psa;

/// Works around the SELinux MCS labels Docker gives to VM pods.
#[feature_gate(
    name = "DockerSELinuxMCSWorkaround",
    message = "DockerSELinuxMCSWorkaround has been deprecated since v1.4.",
    deprecated = "v1.4.0"
)]
pub struct DockerSeLinuxMcsWorkaround;
