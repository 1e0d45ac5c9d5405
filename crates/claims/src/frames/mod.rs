//! Frames: extraction over the dependency parse, run after the pattern rules. A frame's claim
//! is added unless the patterns already made one of the same type and key.

pub(crate) mod appointments;
mod bodies;
mod heads;
mod holders;
mod infobox;
pub(crate) mod people;
pub(crate) mod positions;
mod post_dates;
pub(crate) mod predicates;
mod staff;
mod states;
#[cfg(test)]
pub(crate) mod test_support;

use std::collections::{HashMap, HashSet};

use crate::extract::merge::identity;
use crate::extract::{Candidate, Doc};
use crate::view::Kind;
use crate::{Claim, ClaimType};

/// Adds the frames' claims that the pattern rules did not already make.
pub(crate) fn run(doc: &Doc<'_>, claims: &mut Vec<Claim>) {
    claims.retain(|c| !states::portfolio_as_body(doc, c));
    let known: HashMap<(ClaimType, String), usize> =
        claims.iter().enumerate().map(|(i, c)| ((c.kind, identity(c)), i)).collect();
    let mut candidates: Vec<Candidate<'static>> = Vec::new();
    for si in 0..doc.view.sentences.len() {
        let parse = Parse::new(doc, si);
        candidates.extend(positions::candidates(doc, &parse));
        candidates.extend(people::candidates(doc, &parse));
        candidates.extend(appointments::candidates(doc, &parse));
        candidates.extend(heads::candidates(doc, &parse));
    }
    candidates.extend(infobox::candidates(doc));
    let patterns = claims.len();
    for c in &candidates {
        let Some(claim) = doc.build(c) else { continue };
        let same = known
            .get(&(claim.kind, identity(&claim)))
            .copied()
            .or_else(|| claims[..patterns].iter().position(|k| same_post(k, &claim)))
            .filter(|&k| !crate::extract::merge::two_posts(&claims[k], &claim));
        // "the head of the Varsk penal colony IK-7": the pattern kept a part of the body's
        // name ("IK-7"), the parse the whole.
        let same = same.or_else(|| {
            claims[..patterns].iter().position(|k| {
                k.kind == ClaimType::Position
                    && k.evidence.start == claim.evidence.start
                    && k.field("holder") == claim.field("holder")
                    && fuller(k, &claim)
            })
        });
        match same {
            // The pattern's claim stands, with the dates the parse found and it did not
            // ("X (director of Y since 2021)").
            Some(k) => {
                fill_dates(&mut claims[k], &claim);
                fuller_body(&mut claims[k], &claim);
            }
            None => claims.push(claim),
        }
    }
    // Staff lines read the bodies of the posts found above.
    for c in &staff::candidates(doc, claims) {
        if let Some(claim) = doc.build(c) {
            claims.push(claim);
        }
    }
}

/// Whether a word is a post that serves a person ("lawyer", "spokesman").
pub(crate) fn is_personal_post(word: &str) -> bool {
    positions::LEXICON.personal_posts.contains(word)
}

/// Whether a capitalised word is the noun of a post ("Commissioner", "Judge"): after a
/// title it goes on the title, never opens a name.
pub(crate) fn is_title_word(word: &str) -> bool {
    let w = word.to_lowercase();
    let lex = &*positions::LEXICON;
    lex.titles.contains(&w)
        || lex.court_posts.contains(&w)
        || lex.personal_posts.contains(&w)
        || lex.state_posts.contains(&w)
}

/// Whether a post's body is only a function of some body ("Director of Communications").
pub(crate) fn is_function_body(org: &str) -> bool {
    positions::LEXICON.function_bodies.contains(&org.trim().to_lowercase())
}

/// The one state a post belongs to by its title alone ("treasury secretary": the United
/// States), from `state_titles` in `rules/titles.toml`.
pub(crate) fn state_of_title(title: &str) -> Option<String> {
    positions::LEXICON.state_titles.get(&title.to_lowercase()).cloned()
}

