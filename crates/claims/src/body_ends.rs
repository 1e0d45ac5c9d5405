//! Bodies that ceased to exist: "the party into which the Front was merged in 2007", "the
//! unit was disbanded in 2010". A post in such a body ended then, however the sentence that
//! states the post reads ("remains a leading member of the Front" in a text that says the
//! Front was merged away), so each post of the document in a body that ended gets that end.
//!
//! Why here and not in fuse: only the text says that a body ended, and the contract has no
//! claim type for events of bodies; the end is a fact about the post the document states.

use std::collections::HashSet;

use serde_json::Value;

use crate::extract::{Doc, expand_acronym};
use crate::frames::Parse;
use crate::frames::positions::LEXICON;
use crate::view::Kind;
use crate::{Claim, ClaimType};

/// A body the document says ended: its names (as written, and an acronym's expansion) and
/// when, if the sentence dates it.
#[derive(Debug)]
struct Ended {
    names: Vec<String>,
    date: Option<String>,
}

/// Ends the document's open posts in bodies that it says were merged, dissolved, disbanded
/// or abolished: `end` is the date the body ended (the post is former when the text gives
/// none), and `as_of` goes, since the post is not held at the publication date.
pub(crate) fn close_posts(doc: &Doc<'_>, claims: &mut [Claim]) {
    if !claims.iter().any(|c| c.kind == ClaimType::Position) {
        return;
    }
    let ended = ended_bodies(doc);
    if ended.is_empty() {
        return;
    }
    for c in claims.iter_mut().filter(|c| c.kind == ClaimType::Position) {
        if c.fields.get("end").is_some_and(|v| !v.is_null()) {
            continue;
        }
        let Some(org) = c.field("organization").map(fold) else { continue };
        let Some(body) = ended.iter().find(|b| b.names.iter().any(|n| names_body(&org, n))) else {
            continue;
        };
        // A post that began after the body ended is in a body of the same name (a refounded
        // party), not the one that ended.
        let start = c.field("start").map(str::to_string);
        if let (Some(s), Some(d)) = (&start, &body.date)
            && s.get(..4) > d.get(..4)
        {
            continue;
        }
        match &body.date {
            Some(d) => {
                c.fields.insert("end".into(), Value::from(d.clone()));
            }
            None => {
                c.fields.insert("former".into(), Value::from(true));
            }
        }
        c.fields.insert("as_of".into(), Value::Null);
    }
}

/// Whether a post's organization (folded) names the ended body (folded): the same name, or
/// the name as whole words inside it ("Oranje's Front for Renewal" holds "Front for
/// Renewal"; an acronym must match a whole word).
fn names_body(org: &str, body: &str) -> bool {
    let body = fold(body);
    if body.is_empty() {
        return false;
    }
    format!(" {org} ").contains(&format!(" {body} "))
}

/// Lowercase words of a name, punctuation dropped, "the" left out.
fn fold(s: &str) -> String {
    s.split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .map(str::to_lowercase)
        .filter(|w| w != "the")
        .collect::<Vec<_>>()
        .join(" ")
}

/// The bodies the document says ended, with the date of the sentence's verb.
fn ended_bodies(doc: &Doc<'_>) -> Vec<Ended> {
    let lex = &*LEXICON;
    let mut out = Vec::new();
    for si in 0..doc.view.sentences.len() {
        let s = &doc.view.sentences[si];
        let words = &doc.view.words[s.words.clone()];
        if !words.iter().any(|w| lex.body_end_verbs.contains(&w.lemma)) {
            continue;
        }
        let p = Parse::new(doc, si);
        for v in 0..p.words.len() {
            if !lex.body_end_verbs.contains(p.lemma(v)) {
                continue;
            }
            // The body is what was merged or disbanded: the passive subject, or the object of
            // an active verb ("the council dissolved the front").
            let bodies: Vec<usize> = p.children[v]
                .iter()
                .copied()
                .filter(|&c| matches!(p.words[c].deprel.as_str(), "nsubj:pass" | "obj"))
                .flat_map(|c| p.with_conjuncts(c))
                .collect();
            let date = p.children[v]
                .iter()
                .filter(|&&c| p.rel(c) == "obl")
                .filter_map(|&c| p.mention_of(doc, c, &[Kind::Time]))
                .find_map(|m| doc.date_of(m));
            for b in bodies {
                let names = body_names(doc, &p, b);
                if !names.is_empty() {
                    out.push(Ended { names, date: date.clone() });
                }
            }
        }
    }
    out
}

/// The names of the body a word stands for: its organisation mention, or an acronym written
/// as a proper noun, each with the expansion the document gives it.
fn body_names(doc: &Doc<'_>, p: &Parse<'_>, w: usize) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    if let Some(m) = p.mention_of(doc, w, &[Kind::Org]) {
        names.push(doc.mention_text(m));
    } else {
        let form = p.form(w);
        let letters = form.chars().filter(|c| c.is_alphabetic()).count();
        if p.words[w].upos == "PROPN" && letters >= 2 && !form.chars().any(char::is_lowercase) {
            names.push(form.to_string());
        }
    }
    let mut seen: HashSet<String> = names.iter().cloned().collect();
    for n in names.clone() {
        if let Some(long) = expand_acronym(doc.text(), &n)
            && seen.insert(long.clone())
        {
            names.push(long);
        }
    }
    names
}

#[cfg(test)]
#[path = "body_ends_tests.rs"]
mod tests;
