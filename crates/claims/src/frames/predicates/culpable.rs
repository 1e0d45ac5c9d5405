//! Guilt stated of a named person or body: "X was responsible for the disappearance of
//! ...", "X ordered the killing of ...", "X's role in the killings", "the killing was ordered
//! by X", by the author or by whoever says so (apart from `allegations`, which reads the verbs
//! and nouns of accusing).

use super::allegations::{ACCUSED, ACCUSERS, allegations, alleged_context, clause, crime};
use super::arguments::Parse;
use super::{Found, Lexicon};
use crate::view::Kind;

/// Whether a lemma is a verb that is a crime in itself. The lemmatizer may cut the "e" of a
/// verb in "-le" it never saw in training ("embezzled" → "embezzl").
fn is_crime_verb(crime_verbs: &[String], lemma: &str) -> bool {
    crime_verbs
        .iter()
        .any(|v| v == lemma || v.strip_suffix('e') == Some(lemma) && v.ends_with("le"))
}

/// "X was responsible for the disappearance of ...", "Rights groups say X is liable for
/// ...", "X ordered the killing of 40 prisoners, prosecutors said": guilt stated of a named
/// person or body, by the author or by the one who says it.
pub(super) fn culpable(lex: &Lexicon, s: &Parse<'_>, p: usize) -> Option<Vec<Found>> {
    let words = &lex.words;
    // "The state has not carried out an execution since 2003": a deed said not done is no
    // guilt.
    let negated = s.children[p]
        .iter()
        .any(|&c| matches!(s.rel(c), "advmod" | "neg") && words.negation.contains(s.lemma(c)));
    if negated {
        return None;
    }
    let lemma = s.lemma(p);
    let upos = s.word(p).upos.as_str();
    if upos == "NOUN" && words.culpable_nouns.contains(lemma) {
        return culpable_noun(lex, s, p);
    }
    let act_word = if matches!(upos, "ADJ" | "VERB") && words.culpable.contains(lemma) {
        // "responsible for", "complicit in"; "linked to" only in the passive ("X was linked
        // to the killings"): the subject of an active "linked" ties others to it. "Liable as
        // a co-perpetrator for the killings": the parse may hang the crime on the "as" phrase.
        let as_phrases = s.kids(p, "obl").filter(|&o| s.case(o).as_deref() == Some("as"));
        let on_as: Vec<usize> = as_phrases.flat_map(|o| s.kids(o, "nmod")).collect();
        s.kids(p, "obl")
            .chain(on_as)
            .find(|&o| match s.case(o).as_deref() {
                Some("for" | "in") => true,
                Some("to") => s.passive(p),
                _ => false,
            })
            .filter(|&o| crime(lex, s, o))?
    } else if upos == "VERB" && is_crime_verb(&words.crime_verbs, lemma) {
        p
    } else if upos == "VERB" && words.profit.contains(lemma) {
        // "benefited from this corruption", "profited from the smuggling"
        s.kids(p, "obl")
            .find(|&o| s.case(o).as_deref() == Some("from"))
            .filter(|&o| crime(lex, s, o))?
    } else if upos == "VERB" && words.perpetrate.contains(lemma) && s.passive(p) {
        // "the killing was ordered by X": the agent perpetrated the crime its subject names.
        // The parser may hang the verb on the crime as a relative clause ("said the
        // killing of X was ordered by Y" read as "the killing [that] X was ordered").
        let crime_word = s
            .kid(p, "nsubj:pass")
            .filter(|&o| crime(lex, s, o))
            .or_else(|| s.head(p).filter(|&h| s.rel(p).starts_with("acl") && crime(lex, s, h)))?;
        return perpetrated_by(lex, s, p, crime_word);
    } else if upos == "VERB" && words.perpetrate.contains(lemma) {
        // "ordered the killing of ...", "oversaw attacks on civilians"
        s.kid(p, "obj").filter(|&o| crime(lex, s, o))?
    } else if upos == "VERB"
        && !lex.verbs.contains_key(lemma)
        && !words.guilt_free.contains(lemma)
        && !words.reporting.contains(lemma)
        && reporter_of(lex, s, p).is_some()
    {
        // "X used intimidation to ..., said Y", "Y said X championed a campaign of torture":
        // a deed with a crime in it, said by someone of a named person, is an accusation.
        s.children[p]
            .iter()
            .copied()
            .filter(|&c| matches!(s.rel(c), "obj" | "obl" | "xcomp" | "advcl"))
            // "X resigned after a judge issued an order in the fraud case": a clause with a
            // subject of its own, named, tells another's deed.
            .filter(|&c| {
                let subject = s.kid(c, "nsubj").or_else(|| s.kid(c, "nsubj:pass"));
                s.rel(c) != "advcl" || subject.is_none_or(|x| s.word(x).upos == "PRON")
            })
            // "spoke about the killings", "a conference on corruption": a topic, no deed.
            .filter(|&c| {
                !matches!(
                    s.case(c).as_deref(),
                    Some("on" | "about" | "against" | "into" | "over" | "at" | "after" | "despite")
                )
            })
            .find(|&c| crime(lex, s, c))?
    } else {
        return None;
    };
    // "Mazur, the Treasury said, laundered millions", "who the Treasury said laundered
    // money": the parser may read the crime verb right after "said" as an adjective on its
    // object. The reporting verb then holds both subjects: the speaker nearest it, the one
    // accused before.
    let misread_report = (upos == "VERB" && s.rel(p) == "amod")
        .then(|| s.head(p))
        .flatten()
        .filter(|&n| s.rel(n) == "obj" && n > p)
        .and_then(|n| s.head(n))
        .filter(|&h| {
            let between = (h + 1..p).all(|w| s.word(w).upos == "PUNCT");
            h < p && between && words.reporting.contains(s.lemma(h))
        });
    // "X was involved in ...": the passive subject, only for words of guilt (the passive
    // subject of "tortured" is the victim).
    let subj = s
        .kid(p, "nsubj")
        .or_else(|| {
            let h = misread_report?;
            let speaker = super::modality::speaker(s, h)?;
            // The one accused may hang as a bare oblique ("Teodor Mazur, the Treasury said, ...").
            s.children[h]
                .iter()
                .copied()
                .filter(|&a| a < speaker && s.case(a).is_none())
                .rfind(|&a| matches!(s.rel(a), "nsubj" | "obl" | "obl:unmarked" | "dep"))
                .map(|a| s.antecedent(a, h))
        })
        .or_else(|| s.kid(p, "nsubj:pass").filter(|_| words.culpable.contains(lemma)))
        .or_else(|| {
            // "X, who the Treasury said acted as a front man ...": the relative pronoun the
            // parser gave the reporting verb (as its subject or its object), before its
            // speaker, is the clause's subject.
            let h = s.head(p).filter(|&h| {
                matches!(s.rel(p), "ccomp" | "xcomp") && words.reporting.contains(s.lemma(h))
            })?;
            let speaker = super::modality::speaker(s, h)?;
            s.kids(h, "nsubj")
                .chain(s.kids(h, "obj"))
                .find(|&a| a < speaker && s.word(a).upos == "PRON" && s.rel(h) == "acl:relcl")
                .map(|a| s.antecedent(a, h))
        })
        .or_else(|| {
            // "X, a resident of Y, conspired in the plot, prosecutor Z said": the parse may give
            // the reporting verb both subjects; the one before the clause is the clause's.
            let h = s
                .head(p)
                .filter(|&h| s.rel(p) == "ccomp" && words.reporting.contains(s.lemma(h)))?;
            let speaker = super::modality::speaker(s, h).filter(|&w| w > p)?;
            s.kids(h, "nsubj").find(|&a| a < p && a != speaker)
        })
        .or_else(|| {
            // "said the officials had incited ...": the parser makes the clause's subject
            // the object of the reporting verb.
            let h = s
                .head(p)
                .filter(|&h| s.rel(p) == "ccomp" && words.reporting.contains(s.lemma(h)))?;
            s.kid(h, "obj").filter(|&o| o < p)
        })
        .or_else(|| {
            // "the officials had \"incited ...\"": the auxiliary taken for the verb.
            let h = s.head(p).filter(|&h| s.word(h).upos == "AUX")?;
            s.kid(h, "nsubj")
        })?;
    let subj = s.antecedent(subj, p);
    let mut accused = s.mentions(subj, ACCUSED);
    // "His brother A, former assistant B and former partner C benefited ...": the parser
    // may give the verb one subject per name.
    for other in s.kids(p, "nsubj").filter(|&o| o != subj) {
        for m in s.mentions(other, ACCUSED) {
            if !accused.contains(&m) {
                accused.push(m);
            }
        }
    }
    if accused.is_empty() {
        accused = super::groups::members(lex, s, subj);
    }
    if accused.is_empty() {
        return None;
    }
    // "X conspired in the plot with Y": who did the crime with the subject did it too.
    if is_crime_verb(&words.crime_verbs, lemma) {
        let obls: Vec<usize> = s.kids(p, "obl").collect();
        let nested = obls.iter().flat_map(|&o| s.kids(o, "nmod").collect::<Vec<_>>());
        let with: Vec<usize> = obls
            .iter()
            .copied()
            .chain(nested)
            .filter(|&o| s.case(o).as_deref() == Some("with"))
            .collect();
        for o in with {
            for m in s.mentions(o, &[Kind::Per]) {
                if !accused.contains(&m) {
                    accused.push(m);
                }
            }
        }
    }
    let reporter = reporter_of(lex, s, p).or(misread_report);
    // An act told by the author stands only for intrinsically criminal verbs and for the
    // perpetration of a crime; a reporting verb makes any of them an allegation.
    if reporter.is_none() && words.culpable.contains(lemma) && !alleged_context(lex, s) {
        return None;
    }
    let accuser = reporter.and_then(|v| accuser_of(s, v));
    // The misread verb's clause is its object's phrase ("laundered money for ...").
    let act = match misread_report {
        Some(h) => s.kid(h, "obj").map(|n| s.phrase(n, false)),
        None => clause(s, p, lex),
    };
    let mut ws = vec![p, subj, act_word];
    ws.extend(reporter);
    Some(allegations(s, p, accused, accuser, act, "verb", ws))
}

