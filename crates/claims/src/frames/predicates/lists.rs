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
    predicate_at(lex, s, p, ClaimType::Sanction).map(|b| b.filter(|&b| !unknown_name(s, b)))
}

/// Whether a body found as an authority is a name of no known kind that no authority
/// table knows: a headline's "X imposes sanctions", where the tagger could not tell the
/// person X is, names no state or body; the document's own authority stands instead.
pub(super) fn unknown_name(s: &Parse<'_>, b: usize) -> bool {
    let mention = &s.doc.view.mentions[b];
    if mention.kind != Kind::Misc {
        return false;
    }
    let text = s.doc.mention_text(b);
    s.doc.authority(&Arg::Mention(b)).is_none_or(|a| a == text) && !s.doc.is_state(&text)
}

/// Whether a word is a predicate of a kind, and the body behind it if named.
fn predicate_at(lex: &Lexicon, s: &Parse<'_>, p: usize, kind: ClaimType) -> Option<Option<usize>> {
    let lemma = s.lemma(p);
    let is_state = |b: &usize| !PEOPLE.contains(&s.doc.view.mentions[*b].kind);
    if s.word(p).upos == "VERB"
        && lex.verbs.get(lemma).is_some_and(|f| f.kind == kind && f.conditions_hold(lex, s, p))
    {
        return Some(s.agent(p).and_then(|a| s.body(a)).filter(is_state));
    }
    if (s.word(p).upos == "NOUN" || !lex.verbs.contains_key(lemma))
        && lex.nouns.get(lemma).is_some_and(|f| f.kind == kind && f.conditions_hold(lex, s, p))
    {
        return Some(noun_authority(s, p));
    }
    None
}

/// Notes the sanctions of a sentence; returns the list claims it continues, if any.
pub(super) fn step(lex: &Lexicon, s: &Parse<'_>, ctx: &mut Context) -> Vec<Found> {
    let si = s.sentence;
    let mut imposes = false;
    let mut first_sanction = None;
    for p in 0..s.len {
        if let Some(authority) = sanction_at(lex, s, p) {
            imposes = true;
            first_sanction.get_or_insert(p);
            if let Some(b) = authority
                && let Some(a) = s.doc.issuer(ClaimType::Sanction, b)
            {
                ctx.authorities.push((ClaimType::Sanction, si, a));
            }
        }
        if let Some(Some(b)) = predicate_at(lex, s, p, ClaimType::Warrant)
            && let Some(a) = s.doc.issuer(ClaimType::Warrant, b)
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
        let mut found = continuation(lex, s);
        if let Some(p) = first_sanction {
            for (be, m) in copular_list(lex, s, p) {
                if !found
                    .iter()
                    .any(|f| f.args.iter().any(|(_, a)| matches!(a, Arg::Mention(x) if *x == m)))
                {
                    found.push(list_found(be, m, vec![be]));
                }
            }
        }
        return found;
    }
    let Some(last) = ctx.last.filter(|&l| si - l <= WINDOW) else { return vec![] };
    let mut found = if ctx.colon { items(s) } else { continuation(lex, s) };
    // "Also named in the announcement was A, 52, who ...": an inverted participle of
    // naming or listing continues the sanctions told just before.
    if found.is_empty()
        && let Some((p, be)) = (0..s.len).filter(|&p| s.word(p).upos == "VERB").find_map(|p| {
            let l = s.lemma(p);
            let naming = lex.words.list.contains(l) || lex.words.list_verbs.contains(l);
            (naming && l != "be" && s.word(p).upos == "VERB")
                .then(|| super::inverted(s, p).map(|be| (p, be)))
                .flatten()
        })
    {
        found = named_items(s, be + 1, s.len)
            .into_iter()
            .map(|m| list_found(p, m, vec![p, be]))
            .collect();
    }
    if !found.is_empty() {
        ctx.last = Some(si);
        ctx.colon = ctx.colon || colon;
    } else if ctx.colon && last + 1 == si {
        // The line after a colon names no one: the list is over.
        ctx.colon = false;
    }
    found
}

/// The items of a colon list, by the name each opens with, after any rank or title ("•
/// A (former governor); • B (judge); and • C", "- Colonel D is the head of E"): a line may
/// hold several items, split by bullets or semicolons.
fn items(s: &Parse<'_>) -> Vec<Found> {
    named_items(s, 0, s.len).into_iter().map(|m| list_found(0, m, vec![0])).collect()
}

