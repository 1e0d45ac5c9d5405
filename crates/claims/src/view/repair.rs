//! Repairs of the entity tagger's mistakes on names that would block a claim, from the
//! words' parse, the lexicon and the shape of the text: a name glued across a line break,
//! a sentence's first word taken into a name ("When X was sworn in"), a rank or title read as
//! part of an organisation ("Admiral X Y" as ORG), a place glued before a person ("the
//! governor of North Z X Y"), a name split at a quote or hyphen inside it, a country tagged as
//! a person, a person tagged as an organisation in a list of people, and a media outlet
//! tagged as a person.
//!
//! Every repair is general English: word classes, a few closed lists of function words and
//! kind nouns, and the lexicon's ranks, titles and countries.

use std::collections::{HashMap, HashSet};
use std::ops::Range;

use model::Word;

use super::{Kind, Mention};

/// Parts of speech that never begin a name: a capitalised sentence opener of these classes
/// ("When", "While", "After", "Neither") is not part of the name after it.
pub(super) const CLOSED_CLASSES: &[&str] =
    &["SCONJ", "ADP", "CCONJ", "DET", "PRON", "AUX", "PART", "ADV"];
/// Function words that open sentences, for documents that never write them in lower case.
pub(super) const OPENERS: &[&str] = &[
    "when",
    "while",
    "after",
    "before",
    "although",
    "though",
    "neither",
    "nor",
    "but",
    "and",
    "if",
    "as",
    "since",
    "because",
    "unless",
    "until",
    "then",
    "meanwhile",
    "also",
    "yet",
    "so",
    "however",
    "during",
    "despite",
    "with",
    "without",
    "under",
    "for",
    "from",
    "by",
    "at",
    "on",
    "in",
    "to",
    "of",
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "once",
    "whether",
];
/// Lowercase particles inside Arabic, Spanish, Dutch and other names ("Karim al Varsk").
const PARTICLES: &[&str] = &[
    "al", "el", "bin", "ibn", "abu", "bint", "de", "del", "dela", "da", "di", "du", "dos", "das",
    "la", "le", "van", "von", "der", "ter", "den",
];
/// Words that start a place name before a person's name ("the governor of North Z X Y").
const COMPASS: &[&str] = &[
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "central",
    "upper",
    "lower",
    "northeast",
    "northwest",
    "southeast",
    "southwest",
];
/// Head words of organisations, places and documents: a name holding one is not a person's.
const NOT_PERSON_WORDS: &[&str] = &[
    "ministry",
    "council",
    "court",
    "office",
    "department",
    "committee",
    "party",
    "agency",
    "bureau",
    "forces",
    "force",
    "army",
    "navy",
    "police",
    "group",
    "company",
    "corporation",
    "bank",
    "university",
    "school",
    "institute",
    "centre",
    "center",
    "front",
    "movement",
    "union",
    "association",
    "commission",
    "tribunal",
    "assembly",
    "parliament",
    "government",
    "authority",
    "service",
    "network",
    "news",
    "radio",
    "television",
    "media",
    "watch",
    "international",
    "foundation",
    "fund",
    "organisation",
    "organization",
    "brigade",
    "battalion",
    "regiment",
    "division",
    "corps",
    "guard",
    "militia",
    "coalition",
    "alliance",
    "league",
    "church",
    "mosque",
    "hospital",
    "airport",
    "ltd",
    "inc",
    "co",
    "limited",
    "enterprise",
    "enterprises",
    "holdings",
    "trust",
    "times",
    "post",
    "tribune",
    "gazette",
    "daily",
    "herald",
    "journal",
    "press",
    "act",
    "order",
    "law",
    "statute",
    "article",
    "zone",
    "province",
    "region",
    "state",
    "city",
    "county",
    "district",
    "street",
    "square",
    "war",
    "accords",
    "road",
    "avenue",
    "bridge",
    "stadium",
    "hotel",
    "palace",
    "hall",
    "museum",
    "library",
    "prize",
    "award",
    "directorate",
    "branch",
    "intelligence",
    "organisation",
    "republic",
    "kingdom",
    "emirates",
    "states",
    "nations",
    "sea",
    "gulf",
    "river",
];
/// Nouns that name a kind of organisation: a name right after one is the organisation's
/// ("media outlet X Y", "the NGO X Y").
const KIND_NOUNS: &[&str] = &[
    "outlet",
    "newspaper",
    "daily",
    "weekly",
    "agency",
    "ngo",
    "organisation",
    "organization",
    "company",
    "firm",
    "channel",
    "broadcaster",
    "website",
    "magazine",
    "station",
    "network",
    "charity",
    "group",
    "party",
    "movement",
    "tabloid",
    "portal",
];

