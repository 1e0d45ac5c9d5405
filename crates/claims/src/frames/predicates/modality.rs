//! Modality and attribution of a frame's claim from the clauses above its predicate.

use super::arguments::Parse;
use super::{Lexicon, PEOPLE};
use crate::extract::{Arg, Doc};
use crate::{Claim, Modality};

/// Modality and attribution from the parse: negation of the predicate, "allegedly", and
/// the verbs above it (a reporting verb's complement is reported by its subject, a denial's
/// is denied, an accusation's alleged); otherwise what the regex cues said.
pub(super) fn modality(
    lex: &Lexicon,
    doc: &Doc<'_>,
    s: &Parse<'_>,
    p: usize,
    claim: &mut Claim,
    confidence: f64,
) {
    let words = &lex.words;
    let adverbs: Vec<&String> = s.children[p].iter().map(|&c| s.lemma(c)).collect();
    let set = |m: Modality, by: Option<String>, claim: &mut Claim| {
        claim.modality = m;
        if by.is_some() || m == Modality::Asserted {
            claim.attributed_to = by;
        }
    };
    if s.children[p].iter().any(|&c| {
        matches!(s.rel(c), "advmod" | "neg" | "det") && words.negation.contains(s.lemma(c))
    }) {
        set(Modality::Denied, None, claim);
    } else if adverbs.iter().any(|a| words.alleged.contains(a)) {
        set(Modality::Alleged, None, claim);
    } else {
        // Up the clauses: "X said that ...", "X denied that ...".
        let mut at = p;
        let mut hops = 0;
        let reporter = |v: usize| -> Option<String> {
            let subj = speaker(s, v)?;
            let Some(m) = s.mention(subj, PEOPLE).or_else(|| s.body(subj)) else {
                // "the security source said": the source as written.
                let phrase = s.phrase(subj, false);
                let phrase = phrase.strip_prefix("the ").unwrap_or(&phrase).to_string();
                return (s.word(subj).upos != "PRON").then_some(phrase);
            };
            doc.person_name(&Arg::Mention(m))
                .filter(|_| PEOPLE.contains(&doc.view.mentions[m].kind))
                .map(|(n, _)| n)
                .or_else(|| Some(doc.mention_text(m)))
        };
        // "..., the military said": a parataxis below the predicate.
        let mut verdict = s
            .kids(p, "parataxis")
            .find(|&v| words.reporting.contains(s.lemma(v)))
            .map(|v| (Modality::Reported, reporter(v)));
        while verdict.is_none() && hops < 4 {
            let Some(h) = s.head(at) else { break };
            let rel = s.rel(at).to_string();
            let lemma = s.lemma(h);
            if rel == "ccomp" || rel == "xcomp" || rel == "parataxis" {
                if words.denial.contains(lemma) {
                    verdict = Some((Modality::Denied, reporter(h)));
                } else if words.accusing.contains(lemma) {
                    verdict = Some((Modality::Alleged, reporter(h)));
                } else if words.reporting.contains(lemma) {
                    verdict = Some((Modality::Reported, reporter(h)));
                }
            }
            at = h;
            hops += 1;
        }
        match verdict {
            Some((m, by)) => set(m, by, claim),
            None if adverbs.iter().any(|a| words.reported.contains(a)) => {
                set(Modality::Reported, None, claim)
            }
            None => {}
        }
    }
    claim.confidence = (confidence * claim.modality.weight() * 1000.0).round() / 1000.0;
}

/// Who a whole sentence is reported by: "..., the military said." (a reporting verb at the
/// root above a clause, or a parataxis of the root) or "according to X"; `None` when the
/// author says it.
pub(super) fn sentence_source(lex: &Lexicon, doc: &Doc<'_>, s: &Parse<'_>) -> Option<String> {
    let words = &lex.words;
    let root = (0..s.len).find(|&w| s.word(w).head == 0)?;
    let verb = if words.reporting.contains(s.lemma(root))
        && s.children[root].iter().any(|&c| matches!(s.rel(c), "ccomp" | "parataxis"))
    {
        Some(root)
    } else {
        s.kids(root, "parataxis").find(|&v| words.reporting.contains(s.lemma(v)))
    };
    if let Some(v) = verb {
        let subj = speaker(s, v)?;
        if s.word(subj).upos == "PRON" {
            return None;
        }
        if let Some(m) = s.mention(subj, PEOPLE).or_else(|| s.body(subj)) {
            return doc
                .person_name(&Arg::Mention(m))
                .filter(|_| PEOPLE.contains(&doc.view.mentions[m].kind))
                .map(|(n, _)| n)
                .or_else(|| Some(s.phrase(subj, false)));
        }
        let phrase = s.phrase(subj, false);
        return Some(phrase.strip_prefix("the ").unwrap_or(&phrase).to_string());
    }
    // "according to X"
    let according = (0..s.len).find(|&w| s.lemma(w) == "according")?;
    let h = s.head(according).filter(|&h| s.kid(h, "case").is_some())?;
    let phrase = s.phrase(h, true);
    let phrase = phrase.strip_prefix("to ").unwrap_or(&phrase);
    Some(phrase.strip_prefix("the ").unwrap_or(phrase).to_string())
}

/// The subject of a reporting verb: where the parser gave it two ("X, who uploaded the
/// picture, ... AFP reported"), the one nearest before the verb.
pub(super) fn speaker(s: &Parse<'_>, v: usize) -> Option<usize> {
    s.kids(v, "nsubj").filter(|&a| a < v).last().or_else(|| s.kid(v, "nsubj"))
}
