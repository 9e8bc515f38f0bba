//! The fast Jaro-Winkler of "did you mean": an input ready to be compared
//! with many candidates (bit masks, no allocation), the letter counts that
//! bound a candidate's score, and the table of what a candidate must share
//! to beat the best so far.

/// The longest name the fast comparison takes: one bit per byte in a `u128`.
pub(super) const FAST_LEN: usize = 128;

/// How often each letter, each digit and each punctuation mark occurs in a
/// lowercase ASCII name of at most 128 bytes. Digits count apart: names
/// that differ only in their numbers (`Gen00001Gate`, `Gen00002Gate`) are
/// then told apart by the bound, not by a full comparison each.
pub(super) type Counts = [u8; 40];

pub(super) fn counts(lower: &[u8]) -> Counts {
    let mut counts = [0u8; 40];
    for &b in lower {
        let bucket = match b {
            b'a'..=b'z' => b - b'a',
            b'0'..=b'9' => 26 + (b - b'0'),
            b'-' => 36,
            b'_' => 37,
            b'.' => 38,
            _ => 39,
        };
        counts[usize::from(bucket)] += 1;
    }
    counts
}

/// The length of the common prefix, up to 4: Winkler's bonus.
fn prefix(a: &[u8], b: &[u8]) -> u32 {
    let mut n = 0;
    while n < 4 && n < a.len() && n < b.len() && a[n] == b[n] {
        n += 1;
    }
    n as u32
}

/// Whether `lower` takes the fast comparison.
pub(super) fn fast(lower: &str) -> bool {
    lower.len() <= FAST_LEN && lower.is_ascii()
}

/// The matches of Jaro's definition between `$candidate` and `$pattern`'s
/// input, with `$bits` masks wide enough for both: for each candidate byte,
/// the first free equal input byte within the window. Gives the number of
/// matches and of half-transpositions.
macro_rules! matching {
    ($bits:ty, $pattern:expr, $candidate:expr) => {{
        let (pattern, candidate): (&Pattern<'_>, &[u8]) = ($pattern, $candidate);
        let (a_len, b_len) = (candidate.len(), pattern.bytes.len());
        let width = <$bits>::BITS as usize;
        let range = (a_len.max(b_len) / 2).saturating_sub(1);
        let (mut used, mut matched, mut count): ($bits, $bits, u32) = (0, 0, 0);
        for (i, &c) in candidate.iter().enumerate() {
            let (lo, hi) = (i.saturating_sub(range), (i + range + 1).min(b_len));
            if lo >= hi {
                continue;
            }
            // Bits lo..hi: hi >= 1 and lo < width here.
            let window = (<$bits>::MAX >> (width - hi)) & (<$bits>::MAX << lo);
            #[allow(clippy::cast_possible_truncation)] // `$bits` holds every position of the input
            let free = (pattern.masks[usize::from(c & 0x7F)] as $bits) & window & !used;
            if free != 0 {
                used |= free & free.wrapping_neg();
                matched |= 1 << i;
                count += 1;
            }
        }
        let mut transpositions = 0u32;
        while matched != 0 {
            let (i, j) = (matched.trailing_zeros(), used.trailing_zeros());
            matched &= matched - 1;
            used &= used - 1;
            if candidate[i as usize] != pattern.bytes[j as usize] {
                transpositions += 1;
            }
        }
        (count, transpositions)
    }};
}

/// An ASCII input of at most 128 bytes, ready to be compared with many
/// candidates: for each byte value, the positions where it occurs.
pub(super) struct Pattern<'a> {
    bytes: &'a [u8],
    masks: [u128; 128],
    counts: Counts,
}

impl<'a> Pattern<'a> {
    /// The length of the prefix `candidate` shares with the input, up to 4.
    pub(super) fn prefix(&self, candidate: &[u8]) -> u32 {
        prefix(candidate, self.bytes)
    }

