//! Reading one JUnit XML file (Ginkgo v2, KubeVirt's functest report,
//! cargo-nextest, Surefire, pytest) into the outcome of each test case, one
//! event at a time, bounded against hostile files.

use std::hash::{BuildHasher, Hasher};
use std::io::{self, BufReader, Read};

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::Event;

use super::error::{self, EvidenceError, Problem};

mod counted;
mod element;

use counted::Counted;
use element::{attr, finish, open_case};

/// The largest JUnit file read: 256 MiB. A larger one is refused (a path
/// before it is read, a reader once it has given that many bytes).
pub const MAX_EVIDENCE_BYTES: u64 = 256 << 20;

/// Elements nested deeper than this are refused: real reports nest a few
/// suites, and the limit keeps the parser's stack bounded.
const MAX_DEPTH: usize = 256;

/// A test case whose classname and name together exceed this is refused.
const MAX_NAME_BYTES: usize = 4096;

/// How many bytes of a failure's text (when it has no `message`) are kept.
const TEXT_BYTES: usize = 1024;

/// What happened to one test case.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum Outcome {
    Passed,
    Failed,
    Skipped,
}

/// One test case as read: its identity, the gate names its tags give, and
/// how it ended (with the failure's message).
#[derive(Debug)]
pub(super) struct Case<'a> {
    /// `classname::name` (or the name alone), Ginkgo's labels removed.
    pub(super) key: &'a str,
    pub(super) tags: &'a [String],
    pub(super) outcome: Outcome,
    pub(super) message: &'a str,
}

/// A date as `yyyymmdd`, compared as a number.
pub(super) type Day = u32;

/// `YYYY-MM-DD` at the start of `text` (an ISO 8601 timestamp, or a date).
pub(super) fn day(text: &str) -> Option<Day> {
    let b = text.as_bytes();
    if b.len() < 10 || b[4] != b'-' || b[7] != b'-' {
        return None;
    }
    let num = |r: std::ops::Range<usize>| -> Option<u32> {
        b[r].iter().try_fold(0u32, |n, &c| {
            c.is_ascii_digit().then(|| n * 10 + u32::from(c - b'0'))
        })
    };
    let (y, m, d) = (num(0..4)?, num(5..7)?, num(8..10)?);
    if !(1..=12).contains(&m)
        || !(1..=31).contains(&d)
        || (b.len() > 10 && b[10] != b'T' && b[10] != b' ')
    {
        return None;
    }
    Some(y * 10_000 + m * 100 + d)
}

/// What a read file gives: its content's hash and length (to count a file
/// given twice once), and the cases through `each`.
pub(super) struct Digest {
    pub(super) hash: u64,
    pub(super) len: u64,
}

/// Per suite level: the day its timestamp (or its parent's) gives.
struct Frame {
    day: Option<Day>,
    depth: usize,
}

/// The case being read.
// What the elements and the `status` attribute said, each on its own: the
// outcome is decided from all of them at the case's end.
#[allow(clippy::struct_excessive_bools)]
#[derive(Default)]
struct Open {
    key: String,
    tags: Vec<String>,
    failed: bool,
    flaky: bool,
    skipped: bool,
    status_failed: bool,
    status_skipped: bool,
    message: Option<String>,
    /// Inside a `failure`/`error`/flaky element without a `message`: its
    /// text (gathered in `text`, at most [`TEXT_BYTES`]) is the message.
    text_wanted: bool,
    text: String,
    /// The suite's day, for `--since`.
    day: Option<Day>,
    /// Depth of the `testcase` element.
    depth: usize,
}

