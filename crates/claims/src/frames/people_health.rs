//! Statements of a person's health read off the parse: harm done to them, a malady they
//! suffer or undergo, being taken to or kept in hospital, a stated condition.

use super::{
    AILMENT, CONDITION, HARM, Lexicon, Parse, SUBJECTS, candidate, subject, subject_before, words,
};
use crate::extract::{Arg, Candidate, Doc};

/// Past forms of the verbs of `afflicted` that the tagger, not knowing them as verbs, takes
/// for adjectives of the malady ("X underwent surgery" parsed as a noun phrase "underwent
/// surgery" with X its compound or subject).
const AFFLICTED_AS_ADJECTIVE: &[&str] = &["underwent", "suffered", "contracted"];

pub(super) fn health(
    doc: &Doc<'_>,
    p: &Parse<'_>,
    lex: &Lexicon,
    i: usize,
    out: &mut Vec<Candidate<'static>>,
) {
    let lemma = p.lemma(i);
    let upos = p.words[i].upos.as_str();
    // "he had been killed or seriously wounded": the harm with its degree.
    if lex.harmed.contains(lemma) && matches!(upos, "VERB" | "ADJ") {
        let passive = p.children[i]
            .iter()
            .any(|&c| p.words[c].deprel == "aux:pass" || p.words[c].deprel == "nsubj:pass")
            || p.rel(i) == "conj"
            || p.kids(i, "cop").next().is_some();
        if !passive {
            return;
        }
        let lo = p.kids(i, "advmod").filter(|&c| c + 1 == i).min().unwrap_or(i);
        let Some(m) = subject(doc, p, i) else { return };
        out.push(candidate(
            doc,
            p,
            HARM,
            &[m],
            vec![("person", Arg::Mention(m)), ("condition", Arg::Text(words(p, lo, i)))],
        ));
        return;
    }
    // "X was left critically ill", "fell ill", "whether he is well enough to attend": a
    // predicate only, on a copula or a linking verb ("the ill man" describes). The parser
    // hangs these words loosely ("ill" made a marker of the next clause, "well" an adverb of
    // "attend"), so where the parse links no subject the words themselves are read.
    let fit = lex.fit.contains(lemma)
        && p.words.get(i + 1).is_some_and(|_| p.form(i + 1).eq_ignore_ascii_case("enough"));
    if (lex.unwell.contains(lemma) || fit) && !matches!(p.rel(i), "amod" | "compound") {
        let head = p.head(i);
        let linked = p.kids(i, "cop").next().is_some()
            || head.is_some_and(|h| {
                lex.linking.contains(p.lemma(h)) || fit && p.kids(h, "cop").next().is_some()
            });
        // Its degree right before it ("critically ill", "too frail").
        let mut lo = i;
        while lo > 0 && i - lo < 2 && p.words[lo - 1].upos == "ADV" {
            lo -= 1;
        }
        let parsed = linked
            .then(|| subject(doc, p, i).or_else(|| head.and_then(|h| subject(doc, p, h))))
            .flatten();
        let Some(m) = parsed.or_else(|| subject_before(doc, p, lex, lo)) else { return };
        let hi = if fit { i + 1 } else { i };
        // "X and his daughter Y were left critically ill": every conjunct of the subject.
        let mut people = vec![m];
        if parsed.is_some() {
            people.extend(subject_conjuncts(doc, p, m));
        }
        for m in people {
            out.push(candidate(
                doc,
                p,
                CONDITION,
                &[m],
                vec![("person", Arg::Mention(m)), ("condition", Arg::Text(words(p, lo, hi)))],
            ));
        }
        return;
    }
    // "X has medical problems".
    if lex.ailments.contains(lemma)
        && p.words[i].deprel == "obj"
        && let Some(v) = p.head(i)
        && p.lemma(v) == "have"
        && p.children[i].iter().any(|&c| {
            matches!(p.rel(c), "amod" | "compound") && lex.ailment_modifiers.contains(p.lemma(c))
        })
        && let Some(m) = subject(doc, p, v)
    {
        let lo = p.children[i].iter().copied().filter(|&c| c < i).min().unwrap_or(i);
        let condition = format!("{} {}", p.form(v), words(p, lo, i));
        out.push(candidate(
            doc,
            p,
            AILMENT,
            &[m],
            vec![("person", Arg::Mention(m)), ("condition", Arg::Text(condition))],
        ));
        return;
    }
    // "X suffered a stroke", "underwent surgery", "was diagnosed with cancer".
    if lex.maladies.contains(lemma)
        && upos == "NOUN"
        && let Some(v) = p.head(i)
        && lex.afflicted.contains(p.lemma(v))
        && (p.rel(i) == "obj"
            || p.rel(i) == "obl"
                && p.case(i).is_some_and(|k| matches!(k.as_str(), "with" | "from" | "of" | "for")))
        && let Some(m) = subject(doc, p, v)
    {
        let lo = p.children[i].iter().copied().filter(|&c| c < i && p.rel(c) != "det").min();
        out.push(ailment(doc, p, m, v, lo.unwrap_or(i), i));
        return;
    }
    // The misparse of "X underwent (heart) surgery": the verb an adjective of the malady,
    // whose subject is the noun's subject or the name compounded before the verb.
    if lex.maladies.contains(lemma)
        && upos == "NOUN"
        && let Some(v) = p.children[i].iter().copied().find(|&c| {
            c < i && p.rel(c) == "amod" && AFFLICTED_AS_ADJECTIVE.contains(&p.lemma(c).as_str())
        })
        && let Some(m) = p
            .kids(i, "nsubj")
            .find(|&s| s < v)
            .and_then(|s| {
                // "The minister, X, underwent surgery": the name in apposition.
                p.mention_of(doc, s, SUBJECTS)
                    .or_else(|| p.kids(s, "appos").find_map(|a| p.mention_of(doc, a, SUBJECTS)))
            })
            .or_else(|| {
                let name = p.kids(i, "compound").filter(|&k| k < v).min()?;
                p.mention_of(doc, name, SUBJECTS)
            })
    {
        let lo = p.children[i].iter().copied().filter(|&c| c > v && c < i).min();
        out.push(ailment(doc, p, m, v, lo.unwrap_or(i), i));
        return;
    }
    // "X was rushed to a local hospital", "X remains in hospital": the one taken there, or
    // kept there, is unwell; whoever takes someone else there is not.
    if lex.hospitals.contains(lemma)
        && upos == "NOUN"
        && p.rel(i) == "obl"
        && p.case(i).is_some_and(|k| k == "to" || k == "in")
        && let Some(v) = p.head(i)
        && (lex.kept.contains(p.lemma(v))
            || lex.taken.contains(p.lemma(v))
                && p.children[v].iter().any(|&c| p.words[c].deprel.ends_with(":pass")))
        && let Some(m) = subject(doc, p, v)
    {
        out.push(candidate(
            doc,
            p,
            HARM,
            &[m],
            vec![("person", Arg::Mention(m)), ("condition", Arg::Text(words(p, v, i)))],
        ));
        return;
    }
    // "she is in good condition", "he is in poor health".
    if lex.states.contains(lemma)
        && p.case(i).as_deref() == Some("in")
        && p.children[i].iter().any(|&c| p.rel(c) == "amod" && lex.conditions.contains(p.lemma(c)))
    {
        let m = subject(doc, p, i).or_else(|| p.head(i).and_then(|h| subject(doc, p, h)));
        let Some(m) = m else { return };
        let lo = p.kids(i, "case").min().unwrap_or(i);
        out.push(candidate(
            doc,
            p,
            CONDITION,
            &[m],
            vec![("person", Arg::Mention(m)), ("condition", Arg::Text(words(p, lo, i)))],
        ));
    }
}

