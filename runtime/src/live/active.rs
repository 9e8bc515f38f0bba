//! The program's active configuration: the published [`FeatureSet`], the
//! per-gate slots `T::is_enabled()` reads, and the pins of [`override_gate`].

use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex, MutexGuard, OnceLock, PoisonError};

use arc_swap::ArcSwap;

use crate::{ConfigError, FeatureGate, FeatureSet, Gate, GateConfig, Options, registry};

/// The published set. Readers load it without blocking; memory stays
/// bounded because a replaced set is freed once its last reader drops it.
static ACTIVE: OnceLock<ArcSwap<FeatureSet>> = OnceLock::new();

/// What writers share: the set last configured or activated (over
/// `registry()`), and the pins above it, oldest first. The published set is
/// always `configured` with the pins applied in order, so a later pin on a
/// gate wins while it lives.
struct Writer {
    configured: Option<Arc<FeatureSet>>,
    pins: Vec<Pin>,
}

struct Pin {
    id: u64,
    gate: &'static Gate,
    enabled: bool,
}

/// Serialises writers, so that the slots and the published set always
/// describe the same configuration once a writer is done.
static WRITER: Mutex<Writer> = Mutex::new(Writer {
    configured: None,
    pins: Vec::new(),
});

static NEXT_PIN: AtomicU64 = AtomicU64::new(0);

fn defaults() -> FeatureSet {
    let registry = registry();
    // The defaults cannot be refused (the default policy never denies, an
    // empty configuration names nothing); the fallback only keeps this path
    // free of panics.
    registry
        .evaluate(&GateConfig::default(), &Options::default())
        .unwrap_or_else(|_| FeatureSet::defaults(registry))
}

fn cell() -> &'static ArcSwap<FeatureSet> {
    ACTIVE.get_or_init(|| ArcSwap::from_pointee(defaults()))
}

fn writer() -> MutexGuard<'static, Writer> {
    // A writer that panicked left the pins and the published set each
    // valid, so poisoning is no reason to stop.
    WRITER.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The active configuration: what `T::is_enabled()` reads, as one consistent
/// snapshot, with the pins of live [`override_gate`] guards. Never blocks,
/// also while another thread reconfigures.
///
/// Before any [`activate`] or [`configure`], it is the defaults: an empty
/// [`GateConfig`] evaluated with the default [`Options`] over [`registry()`].
/// It always covers every gate of [`registry()`].
#[must_use]
pub fn active() -> Arc<FeatureSet> {
    cell().load_full()
}

/// Makes `set` the program's active configuration, under the pins of live
/// [`override_gate`] guards.
///
/// Each gate of [`registry()`] gets the value `set` gives it; gates `set`
/// does not know (it was evaluated over a private [`Registry`](crate::Registry)
/// without them) get their state's default, in [`active()`] as in
/// `T::is_enabled()`: once this returns, the two agree. Two separate
/// `T::is_enabled()` calls may straddle an update; [`active()`] is always one
/// snapshot.
pub fn activate(set: FeatureSet) {
    let set = Arc::new(set.rebased(registry()));
    let mut writer = writer();
    writer.configured = Some(set);
    writer.publish();
}

/// Evaluates `config` over [`registry()`] with `options` and, if it is
/// accepted, makes the result the active configuration (under the pins of
/// live [`override_gate`] guards) and returns it. A refused configuration
/// changes nothing.
///
/// With the `tracing` feature, each warning is logged at warn level (target
/// `featuregate`).
///
/// ```standalone_crate
/// # fn main() -> Result<(), Box<dyn std::error::Error>> {
/// let set = featuregate::configure(&"SomeGate=true".parse()?, &featuregate::Options::default())?;
/// for warning in set.warnings() {
///     eprintln!("warning: {warning}"); // unknown feature gate SomeGate; it has no effect
/// }
/// assert!(std::sync::Arc::ptr_eq(&set, &featuregate::active()));
/// # Ok(()) }
/// ```
pub fn configure(config: &GateConfig, options: &Options) -> Result<Arc<FeatureSet>, ConfigError> {
    let set = Arc::new(registry().evaluate(config, options)?);
    #[cfg(feature = "tracing")]
    for warning in set.warnings() {
        tracing::warn!(target: "featuregate", "{warning}");
    }
    let mut writer = writer();
    writer.configured = Some(Arc::clone(&set));
    writer.publish();
    Ok(set)
}

