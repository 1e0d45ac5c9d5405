//! A relative clause between a sentence's subject and its verb, hung back on the subject.
//!
//! Why: "X, 61, who served as minister from 2016 to 2020, was detained last month" is how news
//! introduces a person, and the greedy parser, trained on web text that rarely writes it,
//! takes the relative clause's verb for the sentence's root: the subject becomes a vocative or
//! an oblique of "served", and "detained" a conjunct or parataxis of it, with no subject. Every
//! reader of the parse then finds no one detained. The shape is unambiguous once seen whole: a
//! nominal that opens the sentence, hung on a verb whose subject is "who" right after the
//! nominal's comma, and a later verb of that same verb, after a comma, with no subject of its
//! own. The clause then belongs to the nominal (`acl:relcl`), and the nominal is the later
//! verb's subject (`nsubj:pass` where it has a passive auxiliary). Marks are placed again by
//! `punct` afterwards. Nothing else moves, so a parse the rule does not fit is left as it was.

use super::Upos;
use super::parse::{Arc, descends_from};

/// Longer sentences are left as parsed (the checks walk the tree for each candidate).
const MAX_WORDS: usize = 150;

/// Relations the parser gives the opening nominal when it misses the relative clause.
const LOST_SUBJECT: &[&str] =
    &["vocative", "dep", "nsubj", "obl", "nmod", "nmod:unmarked", "obl:unmarked", "parataxis"];

/// Relations the parser gives the main verb when it hangs it on the relative clause's verb.
const LOST_VERB: &[&str] = &["conj", "parataxis", "advcl", "ccomp", "dep", "xcomp"];

/// Hangs a relative clause that the parse made the sentence's root back on the nominal it
/// qualifies (`arcs[i]` is word `i + 1`'s arc: heads from 1, 0 the root).
pub(super) fn rehang(lower: &[String], tags: &[Upos], arcs: &mut [Arc]) {
    let n = arcs.len();
    if !(5..=MAX_WORDS).contains(&n) || lower.len() != n || tags.len() != n {
        return;
    }
    // Words are numbered from 1, as the heads are.
    fn rel(arcs: &[Arc], w: usize) -> &str {
        arcs[w - 1].deprel.as_str()
    }
    let head = |arcs: &[Arc], w: usize| arcs[w - 1].head;
    let tag = |w: usize| tags[w - 1];
    let children = |arcs: &[Arc], h: usize| -> Vec<usize> {
        (1..=n).filter(|&c| head(arcs, c) == h).collect()
    };
    // Whether `k` lies under `top` (a bounded climb).
    let under = |arcs: &[Arc], k: usize, top: usize| {
        let mut at = k;
        for _ in 0..=n {
            if at == top {
                return true;
            }
            if at == 0 || at > n {
                return false;
            }
            at = head(arcs, at);
        }
        false
    };
    let Some(who) = (2..=n).find(|&w| {
        matches!(lower[w - 1].as_str(), "who" | "whom")
            && matches!(rel(arcs, w), "nsubj" | "nsubj:pass")
            && lower[w - 2] == ","
    }) else {
        return;
    };
    let clause = head(arcs, who);
    if clause <= who || clause == 0 || !matches!(tag(clause), Upos::Verb | Upos::Aux) {
        return;
    }
    // The nominal before the comma, hung on the clause's verb, and everything before the
    // comma its own words (or marks): it opens the sentence.
    let Some(subject) = children(arcs, clause).into_iter().find(|&c| {
        c < who
            && LOST_SUBJECT.contains(&rel(arcs, c))
            && matches!(tag(c), Upos::Propn | Upos::Noun | Upos::Pron)
    }) else {
        return;
    };
    if !(1..who - 1).all(|k| under(arcs, k, subject) || tag(k) == Upos::Punct) {
        return;
    }
    // The main verb: a later dependent of the clause's verb with no subject of its own, whose
    // words start right after a comma and after the whole clause.
    let Some(verb) = children(arcs, clause).into_iter().find(|&c| {
        c > clause
            && LOST_VERB.contains(&rel(arcs, c))
            && matches!(tag(c), Upos::Verb)
            && !children(arcs, c).iter().any(|&k| {
                matches!(rel(arcs, k), "nsubj" | "nsubj:pass" | "expl" | "csubj" | "mark")
            })
    }) else {
        return;
    };
    // (The comma may hang on the verb already: its first word that is not a mark.)
    let first = (1..=verb).find(|&k| under(arcs, k, verb) && tag(k) != Upos::Punct).unwrap_or(verb);
    if first < 2 || lower[first - 2] != "," {
        return;
    }
    // The clause lies between the comma after the nominal and the comma before the verb.
    if !(who..first - 1).all(|k| under(arcs, k, clause) && !under(arcs, k, verb)) {
        return;
    }
    // A finite verb: a participle in "-ing" with no auxiliary ("..., asking officials to ...")
    // is a clause of the relative verb's, not the sentence's predicate.
    let auxiliary = children(arcs, verb).iter().any(|&k| rel(arcs, k).starts_with("aux"));
    if lower[verb - 1].ends_with("ing") && !auxiliary {
        return;
    }
    let passive = children(arcs, verb).iter().any(|&k| rel(arcs, k) == "aux:pass");
    let (top_head, top_rel) = (head(arcs, clause), rel(arcs, clause).to_string());
    // The clause's other dependents after the verb's words start (the final mark, a
    // coordinated clause) and before the nominal are the main verb's.
    for c in children(arcs, clause) {
        if c != subject && c != verb && (c >= first || c < subject) {
            arcs[c - 1].head = verb;
        }
    }
    arcs[verb - 1] = Arc { head: top_head, deprel: top_rel };
    arcs[subject - 1] =
        Arc { head: verb, deprel: if passive { "nsubj:pass" } else { "nsubj" }.to_string() };
    arcs[clause - 1] = Arc { head: subject, deprel: "acl:relcl".to_string() };
}

