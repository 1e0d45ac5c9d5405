//! A time word between an auxiliary and its participle is no predicate: in "X and 15 others
//! were yesterday given prison sentences" the clause is "were given", and "yesterday" its
//! time.
//!
//! Why: the BiLSTM parser made "yesterday" the root, "were" its copula and "given" a `case`
//! of "sentences": the sentence then had no verb, and no reader found who was sentenced.
//! News writes "was yesterday appointed", "were today charged"; a copula with a bare time
//! word ("the meeting was yesterday") stays as it is: only where a participle follows the
//! time word right away does the participle take the root's place.

use super::Upos;
use super::parse::Arc;

/// The bare time words news puts between an auxiliary and its participle.
const TIME_WORDS: &[&str] = &["yesterday", "today", "tonight", "tomorrow"];

/// Makes the participle after a time word read as a root the sentence's verb (`arcs[i]` is
/// word `i + 1`'s arc: heads from 1, 0 the root).
pub(super) fn participle_over_time_word(lower: &[String], tags: &[Upos], arcs: &mut [Arc]) {
    let n = arcs.len();
    if lower.len() != n || tags.len() != n {
        return;
    }
    let Some(root) = (1..=n).find(|&w| arcs[w - 1].head == 0) else { return };
    let verb = root + 1;
    let copula = (1..root).find(|&c| arcs[c - 1].head == root && arcs[c - 1].deprel == "cop");
    if !TIME_WORDS.contains(&lower[root - 1].as_str())
        || verb > n
        || tags[verb - 1] != Upos::Verb
        || copula.is_none()
        || arcs[verb - 1].deprel == "root"
    {
        return;
    }
    // The noun the participle was hung on becomes its object where it hangs on the root.
    let hung_on = arcs[verb - 1].head;
    arcs[verb - 1] = Arc { head: 0, deprel: "root".to_string() };
    for w in 1..=n {
        if w == verb || arcs[w - 1].head != root {
            continue;
        }
        let rel = match arcs[w - 1].deprel.as_str() {
            "cop" => "aux:pass".to_string(),
            "nsubj" => "nsubj:pass".to_string(),
            "nmod" if w == hung_on => "obj".to_string(),
            other => other.to_string(),
        };
        arcs[w - 1] = Arc { head: verb, deprel: rel };
    }
    // Every word still reaches the root: the old root and its children hang on the verb,
    // and the verb on nothing.
    arcs[root - 1] = Arc { head: verb, deprel: "obl:unmarked".to_string() };
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse::arcs_of;
    use Upos::{Adp, Aux, Cconj, Noun, Num, Propn, Verb};

    fn run(words: &[&str], tags: &[Upos], tree: &[(usize, &str)]) -> Vec<(usize, String)> {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut arcs = arcs_of(tree);
        participle_over_time_word(&lower, tags, &mut arcs);
        arcs.into_iter().map(|a| (a.head, a.deprel)).collect()
    }

    #[test]
    fn the_participle_after_a_time_word_is_the_verb() {
        // "Brask and 15 others were yesterday given sentences for fraud" as the BiLSTM
        // parsed it: "yesterday" the root, "given" a case of "sentences".
        let words = [
            "Brask",
            "and",
            "15",
            "others",
            "were",
            "yesterday",
            "given",
            "sentences",
            "for",
            "fraud",
        ];
        let tags = [Propn, Cconj, Num, Noun, Aux, Noun, Verb, Noun, Adp, Noun];
        let parsed = [
            (6, "nsubj"),
            (4, "cc"),
            (4, "nummod"),
            (1, "conj"),
            (6, "cop"),
            (0, "root"),
            (8, "case"),
            (6, "nmod"),
            (10, "case"),
            (8, "nmod"),
        ];
        let got = run(&words, &tags, &parsed);
        assert_eq!(got[6], (0, "root".to_string()));
        assert_eq!(got[0], (7, "nsubj:pass".to_string()));
        assert_eq!(got[4], (7, "aux:pass".to_string()));
        assert_eq!(got[5], (7, "obl:unmarked".to_string()));
        assert_eq!(got[7], (7, "obj".to_string()));
        assert_eq!(got[9], (8, "nmod".to_string()), "the rest keeps its place");
    }

    #[test]
    fn a_time_word_as_a_predicate_is_left_alone() {
        // "The meeting was yesterday" and "was yesterday , Brask said".
        let words = ["meeting", "was", "yesterday"];
        let tags = [Noun, Aux, Noun];
        let parsed = [(3, "nsubj"), (3, "cop"), (0, "root")];
        let want: Vec<(usize, String)> = parsed.iter().map(|&(h, r)| (h, r.to_string())).collect();
        assert_eq!(run(&words, &tags, &parsed), want);
        let words = ["meeting", "was", "yesterday", "Brask", "said"];
        let tags = [Noun, Aux, Noun, Propn, Verb];
        let parsed = [(3, "nsubj"), (3, "cop"), (0, "root"), (5, "nsubj"), (3, "parataxis")];
        let want: Vec<(usize, String)> = parsed.iter().map(|&(h, r)| (h, r.to_string())).collect();
        assert_eq!(run(&words, &tags, &parsed), want);
    }
}
