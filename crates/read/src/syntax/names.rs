//! A name's `flat` word hangs inside its own name, never across "and" or "or": where a parse
//! made the surname of a second name a `flat` of the first ("A B and C D" with D on A), D
//! goes back to the word right before it, the name it is written in.
//!
//! Why: the BiLSTM parser, meeting "Prime Minister A B and Minister of Defense C D" or "by
//! A B and C D", hung D on A: the second person's name is then cut in two and its surname
//! read into the first's. In EWT's training split no `flat` arc crosses "and", "or" or
//! "nor" (two cross "&", inside company names, which the repair leaves alone), so a tree
//! that has one is wrong. Where the word before D is C, a proper noun, D becomes C's `flat`
//! (and C, if the parse hung it on D, takes D's place as the conjunct); where it is a common
//! noun ("and his wife C D" with C on A), the name is that noun's apposition.

use super::Upos;
use super::parse::{Arc, descends_from};

/// The conjunctions no name's `flat` arc crosses.
const CONJUNCTIONS: &[&str] = &["and", "or", "nor"];

/// Whether an arc is `flat` or one of its subtypes.
fn is_flat(arc: &Arc) -> bool {
    arc.deprel == "flat" || arc.deprel.starts_with("flat:")
}

/// A body's name goes on after "of" or "for" with words in capitals ("the Agency for Trade
/// and Security", "the Ministry of Fisheries"): where a parse hung that phrase on the word
/// the name itself hangs on ("the director of the Agency for Trade ..." with "Trade" on
/// "director", the tagless BiLSTM's), it goes back
/// to the name, the proper noun right before its preposition, which has "the" (a body, not
/// a person) and hangs on that same word (`arcs[i]` is word `i + 1`'s arc: heads from 1).
pub(super) fn body_name_goes_on(words: &[&str], lower: &[String], tags: &[Upos], arcs: &mut [Arc]) {
    let n = arcs.len();
    if words.len() != n || lower.len() != n || tags.len() != n {
        return;
    }
    let capital = |w: usize| words[w - 1].starts_with(char::is_uppercase);
    for k in 3..=n {
        let h = arcs[k - 1].head;
        if arcs[k - 1].deprel != "nmod" || h == 0 || h >= k || !capital(k) {
            continue;
        }
        // The phrase's preposition right before it, the name right before that.
        let Some(case) =
            (1..k).rev().find(|&c| arcs[c - 1].head == k && arcs[c - 1].deprel == "case")
        else {
            continue;
        };
        let j = case - 1;
        let of_or_for = matches!(lower[case - 1].as_str(), "of" | "for");
        let body = j > h
            && tags[j - 1] == Upos::Propn
            && arcs[j - 1].head == h
            && (1..j).any(|d| arcs[d - 1].head == j && lower[d - 1] == "the");
        // Only the nominal's own modifiers between ("of the Foreign Affairs").
        let whole = (case + 1..k).all(|w| arcs[w - 1].head == k);
        if of_or_for && whole && body && !descends_from(arcs, j, k) {
            arcs[k - 1].head = j;
        }
    }
}

/// Rehangs each `flat` word whose arc crosses a conjunction (`arcs[i]` is word `i + 1`'s
/// arc: heads from 1, 0 the root).
pub(super) fn flat_within_name(lower: &[String], tags: &[Upos], arcs: &mut [Arc]) {
    let n = arcs.len();
    if lower.len() != n || tags.len() != n {
        return;
    }
    for d in 2..=n {
        let h = arcs[d - 1].head;
        let flat = is_flat(&arcs[d - 1]);
        // Only a head before the word, with words between.
        if !flat || h == 0 || h + 1 >= d {
            continue;
        }
        let crosses = (h + 1..d)
            .any(|k| tags[k - 1] == Upos::Cconj && CONJUNCTIONS.contains(&lower[k - 1].as_str()));
        if !crosses {
            continue;
        }
        let before = d - 1;
        match tags[before - 1] {
            Upos::Propn if arcs[before - 1].head == d => {
                // "C D" with C on D and D on A: C is the conjunct, D its surname.
                arcs[before - 1] = Arc { head: h, deprel: "conj".to_string() };
                arcs[d - 1].head = before;
            }
            Upos::Propn | Upos::Noun if !descends_from(arcs, before, d) => {
                arcs[d - 1] = if tags[before - 1] == Upos::Propn {
                    Arc { head: before, deprel: arcs[d - 1].deprel.clone() }
                } else {
                    Arc { head: before, deprel: "appos".to_string() }
                };
            }
            _ => {}
        }
    }
}