/// Whether a role is a post of a state itself ("vice president", "interior minister"), whose
/// body is the state whatever other posts its holder has.
pub(crate) fn is_state_post(role: &str) -> bool {
    let role = format!(" {}", role.to_lowercase().replace('-', " "));
    let lex = &*positions::LEXICON;
    // "minister of harbours and fisheries": a portfolio names the minister's field, and the
    // post is the state's as a minister's is.
    let head = role.split(" of ").next().unwrap_or(&role);
    let portfolio = lex.portfolio_posts.iter().any(|p| head.ends_with(&format!(" {p}")));
    portfolio
        || lex
            .state_posts
            .iter()
            .chain(lex.state_titles.keys())
            .any(|s| role.ends_with(&format!(" {s}")))
}

/// Whether a word is the head noun of a body ("legion", "ministry", "colony").
pub(crate) fn is_body_noun(word: &str) -> bool {
    positions::LEXICON.body_nouns.contains(word)
}

/// The pattern's post whose body the parse reads in full ("the Varsk border colony No. 3"
/// where the pattern kept "Varsk"): the parse's fuller name, when it holds every word of the
/// pattern's and ends in the head noun of a body.
fn fuller_body(keep: &mut Claim, other: &Claim) {
    if fuller(keep, other)
        && let Some(long) = other.field("organization")
    {
        let long = long.to_string();
        keep.fields.insert("organization".into(), long.into());
        keep.entity_ids.remove("organization");
    }
}

/// Whether `other`'s body holds every word of `keep`'s and more, and ends in the head noun of
/// a body that `keep`'s lacks.
fn fuller(keep: &Claim, other: &Claim) -> bool {
    if keep.kind != ClaimType::Position || other.kind != ClaimType::Position {
        return false;
    }
    let (Some(short), Some(long)) = (keep.field("organization"), other.field("organization"))
    else {
        return false;
    };
    let words = |s: &str| -> Vec<String> {
        s.to_lowercase()
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(String::from)
            .collect()
    };
    let (ws, wl) = (words(short), words(long));
    wl.len() > ws.len()
        && !ws.is_empty()
        && ws.iter().all(|w| wl.contains(w))
        && wl.iter().any(|w| is_body_noun(w))
        && !ws.iter().any(|w| is_body_noun(w))
}

fn fill_dates(keep: &mut Claim, other: &Claim) {
    for f in ["start", "end", "date"] {
        if let Some(v) = other.fields.get(f).filter(|v| !v.is_null())
            && keep.fields.get(f).is_some_and(serde_json::Value::is_null)
        {
            keep.fields.insert(f.into(), v.clone());
        }
    }
}

/// Two posts of one holder in bodies whose names mostly agree ("Federal Intelligence Service"
/// and "Germany's Federal Intelligence Service"): the pattern rule's claim stands.
fn same_post(a: &Claim, b: &Claim) -> bool {
    if a.kind != ClaimType::Position || b.kind != ClaimType::Position {
        return false;
    }
    let holder = |c: &Claim| c.field("holder").map(crate::coref::name_key);
    let words = |c: &Claim| -> HashSet<String> {
        c.field("organization")
            .unwrap_or("")
            .to_lowercase()
            .split(|ch: char| !ch.is_alphanumeric())
            .filter(|w| w.len() > 2 && !matches!(*w, "the" | "and" | "for"))
            .map(String::from)
            .collect()
    };
    let (wa, wb) = (words(a), words(b));
    let shared = wa.intersection(&wb).count();
    holder(a) == holder(b) && shared > 0 && shared * 5 >= 3 * wa.len().min(wb.len())
}

/// One sentence's parse as the frames read it: words from 0, heads from 0 (`None` for the
/// root), children, and the mention each word belongs to.
pub(crate) struct Parse<'a> {
    pub(crate) sentence: usize,
    pub(crate) text: &'a str,
    pub(crate) words: &'a [model::Word],
    pub(crate) children: Vec<Vec<usize>>,
    /// The smallest mention of the sentence (hidden parts of descriptions included) that
    /// covers each word.
    pub(crate) mention: Vec<Option<usize>>,
}

