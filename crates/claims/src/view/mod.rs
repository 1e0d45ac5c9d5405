//! A document as the rules see it: mentions (entities, roles, ranks, nationalities, time
//! expressions, pronouns, descriptions) merged without overlap, and each sentence as its
//! tokens joined by single spaces with every mention replaced by a placeholder `⟦KIND:n⟧`.
//!
//! The tokens are those the read stage stored ([`model::Word`]), never a second
//! tokenization, and each sentence keeps its words' part of speech, lemma, head and
//! relation for rules over the parse.

use std::ops::Range;

use model::{Annotation, Layer, Word};

mod additions;
mod describe;
pub(crate) use additions::{is_epithet, year_old};
mod repair;
pub use repair::is_body_word;

/// Whether a lowercase noun heads a phrase that names a body ("agency", "institute",
/// "squad"): the lexicon's body nouns.
pub fn is_body_noun(word: &str) -> bool {
    crate::frames::is_body_noun(word)
}
pub(crate) use repair::quoted_nickname;
#[cfg(test)]
mod repair_tests;

/// A token as the view needs it: its place in the text (the read stage's words).
type Token = Word;

/// What a mention is; the names are the placeholders' kinds.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash, PartialOrd, Ord)]
pub enum Kind {
    /// A person's name.
    Per,
    /// An organisation's name.
    Org,
    /// A place's name.
    Loc,
    /// Another name (events, groups, adjectives the tagger did not see as nationalities).
    Misc,
    /// A role or post ("deputy head").
    Role,
    /// A rank ("Major General").
    Rank,
    /// A nationality adjective ("Syrian"); its value is the country.
    Nat,
    /// A temporal expression; its value is the TimeML value.
    Time,
    /// A personal pronoun (he, his, him, she, her).
    Pro,
    /// A description of a person: "his Egyptian counterpart", "the intelligence chief".
    Desc,
}

impl Kind {
    /// The placeholder name.
    pub fn as_str(&self) -> &'static str {
        match self {
            Kind::Per => "PER",
            Kind::Org => "ORG",
            Kind::Loc => "LOC",
            Kind::Misc => "MISC",
            Kind::Role => "ROLE",
            Kind::Rank => "RANK",
            Kind::Nat => "NAT",
            Kind::Time => "TIME",
            Kind::Pro => "PRO",
            Kind::Desc => "DESC",
        }
    }
}

/// One mention in the document.
#[derive(Clone, Debug)]
pub struct Mention {
    /// What it is.
    pub kind: Kind,
    /// Byte range in the text.
    pub span: Range<usize>,
    /// The normalised value: the country of a nationality, the TimeML value of a time
    /// expression, the role's head noun, the rank's full form.
    pub value: Option<String>,
    /// For descriptions: the mentions inside (nationality, organisation, role).
    pub parts: Vec<usize>,
    /// Index of the sentence it sits in.
    pub sentence: usize,
    /// Whether it is part of a description and so not a placeholder of its own.
    pub hidden: bool,
}

/// One sentence as the rules see it.
#[derive(Clone, Debug)]
pub struct SentenceView {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// Paragraph number (sentences of one paragraph share it).
    pub paragraph: usize,
    /// Tokens and placeholders joined by single spaces.
    pub view: String,
    /// Mentions in this sentence, in order.
    pub mentions: Vec<usize>,
    /// Whether it is a heading.
    pub heading: bool,
    /// Its words: a range of [`DocumentView::words`]. A word's `head` counts from the first
    /// of them (1), 0 being the root.
    pub words: Range<usize>,
    /// Where a wire dateline that opens it ends ("CAIRO, Jan 12 (Agency) - "), as a byte
    /// offset in the text; its start when it has none. What lies before is no source and no
    /// argument of the sentence.
    pub dateline_end: usize,
}

/// A document's mentions and sentence views.
#[derive(Clone, Debug, Default)]
pub struct DocumentView {
    /// All mentions, in text order.
    pub mentions: Vec<Mention>,
    /// All sentences, in text order.
    pub sentences: Vec<SentenceView>,
    /// Every token of the text, in order, with its part of speech, lemma, head and relation.
    pub words: Vec<Word>,
}

