//! Turns a document's text into annotations that later stages build on.
//!
//! # Brief overview
//!
//! - [`tokens`]: [`tokens::tokenize`] and [`tokens::sentences`], with byte offsets.
//! - [`ner`]: the named-entity tagger ([`ner::Tagger`], [`ner::entities`]) and its training.
//! - [`syntax`]: part-of-speech tags, lemmas and dependencies ([`syntax::Analyzer`]) and their
//!   training; [`read_document`] runs it over every sentence of the tokens above and gives
//!   each token as a [`model::Word`].
//! - [`lexicon`]: ranks, roles and nationality adjectives ([`lexicon::mentions`]).
//! - [`time`]: temporal expressions (TIMEX3), found by declarative rules and normalised
//!   against the publication date; [`time::tag`] is the entry point, [`time::Timex`] the result
//!   and [`time::Interval`] what dates become for comparison.
//!
//! Coreference comes with issue #5.
//! The stage does no IO beyond its compiled-in rules and never fails on messy text: odd input
//! yields fewer annotations and a diagnostic.
#![warn(missing_docs)]

pub mod lexicon;
pub mod ner;
mod perceptron;
pub mod syntax;
pub mod time;
pub mod tokens;

#[cfg(test)]
mod tests;

use model::{Annotation, Deadline, Layer, Overrun, PartialDate};

/// Version of the rules and conventions of this crate outside the model; bumped when a change
/// alters what is read, so that documents are read again.
const RULES_VERSION: &str = "read/30";

/// Names the reader (rules version, entity model and syntax model) for provenance: a document
/// read by another reader is read again.
pub fn reader_id() -> String {
    reader_id_with(&syntax::builtin_id())
}

/// The reader id with another syntax model than the built-in one (its id from
/// [`syntax::from_file_bytes`]).
pub fn reader_id_with(syntax_id: &str) -> String {
    format!("{RULES_VERSION}+{}+{syntax_id}", ner::builtin_id())
}

/// Everything the read stage found in one document.
#[derive(Clone, Debug, Default)]
pub struct Reading {
    /// Sentences (and headings) found.
    pub sentences: usize,
    /// Tokens found.
    pub tokens: usize,
    /// Every token, in text order, with its sentence, part of speech, lemma, head and relation.
    pub words: Vec<model::Word>,
    /// Sentences, entities, ranks, roles, nationalities and time expressions, by span.
    pub annotations: Vec<Annotation>,
    /// Anything odd that was noticed.
    pub diagnostics: Vec<model::Diagnostic>,
}

/// Reads one document's text: sentences, tokens with their syntax, named entities, ranks,
/// roles, nationalities, and time expressions anchored on the publication date when it is
/// known to the day.
pub fn read_document(
    tagger: &ner::Tagger,
    analyzer: &syntax::Analyzer,
    text: &str,
    published: Option<PartialDate>,
) -> Reading {
    match read_document_within(tagger, analyzer, text, published, Deadline::none()) {
        Ok(reading) => reading,
        Err(Overrun) => unreachable!("no deadline, no overrun"),
    }
}

