//! People frames: what a sentence says about a person rather than an event, read off the
//! parse. Nationality from a demonym on a noun for the person ("X, a 63-year-old Varskian
//! former prisons official", "the Ruritanian couple A and B") and from a counted group that a
//! list then names ("sanctioned three Ruritanian nationals. ... A, B and C"); age from "X is
//! N years old"; health from harm and condition statements ("he had been killed or seriously
//! wounded", "X has medical problems", "she is in good condition"); relations from kin words
//! with a possessor and an apposition ("his father, X") and plural kin words over a list
//! ("the Okafor brothers, A and B").

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::{Parse, view_span};
use crate::ClaimType;
use crate::extract::{Arg, Candidate, Doc};
use crate::rules::Rule;
use crate::view::Kind;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct Lexicon {
    #[allow(dead_code)]
    version: u32,
    described: HashSet<String>,
    counted: HashSet<String>,
    ailments: HashSet<String>,
    ailment_modifiers: HashSet<String>,
    conditions: HashSet<String>,
    states: HashSet<String>,
    afflicted: HashSet<String>,
    maladies: HashSet<String>,
    unwell: HashSet<String>,
    fit: HashSet<String>,
    linking: HashSet<String>,
    harmed: HashSet<String>,
    hospitals: HashSet<String>,
    taken: HashSet<String>,
    kept: HashSet<String>,
    mutual: HashSet<String>,
}

static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    toml::from_str(include_str!("../../rules/people.toml")).expect("rules/people.toml parses")
});

/// The frames' rules by name, so that claims carry a rule name like the pattern rules'.
static RULES: LazyLock<BTreeMap<&'static str, Rule>> = LazyLock::new(|| {
    let rule = |name: &str, kind: ClaimType, key: Option<&str>| Rule {
        set: key.map(|k| BTreeMap::from([("key".to_string(), k.to_string())])).unwrap_or_default(),
        ..Rule::without_pattern(name, kind)
    };
    let mut out = BTreeMap::new();
    for (name, kind, key) in [
        (NATIONALITY, ClaimType::Attribute, Some("nationality")),
        (GROUP_NATIONALITY, ClaimType::Attribute, Some("nationality")),
        (AGE, ClaimType::Attribute, Some("age")),
        (HARM, ClaimType::Health, None),
        (AILMENT, ClaimType::Health, None),
        (CONDITION, ClaimType::Health, None),
        (KIN_APPOS, ClaimType::Relation, None),
        (KIN_PLURAL, ClaimType::Relation, None),
    ] {
        out.insert(name, rule(name, kind, key));
    }
    out
});

const NATIONALITY: &str = "frame.attribute.nationality";
const GROUP_NATIONALITY: &str = "frame.attribute.nationality-group";
const AGE: &str = "frame.attribute.age";
const HARM: &str = "frame.health.harm";
const AILMENT: &str = "frame.health.ailment";
const CONDITION: &str = "frame.health.condition";
const KIN_APPOS: &str = "frame.relation.kin-apposition";
const KIN_PLURAL: &str = "frame.relation.kin-plural";

const SUBJECTS: &[Kind] = &[Kind::Per, Kind::Pro];

/// The people candidates of one sentence.
pub(crate) fn candidates(doc: &Doc<'_>, p: &Parse<'_>) -> Vec<Candidate<'static>> {
    let lex = &*LEXICON;
    let mut out = Vec::new();
    for i in 0..p.words.len() {
        nationality(doc, p, lex, i, &mut out);
        group_nationality(doc, p, lex, i, &mut out);
        age(doc, p, i, &mut out);
        unnamed_age(doc, p, i, &mut out);
        health(doc, p, lex, i, &mut out);
        kin(doc, p, lex, i, &mut out);
    }
    out
}

fn candidate(
    doc: &Doc<'_>,
    p: &Parse<'_>,
    rule: &'static str,
    mentions: &[usize],
    args: Vec<(&str, Arg)>,
) -> Candidate<'static> {
    Candidate {
        rule: &RULES[rule],
        sentence: p.sentence,
        span: view_span(doc, p.sentence, mentions),
        args: args.into_iter().map(|(f, a)| (f.to_string(), a)).collect(),
    }
}

