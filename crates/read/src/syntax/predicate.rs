//! A sentence the tagger left without a verb gets back the one it read as a plural noun.
//!
//! Why: "X heads Norvania's border police." is how news states a post, and the tagger, seeing
//! a name, then "heads" before a possessive, reads "heads" as a plural noun: the sentence has
//! no verb, the parse hangs everything on the name, and no reader finds who heads what. A
//! declarative sentence of news has a predicate; where the tagger found none, the word right
//! after the name that opens the sentence, a lowercase form ending in "s" that training saw as
//! a verb ("heads", "leads", "chairs", "runs"), is the verb. Nothing else is retagged, and
//! only sentences that end in a full stop and have no verb or auxiliary at all.
//!
//! The module's other repairs are about predicates and their arguments too: an oblique goes
//! on a verb, not a noun (`oblique_on_verb`); a subordinator opens the clause after it
//! (`mark_opens_its_clause`); "those" + "-ed" is a participle (`participle_after_those`);
//! the name after a wire story's dateline is the subject (`subject_after_dateline`); an
//! auxiliary has no subject (`aux_on_its_verb`).

use super::Upos;
use super::parse::{Arc, descends_from};

/// Retags the verb of a verbless sentence that opens with a name (see the module doc);
/// `seen_as` says whether training saw a lowercase word with a tag.
pub(super) fn verb_for_verbless(
    words: &[&str],
    lower: &[String],
    tags: &mut [Upos],
    seen_as: impl Fn(&str, Upos) -> bool,
) {
    let n = tags.len();
    if n < 4 || words.len() != n || lower.len() != n || words[n - 1] != "." {
        return;
    }
    if tags.iter().any(|t| matches!(t, Upos::Verb | Upos::Aux)) {
        return;
    }
    // The name that opens the sentence, then the word after it.
    let name_end = tags.iter().take_while(|&&t| t == Upos::Propn).count();
    if name_end == 0 || name_end + 2 >= n {
        return;
    }
    let (w, l) = (words[name_end], lower[name_end].as_str());
    let plural_like = w.starts_with(|c: char| c.is_ascii_lowercase()) && l.ends_with('s');
    if tags[name_end] == Upos::Noun && plural_like && seen_as(l, Upos::Verb) {
        tags[name_end] = Upos::Verb;
    }
}

/// A word in "-ed" right after "those" or "these" is the participle of a reduced relative
/// clause ("Among those sanctioned are A and B", "those arrested"), not a noun ("those"
/// takes a plural): retagged VERB where the tagger made it NOUN (the tagless BiLSTM did;
/// EWT train has five such words, four of them VERB and none NOUN), unless training saw
/// the word as a noun ("seed", "speed").
pub(super) fn participle_after_those(
    lower: &[String],
    tags: &mut [Upos],
    seen_as: impl Fn(&str, Upos) -> bool,
) {
    let n = tags.len().min(lower.len());
    for i in 1..n {
        let after_those = matches!(lower[i - 1].as_str(), "those" | "these");
        let l = lower[i].as_str();
        if after_those && tags[i] == Upos::Noun && l.ends_with("ed") && !seen_as(l, Upos::Noun) {
            tags[i] = Upos::Verb;
        }
    }
}

