//! Rules across keys and against the marker type: `state` is required,
//! the gate's name follows the name rule and is not reserved, no
//! requirement is the gate itself, and the stage keys agree.

use darling::Error;
use darling::error::Accumulator;
use proc_macro2::Span;
use syn::ext::IdentExt as _;
use syn::{Ident, Path};

use crate::doc::Doc;
use crate::lifecycle;
use crate::marker::Marker;
use crate::parse::{Declaration, SupportValue};
use crate::requires;
use crate::spanned_error::at;
use crate::symbol::{ARCHS, NAME_MAX, NAME_RULE, RESERVED, STAGES, STATES};

/// A declaration that passed every check: what the expansion needs.
pub(crate) struct Gate {
    pub(crate) ident: Ident,
    pub(crate) name: String,
    /// Index in [`STATES`].
    pub(crate) state: usize,
    pub(crate) message: Option<String>,
    pub(crate) description: Vec<Doc>,
    pub(crate) since: Option<String>,
    /// The stage keys' versions as written, in lifecycle order.
    pub(crate) stages: [Option<String>; STAGES.len()],
    pub(crate) owner: Option<String>,
    /// Per architecture (in [`ARCHS`] order), `others` already applied.
    pub(crate) support: [Option<SupportValue>; ARCHS.len()],
    pub(crate) used_by: Option<Path>,
    /// The required gates' paths, in declared order.
    pub(crate) requires: Vec<Path>,
    /// How many requirements were left out of `requires`, each for an error
    /// of its own (named twice, the gate itself). When those are the only
    /// errors, the gate still expands beside them, so that the compiler
    /// judges the other requirements too (is each a gate, does it keep the
    /// rules): every mistake of the list at once.
    pub(crate) left_out: usize,
}

/// Applies the cross-key rules, pushing each failure onto `errors`; the
/// gate it returns is only meant for expansion when none was pushed.
pub(crate) fn gate(declaration: Declaration, marker: Marker, errors: &mut Accumulator) -> Gate {
    let Declaration {
        state,
        name,
        message,
        mut archs,
        others,
        since,
        owner,
        used_by,
        krate: _,
        mut requires,
        requires_left_out,
        stages,
        given,
    } = declaration;
    let mut left_out = requires_left_out;
    requires.retain(|path| {
        if !requires::is_itself(path, &marker.ident) {
            return true;
        }
        errors.push(
            Error::custom(format!(
                "`{}` requires itself: a gate cannot require itself",
                marker.ident.unraw()
            ))
            .with_span(path),
        );
        left_out += 1;
        false
    });
    // A stage key that did not read is given too: its own error says why.
    let stage_given = STAGES.iter().any(|key| given.contains(key));
    let unread = STAGES
        .iter()
        .zip(&stages)
        .any(|(key, stage)| stage.is_none() && given.contains(key));
    let latest = lifecycle::check(
        &stages,
        unread,
        state,
        since.as_ref().map(|s| s.span),
        errors,
    );
    if !given.contains(&crate::symbol::STATE) && !stage_given {
        errors.push(at(
            Span::call_site(),
            format!(
                "missing key `state`: every gate has one, e.g. `#[feature_gate(state = Alpha)]`, or stage keys that give it (`alpha = \"v1.6.0\", beta = \"v1.7.0\"`); one of: {}",
                STATES.join(", ")
            ),
        ));
    }
    let name = if let Some(name) = name {
        if let Some(problem) = name_problem(&name.value) {
            errors.push(at(name.span, problem));
        }
        name.value
    } else {
        let ident = marker.ident.unraw().to_string();
        if let Some(problem) = name_problem(&ident) {
            errors.push(at(
                marker.ident.span(),
                format!("{problem}; name the gate with `name = \"...\"`"),
            ));
        }
        ident
    };
    if let Some(others) = others {
        for slot in archs.iter_mut().filter(|s| s.is_none()) {
            *slot = Some(SupportValue {
                index: others.index,
                reason: others.reason.clone(),
            });
        }
    }
    Gate {
        ident: marker.ident,
        name,
        state: state.map(|(state, _)| state).or(latest).unwrap_or_default(),
        message,
        description: marker.description,
        since: since.map(|since| since.value),
        stages: stages.map(|stage| stage.map(|stage| stage.text)),
        owner,
        support: archs,
        used_by,
        requires,
        left_out,
    }
}

/// Why `name` cannot name a gate, if it cannot: it breaks the name rule or
/// is reserved. The message quotes the name escaped and cut short, whatever
/// it holds.
fn name_problem(name: &str) -> Option<String> {
    let quoted = || {
        let mut shown: String = name.chars().take(40).flat_map(char::escape_debug).collect();
        if name.chars().nth(40).is_some() {
            shown.push_str("...");
        }
        format!("`{shown}`")
    };
    let problem = if name.is_empty() {
        "is empty".to_owned()
    } else if name.len() > NAME_MAX {
        format!("is {} bytes long", name.len())
    } else if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        let first = name.chars().next().unwrap_or_default();
        format!("starts with `{}`", first.escape_debug())
    } else if let Some(c) = name
        .chars()
        .find(|&c| !(c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.')))
    {
        if c.is_ascii() {
            format!("holds `{}`", c.escape_debug())
        } else {
            format!("holds `{}`, which is not ASCII", c.escape_unicode())
        }
    } else if let Some(reserved) = RESERVED.iter().find(|r| r.eq_ignore_ascii_case(name)) {
        return Some(format!(
            "gate name {} is reserved: `{reserved}` in a configuration names every {} gate",
            quoted(),
            &reserved[3..]
        ));
    } else {
        return None;
    };
    let name = if name.is_empty() {
        String::new()
    } else {
        format!(" {}", quoted())
    };
    Some(format!("gate name{name} {problem}; {NAME_RULE}"))
}