#[path = "repair_lines.rs"]
mod lines;
use lines::{split_at_line_breaks, trim_headline_names};
#[path = "repair_bodies.rs"]
mod bodies;
use bodies::{
    bodies_cut_at_and, bodies_named_after_places, people_named_as_bodies,
    post_holders_read_as_bodies, take_in_ordinals,
};
#[path = "repair_family.rs"]
mod family;
use family::{family_members, relatives_read_as_places};
#[path = "repair_openers.rs"]
mod openers;
pub(in crate::view) use openers::opening_participle;
use openers::{drop_leading_function_words, participle_openers};
#[path = "repair_titles.rs"]
mod titles;
use titles::{
    bare_titles, capitalised_titles_after_names, person_after_title, place_before_person,
};
#[path = "repair_names.rs"]
mod names;
pub(crate) use names::quoted_nickname;
use names::{join_split_names, take_in_given_names, take_in_nicknames};
#[path = "repair_companies.rs"]
mod companies;
use companies::companies_listed_as_one;
pub(super) use companies::companies_read_as_people;

/// What the repairs need to know about the document's words.
pub(super) struct Words<'a> {
    text: &'a str,
    words: &'a [Word],
    /// Every word the document writes in lower case.
    lower: HashSet<&'a str>,
}

impl<'a> Words<'a> {
    pub(super) fn new(text: &'a str, words: &'a [Word]) -> Words<'a> {
        let lower = words
            .iter()
            .map(|w| &text[w.span.clone()])
            .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
            .collect();
        Words { text, words, lower }
    }

    /// The words inside a span, in order.
    fn inside(&self, span: &Range<usize>) -> &'a [Word] {
        let first = self.words.partition_point(|w| w.span.start < span.start);
        let last = self.words.partition_point(|w| w.span.start < span.end);
        &self.words[first..last.max(first)]
    }

    /// The word ending last at or before `at`.
    fn before(&self, at: usize) -> Option<&'a Word> {
        self.words.partition_point(|w| w.span.end <= at).checked_sub(1).map(|i| &self.words[i])
    }

    /// The word starting first at or after `at`.
    fn after(&self, at: usize) -> Option<&'a Word> {
        self.words.get(self.words.partition_point(|w| w.span.start < at))
    }

    /// Whether the word ending at `end` modifies a noun after it in its sentence ("official"
    /// in "a three-day official visit"): a role word used as an adjective.
    pub(super) fn modifies_a_later_noun(&self, end: usize) -> bool {
        let Some(i) = self.words.partition_point(|w| w.span.end <= end).checked_sub(1) else {
            return false;
        };
        let w = &self.words[i];
        if w.span.end != end || w.head == 0 || !matches!(w.deprel.as_str(), "amod" | "compound") {
            return false;
        }
        let first = (0..=i).rev().take_while(|&k| self.words[k].sentence == w.sentence).last();
        let head = first.unwrap_or(i) + w.head - 1;
        head > i
            && self.words.get(head).is_some_and(|h| h.sentence == w.sentence && h.upos == "NOUN")
    }

    fn form(&self, w: &Word) -> &'a str {
        &self.text[w.span.clone()]
    }

    /// Whether a word may be part of a person's name: capitalised letters (with hyphens,
    /// apostrophes and periods for initials), or a lowercase name particle.
    fn name_like(&self, w: &Word) -> bool {
        let f = self.form(w);
        let letters = f.chars().all(|c| c.is_alphabetic() || matches!(c, '-' | '\'' | '’' | '.'));
        let capital = f.chars().next().is_some_and(char::is_uppercase);
        let lower = f.to_lowercase();
        // A word the document also writes in lower case is a common word ("Intelligence").
        let common = capital && self.lower.contains(lower.as_str());
        letters
            && (capital || PARTICLES.contains(&f))
            && !common
            && !NOT_PERSON_WORDS.contains(&lower.as_str())
    }

    /// Whether the words of a span look like a person's name: two or more name-like words,
    /// not all in capitals, no country among them.
    fn person_like(&self, span: &Range<usize>) -> bool {
        let ws = self.inside(span);
        ws.len() >= 2
            && ws.iter().all(|w| self.name_like(w))
            && ws.iter().any(|w| self.form(w).chars().skip(1).any(char::is_lowercase))
            && !ws.iter().any(|w| is_country(self.form(w)))
    }
}