/// "the two suspects bear responsibility for missile strikes", "X's role in the killings":
/// a noun of guilt with a crime, said of its possessor or of the subject of the verb it is
/// the object of, where the sentence reports or accuses.
fn culpable_noun(lex: &Lexicon, s: &Parse<'_>, p: usize) -> Option<Vec<Found>> {
    // The "for"/"in" phrase; the parser may split it ("role in the so-called \"death
    // commission\" that ordered ...": "so-called" the phrase, "commission" a bare nmod after
    // it), so a bare nmod after it counts as its rest.
    let opening =
        s.kids(p, "nmod").find(|&o| matches!(s.case(o).as_deref(), Some("for" | "in")))?;
    let act = std::iter::once(opening)
        .chain(s.kids(p, "nmod").filter(|&o| o > opening && s.case(o).is_none()))
        .find(|&o| crime(lex, s, o))?;
    let who = s
        .kid(p, "nmod:poss")
        .or_else(|| {
            let h = s.head(p).filter(|_| s.rel(p) == "obj")?;
            s.kid(h, "nsubj").map(|a| s.antecedent(a, h))
        })
        .or_else(|| {
            // "X bears responsibility": the parser may take "bears" for a noun; the name right
            // before the verb is its subject.
            // Adjectives between them ("bears direct responsibility") are the noun's; the
            // tagger's lemma of a verb it took for a noun may be the form ("bore").
            let verb = (0..p)
                .rev()
                .find(|&v| !matches!(s.word(v).upos.as_str(), "ADJ" | "ADV"))
                .filter(|&v| {
                    let form = s.doc.input.text[s.word(v).span.clone()].to_lowercase();
                    BEAR.contains(&s.lemma(v).as_str()) || BEAR_FORMS.contains(&form.as_str())
                })?;
            let before = verb.checked_sub(1)?;
            // "the two suspects bear responsibility": a group the sentences before name.
            let group =
                s.word(before).upos == "NOUN" && !super::groups::members(lex, s, before).is_empty();
            (s.mention(before, ACCUSED).is_some() || group).then_some(before)
        })?;
    let mut accused = s.mentions(who, ACCUSED);
    if accused.is_empty() {
        accused = super::groups::members(lex, s, who);
    }
    if accused.is_empty() || !alleged_context(lex, s) {
        return None;
    }
    // "The Treasury noted X's role in ...": the verb the noun is the object of may be the
    // reporting verb itself.
    let reporting_head = s.head(p).filter(|&h| {
        // "X bears responsibility for ..., Y said", the noun hung on "said" as an oblique.
        matches!(s.rel(p), "obj" | "obl") && lex.words.reporting.contains(s.lemma(h)) && h != who
    });
    let reporter = s
        .head(p)
        .and_then(|h| reporter_of(lex, s, h))
        .or_else(|| reporter_of(lex, s, p))
        .or(reporting_head);
    let accuser = reporter.and_then(|v| accuser_of(s, v));
    let act_text = Some(format!("{} {}", s.lemma(p), s.phrase(act, false)));
    Some(allegations(s, p, accused, accuser, act_text, "noun", vec![p, who, act]))
}

