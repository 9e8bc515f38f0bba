//! The elements of a JUnit file: a test case opened from its attributes
//! (name, tags, status), attributes read with their entities resolved, and
//! a finished case handed on.

use quick_xml::XmlVersion;
use quick_xml::events::BytesStart;

use super::{Case, Day, MAX_NAME_BYTES, Open, Outcome, TEXT_BYTES};
use crate::evidence::error::{self, EvidenceError, Problem};
use crate::evidence::tags;

impl Open {
    /// The text gathered so far becomes the message (if any).
    pub(super) fn end_text(&mut self) {
        if self.text_wanted {
            self.text_wanted = false;
            let text = self.text.trim();
            if !text.is_empty() {
                self.message = Some(error::detail(text));
            }
            self.text = String::new();
        }
    }

    pub(super) fn push_text(&mut self, text: &str) {
        if self.text_wanted && self.text.len() < TEXT_BYTES {
            let mut end = text.len().min(TEXT_BYTES - self.text.len());
            while !text.is_char_boundary(end) {
                end -= 1;
            }
            self.text.push_str(&text[..end]);
        }
    }
}

/// The value of attribute `key`, entities resolved (only XML's five and
/// character references: any other is an error, and none is expanded).
pub(super) fn attr(
    label: &str,
    e: &BytesStart<'_>,
    key: &str,
    at: u64,
) -> Result<Option<String>, EvidenceError> {
    let [value] = attrs(label, e, [key], at)?;
    Ok(value)
}

/// The values of the attributes `keys`, in one pass over the element's
/// attributes.
pub(super) fn attrs<const N: usize>(
    label: &str,
    e: &BytesStart<'_>,
    keys: [&str; N],
    at: u64,
) -> Result<[Option<String>; N], EvidenceError> {
    let mut values = [const { None }; N];
    for a in e.attributes() {
        let a = a.map_err(|err| {
            EvidenceError::new(
                label,
                Problem::Xml {
                    at,
                    detail: error::detail(&err.to_string()),
                },
            )
        })?;
        let Some(slot) = keys.iter().position(|k| a.key.as_ref() == *k) else {
            continue;
        };
        let value = a
            .normalized_value(XmlVersion::Implicit1_0)
            .map_err(|err| match err {
                quick_xml::Error::Escape(quick_xml::escape::EscapeError::UnrecognizedEntity(
                    _,
                    name,
                )) => EvidenceError::new(
                    label,
                    Problem::Entity {
                        at,
                        name: error::name(&name),
                    },
                ),
                quick_xml::Error::Encoding(_) => EvidenceError::new(label, Problem::NotUtf8 { at }),
                other => EvidenceError::new(
                    label,
                    Problem::Xml {
                        at,
                        detail: error::detail(&other.to_string()),
                    },
                ),
            })?;
        values[slot] = Some(value.into_owned());
    }
    Ok(values)
}

/// A `testcase` element's name, tags and status.
pub(super) fn open_case(
    label: &str,
    e: &BytesStart<'_>,
    at: u64,
    day: Option<Day>,
    depth: usize,
) -> Result<Open, EvidenceError> {
    let [name, classname, status, timestamp] =
        attrs(label, e, ["name", "classname", "status", "timestamp"], at)?;
    let (name, classname) = (name.unwrap_or_default(), classname.unwrap_or_default());
    if name.len() + classname.len() > MAX_NAME_BYTES {
        return Err(EvidenceError::new(
            label,
            Problem::NameTooLong {
                at,
                len: name.len() + classname.len(),
                limit: MAX_NAME_BYTES,
            },
        ));
    }
    let status = status.unwrap_or_default();
    let own_day = timestamp.and_then(|t| super::day(&t));
    let (text, labels) = tags::split_labels(&name);
    let mut found: Vec<String> = Vec::new();
    tags::gate_names(text, labels, |n| {
        if !found.iter().any(|f| f == n) {
            found.push(n.to_owned());
        }
    });
    let key = if classname.is_empty() {
        text.to_owned()
    } else {
        format!("{classname}::{text}")
    };
    let status = status.to_ascii_lowercase();
    Ok(Open {
        key,
        tags: found,
        status_failed: matches!(
            status.as_str(),
            "failed"
                | "failure"
                | "error"
                | "errored"
                | "panicked"
                | "interrupted"
                | "aborted"
                | "timedout"
        ),
        status_skipped: matches!(status.as_str(), "skipped" | "pending" | "disabled"),
        day: day.or(own_day),
        depth,
        ..Open::default()
    })
}

/// Hands a finished case to `each`, unless `since` leaves its suite out.
pub(super) fn finish(
    open: &Open,
    since: Option<Day>,
    undated: &mut usize,
    each: &mut impl FnMut(Case<'_>),
) {
    if let Some(since) = since {
        match open.day {
            Some(day) if day >= since => {}
            Some(_) => return,
            None => {
                *undated += 1;
                return;
            }
        }
    }
    // A case that passed only on a retry (a flaky element) is a failure.
    let outcome = if open.failed || open.flaky || open.status_failed {
        Outcome::Failed
    } else if open.skipped || open.status_skipped {
        Outcome::Skipped
    } else {
        Outcome::Passed
    };
    let message = match (&open.message, outcome) {
        (Some(m), _) => m.as_str(),
        (None, Outcome::Failed) if open.flaky && !open.failed => "passed only on a retry",
        _ => "",
    };
    each(Case {
        key: &open.key,
        tags: &open.tags,
        outcome,
        message,
    });
}
