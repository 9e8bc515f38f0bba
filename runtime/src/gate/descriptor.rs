//! The descriptor of one gate, built by the macro in a const context, and the
//! trait that ties a marker type to it.

use std::any::Any;
use std::borrow::Cow;
use std::fmt;
use std::hash::{Hash, Hasher};
use std::sync::atomic::{AtomicBool, Ordering};

use crate::gate::encoding::{
    FIELDS, LAYOUT, MESSAGE, NAME, OWNER, REASONS, SINCE, STAGES, codes, lens, state_of, support_of,
};
use crate::{Arch, Location, State, Status, Support, Version};

/// The type-erased `used_by` predicate: `Some(answer)` when the value has the
/// type the declared function takes, `None` otherwise. Only the expansion
/// names it (through `__private`).
#[doc(hidden)]
pub type UsedBy = fn(&dyn Any) -> Option<bool>;

/// Everything declared about one gate: name, state, support per architecture,
/// documentation and where it was declared.
///
/// Built at compile time by [`feature_gate`](crate::feature_gate); a program
/// reaches gates through [`FeatureGate::GATE`] or the [`Registry`](crate::Registry).
/// Two `Gate`s are equal when they are the same declaration.
pub struct Gate {
    /// The strings, concatenated: packing them behind one pointer with `u16`
    /// lengths costs a third of a separate `&str` per field.
    text: &'static str,
    lens: [u16; FIELDS],
    state: State,
    support: [Option<Support>; Arch::ALL.len()],
    line: u32,
    used_by: Option<UsedBy>,
    /// The gates this one requires, in declared order.
    requires: &'static [&'static Gate],
    /// The slot `FeatureGate::is_enabled` reads; written by `activate`.
    enabled: AtomicBool,
}

impl Gate {
    /// Builds a descriptor. Only the macro's expansion calls this (through
    /// `__private`); `codes` packs the state in bits 0..3 and each
    /// architecture's support in the next 3-bit groups (0 = unspecified).
    #[doc(hidden)]
    #[must_use]
    pub const fn __new(
        text: &'static str,
        lens: [u16; FIELDS],
        codes: u32,
        line: u32,
        used_by: Option<UsedBy>,
    ) -> Gate {
        let state = state_of(codes);
        let mut support = [None; Arch::ALL.len()];
        let mut i = 0;
        while i < support.len() {
            support[i] = support_of(codes, i);
            i += 1;
        }
        Gate {
            text,
            lens,
            state,
            support,
            line,
            used_by,
            requires: &[],
            enabled: AtomicBool::new(state.default_enabled()),
        }
    }

