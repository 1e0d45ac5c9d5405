//! A code with a digit in it ("ZK-9", "F-16", "A320") is a name, never a verb: where the tree
//! made it head a clause on the noun just before it, it becomes the head of that noun's
//! phrase, as the treebank writes "the penal colony ZK-9" (the noun a `compound` of the code).
//!
//! Why: a parser trained on web text, meeting "the penal colony ZK-9 'Grey Heron'", may tag
//! the code a verb and hang it on "colony" as a clause (`acl`) with the quoted name as its
//! object; every reader of the parse then cuts the body's name at the code. No English verb
//! form has a digit in it, so the repair is safe: the word is tagged a proper noun and takes
//! the noun's place in the tree (the noun's words before it with it), an object of it
//! becomes an apposition; a clause relation to anything else becomes `appos`.

use super::Upos;
use super::parse::Arc;

/// Retags and relabels each word with a digit that the parse made a verb heading a clause
/// (`arcs[i]` is word `i + 1`'s arc: heads from 1, 0 the root).
pub(super) fn unclause(words: &[&str], tags: &mut [Upos], arcs: &mut [Arc]) {
    let n = arcs.len().min(tags.len()).min(words.len());
    for w in 0..n {
        let code = words[w].chars().any(|c| c.is_ascii_digit())
            && words[w].chars().any(char::is_alphabetic);
        if !code || !matches!(tags[w], Upos::Verb | Upos::Aux) {
            continue;
        }
        tags[w] = Upos::Propn;
        if !arcs[w].deprel.starts_with("acl") {
            continue;
        }
        for arc in arcs.iter_mut().filter(|a| a.head == w + 1 && a.deprel == "obj") {
            arc.deprel = "appos".to_string();
        }
        // Heads are numbered from 1: the noun right before the code is word `w`.
        let noun = arcs[w].head;
        if noun == w && w > 0 && matches!(tags[w - 1], Upos::Noun | Upos::Propn) {
            arcs[w] = Arc { head: arcs[w - 1].head, deprel: arcs[w - 1].deprel.clone() };
            arcs[w - 1] = Arc { head: w + 1, deprel: "compound".to_string() };
            for arc in arcs[..w - 1].iter_mut().filter(|a| a.head == noun) {
                arc.head = w + 1;
            }
        } else {
            arcs[w].deprel = "appos".to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn arcs(tree: &[(usize, &str)]) -> Vec<Arc> {
        tree.iter().map(|&(head, rel)| Arc { head, deprel: rel.to_string() }).collect()
    }

    #[test]
    fn a_code_hung_as_a_clause_on_the_noun_before_it_heads_the_noun_phrase() {
        // "head of the northern colony ZK-9 "Grey Heron" ." as a parser made it: the code a
        // verb, a clause of "colony", the quoted name its object.
        let words =
            ["head", "of", "the", "northern", "colony", "ZK-9", "\"", "Grey", "Heron", "\"", "."];
        use Upos::*;
        let mut tags = vec![Noun, Adp, Det, Adj, Noun, Verb, Punct, Adj, Propn, Punct, Punct];
        let mut tree = arcs(&[
            (0, "root"),
            (5, "case"),
            (5, "det"),
            (5, "amod"),
            (1, "nmod"),
            (5, "acl"),
            (9, "punct"),
            (9, "amod"),
            (6, "obj"),
            (9, "punct"),
            (1, "punct"),
        ]);
        unclause(&words, &mut tags, &mut tree);
        assert_eq!(tags[5], Propn);
        let got: Vec<(usize, &str)> = tree.iter().map(|a| (a.head, a.deprel.as_str())).collect();
        assert_eq!(
            got,
            [
                (0, "root"),
                (6, "case"),
                (6, "det"),
                (6, "amod"),
                (6, "compound"),
                (1, "nmod"),
                (9, "punct"),
                (9, "amod"),
                (6, "appos"),
                (9, "punct"),
                (1, "punct"),
            ]
        );
    }

    #[test]
    fn words_without_digits_and_codes_that_are_not_verbs_are_left_alone() {
        use Upos::*;
        let words = ["officers", "running", "ZK-9", "units"];
        let mut tags = vec![Noun, Verb, Propn, Noun];
        let tree = arcs(&[(0, "root"), (1, "acl"), (4, "compound"), (2, "obj")]);
        let mut repaired = tree.clone();
        unclause(&words, &mut tags, &mut repaired);
        assert_eq!(repaired, tree);
        assert_eq!(tags, [Noun, Verb, Propn, Noun]);
        // A code made a clause of a word not just before it: an apposition, in place.
        let words = ["colony", "near", "X", "ZK-9"];
        let mut tags = vec![Noun, Adp, Propn, Verb];
        let mut tree = arcs(&[(0, "root"), (3, "case"), (1, "nmod"), (1, "acl")]);
        unclause(&words, &mut tags, &mut tree);
        assert_eq!((tree[3].head, tree[3].deprel.as_str(), tags[3]), (1, "appos", Propn));
    }
}
