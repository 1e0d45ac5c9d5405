//! Groups that stand for people named before: "The three are accused of ...", "the five
//! officials had incited ...", "The brothers were accused of ...", "Both were arrested".
//! A definite plural or a number that names no one refers back to the people the last
//! sentences named (their speakers left out), as many as the number says.

use super::arguments::Parse;
use super::{Lexicon, PEOPLE};
use crate::extract::Arg;
use crate::view::Kind;

/// How many sentences back a group may find its members.
const WINDOW: usize = 4;

/// The person mentions a group word stands for; empty where the word is no group or the
/// sentences before do not name enough people.
pub(super) fn members(lex: &Lexicon, s: &Parse<'_>, w: usize) -> Vec<usize> {
    let Some(count) = group_size(lex, s, w) else { return vec![] };
    let doc = s.doc;
    if let Some(named) = same_event(lex, s, w, count) {
        return named;
    }
    let mut out: Vec<usize> = Vec::new();
    let mut keys: Vec<String> = Vec::new();
    for back in 1..=WINDOW.min(s.sentence) {
        let si = s.sentence - back;
        if doc.view.sentences[si].words.is_empty() {
            continue;
        }
        let prev = Parse::new(doc, si);
        let mut found: Vec<usize> = Vec::new();
        for &m in &doc.view.sentences[si].mentions {
            let mm = &doc.view.mentions[m];
            if mm.hidden || mm.kind != Kind::Per || speaker(lex, &prev, m) {
                continue;
            }
            let key = doc.person_name(&Arg::Mention(m)).map(|(n, _)| n.to_lowercase());
            // A one-word "person" is as often a company or a place the tagger misread.
            let Some(key) = key.filter(|k| k.split_whitespace().count() >= 2) else { continue };
            if keys.contains(&key) {
                continue;
            }
            keys.push(key);
            found.push(m);
        }
        // "Last month, two prison officers were charged. Both were detained.": a counted
        // group of unnamed people, nearer than the names, is what the group word stands for.
        let counted = (0..prev.len).any(|k| {
            let n = prev.doc.input.text[prev.word(k).span.clone()].to_lowercase();
            prev.rel(k) == "nummod"
                && prev.head(k).is_some_and(|h| {
                    // "two prison officers": the number may hang on the compound's first noun.
                    let noun = match prev.head(h) {
                        Some(g) if prev.rel(h) == "compound" && g > h => g,
                        _ => h,
                    };
                    unnamed_people(lex, &prev, noun)
                })
                && number(&n).is_some_and(|n| count.is_none_or(|c| c == n))
        });
        if counted && found.len() < count.unwrap_or(2) {
            return vec![];
        }
        // The nearer sentence's people come last in the text, so first in the group.
        out.splice(0..0, found);
        match count {
            Some(n) if out.len() >= n => {
                // The n named nearest before.
                return out.split_off(out.len() - n);
            }
            None if out.len() >= 2 => return out,
            _ => {}
        }
    }
    // One fewer than a larger number says: a name the tagger missed. Fewer still: the
    // group is not (only) these people.
    match count {
        Some(n) if n >= 4 && out.len() + 1 >= n => out,
        _ => vec![],
    }
}

/// "X has sentenced 5 people to death. [Other people named.] The five were sentenced to
/// death": the same predicate told again of as many people is that counted group, whoever
/// was named between. `Some` of the people named under the counted group's noun ("5 people,
/// A, B, ..."), none where they are not as many as the count; `None` where no sentence of
/// the window tells the group word's predicate of a counted group.
fn same_event(lex: &Lexicon, s: &Parse<'_>, w: usize, count: Option<usize>) -> Option<Vec<usize>> {
    let count = count?;
    let predicate = s.head(w).filter(|&v| s.word(v).upos == "VERB")?;
    let lemma = s.lemma(predicate);
    let doc = s.doc;
    for back in 1..=WINDOW.min(s.sentence) {
        let prev = Parse::new(doc, s.sentence - back);
        for k in 0..prev.len {
            let n = doc.input.text[prev.word(k).span.clone()].to_lowercase();
            if prev.rel(k) != "nummod" || number(&n) != Some(count) {
                continue;
            }
            let Some(noun) = prev.head(k) else { continue };
            let same = prev
                .head(noun)
                .is_some_and(|v| prev.word(v).upos == "VERB" && prev.lemma(v) == lemma);
            if !same || !unnamed_people(lex, &prev, noun) {
                continue;
            }
            let mut named: Vec<usize> = Vec::new();
            for j in (0..prev.len).filter(|&j| j != noun) {
                let under = super::allegations::governed_by(&prev, j, noun);
                match prev.mention(j, PEOPLE) {
                    Some(m) if under && !named.contains(&m) => named.push(m),
                    _ => {}
                }
            }
            return Some(if named.len() == count { named } else { Vec::new() });
        }
    }
    None
}

