//! One pass of the syntax layer over a text, shared by the syntax bench and the CPU-time
//! example, so that both measure the same work.

/// Tags, lemmas and trees of every sentence of `text`, the sentences together as `read`
/// hands them over; returns how many words were nouns or proper nouns, so that the work
/// cannot be optimised away and a broken tagger shows.
pub fn analyse(analyzer: &read::syntax::Analyzer, text: &str) -> usize {
    let tokens = read::tokens::tokenize(text);
    let sentences: Vec<Vec<&str>> = read::tokens::sentences(text, &tokens)
        .into_iter()
        .map(|s| tokens[s.tokens].iter().map(|t| &text[t.span.clone()]).collect())
        .collect();
    let sentences: Vec<&[&str]> = sentences.iter().map(Vec::as_slice).collect();
    let analyses = analyzer.analyse_many(&sentences);
    let noun = |a: &&read::syntax::Analysis| {
        matches!(a.upos, read::syntax::Upos::Noun | read::syntax::Upos::Propn)
    };
    analyses.iter().map(|s| s.iter().filter(noun).count()).sum()
}