const PRONOUNS: &[&str] = &["he", "him", "his", "she", "her", "hers", "himself", "herself"];
/// Words after a person's name that make it a group ("the Orvan regime", "Smith family").
const COLLECTIVE: &[&str] = &[
    "regime",
    "government",
    "administration",
    "family",
    "clan",
    "forces",
    "loyalists",
    "camp",
    "era",
    "foundation",
];
/// Words that introduce a description of a person.
const DETERMINERS: &[&str] = &["the", "his", "her", "their", "a", "an", "its"];

fn priority(kind: Kind) -> u8 {
    match kind {
        Kind::Nat => 6,
        Kind::Role => 5,
        Kind::Rank => 4,
        Kind::Per | Kind::Org | Kind::Loc => 3,
        Kind::Misc => 2,
        Kind::Time => 1,
        Kind::Pro | Kind::Desc => 0,
    }
}

impl DocumentView {
    /// Builds the view of `text` from the read stage's annotations and words.
    pub fn build(text: &str, annotations: &[Annotation], words: &[Word]) -> DocumentView {
        let tokens = words;
        let mut raw: Vec<Mention> = Vec::new();
        let mut sentence_spans = Vec::new();
        for a in annotations {
            let kind = match a.layer {
                Layer::Sentence => {
                    sentence_spans.push((a.span.clone(), a.label == "heading"));
                    continue;
                }
                Layer::Entity => match a.label.as_str() {
                    "PER" => Kind::Per,
                    "ORG" => Kind::Org,
                    "LOC" => Kind::Loc,
                    _ => Kind::Misc,
                },
                Layer::Role => Kind::Role,
                Layer::Rank => Kind::Rank,
                Layer::Nationality => Kind::Nat,
                Layer::Timex => {
                    // "recently", "now": no place on the calendar, so plain words to the rules.
                    let anchored = a.value.as_deref().is_some_and(|v| !v.ends_with("_REF"));
                    if (a.label != "DATE" && a.label != "TIME") || !anchored {
                        continue;
                    }
                    Kind::Time
                }
            };
            raw.push(Mention {
                kind,
                span: a.span.clone(),
                value: a.value.clone(),
                parts: vec![],
                sentence: 0,
                hidden: false,
            });
        }
        repair::companies_read_as_people(text, &mut raw);
        trim_entities(text, &mut raw);
        trim_trailing_roles(text, &mut raw);
        let known_words = repair::Words::new(text, words);
        repair::before_merge(&known_words, &mut raw);
        let mut mentions = merge(raw);
        repair::after_merge(&known_words, &mut mentions);
        // Tokens and mentions both in text order: one sweep finds the mentions a token could
        // overlap (a scan of all mentions per pronoun would be quadratic on a long text).
        let covered = SpanSet::new(mentions.iter().map(|m| m.span.clone()));
        for t in tokens {
            let w = &text[t.span.clone()];
            if PRONOUNS.iter().any(|p| p.eq_ignore_ascii_case(w)) && !covered.overlaps(&t.span) {
                mentions.push(Mention {
                    kind: Kind::Pro,
                    span: t.span.clone(),
                    value: Some(w.to_lowercase()),
                    parts: vec![],
                    sentence: 0,
                    hidden: false,
                });
            }
        }
        additions::bare_years(text, tokens, &covered, &mut mentions);
        additions::epithet_descriptions(text, tokens, &covered, &mut mentions);
        mentions.sort_by_key(|m| (m.span.start, m.span.end));
        if additions::lowercase_ranks(text, tokens, &mut mentions) {
            mentions.sort_by_key(|m| (m.span.start, m.span.end));
        }
        extend_names_left(text, tokens, &mut mentions);
        known_surnames(text, &mut mentions);
        regroup_collectives(text, tokens, &mut mentions);
        let mut mentions = describe::describe(text, tokens, &known_words, mentions);
        sentence_spans.sort_by_key(|(s, _)| s.start);
        let mut sentences = Vec::new();
        let mut paragraph = 0;
        let mut last_end = 0;
        let mut m = 0;
        for (span, heading) in sentence_spans {
            if text[last_end.min(span.start)..span.start].contains("\n\n") {
                paragraph += 1;
            }
            last_end = span.end;
            let index = sentences.len();
            while m < mentions.len() && mentions[m].span.start < span.start {
                m += 1;
            }
            let mut inside = Vec::new();
            let mut k = m;
            while k < mentions.len() && mentions[k].span.start < span.end {
                mentions[k].sentence = index;
                if !mentions[k].hidden {
                    inside.push(k);
                }
                k += 1;
            }
            let view = render(text, tokens, &span, &inside, &mentions);
            let words = tokens.partition_point(|t| t.span.start < span.start)
                ..tokens.partition_point(|t| t.span.start < span.end);
            let dateline_end = span.start + crate::dateline::dateline_end(&text[span.clone()]);
            sentences.push(SentenceView {
                dateline_end,
                span,
                paragraph,
                view,
                mentions: inside,
                heading,
                words,
            });
        }
        // Lemmas in lower case once here: the frames compare them with lexicons many times
        // a word ("Met" at a sentence's start is "meet" like any other).
        let words =
            words.iter().map(|w| Word { lemma: view_lemma(text, w), ..w.clone() }).collect();
        DocumentView { mentions, sentences, words }
    }