    /// The same descriptor, requiring `requires`: for tests that build
    /// descriptors by hand (the expansion passes them to `__from_layout`).
    #[doc(hidden)]
    #[must_use]
    pub const fn __requiring(mut self, requires: &'static [&'static Gate]) -> Gate {
        self.requires = requires;
        self
    }

    /// Builds a descriptor from the layout the macro emits as one byte
    /// string: each field's length as a little-endian `u16`, then `codes` as a
    /// little-endian `u32`. One literal token instead of eleven numbers keeps
    /// the expansion small; decoding here costs the compiler a short const
    /// evaluation.
    #[doc(hidden)]
    #[must_use]
    pub const fn __from_layout(
        text: &'static str,
        layout: &[u8; LAYOUT],
        line: u32,
        used_by: &[UsedBy],
        requires: &'static [&'static Gate],
    ) -> Gate {
        let used_by = match used_by {
            [f] => Some(*f),
            _ => None,
        };
        Gate::__new(text, lens(layout), codes(layout), line, used_by).__requiring(requires)
    }

    fn field(&self, index: usize) -> &'static str {
        let start: usize = self.lens[..index].iter().map(|&l| usize::from(l)).sum();
        let end = start + usize::from(self.lens[index]);
        self.text.get(start..end).unwrap_or_default()
    }

    fn optional(&self, index: usize) -> Option<&'static str> {
        Some(self.field(index)).filter(|s| !s.is_empty())
    }

    /// The tail after the length-prefixed fields: description, module path
    /// and file.
    fn tail(&self) -> (&'static str, &'static str, &'static str) {
        let tail = self
            .text
            .get(self.lens.iter().map(|&l| usize::from(l)).sum()..)
            .unwrap_or_default();
        let (rest, file) = tail.rsplit_once('\0').unwrap_or((tail, ""));
        let (description, module_path) = rest.rsplit_once('\0').unwrap_or(("", rest));
        (description, module_path, file)
    }

    /// The name configurations use: the `name` key, or the type's identifier.
    #[inline]
    #[must_use]
    pub fn name(&self) -> &'static str {
        // The name leads `text`, so no offset to add up: sorting and indexing
        // a registry call this thousands of times (see BENCHMARKS.md).
        const _: () = assert!(NAME == 0);
        self.text
            .get(..usize::from(self.lens[NAME]))
            .unwrap_or_default()
    }

    /// The gate's maturity.
    #[must_use]
    pub fn state(&self) -> State {
        self.state
    }

    /// The `message` the declaration gives, if it gives one.
    pub(crate) fn declared_message(&self) -> Option<&'static str> {
        self.optional(MESSAGE)
    }

    /// The declared `message`, or the state's standard message (KubeVirt's).
    #[must_use]
    pub fn message(&self) -> Cow<'static, str> {
        match self.optional(MESSAGE) {
            Some(message) => Cow::Borrowed(message),
            None => Cow::Owned(standard_message(self.name(), self.state)),
        }
    }

    /// The marker type's doc comment.
    #[must_use]
    pub fn description(&self) -> Option<&'static str> {
        Some(self.tail().0).filter(|s| !s.is_empty())
    }

    /// The release in which the gate entered its state, as written: the
    /// stage key of its state (`ga = "v1.9.0"`), or `since`.
    #[must_use]
    pub fn since(&self) -> Option<&'static str> {
        self.optional(SINCE)
            .or_else(|| self.optional(STAGES + self.state as usize))
    }

    /// The gate's history: each stage it entered and the release it did, in
    /// lifecycle order. From the stage keys (`alpha = "v1.6.0", beta =
    /// "v1.7.0"`), or `(state, since)` when `since` is a version; a `since`
    /// that is none (`since = "2024"`) gives no history.
    ///
    /// ```
    /// use featuregate::{FeatureGate, State, Version, feature_gate};
    ///
    /// #[feature_gate(alpha = "v1.6.0", beta = "v1.7.0", ga = "v1.9")]
    /// pub struct PanicDevices;
    ///
    /// let history: Vec<(State, Version)> = PanicDevices::GATE.history().collect();
    /// assert_eq!(history, [
    ///     (State::Alpha, Version::new(1, 6, 0)),
    ///     (State::Beta, Version::new(1, 7, 0)),
    ///     (State::Ga, Version::new(1, 9, 0)),
    /// ]);
    /// assert_eq!(PanicDevices::GATE.state(), State::Ga);
    /// assert_eq!(PanicDevices::GATE.since(), Some("v1.9"));
    /// assert_eq!(PanicDevices::GATE.state_at(Version::new(1, 8, 2)), Some(State::Beta));
    /// assert_eq!(PanicDevices::GATE.state_at(Version::new(1, 5, 0)), None);
    /// ```
    pub fn history(&self) -> impl Iterator<Item = (State, Version)> + '_ {
        let has_stage_keys = (0..State::ALL.len()).any(|i| !self.field(STAGES + i).is_empty());
        let entered = State::ALL
            .into_iter()
            .enumerate()
            .filter_map(move |(i, state)| {
                Version::parse(self.field(STAGES + i)).map(|version| (state, version))
            });
        let since = self
            .optional(SINCE)
            .filter(|_| !has_stage_keys)
            .and_then(Version::parse)
            .map(|version| (self.state, version));
        entered.chain(since)
    }

    /// The gate's state in release `version`, by its history: `None` before
    /// the first stage it records (the gate did not exist yet); a gate with
    /// no history is in its [`state`](Gate::state) at every version.
    #[must_use]
    pub fn state_at(&self, version: Version) -> Option<State> {
        let mut history = self.history().peekable();
        if history.peek().is_none() {
            return Some(self.state);
        }
        history
            .take_while(|&(_, entered)| entered <= version)
            .last()
            .map(|(state, _)| state)
    }

    /// Who answers for the gate (`owner = "sig-compute"`).
    #[must_use]
    pub fn owner(&self) -> Option<&'static str> {
        self.optional(OWNER)
    }

    /// The support declared for `arch`, or `None` when the declaration does
    /// not name it (directly or through `others`): unspecified.
    #[must_use]
    pub fn support(&self, arch: Arch) -> Option<Support> {
        self.support[arch.index()]
    }

    /// The status on `arch`: the declared support, or [`Status::Unspecified`].
    #[must_use]
    pub fn status(&self, arch: Arch) -> Status {
        Status::of(self.support(arch))
    }

    /// Why `arch` has its status, where the declaration says (`Pending("needs CDI")`).
    #[must_use]
    pub fn reason(&self, arch: Arch) -> Option<&'static str> {
        self.optional(REASONS + arch.index())
    }

    /// The specified `(Arch, Support)` pairs in [`Arch`] order, those filled by
    /// `others` included; unspecified architectures are skipped.
    pub fn support_by_arch(&self) -> impl Iterator<Item = (Arch, Support)> + '_ {
        Arch::ALL
            .into_iter()
            .filter_map(|arch| self.support(arch).map(|s| (arch, s)))
    }

    /// Where the gate was declared.
    #[must_use]
    pub fn location(&self) -> Location {
        let (_, module_path, file) = self.tail();
        Location {
            module_path,
            file,
            line: self.line,
        }
    }

    /// Whether `value` uses the feature, by the declaration's `used_by`
    /// function: `None` when the gate has none or it takes another type.
    pub fn is_used_by<S: Any>(&self, value: &S) -> Option<bool> {
        self.used_by.and_then(|f| f(value))
    }

    /// The gates this one requires (`requires = [A, B]`), in declared order.
    ///
    /// Following them from gate to gate walks the requirement graph; a walk
    /// that meets a gate already on its path has found a cycle, which only
    /// gates of one crate can form (crates cannot depend on each other in
    /// a circle), and which compiles, so that the registry can report it.
    pub fn requires(&self) -> impl ExactSizeIterator<Item = &'static Gate> + 'static {
        self.requires.iter().copied()
    }

    /// Whether the gate has a `used_by` function at all.
    #[must_use]
    pub fn has_used_by(&self) -> bool {
        self.used_by.is_some()
    }

    /// Whether the gate is on in the active configuration (see
    /// [`activate`](crate::activate)); the same read as [`FeatureGate::is_enabled`].
    #[inline]
    #[must_use]
    pub fn is_enabled(&self) -> bool {
        self.enabled.load(Ordering::Relaxed)
    }

    /// Publishes whether the gate is on; only the active configuration writes.
    pub(crate) fn store_enabled(&self, on: bool) {
        self.enabled.store(on, Ordering::Relaxed);
    }
}

