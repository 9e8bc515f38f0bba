//! Property tests of the macro's core: whatever tokens it is given, it never
//! panics and answers with an expansion or with errors.
//!
//! Inputs come from three sources: a grammar of plausible attributes (every
//! key, valid and misspelt values, literals, nested calls, stray punctuation)
//! on plausible items, with each input known valid or invalid; mutations of
//! valid declarations (token trees deleted, duplicated, swapped, replaced,
//! also inside groups); and plain token soups. Each test runs 1,000 cases by
//! default (a few seconds in debug); `PROPTEST_CASES=50000` raises it.

use std::panic::{AssertUnwindSafe, catch_unwind};

use proc_macro2::{Delimiter, Group, TokenStream, TokenTree};
use proptest::prelude::*;
use proptest::test_runner::Config;

use crate::expand::feature_gate;
use crate::symbol::{ARCHS, STATES, SUPPORTS};

fn config() -> Config {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|c| c.parse().ok())
        .unwrap_or(1_000);
    Config {
        cases,
        failure_persistence: None,
        ..Config::default()
    }
}

/// One `key = value` entry: its key (for the duplicate rule), its source,
/// and whether the macro must accept it.
#[derive(Debug, Clone)]
struct Entry {
    key: String,
    source: String,
    valid: bool,
}

fn entry(key: &str, source: String, valid: bool) -> Entry {
    Entry {
        key: key.to_owned(),
        source,
        valid,
    }
}

/// A Rust string literal of `s`.
fn lit(s: &str) -> String {
    format!("{s:?}")
}

fn any_string() -> impl Strategy<Value = String> {
    prop_oneof![Just(String::new()), "[a-zA-Z0-9 ,=._-]{1,16}", ".{0,6}"]
}

fn valid_name() -> impl Strategy<Value = String> {
    "[A-Za-z][A-Za-z0-9._-]{0,20}".prop_filter("not reserved", |n| {
        !crate::symbol::RESERVED
            .iter()
            .any(|r| r.eq_ignore_ascii_case(n))
    })
}

fn invalid_name() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        "[a-z]{0,4}[ ,=\t\n][a-z]{0,4}",
        "[0-9_.-][a-z]{0,4}",
        "[a-z]{1,3}[\u{e9}\u{200b}\u{202e}\u{0}\u{1b}/:][a-z]{0,3}",
        "[A-Z][a-z]{128,130}",
        prop::sample::select(&["AllAlpha", "allbeta", "ALLALPHA"]).prop_map(str::to_owned),
    ]
}

/// Values that are neither a known word nor a string: literals, paths,
/// expressions, groups.
fn odd_value() -> impl Strategy<Value = String> {
    prop::sample::select(vec![
        "1",
        "-1",
        "1.5",
        "'c'",
        "b\"bytes\"",
        "true",
        "a::b",
        "<T as U>::V",
        "[1, 2]",
        "(Beta)",
        "{ Beta }",
        "|x| x",
        "Beta + 1",
        "&Beta",
        "Beta::Alpha",
        "r#Beta",
        "Beta!()",
        "()",
    ])
    .prop_map(str::to_owned)
}

fn word(
    known: &'static [&'static str],
    typos: &'static [&'static str],
) -> impl Strategy<Value = (String, bool)> {
    prop_oneof![
        4 => prop::sample::select(known).prop_map(|w| (w.to_owned(), true)),
        // darling's derived enums read string literals too.
        1 => prop::sample::select(known).prop_map(|w| (lit(w), true)),
        2 => prop::sample::select(typos).prop_map(|w| (w.to_owned(), false)),
        1 => odd_value().prop_map(|v| (v, false)),
    ]
}