/// Verbs that hold a noun of guilt ("bears responsibility", "had a role").
const BEAR: &[&str] = &["bear", "have", "carry", "share", "play"];

/// The inflected forms of [`BEAR`] the tagger may leave unlemmatised when it reads them as
/// nouns.
const BEAR_FORMS: &[&str] = &[
    "bears", "bore", "borne", "has", "had", "carries", "carried", "shares", "shared", "plays",
    "played",
];

/// Who says a clause: a reporting verb above ("X said Y ...") or beside ("..., X said").
pub(super) fn reporter_of(lex: &Lexicon, s: &Parse<'_>, p: usize) -> Option<usize> {
    let words = &lex.words;
    s.kids(p, "parataxis")
        .find(|&v| words.reporting.contains(s.lemma(v)))
        .or_else(|| {
            // "who the Treasury said acted as ...": the parser may take the clause said for
            // the reporting verb's xcomp.
            // A verb of accusing says only its complement, and only in the active voice:
            // "Y is accused of ...; X imposed sanctions" parses the second clause as the
            // passive's parataxis, and the one accused there says nothing of X.
            let h = s.head(p)?;
            let rel = s.rel(p);
            let reports = matches!(rel, "ccomp" | "parataxis" | "xcomp")
                && words.reporting.contains(s.lemma(h));
            let accuses = matches!(rel, "ccomp" | "xcomp")
                && !s.passive(h)
                && words.accusing.contains(s.lemma(h));
            (reports || accuses).then_some(h)
        })
        // "According to Y, X ordered the killings": Y's phrase stands for its verb.
        .or_else(|| s.kids(p, "obl").find(|&o| s.case(o).as_deref() == Some("according")))
}

/// Who accuses through a reporter: the subject of a reporting verb, or the "according to"
/// phrase itself.
pub(super) fn accuser_of(s: &Parse<'_>, v: usize) -> Option<usize> {
    let who = if s.word(v).upos == "VERB" { super::modality::speaker(s, v)? } else { v };
    s.mention(who, ACCUSERS).or_else(|| s.body(who))
}

/// "The killing was ordered by X": X is accused of the crime, by whoever says so.
fn perpetrated_by(lex: &Lexicon, s: &Parse<'_>, p: usize, crime_word: usize) -> Option<Vec<Found>> {
    let agent = s.agent(p)?;
    let accused = s.mentions(agent, ACCUSED);
    if accused.is_empty() {
        return None;
    }
    let accuser = reporter_of(lex, s, p).and_then(|v| accuser_of(s, v));
    let act = Some(format!("{} {}", s.lemma(p), s.phrase(crime_word, false)));
    let words = vec![p, agent, crime_word];
    Some(allegations(s, p, accused, accuser, act, "verb", words))
}
