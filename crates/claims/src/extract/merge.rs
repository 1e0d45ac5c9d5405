//! One claim per fact of a document: the claims two rules (or a rule and a frame) make of one
//! fact are merged, their fields filled from each other; split from `extract` by concern.

use std::collections::{BTreeMap, HashMap};

use serde_json::Value;

use crate::coref::name_key;
use crate::{Claim, ClaimType};

/// The arguments that make two claims of one document the same claim.
pub(crate) fn identity(c: &Claim) -> String {
    let person = |f: &str| c.field(f).map(|n| name_key(n).join(" ")).unwrap_or_default();
    let words = |f: &str| {
        let mut w: Vec<String> = c
            .field(f)
            .unwrap_or("")
            .to_lowercase()
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| w.len() > 2 && !matches!(*w, "the" | "and" | "for"))
            .map(String::from)
            .collect();
        w.sort();
        w.dedup();
        w.join(" ")
    };
    match c.kind {
        ClaimType::Position => format!("{}|{}", person("holder"), words("organization")),
        ClaimType::Appointment => format!("{}|{}", person("person"), words("organization")),
        ClaimType::Meeting => {
            let mut p: Vec<String> =
                c.list("participants").iter().map(|n| name_key(n).join(" ")).collect();
            p.sort();
            p.join("|")
        }
        ClaimType::Visit => format!("{}|{}", person("person"), words("place")),
        ClaimType::Sanction | ClaimType::Warrant => {
            format!("{}|{}", person("target"), c.field("authority").unwrap_or(""))
        }
        ClaimType::Arrest | ClaimType::Health | ClaimType::DeathReport => person("person"),
        ClaimType::Allegation => format!("{}|{}", person("accused"), c.evidence.start),
        ClaimType::Attribute => format!("{}|{}", person("person"), c.field("key").unwrap_or("")),
        ClaimType::Charge => {
            format!("{}|{}", person("defendant"), c.field("authority").unwrap_or(""))
        }
        ClaimType::Verdict => format!(
            "{}|{}|{}",
            person("defendant"),
            c.field("authority").unwrap_or(""),
            c.field("outcome").unwrap_or("")
        ),
        ClaimType::Relation => {
            let mut pair = [person("person"), person("other")];
            pair.sort();
            pair.join("|")
        }
    }
}

/// Two posts of one holder in one body: one sentence names both ("the Director and Party
/// Secretary of X, Y") and the roles' head words differ, or one is a deputy's and the other
/// not ("deputy minister", later "minister"): two claims, not one.
pub(crate) fn two_posts(a: &Claim, b: &Claim) -> bool {
    let head = |c: &Claim| {
        c.field("role")
            .and_then(|r| r.split_whitespace().last())
            .map(|w| w.to_lowercase())
            .unwrap_or_default()
    };
    let (ha, hb) = (head(a), head(b));
    // "As first deputy of the judiciary, ..." and later "appointed to head the judiciary": a
    // deputy's post and the post above it are two, whichever sentences tell them.
    let deputy = |c: &Claim| {
        c.field("role").is_some_and(|r| {
            r.to_lowercase().split([' ', '-']).any(|w| matches!(w, "deputy" | "vice" | "assistant"))
        })
    };
    if a.kind == ClaimType::Position && b.kind == ClaimType::Position && deputy(a) != deputy(b) {
        return true;
    }
    a.kind == ClaimType::Position
        && b.kind == ClaimType::Position
        && a.evidence.start == b.evidence.start
        && !ha.is_empty()
        && !hb.is_empty()
        && ha != hb
        && !a.field("role").is_some_and(|r| r.to_lowercase().contains(&hb))
        && !b.field("role").is_some_and(|r| r.to_lowercase().contains(&ha))
}

/// The fields `from` gives that `fields` lacks or holds empty (null), filled in.
pub(crate) fn fill_empty(
    fields: &mut BTreeMap<String, Value>,
    from: impl IntoIterator<Item = (String, Value)>,
) {
    for (k, v) in from {
        let slot = fields.entry(k).or_insert(Value::Null);
        if slot.is_null() {
            *slot = v;
        }
    }
}