/// [`read_document`] that stops with [`Overrun`] once `deadline` passes: it looks between
/// steps, between sentences of the syntax layer and between the time rules, each of which is
/// linear in the text.
pub fn read_document_within(
    tagger: &ner::Tagger,
    analyzer: &syntax::Analyzer,
    text: &str,
    published: Option<PartialDate>,
    deadline: Deadline,
) -> Result<Reading, Overrun> {
    let tokens = tokens::tokenize(text);
    deadline.check()?;
    let sentences = tokens::sentences(text, &tokens);
    let mut annotations = Vec::new();
    for s in &sentences {
        let label = if s.heading { "heading" } else { "sentence" };
        annotations.push(Annotation {
            layer: Layer::Sentence,
            span: s.span.clone(),
            label: label.into(),
            value: None,
        });
    }
    deadline.check()?;
    // A publication date known only to the month or year is no anchor for "on Monday".
    let dct = published.and_then(|p| {
        jiff::civil::Date::new(p.get_year() as i16, p.get_month()? as i8, p.get_day()? as i8).ok()
    });
    // The entity tagger, the syntax layer and the rule-based layers are independent given the
    // tokens: one long document uses three cores instead of one.
    let ((entities, words), rest) = rayon::join(
        || {
            rayon::join(
                || ner::entities_in(tagger, text, &tokens, &sentences),
                || analyse(analyzer, text, &tokens, &sentences, deadline),
            )
        },
        || -> Result<_, Overrun> {
            let mentions = lexicon::mentions(text);
            deadline.check()?;
            Ok((mentions, time::tag_within(text, dct, deadline)?))
        },
    );
    let words = words?;
    let (mentions, (timexes, diagnostics)) = rest?;
    deadline.check()?;
    for e in entities {
        annotations.push(Annotation {
            layer: Layer::Entity,
            span: e.span,
            label: e.kind.as_str().into(),
            value: None,
        });
    }
    for m in mentions {
        let (layer, label) = match m.kind {
            lexicon::MentionKind::Rank => (Layer::Rank, "rank".to_string()),
            lexicon::MentionKind::Role => {
                let mut label = m.modifiers.join(" ");
                if let Some(p) = &m.portfolio {
                    label = format!("{label} {p}").trim().to_string();
                }
                (Layer::Role, if label.is_empty() { "role".to_string() } else { label })
            }
            lexicon::MentionKind::Nationality => (Layer::Nationality, "nationality".to_string()),
        };
        annotations.push(Annotation { layer, span: m.span, label, value: Some(m.value) });
    }
    for t in timexes {
        let value = match &t.end {
            Some(end) => format!("{}/{end}", t.value),
            None => t.value,
        };
        annotations.push(Annotation {
            layer: Layer::Timex,
            span: t.span,
            label: t.kind.as_str().into(),
            value: Some(value),
        });
    }
    annotations.sort_by_key(|a| (a.span.start, a.span.end));
    Ok(Reading {
        sentences: sentences.len(),
        tokens: tokens.len(),
        words,
        annotations,
        diagnostics,
    })
}

/// Sentences the syntax layer takes at once: enough that the BiLSTM parser reads its weights
/// once for many words, few enough that its working memory stays a few megabytes.
const SYNTAX_BATCH: usize = 32;

/// Runs the syntax layer over each sentence of the project's own tokens, so that every later
/// stage sees one tokenisation: a hyphenated name stays one word to the parser too. Sentences
/// are at most [`tokens::MAX_SENTENCE_TOKENS`] long and go to the analyzer
/// [`SYNTAX_BATCH`] at a time (the BiLSTM parser takes them together), so the deadline is
/// looked at often and memory stays bounded.
fn analyse(
    analyzer: &syntax::Analyzer,
    text: &str,
    tokens: &[tokens::Token],
    sentences: &[tokens::Sentence],
    deadline: Deadline,
) -> Result<Vec<model::Word>, Overrun> {
    let mut words = Vec::with_capacity(tokens.len());
    for (batch, group) in sentences.chunks(SYNTAX_BATCH).enumerate() {
        deadline.check()?;
        let forms: Vec<Vec<&str>> = group
            .iter()
            .map(|s| tokens[s.tokens.clone()].iter().map(|t| &text[t.span.clone()]).collect())
            .collect();
        let forms: Vec<&[&str]> = forms.iter().map(Vec::as_slice).collect();
        for (k, (s, analyses)) in group.iter().zip(analyzer.analyse_many(&forms)).enumerate() {
            for (t, a) in tokens[s.tokens.clone()].iter().zip(analyses) {
                words.push(model::Word {
                    span: t.span.clone(),
                    sentence: batch * SYNTAX_BATCH + k,
                    upos: a.upos.as_str().to_string(),
                    lemma: a.lemma,
                    head: a.head,
                    deprel: a.deprel,
                });
            }
        }
    }
    Ok(words)
}
