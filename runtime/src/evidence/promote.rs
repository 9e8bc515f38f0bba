//! `evidence --suggest`: a unified diff of the declarations that sets each
//! `Promote` finding's architecture to `Supported`, and nothing else.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::io::Read as _;
use std::path::Path;

use super::assess::Assessment;
use super::finding::FindingKind;
use crate::{Arch, Gate, Support};

/// The largest source file read.
const MAX_SOURCE_BYTES: u64 = 8 << 20;

/// How far above the marker type's line the attribute may start.
const MAX_ATTRIBUTE_LINES: usize = 200;

/// The diff (empty when nothing is promoted) and a note for each promotion
/// skipped: forbidden by a requirement Unsupported there (section 10), or a
/// declaration that could not be located under `root`.
pub(crate) fn suggest(assessment: &Assessment, root: &Path) -> (String, Vec<String>) {
    let mut notes = Vec::new();
    // file -> gate's line -> (gate, archs)
    let mut by_file: BTreeMap<&'static str, BTreeMap<u32, (&'static Gate, Vec<Arch>)>> =
        BTreeMap::new();
    for finding in assessment.findings() {
        if finding.kind != FindingKind::Promote {
            continue;
        }
        let (gate, arch) = (finding.gate, finding.arch);
        if let Some(blocker) = gate
            .requires()
            .find(|r| r.support(arch) == Some(Support::Unsupported))
        {
            notes.push(format!(
                "{} on {arch} not promoted: it requires {}, which is Unsupported there",
                gate.name(),
                blocker.name()
            ));
            continue;
        }
        let location = gate.location();
        by_file
            .entry(location.file)
            .or_default()
            .entry(location.line)
            .or_insert_with(|| (gate, Vec::new()))
            .1
            .push(arch);
    }
    let mut diff = String::new();
    for (file, gates) in by_file {
        let Some(text) = read_source(&root.join(file)) else {
            for (gate, _) in gates.values() {
                notes.push(format!(
                    "{} not promoted: cannot read its declaration's file {file} under {}",
                    gate.name(),
                    root.display()
                ));
            }
            continue;
        };
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let mut hunks = Vec::new();
        for (line, (gate, archs)) in gates {
            match edit(&lines, line as usize, &archs) {
                Some(hunk) => hunks.push(hunk),
                None => notes.push(format!(
                    "{} not promoted: no #[feature_gate(...)] found above {file}:{line}",
                    gate.name()
                )),
            }
        }
        if !hunks.is_empty() {
            write_diff(&mut diff, file, &lines, &hunks);
        }
    }
    (diff, notes)
}

fn read_source(path: &Path) -> Option<String> {
    let file = std::fs::File::open(path).ok()?;
    if !file.metadata().ok()?.is_file() {
        return None;
    }
    let mut text = String::new();
    file.take(MAX_SOURCE_BYTES + 1)
        .read_to_string(&mut text)
        .ok()?;
    (text.len() as u64 <= MAX_SOURCE_BYTES).then_some(text)
}

/// Lines `start..end` (0-based) of the file replaced by `new`.
struct Hunk {
    start: usize,
    end: usize,
    new: Vec<String>,
}

/// The attribute above the marker type on 1-based `line`, with each
/// architecture of `archs` set to `Supported`.
fn edit(lines: &[&str], line: usize, archs: &[Arch]) -> Option<Hunk> {
    let last = line.checked_sub(1)?;
    if last >= lines.len() {
        return None;
    }
    let first = (last.saturating_sub(MAX_ATTRIBUTE_LINES)..=last)
        .rev()
        .find(|&i| {
            let t = lines[i].trim_start();
            t.starts_with("#[") && t.contains("feature_gate(")
        })?;
    // No other item between the attribute and the marker type.
    if lines[first..last]
        .iter()
        .any(|l| l.trim_start().starts_with("pub struct") || l.trim_end().ends_with(';'))
    {
        return None;
    }
    let block: String = lines[first..=last].concat();
    let open = block.find("feature_gate(")? + "feature_gate(".len();
    let close = open + matching_paren(&block[open..])?;
    let mut args = block[open..close].to_owned();
    for &arch in archs {
        args = set_supported(&args, arch);
    }
    let new_block = format!("{}{args}{}", &block[..open], &block[close..]);
    let mut new: Vec<String> = new_block.split_inclusive('\n').map(str::to_owned).collect();
    // Only the lines that change: the unchanged ones around them are context.
    let (mut start, mut end) = (first, last + 1);
    while start < end && !new.is_empty() && new[0] == lines[start] {
        new.remove(0);
        start += 1;
    }
    while start < end && new.last().is_some_and(|l| l == lines[end - 1]) {
        new.pop();
        end -= 1;
    }
    Some(Hunk { start, end, new })
}

/// The offset of the `)` that closes an argument list whose `(` is just
/// before `text`, skipping strings and nested brackets.
fn matching_paren(text: &str) -> Option<usize> {
    let mut depth = 0usize;
    let mut chars = text.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => {
                while let Some((_, c)) = chars.next() {
                    match c {
                        '\\' => {
                            chars.next();
                        }
                        '"' => break,
                        _ => {}
                    }
                }
            }
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' if depth == 0 => return (c == ')').then_some(i),
            ')' | ']' | '}' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// The top-level entries of an argument list: each one's span, trimmed.
