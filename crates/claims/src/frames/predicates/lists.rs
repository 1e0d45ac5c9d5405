//! Sanction lists that run over several sentences: a sentence that imposes sanctions is
//! often followed by ones that only name who is affected ("Those affected include A and
//! B.", "The others were identified as C; D, and E.", "Six of them took part -- F, G and
//! H."), or by a colon and one item per line. Such a sentence has a subject that names no
//! one and a predicate of identity or inclusion; its named people continue the list, under
//! the authority the document last named as imposing sanctions.

use super::arguments::Parse;
use super::nouns::noun_authority;
use super::{Found, Lexicon, PEOPLE, TARGETS};
use crate::ClaimType;
use crate::extract::Arg;
use crate::view::Kind;

/// How many sentences after a sanction a list may still continue it.
const WINDOW: usize = 3;

/// The sanctions a document has named so far.
#[derive(Default)]
pub(super) struct Context {
    /// The last sentence that imposed sanctions or continued a list of them.
    last: Option<usize>,
    /// Whether that sentence ends with a colon (a list of items follows).
    colon: bool,
    /// Each authority named as imposing sanctions or issuing warrants, with its sentence.
    authorities: Vec<(ClaimType, usize, String)>,
}

impl Context {
    /// Notes an authority of a kind named in a sentence.
    pub(super) fn note(&mut self, kind: ClaimType, sentence: usize, authority: &str) {
        self.authorities.push((kind, sentence, authority.to_string()));
        self.authorities.sort_by_key(|(_, s, _)| *s);
    }

    /// The authority of a kind named nearest before a sentence, else the first one after.
    pub(super) fn authority_at(&self, kind: ClaimType, sentence: usize) -> Option<&str> {
        let mut of_kind = self.authorities.iter().filter(|(k, _, _)| *k == kind);
        let before = of_kind.clone().rev().find(|(_, s, _)| *s <= sentence);
        before.or_else(|| of_kind.next()).map(|(_, _, a)| a.as_str())
    }
}

/// Whether a word is a sanction predicate, and the body that imposes it if named.
fn sanction_at(lex: &Lexicon, s: &Parse<'_>, p: usize) -> Option<Option<usize>> {
    predicate_at(lex, s, p, ClaimType::Sanction)
}

/// Whether a word is a predicate of a kind, and the body behind it if named.
fn predicate_at(lex: &Lexicon, s: &Parse<'_>, p: usize, kind: ClaimType) -> Option<Option<usize>> {
    let lemma = s.lemma(p);
    let is_state = |b: &usize| !PEOPLE.contains(&s.doc.view.mentions[*b].kind);
    let context = || {
        let text = s.doc.input.text[s.doc.view.sentences[s.sentence].span.clone()].to_lowercase();
        lex.words.sanction_context.iter().any(|c| text.contains(c.as_str()))
    };
    if s.word(p).upos == "VERB"
        && lex.verbs.get(&lemma).is_some_and(|f| f.kind == kind && (!f.needs_context || context()))
    {
        return Some(s.agent(p).and_then(|a| s.body(a)).filter(is_state));
    }
    if (s.word(p).upos == "NOUN" || !lex.verbs.contains_key(&lemma))
        && lex.nouns.get(&lemma).is_some_and(|f| f.kind == kind)
    {
        return Some(noun_authority(s, p));
    }
    None
}

/// Notes the sanctions of a sentence; returns the list claims it continues, if any.
pub(super) fn step(lex: &Lexicon, s: &Parse<'_>, ctx: &mut Context) -> Vec<Found> {
    let si = s.sentence;
    let mut imposes = false;
    for p in 0..s.len {
        if let Some(authority) = sanction_at(lex, s, p) {
            imposes = true;
            if let Some(b) = authority
                && let Some(a) = s.doc.authority(&Arg::Mention(b))
            {
                ctx.authorities.push((ClaimType::Sanction, si, a));
            }
        }
        if let Some(Some(b)) = predicate_at(lex, s, p, ClaimType::Warrant)
            && let Some(a) = s.doc.authority(&Arg::Mention(b))
        {
            ctx.authorities.push((ClaimType::Warrant, si, a));
        }
    }
    let text = s.doc.input.text[s.doc.view.sentences[si].span.clone()].trim_end();
    let colon = text.ends_with(':');
    if imposes {
        ctx.last = Some(si);
        ctx.colon = colon;
        // "The four others slapped with sanctions are A and B": the list is in the
        // sentence that names the sanctions.
        return continuation(lex, s);
    }
    let Some(last) = ctx.last.filter(|&l| si - l <= WINDOW) else { return vec![] };
    let found = if ctx.colon { items(s) } else { continuation(lex, s) };
    if !found.is_empty() {
        ctx.last = Some(si);
        ctx.colon = ctx.colon || colon;
    } else if ctx.colon && last + 1 == si {
        // The line after a colon names no one: the list is over.
        ctx.colon = false;
    }
    found
}

