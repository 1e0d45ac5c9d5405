//! Who a claim is about, where the sentence does not name them: the gold claims whose person
//! (holder, target, defendant ...) the evidence sentence refers to by a pronoun or a
//! description only ("sanctions on him", "the two suspects", "the former spy chief"), and
//! whether the system's claims on that sentence name the right person, a wrong one, or none.
//!
//! A wrong person is worse than none: a fact on the wrong person is what an investigator
//! cannot afford, a missing one they can still find. So the figures are the right and wrong
//! counts over the gold items the system made a claim for, and how many it made none for.
//! A claim that names someone else but marks that name as incomplete and maybe another
//! person of the story (its `may_be` field) is counted apart, as marked: the reviewer is told,
//! which is what the contract asks of a person the text does not settle.

use std::collections::BTreeMap;

use serde_json::Value;

use crate::claims::{Claim, evidence_overlaps, fold, person_match};

/// Fields naming the person a claim is about, first found first.
const PERSON_FIELDS: &[&str] = &["holder", "person", "target", "defendant", "accused"];

/// One gold claim whose person the sentence does not name.
#[derive(Clone, Debug)]
pub struct Item {
    /// The document.
    pub doc: String,
    /// The claim type.
    pub kind: String,
    /// The person the gold names.
    pub person: String,
    /// The evidence sentence.
    pub evidence: String,
    /// What the system said: the names its claims of that type on that sentence give, less
    /// the other people the gold gives such claims on that sentence, each with whether the
    /// claim marks that name as maybe another person (`may_be`).
    pub system: Vec<(String, bool)>,
}

impl Item {
    /// Right (one of the system's names is the gold person), marked (names, none of them
    /// the gold person, each marked as maybe another), wrong (names, none of them the gold
    /// person, one unmarked) or missing (no claim).
    pub fn outcome(&self) -> &'static str {
        if self.system.is_empty() {
            "missing"
        } else if self.system.iter().any(|(s, _)| person_match(s, &self.person)) {
            "right"
        } else if self.system.iter().all(|(_, marked)| *marked) {
            "marked"
        } else {
            "wrong"
        }
    }
}

/// The counts.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Counts {
    /// Gold items.
    pub items: usize,
    /// The system named the gold person.
    pub right: usize,
    /// The system named someone else only, unmarked.
    pub wrong: usize,
    /// The system named someone else only, marking the name as incomplete.
    pub marked: usize,
    /// The system made no claim of that type on the sentence.
    pub missing: usize,
}

impl Counts {
    /// Right over right and wrong: how often a person the system gives is the right one.
    pub fn precision(&self) -> f64 {
        let n = self.right + self.wrong;
        if n == 0 { 1.0 } else { self.right as f64 / n as f64 }
    }
}

fn text(c: &Claim, k: &str) -> String {
    c.get(k).and_then(Value::as_str).unwrap_or("").to_string()
}

/// The gold person of a claim and whether the sentence names them (by their last name).
fn indirect_person(c: &Claim) -> Option<(&'static str, String)> {
    let (field, person) =
        PERSON_FIELDS.iter().find_map(|f| Some((*f, c.get(*f)?.as_str()?.to_string())))?;
    let evidence = fold(&crate::claims::evidence_text(c));
    let last = fold(person.split_whitespace().last()?);
    let last = last.trim_matches(|ch: char| !ch.is_alphanumeric());
    let last = ["al-", "el-"].iter().find_map(|p| last.strip_prefix(p)).unwrap_or(last);
    if last.is_empty() || person.contains('(') || evidence.contains(last) {
        return None;
    }
    Some((field, person))
}

/// The test set of `gold` and what `system` says for each item.
pub fn items(gold: &[Claim], system: &[Claim]) -> Vec<Item> {
    let mut by_doc: BTreeMap<String, Vec<&Claim>> = BTreeMap::new();
    for s in system {
        by_doc.entry(text(s, "doc")).or_default().push(s);
    }
    gold.iter()
        .filter_map(|g| {
            let (field, person) = indirect_person(g)?;
            let kind = text(g, "type");
            let doc = text(g, "doc");
            // The people the gold gives claims of this type on this sentence: a system claim
            // about one of them is right for that one and no error for the others.
            let others: Vec<&str> = gold
                .iter()
                .filter(|o| {
                    text(o, "doc") == doc && text(o, "type") == kind && evidence_overlaps(o, g)
                })
                .filter_map(|o| o.get(field).and_then(Value::as_str))
                .filter(|p| !person_match(p, &person))
                .collect();
            let system = by_doc
                .get(&doc)
                .into_iter()
                .flatten()
                .filter(|s| text(s, "type") == kind && evidence_overlaps(s, g))
                .filter_map(|s| {
                    let name = s.get(field).and_then(Value::as_str)?;
                    let marked = s.get("may_be").and_then(|m| m.get(field)).is_some();
                    Some((name.to_string(), marked))
                })
                .filter(|(name, _)| !others.iter().any(|o| person_match(o, name)))
                .collect();
            Some(Item { doc, kind, person, evidence: crate::claims::evidence_text(g), system })
        })
        .collect()
}

/// Counts over items.
pub fn count(items: &[Item]) -> Counts {
    let mut c = Counts { items: items.len(), ..Counts::default() };
    for i in items {
        match i.outcome() {
            "right" => c.right += 1,
            "wrong" => c.wrong += 1,
            "marked" => c.marked += 1,
            _ => c.missing += 1,
        }
    }
    c
}

#[cfg(test)]
mod tests {
    use super::*;

    fn claim(v: serde_json::Value) -> Claim {
        v.as_object().unwrap().clone()
    }

    #[test]
    fn items_are_the_gold_claims_whose_sentence_does_not_name_the_person() {
        let gold = vec![
            claim(serde_json::json!({"doc": "a", "type": "sanction", "target": "Tomasz Wielgosz",
                "evidence": "The Treasury sanctioned him on Monday."})),
            claim(serde_json::json!({"doc": "a", "type": "sanction", "target": "Marisol Quenby",
                "evidence": "The Treasury also sanctioned Quenby."})),
            claim(serde_json::json!({"doc": "a", "type": "arrest", "person": "Edda Lorn",
                "evidence": "Police detained her in May."})),
            claim(serde_json::json!({"doc": "a", "type": "visit", "person": "Piet Oranje",
                "evidence": "The minister flew to the capital."})),
            claim(serde_json::json!({"doc": "a", "type": "charge", "defendant": "Holl",
                "evidence": "Colonel Kasimir was charged."})),
        ];
        let system = vec![
            claim(serde_json::json!({"doc": "a", "type": "sanction", "target": "Wielgosz",
                "evidence": {"text": "The Treasury sanctioned him on Monday."}})),
            claim(serde_json::json!({"doc": "a", "type": "arrest", "person": "Marisol Quenby",
                "evidence": {"text": "Police detained her in May."}})),
            claim(serde_json::json!({"doc": "a", "type": "charge", "defendant": "Kasimir",
                "may_be": {"defendant": "Holl"},
                "evidence": {"text": "Colonel Kasimir was charged."}})),
        ];
        let items = items(&gold, &system);
        let outcomes: Vec<&str> = items.iter().map(Item::outcome).collect();
        assert_eq!(outcomes, ["right", "wrong", "missing", "marked"]);
        let c = count(&items);
        assert_eq!((c.items, c.right, c.wrong, c.marked, c.missing), (4, 1, 1, 1, 1));
        assert!((c.precision() - 0.5).abs() < 1e-9);
    }
}