fn support() -> impl Strategy<Value = (String, bool)> {
    const TYPOS: &[&str] = &[
        "Supportd",
        "supported",
        "Yes",
        "None",
        "Pending_",
        "Unknown",
        "Verified",
    ];
    (word(&SUPPORTS, TYPOS), 0..6_usize, any_string()).prop_map(|((word, valid), form, reason)| {
        match form {
            0 => (format!("{word}({})", lit(&reason)), valid),
            1 => (format!("{word}()"), false),
            2 => (format!("{word}({}, {})", lit(&reason), lit(&reason)), false),
            3 => (format!("{word}(1)"), false),
            _ => (word, valid),
        }
    })
}

fn valid_entry() -> impl Strategy<Value = Entry> {
    prop_oneof![
        prop::sample::select(&STATES).prop_map(|s| entry("state", format!("state = {s}"), true)),
        valid_name().prop_map(|n| entry("name", format!("name = {}", lit(&n)), true)),
        (
            prop::sample::select(&["message", "since", "owner"]),
            any_string()
        )
            .prop_map(|(k, v)| entry(k, format!("{k} = {}", lit(&v)), true)),
        (
            prop::sample::select(&ARCHS),
            prop::sample::select(&SUPPORTS)
        )
            .prop_map(|(a, s)| entry(a, format!("{a} = {s}"), true)),
        (
            prop::sample::select(&ARCHS),
            prop::sample::select(&SUPPORTS),
            any_string()
        )
            .prop_map(|(a, s, r)| entry(a, format!("{a} = {s}({})", lit(&r)), true)),
        prop::sample::select(&SUPPORTS).prop_map(|s| entry(
            "others",
            format!("others = {s}"),
            true
        )),
        prop::sample::select(&["f", "crate::spec::uses", "self::a::b", "super::x"])
            .prop_map(|p| entry("used_by", format!("used_by = {p}"), true)),
        prop::sample::select(&[
            "Iommufd",
            "[Iommufd]",
            "[Iommufd, crate::gates::Pci]",
            "[a::B, b::B,]",
            "::other::Gate"
        ])
        .prop_map(|r| entry("requires", format!("requires = {r}"), true)),
        prop::sample::select(&["::featuregate", "::a::b", "crate::reexport"]).prop_map(|p| entry(
            "crate",
            format!("crate = {p}"),
            true
        )),
    ]
}

fn any_entry() -> impl Strategy<Value = Entry> {
    const STATE_TYPOS: &[&str] = &["Stable", "alpha", "Ga", "GA2", "Removed", "Preview", "beta"];
    const KEY_TYPOS: &[&str] = &[
        "stat", "aarch64", "x86_64", "s390", "nme", "State", "mesage", "owners", "arch", "AMD64",
    ];
    prop_oneof![
        6 => valid_entry(),
        2 => word(&STATES, STATE_TYPOS).prop_map(|(w, valid)| entry("state", format!("state = {w}"), valid)),
        1 => invalid_name().prop_map(|n| entry("name", format!("name = {}", lit(&n)), false)),
        1 => (prop::sample::select(&["name", "message", "since", "owner"]), odd_value())
            .prop_map(|(k, v)| entry(k, format!("{k} = {v}"), false)),
        2 => (prop::sample::select(&ARCHS), support()).prop_map(|(a, (s, valid))| entry(a, format!("{a} = {s}"), valid)),
        1 => support().prop_map(|(s, valid)| entry("others", format!("others = {s}"), valid)),
        2 => (prop::sample::select(KEY_TYPOS), support()).prop_map(|(k, (s, _))| entry(k, format!("{k} = {s}"), false)),
        1 => prop::sample::select(&[
            "crate = featuregate", "crate = self::x", "used_by = \"f\"", "used_by = 1",
            "requires = []", "requires = \"A\"", "requires = [A, A]", "requires = [A, 1]",
            "requires = Marker", "requires = [Self]", "requires = (A)",
            "alpha = 1.6", "ga = \"soon\"", "beta = \"v1\"", "discontinued = Discontinued",
        ])
            .prop_map(|s| entry("odd", s.to_owned(), false)),
        // Keys without values, lists, bare literals, stray punctuation.
        1 => prop::sample::select(&[
            "state", "state =", "state(Beta)", "\"Beta\"", "1", "= Beta", "state == Beta", "state: Beta",
            "amd64 = Supported = Pending", "#[state]", "state = Beta;", "..", "@", "$x",
        ])
        .prop_map(|s| entry("odd", s.to_owned(), false)),
    ]
}