/// A wire story's dateline ("VARSK – Norvania on Tuesday announced ...") names where the
/// story was filed, not who acted: where a parse hung the name after the dateline's dash
/// on the dateline word (the tagless BiLSTM made it its apposition, and "announced" a
/// subjectless clause), and the first verb after that name's own words has no subject,
/// the name is the verb's subject; where the parse made the dateline the subject, the name
/// takes its place. A dateline is a word in capitals of three letters or
/// more and a dash (EWT has no datelines; its capitals before a dash are headings, whose
/// next word is never hung on them so).
pub(super) fn subject_after_dateline(words: &[&str], tags: &[Upos], arcs: &mut [Arc]) {
    let n = arcs.len();
    if words.len() != n || tags.len() != n {
        return;
    }
    let capitals = |w: &str| {
        w.chars().count() >= 3 && w.chars().all(|c| c.is_alphabetic() && c.is_uppercase())
    };
    let dash = |w: &str| matches!(w, "–" | "—" | "-" | "--");
    for d in 1..n.saturating_sub(1) {
        // Heads from 1: the dateline is word `d`, its dash `d + 1`, the name `d + 2`.
        let name = d + 2;
        if !capitals(words[d - 1]) || !dash(words[d]) || tags[name - 1] != Upos::Propn {
            continue;
        }
        if arcs[name - 1].head != d {
            continue;
        }
        // The dateline made the subject: the name takes its place, the dateline hangs on
        // the verb as a loose `dep`.
        let v = arcs[d - 1].head;
        let verbal =
            v > name && v <= n && tags[v - 1] == Upos::Verb && !descends_from(arcs, v, name);
        if arcs[d - 1].deprel.starts_with("nsubj") && verbal {
            arcs[name - 1] = arcs[d - 1].clone();
            arcs[d - 1] = Arc { head: v, deprel: "dep".to_string() };
            continue;
        }
        let verb = (name + 1..=n).find(|&k| !descends_from(arcs, k, name));
        let Some(v) = verb.filter(|&v| tags[v - 1] == Upos::Verb) else { continue };
        let subject = arcs.iter().any(|a| a.head == v && a.deprel.starts_with("nsubj"));
        if !subject && !descends_from(arcs, v, name) {
            arcs[name - 1] = Arc { head: v, deprel: "nsubj".to_string() };
        }
    }
}

/// An oblique modifies a predicate: an `obl` a parse hung on a noun or name that has no
/// copula ("standing with officials including C D at the Mosque" with "Mosque" on "D", as
/// the BiLSTM parsed it) goes to the nearest verb above that noun. EWT train has 11 such
/// arcs in 204,000 words (`arcs[i]` is word `i + 1`'s arc: heads from 1, 0 the root).
pub(super) fn oblique_on_verb(tags: &[Upos], arcs: &mut [Arc]) {
    let n = arcs.len();
    if tags.len() != n {
        return;
    }
    // The words with a copula, found once: a scan for each oblique would be quadratic.
    let mut copular = vec![false; n + 1];
    for arc in arcs.iter().filter(|a| a.deprel == "cop") {
        copular[arc.head.min(n)] = true;
    }
    for d in 1..=n {
        let h = arcs[d - 1].head;
        let nominal = h != 0 && matches!(tags[h - 1], Upos::Noun | Upos::Propn);
        if arcs[d - 1].deprel != "obl" || !nominal || copular[h] {
            continue;
        }
        // Up from the noun to the first verb (a bounded climb: every step goes to a head).
        let mut at = h;
        for _ in 0..n {
            if at == 0 || tags[at - 1] == Upos::Verb {
                break;
            }
            at = arcs[at - 1].head;
        }
        if at != 0 && at != d && tags[at - 1] == Upos::Verb && !descends_from(arcs, at, d) {
            arcs[d - 1].head = at;
        }
    }
}

