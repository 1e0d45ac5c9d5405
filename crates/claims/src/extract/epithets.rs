//! Who "the general", "the businessman" and "the 61-year-old" stand for: the one person the
//! document gave that rank, epithet or age beside the name ("Major General X", "X, a
//! businessman", "X, 61,"), and for an age no one was given, the person a pronoun there
//! would stand for.

use std::collections::HashMap;

use super::*;
use crate::view::{is_epithet, year_old};

/// The groups each rank, epithet ("general", "businessman") and age was given with.
#[derive(Default)]
pub(crate) struct Epithets {
    words: HashMap<String, Vec<usize>>,
    ages: HashMap<u32, Vec<usize>>,
}

impl Epithets {
    fn build(doc: &Doc<'_>) -> Epithets {
        let text = doc.text();
        let mut out = Epithets::default();
        for (i, mention) in doc.view.mentions.iter().enumerate() {
            if mention.kind != Kind::Per {
                continue;
            }
            let Some(&g) = doc.people.of_mention.get(&i) else { continue };
            let sentence = &doc.view.sentences[mention.sentence].span;
            let before = &text[sentence.start.min(mention.span.start)..mention.span.start];
            let after = &text[mention.span.end..sentence.end.max(mention.span.end)];
            // "Major General X", "businessman X", "the 61-year-old X": the words right
            // before the name.
            let mut before_words = before.split_whitespace().rev();
            if before.ends_with(char::is_whitespace)
                && let Some(w) = before_words.next()
            {
                let w = w.to_lowercase();
                if let Some(age) = year_old(&w) {
                    out.add_age(age, g);
                }
                if is_epithet(&w) {
                    out.add_word(w, g);
                }
            }
            // "X, 61, ...", "X (61)", "X, aged 61", "X, a businessman", "X, the former
            // general".
            let tail: Vec<&str> = after
                .trim_start_matches([',', '('])
                .split(|c: char| c.is_whitespace() || c == ',' || c == ')')
                .filter(|w| !w.is_empty())
                .take(4)
                .collect();
            if after.starts_with([',', ' ']) || after.starts_with(" (") {
                let opened = after.starts_with(',') || after.starts_with(" (");
                let first = tail.first().copied().unwrap_or("");
                let age = if first == "aged" { tail.get(1).copied() } else { Some(first) };
                if opened
                    && let Some(age) =
                        age.and_then(|a| a.parse::<u32>().ok()).filter(|a| (10..=110).contains(a))
                {
                    out.add_age(age, g);
                }
                if after.starts_with(',')
                    && matches!(first.to_lowercase().as_str(), "a" | "an" | "the")
                {
                    // Up to two modifiers, then the epithet: "a wealthy businessman".
                    for w in tail.iter().skip(1).take(3) {
                        let w = w.to_lowercase();
                        if is_epithet(&w) {
                            out.add_word(w, g);
                            break;
                        }
                        if !w.chars().all(|c| c.is_lowercase() || c == '-') {
                            break;
                        }
                    }
                }
            }
        }
        out
    }

    fn add_word(&mut self, w: String, g: usize) {
        let groups = self.words.entry(w).or_default();
        if !groups.contains(&g) {
            groups.push(g);
        }
    }

    fn add_age(&mut self, age: u32, g: usize) {
        let groups = self.ages.entry(age).or_default();
        if !groups.contains(&g) {
            groups.push(g);
        }
    }
}

impl<'a> Doc<'a> {
    /// The one person the document gives a post as a title right before the name
    /// ("President X"), for "the president" elsewhere: a mention of them, or `None` when no
    /// one or more than one person bears that title.
    pub(crate) fn role_holder(&self, role: &str) -> Option<usize> {
        let mentions = &self.view.mentions;
        let mut found: Option<(usize, usize)> = None;
        for (i, m) in mentions.iter().enumerate().skip(1) {
            let title = &mentions[i - 1];
            if m.kind != Kind::Per
                || title.kind != Kind::Role
                || title.sentence != m.sentence
                || title.value.as_deref() != Some(role)
                || !self
                    .text()
                    .get(title.span.end..m.span.start)
                    .is_some_and(|g| g.trim().is_empty())
            {
                continue;
            }
            let Some(&g) = self.people.of_mention.get(&i) else { continue };
            match found {
                None => found = Some((i, g)),
                Some((_, other)) if other != g => return None,
                _ => {}
            }
        }
        found.map(|(i, _)| i)
    }

    /// The person a description made of a rank, an epithet or an age stands for: `None`
    /// when the description is none of these, `Some(None)` when the document does not
    /// settle who.
    pub(super) fn by_epithet(&self, m: usize) -> Option<Option<usize>> {
        let written = self.view.text(self.text(), m).to_lowercase();
        let words: Vec<&str> = written.split_whitespace().collect();
        let index = self.epithets.get_or_init(|| Epithets::build(self));
        if let Some(age) = words.iter().find_map(|w| year_old(w)) {
            let given = index.ages.get(&age).map_or(&[][..], Vec::as_slice);
            return Some(match given {
                [g] => Some(*g),
                // No one was given that age: the subject of the nearest sentence before
                // that has a person as subject ("X was arrested. The 61-year-old ..."),
                // not one given another age. Never someone the description's own sentence
                // names: "X said the 91-year-old died" would say "he" for X.
                [] => {
                    let sentence = self.view.mentions[m].sentence;
                    let named_here = |g: usize| {
                        self.people.people[g]
                            .mentions
                            .iter()
                            .any(|&x| self.view.mentions[x].sentence == sentence)
                    };
                    (sentence.saturating_sub(3)..sentence)
                        .rev()
                        .find_map(|k| self.people.subject(self.view, k))
                        .filter(|&g| {
                            !named_here(g)
                                && !index.ages.iter().any(|(a, gs)| *a != age && gs.contains(&g))
                        })
                }
                _ => None,
            });
        }
        let head = words.last().copied().filter(|w| is_epithet(w))?;
        let given = index.words.get(head).map_or(&[][..], Vec::as_slice);
        Some(match given {
            [g] => Some(*g),
            _ => None,
        })
    }
}

#[cfg(test)]
#[path = "epithets_tests.rs"]
mod tests;