/// An item: its source, its marker type's name when it is one, and whether
/// the attribute accepts it.
fn item() -> impl Strategy<Value = (String, Option<&'static str>, bool)> {
    prop_oneof![
        4 => prop::sample::select(&[
            "pub struct Marker;", "struct Marker {}", "/// Documented.\n///\n/// Twice.\npub(crate) struct Marker;",
            "#[derive(Debug)] struct Marker;", "#[doc = \"\"] pub struct Marker {}",
        ])
        .prop_map(|s| (s.to_owned(), Some("Marker"), true)),
        1 => prop::sample::select(&[
            "enum Marker { A }", "fn marker() {}", "struct Marker(u8);", "struct Marker { a: u8 }", "struct Marker<T>;",
            "struct Marker where Self: Sized;", "mod marker {}", "trait Marker {}", "impl Marker {}",
            "const MARKER: u8 = 1;", "union Marker { a: u8 }", "type Marker = u8;", "static MARKER: u8 = 1;",
        ])
        .prop_map(|s| (s.to_owned(), None, false)),
    ]
}

fn declaration() -> impl Strategy<Value = (Vec<Entry>, String, bool)> {
    let separator = prop_oneof![8 => Just(", "), 1 => Just(",, "), 1 => Just(" ")];
    (
        prop::collection::vec(any_entry(), 0..8),
        item(),
        separator,
        any::<bool>(),
    )
        .prop_map(|(entries, (item, _, item_ok), separator, trailing)| {
            let mut keys: Vec<&str> = entries.iter().map(|e| e.key.as_str()).collect();
            let has_state = keys.contains(&"state");
            keys.sort_unstable();
            let unique = keys.windows(2).all(|w| w[0] != w[1]);
            let valid = item_ok
                && has_state
                && unique
                && (entries.len() < 2 || separator == ", ")
                && entries.iter().all(|e| e.valid);
            let mut args = entries
                .iter()
                .map(|e| e.source.as_str())
                .collect::<Vec<_>>()
                .join(separator);
            if trailing && !args.is_empty() {
                args.push(',');
            }
            (entries, format!("{args}\u{1}{item}"), valid)
        })
}

/// Declarations the macro must accept: a state and other valid keys, each
/// at most once, in any order, on a marker type.
fn valid_declaration() -> impl Strategy<Value = (Vec<Entry>, String, bool)> {
    (
        prop::sample::select(&STATES),
        prop::collection::vec(valid_entry(), 0..10),
        item().prop_filter("a marker type", |(_, _, ok)| *ok),
    )
        .prop_flat_map(|(state, entries, (item, _, _))| {
            let mut kept = vec![entry("state", format!("state = {state}"), true)];
            for e in entries {
                if !kept.iter().any(|k| k.key == e.key) {
                    kept.push(e);
                }
            }
            (Just(kept).prop_shuffle(), Just(item))
        })
        .prop_map(|(entries, item)| {
            let args = entries
                .iter()
                .map(|e| e.source.as_str())
                .collect::<Vec<_>>()
                .join(", ");
            (entries, format!("{args}\u{1}{item}"), true)
        })
}

fn tokens(source: &str) -> TokenStream {
    source
        .parse()
        .unwrap_or_else(|e| panic!("the generator wrote unlexable tokens {source:?}: {e}"))
}

/// Every ident in `stream`, at any depth.
fn idents(stream: &TokenStream, out: &mut Vec<String>) {
    for tree in stream.clone() {
        match tree {
            TokenTree::Ident(ident) => out.push(ident.to_string()),
            TokenTree::Group(group) => idents(&group.stream(), out),
            TokenTree::Punct(_) | TokenTree::Literal(_) => {}
        }
    }
}