/// A subordinator (`mark`) opens its clause: one a parse hung on a word before it ("says
/// that A, the chief of ..., B and C are sanctioned" with "that" on "says", A the second
/// subject of "says" and "sanctioned" its subjectless conjunct: the tagless BiLSTM's) goes
/// to the first verb after it that hangs on that same word, which becomes the word's
/// complement (`ccomp` after "that" or "whether", `advcl` after any other), and the subjects
/// the parse gave the word between the two become the verb's (`nsubj:pass` where it has a
/// passive auxiliary). Where the parse already made that verb the word's complement
/// (`ccomp` or `advcl`: the taught network's habit), only the mark and the subjects move.
/// EWT train has one `mark` after its head in 204,000 words, EWT dev none (`arcs[i]` is
/// word `i + 1`'s arc: heads from 1, 0 the root).
pub(super) fn mark_opens_its_clause(lower: &[String], tags: &[Upos], arcs: &mut [Arc]) {
    let n = arcs.len();
    if tags.len() != n || lower.len() != n {
        return;
    }
    for m in 1..=n {
        let h = arcs[m - 1].head;
        if arcs[m - 1].deprel != "mark" || h == 0 || h >= m {
            continue;
        }
        let clause = (m + 1..=n).find(|&v| {
            arcs[v - 1].head == h
                && tags[v - 1] == Upos::Verb
                && matches!(
                    arcs[v - 1].deprel.as_str(),
                    "conj" | "parataxis" | "dep" | "ccomp" | "advcl"
                )
        });
        let Some(v) = clause else { continue };
        if descends_from(arcs, v, m) {
            continue;
        }
        if !matches!(arcs[v - 1].deprel.as_str(), "ccomp" | "advcl") {
            let complement = matches!(lower[m - 1].as_str(), "that" | "whether");
            arcs[v - 1].deprel = if complement { "ccomp" } else { "advcl" }.to_string();
        }
        arcs[m - 1].head = v;
        let passive = arcs.iter().any(|a| a.head == v && a.deprel == "aux:pass");
        for j in m + 1..v {
            let subject = matches!(arcs[j - 1].deprel.as_str(), "nsubj" | "nsubj:pass");
            if arcs[j - 1].head == h && subject && !descends_from(arcs, v, j) {
                arcs[j - 1].head = v;
                arcs[j - 1].deprel = if passive { "nsubj:pass" } else { "nsubj" }.to_string();
            }
        }
    }
}