impl Writer {
    /// Publishes the configured set with the pins applied: every slot of
    /// `registry()`, then the set.
    fn publish(&mut self) {
        let registry = registry();
        let configured = self.configured.get_or_insert_with(|| Arc::new(defaults()));
        let set = if self.pins.is_empty() {
            Arc::clone(configured)
        } else {
            let mut pinned = (**configured).clone();
            for pin in &self.pins {
                if let Some(position) = pinned.position_of(pin.gate) {
                    pinned.pin(position, pin.enabled);
                }
            }
            Arc::new(pinned)
        };
        for (gate, &on) in registry.iter().zip(set.by_position()) {
            gate.store_enabled(on);
        }
        // A gate outside `registry()` (none a program declares) still has a
        // slot: the latest pin on it, or its default.
        for pin in &self.pins {
            if !registry.contains(pin.gate) {
                let latest = self
                    .pins
                    .iter()
                    .rev()
                    .find(|p| std::ptr::eq(p.gate, pin.gate));
                pin.gate
                    .store_enabled(latest.map_or(pin.enabled, |p| p.enabled));
            }
        }
        let before = cell().load_full(); // hook
        crate::evaluate::changes::published(&before, &set); // hook
        crate::live::metrics::published(&before, &set); // hook
        cell().store(set);
    }
}

/// Pins the gate of `T` on or off, above the active configuration, until
/// the returned guard drops: the counterpart of Kubernetes'
/// `SetFeatureGateDuringTest`.
///
/// Both `T::is_enabled()` and [`active()`] see the pin. A [`configure`] or
/// [`activate`] while it lives keeps it; dropping the guard removes this pin
/// only (guards may drop in any order, on any thread), leaving what was
/// configured meanwhile. Of two live pins on one gate, the later wins.
///
/// A pin sets exactly its gate and nothing else: gates that require it, or
/// that it requires, keep their values. So a pin can leave a gate on whose
/// requirement is off, which evaluation never does; a test that needs the
/// requirements too pins them as well. That keeps a pin what it is for, a
/// test of one code path, and dropping its guard restores what evaluation
/// decided.
///
/// The active configuration is global, and tests run on parallel threads:
/// tests that pin the same gate to different values see each other's pins.
///
/// ```standalone_crate
/// use featuregate::{FeatureGate, feature_gate, override_gate};
///
/// #[feature_gate(state = Alpha)]
/// struct Experimental;
///
/// assert!(!Experimental::is_enabled());
/// {
///     let _guard = override_gate::<Experimental>(true);
///     assert!(Experimental::is_enabled());
///     assert!(featuregate::active().is::<Experimental>());
/// }
/// assert!(!Experimental::is_enabled());
/// ```
pub fn override_gate<T: FeatureGate>(enabled: bool) -> OverrideGuard {
    let id = NEXT_PIN.fetch_add(1, Ordering::Relaxed);
    let mut writer = writer();
    writer.pins.push(Pin {
        id,
        gate: T::GATE,
        enabled,
    });
    writer.publish();
    OverrideGuard { id, gate: T::GATE }
}

/// Removes its pin when dropped (see [`override_gate`]).
#[must_use = "the override ends when the guard drops: bind it with `let _guard = ...`"]
#[derive(Debug)]
pub struct OverrideGuard {
    id: u64,
    gate: &'static Gate,
}

impl Drop for OverrideGuard {
    fn drop(&mut self) {
        let mut writer = writer();
        writer.pins.retain(|pin| pin.id != self.id);
        if !registry().contains(self.gate)
            && !writer.pins.iter().any(|p| std::ptr::eq(p.gate, self.gate))
        {
            self.gate.store_enabled(self.gate.state().default_enabled());
        }
        writer.publish();
    }
}
