//! Unlabelled text for a taught network (sessions 45 and 46): sentences read from news
//! text, parsed by an [`Ensemble`] of networks and written as CoNLL-U, so that a network
//! can then learn from those parses and the ensemble's probabilities beside the treebank
//! (`dossier train silver`, then `dossier train parse --bilstm --silver`). Pure functions
//! over text: the caller reads the files.
//!
//! Two sources are read: CoNLL-2003 files (their words, as `ner::read_conll` reads them)
//! and TimeML files (the text inside `<TEXT>`, split here into sentences and into words as
//! the treebank writes them). Only running text is kept ([`is_running_text`]): headlines
//! and tables parse unlike the treebank's sentences.

use super::{Ensemble, Example, Parse, upos_name};
use crate::syntax::{Analyzer, Upos};
use rayon::prelude::*;
use std::sync::LazyLock;

/// The sentences of a TimeML file's text (the plain text inside `<TEXT>`, as
/// `eval::timeml::Document` reads it): a paragraph's lines joined, sentences split after
/// ".", "!" or "?" where a capital (or a quote or bracket and a capital) follows, and
/// words split from punctuation and from "n't", "'s", "'re", "'ve", "'ll", "'d" and "'m",
/// as the treebank writes them.
pub fn timeml_sentences(text: &str) -> Vec<Vec<String>> {
    static PARAGRAPH: LazyLock<regex::Regex> =
        LazyLock::new(|| regex::Regex::new(r"\n\s*\n").expect("a valid pattern"));
    let mut sentences = Vec::new();
    for paragraph in PARAGRAPH.split(text) {
        let paragraph = paragraph.split_whitespace().collect::<Vec<_>>().join(" ");
        for sentence in sentence_spans(&paragraph) {
            let words = treebank_words(sentence);
            if !words.is_empty() {
                sentences.push(words);
            }
        }
    }
    sentences
}

/// Whether a sentence reads as running text: three words or more, and fewer capitals than
/// small letters (not a headline or a table's row).
pub fn is_running_text<S: AsRef<str>>(words: &[S]) -> bool {
    let chars = || words.iter().flat_map(|w| w.as_ref().chars());
    let upper = chars().filter(|c| c.is_uppercase()).count();
    let lower = chars().filter(|c| c.is_lowercase()).count();
    words.len() >= 3 && upper < lower
}

/// `sentences` parsed by `ensemble`, as CoNLL-U: each word's lemma from `analyzer`, its
/// part of speech, head and relation from the ensemble (whose networks read `analyzer`'s
/// parts of speech where they read any). The same text on one thread or many.
pub fn silver_conllu<S: AsRef<str> + Sync>(
    ensemble: &Ensemble,
    analyzer: &Analyzer,
    sentences: &[Vec<S>],
) -> String {
    let parsed: Vec<(Vec<String>, Parse)> = sentences
        .par_chunks(Ensemble::BATCH)
        .flat_map_iter(|chunk| {
            let forms: Vec<Vec<&str>> =
                chunk.iter().map(|s| s.iter().map(AsRef::as_ref).collect()).collect();
            let analyses: Vec<_> = forms.iter().map(|f| analyzer.analyse(f)).collect();
            let examples: Vec<Example> = forms
                .iter()
                .zip(&analyses)
                .map(|(f, a)| {
                    let tags: Vec<Upos> = a.iter().map(|a| a.upos).collect();
                    Example::unlabelled(f, &tags)
                })
                .collect();
            let lemmas: Vec<Vec<String>> =
                analyses.into_iter().map(|a| a.into_iter().map(|a| a.lemma).collect()).collect();
            lemmas.into_iter().zip(ensemble.parse_batch(&examples)).collect::<Vec<_>>()
        })
        .collect();
    let mut out = String::new();
    for (words, (lemmas, (heads, relations, tags))) in sentences.iter().zip(parsed) {
        for (k, word) in words.iter().enumerate() {
            out.push_str(&format!(
                "{}\t{}\t{}\t{}\t_\t_\t{}\t{}\t_\t_\n",
                k + 1,
                word.as_ref(),
                lemmas[k],
                upos_name(tags[k]),
                heads[k],
                ensemble.labels()[relations[k]]
            ));
        }
        out.push('\n');
    }
    out
}