fn is_entity(kind: Kind) -> bool {
    matches!(kind, Kind::Per | Kind::Org | Kind::Loc | Kind::Misc)
}

fn is_country(word: &str) -> bool {
    let w = word.trim();
    read::lexicon::countries().any(|c| c.eq_ignore_ascii_case(w))
}

/// Repairs on the tagger's and the lexicon's mentions before they are merged.
pub(super) fn before_merge(words: &Words<'_>, raw: &mut Vec<Mention>) {
    split_at_line_breaks(words.text, raw);
    drop_leading_function_words(words, raw);
    participle_openers(words, raw);
    person_after_title(words, raw);
    bare_titles(words, raw);
    place_before_person(words, raw);
    person_after_body(words, raw);
}

/// Whether a word is the head word of a body's name ("Forces", "Staff"): never a first name.
pub fn is_body_word(word: &str) -> bool {
    let w = word.to_lowercase();
    NOT_PERSON_WORDS.contains(&w.as_str()) || BODY_ENDS.contains(&w.as_str())
}

/// Head words of bodies besides `NOT_PERSON_WORDS` that end a body's name.
const BODY_ENDS: &[&str] =
    &["staff", "corps", "guard", "brigade", "division", "directorate", "unit"];

/// "the chief of the Coastal Forces Tomasz Wielgosz": the tagger runs the body's name into
/// the holder's after it. A name of an organisation or a person with a body's head word
/// inside, followed by two to four words that look like a person's name, is the body (if
/// more than its head word) and then that person.
fn person_after_body(words: &Words<'_>, raw: &mut Vec<Mention>) {
    let mut people = Vec::new();
    for m in raw.iter_mut().filter(|m| matches!(m.kind, Kind::Org | Kind::Per)) {
        let inside = words.inside(&m.span);
        let n = inside.len();
        let Some(j) =
            (0..n.saturating_sub(2)).rev().find(|&j| is_body_word(words.form(&inside[j])))
        else {
            continue;
        };
        let tail = inside[j + 1].span.start..m.span.end;
        if n - j - 1 > 4 || !words.person_like(&tail) {
            continue;
        }
        people.push(Mention {
            kind: Kind::Per,
            span: tail,
            value: None,
            parts: vec![],
            sentence: m.sentence,
            hidden: false,
        });
        if j == 0 || m.kind == Kind::Per {
            // "Staff X Y": the head word alone names nothing; the mention goes.
            m.span = m.span.start..m.span.start;
        } else {
            m.span = m.span.start..inside[j].span.end;
            m.kind = Kind::Org;
        }
    }
    raw.retain(|m| !m.span.is_empty());
    raw.extend(people);
}