    /// The text of a mention.
    pub fn text<'t>(&self, text: &'t str, mention: usize) -> &'t str {
        &text[self.mentions[mention].span.clone()]
    }
}

/// The tagger sometimes leaves a first name out of a person ("Hernán [Vallejo Brito]"),
/// mostly names it has not seen. A capitalised word right before a person, in no other
/// mention, not a title, and never written in lower case in the document, is taken in.
fn extend_names_left(text: &str, tokens: &[Token], mentions: &mut [Mention]) {
    let lower_words: std::collections::HashSet<&str> = tokens
        .iter()
        .map(|t| &text[t.span.clone()])
        .filter(|w| w.chars().next().is_some_and(char::is_lowercase))
        .collect();
    let covered = SpanSet::new(mentions.iter().map(|m| m.span.clone()));
    let titles = SpanSet::new(
        mentions
            .iter()
            .filter(|m| matches!(m.kind, Kind::Role | Kind::Rank))
            .map(|m| m.span.clone()),
    );
    // Tokens are in text order: the last one ending before `at`, by binary search.
    let token_before =
        |at: usize| tokens.partition_point(|t| t.span.end <= at).checked_sub(1).map(|i| &tokens[i]);
    for m in mentions.iter_mut().filter(|m| m.kind == Kind::Per) {
        while let Some(prev) = token_before(m.span.start) {
            let word = &text[prev.span.clone()];
            let proper = word.chars().count() >= 2
                && word.chars().next().is_some_and(char::is_uppercase)
                && word.chars().all(char::is_alphabetic)
                && !lower_words.contains(word.to_lowercase().as_str())
                && !repair::OPENERS.contains(&word.to_lowercase().as_str())
                && !read::lexicon::is_name_title(word)
                && !crate::frames::is_title_word(word)
                && !repair::is_body_word(word)
                && !covered.overlaps(&prev.span)
                // "When X was sworn in": a sentence opener, never a first name.
                && !repair::CLOSED_CLASSES.contains(&prev.upos.as_str());
            // "... for Norvania Engagement Piet Oranje": a capitalised word after another
            // capitalised word is more likely the end of a title than a first name.
            let before = token_before(prev.span.start);
            // "King A B C D", "Deputy Prosecutor A B C": right after a title (or one more
            // capitalised word after it), a capitalised word opens the name.
            let after_title = before.is_some_and(|b| {
                titles.overlaps(&b.span)
                    || !covered.overlaps(&b.span)
                        && token_before(b.span.start).is_some_and(|t| titles.overlaps(&t.span))
            });
            let after_capital = !after_title
                && before.is_some_and(|b| {
                    let w = &text[b.span.clone()];
                    text[b.span.end..prev.span.start].trim().is_empty()
                        && w.chars().next().is_some_and(char::is_uppercase)
                        && !read::lexicon::is_name_title(w)
                });
            // "Echoing X Y's denials": a participle opening the sentence.
            let opener = token_before(prev.span.start).is_none_or(|b| b.sentence != prev.sentence)
                && repair::opening_participle(text, word, &text[m.span.clone()]);
            if !proper || after_capital || opener || &text[prev.span.end..m.span.start] != " " {
                break;
            }
            m.span.start = prev.span.start;
        }
    }
}

fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// Spans sorted by start with the furthest end reached so far, to ask "does any span overlap
/// this one?" in logarithmic time: a scan of every span per question would make building the
/// view quadratic on a long text.
struct SpanSet {
    starts: Vec<usize>,
    reach: Vec<usize>,
}

impl SpanSet {
    fn new(spans: impl IntoIterator<Item = Range<usize>>) -> SpanSet {
        let mut spans: Vec<Range<usize>> = spans.into_iter().filter(|s| !s.is_empty()).collect();
        spans.sort_by_key(|s| s.start);
        let mut furthest = 0;
        let reach = spans
            .iter()
            .map(|s| {
                furthest = furthest.max(s.end);
                furthest
            })
            .collect();
        SpanSet { starts: spans.iter().map(|s| s.start).collect(), reach }
    }

    fn overlaps(&self, span: &Range<usize>) -> bool {
        let before_end = self.starts.partition_point(|&s| s < span.end);
        before_end > 0 && self.reach[before_end - 1] > span.start
    }
}

/// Entities sometimes swallow a rank, role or nationality before them ("Major General X",
/// "Head of Y"): the entity keeps only what follows, less "of" and "the".
fn trim_entities(text: &str, raw: &mut [Mention]) {
    // Lexical mentions by their start: a lookup, not a scan of all of them per entity.
    let mut lexical: std::collections::HashMap<usize, Vec<Range<usize>>> = Default::default();
    for m in raw.iter().filter(|m| matches!(m.kind, Kind::Rank | Kind::Role | Kind::Nat)) {
        lexical.entry(m.span.start).or_default().push(m.span.clone());
    }
    for m in raw.iter_mut() {
        if !matches!(m.kind, Kind::Per | Kind::Org | Kind::Loc | Kind::Misc) {
            continue;
        }
        while let Some(l) = {
            let starting_here = lexical.get(&m.span.start).map_or(&[][..], Vec::as_slice);
            starting_here
                .iter()
                .find(|l| l.end < m.span.end && m.kind != Kind::Org)
                .or_else(|| {
                    // An organisation keeps its nationality ("Russian Security Council") but
                    // not a leading role ("Head of Air Intelligence Branch").
                    starting_here.iter().find(|l| {
                        l.start == m.span.start
                            && l.end < m.span.end
                            && text[l.end..m.span.end]
                                .trim_start()
                                .to_lowercase()
                                .starts_with("of ")
                    })
                })
                .cloned()
        } {
            let mut start = l.end;
            let rest = &text[start..m.span.end];
            let trimmed = rest.trim_start();
            start += rest.len() - trimmed.len();
            for w in ["of ", "the ", "of the "] {
                if text[start..m.span.end].to_lowercase().starts_with(w) {
                    start += w.len();
                }
            }
            if start >= m.span.end {
                break;
            }
            m.span.start = start;
        }
    }
}

/// An organisation name sometimes swallows a title after it ("US Special Representative"):
/// the name keeps what comes before the title.
fn trim_trailing_roles(text: &str, raw: &mut [Mention]) {
    // Roles by their end: a lookup, not a scan of all roles per organisation.
    let mut roles: std::collections::HashMap<usize, Vec<Range<usize>>> = Default::default();
    for m in raw.iter().filter(|m| m.kind == Kind::Role) {
        roles.entry(m.span.end).or_default().push(m.span.clone());
    }
    for m in raw.iter_mut().filter(|m| matches!(m.kind, Kind::Org | Kind::Misc)) {
        let ending_here = roles.get(&m.span.end).map_or(&[][..], Vec::as_slice);
        if let Some(r) = ending_here.iter().find(|r| r.start > m.span.start) {
            let end = m.span.start + text[m.span.start..r.start].trim_end().len();
            if end > m.span.start {
                m.span.end = end;
            }
        }
    }
}

