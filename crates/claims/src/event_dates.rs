//! Dates an undated event from the document's own dated statement of the same kind of event:
//! a story says "The U.S. on Friday sanctioned four men" and then "The U.S. sanctioned A, B and
//! C", or a list of designations follows "On March 22, the EU announced sanctions".

use std::collections::HashMap;
use std::sync::LazyLock;

use serde::Deserialize;
use serde_json::Value;

use crate::extract::Doc;
use crate::{Claim, ClaimType};

/// Predicate lemmas and the claim type each states: the verbs and nouns of
/// `rules/predicates.toml` and the appointment verbs of `rules/titles.toml`.
struct Triggers {
    verbs: HashMap<String, ClaimType>,
    nouns: HashMap<String, ClaimType>,
}

#[derive(Deserialize)]
struct PredicateFile {
    verbs: HashMap<String, String>,
    nouns: HashMap<String, String>,
}

#[derive(Deserialize)]
struct TitlesFile {
    appoint_verbs: Vec<String>,
}

/// "verdict:convicted", "sanction+context" → the claim type.
fn kind_of(frame: &str) -> Option<ClaimType> {
    let name = frame.split([':', '+']).next()?;
    ClaimType::ALL.into_iter().find(|k| k.as_str() == name)
}

static TRIGGERS: LazyLock<Triggers> = LazyLock::new(|| {
    let p: PredicateFile = toml::from_str(include_str!("../rules/predicates.toml"))
        .expect("rules/predicates.toml parses");
    let t: TitlesFile =
        toml::from_str(include_str!("../rules/titles.toml")).expect("rules/titles.toml parses");
    let table = |m: HashMap<String, String>| -> HashMap<String, ClaimType> {
        m.into_iter().filter_map(|(k, v)| Some((k, kind_of(&v)?))).collect()
    };
    let mut verbs = table(p.verbs);
    for v in t.appoint_verbs {
        verbs.insert(v, ClaimType::Appointment);
    }
    Triggers { verbs, nouns: table(p.nouns) }
});

/// Whether a stretch of text names an act of `kind` by one of its predicate words, written
/// as the lemma or an inflection of it ("sentenced" for "sentence"; lemmas of four letters or
/// more, so that short ones do not open unrelated words).
pub(crate) fn names_act(text: &str, kind: ClaimType) -> bool {
    let triggers = &*TRIGGERS;
    text.split(|c: char| !c.is_alphabetic()).filter(|w| w.len() >= 4).any(|w| {
        let w = w.to_lowercase();
        triggers
            .verbs
            .iter()
            .chain(&triggers.nouns)
            .any(|(lemma, k)| *k == kind && lemma.len() >= 4 && w.starts_with(lemma.as_str()))
    })
}

/// Verbs whose object is an act that did not happen ("avoided arrest", "escaped capture").
const AVERTING_VERBS: &[&str] = &["avoid", "escape", "evade", "elude", "dodge", "resist", "flee"];

/// Types whose `date` is the day the event happened.
fn is_event(kind: ClaimType) -> bool {
    !matches!(kind, ClaimType::Position | ClaimType::Attribute | ClaimType::Relation)
}

