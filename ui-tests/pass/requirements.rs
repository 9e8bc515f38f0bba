//! Requirements that hold compile, in declared order; a cycle within one
//! crate compiles too (the registry reports it).
use featuregate::{FeatureGate, feature_gate};

mod gates {
    use featuregate::feature_gate;

    #[feature_gate(name = "IOMMUFD", state = Alpha, arm64 = Unsupported("needs SMMUv3"))]
    pub struct Iommufd;

    #[feature_gate(name = "PCINUMAAwareTopology", state = Alpha)]
    pub struct PciNumaAwareTopology;
}

#[feature_gate(name = "GraceIOVirtualization", state = Alpha, amd64 = Supported,
               arm64 = Pending, requires = [gates::Iommufd, crate::gates::PciNumaAwareTopology])]
pub struct GraceIoVirtualization;

#[feature_gate(state = GA)]
pub struct LibvirtHooksServerAndClient;

#[feature_gate(name = "VGPULiveMigration", state = Beta, requires = LibvirtHooksServerAndClient)]
pub struct VgpuLiveMigration;

#[feature_gate(state = Discontinued)]
pub struct Gone;

#[feature_gate(state = Discontinued, requires = [Gone, GraceIoVirtualization])]
pub struct AlsoGone;

#[feature_gate(state = Alpha, requires = CycleB)]
pub struct CycleA;

#[feature_gate(state = Alpha, requires = CycleA)]
pub struct CycleB;

fn main() {
    let names = |gate: &featuregate::Gate| gate.requires().map(|g| g.name()).collect::<Vec<_>>();
    assert_eq!(names(GraceIoVirtualization::GATE), ["IOMMUFD", "PCINUMAAwareTopology"]);
    assert_eq!(names(VgpuLiveMigration::GATE), ["LibvirtHooksServerAndClient"]);
    assert_eq!(names(AlsoGone::GATE), ["Gone", "GraceIOVirtualization"]);
    assert_eq!(names(CycleA::GATE), ["CycleB"]);
    assert_eq!(names(CycleB::GATE), ["CycleA"]);
    assert!(std::ptr::eq(CycleA::GATE.requires().next().unwrap().requires().next().unwrap(), CycleA::GATE));
    assert_eq!(gates::Iommufd::GATE.requires().len(), 0);
}