impl<'a> Parse<'a> {
    pub(crate) fn new(doc: &Doc<'a>, sentence: usize) -> Parse<'a> {
        let s = &doc.view.sentences[sentence];
        let words = &doc.view.words[s.words.clone()];
        let mut children = vec![Vec::new(); words.len()];
        for (i, w) in words.iter().enumerate() {
            if w.head > 0 && w.head <= words.len() {
                children[w.head - 1].push(i);
            }
        }
        let mut all: Vec<usize> = s.mentions.clone();
        for &m in &s.mentions {
            all.extend(doc.view.mentions[m].parts.iter().copied());
        }
        let mention = words
            .iter()
            .map(|w| {
                all.iter()
                    .copied()
                    .filter(|&m| {
                        let span = &doc.view.mentions[m].span;
                        span.start <= w.span.start && w.span.end <= span.end
                    })
                    .min_by_key(|&m| doc.view.mentions[m].span.len())
            })
            .collect();
        Parse { sentence, text: doc.input.text, words, children, mention }
    }

    /// A word's head, if it has one inside the sentence.
    pub(crate) fn head(&self, i: usize) -> Option<usize> {
        let h = self.words[i].head;
        (h > 0 && h <= self.words.len()).then(|| h - 1)
    }

    /// The relation without its subtype ("nmod:poss" → "nmod").
    /// Whether a word is a plural noun ("ministers"): its form, not its lemma, ends in "s".
    pub(crate) fn plural(&self, i: usize) -> bool {
        let form = self.form(i).to_lowercase();
        form != *self.lemma(i) && form.ends_with('s')
    }

    pub(crate) fn rel(&self, i: usize) -> &str {
        self.words[i].deprel.split(':').next().unwrap_or("")
    }

    pub(crate) fn form(&self, i: usize) -> &'a str {
        &self.text[self.words[i].span.clone()]
    }

    /// The lemma, in lower case (the view's words hold it so).
    pub(crate) fn lemma(&self, i: usize) -> &String {
        &self.words[i].lemma
    }

    /// The children of `i` with relation `rel` (subtypes included).
    pub(crate) fn kids<'s>(&'s self, i: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.children[i].iter().copied().filter(move |&c| self.rel(c) == rel)
    }

    /// The lowercased form of the case marker of `i` ("of" in "of the bureau").
    pub(crate) fn case(&self, i: usize) -> Option<String> {
        self.kids(i, "case").next().map(|c| self.form(c).to_lowercase())
    }

    /// The mention of a word if it is of one of `kinds`.
    pub(crate) fn mention_of(&self, doc: &Doc<'_>, i: usize, kinds: &[Kind]) -> Option<usize> {
        self.mention[i].filter(|&m| kinds.contains(&doc.view.mentions[m].kind))
    }

    /// `i` and its conjuncts ("A, B and C").
    pub(crate) fn with_conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() && out.len() < 16 {
            let more: Vec<usize> = self.kids(out[k], "conj").filter(|c| !out.contains(c)).collect();
            out.extend(more);
            k += 1;
        }
        out
    }

    /// The word range of `i`'s subtree less the children with the given relations.
    pub(crate) fn span_without(&self, i: usize, drop: &[&str]) -> (usize, usize) {
        let (mut lo, mut hi) = (i, i);
        let mut stack = vec![i];
        let mut seen = 0;
        while let Some(x) = stack.pop() {
            seen += 1;
            if seen > self.words.len() {
                break;
            }
            lo = lo.min(x);
            hi = hi.max(x);
            for &c in &self.children[x] {
                if x == i && drop.contains(&self.rel(c)) {
                    continue;
                }
                if matches!(self.rel(c), "punct" | "acl" | "appos" | "parataxis" | "list") {
                    continue;
                }
                stack.push(c);
            }
        }
        (lo, hi)
    }
}

/// The byte range in a sentence's view that the placeholders of some mentions cover: what
/// modality cues are read against.
pub(crate) fn view_span(
    doc: &Doc<'_>,
    sentence: usize,
    mentions: &[usize],
) -> std::ops::Range<usize> {
    let view = &doc.view.sentences[sentence].view;
    let mut lo = usize::MAX;
    let mut hi = 0;
    for &m in mentions {
        let tag = format!("⟦{}:{m}⟧", doc.view.mentions[m].kind.as_str());
        if let Some(at) = view.find(&tag) {
            lo = lo.min(at);
            hi = hi.max(at + tag.len());
        }
    }
    if lo > hi { 0..view.len() } else { lo..hi }
}