/// Whether a counted noun is people named by no name ("two prison officers", "5 people").
fn unnamed_people(lex: &Lexicon, s: &Parse<'_>, noun: usize) -> bool {
    s.word(noun).upos == "NOUN"
        && s.mention(noun, PEOPLE).is_none()
        && lex.words.group_nouns.contains(s.lemma(noun))
}

/// Whether a word is a group that names no one, and how many it counts (`None`: at least
/// two).
fn group_size(lex: &Lexicon, s: &Parse<'_>, w: usize) -> Option<Option<usize>> {
    if s.mention(w, PEOPLE).is_some() || s.mention(w, &[Kind::Org, Kind::Nat]).is_some() {
        return None;
    }
    let text = s.doc.input.text[s.word(w).span.clone()].to_lowercase();
    let dets: Vec<String> = s.children[w]
        .iter()
        .filter(|&&c| matches!(s.rel(c), "det" | "det:predet" | "nummod" | "amod"))
        .map(|&c| s.doc.input.text[s.word(c).span.clone()].to_lowercase())
        .collect();
    let definite = dets.iter().any(|d| matches!(d.as_str(), "the" | "all" | "these" | "those"));
    // "The three", "all four".
    if s.word(w).upos == "NUM" {
        return definite.then(|| number(&text)).flatten().map(Some);
    }
    if text == "both" {
        return Some(Some(2));
    }
    // A plural noun ("officials", "men"), not a predicate's own word ("the sanctions").
    // "the two suspects bear ...", parsed as a compound of nouns: the lemmatiser may leave
    // such a plural whole.
    let lemma = match s.lemma(w) {
        l if *l == text && text.len() > 3 => text.strip_suffix('s').unwrap_or(&text).to_string(),
        l => l.to_string(),
    };
    if s.word(w).upos != "NOUN" || text == lemma || !lex.words.group_nouns.contains(&lemma) {
        return None;
    }
    if !definite && !dets.iter().any(|d| d == "both") {
        return None;
    }
    // "the five officials"; "the brothers": two or more.
    Some(dets.iter().find_map(|d| number(d)))
}

/// A small cardinal written as a word or digits.
fn number(t: &str) -> Option<usize> {
    const WORDS: [&str; 11] =
        ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
    let n = WORDS.iter().position(|w| *w == t).or_else(|| t.parse().ok())?;
    (2..=12).contains(&n).then_some(n)
}

/// Whether a mention is the one who speaks in its sentence ("..., said Treasury Secretary
/// X"): a speaker is not among those spoken of.
fn speaker(lex: &Lexicon, s: &Parse<'_>, m: usize) -> bool {
    let span = s.doc.view.mentions[m].span.clone();
    (0..s.len).any(|w| {
        let ws = s.word(w).span.clone();
        if ws.start < span.start || span.end < ws.end {
            return false;
        }
        // Up the name's own words ("Treasury Secretary X": the parser may make the title
        // the head) to the phrase's head.
        let mut h = w;
        for _ in 0..6 {
            match s.head(h) {
                Some(up) if matches!(s.rel(h), "flat" | "flat:name" | "compound" | "appos") => {
                    h = up
                }
                _ => break,
            }
        }
        s.rel(h).starts_with("nsubj")
            && s.head(h).is_some_and(|v| lex.words.reporting.contains(s.lemma(v)))
    })
}
