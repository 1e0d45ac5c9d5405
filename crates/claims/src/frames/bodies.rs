//! The body a post belongs to: its "of"/"at"/"for"/"to" phrase, a possessor, the names or
//! lowercase words before it, or a body a sentence shortly before named; split from
//! `positions` (which finds posts and their holders) by concern.

use std::sync::LazyLock;

use super::Parse;
use super::positions::{LEXICON, Lexicon, Post};
use crate::extract::{Arg, Doc};
use crate::view::Kind;

/// "Norvanian Border Guard commander X": a body's name that the tagger missed, right before
/// the post: capitalised words without a mention ending in the head noun of a body, with the
/// names (a demonym, a place) right before them.
fn unnamed_body_before(doc: &Doc<'_>, p: &Parse<'_>, lex: &Lexicon, first: usize) -> Option<Arg> {
    let mut last = first.checked_sub(1)?;
    let capital = |k: usize| p.form(k).starts_with(char::is_uppercase);
    // "Border Police Deputy Commissioner X": capitalised words of the post itself that the
    // reader left out of it.
    while last > 0
        && capital(last)
        && p.mention[last].is_none()
        && POST_MODIFIERS.contains(&p.form(last).to_lowercase().as_str())
    {
        last -= 1;
    }
    if p.mention[last].is_some() || !capital(last) || !lex.body_nouns.contains(p.lemma(last)) {
        return None;
    }
    let mut lo = last;
    while lo > 0 {
        let k = lo - 1;
        let named = p.mention_of(doc, k, &[Kind::Org, Kind::Misc, Kind::Loc, Kind::Nat]).is_some();
        let bare = p.mention[k].is_none() && p.words[k].upos == "PROPN";
        if !capital(k) || !(named || bare) || last - k > 5 {
            break;
        }
        lo = k;
    }
    // A sentence's first word may be capitalised for its place only.
    if lo == last && last == 0 {
        return None;
    }
    let text = &p.text[p.words[lo].span.start..p.words[last].span.end];
    Some(Arg::Text(text.split_whitespace().collect::<Vec<_>>().join(" ")))
}

/// Posts whose "to" phrase names the state or body they are sent to.
const ENVOYS: &[&str] = &["ambassador", "envoy", "consul", "emissary", "representative", "attache"];

/// Whether a post is an envoy's: its lemma says so, or the reader's value for its role
/// mention does ("Special Representative" is read as an envoy).
fn is_envoy(doc: &Doc<'_>, p: &Parse<'_>, post: &Post) -> bool {
    let valued =
        post.mention.is_some_and(|m| doc.view.mentions[m].value.as_deref() == Some("envoy"));
    valued || matches!(p.lemma(post.word).as_str(), "envoy" | "emissary")
}

/// Words that open a post's title ("Deputy Commissioner", "Acting Director").
pub(super) const POST_MODIFIERS: &[&str] =
    &["deputy", "assistant", "acting", "senior", "chief", "first", "vice", "associate", "interim"];

/// "director at Y" that the parse tore apart: a body's name right after the post and a
/// preposition of a body.
fn body_after(doc: &Doc<'_>, p: &Parse<'_>, lex: &Lexicon, t: usize) -> Option<Arg> {
    if t + 2 >= p.words.len() {
        return None;
    }
    let case = p.form(t + 1).to_lowercase();
    if !lex.body_cases.contains(&case) || case == "to" {
        return None;
    }
    let k = if p.form(t + 2).eq_ignore_ascii_case("the") { t + 3 } else { t + 2 };
    if k >= p.words.len() {
        return None;
    }
    if let Some(m) = p.mention_of(doc, k, &[Kind::Org]) {
        return Some(Arg::Mention(m));
    }
    // "a senior officer in the Varskian intelligence service" with the phrase hung on the
    // name before the post: a phrase of a body's head noun, its words all inside it, and
    // definite ("in the ..."), since "an officer in a unit" names no body.
    if k == t + 2 {
        return None;
    }
    // The phrase's head: the first word that hangs outside the phrase.
    let h =
        (k..p.words.len().min(k + 5)).find(|&h| p.head(h).is_none_or(|x| x < k || x > h + 4))?;
    let inside = (k..h).all(|w| p.head(w).is_some_and(|x| x > w && x <= h));
    if !inside || p.words[h].upos != "NOUN" || !lex.body_nouns.contains(p.lemma(h)) {
        return None;
    }
    body(doc, p, h)
}