/// Relative pronouns that open a clause.
const RELATIVE: &[&str] = &["who", "whom", "whose", "which", "that"];

/// Hangs a relative clause that the parse hung on a word after it back on the nominal right
/// before its relative pronoun: an English relative clause follows what it qualifies (no tree
/// of EWT's training split has one before its head, nor does any parse of its development
/// split), but in a list of names each with its clause ("A who was appointed X, B who was
/// appointed Y") a parser may hang a clause on the next name.
pub(super) fn antecedent_first(lower: &[String], tags: &[Upos], arcs: &mut [Arc]) {
    let n = arcs.len();
    if n > MAX_WORDS || lower.len() != n || tags.len() != n {
        return;
    }
    for clause in 1..=n {
        let head = arcs[clause - 1].head;
        if arcs[clause - 1].deprel != "acl:relcl" || head <= clause {
            continue;
        }
        let Some(pronoun) = (1..clause)
            .find(|&k| arcs[k - 1].head == clause && RELATIVE.contains(&lower[k - 1].as_str()))
        else {
            continue;
        };
        // The nominal right before the pronoun (a comma between), up to the head of its name.
        let mut k = pronoun - 1;
        while k > 0 && lower[k - 1] == "," {
            k -= 1;
        }
        if k == 0 || !matches!(tags[k - 1], Upos::Noun | Upos::Propn | Upos::Pron | Upos::Num) {
            continue;
        }
        let mut nominal = k;
        for _ in 0..n {
            let arc = &arcs[nominal - 1];
            let name = matches!(arc.deprel.as_str(), "flat" | "compound");
            if name && arc.head != 0 && arc.head < pronoun {
                nominal = arc.head;
            } else {
                break;
            }
        }
        // Never under the clause itself: the tree stays a tree.
        if !descends_from(arcs, nominal, clause) {
            arcs[clause - 1].head = nominal;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse::arcs_of;

    fn run(words: &[&str], tags: &[Upos], parse: &[(usize, &str)]) -> Vec<(usize, String)> {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut arcs = arcs_of(parse);
        rehang(&lower, tags, &mut arcs);
        arcs.into_iter().map(|a| (a.head, a.deprel)).collect()
    }

    fn assert_unchanged(words: &[&str], tags: &[Upos], parse: &[(usize, &str)]) {
        let before: Vec<(usize, String)> = parse.iter().map(|&(h, r)| (h, r.to_string())).collect();
        assert_eq!(run(words, tags, parse), before);
    }

    use Upos::{Adv, Aux, Noun, Pron, Propn, Punct, Verb};

    const WORDS: [&str; 10] = ["Edda", ",", "who", "ran", "it", ",", "was", "held", "today", "."];
    const TAGS: [Upos; 10] = [Propn, Punct, Pron, Verb, Pron, Punct, Aux, Verb, Noun, Punct];

    #[test]
    fn the_clause_goes_to_the_name_and_the_name_to_the_main_verb() {
        // As the greedy parser reads it: "ran" the root, "Edda" its vocative, "held" a conjunct.
        let parse = [
            (4, "vocative"),
            (4, "punct"),
            (4, "nsubj"),
            (0, "root"),
            (4, "obj"),
            (8, "punct"),
            (8, "aux:pass"),
            (4, "conj"),
            (8, "obl:unmarked"),
            (4, "punct"),
        ];
        let got = run(&WORDS, &TAGS, &parse);
        assert_eq!(got[7], (0, "root".to_string()));
        assert_eq!(got[0], (8, "nsubj:pass".to_string()));
        assert_eq!(got[3], (1, "acl:relcl".to_string()));
        assert_eq!(got[9].0, 8, "the period follows the root");
        assert_eq!(got[4], (4, "obj".to_string()), "the clause keeps its words");
    }

    #[test]
    fn a_main_verb_with_a_subject_of_its_own_is_left_alone() {
        // "Edda, who ran it, said they held it": "held" has its own subject; not this shape.
        let words = ["Edda", ",", "who", "ran", "it", ",", "they", "held", "it", "."];
        let tags = [Propn, Punct, Pron, Verb, Pron, Punct, Pron, Verb, Pron, Punct];
        let parse = [
            (4, "vocative"),
            (4, "punct"),
            (4, "nsubj"),
            (0, "root"),
            (4, "obj"),
            (8, "punct"),
            (8, "nsubj"),
            (4, "parataxis"),
            (8, "obj"),
            (4, "punct"),
        ];
        assert_unchanged(&words, &tags, &parse);
    }

    #[test]
    fn a_participle_without_an_auxiliary_is_no_main_verb() {
        // "Edda, who ran it, asking them ...": EWT's own tree keeps "Edda" the root there.
        let words = ["Edda", ",", "who", "ran", "it", ",", "asking", "them", "."];
        let tags = [Propn, Punct, Pron, Verb, Pron, Punct, Verb, Pron, Punct];
        let parse = [
            (4, "vocative"),
            (4, "punct"),
            (4, "nsubj"),
            (0, "root"),
            (4, "obj"),
            (7, "punct"),
            (4, "advcl"),
            (7, "obj"),
            (4, "punct"),
        ];
        assert_unchanged(&words, &tags, &parse);
    }

    #[test]
    fn a_right_parse_is_left_as_it_is() {
        let parse = [
            (8, "nsubj:pass"),
            (4, "punct"),
            (4, "nsubj"),
            (1, "acl:relcl"),
            (4, "obj"),
            (1, "punct"),
            (8, "aux:pass"),
            (0, "root"),
            (8, "obl:unmarked"),
            (8, "punct"),
        ];
        assert_unchanged(&WORDS, &TAGS, &parse);
    }

    fn run_first(words: &[&str], tags: &[Upos], parse: &[(usize, &str)]) -> Vec<(usize, String)> {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut arcs = arcs_of(parse);
        antecedent_first(&lower, tags, &mut arcs);
        arcs.into_iter().map(|a| (a.head, a.deprel)).collect()
    }

    #[test]
    fn a_relative_clause_hung_on_a_later_name_goes_to_the_name_before_it() {
        // "are Edda Lorn who was named, Piet who was not": the first clause hung on "Piet".
        let words = [
            "They", "are", "Edda", "Lorn", "who", "was", "named", ",", "Piet", "who", "was", "not",
            ".",
        ];
        let tags = [Pron, Aux, Propn, Propn, Pron, Aux, Verb, Punct, Propn, Pron, Aux, Adv, Punct];
        let parse = [
            (3, "nsubj"),
            (3, "cop"),
            (0, "root"),
            (3, "flat"),
            (7, "nsubj:pass"),
            (7, "aux:pass"),
            (9, "acl:relcl"),
            (9, "punct"),
            (3, "conj"),
            (12, "nsubj"),
            (12, "cop"),
            (9, "acl:relcl"),
            (3, "punct"),
        ];
        let got = run_first(&words, &tags, &parse);
        assert_eq!(got[6], (3, "acl:relcl".to_string()));
        let mut expected: Vec<(usize, String)> =
            parse.iter().map(|&(h, r)| (h, r.to_string())).collect();
        expected[6].0 = 3;
        assert_eq!(got, expected, "nothing else moves");
        // A clause already on the name before it stays.
        let mut right = parse;
        right[6] = (3, "acl:relcl");
        let before: Vec<(usize, String)> = right.iter().map(|&(h, r)| (h, r.to_string())).collect();
        assert_eq!(run_first(&words, &tags, &right), before);
    }
}