/// Claims of one document that state the same thing become one: the most confident, with
/// fields it lacks filled from the others.
pub(super) fn merge_duplicates(claims: Vec<Claim>) -> Vec<Claim> {
    let mut out: Vec<Claim> = Vec::new();
    let mut index: HashMap<(ClaimType, String), usize> = HashMap::new();
    for c in claims {
        let key = (c.kind, identity(&c));
        match index.get(&key) {
            // "Director and Party Secretary of Y, X": a second post in the same body, told in
            // the same sentence, needs an id of its own (the id hashes the body, not the role).
            Some(&i) if two_posts(&out[i], &c) => {
                let mut c = c;
                let role = c.field("role").unwrap_or("").to_lowercase();
                c.id = model::Sha256::digest(format!("{}|{role}", c.id).as_bytes()).short(16);
                out.push(c);
            }
            Some(&i) => {
                let (keep, other) = if c.confidence > out[i].confidence {
                    (c, out[i].clone())
                } else {
                    (out[i].clone(), c)
                };
                let mut keep = keep;
                // The first statement of a fact carries its source: a later restatement in
                // the author's voice ("X was arrested on Tuesday") does not erase who said
                // it first ("Police said they arrested X").
                let first = &out[i];
                if first.attributed_to.is_some() && first.evidence.start < keep.evidence.start {
                    keep.modality = first.modality;
                    keep.attributed_to.clone_from(&first.attributed_to);
                    keep.evidence = first.evidence.clone();
                    keep.id.clone_from(&first.id);
                    // Its date too: the restatement's nearest date is often the day it was
                    // told ("said on Wednesday"), not the day it happened.
                    for f in ["date", "start", "end"] {
                        if let Some(v) = first.fields.get(f).filter(|v| !v.is_null()) {
                            keep.fields.insert(f.into(), v.clone());
                        }
                    }
                }
                fill_empty(&mut keep.fields, other.fields);
                out[i] = keep;
            }
            None => {
                index.insert(key, out.len());
                out.push(c);
            }
        }
    }
    out
}

/// "X was named the new commander of the national guard": a pattern that found the
/// appointment without its body and a frame that found it with one are one appointment; the
/// one without the body goes, its other fields filling the one with it.
pub(super) fn bodiless_appointments(claims: Vec<Claim>) -> Vec<Claim> {
    let bodiless =
        |c: &Claim| c.kind == ClaimType::Appointment && c.field("organization").is_none();
    let person = |c: &Claim| c.field("person").map(name_key).unwrap_or_default();
    let mut gone = vec![false; claims.len()];
    let mut claims = claims;
    for i in 0..claims.len() {
        if !bodiless(&claims[i]) {
            continue;
        }
        let with_body = (0..claims.len()).find(|&j| {
            j != i
                && !gone[j]
                && claims[j].kind == ClaimType::Appointment
                && !bodiless(&claims[j])
                && claims[j].evidence.start == claims[i].evidence.start
                && person(&claims[j]) == person(&claims[i])
        });
        if let Some(j) = with_body {
            let fields = claims[i].fields.clone();
            fill_empty(&mut claims[j].fields, fields);
            gone[i] = true;
        }
    }
    claims.into_iter().zip(gone).filter(|(_, g)| !g).map(|(c, _)| c).collect()
}

/// A meeting one sentence tells both as several people together and as pairs ("X met A, the
/// minister, and B, the director" read as X, A and B by the verb's frame and as X with A and
/// X with B by the pattern): one reading only. Two readings always count one of them false;
/// the pairs keep every pair where each is described apart (as the seeds' gold tells it) and
/// cost one false claim where the fact is the three together.
pub(crate) fn one_reading_of_meetings(claims: Vec<Claim>) -> Vec<Claim> {
    let people = |c: &Claim| -> Vec<String> {
        c.list("participants").iter().map(|n| name_key(n).join(" ")).collect()
    };
    let meetings: Vec<(usize, Vec<String>)> = claims
        .iter()
        .filter(|c| c.kind == ClaimType::Meeting)
        .map(|c| (c.evidence.start, people(c)))
        .collect();
    let told_in_pairs = |c: &Claim| {
        let all = people(c);
        if all.len() < 3 {
            return false;
        }
        let parts: Vec<&Vec<String>> = meetings
            .iter()
            .filter(|(at, p)| *at == c.evidence.start && p.len() < all.len())
            .filter(|(_, p)| p.iter().all(|n| all.contains(n)))
            .map(|(_, p)| p)
            .collect();
        parts.len() >= 2 && all.iter().all(|n| parts.iter().any(|p| p.contains(n)))
    };
    claims.into_iter().filter(|c| c.kind != ClaimType::Meeting || !told_in_pairs(c)).collect()
}

#[cfg(test)]
#[path = "merge_tests.rs"]
mod tests;
