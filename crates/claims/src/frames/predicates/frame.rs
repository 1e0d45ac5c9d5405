//! What a predicate lemma of `predicates.toml` makes, and the conditions its `+` flags put
//! on the sentence; split from `predicates/mod.rs` by concern.

use super::{Lexicon, Parse};
use crate::ClaimType;

/// What a predicate lemma makes.
#[derive(Clone, Debug)]
pub(super) struct Frame {
    pub(super) kind: ClaimType,
    pub(super) outcome: Option<String>,
    /// `+agent`: a named agent ("wanted by the ICC", not "wanted to leave").
    pub(super) needs_agent: bool,
    /// `+context`: a sanction word in the sentence ("froze the assets of X").
    pub(super) needs_context: bool,
    /// `+entry`: kept from entering or visiting ("barred X from entering the country").
    pub(super) needs_entry: bool,
    /// `+measures`: "restrictive measures", or "similar measures" where the document speaks
    /// of sanctions.
    pub(super) needs_measures: bool,
}

impl Frame {
    /// A frame with no conditions.
    pub(super) fn plain(kind: ClaimType, outcome: Option<String>) -> Frame {
        Frame {
            kind,
            outcome,
            needs_agent: false,
            needs_context: false,
            needs_entry: false,
            needs_measures: false,
        }
    }

    /// Whether the sentence meets the frame's `+context`, `+entry` and `+measures`
    /// conditions at predicate `p` (`+agent` is checked with the arguments).
    pub(super) fn conditions_hold(&self, lex: &Lexicon, s: &Parse<'_>, p: usize) -> bool {
        if self.needs_context {
            let text =
                s.doc.input.text[s.doc.view.sentences[s.sentence].span.clone()].to_lowercase();
            if !lex.words.sanction_context.iter().any(|c| text.contains(c.as_str())) {
                return false;
            }
        }
        // "barred X from entering the country", not "barring Americans from doing business".
        if self.needs_entry
            && !s.kids(p, "advcl").any(|c| {
                matches!(s.lemma(c).as_str(), "enter" | "travel" | "visit")
                    && s.kids(c, "mark").any(|m| s.lemma(m) == "from")
            })
        {
            return false;
        }
        if self.needs_measures
            && !s.kids(p, "amod").any(|a| match s.lemma(a).as_str() {
                "restrictive" | "punitive" => true,
                "similar" | "same" | "identical" | "parallel" => {
                    s.doc.input.text.to_lowercase().contains("sanction")
                }
                _ => false,
            })
        {
            return false;
        }
        true
    }
}

/// A frame from its `predicates.toml` spelling: `kind[:outcome][+flag...]`.
pub(super) fn parse_frame(spec: &str) -> Frame {
    let mut parts = spec.split('+');
    let head = parts.next().unwrap_or("");
    let (kind, outcome) = match head.split_once(':') {
        Some((k, o)) => (k, Some(o.to_string())),
        None => (head, None),
    };
    let flags: Vec<&str> = parts.collect();
    Frame {
        kind: ClaimType::parse(kind)
            .unwrap_or_else(|| panic!("predicates.toml: unknown type {kind}")),
        outcome,
        needs_agent: flags.contains(&"agent"),
        needs_context: flags.contains(&"context"),
        needs_entry: flags.contains(&"entry"),
        needs_measures: flags.contains(&"measures"),
    }
}
