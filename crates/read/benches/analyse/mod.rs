//! One pass of the syntax layer over a text, shared by the syntax bench and the CPU-time
//! example, so that both measure the same work.

/// Tags, lemmas and trees of every sentence of `text`, read as one document; returns how many words were nouns or
/// proper nouns, so that the work cannot be optimised away and a broken tagger shows.
pub fn analyse(analyzer: &read::syntax::Analyzer, text: &str) -> usize {
    let tokens = read::tokens::tokenize(text);
    let sentences: Vec<Vec<&str>> = read::tokens::sentences(text, &tokens)
        .into_iter()
        .map(|s| tokens[s.tokens].iter().map(|t| &text[t.span.clone()]).collect())
        .collect();
    // The text is one document, as `dossier read` sees it.
    let mut doc = read::syntax::Document::of(sentences.iter().map(Vec::as_slice));
    for words in &sentences {
        analyzer.prepare(words, &mut doc);
    }
    let mut nouns = 0;
    for words in &sentences {
        nouns += analyzer
            .analyse_in(words, &doc)
            .iter()
            .filter(|a| matches!(a.upos, read::syntax::Upos::Noun | read::syntax::Upos::Propn))
            .count();
    }
    nouns
}