/// The macro's answer: whether it holds errors, and its idents.
struct Answer {
    errors: usize,
    idents: Vec<String>,
}

/// Runs the macro and checks what holds for any input: no panic, some
/// output, output that lexes again, and an expansion that parses as items
/// whenever there are no errors.
fn run(args: TokenStream, item: TokenStream) -> Result<Answer, TestCaseError> {
    let item_given = !item.is_empty();
    // Edits can split a lifetime's `'` from its name, which no source text
    // (and so no compiler) produces; for such input only the rest is checked.
    let lexable = [&args, &item]
        .iter()
        .all(|s| s.to_string().parse::<TokenStream>().is_ok());
    let out = catch_unwind(AssertUnwindSafe(|| feature_gate(args, item)));
    let out = out.map_err(|_| TestCaseError::fail("the macro panicked"))?;
    prop_assert!(!item_given || !out.is_empty(), "no output at all");
    prop_assert!(
        !lexable || out.to_string().parse::<TokenStream>().is_ok(),
        "output that does not lex: {out}"
    );
    let mut all = Vec::new();
    idents(&out, &mut all);
    let errors = all.iter().filter(|i| *i == "compile_error").count();
    Ok(Answer {
        errors,
        idents: all,
    })
}

fn split(source: &str) -> (TokenStream, TokenStream, Option<&str>) {
    let (args, item) = source.split_once('\u{1}').unwrap_or((source, ""));
    let marker = ["Marker", "marker", "MARKER"]
        .into_iter()
        .find(|m| item.contains(m));
    (tokens(args), tokens(item), marker)
}

/// Top-level and nested edits of a token stream.
#[derive(Debug, Clone)]
enum Edit {
    Delete(usize),
    Duplicate(usize),
    Swap(usize, usize),
    Replace(usize, String),
    /// The same edit inside the n-th group, if there is one.
    Inside(usize, Box<Edit>),
}

fn edit() -> impl Strategy<Value = Edit> {
    let leaf = prop_oneof![
        any::<usize>().prop_map(Edit::Delete),
        any::<usize>().prop_map(Edit::Duplicate),
        (any::<usize>(), any::<usize>()).prop_map(|(a, b)| Edit::Swap(a, b)),
        (any::<usize>(), soup_tree()).prop_map(|(a, t)| Edit::Replace(a, t)),
    ];
    leaf.prop_recursive(2, 4, 1, |inner| {
        (any::<usize>(), inner).prop_map(|(n, e)| Edit::Inside(n, Box::new(e)))
    })
}

fn apply(stream: TokenStream, edit: &Edit) -> TokenStream {
    let mut trees: Vec<TokenTree> = stream.into_iter().collect();
    if trees.is_empty() {
        return TokenStream::new();
    }
    let at = |i: usize| i % trees.len();
    match edit {
        Edit::Delete(i) => {
            trees.remove(at(*i));
        }
        Edit::Duplicate(i) => {
            let i = at(*i);
            trees.insert(i, trees[i].clone());
        }
        Edit::Swap(a, b) => {
            let (a, b) = (at(*a), at(*b));
            trees.swap(a, b);
        }
        Edit::Replace(i, source) => {
            let i = at(*i);
            trees.splice(i..=i, tokens(source));
        }
        Edit::Inside(n, edit) => {
            let groups: Vec<usize> = (0..trees.len())
                .filter(|&i| matches!(trees[i], TokenTree::Group(_)))
                .collect();
            if let Some(&i) = groups.get(n % groups.len().max(1))
                && let TokenTree::Group(group) = &trees[i]
            {
                let mut edited = Group::new(group.delimiter(), apply(group.stream(), edit));
                edited.set_span(group.span());
                trees[i] = TokenTree::Group(edited);
            }
        }
    }
    trees.into_iter().collect()
}