/// KubeVirt's standard message for a state.
pub(crate) fn standard_message(name: &str, state: State) -> String {
    match state {
        State::Alpha | State::Beta => {
            format!(
                "feature gate {name} is active (feature state is \"{}\")",
                state.long_name()
            )
        }
        State::Ga | State::Deprecated | State::Discontinued => format!(
            "feature gate {name} is deprecated (feature state is \"{}\"), therefore it can be safely removed and is redundant.",
            state.long_name()
        ),
    }
}

impl fmt::Debug for Gate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Gate")
            .field("name", &self.name())
            .field("state", &self.state)
            .field("support", &self.support_by_arch().collect::<Vec<_>>())
            .field("location", &self.location())
            .finish_non_exhaustive()
    }
}

impl fmt::Display for Gate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.pad(self.name())
    }
}

/// Identity: a gate equals only itself (each declaration is one static).
impl PartialEq for Gate {
    fn eq(&self, other: &Gate) -> bool {
        std::ptr::eq(self, other)
    }
}

impl Eq for Gate {}

impl Hash for Gate {
    fn hash<H: Hasher>(&self, state: &mut H) {
        std::ptr::hash(self, state);
    }
}

/// Implemented by `#[feature_gate]` for its marker type.
#[diagnostic::on_unimplemented(
    message = "`{Self}` is not a feature gate",
    label = "not a feature gate",
    note = "a feature gate is a marker type declared with `#[feature_gate(...)]`"
)]
pub trait FeatureGate: 'static {
    /// The gate's descriptor.
    const GATE: &'static Gate = Self::__DECL.gate;

    /// The declaration: the descriptor, and what const evaluation may read
    /// of it (the compile-time checks of `requires` read the required
    /// gate's name, state and support here, since the descriptor itself is
    /// out of their reach). The expansion sets only this, and [`GATE`]
    /// follows from it: one associated const per gate, not two, since a
    /// crate of a thousand gates pays for each one at every rebuild.
    ///
    /// [`GATE`]: FeatureGate::GATE
    #[doc(hidden)]
    const __DECL: crate::gate::requirement_checks::Decl;

    /// Whether the gate is on in the active configuration: one relaxed atomic
    /// load of the gate's own slot, no lock, no string compare.
    #[inline]
    #[must_use]
    fn is_enabled() -> bool {
        Self::GATE.is_enabled()
    }
}

/// What the expansion hands to `inventory`.
#[doc(hidden)]
pub struct Registered(pub &'static Gate);

inventory::collect!(Registered);

/// What the wrapper the macro emits for `used_by = path` calls:
/// `Predicate { f: path }.call(value)`. The user's function is a struct
/// field, a coercion site whose error (a wrong signature) points at the
/// user's path alone, where an argument of a generic function would also
/// point into this file ("function defined here"). It also costs rustc less
/// than a `let f: fn(&_) -> bool = path;`.
#[doc(hidden)]
pub mod __used_by {
    use std::any::Any;

    /// The user's function; `S` is inferred from it.
    pub struct Predicate<S> {
        /// The function `used_by` names.
        pub f: fn(&S) -> bool,
    }

    impl<S: Any> Predicate<S> {
        /// `Some(answer)` when `value` is an `S`, `None` otherwise.
        pub fn call(self, value: &dyn Any) -> Option<bool> {
            value.downcast_ref::<S>().map(self.f)
        }
    }
}
