//! One pass of the syntax layer over a text, shared by the syntax bench and the CPU-time
//! example, so that both measure the same work.

/// Tags, lemmas and trees of every sentence of `text`; returns how many words were nouns or
/// proper nouns, so that the work cannot be optimised away and a broken tagger shows.
pub fn analyse(analyzer: &read::syntax::Analyzer, text: &str) -> usize {
    let tokens = read::tokens::tokenize(text);
    let mut nouns = 0;
    for s in read::tokens::sentences(text, &tokens) {
        let words: Vec<&str> = tokens[s.tokens].iter().map(|t| &text[t.span.clone()]).collect();
        nouns += analyzer
            .analyse(&words)
            .iter()
            .filter(|a| matches!(a.upos, read::syntax::Upos::Noun | read::syntax::Upos::Propn))
            .count();
    }
    nouns
}