/// "chief of the General Staff X": the capitalised words of the "of" phrase right after the
/// post, up to the name that follows them (only words of a name between). Not after a plural
/// post: "members of X Y" is more likely a body's name cut in two than a title.
fn of_phrase_before_name(doc: &Doc<'_>, p: &Parse<'_>, t: usize) -> Option<Arg> {
    if p.plural(t) {
        return None;
    }
    let person = super::holders::name_after_body(doc, p, t)?;
    let start = doc.view.mentions[person].span.start;
    let k = if p.form(t + 2).eq_ignore_ascii_case("the") { t + 3 } else { t + 2 };
    let end = (k..p.words.len()).find(|&w| p.words[w].span.start >= start)?;
    let capitalised = (k..end).all(|w| p.form(w).starts_with(char::is_uppercase));
    if end == k || !capitalised {
        return None;
    }
    let text = &p.text[p.words[k].span.start..p.words[end - 1].span.end];
    Some(Arg::Text(text.to_string()))
}

/// The bodies a post belongs to: "of"/"at"/"for"/"to" phrases and possessors (with their
/// conjuncts), else the names right before the post ("Iranian Foreign Ministry spokesman").
pub(super) fn bodies(doc: &Doc<'_>, p: &Parse<'_>, lex: &Lexicon, post: &Post) -> Vec<Arg> {
    let t = post.word;
    let mut out = Vec::new();
    // "the army's chief of staff": the possessive hangs on the phrase's head.
    let head_possessor = (post.head != t).then(|| p.kids(post.head, "nmod")).into_iter().flatten();
    let head_possessor: Vec<usize> =
        head_possessor.filter(|&c| p.words[c].deprel == "nmod:poss").collect();
    for c in p.kids(t, "nmod").chain(head_possessor) {
        let possessive = p.words[c].deprel == "nmod:poss";
        let case = p.case(c);
        if !possessive && !case.as_ref().is_some_and(|k| lex.body_cases.contains(k)) {
            continue;
        }
        if possessive && c > t {
            continue;
        }
        // "Norvania's ambassador to Varsk": the state an envoy is sent to is the host, not
        // the body of the post (the state that sends them).
        if case.as_deref() == Some("to") && ENVOYS.contains(&p.lemma(t).as_str()) {
            continue;
        }
        // "Varsk Court's chief prosecutor in Lornby": a place the post is in, beside a body
        // the post belongs to, is where it is, not a second body.
        if case.as_deref() == Some("in")
            && p.mention_of(doc, c, &[Kind::Loc]).is_some()
            && p.kids(t, "nmod")
                .any(|o| p.words[o].deprel == "nmod:poss" || p.case(o).as_deref() == Some("of"))
        {
            continue;
        }
        // "Special Envoy for Norvania", "Special Representative for Varsk Engagement": an envoy's
        // "for" phrase is the remit, not the body that sends them.
        if case.as_deref() == Some("for") && is_envoy(doc, p, post) {
            continue;
        }
        // "the country's top prosecutor": the state the story is about.
        if possessive
            && matches!(p.form(c), "country" | "nation")
            && let Some(state) = super::states::state_here(doc, p)
        {
            out.push(Arg::Text(state));
            continue;
        }
        // "Norvania's former central bank governor": the body is the state's central bank.
        if possessive && let Some(body) = possessor_body(doc, p, lex, c, t) {
            out.push(body);
            continue;
        }
        // A person is the body of a post that serves them ("adviser to X", "X's lawyer"),
        // not of a post "of" them (the parse joins lists of names and posts that way).
        let serves = possessive || case.as_deref() == Some("to");
        // "his lawyer, X": the person the pronoun stands for.
        if possessive
            && lex.personal_posts.contains(p.lemma(t))
            && let Some(m) = p.mention_of(doc, c, &[Kind::Pro])
        {
            out.push(Arg::Mention(m));
            continue;
        }
        // "Colonel X's chief enforcer": the parse hangs the possessive on the rank or title,
        // the name flat under it; the person is the body.
        if possessive
            && p.mention_of(doc, c, &[Kind::Rank, Kind::Role]).is_some()
            && let Some(m) = p.kids(c, "flat").find_map(|k| p.mention_of(doc, k, &[Kind::Per]))
        {
            out.push(Arg::Mention(m));
            continue;
        }
        for c in p.with_conjuncts(c) {
            if serves || p.mention_of(doc, c, &[Kind::Per]).is_none() {
                out.extend(body(doc, p, c));
            }
        }
    }
    // "Director and Party Secretary of Y": conjoined posts share the body the last names.
    // Only a conjunct that is a post: "a former senator and the sister of X" says whose
    // sister she is, not whose senator.
    if out.is_empty() {
        let is_post = |c: usize| {
            p.mention_of(doc, c, &[Kind::Role]).is_some() || lex.titles.contains(p.lemma(c))
        };
        for c in p.kids(t, "conj").filter(|&c| c > t && is_post(c)) {
            for n in p.kids(c, "nmod") {
                if p.case(n).is_some_and(|k| lex.body_cases.contains(&k)) {
                    out.extend(body(doc, p, n));
                }
            }
        }
    }
    // "Varsk's chief of the General Staff X" where the parse hung "of the General Staff" on
    // the name after it: the "of" phrase right after the post is its body all the same.
    let has_of_phrase = p.kids(t, "nmod").any(|c| {
        p.case(c).as_deref() == Some("of") && p.mention_of(doc, c, &[Kind::Per]).is_none()
    });
    if !has_of_phrase && let Some(b) = of_phrase_before_name(doc, p, t) {
        out.push(b);
    }
    if !out.is_empty() {
        return out;
    }
    if let Some(b) =
        body_after(doc, p, lex, t).or_else(|| unnamed_body_before(doc, p, lex, post.first))
    {
        return vec![b];
    }
    // Names right before the post phrase, possessive or not.
    let mut k = post.first;
    let mut found: Option<usize> = None;
    let mut possessive = false;
    // "Norvania's central bank governor": the lowercase words that name the body.
    let mut modifiers: Vec<usize> = Vec::new();
    while k > 0 {
        k -= 1;
        let f = p.form(k);
        if f == "'s" || f == "’s" {
            possessive = true;
            continue;
        }
        // "Norvanian ex-interior minister": a former-word between the name and the post.
        if found.is_none() && (lex.former.contains(&f.to_lowercase()) || f == "-") {
            continue;
        }
        // "Varskian former prisons official": a lowercase word that modifies the post.
        if found.is_none()
            && f.starts_with(char::is_lowercase)
            && p.mention[k].is_none()
            && matches!(p.words[k].upos.as_str(), "ADJ" | "NOUN")
            && post.word - k <= 3
        {
            modifiers.push(k);
            continue;
        }
        // "the Northland Party (NP) chairman": an acronym in parentheses after the name.
        if found.is_none()
            && f == ")"
            && k >= 2
            && p.form(k - 2) == "("
            && p.form(k - 1).chars().all(|c| c.is_uppercase() || c == '.')
        {
            k -= 2;
            continue;
        }
        // "Y's chief of staff X", "Y's lawyer X": a post that serves a person has that
        // person for body.
        if found.is_none()
            && possessive
            && serves_a_person(doc, p, lex, post)
            && let Some(m) = p.mention_of(doc, k, &[Kind::Per])
        {
            return vec![Arg::Mention(m)];
        }
        match p.mention_of(doc, k, &[Kind::Org, Kind::Misc, Kind::Loc, Kind::Nat]) {
            Some(m) => {
                let kind = doc.view.mentions[m].kind;
                // The body nearest the post wins; a nationality before it adds nothing.
                if found.is_none() || (kind != Kind::Nat && found_is_nat(doc, found)) {
                    found = Some(m);
                }
            }
            None => break,
        }
    }
    modifiers.reverse();
    // "Norvania's central bank governor" may be one role mention: its lowercase words before
    // the head name the body too.
    modifiers.extend((post.first..post.word).filter(|&k| {
        let f = p.form(k);
        f.starts_with(char::is_lowercase)
            && !lex.former.contains(&f.to_lowercase())
            && matches!(p.words[k].upos.as_str(), "ADJ" | "NOUN")
    }));
    let names_body = modifiers.last().is_some_and(|&k| lex.body_nouns.contains(p.lemma(k)));
    let Some(m) = found else {
        // "served as national police chief", "the army chief": a body of the state the
        // story is about, named by the words before the post.
        let lemmas: Vec<&str> = modifiers.iter().map(|&k| p.lemma(k).as_str()).collect();
        let state_body = (1..=2.min(lemmas.len()))
            .any(|n| lex.state_bodies.contains(&lemmas[lemmas.len() - n..].join(" ")));
        if state_body
            && possessive_free(p, post.first)
            && let Some(state) = super::states::state_here(doc, p)
        {
            // "the country's intelligence chief": the words after the possessive.
            let words: Vec<&str> = modifiers
                .iter()
                .filter(|&&k| !(k + 1..post.word).any(|w| p.form(w) == "'s" || p.form(w) == "’s"))
                .filter(|&&k| !POST_MODIFIERS.contains(&p.form(k).to_lowercase().as_str()))
                .map(|&k| p.form(k))
                .collect();
            // "the Philippines' national police".
            let owner =
                if state.ends_with('s') { format!("{state}'") } else { format!("{state}'s") };
            out.push(Arg::Text(format!("{owner} {}", words.join(" "))));
        }
        return out;
    };
    let mention = &doc.view.mentions[m];
    if mention.kind == Kind::Loc && possessive && names_body {
        // "Norvania's central bank governor": the state's body.
        let words: Vec<&str> = modifiers.iter().map(|&k| p.form(k)).collect();
        out.push(Arg::Text(format!("{}'s {}", &p.text[mention.span.clone()], words.join(" "))));
    } else if mention.kind == Kind::Loc && possessive {
        // "Iran's interior minister": the state by name (a mention would read as the
        // possessor of something else).
        out.push(Arg::Text(p.text[mention.span.clone()].to_string()));
    } else {
        out.push(Arg::Mention(m));
    }
    out
}

