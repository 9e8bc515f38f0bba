//! A line diff for the docs check's failure message.

use std::fmt::Write as _;

/// Regions longer than this many lines (each side, once common head and tail
/// are trimmed) get a whole-block diff: the line diff's table is quadratic.
const DIFF_LIMIT: usize = 1000;

/// A line diff of `old` against `new`: hunks headed `@@ line N @@` (N counted
/// in the file, from `first_line`), `-` lines of the file, `+` lines rendered.
#[allow(clippy::many_single_char_names)] // i, j, n, m: the textbook names of the LCS recurrence
pub(super) fn line_diff(old: &str, new: &str, first_line: usize) -> String {
    let a: Vec<&str> = old.lines().collect();
    let b: Vec<&str> = new.lines().collect();
    let head = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let tail = a[head..]
        .iter()
        .rev()
        .zip(b[head..].iter().rev())
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (&a[head..a.len() - tail], &b[head..b.len() - tail]);

    // Edit script of the middle: (in old, in new) per line; LCS by dynamic
    // programming, which is plenty for documents of a few hundred lines.
    let mut ops: Vec<(Option<usize>, Option<usize>)> = Vec::new();
    if a_mid.len() > DIFF_LIMIT || b_mid.len() > DIFF_LIMIT {
        ops.extend((0..a_mid.len()).map(|i| (Some(i), None)));
        ops.extend((0..b_mid.len()).map(|j| (None, Some(j))));
    } else {
        let (n, m) = (a_mid.len(), b_mid.len());
        let mut lcs = vec![0u32; (n + 1) * (m + 1)];
        let at = |i: usize, j: usize| i * (m + 1) + j;
        for i in (0..n).rev() {
            for j in (0..m).rev() {
                lcs[at(i, j)] = if a_mid[i] == b_mid[j] {
                    lcs[at(i + 1, j + 1)] + 1
                } else {
                    lcs[at(i + 1, j)].max(lcs[at(i, j + 1)])
                };
            }
        }
        let (mut i, mut j) = (0, 0);
        while i < n || j < m {
            if i < n && j < m && a_mid[i] == b_mid[j] {
                ops.push((Some(i), Some(j)));
                i += 1;
                j += 1;
            } else if j == m || (i < n && lcs[at(i + 1, j)] >= lcs[at(i, j + 1)]) {
                ops.push((Some(i), None));
                i += 1;
            } else {
                ops.push((None, Some(j)));
                j += 1;
            }
        }
    }

    let mut out = String::new();
    let mut old_line = first_line + head;
    let mut in_hunk = false;
    for op in ops {
        match op {
            (Some(_), Some(_)) => {
                in_hunk = false;
                old_line += 1;
            }
            (removed, added) => {
                if !in_hunk {
                    let _ = writeln!(out, "@@ line {old_line} @@");
                    in_hunk = true;
                }
                if let Some(i) = removed {
                    let _ = writeln!(out, "-{}", a_mid[i]);
                    old_line += 1;
                }
                if let Some(j) = added {
                    let _ = writeln!(out, "+{}", b_mid[j]);
                }
            }
        }
    }
    if out.is_empty() {
        // Same lines, different line ends (a missing final newline).
        let _ = writeln!(
            out,
            "@@ line {} @@\n(the files differ only in their final line break)",
            first_line + a.len()
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::line_diff;

    #[test]
    fn diff_shows_changed_lines_with_file_line_numbers() {
        let diff = line_diff("a\nb\nc\nd\n", "a\nB\nc\nd\ne\n", 1);
        assert_eq!(diff, "@@ line 2 @@\n-b\n+B\n@@ line 5 @@\n+e\n");
        assert_eq!(line_diff("x\n", "y\n", 10), "@@ line 10 @@\n-x\n+y\n");
        assert!(line_diff("x", "x\n", 1).contains("final line break"));
    }
}