/// Repairs on the merged mentions (in text order, without overlap).
pub(super) fn after_merge(words: &Words<'_>, mentions: &mut Vec<Mention>) {
    take_in_nicknames(words, mentions);
    join_split_names(words, mentions);
    take_in_given_names(words, mentions);
    family_members(words, mentions);
    companies_listed_as_one(words, mentions);
    bodies_named_after_places(words, mentions);
    people_named_as_bodies(words, mentions);
    post_holders_read_as_bodies(words, mentions);
    bodies_cut_at_and(words, mentions);
    take_in_ordinals(words, mentions);
    for m in mentions.iter_mut().filter(|m| m.kind == Kind::Per) {
        if is_country(&words.text[m.span.clone()]) {
            m.kind = Kind::Loc;
        }
    }
    places_read_as_other_kinds(words, mentions);
    one_kind_per_name(words, mentions);
    relatives_read_as_places(words, mentions);
    numbered_parts_of_texts(words, mentions);
    take_in_suffixes(words.text, mentions);
    people_among_people(words, mentions);
    outlets(words, mentions);
    trim_headline_names(words, mentions);
    capitalised_titles_after_names(words, mentions);
}

/// "X visited Varnholm last week": the tagger decides each word from its neighbours and may
/// read a capital the gazetteer knows, or a country, as a miscellaneous name or a body. A
/// mention that is exactly such a place is the place (a person bearing the same word as a
/// surname is given back by `one_kind_per_name`, which runs after).
fn places_read_as_other_kinds(words: &Words<'_>, mentions: &mut [Mention]) {
    for m in mentions.iter_mut().filter(|m| matches!(m.kind, Kind::Misc | Kind::Org)) {
        let t = words.text[m.span.clone()].trim();
        if is_country(t) || crate::cities::state_of(t).is_some() {
            m.kind = Kind::Loc;
        }
    }
}

/// "Tomasz R. Wielgosz, Jr.": a generational suffix after a person's name is part of it.
fn take_in_suffixes(text: &str, mentions: &mut [Mention]) {
    for i in 0..mentions.len() {
        if mentions[i].kind != Kind::Per {
            continue;
        }
        let end = mentions[i].span.end;
        let rest = &text[end..];
        let gap = rest.len() - rest.trim_start_matches([',', ' ']).len();
        let after = &rest[gap..];
        let Some(suffix) = ["Jr.", "Sr.", "Jr", "Sr"].iter().find(|s| {
            after.starts_with(*s) && !after[s.len()..].starts_with(|c: char| c.is_alphanumeric())
        }) else {
            continue;
        };
        let new_end = end + gap + suffix.len();
        if gap <= 2 && mentions.get(i + 1).is_none_or(|n| n.span.start >= new_end) {
            mentions[i].span.end = new_end;
        }
    }
}

/// A name the tagger reads as a person somewhere in the document is a person everywhere in
/// it: the tagger decides each occurrence from its neighbours, and an unfamiliar name at the
/// start of a sentence ("X Y was sentenced ...") is often taken for an organisation, a
/// surname alone ("the agency Wielgosz leads") for a place. A lone word counts when it is a
/// surname (not the first word) of a full name the document gives a person, and no country.
fn one_kind_per_name(words: &Words<'_>, mentions: &mut [Mention]) {
    let text = words.text;
    let people: std::collections::HashSet<&str> = mentions
        .iter()
        .filter(|m| m.kind == Kind::Per)
        .map(|m| text[m.span.clone()].trim())
        .filter(|t| t.contains(' '))
        .collect();
    let surnames: std::collections::HashSet<&str> = people
        .iter()
        .flat_map(|name| name.split_whitespace().skip(1))
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase) && !is_country(w))
        .collect();
    let relabel: Vec<usize> = mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| {
            let t = text[m.span.clone()].trim();
            match m.kind {
                Kind::Org | Kind::Misc => people.contains(t) || surnames.contains(t),
                Kind::Loc => surnames.contains(t),
                _ => false,
            }
        })
        .map(|(i, _)| i)
        .collect();
    for i in relabel {
        mentions[i].kind = Kind::Per;
    }
}

