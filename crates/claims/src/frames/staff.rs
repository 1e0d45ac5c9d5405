//! Staff lines: a list of a body's officers, one a line, after a line that names the body
//! ("Colonel X is the head of the Varsk penal colony No. 3." then "- Major Y - Deputy
//! Chief."): each line's post is in the body the last post before it names.

use std::sync::LazyLock;

use regex::Regex;

use super::view_span;
use crate::extract::{Arg, Candidate, Doc};
use crate::rules::{AsOf, Rule};
use crate::{Claim, ClaimType, Modality};

static RULE: LazyLock<Rule> = LazyLock::new(|| Rule {
    modality: Some(Modality::Asserted),
    as_of: Some(AsOf::Published),
    confidence: 0.7,
    ..Rule::without_pattern("frame.position.staff-line", ClaimType::Position)
});

/// A whole sentence that is a name and a post joined by a dash or colon, a rank or a list
/// dash before it.
static LINE: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(r"^(?:[-–—•*] )?(?:⟦RANK:\d+⟧ )?⟦PER:(?<p>\d+)⟧ (?:[-–—:]) ⟦ROLE:(?<r>\d+)⟧ ?[.;]?$")
        .expect("valid pattern")
});

/// How many sentences back the post that names the body may be.
const REACH: usize = 8;

/// The staff lines' candidates, given the posts found so far.
pub(super) fn candidates(doc: &Doc<'_>, claims: &[Claim]) -> Vec<Candidate<'static>> {
    let mut out = Vec::new();
    for (si, s) in doc.view.sentences.iter().enumerate() {
        let Some(caps) = LINE.captures(s.view.trim()) else { continue };
        let (Some(p), Some(r)) = (
            caps.name("p").and_then(|m| m.as_str().parse::<usize>().ok()),
            caps.name("r").and_then(|m| m.as_str().parse::<usize>().ok()),
        ) else {
            continue;
        };
        // The body of the nearest post told before, in the sentences just before.
        let from = doc.view.sentences[si.saturating_sub(REACH)].span.start;
        let body = claims
            .iter()
            .filter(|c| c.kind == ClaimType::Position)
            .filter(|c| c.evidence.start >= from && c.evidence.start < s.span.start)
            .max_by_key(|c| c.evidence.start)
            .and_then(|c| c.field("organization"))
            .filter(|o| !doc.is_state(o));
        let Some(body) = body else { continue };
        out.push(Candidate {
            rule: &RULE,
            sentence: si,
            span: view_span(doc, si, &[p, r]),
            args: vec![
                ("holder".into(), Arg::Mention(p)),
                ("role".into(), Arg::Mention(r)),
                ("organization".into(), Arg::Text(body.to_string())),
            ],
        });
    }
    out
}