/// Keeps the longest of overlapping mentions; of equal ones, lexicon mentions over entities
/// over time expressions.
fn merge(mut raw: Vec<Mention>) -> Vec<Mention> {
    raw.sort_by_key(|m| {
        (std::cmp::Reverse(m.span.end - m.span.start), std::cmp::Reverse(priority(m.kind)))
    });
    // Kept spans never overlap each other, so the one starting last before a mention's end
    // is the only one that can overlap it: an ordered map, not a scan of all kept ones.
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut kept: Vec<Mention> = Vec::new();
    for m in raw {
        let clash = if m.span.is_empty() {
            kept.iter().any(|k| overlaps(&k.span, &m.span))
        } else {
            taken.range(..m.span.end).next_back().is_some_and(|(_, &end)| end > m.span.start)
        };
        if !clash {
            if !m.span.is_empty() {
                taken.insert(m.span.start, m.span.end);
            }
            kept.push(m);
        }
    }
    kept.sort_by_key(|m| (m.span.start, m.span.end));
    kept
}

fn next_word<'t>(text: &'t str, tokens: &[Token], after: usize) -> Option<&'t str> {
    tokens.get(tokens.partition_point(|t| t.span.start < after)).map(|t| &text[t.span.clone()])
}

/// The tagger sometimes calls a lone surname a place or organisation ("appointed by Orvan");
/// where the document names a person with that surname in full, it is that person.
fn known_surnames(text: &str, mentions: &mut [Mention]) {
    let surname =
        |t: &str| crate::coref::name_key(t).last().cloned().filter(|_| !t.trim().is_empty());
    let known: std::collections::HashSet<String> = mentions
        .iter()
        .filter(|m| m.kind == Kind::Per && text[m.span.clone()].split_whitespace().count() > 1)
        .filter_map(|m| surname(&text[m.span.clone()]))
        .collect();
    for m in mentions.iter_mut() {
        let t = &text[m.span.clone()];
        if matches!(m.kind, Kind::Loc | Kind::Org | Kind::Misc)
            && t.split_whitespace().count() == 1
            && surname(t).is_some_and(|s| known.contains(&s))
        {
            m.kind = Kind::Per;
        }
    }
}

/// A person's name followed by "regime", "family", ... names a group, not the person.
fn regroup_collectives(text: &str, tokens: &[Token], mentions: &mut [Mention]) {
    for m in mentions.iter_mut().filter(|m| m.kind == Kind::Per) {
        if let Some(w) = next_word(text, tokens, m.span.end) {
            if w == "'s" || w == "’s" {
                continue;
            }
            if COLLECTIVE.iter().any(|c| c.eq_ignore_ascii_case(w)) {
                m.kind = Kind::Org;
            }
        }
    }
}

/// The sentence as tokens joined by single spaces, mentions as placeholders.
fn render(
    text: &str,
    tokens: &[Token],
    span: &Range<usize>,
    inside: &[usize],
    mentions: &[Mention],
) -> String {
    let mut out = String::with_capacity(span.len() + 16);
    let mut k = 0;
    let visible = inside;
    let first = tokens.partition_point(|t| t.span.start < span.start);
    let mut skip_until = 0;
    for t in tokens[first..].iter().take_while(|t| t.span.start < span.end) {
        if t.span.start < skip_until {
            continue;
        }
        while k < visible.len() && mentions[visible[k]].span.end <= t.span.start {
            k += 1;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        if let Some(&mi) = visible.get(k) {
            let m = &mentions[mi];
            if m.span.start < t.span.end {
                out.push_str(&format!("⟦{}:{}⟧", m.kind.as_str(), mi));
                skip_until = m.span.end;
                k += 1;
                continue;
            }
        }
        for c in text[t.span.clone()].chars() {
            out.push(match c {
                '’' | '‘' | 'ʼ' => '\'',
                '“' | '”' | '«' | '»' => '"',
                '⟦' => '[',
                '⟧' => ']',
                '–' | '—' => '-',
                c => c,
            });
        }
    }
    out
}

/// A word's lemma as the frames compare it: in lower case, and an abbreviation in capitals
/// with a plural "s" ("MPs", "MEPs") read as its singular ("mp"), which the lemmatizer
/// leaves whole as a proper noun.
fn view_lemma(text: &str, w: &Word) -> String {
    let form = text.get(w.span.clone()).unwrap_or("");
    match form.strip_suffix('s') {
        Some(singular)
            if singular.len() >= 2 && singular.bytes().all(|c| c.is_ascii_uppercase()) =>
        {
            singular.to_lowercase()
        }
        _ => w.lemma.to_lowercase(),
    }
}