/// "The four others slapped with sanctions are A who ..., B who ..., and C": a "be" or
/// "include" after the sanction, with no one named before it, lists the targets after it.
fn copular_list(lex: &Lexicon, s: &Parse<'_>, p: usize) -> Vec<(usize, usize)> {
    let be = (p + 1..s.len).find(|&w| {
        (s.lemma(w) == "be" && s.rel(w) == "cop")
            || (s.word(w).upos == "VERB" && lex.words.include.contains(s.lemma(w)))
    });
    let Some(be) = be else { return vec![] };
    let start = s.word(0).span.start;
    let end = s.word(be).span.start;
    let named_before = s.doc.view.sentences[s.sentence].mentions.iter().any(|&m| {
        let mm = &s.doc.view.mentions[m];
        !mm.hidden && PEOPLE.contains(&mm.kind) && mm.span.start >= start && mm.span.end <= end
    });
    if named_before {
        return vec![];
    }
    named_items(s, be + 1, s.len).into_iter().map(|m| (be, m)).collect()
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
            && lex.verbs.get(s.lemma(c)).is_some_and(|f| f.kind == ClaimType::Sanction)
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
    let identity = s.kid(root, "cop").is_some() || lex.words.list.contains(s.lemma(root));
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
        || (word.upos == "NOUN" && text != *s.lemma(w) && text.ends_with('s'))
}

/// The people a list names item by item, between two words ("A, the chief of B, C and D,
/// who headed E; F"): the words split at commas, semicolons, bullets, "and" and "as well
/// as"; an item counts where it opens with a person's name, after at most a title or a
/// kind noun ("Labor Minister A", "police officers A", "his son A"). The names inside an
/// item's description or relative clause are not items ("A, who met B and C"), and an item
/// that opens a clause of reason, purpose or report ("for supporting B, C", "said ...") ends
/// the list.
pub(super) fn named_items(s: &Parse<'_>, from: usize, to: usize) -> Vec<usize> {
    let mut out = Vec::new();
    let mut opens = true;
    let mut first = true;
    let mut clause = false;
    let mut depth = 0usize;
    for w in from..to.min(s.len) {
        let word = s.word(w);
        let text = &s.doc.input.text[word.span.clone()];
        let lower = text.to_lowercase();
        match text {
            "(" | "[" => depth += 1,
            ")" | "]" => depth = depth.saturating_sub(1),
            _ => {}
        }
        if depth > 0 || matches!(text, "(" | ")" | "[" | "]") {
            continue;
        }
        if matches!(text, "," | ";" | "•" | "·" | "*" | "-" | "–" | "—" | ":") {
            opens = true;
            first = true;
            clause = false;
            continue;
        }
        if word.upos == "CCONJ" || matches!(lower.as_str(), "along" | "together" | "including") {
            if !clause {
                opens = true;
                first = true;
            }
            continue;
        }
        // "as well as"
        if matches!(lower.as_str(), "as" | "well") && (opens || s.lemma(w) == "well") {
            opens = true;
            first = true;
            continue;
        }
        if !opens {
            if matches!(word.upos.as_str(), "VERB" | "AUX") || matches!(word.upos.as_str(), "PRON")
            {
                clause = true;
            }
            continue;
        }
        if let Some(m) = covering(s, w, &[Kind::Per])
            && !nouns_possessor(s, m)
        {
            if !out.contains(&m) {
                out.push(m);
            }
            opens = false;
            first = false;
            continue;
        }
        let upos = word.upos.as_str();
        let titleish = matches!(upos, "DET" | "ADJ" | "NOUN" | "PROPN" | "NUM")
            || (upos == "VERB" && s.rel(w) == "amod")
            || (upos == "PRON" && matches!(lower.as_str(), "his" | "her" | "their" | "its"));
        if titleish {
            first = false;
            continue;
        }
        // An item that opens a reason, a purpose or a report ends the list; a relative
        // clause or a participle ("who headed", "appointed in August") only ends its item.
        let relative = matches!(lower.as_str(), "who" | "whom" | "whose" | "which" | "that");
        let participle = upos == "VERB" && (lower.ends_with("ed") || lower.ends_with("en"));
        if first && !relative && !participle {
            break;
        }
        opens = false;
        clause = true;
    }
    out
}

/// The mention of a kind that covers a word.
fn covering(s: &Parse<'_>, w: usize, kinds: &[Kind]) -> Option<usize> {
    let span = s.word(w).span.clone();
    s.doc.view.sentences[s.sentence].mentions.iter().copied().find(|&m| {
        let mm = &s.doc.view.mentions[m];
        !mm.hidden
            && mm.span.start <= span.start
            && span.end <= mm.span.end
            && kinds.contains(&mm.kind)
    })
}

fn nouns_possessor(s: &Parse<'_>, m: usize) -> bool {
    super::nouns::possessor(s, m)
}