/// Whether the words right before a post's lowercase modifiers leave it to the story's state:
/// no possessor ("his police chief", "the group's army chief" are someone else's), or "the
/// country's".
fn possessive_free(p: &Parse<'_>, first: usize) -> bool {
    let mut k = first;
    while k > 0
        && p.form(k - 1).starts_with(char::is_lowercase)
        && p.mention[k - 1].is_none()
        && matches!(p.words[k - 1].upos.as_str(), "ADJ" | "NOUN")
    {
        k -= 1;
    }
    let possessive = |w: usize| matches!(p.form(w), "'s" | "’s" | "'" | "’");
    if k > 0 && possessive(k - 1) {
        return k > 1 && matches!(p.form(k - 2), "country" | "nation");
    }
    k == 0 || p.words[k - 1].upos != "PRON"
}

/// Whether a post serves a person ("lawyer", "chief of staff"): its head word or its role's
/// value is one of the personal posts.
fn serves_a_person(doc: &Doc<'_>, p: &Parse<'_>, lex: &Lexicon, post: &Post) -> bool {
    let value = post.mention.and_then(|m| doc.view.mentions[m].value.as_deref());
    lex.personal_posts.contains(p.lemma(post.word))
        || value.is_some_and(|v| lex.personal_posts.contains(v))
}

