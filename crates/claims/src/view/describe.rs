//! Descriptions of people ("his Egyptian counterpart", "a senior official"): a role that no
//! name follows, with its determiner and premodifiers, becomes one `Desc` mention that the
//! resolver and the rules read as a person.

use super::{DETERMINERS, Kind, Mention, Token, next_word, repair};

/// Finds descriptions of people: a determiner or possessive, then optionally a nationality,
/// place or organisation and up to two lowercase words, then a role that no name follows
/// ("his Egyptian counterpart", "the Air Force intelligence head", "a U.S. intelligence
/// official"). The description replaces the mentions it spans; they stay as its parts.
pub(super) fn describe(
    text: &str,
    tokens: &[Token],
    words: &repair::Words<'_>,
    mentions: Vec<Mention>,
) -> Vec<Mention> {
    let mut out: Vec<Mention> = Vec::with_capacity(mentions.len());
    let token_at = |pos: usize| {
        let i = tokens.partition_point(|t| t.span.start < pos);
        (i < tokens.len()).then_some(i)
    };
    let mut i = 0;
    while i < mentions.len() {
        let m = &mentions[i];
        if m.kind != Kind::Role {
            out.push(m.clone());
            i += 1;
            continue;
        }
        // What follows the role: a name, "of", "to", "for" or a comma and a name make it a
        // title or a post, not a description.
        let next = next_word(text, tokens, m.span.end).unwrap_or("");
        let followed_by_name = mentions.get(i + 1).is_some_and(|n| {
            matches!(n.kind, Kind::Per | Kind::Rank)
                && text[m.span.end..n.span.start].trim().trim_matches(',').trim().is_empty()
        });
        // A role word used as an adjective ("the official Syrian news agency", "a three-day
        // official visit").
        let adjective = next.starts_with(char::is_uppercase)
            || words.modifies_a_later_noun(m.span.end)
            || mentions.get(i + 1).is_some_and(|n| {
                text[m.span.end..n.span.start].trim().is_empty() && n.kind != Kind::Role
            });
        let is_post = adjective
            || matches!(
                next.to_lowercase().as_str(),
                "of" | "to" | "for" | "at" | "in" | "general" | "minister"
            );
        if followed_by_name || is_post {
            out.push(m.clone());
            i += 1;
            continue;
        }
        // Walk back over the premodifiers.
        let Some(role_token) = token_at(m.span.start) else {
            out.push(m.clone());
            i += 1;
            continue;
        };
        let mut parts = vec![];
        let mut start_token = role_token;
        let mut lowercase_words = 0;
        let mut det = None;
        let mut back = out.len();
        while start_token > 0 {
            let t = &tokens[start_token - 1];
            // A mention that ends right here?
            if back > 0
                && out[back - 1].span.end == t.span.end
                && matches!(out[back - 1].kind, Kind::Nat | Kind::Loc | Kind::Org | Kind::Misc)
                && parts.len() < 2
            {
                back -= 1;
                parts.push(back);
                start_token = token_at(out[back].span.start).unwrap_or(start_token);
                continue;
            }
            let w = &text[t.span.clone()];
            if DETERMINERS.iter().any(|d| d.eq_ignore_ascii_case(w)) {
                det = Some(start_token - 1);
                break;
            }
            if w.chars().all(|c| c.is_lowercase() || c == '-') && lowercase_words < 2 {
                lowercase_words += 1;
                start_token -= 1;
                continue;
            }
            break;
        }
        // Not a description: an apposition after a name ("X, the Italian interior
        // minister") is a post of X; a possessive ("the French prosecutor's decision") keeps
        // its parts for the rules.
        let after_name = det.and_then(|d| d.checked_sub(1)).is_some_and(|d| {
            &text[tokens[d].span.clone()] == ","
                && out.iter().rev().find(|o| o.span.end <= tokens[d].span.start).is_some_and(|o| {
                    o.kind == Kind::Per && text[o.span.end..tokens[d].span.start].trim().is_empty()
                })
        });
        let possessive = matches!(next, "'s" | "’s");
        let Some(det) = det.filter(|_| !after_name && !possessive) else {
            out.push(m.clone());
            i += 1;
            continue;
        };
        // A possessive pronoun as determiner ("his Egyptian counterpart") is part of it.
        if back > 0 && out[back - 1].kind == Kind::Pro && out[back - 1].span == tokens[det].span {
            back -= 1;
        }
        // The description's parts are the mentions it swallows, now kept out of `out`.
        let swallowed: Vec<Mention> = out.drain(back..).collect();
        let mut desc = Mention {
            kind: Kind::Desc,
            span: tokens[det].span.start..m.span.end,
            value: Some(text[tokens[det].span.clone()].to_lowercase()),
            parts: vec![],
            sentence: 0,
            hidden: false,
        };
        let mut stash = swallowed;
        stash.push(m.clone());
        // The parts follow the description in the list, hidden from the sentence views.
        let desc_index = out.len();
        desc.parts = (desc_index + 1..desc_index + 1 + stash.len()).collect();
        out.push(desc);
        out.extend(stash.into_iter().map(|p| Mention { hidden: true, ..p }));
        i += 1;
    }
    out
}