fn person(doc: &Doc<'_>, p: &Parse<'_>, i: usize) -> Option<usize> {
    p.mention_of(doc, i, &[Kind::Per])
}

/// The NAT mention among a noun's modifiers ("a 63-year-old Varskian former official").
fn demonym(doc: &Doc<'_>, p: &Parse<'_>, n: usize) -> Option<usize> {
    let modifiers = |w: usize| {
        p.children[w].iter().copied().filter(|&c| matches!(p.rel(c), "amod" | "compound" | "nmod"))
    };
    // "a Varskian former prisons official": the parse may hang the demonym on a modifier.
    modifiers(n)
        .find_map(|c| nat_at(doc, p, c))
        .or_else(|| modifiers(n).flat_map(modifiers).find_map(|c| nat_at(doc, p, c)))
}

/// The NAT mention over a word, also where an entity of the same span hides it.
fn nat_at(doc: &Doc<'_>, p: &Parse<'_>, w: usize) -> Option<usize> {
    let span = &p.words[w].span;
    let s = &doc.view.sentences[p.sentence];
    s.mentions
        .iter()
        .flat_map(|&m| std::iter::once(m).chain(doc.view.mentions[m].parts.iter().copied()))
        .find(|&m| {
            let mention = &doc.view.mentions[m];
            mention.kind == Kind::Nat
                && mention.span.start <= span.start
                && span.end <= mention.span.end
        })
}

/// "X, a Varskian national", "Varskian diplomat X", "the Varskian couple A and B": a demonym on a
/// noun for the person that names the person.
fn nationality(
    doc: &Doc<'_>,
    p: &Parse<'_>,
    lex: &Lexicon,
    n: usize,
    out: &mut Vec<Candidate<'static>>,
) {
    if p.words[n].upos != "NOUN" || !lex.described.contains(p.lemma(n)) {
        return;
    }
    // A counted group is the group frame's.
    if p.kids(n, "nummod").next().is_some() && p.form(n).to_lowercase() != *p.lemma(n) {
        return;
    }
    let Some(nat) = demonym(doc, p, n) else { return };
    let mut named: Vec<usize> = Vec::new();
    let add = |w: usize, named: &mut Vec<usize>| {
        for w in p.with_conjuncts(w) {
            if let Some(m) = person(doc, p, w)
                && !named.contains(&m)
            {
                named.push(m);
            }
        }
    };
    for c in p.kids(n, "appos").chain(p.kids(n, "flat")).chain(p.kids(n, "compound")) {
        if c > n {
            add(c, &mut named);
        }
    }
    if let Some(h) = p.head(n)
        && matches!(p.rel(n), "appos" | "compound" | "nmod")
        && person(doc, p, h).is_some()
    {
        add(h, &mut named);
    }
    if named.is_empty() && n + 1 < p.words.len() && person(doc, p, n + 1).is_some() {
        add(n + 1, &mut named);
    }
    // "X, a 63-year-old Varskian official, ..." that the parse did not hang on X.
    if named.is_empty()
        && let Some(m) = super::holders::comma_owner(doc, p, n)
    {
        named.push(m);
    }
    for m in named {
        out.push(candidate(
            doc,
            p,
            NATIONALITY,
            &[m, nat],
            vec![("person", Arg::Mention(m)), ("value", Arg::Mention(nat))],
        ));
    }
}

