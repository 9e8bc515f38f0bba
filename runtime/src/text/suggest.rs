//! "Did you mean": the closest known name to a misspelt one (Jaro-Winkler,
//! as darling's suggestions at compile time), fast enough for a hostile
//! configuration against a large registry, and the near misses of a file's
//! or an object's keys.

/// Jaro-Winkler similarity above which a known name is offered as a suggestion.
/// The same threshold darling uses for the compile-time suggestions, so the
/// macro and the runtime suggest alike.
const SUGGESTION_THRESHOLD: f64 = 0.8;

/// The known name closest to `input`: an exact match ignoring ASCII case first,
/// then the most similar name above the threshold.
pub(crate) fn closest<'a, I>(input: &str, known: I) -> Option<&'a str>
where
    I: IntoIterator<Item = &'a str>,
{
    // Lowercased once, and each candidate into one reused buffer: a registry
    // of a thousand gates is scanned for every unknown name.
    let input_lower = input.to_ascii_lowercase();
    let mut candidate_lower = String::new();
    let mut best: Option<(f64, &'a str)> = None;
    for candidate in known {
        if candidate.eq_ignore_ascii_case(input) {
            return Some(candidate);
        }
        candidate_lower.clear();
        candidate_lower.push_str(candidate);
        candidate_lower.make_ascii_lowercase();
        let score = strsim::jaro_winkler(&input_lower, &candidate_lower);
        if score > SUGGESTION_THRESHOLD && best.is_none_or(|(b, _)| score > b) {
            best = Some((score, candidate));
        }
    }
    best.map(|(_, name)| name)
}

/// A registry's names lowercased, for [`Folded::closest`]: built once per
/// registry, on the first suggestion asked for.
pub(crate) struct Folded {
    /// The names, lowercased, one after another.
    text: String,
    /// Per name: where it starts and ends in `text`, and its letter counts
    /// when it takes the fast comparison.
    entries: Box<[Entry]>,
}

/// The longest name the fast comparison takes: one bit per byte in a `u128`.
const FAST_LEN: usize = 128;

/// How often each letter, each digit and each punctuation mark occurs in a
/// lowercase ASCII name of at most 128 bytes. Digits count apart: names
/// that differ only in their numbers (`Gen00001Gate`, `Gen00002Gate`) are
/// then told apart by the bound, not by a full comparison each.
type Counts = [u8; 40];

/// One name: where it is in the text (32-bit offsets keep an entry within
/// a cache line), whether it takes the fast comparison, its counts.
struct Entry {
    start: u32,
    end: u32,
    fast: bool,
    counts: Counts,
}

impl Entry {
    fn range(&self) -> std::ops::Range<usize> {
        self.start as usize..self.end as usize
    }
}

fn counts(lower: &[u8]) -> Counts {
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

/// How many full comparisons one suggestion may make. A registry of up to
/// this many gates is always searched whole; past it, names built to look
/// alike (thousands of gates sharing every letter with the input) cost a
/// bounded time, and a name whose search runs out gets no suggestion.
const BUDGET: usize = 2_048;

/// How many names one suggestion looks at: those nearest the input in
/// sorted order, where a misspelling that keeps its first letters lands. A
/// registry of up to this many gates is searched whole; a larger one (SPEC
/// section 4 asks for 1,000 names against 10,000 gates in 50 ms) is searched
/// in this window around the input, so the work per name is bounded.
const WINDOW: usize = 4_096;

/// The length of the common prefix, up to 4: Winkler's bonus.
fn prefix(a: &[u8], b: &[u8]) -> u32 {
    let mut n = 0;
    while n < 4 && n < a.len() && n < b.len() && a[n] == b[n] {
        n += 1;
    }
    n as u32
}

/// Whether `lower` takes the fast comparison.
fn fast(lower: &str) -> bool {
    lower.len() <= FAST_LEN && lower.is_ascii()
}

impl Folded {
    pub(crate) fn new<'a>(names: impl Iterator<Item = &'a str>) -> Folded {
        let mut text = String::new();
        let mut entries = Vec::new();
        for name in names {
            let start = text.len();
            text.push_str(name);
            text[start..].make_ascii_lowercase();
            let lower = &text[start..];
            let fast = fast(lower);
            entries.push(Entry {
                // Names of a registry: far below 4 GiB together.
                start: u32::try_from(start).unwrap_or(u32::MAX),
                end: u32::try_from(text.len()).unwrap_or(u32::MAX),
                fast,
                counts: if fast {
                    counts(lower.as_bytes())
                } else {
                    [0; 40]
                },
            });
        }
        Folded {
            text,
            entries: entries.into(),
        }
    }

    /// The position of the name (among those this was built from, in
    /// order) closest to `input`, by the same rule as [`closest`]: an exact
    /// match ignoring ASCII case, else the most similar above the
    /// threshold; `None` when more than [`BUDGET`] candidates would need a
    /// full comparison. Past [`WINDOW`] names, only the nearest in sorted
    /// order are looked at.
    ///
    /// It is called for every unknown name (up to a hundred) against every
    /// gate (thousands). So in the common case, ASCII names of at most 128
    /// bytes, a candidate whose letter counts alone bound its score below
    /// the best so far is skipped, and the others take a comparison that
    /// allocates nothing and finds each match with a bit mask, not a scan.
    pub(crate) fn closest(&self, input: &str) -> Option<usize> {
        let lower = input.to_ascii_lowercase();
        let pattern = Pattern::new(&lower);
        let mut best: Option<(f64, usize)> = None;
        let mut budget = BUDGET;
        // Names sharing the input's beginning are likely the closest: scanned
        // first (outward from where the input would sort among the names),
        // they raise the bar early, and the bound then skips more of the
        // others. Ties still go to the first in name order.
        let len = self.entries.len();
        let from = self
            .entries
            .partition_point(|entry| self.text.as_bytes()[entry.range()] < *lower.as_bytes());
        // Outward from there, alternately after and before: `from`,
        // `from - 1`, `from + 1`, `from - 2`, ... (each index once).
        let outward = (0..len.min(WINDOW)).map(|k| {
            let step = k / 2;
            if k % 2 == 0 {
                (from + step) % len
            } else {
                (from + len - 1 - step) % len
            }
        });
        // Per candidate length, the fewest shared bytes that could reach the
        // best so far: most candidates are skipped by integer work alone.
        let mut needed = [[0_u8; FAST_LEN + 1]; 5];
        let mut needed_for = f64::NAN;
        for i in outward {
            let entry = &self.entries[i];
            let candidate = &self.text.as_bytes()[entry.range()];
            if candidate == lower.as_bytes() {
                return Some(i);
            }
            let floor = best.map_or(SUGGESTION_THRESHOLD, |(b, _)| b);
            if let Some(pattern) = &pattern
                && entry.fast
            {
                if needed_for.to_bits() != floor.to_bits() {
                    pattern.fill_needed(floor, &mut needed);
                    needed_for = floor;
                }
                let common = prefix(candidate, pattern.bytes) as usize;
                let at_least = needed[common][candidate.len()];
                if at_least == u8::MAX || pattern.shared(&entry.counts) < u32::from(at_least) {
                    continue;
                }
            }
            if budget == 0 {
                return None;
            }
            budget -= 1;
            let score = match &pattern {
                Some(pattern) if entry.fast => pattern.jaro_winkler(candidate),
                _ => strsim::jaro_winkler(&self.text[entry.range()], &lower),
            };
            let wins = match best {
                None => score > SUGGESTION_THRESHOLD,
                Some((b, at)) => score.total_cmp(&b).then(at.cmp(&i)).is_gt(),
            };
            if wins {
                best = Some((score, i));
            }
        }
        best.map(|(_, i)| i)
    }
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
struct Pattern<'a> {
    bytes: &'a [u8],
    masks: [u128; 128],
    counts: Counts,
}

impl<'a> Pattern<'a> {
    fn new(lower: &'a str) -> Option<Pattern<'a>> {
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
    fn shared(&self, counts: &Counts) -> u32 {
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
    fn fill_needed(&self, floor: f64, needed: &mut [[u8; FAST_LEN + 1]; 5]) {
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
    fn jaro_winkler(&self, candidate: &[u8]) -> f64 {
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

/// Which of `expected` the key `key` nearly is without being it: the same
/// but for case, `_`, `-` and spaces, an edit away (two for keys longer
/// than five bytes; compared ignoring case), or a cut-short form holding at
/// least two thirds of it (`developerConfig` for `developerConfiguration`).
/// A key far longer than every expected one is never a near miss, which
/// also keeps the work bounded.
#[cfg(feature = "serde")]
pub(crate) fn near_miss<'a>(key: &str, expected: &[&'a str]) -> Option<&'a str> {
    if expected.contains(&key) {
        return None;
    }
    // Invisible characters (`feature\u{200b}Gates`) are taken out first: a
    // key that only they tell apart is a near miss.
    let visible: String = key
        .chars()
        .filter(|&c| !crate::text::escape::needs_escape(c))
        .collect();
    let key = visible.as_str();
    let fold = |s: &str| -> String {
        s.chars()
            .filter(|c| !matches!(c, '_' | '-' | ' '))
            .map(|c| c.to_ascii_lowercase())
            .collect()
    };
    let (key_folded, key_lower) = (fold(key), key.to_ascii_lowercase());
    expected.iter().copied().find(|right| {
        let edits = if right.len() <= 5 { 1 } else { 2 };
        let right_folded = fold(right);
        key.len() < 4 * right.len()
            && (key_folded == right_folded
                || (3 * key_folded.len() >= 2 * right_folded.len()
                    && right_folded.starts_with(&key_folded))
                || (key.len() <= right.len() + edits
                    && strsim::levenshtein(&key_lower, &right.to_ascii_lowercase()) <= edits))
    })
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::Pattern;

    #[cfg(feature = "serde")]
    #[test]
    fn near_misses_of_keys() {
        let keys = ["featureGates", "disabledFeatureGates"];
        for (key, right) in [
            ("feature_gates", Some("featureGates")),
            ("featuregates", Some("featureGates")),
            ("FeatureGates", Some("featureGates")),
            ("featureGate", Some("featureGates")),
            ("disabledFeatureGate", Some("disabledFeatureGates")),
            ("featureGates", None),
            ("developerConfiguration", None),
            ("featureGat", Some("featureGates")),
            ("feature", None),
            ("gates", None),
        ] {
            assert_eq!(super::near_miss(key, &keys), right, "{key}");
        }
        assert_eq!(super::near_miss("Kind", &["kind"]), Some("kind"));
        assert_eq!(super::near_miss("kinds", &["kind"]), Some("kind"));
        assert_eq!(super::near_miss("kin_d_s_x", &["kind"]), None);
        let cr = ["spec", "configuration", "developerConfiguration"];
        assert_eq!(
            super::near_miss("developerConfig", &cr),
            Some("developerConfiguration")
        );
        assert_eq!(super::near_miss("config", &cr), None);
        assert_eq!(super::near_miss("migrations", &cr), None);
        let huge = "f".repeat(100_000);
        assert_eq!(super::near_miss(&huge, &keys), None);
    }

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