/// Reads one JUnit file from `input`, calling `each` for every test case
/// (skipped ones included) of a suite dated on or after `since` (every
/// suite when `since` is `None`; a suite without a timestamp is then left
/// out and counted in the returned `undated`).
// One loop over the events, its state in locals: split, the state would
// travel between functions for no gain in reading.
#[allow(clippy::too_many_lines)]
pub(super) fn read(
    label: &str,
    input: impl Read,
    hasher: &impl BuildHasher,
    since: Option<Day>,
    mut each: impl FnMut(Case<'_>),
) -> Result<(Digest, usize), EvidenceError> {
    let counted = Counted {
        inner: input,
        read: 0,
        over: false,
        hasher: hasher.build_hasher(),
    };
    let mut reader = Reader::from_reader(BufReader::with_capacity(64 << 10, counted));
    let mut buf = Vec::new();
    let mut depth = 0usize;
    let mut root_seen = false;
    let mut suites: Vec<Frame> = Vec::new();
    let mut case: Option<Open> = None;
    let mut undated = 0usize;
    let xml_error = |reader: &Reader<BufReader<Counted<_, _>>>, e: quick_xml::Error| {
        let counted = reader.get_ref().get_ref();
        if counted.over {
            return EvidenceError::new(
                label,
                Problem::TooLarge {
                    limit: MAX_EVIDENCE_BYTES,
                },
            );
        }
        let at = reader.error_position();
        match e {
            quick_xml::Error::Io(io) => {
                EvidenceError::io(label, io::Error::new(io.kind(), io.to_string()))
            }
            quick_xml::Error::Encoding(_) => EvidenceError::new(label, Problem::NotUtf8 { at }),
            other => EvidenceError::new(
                label,
                Problem::Xml {
                    at,
                    detail: error::detail(&other.to_string()),
                },
            ),
        }
    };
    loop {
        buf.clear();
        let event = match reader.read_event_into(&mut buf) {
            Ok(event) => event,
            Err(e) => return Err(xml_error(&reader, e)),
        };
        let at = reader.buffer_position();
        match event {
            Event::Start(ref e) | Event::Empty(ref e) => {
                let empty = matches!(event, Event::Empty(_));
                if let Some(open) = case.as_mut() {
                    open.end_text();
                }
                if !empty {
                    depth += 1;
                    if depth > MAX_DEPTH {
                        return Err(EvidenceError::new(
                            label,
                            Problem::TooDeep {
                                at,
                                limit: MAX_DEPTH,
                            },
                        ));
                    }
                }
                let name = e.name();
                let name = name.as_ref();
                if !root_seen {
                    root_seen = true;
                    if name != "testsuites" && name != "testsuite" {
                        return Err(EvidenceError::new(
                            label,
                            Problem::NotJunit {
                                root: error::name(name),
                            },
                        ));
                    }
                }
                match name {
                    "testsuites" | "testsuite" if case.is_none() => {
                        let own = attr(label, e, "timestamp", at)?.and_then(|t| self::day(&t));
                        let parent = suites.last().and_then(|f| f.day);
                        if !empty {
                            suites.push(Frame {
                                day: own.or(parent),
                                depth,
                            });
                        }
                    }
                    "testcase" if case.is_none() => {
                        let open =
                            open_case(label, e, at, suites.last().and_then(|f| f.day), depth)?;
                        if empty {
                            finish(&open, since, &mut undated, &mut each);
                        } else {
                            case = Some(open);
                        }
                    }
                    "failure" | "error" | "flakyFailure" | "flakyError" | "rerunFailure"
                    | "rerunError" | "skipped" => {
                        if let Some(open) = case.as_mut() {
                            match name {
                                "skipped" => open.skipped = true,
                                "failure" | "error" => open.failed = true,
                                _ => open.flaky = true,
                            }
                            if name != "skipped" && open.message.is_none() {
                                let message = attr(label, e, "message", at)?;
                                open.text_wanted = message.is_none() && !empty;
                                open.message = message.map(|m| error::detail(&m));
                            }
                        }
                    }
                    _ => {}
                }
            }
            Event::End(_) => {
                if let Some(open) = case.as_mut() {
                    open.end_text();
                    if depth == open.depth {
                        let open = case.take().expect("a case is open");
                        finish(&open, since, &mut undated, &mut each);
                    }
                } else if suites.last().is_some_and(|f| f.depth == depth) {
                    suites.pop();
                }
                depth = depth.saturating_sub(1);
            }
            Event::Text(ref t) => {
                if let Some(open) = case.as_mut().filter(|o| o.text_wanted) {
                    open.push_text(&t.xml_content(XmlVersion::Implicit1_0));
                }
            }
            Event::CData(ref t) => {
                if let Some(open) = case.as_mut().filter(|o| o.text_wanted) {
                    open.push_text(t);
                }
            }
            Event::Comment(_) | Event::Decl(_) | Event::PI(_) => {}
            Event::DocType(_) => {
                return Err(EvidenceError::new(label, Problem::Dtd { at }));
            }
            Event::GeneralRef(ref r) => {
                let known =
                    r.is_char_ref() || matches!(&**r, "lt" | "gt" | "amp" | "apos" | "quot");
                if !known {
                    return Err(EvidenceError::new(
                        label,
                        Problem::Entity {
                            at,
                            name: error::name(r),
                        },
                    ));
                }
                let resolved = match &**r {
                    "lt" => '<',
                    "gt" => '>',
                    "amp" => '&',
                    "apos" => '\'',
                    "quot" => '"',
                    _ => match r.resolve_char_ref() {
                        Ok(Some(c)) => c,
                        _ => {
                            return Err(EvidenceError::new(
                                label,
                                Problem::Xml {
                                    at,
                                    detail: "an invalid character reference".to_owned(),
                                },
                            ));
                        }
                    },
                };
                if let Some(open) = case.as_mut() {
                    open.push_text(resolved.encode_utf8(&mut [0; 4]));
                }
            }
            Event::Eof => break,
        }
    }
    if !root_seen {
        return Err(EvidenceError::new(
            label,
            Problem::NotJunit {
                root: "nothing".to_owned(),
            },
        ));
    }
    let counted = reader.into_inner().into_inner();
    Ok((
        Digest {
            hash: counted.hasher.finish(),
            len: counted.read,
        },
        undated,
    ))
}