/// A state's body named by lowercase words between its possessive and the post ("Norvania's
/// central bank governor", "Arcadia's military intelligence chief"): the last of them is a
/// noun of a body.
fn possessor_body(doc: &Doc<'_>, p: &Parse<'_>, lex: &Lexicon, c: usize, t: usize) -> Option<Arg> {
    let m = p.mention_of(doc, c, &[Kind::Loc])?;
    let words: Vec<&str> = (c + 1..t)
        .filter(|&k| {
            let f = p.form(k);
            f.starts_with(char::is_lowercase)
                && !lex.former.contains(&f.to_lowercase())
                && matches!(p.words[k].upos.as_str(), "ADJ" | "NOUN")
        })
        .map(|k| p.form(k))
        .collect();
    let last = words.last()?;
    if !lex.body_nouns.contains(&last.to_lowercase()) {
        return None;
    }
    Some(Arg::Text(format!("{}'s {}", doc.mention_text(m), words.join(" "))))
}

fn found_is_nat(doc: &Doc<'_>, found: Option<usize>) -> bool {
    found.is_some_and(|m| doc.view.mentions[m].kind == Kind::Nat)
}

/// One body: the name the word is part of, else the phrase it heads when it names something
/// (a capitalised word in it).
fn body(doc: &Doc<'_>, p: &Parse<'_>, c: usize) -> Option<Arg> {
    if p.mention_of(doc, c, &[Kind::Time, Kind::Pro, Kind::Role, Kind::Rank, Kind::Desc]).is_some()
    {
        return None;
    }
    let named = p.mention_of(doc, c, &[Kind::Org, Kind::Misc, Kind::Loc, Kind::Nat, Kind::Per]);
    if let Some(m) = named
        && matches!(doc.view.mentions[m].kind, Kind::Per | Kind::Nat)
    {
        return Some(Arg::Mention(m));
    }
    let (mut lo, hi) = p.span_without(c, &["case", "conj", "cc"]);
    // "a journalist for the Post and a permanent resident": an indefinite phrase describes,
    // it does not name a body.
    if p.kids(c, "det").any(|d| matches!(p.form(d).to_lowercase().as_str(), "a" | "an")) {
        return None;
    }
    while lo < hi && matches!(p.rel(lo), "case" | "det" | "cc") {
        lo += 1;
    }
    // "head of the border police between 2009 and 2014": the body ends before its dates.
    let hi = (lo + 1..=hi)
        .find(|&k| {
            p.mention_of(doc, k, &[Kind::Time]).is_some()
                || matches!(p.form(k).to_lowercase().as_str(), "between" | "since" | "until")
                || conjoined_post(doc, p, k)
                // "the governor of Varsk Province, Piet Oranje": the holder the parse hung
                // on the body's name is no part of it.
                || p.form(k) == "," && p.mention_of(doc, k + 1, &[Kind::Per, Kind::Rank]).is_some()
        })
        .map_or(hi, |k| k - 1);
    let hi = (lo..=hi)
        .rev()
        .find(|&k| !matches!(p.words[k].upos.as_str(), "PUNCT" | "ADP" | "CCONJ"))
        .unwrap_or(lo);
    let span = p.words[lo].span.start..p.words[hi].span.end;
    // "the Varsk border colony No. 3": a place named before the head noun of a body is part
    // of the body's name, not the body.
    let place_of_body = named.is_some_and(|m| {
        let mention = &doc.view.mentions[m];
        mention.kind == Kind::Loc
            && p.words[c].span.start >= mention.span.end
            && LEXICON.body_nouns.contains(p.lemma(c))
    });
    // The name alone, unless the phrase says more ("13th People's Congress of the Region").
    if let Some(m) = named
        && !place_of_body
        && (hi - lo > 10 || doc.view.mentions[m].span.start <= span.start)
    {
        return Some(Arg::Mention(m));
    }
    if hi - lo > 10 {
        return None;
    }
    // "the nationally-feared Air Force Intelligence": the name starts at its first capital.
    let Some(first_capital) = (lo..=hi).find(|&k| p.form(k).starts_with(char::is_uppercase)) else {
        return lowercase_body(p, lo, hi, c).or_else(|| earlier_body(doc, p, lo, hi, c));
    };
    // "the regional police in Varsk": a lowercase body placed by the name after it is the
    // whole phrase, not the place.
    if first_capital > c && lowercase_body(p, lo, c, c).is_some() {
        let text = &p.text[span];
        return Some(Arg::Text(text.split_whitespace().collect::<Vec<_>>().join(" ")));
    }
    let lo = first_capital;
    let mut end = span.end;
    // "the NGO Alba Nova" with the name's last word taken for an apposition: a name the
    // phrase ends inside runs to its end.
    if let Some(m) = p.mention_of(doc, hi, &[Kind::Org, Kind::Misc, Kind::Loc, Kind::Per]) {
        end = end.max(doc.view.mentions[m].span.end);
    }
    // A quoted name at the end keeps its closing quote ("colony No. 3 “Grey Heron”").
    let quotes = p.text[p.words[lo].span.start..end].matches(['"', '“', '”']).count();
    if let Some(q) = p.words.get(hi + 1)
        && matches!(p.form(hi + 1), "\"" | "”")
        && quotes % 2 == 1
    {
        end = q.span.end;
    }
    let text = &p.text[p.words[lo].span.start..end];
    Some(Arg::Text(text.split_whitespace().collect::<Vec<_>>().join(" ")))
}

