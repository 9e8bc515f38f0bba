//! A small model of KubeVirt's VMI spec: what the catalogue's `used_by`
//! predicates look at, and no more.

/// The part of a `VirtualMachineInstanceSpec` the gates inspect: the value
/// KubeVirt's admission checks against the gates (its `VmiSpecUsed`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct VmSpec {
    /// The guest's CPU architecture (`spec.architecture`), when the VM names one.
    pub architecture: Option<String>,
    /// The guest's network interfaces (`spec.domain.devices.interfaces`).
    pub interfaces: Vec<Interface>,
    /// The guest's volumes (`spec.volumes`), by name.
    pub volumes: Vec<String>,
    /// The guest's confidential-computing technology
    /// (`spec.domain.launchSecurity`), when it asks for one.
    pub launch_security: Option<LaunchSecurity>,
}

/// The technology of `spec.domain.launchSecurity` (KubeVirt's
/// `LaunchSecurity`, of which a spec sets one).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LaunchSecurity {
    /// AMD SEV (`sev`).
    Sev,
    /// Intel TDX (`tdx`).
    Tdx,
}

impl VmSpec {
    /// Adds an interface called `name` connected by `binding`.
    #[must_use]
    pub fn with_interface(mut self, name: &str, binding: InterfaceBinding) -> VmSpec {
        self.interfaces.push(Interface {
            name: name.to_owned(),
            binding,
        });
        self
    }

    /// Whether any interface's binding satisfies `pred`.
    pub fn uses_binding(&self, pred: impl Fn(&InterfaceBinding) -> bool) -> bool {
        self.interfaces.iter().any(|iface| pred(&iface.binding))
    }
}

/// One network interface of the guest (KubeVirt's `Interface`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Interface {
    /// The interface's name, which matches a network of the spec.
    pub name: String,
    /// How the interface is connected to its network.
    pub binding: InterfaceBinding,
}

/// How an interface is connected to its network (KubeVirt's
/// `InterfaceBindingMethod`, of which an interface sets exactly one).
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum InterfaceBinding {
    /// A Linux bridge in the pod (`bridge`).
    Bridge,
    /// NAT behind the pod's address (`masquerade`).
    Masquerade,
    /// An SR-IOV virtual function (`sriov`).
    Sriov,
    /// The discontinued `macvtap` field: see the `Macvtap` gate.
    Macvtap,
    /// The discontinued `passt` field: see the `Passt` gate.
    Passt,
    /// A network binding plugin, by its registered name (`binding.name`).
    Plugin(String),
}
