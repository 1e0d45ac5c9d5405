//! A code with a digit in it ("ZK-9", "F-16", "A320") is a name, never a verb: where the tree
//! made it a verb or a clause (`acl`) on the noun just before it, it becomes the head of that
//! noun's phrase, as the treebank writes "the penal colony ZK-9" (the noun a `compound` of the
//! code).
//!
//! Why: a parser trained on web text, meeting "the penal colony ZK-9 'Grey Heron'", may tag
//! the code a verb and hang it on "colony" as a clause (`acl`) with the quoted name as its
//! object; every reader of the parse then cuts the body's name at the code. No English verb
//! form has a digit in it, so the repair is safe: the word is tagged a proper noun and takes
//! the noun's place in the tree (the noun's words before it with it), an object of it
//! becomes an apposition; a clause relation to anything else becomes `appos`.

use super::Upos;
use super::parse::Arc;

/// A code: letters and at least one digit ("ZK-9", "A320").
fn is_code(word: &str) -> bool {
    word.chars().any(|c| c.is_ascii_digit()) && word.chars().any(char::is_alphabetic)
}

/// Retags and relabels each word with a digit that the parse made a verb or a clause
/// (`arcs[i]` is word `i + 1`'s arc: heads from 1, 0 the root).
pub(super) fn unclause(words: &[&str], tags: &mut [Upos], arcs: &mut [Arc]) {
    let n = arcs.len().min(tags.len()).min(words.len());
    for w in 0..n {
        // A verb, or any word made a clause (`acl`: the tagless BiLSTM tagged "ZK-9" a noun
        // and hung it on "colony" so).
        let verb = matches!(tags[w], Upos::Verb | Upos::Aux);
        if !is_code(words[w]) || !(verb || arcs[w].deprel.starts_with("acl")) {
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

/// A code that heads its noun phrase ("the colony ZK-9") takes the phrase's preposition,
/// article and modifiers: where a parse left them on the noun before it (its `compound`),
/// they move to the code, and a code so marked that the parse apposed to a noun is that
/// noun's `nmod` ("head of the colony ZK-9": the body, not a second name of the head). A
/// code tagged a number counts where a noun comes right before it (the taught network tags
/// "ZK-9" so after "colony").
pub(super) fn phrase_on_code(words: &[&str], tags: &[Upos], arcs: &mut [Arc]) {
    let n = arcs.len().min(tags.len()).min(words.len());
    for w in 1..n {
        // Heads are numbered from 1: the code is word `w + 1`, the word before it `w`.
        let after_noun = matches!(tags[w - 1], Upos::Noun | Upos::Propn);
        let nominal = match tags[w] {
            Upos::Noun | Upos::Propn => true,
            Upos::Num => after_noun,
            _ => false,
        };
        if !is_code(words[w]) || !nominal {
            continue;
        }
        // "head of the colony ZK-9" with the noun the head's `nmod` and the code apposed to
        // the head beside it, or its second `nmod` (the tagless BiLSTM's): the code takes
        // the noun's place, the noun its `compound`.
        let beside =
            arcs[w].deprel == "appos" || (arcs[w].deprel == "nmod" && arcs[w - 1].deprel == "nmod");
        if arcs[w].head == arcs[w - 1].head && beside && after_noun {
            arcs[w] = arcs[w - 1].clone();
            arcs[w - 1] = Arc { head: w + 1, deprel: "compound".to_string() };
        }
        if arcs[w - 1].head != w + 1 || arcs[w - 1].deprel != "compound" {
            continue;
        }
        let mut marked = false;
        for arc in arcs[..w - 1].iter_mut().filter(|a| a.head == w) {
            if matches!(arc.deprel.as_str(), "case" | "det" | "amod") {
                marked |= arc.deprel == "case";
                arc.head = w + 1;
            }
        }
        if marked && arcs[w].deprel == "appos" {
            arcs[w].deprel = "nmod".to_string();
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse::arcs_of;

    #[test]
    fn a_codes_phrase_left_on_the_noun_before_it_moves_to_the_code() {
        // "head of the northern colony ZK-9 ." with "of the northern" on "colony", the
        // code's compound, and the code apposed to "head".
        use Upos::*;
        let words = ["head", "of", "the", "northern", "colony", "ZK-9", "."];
        let tags = [Noun, Adp, Det, Adj, Noun, Propn, Punct];
        let apposed = [
            (0, "root"),
            (5, "case"),
            (5, "det"),
            (5, "amod"),
            (6, "compound"),
            (1, "appos"),
            (1, "punct"),
        ];
        let mut tree = arcs_of(&apposed);
        phrase_on_code(&words, &tags, &mut tree);
        let got = pairs(&tree);
        assert_eq!(
            got,
            [
                (0, "root"),
                (6, "case"),
                (6, "det"),
                (6, "amod"),
                (6, "compound"),
                (1, "nmod"),
                (1, "punct"),
            ]
        );
        // The code apposed to the head beside its noun, the noun the head's nmod, or made
        // the head's second `nmod` (the tagless BiLSTM's).
        for beside in ["appos", "nmod"] {
            let mut tree = arcs_of(&[
                (0, "root"),
                (5, "case"),
                (5, "det"),
                (5, "amod"),
                (1, "nmod"),
                (1, beside),
                (1, "punct"),
            ]);
            phrase_on_code(&words, &tags, &mut tree);
            assert_eq!(pairs(&tree), got, "{beside}");
        }
        // The same with the code tagged a number after its noun (the taught network's).
        let mut number_tags = tags;
        number_tags[5] = Num;
        let mut tree = arcs_of(&apposed);
        phrase_on_code(&words, &number_tags, &mut tree);
        assert_eq!(pairs(&tree), got);
        // A number with a letter not after a noun ("of the 1990s") is no code's phrase.
        let words = ["head", "of", "the", "1990s", "."];
        let tags = [Noun, Adp, Det, Num, Punct];
        let tree = arcs_of(&[(0, "root"), (4, "case"), (4, "det"), (1, "nmod"), (1, "punct")]);
        let mut same = tree.clone();
        phrase_on_code(&words, &tags, &mut same);
        assert_eq!(same, tree);
        // A code whose noun carries nothing of the phrase stays as it was.
        let words = ["the", "colony", "ZK-9", "said"];
        let tags = [Det, Noun, Propn, Verb];
        let tree = arcs_of(&[(3, "det"), (3, "compound"), (4, "nsubj"), (0, "root")]);
        let mut same = tree.clone();
        phrase_on_code(&words, &tags, &mut same);
        assert_eq!(same, tree);
    }

    fn pairs(tree: &[Arc]) -> Vec<(usize, &str)> {
        tree.iter().map(|a| (a.head, a.deprel.as_str())).collect()
    }

    #[test]
    fn a_code_hung_as_a_clause_on_the_noun_before_it_heads_the_noun_phrase() {
        // "head of the northern colony ZK-9 "Grey Heron" ." as a parser made it: the code a
        // verb, a clause of "colony", the quoted name its object.
        let words =
            ["head", "of", "the", "northern", "colony", "ZK-9", "\"", "Grey", "Heron", "\"", "."];
        use Upos::*;
        let mut tags = vec![Noun, Adp, Det, Adj, Noun, Verb, Punct, Adj, Propn, Punct, Punct];
        let mut tree = arcs_of(&[
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
        let got = pairs(&tree);
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
    fn a_code_tagged_a_noun_but_hung_as_a_clause_heads_the_noun_phrase_too() {
        // "head of the colony ZK-9 "Grey Heron" ." with the code a noun and a clause of
        // "colony" (the tagless BiLSTM's), the quoted name already its apposition.
        let words = ["head", "of", "the", "colony", "ZK-9", "\"", "Grey", "Heron", "\"", "."];
        use Upos::*;
        let mut tags = vec![Noun, Adp, Det, Noun, Noun, Punct, Adj, Propn, Punct, Punct];
        let mut tree = arcs_of(&[
            (0, "root"),
            (4, "case"),
            (4, "det"),
            (1, "nmod"),
            (4, "acl"),
            (8, "punct"),
            (8, "amod"),
            (5, "appos"),
            (8, "punct"),
            (1, "punct"),
        ]);
        unclause(&words, &mut tags, &mut tree);
        assert_eq!(tags[4], Propn);
        assert_eq!(
            pairs(&tree),
            [
                (0, "root"),
                (5, "case"),
                (5, "det"),
                (5, "compound"),
                (1, "nmod"),
                (8, "punct"),
                (8, "amod"),
                (5, "appos"),
                (8, "punct"),
                (1, "punct"),
            ]
        );
    }

    #[test]
    fn words_without_digits_and_codes_that_are_not_verbs_are_left_alone() {
        use Upos::*;
        let words = ["officers", "running", "ZK-9", "units"];
        let mut tags = vec![Noun, Verb, Propn, Noun];
        let tree = arcs_of(&[(0, "root"), (1, "acl"), (4, "compound"), (2, "obj")]);
        let mut repaired = tree.clone();
        unclause(&words, &mut tags, &mut repaired);
        assert_eq!(repaired, tree);
        assert_eq!(tags, [Noun, Verb, Propn, Noun]);
        // A code made a clause of a word not just before it: an apposition, in place.
        let words = ["colony", "near", "X", "ZK-9"];
        let mut tags = vec![Noun, Adp, Propn, Verb];
        let mut tree = arcs_of(&[(0, "root"), (3, "case"), (1, "nmod"), (1, "acl")]);
        unclause(&words, &mut tags, &mut tree);
        assert_eq!((tree[3].head, tree[3].deprel.as_str(), tags[3]), (1, "appos", Propn));
    }
}
