//! The program's active configuration: the published [`FeatureSet`], the
//! per-gate slots `T::is_enabled()` reads, and the scoped override for tests.

use std::marker::PhantomData;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, PoisonError};
use std::thread::{self, ThreadId};

use arc_swap::ArcSwap;

use crate::{ConfigError, FeatureGate, FeatureSet, Gate, GateConfig, Options, registry};

/// The published set. Readers load it without blocking; memory stays
/// bounded because a replaced set is freed once its last reader drops it.
static ACTIVE: OnceLock<ArcSwap<FeatureSet>> = OnceLock::new();

/// Serialises writers, so that the slots and the published set always
/// describe the same configuration once a writer is done.
static WRITER: Mutex<()> = Mutex::new(());

fn cell() -> &'static ArcSwap<FeatureSet> {
    ACTIVE.get_or_init(|| {
        let registry = registry();
        // The defaults cannot be refused (no Deny in the default policy, not
        // strict); the fallback only keeps this path free of panics.
        let set = registry
            .evaluate(&GateConfig::default(), &Options::default())
            .unwrap_or_else(|_| FeatureSet::defaults(registry));
        ArcSwap::from_pointee(set)
    })
}

fn writer() -> MutexGuard<'static, ()> {
    // The lock guards no data of its own: a writer that panicked left the
    // slots and the set each valid, so poisoning is no reason to stop.
    WRITER.lock().unwrap_or_else(PoisonError::into_inner)
}

/// The active configuration: what `T::is_enabled()` reads, as one consistent
/// snapshot. Never blocks, also while another thread reconfigures.
///
/// Before any [`activate`] or [`configure`], it is the defaults: an empty
/// [`GateConfig`] evaluated with the default [`Options`] over [`registry()`].
#[must_use]
pub fn active() -> Arc<FeatureSet> {
    cell().load_full()
}

/// Makes `set` the program's active configuration.
///
/// Each gate of [`registry()`] gets the value `set` gives it, so that
/// `T::is_enabled()` reads it; gates `set` does not know (it was evaluated
/// over a private [`Registry`](crate::Registry) without them) get their
/// state's default. Two separate `T::is_enabled()` calls may straddle an
/// update; [`active()`] is always one snapshot.
pub fn activate(set: FeatureSet) {
    let _writer = writer();
    publish(Arc::new(set));
}

/// Evaluates `config` over [`registry()`] with `options` and, if it is
/// accepted, makes the result the active configuration and returns it. A
/// refused configuration changes nothing.
///
/// With the `tracing` feature, each warning is logged at warn level (target
/// `featuregate`).
///
/// ```standalone_crate
/// # fn main() -> Result<(), featuregate::ConfigError> {
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
    let _writer = writer();
    publish(Arc::clone(&set));
    Ok(set)
}

/// Writes every slot of `registry()` from `set`, then publishes it. The
/// caller holds the writer lock.
fn publish(set: Arc<FeatureSet>) {
    let registry = registry();
    if set.shares_table(registry) {
        for (gate, &on) in registry.iter().zip(set.by_position()) {
            gate.store_enabled(on);
        }
    } else {
        for gate in registry {
            gate.store_enabled(
                set.get(gate)
                    .unwrap_or_else(|| gate.state().default_enabled()),
            );
        }
    }
    let before = cell().load_full(); // hook
    crate::changes::published(&before, &set); // hook
    crate::metrics::published(&before, &set); // hook
    cell().store(set);
}

/// Sets one gate in the active configuration until the returned guard
/// drops, then restores the configuration that was active before: the
/// counterpart of Kubernetes' `SetFeatureGateDuringTest`.
///
/// Both `T::is_enabled()` and [`active()`] see the override; the set keeps
/// the warnings of the one it replaces.
///
/// Tests run on parallel threads of one process, and the active
/// configuration is global. So the guard holds a process-wide lock: while
/// it lives, an `override_gate` on another thread waits for it to drop. On
/// its own thread overrides nest (drop them in reverse order, as scopes do),
/// which is also why the guard cannot move to another thread. The lock only
/// orders overrides: a test that reads a gate without overriding it, or
/// calls [`configure`] or [`activate`], is not held back by it, so a test
/// that depends on a gate's value should override it, even to its default.
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
    override_one(T::GATE, enabled)
}

fn override_one(gate: &'static Gate, enabled: bool) -> OverrideGuard {
    OVERRIDES.acquire();
    let _writer = writer();
    let previous = active();
    let was = gate.is_enabled();
    let mut next = if previous.shares_table(registry()) {
        (*previous).clone()
    } else {
        previous.rebased(registry())
    };
    if let Some(position) = next.position_of(gate) {
        next.set(position, enabled);
    }
    publish(Arc::new(next));
    // A gate outside `registry()` (none a program declares) still has a slot.
    gate.store_enabled(enabled);
    OverrideGuard {
        previous: Some(previous),
        gate,
        was,
        _one_thread: PhantomData,
    }
}

/// Restores the configuration active before [`override_gate`] when dropped.
#[must_use = "the override ends when the guard drops: bind it with `let _guard = ...`"]
#[derive(Debug)]
pub struct OverrideGuard {
    previous: Option<Arc<FeatureSet>>,
    gate: &'static Gate,
    was: bool,
    /// The override lock belongs to the thread that took it.
    _one_thread: PhantomData<*const ()>,
}

impl Drop for OverrideGuard {
    fn drop(&mut self) {
        if let Some(previous) = self.previous.take() {
            let _writer = writer();
            publish(previous);
            self.gate.store_enabled(self.was);
        }
        OVERRIDES.release();
    }
}

/// A lock its holder can take again (overrides nest on one thread); std's
/// `ReentrantLock` is not stable yet.
struct OverrideLock {
    holder: Mutex<(Option<ThreadId>, usize)>,
    released: Condvar,
}

static OVERRIDES: OverrideLock = OverrideLock {
    holder: Mutex::new((None, 0)),
    released: Condvar::new(),
};

impl OverrideLock {
    fn acquire(&self) {
        let me = thread::current().id();
        let mut holder = self.holder.lock().unwrap_or_else(PoisonError::into_inner);
        while holder.0.is_some_and(|owner| owner != me) {
            holder = self
                .released
                .wait(holder)
                .unwrap_or_else(PoisonError::into_inner);
        }
        holder.0 = Some(me);
        holder.1 += 1;
    }

    fn release(&self) {
        let mut holder = self.holder.lock().unwrap_or_else(PoisonError::into_inner);
        holder.1 -= 1;
        if holder.1 == 0 {
            holder.0 = None;
            self.released.notify_all();
        }
    }
}