fn count(word: &str) -> Option<usize> {
    const WORDS: [&str; 11] = [
        "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    ];
    let w = word.to_lowercase();
    WORDS.iter().position(|x| *x == w).map(|k| k + 2).or_else(|| w.parse().ok())
}

/// "sanctioned four Ruritanian nationals" followed by a list of names: each person of the
/// list, up to the count, has that nationality. The list is the rest of the sentence and the
/// sentences right after it while they go on naming people (two or more, or one opening
/// the sentence, as a bullet does).
fn group_nationality(
    doc: &Doc<'_>,
    p: &Parse<'_>,
    lex: &Lexicon,
    n: usize,
    out: &mut Vec<Candidate<'static>>,
) {
    // A plural noun of the list ("people" is its own plural).
    let form = p.form(n).to_lowercase();
    let plural = form != *p.lemma(n) || form == "people";
    if p.words[n].upos != "NOUN" || !lex.counted.contains(p.lemma(n)) || !plural {
        return;
    }
    let Some(number) = p.kids(n, "nummod").next().and_then(|c| count(p.form(c))) else {
        return;
    };
    if !(2..=12).contains(&number) {
        return;
    }
    let Some(nat) = demonym(doc, p, n) else { return };
    let after = p.words[n].span.end;
    let mut names: Vec<usize> = Vec::new();
    let mut seen: HashSet<Vec<String>> = HashSet::new();
    let sentences = &doc.view.sentences;
    for (k, si) in (p.sentence..sentences.len().min(p.sentence + 5)).enumerate() {
        let people: Vec<usize> = sentences[si]
            .mentions
            .iter()
            .copied()
            .filter(|&m| {
                let mention = &doc.view.mentions[m];
                mention.kind == Kind::Per && (si != p.sentence || mention.span.start > after)
            })
            .collect();
        if k > 0 {
            let opens = people.first().is_some_and(|&m| {
                let start = sentences[si].span.start;
                let lead = &doc.input.text[start..doc.view.mentions[m].span.start];
                lead.chars().all(|c| !c.is_alphanumeric())
            });
            if people.len() < 2 && !opens {
                break;
            }
        }
        for m in people {
            let key = crate::coref::name_key(&doc.mention_text(m));
            if seen.insert(key) {
                names.push(m);
            }
        }
        if names.len() >= number {
            break;
        }
    }
    // More names than the count: the list is not the group.
    if names.len() > number || names.is_empty() {
        return;
    }
    for m in names {
        out.push(candidate(
            doc,
            p,
            GROUP_NATIONALITY,
            &[nat],
            vec![("person", Arg::Mention(m)), ("value", Arg::Mention(nat))],
        ));
    }
}

/// The subject of a predicate word: its own, else that of the clause it completes ("he was
/// said to be 27 years old") or of the predicate it is conjoined to ("killed or wounded").
fn subject(doc: &Doc<'_>, p: &Parse<'_>, w: usize) -> Option<usize> {
    let mut at = w;
    for _ in 0..3 {
        if let Some(s) = p.kids(at, "nsubj").next() {
            return p.mention_of(doc, s, SUBJECTS);
        }
        match (p.rel(at), p.head(at)) {
            ("xcomp" | "conj", Some(h)) => at = h,
            _ => return None,
        }
    }
    None
}

/// The person right before the verbs that link a predicate starting at `at` to them, read
/// off the words ("X and his daughter Y were left | critically ill": Y; "whether he is |
/// well enough"): a form of "be" or a linking verb must come between.
fn subject_before(doc: &Doc<'_>, p: &Parse<'_>, lex: &Lexicon, at: usize) -> Option<usize> {
    let mut j = at;
    let mut verbs = 0;
    while j > 0 && verbs < 3 && lex.linking.contains(p.lemma(j - 1)) {
        j -= 1;
        verbs += 1;
    }
    if verbs == 0 || j == 0 {
        return None;
    }
    p.mention_of(doc, j - 1, SUBJECTS)
}

/// "X is 58 years old", "he was said to be 27 years old".
fn age(doc: &Doc<'_>, p: &Parse<'_>, i: usize, out: &mut Vec<Candidate<'static>>) {
    if p.lemma(i) != "old" || p.words[i].upos != "ADJ" {
        return;
    }
    let Some(years) = p.children[i].iter().copied().find(|&c| p.lemma(c) == "year") else {
        return;
    };
    let Some(n) = p.kids(years, "nummod").next() else { return };
    let value = p.form(n);
    if !value.chars().all(|c| c.is_ascii_digit()) || value.len() > 3 {
        return;
    }
    // Only a predicate: "a 58 years old man" describes someone else.
    if p.kids(i, "cop").next().is_none() && p.rel(i) != "xcomp" {
        return;
    }
    let Some(m) = subject(doc, p, i) else { return };
    out.push(candidate(
        doc,
        p,
        AGE,
        &[m],
        vec![("person", Arg::Mention(m)), ("value", Arg::Text(value.to_string()))],
    ));
}

/// "The tribunal has charged the 84-year-old with genocide": a definite "N-year-old" that no
/// name follows is the person the story is about (the one it names most), named in the
/// sentences just before; "a 58-year-old man" is someone else.
fn unnamed_age(doc: &Doc<'_>, p: &Parse<'_>, i: usize, out: &mut Vec<Candidate<'static>>) {
    if !p.form(i).eq_ignore_ascii_case("the") || i + 2 >= p.words.len() {
        return;
    }
    let number =
        |f: &str| (1..=3).contains(&f.len()) && f.chars().all(|c| c.is_ascii_digit()) && f != "0";
    let form = p.form(i + 1).to_lowercase();
    let (value, last) = match form.split_once('-') {
        // "the 84-year-old" as one word.
        Some((n, rest)) if number(n) && matches!(rest, "year-old" | "years-old") => {
            (n.to_string(), i + 1)
        }
        _ if number(&form) => {
            let k = if p.form(i + 2) == "-" { i + 3 } else { i + 2 };
            if k >= p.words.len()
                || !matches!(p.form(k).to_lowercase().as_str(), "year-old" | "years-old")
            {
                return;
            }
            (form.clone(), k)
        }
        _ => return,
    };
    // "the 45-year-old Norvanian X": the name's own pattern takes it.
    if (last + 1..p.words.len().min(last + 5)).any(|k| p.mention_of(doc, k, &[Kind::Per]).is_some())
    {
        return;
    }
    let Some(topic) = doc.people.topic() else { return };
    let at = p.words[i].span.start;
    let Some(&m) = doc.people.people[topic].mentions.iter().rev().find(|&&m| {
        let mention = &doc.view.mentions[m];
        mention.sentence + 3 >= p.sentence
            && (mention.sentence < p.sentence
                || mention.sentence == p.sentence && mention.span.start < at)
    }) else {
        return;
    };
    out.push(candidate(
        doc,
        p,
        AGE,
        &[],
        vec![("person", Arg::Mention(m)), ("value", Arg::Text(value))],
    ));
}

/// The words of a phrase from `lo` to `hi`, as written.
fn words(p: &Parse<'_>, lo: usize, hi: usize) -> String {
    p.text[p.words[lo].span.start..p.words[hi].span.end].to_string()
}

/// Relations from kin words: "his father, X" / "Y's brother X" (the possessor is the other)
/// and "the Okafor brothers, A and B" (each pair).
fn kin(doc: &Doc<'_>, p: &Parse<'_>, lex: &Lexicon, n: usize, out: &mut Vec<Candidate<'static>>) {
    if p.words[n].upos != "NOUN" {
        return;
    }
    let lemma = p.lemma(n);
    let Some(kind) = doc.rules.kin.get(lemma) else { return };
    let mut heads: Vec<usize> = p.kids(n, "appos").filter(|&c| c > n).collect();
    // "the X brothers, A and B" with the list parsed apart: the names right after the comma.
    if heads.is_empty() && p.words.get(n + 1).is_some_and(|_| p.form(n + 1) == ",") {
        heads.extend(
            (n + 2 < p.words.len()).then_some(n + 2).filter(|&w| person(doc, p, w).is_some()),
        );
        if let Some(&w) = heads.first()
            && let Some(m) = person(doc, p, w)
        {
            // The conjuncts hang off the name's head word.
            heads = (w..p.words.len()).take_while(|&k| p.mention[k] == Some(m)).collect();
            // The later names of "A and B", "A, B and C", read off the words: a parse may
            // hang them on the kin word instead.
            let mut k = heads.last().map_or(w, |&last| last + 1);
            while k + 1 < p.words.len() {
                let next = match (p.form(k), p.form(k + 1)) {
                    (",", "and") => k + 2,
                    ("," | "and", _) => k + 1,
                    _ => break,
                };
                let Some(m) = person(doc, p, next) else { break };
                let name_words =
                    (next..p.words.len()).take_while(|&x| person(doc, p, x) == Some(m));
                heads.extend(name_words);
                k = heads.last().map_or(next, |&last| last + 1);
            }
        }
    }
    // "his iron-fisted father Tomasz Dunaj", "Y's brother-in-law X": the kin word before the
    // name it describes, which the parse made the name's modifier.
    let mut owner_at = vec![n];
    if heads.is_empty()
        && let Some(h) = p.head(n)
        && h > n
        && matches!(p.rel(n), "compound" | "nmod" | "flat" | "amod")
        && person(doc, p, h).is_some()
        && !(n + 1..h).any(|k| matches!(p.form(k), "," | ";" | "(" | ")"))
        && !(n + 1..h).any(|k| person(doc, p, k).is_some_and(|m| Some(m) != person(doc, p, h)))
    {
        heads.push(h);
        owner_at.push(h);
    }
    // "X, the president's wife", "Y, a cousin of the president": the kin word in apposition
    // to the name it describes.
    if heads.is_empty()
        && p.rel(n) == "appos"
        && let Some(h) = p.head(n).filter(|&h| h < n && person(doc, p, h).is_some())
    {
        heads.push(h);
    }
    let mut named: Vec<usize> = Vec::new();
    for w in heads.into_iter().flat_map(|c| p.with_conjuncts(c)) {
        if let Some(m) = person(doc, p, w)
            && !named.contains(&m)
        {
            named.push(m);
        }
    }
    let plural = p.form(n).to_lowercase() != *lemma;
    if plural {
        if !lex.mutual.contains(lemma) || named.len() < 2 || named.len() > 4 {
            return;
        }
        // "the Okafor brothers, A and B": a list that does not carry the family name is
        // another list ("... the Okafor brothers, A and B may hold").
        let family: Vec<String> = p
            .kids(n, "compound")
            .filter(|&c| c < n && p.words[c].upos == "PROPN")
            .map(|c| p.form(c).to_lowercase())
            .collect();
        let carries = |m: usize| {
            doc.person_name(&Arg::Mention(m))
                .is_some_and(|(name, _)| family.iter().all(|f| name.to_lowercase().contains(f)))
        };
        if family.is_empty() || !named.iter().all(|&m| carries(m)) {
            return;
        }
        for (a, &x) in named.iter().enumerate() {
            for &y in &named[a + 1..] {
                out.push(candidate(
                    doc,
                    p,
                    KIN_PLURAL,
                    &[x, y],
                    vec![
                        ("person", Arg::Mention(x)),
                        ("other", Arg::Mention(y)),
                        ("kind", Arg::Text(kind.clone())),
                    ],
                ));
            }
        }
        return;
    }
    let Some(&x) = named.first() else { return };
    let owner = owner_at.iter().find_map(|&w| {
        p.kids(w, "nmod").find_map(|c| {
            (p.words[c].deprel == "nmod:poss" && c < n)
                .then(|| p.mention_of(doc, c, SUBJECTS))
                .flatten()
        })
    });
    // "the president's wife", "a cousin of the president": the one person the document
    // gives that post as a title before the name.
    let owner = owner.or_else(|| {
        p.kids(n, "nmod")
            .filter(|&c| {
                p.words[c].deprel == "nmod:poss" && c < n
                    || c > n && p.case(c).as_deref() == Some("of")
            })
            .filter(|&c| p.kids(c, "det").any(|d| p.form(d).eq_ignore_ascii_case("the")))
            .find_map(|c| p.mention_of(doc, c, &[Kind::Role]))
            .and_then(|r| doc.view.mentions[r].value.as_deref())
            .and_then(|role| doc.role_holder(role))
    });
    let Some(owner) = owner else { return };
    if owner == x || doc.people.of_mention.get(&owner) == doc.people.of_mention.get(&x) {
        return;
    }
    let here: Vec<usize> =
        [owner, x].into_iter().filter(|&m| doc.view.mentions[m].sentence == p.sentence).collect();
    out.push(candidate(
        doc,
        p,
        KIN_APPOS,
        &here,
        vec![
            ("person", Arg::Mention(x)),
            ("other", Arg::Mention(owner)),
            ("kind", Arg::Text(lemma.clone())),
        ],
    ));
}

#[path = "people_health.rs"]
mod health;
use health::health;

#[cfg(test)]
#[path = "people_tests.rs"]
mod tests;