fn entries(args: &str) -> Vec<(usize, usize)> {
    let mut out = Vec::new();
    let mut depth = 0usize;
    let mut start = 0;
    let mut in_string = false;
    let mut escaped = false;
    let push = |from: usize, to: usize, out: &mut Vec<(usize, usize)>| {
        let piece = &args[from..to];
        let lead = piece.len() - piece.trim_start().len();
        let trimmed = piece.trim();
        if !trimmed.is_empty() {
            out.push((from + lead, from + lead + trimmed.len()));
        }
    };
    for (i, c) in args.char_indices() {
        if in_string {
            match c {
                _ if escaped => escaped = false,
                '\\' => escaped = true,
                '"' => in_string = false,
                _ => {}
            }
            continue;
        }
        match c {
            '"' => in_string = true,
            '(' | '[' | '{' => depth += 1,
            ')' | ']' | '}' => depth = depth.saturating_sub(1),
            ',' if depth == 0 => {
                push(start, i, &mut out);
                start = i + 1;
            }
            _ => {}
        }
    }
    push(start, args.len(), &mut out);
    out
}

/// `args` with `arch = Supported`: the key's value replaced where the key
/// is written, else the key added after the last entry (on a line of its
/// own when the list spans lines). `others` is never touched.
fn set_supported(args: &str, arch: Arch) -> String {
    let entries = entries(args);
    let key = arch.as_str();
    let value = format!("{key} = Supported");
    for &(from, to) in &entries {
        let entry = &args[from..to];
        if entry.split_once('=').is_some_and(|(k, _)| k.trim() == key) {
            return format!("{}{value}{}", &args[..from], &args[to..]);
        }
    }
    let Some(&(_, end)) = entries.last() else {
        return value;
    };
    let after = &args[end..];
    let trailing_comma = after.trim_start().starts_with(',');
    if args.contains('\n') {
        let line_start = args[..end].rfind('\n').map_or(0, |i| i + 1);
        let indent: String = args[line_start..]
            .chars()
            .take_while(|c| *c == ' ' || *c == '\t')
            .collect();
        if trailing_comma {
            let comma = end + after.find(',').unwrap_or(0) + 1;
            format!("{}\n{indent}{value},{}", &args[..comma], &args[comma..])
        } else {
            format!("{},\n{indent}{value}{}", &args[..end], &args[end..])
        }
    } else {
        format!("{}, {value}{}", &args[..end], &args[end..])
    }
}

/// The unified diff of one file: its hunks with three lines of context,
/// those whose contexts touch merged.
fn write_diff(out: &mut String, file: &str, lines: &[&str], hunks: &[Hunk]) {
    const CONTEXT: usize = 3;
    let _ = writeln!(out, "--- a/{file}\n+++ b/{file}");
    let mut i = 0;
    // Lines the earlier hunks added and removed: where new line numbers stand.
    let (mut added, mut removed) = (0usize, 0usize);
    while i < hunks.len() {
        let mut j = i;
        while j + 1 < hunks.len() && hunks[j + 1].start <= hunks[j].end + 2 * CONTEXT {
            j += 1;
        }
        let from = hunks[i].start.saturating_sub(CONTEXT);
        let to = (hunks[j].end + CONTEXT).min(lines.len());
        let mut body = String::new();
        let (mut old_len, mut new_len) = (0usize, 0usize);
        let mut at = from;
        for hunk in &hunks[i..=j] {
            for line in &lines[at..hunk.start] {
                push_line(&mut body, ' ', line);
                old_len += 1;
                new_len += 1;
            }
            for line in &lines[hunk.start..hunk.end] {
                push_line(&mut body, '-', line);
                old_len += 1;
            }
            for line in &hunk.new {
                push_line(&mut body, '+', line);
                new_len += 1;
            }
            at = hunk.end;
        }
        for line in &lines[at..to] {
            push_line(&mut body, ' ', line);
            old_len += 1;
            new_len += 1;
        }
        let new_from = from + added - removed;
        let _ = writeln!(
            out,
            "@@ -{},{old_len} +{},{new_len} @@",
            from + 1,
            new_from + 1
        );
        out.push_str(&body);
        added += new_len;
        removed += old_len;
        i = j + 1;
    }
}

fn push_line(out: &mut String, mark: char, line: &str) {
    out.push(mark);
    out.push_str(line);
    if !line.ends_with('\n') {
        out.push_str("\n\\ No newline at end of file\n");
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keys_are_replaced_or_added() {
        assert_eq!(
            set_supported(
                r#"state = Beta, arm64 = Pending("needs, CDI")"#,
                Arch::Arm64
            ),
            "state = Beta, arm64 = Supported"
        );
        assert_eq!(
            set_supported("state = Beta, others = Unverified", Arch::S390x),
            "state = Beta, others = Unverified, s390x = Supported"
        );
        assert_eq!(
            set_supported(
                "\n    alpha = \"v1.1.0\",\n    ga = \"v1.4.0\",\n",
                Arch::Arm64
            ),
            "\n    alpha = \"v1.1.0\",\n    ga = \"v1.4.0\",\n    arm64 = Supported,\n"
        );
        assert_eq!(
            set_supported("\n    alpha = \"v1.1.0\"\n", Arch::Arm64),
            "\n    alpha = \"v1.1.0\",\n    arm64 = Supported\n"
        );
    }

    #[test]
    fn the_attribute_is_found_above_the_type() {
        let text = "/// Doc.\n#[feature_gate(\n    state = Alpha,\n)]\npub struct A;\n";
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        let hunk = edit(&lines, 5, &[Arch::Arm64, Arch::S390x]).unwrap();
        assert_eq!((hunk.start, hunk.end), (3, 3));
        assert_eq!(
            hunk.new.concat(),
            "    arm64 = Supported,\n    s390x = Supported,\n"
        );
        assert!(edit(&["pub struct A;\n"], 1, &[Arch::Arm64]).is_none());
    }
}
