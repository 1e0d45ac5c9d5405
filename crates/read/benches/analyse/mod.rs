//! One pass of the syntax layer over a text, shared by the syntax bench and the CPU-time
//! example, so that both measure the same work.

/// Tags, lemmas and trees of every sentence of `text`, 32 sentences at a time as `read`
/// hands them over; returns how many words were nouns or proper nouns, so that the work
/// cannot be optimised away and a broken tagger shows.
pub fn analyse(analyzer: &read::syntax::Analyzer, text: &str) -> usize {
    let tokens = read::tokens::tokenize(text);
    let sentences: Vec<Vec<&str>> = read::tokens::sentences(text, &tokens)
        .into_iter()
        .map(|s| tokens[s.tokens].iter().map(|t| &text[t.span.clone()]).collect())
        .collect();
    let mut nouns = 0;
    for group in sentences.chunks(32) {
        let group: Vec<&[&str]> = group.iter().map(Vec::as_slice).collect();
        for analyses in analyzer.analyse_many(&group) {
            nouns += analyses
                .iter()
                .filter(|a| matches!(a.upos, read::syntax::Upos::Noun | read::syntax::Upos::Propn))
                .count();
        }
    }
    nouns
}