/// One balanced token tree (or a few) of any kind, as source.
fn soup_tree() -> impl Strategy<Value = String> {
    let leaf = prop::sample::select(vec![
        "state",
        "name",
        "amd64",
        "others",
        "Beta",
        "GA",
        "Supported",
        "Pending",
        "crate",
        "self",
        "struct",
        "fn",
        "Marker",
        "_",
        "r#type",
        ",",
        "=",
        "==",
        ":",
        "::",
        ";",
        "#",
        "!",
        "-",
        ".",
        "..=",
        "&",
        "'a",
        "$",
        "@",
        "?",
        "\"text\"",
        "\"\"",
        "1",
        "0x1F",
        "1e9",
        "'c'",
        "b'x'",
        "br\"raw\"",
        "c\"cstr\"",
        "1u8",
    ])
    .prop_map(str::to_owned);
    leaf.prop_recursive(3, 24, 6, |inner| {
        (
            prop::collection::vec(inner, 0..6),
            prop::sample::select(&[Delimiter::Parenthesis, Delimiter::Bracket, Delimiter::Brace]),
        )
            .prop_map(|(trees, delimiter)| {
                let body = trees.join(" ");
                match delimiter {
                    Delimiter::Parenthesis => format!("({body})"),
                    Delimiter::Bracket => format!("[{body}]"),
                    _ => format!("{{{body}}}"),
                }
            })
    })
}

fn soup() -> impl Strategy<Value = String> {
    prop::collection::vec(soup_tree(), 0..12).prop_map(|trees| trees.join(" "))
}

proptest! {
    #![proptest_config(config())]

    /// Declarations from the grammar: a valid one expands without errors
    /// into items that parse; an invalid one has at least one error; both
    /// keep the marker type.
    #[test]
    fn grammar((_, source, valid) in prop_oneof![valid_declaration(), declaration()]) {
        let (args, item, marker) = split(&source);
        let answer = run(args.clone(), item.clone())?;
        if valid {
            prop_assert_eq!(answer.errors, 0, "a valid declaration was refused: {}", source);
            let out = feature_gate(args, item);
            prop_assert!(syn::parse2::<syn::File>(out).is_ok(), "the expansion does not parse: {}", source);
        } else {
            prop_assert!(answer.errors > 0, "an invalid declaration was accepted: {}", source);
        }
        if let Some(marker) = marker {
            prop_assert!(answer.idents.iter().any(|i| i == marker), "the item was dropped: {}", source);
        }
    }

    /// Valid declarations, edited: errors, or an expansion that parses; the
    /// marker type is always kept.
    #[test]
    fn mutations(
        entries in prop::collection::vec(valid_entry(), 0..7),
        state in prop::sample::select(&STATES),
        edits in prop::collection::vec(edit(), 1..4),
        on_item in any::<bool>(),
    ) {
        let mut args = format!("state = {state}");
        for e in entries.iter().filter(|e| e.key != "state") {
            args.push_str(", ");
            args.push_str(&e.source);
        }
        let (mut args, mut item) = (tokens(&args), tokens("/// Doc.\npub struct Marker;"));
        for edit in &edits {
            if on_item {
                item = apply(item, edit);
            } else {
                args = apply(args, edit);
            }
        }
        let answer = run(args.clone(), item.clone())?;
        if answer.errors == 0 && syn::parse2::<syn::ItemStruct>(item.clone()).is_ok() {
            prop_assert!(syn::parse2::<syn::File>(feature_gate(args, item)).is_ok(), "neither errors nor items");
        }
        if !on_item {
            prop_assert!(answer.idents.iter().any(|i| i == "Marker"), "the item was dropped");
        }
    }

    /// Token soups as arguments, on a marker type and as the item itself.
    #[test]
    fn soups(args in soup(), item in soup(), marker_item in any::<bool>()) {
        let item = if marker_item { "pub struct Marker;".to_owned() } else { item };
        let answer = run(tokens(&args), tokens(&item))?;
        if marker_item {
            prop_assert!(answer.idents.iter().any(|i| i == "Marker"), "the item was dropped");
        }
    }
}