/// "head of the bloc of the party and an MP": a conjunction that adds a second post of the
/// holder, not a part of the body.
fn conjoined_post(doc: &Doc<'_>, p: &Parse<'_>, k: usize) -> bool {
    if p.rel(k) != "cc" {
        return false;
    }
    let Some(c) = p.head(k) else { return false };
    p.mention_of(doc, c, &[Kind::Role]).is_some()
        || LEXICON.titles.contains(p.lemma(c))
        || p.kids(c, "det").any(|d| matches!(p.form(d).to_lowercase().as_str(), "a" | "an"))
}

/// Words before a body's noun that tell one body from another without saying which it is.
const VAGUE_MODIFIERS: &[&str] = &[
    "new",
    "old",
    "same",
    "other",
    "another",
    "main",
    "whole",
    "entire",
    "small",
    "large",
    "big",
    "current",
    "former",
    "previous",
    "next",
    "last",
    "first",
    "second",
    "own",
    "various",
    "several",
    "many",
    "few",
    "powerful",
    "notorious",
    "feared",
    "infamous",
    "special",
    "key",
    "top",
    "senior",
    "relevant",
    "respective",
    "certain",
    "such",
    "single",
];

/// A body named by lowercase words ("the state telecommunications body", "the army's
/// military intelligence directorate"): a noun of a body as the head, after at least two
/// words that say which one, so that "the unit" or "the ruling party" names none.
fn lowercase_body(p: &Parse<'_>, lo: usize, hi: usize, c: usize) -> Option<Arg> {
    // "the parliamentary bloc of the party": an "of" phrase after the head says which too.
    let of_phrase = hi > c && p.form(c + 1).eq_ignore_ascii_case("of");
    // "a member of parliament", "the judiciary": a state's own body needs no words that say
    // which (the frames add the state's adjective).
    // "the central bank", "the foreign ministry": a state's body named by its usual words.
    let words = (lo..=hi)
        .filter(|&k| !matches!(p.words[k].upos.as_str(), "DET" | "PUNCT"))
        .map(|k| if k == c { p.lemma(k).clone() } else { p.form(k).to_lowercase() })
        .collect::<Vec<_>>()
        .join(" ");
    let institution = !of_phrase && LEXICON.state_institutions.contains(&words);
    if hi != c && !of_phrase || !LEXICON.body_nouns.contains(p.lemma(c)) && !institution {
        return None;
    }
    let content: Vec<usize> = (lo..=hi)
        .filter(|&k| k != c && matches!(p.words[k].upos.as_str(), "NOUN" | "ADJ" | "NUM"))
        .collect();
    // One word says which body when it says its level or its field ("the regional police",
    // "the prison service"), not when it only tells one from another ("the new unit").
    let says_which = |k: usize| !VAGUE_MODIFIERS.contains(&p.form(k).to_lowercase().as_str());
    // "its political wing" says which only through what "its" stands for.
    let pronoun = (lo..=hi).any(|k| p.words[k].upos == "PRON");
    let enough = content.len() >= 2
        || content.len() == 1 && says_which(content[0]) && !of_phrase && !pronoun;
    if !enough && !institution || (lo..=hi).any(|k| p.words[k].upos == "VERB") {
        return None;
    }
    let text = &p.text[p.words[lo].span.start..p.words[hi].span.end];
    Some(Arg::Text(text.split_whitespace().collect::<Vec<_>>().join(" ")))
}