/// Gives every event claim without a date the date of the nearest earlier sentence that
/// states the same kind of event with a date (the date nearest its predicate word). Dates
/// after "since" open a state and are not taken.
pub(crate) fn fill(doc: &Doc<'_>, claims: &mut [Claim]) {
    if !claims.iter().any(|c| is_event(c.kind) && c.fields.get("date").is_some_and(Value::is_null))
    {
        return;
    }
    let triggers = &*TRIGGERS;
    let text = doc.input.text;
    let sentences = &doc.view.sentences;
    // Per sentence, the event kinds it states with a date, and that date.
    let mut dated: Vec<Vec<(ClaimType, String)>> = vec![Vec::new(); sentences.len()];
    for (si, s) in sentences.iter().enumerate() {
        // A time that does not resolve ("last month" in a story without a publication date)
        // is kept as `None`: when it is the one nearest the act, the act's date is unknown,
        // not the next date along ("X, who led the unit until 2019, was convicted last
        // month").
        let dates: Vec<(usize, Option<String>)> = s
            .mentions
            .iter()
            .filter_map(|&m| {
                let mention = &doc.view.mentions[m];
                if mention.kind != crate::view::Kind::Time {
                    return None;
                }
                let at = mention.span.start;
                let lo = (at.saturating_sub(40)..at).find(|&i| text.is_char_boundary(i));
                let opens_state = text[..at].trim_end().ends_with("since")
                    || crate::extract::dates_a_post(&text[lo.unwrap_or(at)..at]);
                if opens_state {
                    return None;
                }
                Some((at, doc.date_of(m)))
            })
            .collect();
        if dates.is_empty() {
            continue;
        }
        let words = &doc.view.words[s.words.clone()];
        for w in words {
            let table = match w.upos.as_str() {
                "VERB" => &triggers.verbs,
                "NOUN" => &triggers.nouns,
                _ => continue,
            };
            let Some(&kind) = table.get(w.lemma.as_str()) else { continue };
            // "He narrowly avoided arrest in 1996": an act that did not happen dates nothing.
            let head = w.head.checked_sub(1).and_then(|h| words.get(h));
            if w.upos == "NOUN" && head.is_some_and(|h| AVERTING_VERBS.contains(&h.lemma.as_str()))
            {
                continue;
            }
            if dated[si].iter().any(|(k, _)| *k == kind) {
                continue;
            }
            let nearest = dates
                .iter()
                .filter(|(at, _)| {
                    *at >= w.span.start
                        || crate::extract::closed_relative(
                            &text[s.span.start..*at],
                            &text[*at..w.span.start],
                        )
                        .is_none()
                })
                .min_by_key(|(at, _)| at.abs_diff(w.span.start));
            if let Some((_, Some(d))) = nearest {
                dated[si].push((kind, d.clone()));
            }
        }
    }
    for c in claims.iter_mut() {
        if !is_event(c.kind) || !c.fields.get("date").is_some_and(Value::is_null) {
            continue;
        }
        let at = sentences.partition_point(|s| s.span.start <= c.evidence.start);
        if matches!(c.kind, ClaimType::Sanction | ClaimType::Warrant)
            && let Some(s) = sentences.get(at.saturating_sub(1))
            && announced_now(doc, s, c.kind)
            && let Some(d) = doc.published_iso()
        {
            c.fields.insert("date".into(), Value::from(d));
            continue;
        }
        // "The arrest of X today" where "today" does not resolve (no publication date): the
        // sentence says when; an earlier sentence's date is another act's.
        if let Some(s) = sentences.get(at.saturating_sub(1))
            && s.mentions.iter().any(|&m| {
                doc.view.mentions[m].kind == crate::view::Kind::Time && doc.date_of(m).is_none()
            })
        {
            continue;
        }
        let of_kind = |d: &Vec<(ClaimType, String)>| {
            d.iter().find(|(k, _)| *k == c.kind).map(|(_, d)| d.clone())
        };
        // An appointment or an allegation is one person's: an earlier sentence dates it only
        // if it names that person ("A was named speaker in 2019. B was appointed minister."
        // says nothing of when B was). Sanctions and warrants come in lists told once.
        let person = matches!(c.kind, ClaimType::Appointment | ClaimType::Allegation)
            .then(|| c.field("person").or_else(|| c.field("accused")))
            .flatten()
            .and_then(|name| name.split_whitespace().last())
            .map(str::to_string);
        let names_person = |si: usize| {
            person.as_deref().is_none_or(|surname| {
                sentences.get(si).is_some_and(|s| text[s.span.clone()].contains(surname))
            })
        };
        let mut found = dated[..at.saturating_sub(1)]
            .iter()
            .enumerate()
            .rev()
            .find_map(|(si, d)| of_kind(d).filter(|_| names_person(si)));
        // "his first trip since his indictment": an act the sentence looks back on, told
        // with its date anywhere in the story, later ones too.
        if found.is_none()
            && let Some(s) = sentences.get(at.saturating_sub(1))
            && looks_back_on(doc, s, c.kind)
        {
            found = dated[at.min(dated.len())..].iter().find_map(of_kind);
        }
        if let Some(d) = found {
            c.fields.insert("date".into(), Value::from(d));
        }
    }
}

/// Whether the sentence names an act of this kind as a past point it counts from ("since his
/// indictment", "since the warrant"): "since" within two words before the act's noun.
pub(crate) fn looks_back_on(doc: &Doc<'_>, s: &crate::view::SentenceView, kind: ClaimType) -> bool {
    let words = &doc.view.words[s.words.clone()];
    words.iter().enumerate().any(|(j, w)| {
        w.upos == "NOUN"
            && TRIGGERS.nouns.get(w.lemma.as_str()) == Some(&kind)
            && words[j.saturating_sub(2)..j]
                .iter()
                .any(|b| doc.input.text[b.span.clone()].eq_ignore_ascii_case("since"))
    })
}

/// "The UK and Canada have sanctioned X", "Also designated are X and Y", a headline's
/// "Norvania sanctions X": an act told in the present perfect, the present passive or a
/// headline's present is news of the publication day.
pub(crate) fn announced_now(doc: &Doc<'_>, s: &crate::view::SentenceView, kind: ClaimType) -> bool {
    let words = &doc.view.words[s.words.clone()];
    let form = |i: usize| doc.input.text[words[i].span.clone()].to_lowercase();
    (0..words.len()).any(|i| {
        if words[i].upos != "VERB" || TRIGGERS.verbs.get(words[i].lemma.as_str()) != Some(&kind) {
            return false;
        }
        let before = |k: usize| i.checked_sub(k).map(&form).unwrap_or_default();
        let after = words.get(i + 1).map(|_| form(i + 1)).unwrap_or_default();
        // "have sanctioned", "has been designated", "are designated", "Also designated are".
        let perfect = matches!(before(1).as_str(), "have" | "has" | "is" | "are")
            || before(1) == "been" && matches!(before(2).as_str(), "have" | "has")
            || matches!(after.as_str(), "is" | "are") && form(i).ends_with("ed");
        let present = !form(i).ends_with("ed");
        perfect || s.heading && present
    })
}

#[cfg(test)]
#[path = "event_dates_tests.rs"]
mod tests;
