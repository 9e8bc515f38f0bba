//! The stage keys (`alpha = "v1.6.0"`, `beta`, `ga`, `deprecated`,
//! `discontinued`): the release in which the gate entered each stage. They
//! come in lifecycle order with increasing versions, give the gate its
//! state when `state` is left out, and leave no room for `since`.

use darling::Error;
use darling::error::Accumulator;
use proc_macro2::Span;

use crate::spanned_error::at;
use crate::symbol::{STAGES, STATES};
use crate::text::Text;

/// A stage key's release, as written and as numbers.
pub(crate) struct Stage {
    pub(crate) text: String,
    pub(crate) version: (u32, u32, u32),
    pub(crate) span: Span,
}

/// Reads a stage key's string: `vMAJOR.MINOR` or `vMAJOR.MINOR.PATCH`,
/// the `v` optional.
pub(crate) fn stage(key: &str, lit: Text) -> Result<Stage, Error> {
    let span = lit.span();
    let text = lit.value;
    let version = parse(&text).ok_or_else(|| {
        let shown: String = text.chars().take(40).flat_map(char::escape_debug).collect();
        let cut = if text.chars().nth(40).is_some() { "..." } else { "" };
        at(
            span,
            format!(
                "malformed version `{shown}{cut}` for `{key}`: a release is `vMAJOR.MINOR` or `vMAJOR.MINOR.PATCH` (the `v` optional), like \"v1.9.0\""
            ),
        )
    })?;
    Ok(Stage {
        text,
        version,
        span,
    })
}

/// The version in `text`, if it is one: the same grammar as the runtime's
/// `Version::parse`.
fn parse(text: &str) -> Option<(u32, u32, u32)> {
    let digits = text.strip_prefix('v').unwrap_or(text);
    let mut parts = digits.split('.');
    let mut next = || -> Option<Option<u32>> {
        match parts.next() {
            None => Some(None),
            Some(part) if !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit()) => {
                part.parse().ok().map(Some)
            }
            Some(_) => None,
        }
    };
    let major = next()??;
    let minor = next()??;
    let patch = next()?.unwrap_or(0);
    (parts.next().is_none()).then_some((major, minor, patch))
}

/// The cross-key rules of the stage keys; the state they give (the last
/// stage), if any is given. `unread` says a stage key was given whose value
/// did not read (its own error says why): then which stage is the last is
/// not known, and `state` is not judged against it.
pub(crate) fn check(
    stages: &[Option<Stage>; 5],
    unread: bool,
    state: Option<(usize, Span)>,
    since: Option<Span>,
    errors: &mut Accumulator,
) -> Option<usize> {
    let mut last: Option<(usize, &Stage)> = None;
    for (index, stage) in stages.iter().enumerate() {
        let Some(entered) = stage else { continue };
        if let Some((before, earlier)) = last
            && entered.version <= earlier.version
        {
            errors.push(at(
                entered.span,
                format!(
                    "`{} = \"{}\"` is not after `{} = \"{}\"`: a gate enters its stages in the order {}, each in a later release",
                    STAGES[index],
                    entered.text.escape_debug(),
                    STAGES[before],
                    earlier.text.escape_debug(),
                    STATES.join(", ")
                ),
            ));
        }
        last = Some((index, entered));
    }
    let (latest, last_stage) = last?;
    if let Some(span) = since {
        errors.push(at(
            span,
            format!(
                "`since` does not mix with the stage keys: `{} = \"{}\"` already says when the gate entered its state; leave `since` out",
                STAGES[latest],
                last_stage.text.escape_debug()
            ),
        ));
    }
    if let Some((state, span)) = state
        && !unread
        && state != latest
    {
        errors.push(at(
            span,
            format!(
                "`state = {}` disagrees with the stage keys: the last stage given is {} (`{} = \"{}\"`); make it {} or leave `state` out",
                STATES[state],
                STATES[latest],
                STAGES[latest],
                last_stage.text.escape_debug(),
                STATES[latest]
            ),
        ));
    }
    Some(latest)
}