/// A proper noun is no adjective: one hung as `amod` on a noun before it ("his wife, Edda
/// Lorn" with "Edda" the wife's `amod`, as the BiLSTM parsed it) is that noun's apposition.
/// EWT train has one such arc in 204,000 words.
pub(super) fn name_no_modifier(tags: &[Upos], arcs: &mut [Arc]) {
    if tags.len() != arcs.len() {
        return;
    }
    for d in 1..=arcs.len() {
        let h = arcs[d - 1].head;
        if tags[d - 1] == Upos::Propn
            && arcs[d - 1].deprel == "amod"
            && (1..d).contains(&h)
            && matches!(tags[h - 1], Upos::Noun | Upos::Propn)
        {
            arcs[d - 1].deprel = "appos".to_string();
        }
    }
}

/// A verb has one subject: where it has two and the later one is a proper noun right after
/// a common noun conjoined to the first ("X and his daughter Y were left ill" with Y a second
/// subject of "left", as the BiLSTM parsed it), the name is that noun's apposition. EWT train
/// has no verb with two subjects where the second follows such a noun.
pub(super) fn name_no_second_subject(tags: &[Upos], arcs: &mut [Arc]) {
    if tags.len() != arcs.len() {
        return;
    }
    for b in 3..=arcs.len() {
        let noun = b - 1;
        if tags[noun - 1] != Upos::Noun {
            continue;
        }
        // The first subject of the same verb, with the noun its conjunct.
        let first = earlier_subject_of_name(tags, arcs, b);
        let conjoined = |a: usize| arcs[noun - 1].deprel == "conj" && arcs[noun - 1].head == a;
        if first.is_some_and(conjoined) && !descends_from(arcs, noun, b) {
            arcs[b - 1] = Arc { head: noun, deprel: "appos".to_string() };
        }
    }
}

/// A verb has one subject: where a parse gave it two proper nouns with nothing but proper
/// nouns between ("Colonel A B C is the head of ..." with "Colonel A" and "C" both subjects,
/// as the tagless BiLSTM parsed it), they are one name: the later one and the words of the
/// name it took as its own become the first one's `flat`. No verb of EWT train or dev has
/// two such subjects.
pub(super) fn name_one_subject(tags: &[Upos], arcs: &mut [Arc]) {
    if tags.len() != arcs.len() {
        return;
    }
    for b in 2..=arcs.len() {
        let Some(a) = earlier_subject_of_name(tags, arcs, b) else {
            continue;
        };
        let names_between = (a + 1..b).all(|k| tags[k - 1] == Upos::Propn);
        if tags[a - 1] != Upos::Propn || !names_between || descends_from(arcs, a, b) {
            continue;
        }
        for k in a + 1..b {
            if arcs[k - 1].head == b {
                arcs[k - 1] = Arc { head: a, deprel: "flat".to_string() };
            }
        }
        arcs[b - 1] = Arc { head: a, deprel: "flat".to_string() };
    }
}

/// Where word `b` (from 1) is a proper noun and a subject of a verb that has a subject
/// before it: the first of those.
fn earlier_subject_of_name(tags: &[Upos], arcs: &[Arc], b: usize) -> Option<usize> {
    let subject = |arc: &Arc| matches!(arc.deprel.as_str(), "nsubj" | "nsubj:pass");
    if tags[b - 1] != Upos::Propn || !subject(&arcs[b - 1]) {
        return None;
    }
    let v = arcs[b - 1].head;
    (1..b).find(|&a| arcs[a - 1].head == v && subject(&arcs[a - 1]))
}

