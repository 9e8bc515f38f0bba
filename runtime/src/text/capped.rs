//! A list that keeps at most [`CAP`] items of each kind and counts the
//! rest, so that warnings and problems stay bounded however hostile the
//! input.

/// How many warnings (or problems) of one kind are kept; one more counts
/// the rest.
pub(crate) const CAP: usize = 100;

/// Kinds at most, per item type.
const KINDS: usize = 32;

/// An item with a kind, and the item that counts those left out.
pub(crate) trait Kind: Sized {
    /// An index below 32, and what the counting item says they are about.
    fn kind(&self) -> (usize, &'static str);

    /// The item counting `count` left out of the kind of `sample`, the
    /// first item kept of it.
    fn more(sample: &Self, count: usize) -> Self;
}

/// Items of a few kinds, at most [`CAP`] of each; the rest only counted.
pub(crate) struct Capped<T> {
    items: Vec<T>,
    counts: [usize; KINDS],
    /// Where the first item of each kind is in `items`.
    firsts: [usize; KINDS],
}

impl<T: Kind> Capped<T> {
    pub(crate) fn new() -> Capped<T> {
        Capped {
            items: Vec::new(),
            counts: [0; KINDS],
            firsts: [0; KINDS],
        }
    }

    /// Adds the item `make` builds if its kind (that of `probe`, a cheap
    /// item of the same kind) is not over the cap; counts it either way.
    /// `make` runs only for kept items: a suggestion, an owned name, is work
    /// that must not grow with a hostile input.
    pub(crate) fn push_with(&mut self, probe: &T, make: impl FnOnce() -> T) {
        let (kind, _) = probe.kind();
        self.keep(kind, make);
    }

    /// Adds `item` if its kind is not over the cap; counts it either way.
    #[inline]
    pub(crate) fn push(&mut self, item: T) {
        let (kind, _) = item.kind();
        self.keep(kind, || item);
    }

    fn keep(&mut self, kind: usize, make: impl FnOnce() -> T) {
        self.counts[kind] += 1;
        if self.counts[kind] == 1 {
            self.firsts[kind] = self.items.len();
        }
        if self.counts[kind] <= CAP {
            self.items.push(make());
        }
    }

    pub(crate) fn is_empty(&self) -> bool {
        self.counts.iter().all(|&c| c == 0)
    }

    /// The items, then for each kind over the cap one counting the rest.
    pub(crate) fn finish(mut self) -> Vec<T> {
        for (&count, &first) in self.counts.iter().zip(&self.firsts) {
            if count > CAP {
                let more = T::more(&self.items[first], count - CAP);
                self.items.push(more);
            }
        }
        self.items
    }
}