/// The items of a colon list, by the name each opens with ("• A (former governor);
/// • B (judge); and • C"): a line may hold several items, split by bullets or semicolons.
fn items(s: &Parse<'_>) -> Vec<Found> {
    let mut out = Vec::new();
    let mut opens = true;
    for w in 0..s.len {
        let text = &s.doc.input.text[s.word(w).span.clone()];
        if matches!(text, "•" | "·" | "*" | "-" | "–" | "—" | ";") {
            opens = true;
            continue;
        }
        if !opens || text == "and" {
            continue;
        }
        opens = false;
        if let Some(m) = s.mention(w, TARGETS)
            && s.doc.view.mentions[m].span.start == s.word(w).span.start
        {
            out.push(list_found(w, m, vec![w]));
        }
    }
    out
}

/// A sentence whose unnamed subject is identified with, or includes, named people.
fn continuation(lex: &Lexicon, s: &Parse<'_>) -> Vec<Found> {
    let Some(root) = (0..s.len).find(|&w| s.word(w).head == 0) else { return vec![] };
    let people = || {
        let mentions = s.doc.view.sentences[s.sentence].mentions.iter().copied();
        mentions.filter(|&m| {
            let mm = &s.doc.view.mentions[m];
            !mm.hidden && mm.kind == Kind::Per
        })
    };
    // "Also designated today is the Border Police, as well as its chief, A": the tagger
    // takes the inverted participle for a modifier of the copula's nominal.
    let sanctioned = |c: usize| {
        matches!(s.rel(c), "amod" | "acl")
            && lex.verbs.get(&s.lemma(c)).is_some_and(|f| f.kind == ClaimType::Sanction)
    };
    if s.kid(root, "cop").is_some() && s.children[root].iter().any(|&c| sanctioned(c)) {
        let own = s.mention(root, TARGETS).into_iter();
        let mut targets: Vec<usize> = own.chain(people()).collect();
        targets.dedup();
        return targets.into_iter().map(|m| list_found(root, m, vec![root])).collect();
    }
    let Some(subj) = s.kid(root, "nsubj").or_else(|| s.kid(root, "nsubj:pass")) else {
        return vec![];
    };
    let identity = s.kid(root, "cop").is_some() || lex.words.list.contains(&s.lemma(root));
    if !identity || !plural(lex, s, subj) {
        return vec![];
    }
    // The subject's words: it must name no one ("the others", "those affected").
    let mut sub = vec![subj];
    let mut k = 0;
    while k < sub.len() {
        sub.extend(s.children[sub[k]].iter().copied());
        k += 1;
    }
    let lo = sub.iter().map(|&w| s.word(w).span.start).min().unwrap_or(0);
    let hi = sub.iter().map(|&w| s.word(w).span.end).max().unwrap_or(0);
    let mentions = &s.doc.view.sentences[s.sentence].mentions;
    let named = |m: usize| {
        let mm = &s.doc.view.mentions[m];
        !mm.hidden && mm.kind != Kind::Time && mm.span.start < hi && lo < mm.span.end
    };
    if mentions.iter().any(|&m| named(m)) {
        return vec![];
    }
    people().map(|m| list_found(root, m, vec![root, subj])).collect()
}

fn list_found(p: usize, target: usize, words: Vec<usize>) -> Found {
    Found {
        kind: ClaimType::Sanction,
        shape: "list",
        predicate: p,
        args: vec![("target".to_string(), Arg::Mention(target))],
        words,
    }
}

/// Whether a subject speaks of a group: "those", "the others", "two officials", "six of
/// the individuals".
fn plural(lex: &Lexicon, s: &Parse<'_>, w: usize) -> bool {
    let word = s.word(w);
    let text = s.doc.input.text[word.span.clone()].to_lowercase();
    word.upos == "NUM"
        || lex.words.group.contains(&text)
        || (word.upos == "NOUN" && text != s.lemma(w) && text.ends_with('s'))
}