/// A name's `flat` word never reaches across a comma and a phrase of common words: in "A B,
/// the cousin of the President C D" with D hung as B's `flat`, D heads the name after "of",
/// the nominal of the noun before that preposition. EWT train's `flat` arcs over a comma are
/// "Surname, First" headers with nothing but the comma between; those stay. The function
/// sees parts of speech, not forms: any punctuation mark between stands for the comma (a
/// dash or a bracket there cuts the name as well).
pub(super) fn flat_not_across_phrase(tags: &[Upos], arcs: &mut [Arc]) {
    let n = arcs.len();
    if tags.len() != n {
        return;
    }
    for d in 3..=n {
        let h = arcs[d - 1].head;
        let flat = is_flat(&arcs[d - 1]);
        if tags[d - 1] != Upos::Propn || !flat || h == 0 || h >= d {
            continue;
        }
        let between = h + 1..d;
        let mark = between.clone().any(|k| tags[k - 1] == Upos::Punct);
        let common = between.clone().any(|k| matches!(tags[k - 1], Upos::Noun | Upos::Det));
        // The preposition the name takes, before it: on the name, or on a word of its
        // phrase ("of the group Lornby Varsk" with "of" on "Lornby", Varsk's `compound`).
        let in_phrase = |arcs: &[Arc], w: usize| {
            w == d
                || (arcs[w - 1].head == d
                    && matches!(arcs[w - 1].deprel.as_str(), "compound" | "flat"))
        };
        let case = between.rev().find(|&c| {
            in_phrase(arcs, arcs[c - 1].head)
                && arcs[c - 1].deprel == "case"
                && tags[c - 1] == Upos::Adp
        });
        let (true, true, Some(case)) = (mark, common, case) else { continue };
        let noun = (h + 1..case)
            .rev()
            .find(|&k| !matches!(tags[k - 1], Upos::Det | Upos::Adj | Upos::Num));
        if let Some(k) = noun
            && tags[k - 1] == Upos::Noun
            && !descends_from(arcs, k, d)
        {
            arcs[d - 1] = Arc { head: k, deprel: "nmod".to_string() };
            // The phrase's preposition and determiner go to its head, as UD hangs them
            // (a `compound` takes none); one at a time, never under its own descendant.
            for c in case..d {
                let function = matches!(arcs[c - 1].deprel.as_str(), "case" | "det");
                if function
                    && arcs[c - 1].head != d
                    && in_phrase(arcs, arcs[c - 1].head)
                    && !descends_from(arcs, d, c)
                {
                    arcs[c - 1].head = d;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::syntax::parse::arcs_of;

    fn run(words: &[&str], tags: &[Upos], tree: &[(usize, &str)]) -> Vec<(usize, String)> {
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let mut arcs = arcs_of(tree);
        flat_within_name(&lower, tags, &mut arcs);
        arcs.into_iter().map(|a| (a.head, a.deprel)).collect()
    }

    fn owned(tree: &[(usize, &str)]) -> Vec<(usize, String)> {
        tree.iter().map(|&(h, r)| (h, r.to_string())).collect()
    }

    use Upos::{Adj, Adp, Aux, Cconj, Det, Noun, Pron, Propn, Punct, Verb};

    #[test]
    fn a_surname_hung_across_and_on_the_first_name_goes_back_to_its_own() {
        // "conceived by Piet Oranje and Edda Lorn ." with "Lorn" a flat of "Piet".
        let words = ["conceived", "by", "Piet", "Oranje", "and", "Edda", "Lorn", "."];
        let tags = [Verb, Adp, Propn, Propn, Cconj, Propn, Propn, Punct];
        let parsed = [
            (0, "root"),
            (3, "case"),
            (1, "obl"),
            (3, "flat"),
            (6, "cc"),
            (3, "conj"),
            (3, "flat"),
            (1, "punct"),
        ];
        let mut right = owned(&parsed);
        right[6] = (6, "flat".to_string());
        assert_eq!(run(&words, &tags, &parsed), right);
    }

    #[test]
    fn a_first_name_hung_on_the_stray_surname_becomes_the_conjunct() {
        // "A B and Minister C D" with C a compound of D, and D a flat of A.
        let words = ["Piet", "Oranje", "and", "Minister", "Edda", "Lorn", "spoke", "."];
        let tags = [Propn, Propn, Cconj, Propn, Propn, Propn, Verb, Punct];
        let parsed = [
            (7, "nsubj"),
            (1, "flat"),
            (4, "cc"),
            (1, "conj"),
            (6, "compound"),
            (1, "flat"),
            (0, "root"),
            (7, "punct"),
        ];
        let mut right = owned(&parsed);
        right[4] = (1, "conj".to_string());
        right[5] = (5, "flat".to_string());
        assert_eq!(run(&words, &tags, &parsed), right);
    }

    #[test]
    fn a_name_after_a_kin_noun_across_and_is_the_nouns_apposition() {
        // "Varsk and his wife Edda Lorn" with "Edda" a flat of "Varsk".
        let words = ["Tomasz", "Varsk", "and", "his", "wife", "Edda", "Lorn"];
        let tags = [Propn, Propn, Cconj, Pron, Noun, Propn, Propn];
        let parsed = [
            (0, "root"),
            (1, "flat"),
            (5, "cc"),
            (5, "nmod:poss"),
            (1, "conj"),
            (1, "flat"),
            (6, "flat"),
        ];
        let mut right = owned(&parsed);
        right[5] = (5, "appos".to_string());
        assert_eq!(run(&words, &tags, &parsed), right);
    }

    #[test]
    fn a_name_hung_as_an_adjective_on_a_noun_before_it_is_its_apposition() {
        // "his wife , Edda Lorn" with "Edda" the wife's amod.
        let tags = [Pron, Noun, Punct, Propn, Propn];
        let parsed = [(2, "nmod:poss"), (0, "root"), (4, "punct"), (2, "amod"), (4, "flat")];
        let mut arcs = arcs_of(&parsed);
        name_no_modifier(&tags, &mut arcs);
        assert_eq!((arcs[3].head, arcs[3].deprel.as_str()), (2, "appos"));
        // A name before its noun ("the Lornby office") keeps what the parse made of it.
        let tags = [Det, Propn, Noun];
        let mut arcs = vec![
            Arc { head: 3, deprel: "det".into() },
            Arc { head: 3, deprel: "amod".into() },
            Arc { head: 0, deprel: "root".into() },
        ];
        name_no_modifier(&tags, &mut arcs);
        assert_eq!(arcs[1].deprel, "amod");
    }

    #[test]
    fn a_name_after_a_conjoined_noun_is_its_apposition_not_a_second_subject() {
        let (tags, parsed) = daughter_left_ill();
        let mut arcs = arcs_of(&parsed);
        name_no_second_subject(&tags, &mut arcs);
        assert_eq!((arcs[4].head, arcs[4].deprel.as_str()), (4, "appos"));
        // One subject: left alone.
        let mut arcs = arcs_of(&parsed);
        arcs[0] = Arc { head: 4, deprel: "compound".into() };
        let before = arcs.clone();
        name_no_second_subject(&tags, &mut arcs);
        assert_eq!(arcs, before);
    }

    /// "Brask and his daughter Edda were left ill" with "Edda" a second subject of "left".
    fn daughter_left_ill() -> ([Upos; 8], [(usize, &'static str); 8]) {
        let tags = [Propn, Cconj, Pron, Noun, Propn, Aux, Verb, Adj];
        let parsed = [
            (7, "nsubj:pass"),
            (4, "cc"),
            (4, "nmod:poss"),
            (1, "conj"),
            (7, "nsubj:pass"),
            (7, "aux:pass"),
            (0, "root"),
            (7, "xcomp"),
        ];
        (tags, parsed)
    }

    #[test]
    fn two_proper_noun_subjects_side_by_side_are_one_name() {
        // "Colonel Anton Halvard Brask is the head of ..." with "Colonel Anton" and "Brask"
        // both subjects of "head", and "Halvard" Brask's amod.
        let tags = [Propn, Propn, Propn, Propn, Aux, Det, Noun];
        let parsed = [
            (7, "nsubj"),
            (1, "flat"),
            (4, "amod"),
            (7, "nsubj"),
            (7, "cop"),
            (7, "det"),
            (0, "root"),
        ];
        let mut arcs = arcs_of(&parsed);
        name_one_subject(&tags, &mut arcs);
        let got: Vec<(usize, &str)> = arcs.iter().map(|a| (a.head, a.deprel.as_str())).collect();
        assert_eq!(got[..4], [(7, "nsubj"), (1, "flat"), (1, "flat"), (1, "flat")]);
        // A common noun between ("Brask and his daughter Edda"): not one name.
        let (tags, parsed) = daughter_left_ill();
        let mut arcs = arcs_of(&parsed);
        let before = arcs.clone();
        name_one_subject(&tags, &mut arcs);
        assert_eq!(arcs, before);
    }

    #[test]
    fn a_surname_hung_across_a_comma_and_a_phrase_is_the_nominal_after_of() {
        // "Brask , the cousin of Piet Oranje ," with "Oranje" a flat of "Brask".
        let tags = [Propn, Punct, Det, Noun, Adp, Propn, Propn, Punct];
        let parsed = [
            (0, "root"),
            (4, "punct"),
            (4, "det"),
            (1, "appos"),
            (7, "case"),
            (7, "compound"),
            (1, "flat"),
            (1, "punct"),
        ];
        let mut arcs = arcs_of(&parsed);
        flat_not_across_phrase(&tags, &mut arcs);
        assert_eq!((arcs[6].head, arcs[6].deprel.as_str()), (4, "nmod"));
        // "Brask , Director of the group Lornby Varsk" with "Varsk" a flat of "Brask" and
        // "of" on "Lornby": the preposition on a word of the name's phrase.
        let tags = [Propn, Punct, Noun, Adp, Det, Noun, Propn, Propn];
        let parsed = [
            (0, "root"),
            (3, "punct"),
            (1, "appos"),
            (7, "case"),
            (7, "det"),
            (7, "compound"),
            (8, "compound"),
            (1, "flat"),
        ];
        let mut arcs = arcs_of(&parsed);
        flat_not_across_phrase(&tags, &mut arcs);
        assert_eq!((arcs[7].head, arcs[7].deprel.as_str()), (3, "nmod"));
        assert_eq!((arcs[3].head, arcs[4].head), (8, 8), "'of the' on the phrase's head");
        // "Brask , Piet" as a header writes a name: left alone.
        let tags = [Propn, Punct, Propn];
        let mut arcs = arcs_of(&[(0, "root"), (1, "punct"), (1, "flat")]);
        let before = arcs.clone();
        flat_not_across_phrase(&tags, &mut arcs);
        assert_eq!(arcs, before);
    }

    #[test]
    fn names_within_themselves_and_across_an_ampersand_are_left_alone() {
        let words = ["Piet", "Oranje", "and", "Edda", "Lorn"];
        let tags = [Propn, Propn, Cconj, Propn, Propn];
        let right = [(0, "root"), (1, "flat"), (4, "cc"), (1, "conj"), (4, "flat")];
        assert_eq!(run(&words, &tags, &right), owned(&right));
        // "Oranje & Lorn Partners" as the treebank writes a firm: a flat across "&".
        let words = ["Oranje", "&", "Lorn", "Partners"];
        let tags = [Propn, Cconj, Propn, Propn];
        let firm = [(0, "root"), (1, "cc"), (1, "flat"), (1, "flat")];
        assert_eq!(run(&words, &tags, &firm), owned(&firm));
    }

    #[test]
    fn a_bodys_name_goes_on_after_of_or_for_with_capitals() {
        // "Brask , the director of the Agency for Trade and Security ." with "Trade" hung on
        // "director".
        let words = ["Brask", ",", "the", "director", "of", "the", "Agency", "for", "Trade", "and"];
        let words: Vec<&str> = words.iter().chain(&["Security", "."]).copied().collect();
        let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
        let tags = [Propn, Punct, Det, Noun, Adp, Det, Propn, Adp, Propn, Cconj, Propn, Punct];
        let tree = [
            (0, "root"),
            (4, "punct"),
            (4, "det"),
            (1, "appos"),
            (7, "case"),
            (7, "det"),
            (4, "nmod"),
            (9, "case"),
            (4, "nmod"),
            (11, "cc"),
            (9, "conj"),
            (1, "punct"),
        ];
        let mut arcs = arcs_of(&tree);
        body_name_goes_on(&words, &lower, &tags, &mut arcs);
        assert_eq!(arcs[8].head, 7);
        // Without "the" before it the proper noun may be a person's name: left alone.
        let mut arcs = arcs_of(&tree);
        arcs[5].head = 4;
        let before = arcs.clone();
        body_name_goes_on(&words, &lower, &tags, &mut arcs);
        assert_eq!(arcs, before);
        // Another preposition ("to Trade") too.
        let mut lower = lower;
        lower[7] = "to".to_string();
        let mut arcs = arcs_of(&tree);
        let before = arcs.clone();
        body_name_goes_on(&words, &lower, &tags, &mut arcs);
        assert_eq!(arcs, before);
    }
}