/// "one of the members of the commission": a body named by "the" and its noun alone is the
/// one a sentence shortly before named with that noun: a body's name ending in it ("the
/// Harbour Commission"), else a lowercase word and the noun ("the so-called border
/// commission").
fn earlier_body(doc: &Doc<'_>, p: &Parse<'_>, lo: usize, hi: usize, c: usize) -> Option<Arg> {
    let noun = p.form(c).to_lowercase();
    let the = p.kids(c, "det").any(|d| p.form(d).eq_ignore_ascii_case("the"));
    if lo != c || hi != c || !the || noun != *p.lemma(c) || !LEXICON.body_nouns.contains(&noun) {
        return None;
    }
    static WORD_BEFORE: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"\b([a-z][a-z-]+)\W{0,3}$").expect("the word pattern compiles")
    });
    for si in (p.sentence.saturating_sub(5)..p.sentence).rev() {
        let sentence = &doc.view.sentences[si];
        let named = sentence.mentions.iter().rev().map(|&m| &doc.view.mentions[m]).find(|m| {
            m.kind == Kind::Org && {
                let t = p.text[m.span.clone()].to_lowercase();
                t.ends_with(&format!(" {noun}"))
            }
        });
        if let Some(m) = named {
            let text = &p.text[m.span.clone()];
            return Some(Arg::Text(text.split_whitespace().collect::<Vec<_>>().join(" ")));
        }
        let text = &p.text[sentence.span.clone()];
        for (at, _) in text.match_indices(noun.as_str()).collect::<Vec<_>>().into_iter().rev() {
            let after = text[at + noun.len()..].chars().next();
            if after.is_some_and(char::is_alphanumeric) {
                continue;
            }
            let Some(caps) = WORD_BEFORE.captures(&text[..at]) else { continue };
            let word = &caps[1];
            if !EARLIER_BODY_STOP.contains(&word) {
                return Some(Arg::Text(format!("{word} {noun}")));
            }
        }
    }
    None
}

/// Words before a body's noun that do not say which body it is.
const EARLIER_BODY_STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "this",
    "that",
    "these",
    "those",
    "its",
    "his",
    "her",
    "their",
    "our",
    "your",
    "which",
    "whose",
    "of",
    "to",
    "by",
    "and",
    "or",
    "same",
    "new",
    "former",
    "called",
    "so-called",
    "in",
    "on",
    "for",
    "with",
    "from",
    "as",
    "at",
];

#[cfg(test)]
#[path = "bodies_tests.rs"]
mod tests;