/// Nouns that number the parts of a law, a judgement or a report ("Article 228", "Part 2").
const TEXT_PARTS: &[&str] = &[
    "article",
    "art",
    "section",
    "part",
    "paragraph",
    "chapter",
    "clause",
    "annex",
    "appendix",
    "schedule",
    "item",
    "resolution",
    "rule",
    "regulation",
    "decree",
    "law",
    "page",
    "count",
];

/// "Article 228.4 of the Criminal Code": a part of a text followed by its number, which the
/// tagger may take for a person's one-word name, is no person.
fn numbered_parts_of_texts(words: &Words<'_>, mentions: &mut [Mention]) {
    let text = words.text;
    for m in mentions.iter_mut().filter(|m| m.kind == Kind::Per) {
        let name = text[m.span.clone()].trim().trim_end_matches('.');
        let numbered = text[m.span.end..].trim_start().starts_with(|c: char| c.is_ascii_digit());
        if numbered && TEXT_PARTS.contains(&name.to_lowercase().as_str()) {
            m.kind = Kind::Misc;
        }
    }
}

/// An organisation or other name shaped like a person's name, listed with people ("its
/// leaders X Y Z and V W"), right after a rank or role, or followed by a post in
/// apposition ("X Y Z, deputy director of ..."), is a person.
fn people_among_people(words: &Words<'_>, mentions: &mut [Mention]) {
    let text = words.text;
    let joins = |gap: &str| matches!(gap.trim(), "," | "and" | ", and" | "or" | "nor");
    for i in 0..mentions.len() {
        let m = &mentions[i];
        if !matches!(m.kind, Kind::Org | Kind::Misc) || !words.person_like(&m.span) {
            continue;
        }
        let with_person = |j: usize| {
            let n = &mentions[j];
            let gap = if n.span.start >= m.span.end {
                &text[m.span.end..n.span.start]
            } else {
                &text[n.span.end..m.span.start]
            };
            n.kind == Kind::Per && joins(gap)
        };
        let titled = i > 0
            && matches!(mentions[i - 1].kind, Kind::Rank | Kind::Role)
            && text[mentions[i - 1].span.end..m.span.start].trim().is_empty();
        let listed =
            (i > 0 && with_person(i - 1)) || (i + 1 < mentions.len() && with_person(i + 1));
        // "A B C, deputy director general of ...": a post in apposition names a person.
        let posted = mentions.get(i + 1).is_some_and(|n| {
            let gap = text[m.span.end..n.span.start].trim_start();
            let gap = gap.strip_prefix(',').unwrap_or("~").trim();
            n.kind == Kind::Role
                && gap.split_whitespace().all(|w| {
                    matches!(
                        w,
                        "the" | "a" | "an" | "its" | "former" | "then" | "current" | "deputy"
                    )
                })
        });
        if titled || listed || posted {
            mentions[i].kind = Kind::Per;
        }
    }
}

/// A "person" right after a noun for a kind of organisation ("media outlet X Y", "the NGO X
/// Y"), or alone on a dateline line before a place in brackets ("X Y (City)"), is an
/// organisation: a publisher, an outlet, a group.
fn outlets(words: &Words<'_>, mentions: &mut [Mention]) {
    let text = words.text;
    for m in mentions.iter_mut().filter(|m| m.kind == Kind::Per) {
        let kind_noun = words.before(m.span.start).is_some_and(|w| {
            let f = words.form(w).to_lowercase();
            KIND_NOUNS.contains(&f.as_str()) && text[w.span.end..m.span.start] == *" "
        });
        let line_start = text[..m.span.start].rfind('\n').map_or(0, |i| i + 1);
        let line_end = text[m.span.end..].find('\n').map_or(text.len(), |i| m.span.end + i);
        let rest = text[m.span.end..line_end].trim();
        let dateline = text[line_start..m.span.start].trim().is_empty()
            && rest.starts_with('(')
            && rest.ends_with(')')
            && rest.len() < 40;
        if kind_noun || dateline {
            m.kind = Kind::Org;
        }
    }
}