/// An auxiliary has no subject: where a parse gave one its own subject ("\"A has used ...,\"
/// said B" with "has" on "said" and A on "has": the tagless BiLSTM's), the auxiliary and
/// that subject go to the verb right after it (with only adverbs or particles between). No
/// auxiliary of EWT train has a subject; the parses of EWT dev by the shipped parser and
/// the tagless network have none either (`arcs[i]` is word `i + 1`'s arc: heads from 1, 0
/// the root).
pub(super) fn aux_on_its_verb(tags: &[Upos], arcs: &mut [Arc]) {
    let n = arcs.len();
    if tags.len() != n {
        return;
    }
    let subject = |rel: &str| matches!(rel, "nsubj" | "nsubj:pass" | "expl");
    // The words with a subject, found once: a scan for each auxiliary would be quadratic.
    // A move below takes subjects from an auxiliary to a verb only, so no later auxiliary's
    // entry changes.
    let mut has_subject = vec![false; n + 1];
    for arc in arcs.iter().filter(|arc| subject(&arc.deprel)) {
        has_subject[arc.head.min(n)] = true;
    }
    for a in 1..=n {
        let rel = arcs[a - 1].deprel.as_str();
        if tags[a - 1] != Upos::Aux || !matches!(rel, "aux" | "aux:pass") || !has_subject[a] {
            continue;
        }
        let verb = (a + 1..=n)
            .find(|&v| !matches!(tags[v - 1], Upos::Adv | Upos::Part))
            .filter(|&v| tags[v - 1] == Upos::Verb);
        let Some(v) = verb else { continue };
        if arcs[a - 1].head == v || descends_from(arcs, v, a) {
            continue;
        }
        arcs[a - 1].head = v;
        for arc in arcs.iter_mut() {
            if arc.head == a && subject(&arc.deprel) {
                arc.head = v;
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse::arcs_of;

    fn retag(words: &[&str], tags: &[Upos], verbs: &[&str]) -> Vec<Upos> {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut tags = tags.to_vec();
        verb_for_verbless(words, &lower, &mut tags, |l, t| t == Upos::Verb && verbs.contains(&l));
        tags
    }

    use Upos::{Det, Noun, Part, Propn, Punct, Verb};

    #[test]
    fn the_plural_noun_after_the_opening_name_is_the_verb() {
        let words = ["Edda", "Lorn", "heads", "Norvania", "'s", "police", "."];
        let tags = [Propn, Propn, Noun, Propn, Part, Noun, Punct];
        assert_eq!(retag(&words, &tags, &["heads"])[2], Verb);
        // A word training never saw as a verb stays as tagged.
        assert_eq!(retag(&words, &tags, &[])[2], Noun);
    }

    #[test]
    fn an_oblique_on_a_name_goes_to_the_verb_above_it() {
        // "Brask stood with officials including Oranje at the palace" with "palace" an obl
        // of "Oranje".
        use Upos::{Adp, Verb as V};
        let tags = [Propn, V, Adp, Noun, V, Propn, Adp, Det, Noun];
        let tree = [
            (2, "nsubj"),
            (0, "root"),
            (4, "case"),
            (2, "obl"),
            (6, "case"),
            (4, "nmod"),
            (9, "case"),
            (9, "det"),
            (6, "obl"),
        ];
        let mut arcs = arcs_of(&tree);
        oblique_on_verb(&tags, &mut arcs);
        assert_eq!(arcs[8].head, 2);
        // A nominal predicate with its copula keeps its oblique ("X is minister since May").
        let tags = [Propn, Upos::Aux, Noun, Adp, Propn];
        let tree = [(3, "nsubj"), (3, "cop"), (0, "root"), (5, "case"), (3, "obl")];
        let mut arcs = arcs_of(&tree);
        oblique_on_verb(&tags, &mut arcs);
        assert_eq!(arcs[4].head, 3);
    }

    #[test]
    fn a_mark_hung_before_it_opens_the_clause_after_it() {
        // "Lorn says that Brask , the chief , and Holl are sanctioned ." with "that" on
        // "says", Brask its second subject and "sanctioned" its conjunct.
        use Upos::{Aux, Cconj, Pron};
        let words = ["lorn", "says", "that", "brask", ",", "the", "chief", ",", "and", "holl"];
        let words: Vec<String> =
            words.iter().chain(&["are", "sanctioned", "."]).map(|w| w.to_string()).collect();
        let tags =
            [Propn, Verb, Pron, Propn, Punct, Det, Noun, Punct, Cconj, Propn, Aux, Verb, Punct];
        let tree = [
            (2, "nsubj"),
            (0, "root"),
            (2, "mark"),
            (2, "nsubj"),
            (7, "punct"),
            (7, "det"),
            (4, "appos"),
            (10, "punct"),
            (10, "cc"),
            (4, "conj"),
            (12, "aux:pass"),
            (2, "conj"),
            (2, "punct"),
        ];
        let mut arcs = arcs_of(&tree);
        mark_opens_its_clause(&words, &tags, &mut arcs);
        let got: Vec<(usize, &str)> = arcs.iter().map(|a| (a.head, a.deprel.as_str())).collect();
        assert_eq!(got[0], (2, "nsubj"));
        assert_eq!(got[2], (12, "mark"));
        assert_eq!(got[3], (12, "nsubj:pass"));
        assert_eq!(got[11], (2, "ccomp"));
        // The same where the parse made the verb the complement already: the mark and the
        // subject move, the relation stays.
        for relation in ["ccomp", "advcl"] {
            let mut tree = tree;
            tree[11] = (2, relation);
            let mut arcs = arcs_of(&tree);
            mark_opens_its_clause(&words, &tags, &mut arcs);
            let got: Vec<(usize, &str)> =
                arcs.iter().map(|a| (a.head, a.deprel.as_str())).collect();
            assert_eq!(got[2], (12, "mark"));
            assert_eq!(got[3], (12, "nsubj:pass"));
            assert_eq!(got[11], (2, relation));
        }
        // A mark before its clause is left alone.
        let tree = [(2, "nsubj"), (0, "root"), (12, "mark"), (12, "nsubj:pass")];
        let mut arcs = arcs_of(&tree);
        let before = arcs.clone();
        mark_opens_its_clause(&words[..4], &tags[..4], &mut arcs);
        assert_eq!(arcs, before);
    }

    #[test]
    fn an_auxiliary_with_a_subject_goes_to_its_verb_with_it() {
        // "" Brask has used threats , " said Lorn ." with "has" on "said" and "Brask" on
        // "has".
        use Upos::Aux;
        let tags = [Punct, Propn, Aux, Verb, Noun, Punct, Punct, Verb, Propn, Punct];
        let tree = [
            (3, "punct"),
            (3, "nsubj"),
            (8, "aux"),
            (8, "ccomp"),
            (4, "obj"),
            (4, "punct"),
            (4, "punct"),
            (0, "root"),
            (8, "nsubj"),
            (8, "punct"),
        ];
        let mut arcs = arcs_of(&tree);
        aux_on_its_verb(&tags, &mut arcs);
        assert_eq!((arcs[2].head, arcs[1].head), (4, 4));
        assert_eq!(arcs[8].head, 8, "the subject of another verb stays");
        // An auxiliary without a subject is left alone.
        let mut tree = tree;
        tree[1] = (4, "nsubj");
        let mut arcs = arcs_of(&tree);
        let before = arcs.clone();
        aux_on_its_verb(&tags, &mut arcs);
        assert_eq!(arcs, before);
    }

    #[test]
    fn an_ed_word_after_those_is_a_participle() {
        let lower: Vec<String> = ["among", "those", "sanctioned", "are", "brask"]
            .iter()
            .map(|w| w.to_string())
            .collect();
        let mut tags = [Upos::Adp, Det, Noun, Upos::Aux, Propn];
        participle_after_those(&lower, &mut tags, |_, _| false);
        assert_eq!(tags[2], Verb);
        // A word training saw as a noun stays one, and so does one after another word.
        let mut tags = [Upos::Adp, Det, Noun, Upos::Aux, Propn];
        participle_after_those(&lower, &mut tags, |l, t| l == "sanctioned" && t == Noun);
        assert_eq!(tags[2], Noun);
        let lower: Vec<String> = ["the", "sanctioned"].iter().map(|w| w.to_string()).collect();
        let mut tags = [Det, Noun];
        participle_after_those(&lower, &mut tags, |_, _| false);
        assert_eq!(tags[1], Noun);
    }

    #[test]
    fn the_name_after_a_datelines_dash_is_the_subject() {
        // "VARSK – Norvania on Tuesday announced sanctions ." with "Norvania" the dateline's
        // apposition and "announced" without a subject, or with the dateline as its subject.
        use Upos::Adp;
        let words = ["VARSK", "–", "Norvania", "on", "Tuesday", "announced", "sanctions", "."];
        let tags = [Propn, Punct, Propn, Adp, Propn, Verb, Noun, Punct];
        let head = |arcs: &[Arc], w: usize| (arcs[w].head, arcs[w].deprel.clone());
        let tree = [
            (6, "obl"),
            (3, "punct"),
            (1, "appos"),
            (5, "case"),
            (3, "nmod"),
            (0, "root"),
            (6, "obj"),
            (6, "punct"),
        ];
        let mut arcs = arcs_of(&tree);
        subject_after_dateline(&words, &tags, &mut arcs);
        assert_eq!(head(&arcs, 2), (6, "nsubj".to_string()));
        let mut tree = tree;
        tree[0] = (6, "nsubj");
        let mut arcs = arcs_of(&tree);
        subject_after_dateline(&words, &tags, &mut arcs);
        assert_eq!(head(&arcs, 2), (6, "nsubj".to_string()));
        assert_eq!(head(&arcs, 0), (6, "dep".to_string()));
        // A word not all in capitals is no dateline: left alone.
        let words = ["Varsk", "–", "Norvania", "on", "Tuesday", "announced", "sanctions", "."];
        let mut arcs = arcs_of(&tree);
        let before = arcs.clone();
        subject_after_dateline(&words, &tags, &mut arcs);
        assert_eq!(arcs, before);
    }

    #[test]
    fn a_sentence_with_a_verb_or_no_full_stop_is_left_alone() {
        let words = ["Edda", "Lorn", "heads", "the", "police", "."];
        let tags = [Propn, Propn, Noun, Det, Verb, Punct];
        assert_eq!(retag(&words, &tags, &["heads"]), tags.to_vec());
        let words = ["Edda", "Lorn", "heads", "the", "police"];
        let tags = [Propn, Propn, Noun, Det, Noun];
        assert_eq!(retag(&words, &tags, &["heads"]), tags.to_vec());
    }
}
