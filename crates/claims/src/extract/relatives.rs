//! Matches whose subject slot holds only the possessor of the one the claim is about: "a
//! warrant for X's brother, Y" says nothing about X.

use std::collections::BTreeMap;

use regex::Captures;

use crate::rules::Slot;
use crate::view::{Kind, Mention};

/// Fields that name the person a claim is about.
const SUBJECT_FIELDS: &[&str] =
    &["holder", "person", "target", "defendant", "accused", "participants"];

/// Words for people known through someone else: after a possessive, the claim is about them.
const ASSOCIATES: &[&str] = &[
    "aide",
    "aides",
    "deputy",
    "associate",
    "associates",
    "lawyer",
    "lawyers",
    "spokesman",
    "spokeswoman",
    "bodyguard",
    "bodyguards",
    "adviser",
    "advisor",
    "partner",
    "friend",
    "relatives",
    "family",
    "children",
    "secretary",
    "driver",
    "assistant",
    "successor",
    "predecessor",
];

/// "sanctions on X's brother, Y": the person slot holds X only as the possessor of the one
/// the claim is about (a relative or associate), so the match says nothing about X. The
/// frames read such sentences through the parse (the apposition names Y). Only where the
/// match ends at the person: a rule that reads on past the possessive meant it.
pub(super) fn names_a_relative(
    slots: &[Slot],
    caps: &Captures<'_>,
    view: &str,
    mentions: &[Mention],
    kin: &BTreeMap<String, String>,
) -> bool {
    slots.iter().filter(|s| !s.text && SUBJECT_FIELDS.contains(&s.field.as_str())).any(|slot| {
        let Some(m) = caps.name(&slot.group) else { return false };
        // A rule that reads the possessive itself ("X's brother Y") knows what it does.
        if caps.get(0).is_some_and(|whole| whole.end() > m.end() + '⟧'.len_utf8()) {
            return false;
        }
        let Some(rest) = view[m.end()..].strip_prefix("⟧ ") else { return false };
        // "a warrant for his son, Y": a possessive pronoun is the possessor, as "X's" is.
        let possessive_pronoun =
            m.as_str().parse::<usize>().ok().and_then(|i| mentions.get(i)).is_some_and(|p| {
                p.kind == Kind::Pro && matches!(p.value.as_deref(), Some("his" | "her" | "their"))
            });
        let rest = if possessive_pronoun {
            rest
        } else {
            let Some(rest) =
                ["' s ", "'s ", "’s ", "’ s "].iter().find_map(|p| rest.strip_prefix(p))
            else {
                return false;
            };
            rest
        };
        // One modifier may stand between: "X's younger brother".
        let mut words = rest.split(' ').take(2).map(str::to_lowercase);
        let is_relative = |w: &str| kin.contains_key(w) || ASSOCIATES.contains(&w);
        words.next().is_some_and(|w| is_relative(&w))
            || words.next().is_some_and(|w| is_relative(&w))
    })
}

#[cfg(test)]
#[path = "relatives_tests.rs"]
mod tests;