    pub(super) fn new(lower: &'a str) -> Option<Pattern<'a>> {
        if !fast(lower) {
            return None;
        }
        let mut masks = [0u128; 128];
        for (j, &b) in lower.as_bytes().iter().enumerate() {
            masks[usize::from(b)] |= 1 << j;
        }
        Some(Pattern {
            bytes: lower.as_bytes(),
            masks,
            counts: counts(lower.as_bytes()),
        })
    }

    /// An upper bound of the score against `candidate` with these letter
    /// counts: no more bytes can match than the two share (so no more than
    /// the shorter has), with no transposition, plus the bonus of the common
    /// prefix; a little above the exact bound, so that rounding never skips
    /// a candidate that could win.
    /// (The reference [`Pattern::fill_needed`]'s table is derived from;
    /// the property tests check both.)
    #[cfg(test)]
    fn bound(&self, candidate: &[u8], counts: &Counts) -> f64 {
        let len = candidate.len();
        let shared = self.shared(counts);
        // Both at most 128 here: exact as `f64`.
        let (a, b) = (f64::from(len as u32), f64::from(self.bytes.len() as u32));
        if shared == 0 || a == 0.0 || b == 0.0 {
            return if len == self.bytes.len() { 1.0 } else { 1e-9 };
        }
        let m = f64::from(shared);
        let jaro = (m / a + m / b + 1.0) / 3.0;
        jaro + 0.1 * f64::from(prefix(candidate, self.bytes)) * (1.0 - jaro) + 1e-9
    }

    /// How many bytes the input and a candidate with these counts share.
    pub(super) fn shared(&self, counts: &Counts) -> u32 {
        // The mins sum to at most the input's length, 128: bytes suffice,
        // and byte-wide sums vectorize best.
        let mut shared = 0_u8;
        for (&a, &b) in self.counts.iter().zip(counts) {
            shared = shared.wrapping_add(a.min(b));
        }
        u32::from(shared)
    }

    /// For each common prefix (0 to 4 bytes) and candidate length, a
    /// number of shared bytes below which [`Pattern::bound`] is below
    /// `floor` (with a margin for rounding: never above the exact figure,
    /// so no candidate that could win is skipped); 255 when no candidate of
    /// that length can reach it. Integer work then skips most candidates.
    pub(super) fn fill_needed(&self, floor: f64, needed: &mut [[u8; FAST_LEN + 1]; 5]) {
        let b = f64::from(self.bytes.len() as u32);
        for (common, row) in needed.iter_mut().enumerate() {
            // bound = jaro * (1 - 0.1 p) + 0.1 p (+ 1e-9), and
            // jaro = (m / a + m / b + 1) / 3.
            let bonus = 0.1 * f64::from(common as u32);
            let jaro = (floor - bonus - 1e-9) / (1.0 - bonus);
            row[0] = 0;
            for (len, slot) in row.iter_mut().enumerate().skip(1) {
                let a = f64::from(len as u32);
                let m = (3.0 * jaro - 1.0) / (1.0 / a + 1.0 / b);
                // Within 0..=128 here, so the cast is exact after clamping.
                #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
                let m = (m - 1e-6).ceil().clamp(0.0, 128.0) as u8;
                let most = len.min(self.bytes.len());
                *slot = if b == 0.0 {
                    0
                } else if usize::from(m) > most {
                    u8::MAX
                } else {
                    m
                };
            }
        }
    }

    /// `strsim::jaro_winkler(candidate, input)`, both lowercase ASCII of at
    /// most 128 bytes, computed the same way (the greedy match of each
    /// candidate byte with the first free equal input byte in the window).
    pub(super) fn jaro_winkler(&self, candidate: &[u8]) -> f64 {
        let (a_len, b_len) = (candidate.len(), self.bytes.len());
        if a_len == 0 || b_len == 0 {
            return if a_len == b_len { 1.0 } else { 0.0 };
        }
        // Names of at most 64 bytes, nearly all, take 64-bit masks: half the
        // work of the 128-bit ones.
        let (count, transpositions) = if a_len <= 64 && b_len <= 64 {
            matching!(u64, self, candidate)
        } else {
            matching!(u128, self, candidate)
        };
        if count == 0 {
            return 0.0;
        }
        let m = f64::from(count);
        // Both at most 128 here: exact as `f64`.
        let (a, b) = (f64::from(a_len as u32), f64::from(b_len as u32));
        let jaro = (m / a + m / b + f64::from(count - transpositions / 2) / m) / 3.0;
        if jaro > 0.7 {
            jaro + 0.1 * f64::from(prefix(candidate, self.bytes)) * (1.0 - jaro)
        } else {
            jaro
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::Pattern;

    proptest! {
        #[test]
        fn fast_jaro_winkler_is_strsims(a in "[a-e.-]{0,100}", b in "[a-e.-]{0,100}") {
            let pattern = Pattern::new(&b).unwrap();
            let fast = pattern.jaro_winkler(a.as_bytes());
            let slow = strsim::jaro_winkler(&a, &b);
            prop_assert!((fast - slow).abs() < 1e-12, "{} {} {} {}", a, b, fast, slow);
            prop_assert!(pattern.bound(a.as_bytes(), &super::counts(a.as_bytes())) >= fast);
        }

        #[test]
        fn the_needed_table_never_skips_a_winner(
            a in "[a-e0-3.-]{1,60}",
            b in "[a-e0-3.-]{1,60}",
            floor in 0.8f64..1.0,
        ) {
            // `b`, and `a` with one byte dropped and one added: close, so
            // that scores above the floor are common.
            let near = format!("{}z{}", &a[..a.len() / 2], &a[a.len() / 2 + 1..]);
            for b in [b.as_str(), near.as_str()] {
                let pattern = Pattern::new(b).unwrap();
                let mut needed = [[0u8; super::FAST_LEN + 1]; 5];
                pattern.fill_needed(floor, &mut needed);
                let score = pattern.jaro_winkler(a.as_bytes());
                if score >= floor {
                    let shared = pattern.shared(&super::counts(a.as_bytes()));
                    let common = super::prefix(a.as_bytes(), b.as_bytes()) as usize;
                    let at_least = needed[common][a.len()];
                    prop_assert!(at_least != u8::MAX, "{} {} {}", a, b, score);
                    prop_assert!(shared >= u32::from(at_least), "{} {} {}", a, b, score);
                }
            }
        }
    }
}