/// The people conjoined to the subject mention `m` ("X and his daughter Y"): each conjunct's
/// own name, or the name apposed to a conjunct that is a kin or other noun.
fn subject_conjuncts(doc: &Doc<'_>, p: &Parse<'_>, m: usize) -> Vec<usize> {
    // The name's head: its word whose head lies outside it.
    let inside = |k: usize| p.mention[k] == Some(m);
    let Some(w) = (0..p.words.len()).find(|&k| inside(k) && p.head(k).is_none_or(|h| !inside(h)))
    else {
        return Vec::new();
    };
    let mut out = Vec::new();
    for c in p.with_conjuncts(w).into_iter().skip(1) {
        let named = p.mention_of(doc, c, SUBJECTS).or_else(|| {
            let kids = p.children[c].iter().copied();
            kids.filter(|&k| matches!(p.rel(k), "appos" | "flat" | "compound"))
                .find_map(|k| p.mention_of(doc, k, SUBJECTS))
        });
        if let Some(o) = named.filter(|&o| o != m && !out.contains(&o)) {
            out.push(o);
        }
    }
    out
}

/// A health candidate whose condition is the verb and the malady's phrase ("underwent heart
/// surgery").
fn ailment(
    doc: &Doc<'_>,
    p: &Parse<'_>,
    m: usize,
    verb: usize,
    lo: usize,
    malady: usize,
) -> Candidate<'static> {
    let condition = format!("{} {}", p.form(verb), words(p, lo, malady));
    candidate(
        doc,
        p,
        AILMENT,
        &[m],
        vec![("person", Arg::Mention(m)), ("condition", Arg::Text(condition))],
    )
}