/// `paragraph` cut after ".", "!" or "?" and the spaces after it, where a capital comes
/// next (or a quote or opening bracket, then a capital).
fn sentence_spans(paragraph: &str) -> Vec<&str> {
    let chars: Vec<(usize, char)> = paragraph.char_indices().collect();
    let mut spans = Vec::new();
    let mut from = 0;
    for (k, &(at, c)) in chars.iter().enumerate() {
        if !matches!(c, '.' | '!' | '?')
            || !chars.get(k + 1).is_some_and(|(_, c)| c.is_whitespace())
        {
            continue;
        }
        let Some(next) =
            chars[k + 1..].iter().position(|(_, c)| !c.is_whitespace()).map(|p| k + 1 + p)
        else {
            continue;
        };
        let capital = |i: usize| chars.get(i).is_some_and(|(_, c)| c.is_ascii_uppercase());
        let opens = matches!(chars[next].1, '"' | '(');
        if capital(next) || (opens && capital(next + 1)) {
            spans.push(&paragraph[from..at + c.len_utf8()]);
            from = chars[next].0;
        }
    }
    spans.push(&paragraph[from..]);
    spans
}

/// A sentence's words, split as the treebank splits them (see [`timeml_sentences`]).
fn treebank_words(sentence: &str) -> Vec<String> {
    // (pattern, replacement), applied in turn; compiled once.
    static SPLITS: LazyLock<Vec<(regex::Regex, &str)>> = LazyLock::new(|| {
        [
            (r#"([,;:?!()\[\]{}"])"#, " $1 "),
            (r"(\w)(n't)\b", "$1 $2"),
            (r"(?i)(\w)('s|'re|'ve|'ll|'d|'m)\b", "$1 $2"),
            (r"\.\s*$", " ."),
            (r"(\S)(\.\.\.)", "$1 $2"),
        ]
        .into_iter()
        .map(|(pattern, to)| (regex::Regex::new(pattern).expect("a valid pattern"), to))
        .collect()
    });
    let mut s = sentence.replace("``", "\"").replace("''", "\"");
    for (pattern, to) in SPLITS.iter() {
        s = pattern.replace_all(&s, *to).into_owned();
    }
    s.split_whitespace().map(str::to_string).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn timeml_text_splits_into_treebank_sentences() {
        let text = "The minister didn't resign, officials said.\nHe & his deputy stayed.\n\n\
                    \"Nothing changed.\" (wire)";
        assert_eq!(
            timeml_sentences(text),
            vec![
                vec!["The", "minister", "did", "n't", "resign", ",", "officials", "said", "."],
                vec!["He", "&", "his", "deputy", "stayed", "."],
                // No split after the full stop that a quote follows (the recipe's reader).
                vec!["\"", "Nothing", "changed.", "\"", "(", "wire", ")"],
            ]
        );
        assert!(timeml_sentences(" \n ").is_empty());
    }

    #[test]
    fn running_text_has_more_small_letters_than_capitals() {
        assert!(is_running_text(&["The", "board", "met", "."]));
        assert!(!is_running_text(&["SOCCER", "-", "RESULTS"]));
        assert!(!is_running_text(&["Two", "words"]));
    }

    proptest! {
        #[test]
        fn the_reader_is_total_over_any_text(text in "\\PC*") {
            for sentence in timeml_sentences(&text) {
                prop_assert!(sentence.iter().all(|w| !w.is_empty() && !w.contains(char::is_whitespace)));
            }
        }
    }
}
