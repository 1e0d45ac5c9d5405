//! Position frames: a post (a ROLE mention or a title noun of `rules/titles.toml`) with its
//! holder and body read off the parse: appositions ("X, the head of Y"), titles before a
//! name ("Y spokesman X"), copulas ("X is the leader of Y"), relative clauses ("X, who was
//! Y chief"), "as" phrases ("served as head of Y") and parentheses after a name ("X (Head of
//! Y, Deputy Secretary of Z)"), spread over conjoined posts and bodies.

use std::collections::{BTreeMap, HashSet};
use std::sync::LazyLock;

use serde::Deserialize;

use super::bodies::{POST_MODIFIERS, bodies};
use super::holders::{
    HONORIFICS, appositive_name, closing_parenthesis, comma_owner, comma_owner_at, list_after,
    list_before, misparsed_subject, name_after_body, name_after_other_post, paired_post,
    parenthesis_owner, relative_antecedent, verb_subjects,
};
use super::post_dates::dates;
use super::{Parse, view_span};
use crate::extract::{Arg, Candidate, Doc};
use crate::rules::{AsOf, Rule};
use crate::view::Kind;
use crate::{ClaimType, Modality};

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
pub(crate) struct Lexicon {
    #[allow(dead_code)]
    version: u32,
    pub(crate) titles: HashSet<String>,
    pub(crate) not_posts: HashSet<String>,
    pub(super) body_cases: HashSet<String>,
    as_verbs: HashSet<String>,
    pub(super) become_verbs: HashSet<String>,
    pub(super) entry_verbs: HashSet<String>,
    pub(super) exit_verbs: HashSet<String>,
    #[serde(default)]
    removal_verbs: HashSet<String>,
    pub(super) start_cases: HashSet<String>,
    pub(super) end_cases: HashSet<String>,
    past_be: HashSet<String>,
    pub(crate) body_end_verbs: HashSet<String>,
    pub(crate) former: HashSet<String>,
    pub(crate) state_posts: Vec<String>,
    pub(super) regional_posts: Vec<String>,
    #[serde(default)]
    pub(super) state_titles: BTreeMap<String, String>,
    #[serde(default)]
    pub(crate) personal_posts: HashSet<String>,
    pub(super) portfolio_posts: HashSet<String>,
    pub(crate) court_posts: HashSet<String>,
    pub(super) appoint_verbs: HashSet<String>,
    pub(super) head_verbs: HashSet<String>,
    pub(super) replace_verbs: HashSet<String>,
    pub(crate) body_nouns: HashSet<String>,
    pub(super) state_institutions: HashSet<String>,
    pub(super) state_bodies: HashSet<String>,
    pub(crate) function_bodies: HashSet<String>,
    pub(super) institution_posts: BTreeMap<String, String>,
}

impl Lexicon {
    /// Whether a word is the past participle of an appointing verb, whatever its tag says
    /// ("appointed" → "appoint", "named" → "name", "elected" → "elect").
    pub(super) fn is_appointed(&self, word: &str) -> bool {
        let form = word.to_lowercase();
        form.strip_suffix("ed").is_some_and(|stem| {
            self.appoint_verbs.contains(stem) || self.appoint_verbs.contains(&format!("{stem}e"))
        })
    }
}

pub(crate) static LEXICON: LazyLock<Lexicon> = LazyLock::new(|| {
    toml::from_str(include_str!("../../rules/titles.toml")).expect("rules/titles.toml parses")
});

/// How a frame found the holder; names the rule.
#[derive(Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Debug)]
enum How {
    Appos,
    Title,
    Copula,
    Relcl,
    As,
    Paren,
}

impl How {
    const ALL: [How; 6] = [How::Appos, How::Title, How::Copula, How::Relcl, How::As, How::Paren];

    fn name(self) -> &'static str {
        match self {
            How::Appos => "frame.position.appos",
            How::Title => "frame.position.title",
            How::Copula => "frame.position.copula",
            How::Relcl => "frame.position.relcl",
            How::As => "frame.position.as",
            How::Paren => "frame.position.paren",
        }
    }

    /// Appositions, titles and parentheses are the author's own description; clauses take
    /// the sentence's modality cues.
    fn modality(self) -> Option<Modality> {
        match self {
            How::Appos | How::Title | How::Paren => Some(Modality::Asserted),
            _ => None,
        }
    }
}

/// The frames as rules (a current and a former variant of each), so that claims carry a rule
/// name, modality and `as_of` like the pattern rules' claims.
static RULES: LazyLock<BTreeMap<(How, bool), Rule>> = LazyLock::new(|| {
    let mut out = BTreeMap::new();
    for how in How::ALL {
        for former in [false, true] {
            let rule = Rule {
                modality: how.modality(),
                as_of: (!former).then_some(AsOf::Published),
                former,
                confidence: 0.75,
                ..Rule::without_pattern(how.name(), ClaimType::Position)
            };
            out.insert((how, former), rule);
        }
    }
    out
});

/// A post's head word with its role.
pub(super) struct Post {
    /// The last word of the post phrase.
    pub(super) word: usize,
    /// The word the parse makes the phrase's head: `word`, but for an adjective after the
    /// noun ("attorney general").
    pub(super) head: usize,
    pub(super) role: Arg,
    /// The ROLE mention, if the post is one.
    pub(super) mention: Option<usize>,
    /// The first word of the post phrase (modifiers included).
    pub(super) first: usize,
    pub(super) former: bool,
}

/// The position candidates of one sentence.
pub(crate) fn candidates(doc: &Doc<'_>, p: &Parse<'_>) -> Vec<Candidate<'static>> {
    let lex = &*LEXICON;
    let posts = posts(doc, p, lex);
    let mut out = Vec::new();
    for post in &posts {
        let paired = paired_post(doc, p, post, &posts);
        let paired_bodies = paired.map(|q| bodies(doc, p, lex, q)).unwrap_or_default();
        let mut holders = holders(doc, p, lex, post, &posts);
        // "the Director and Party Secretary of Y, X": the name after the pair holds both; the
        // nearest one only, since the parse may hang a later list's names on the second.
        if holders.is_empty()
            && !paired_bodies.is_empty()
            && let Some(q) = paired
        {
            let q_end = p.words[q.word].span.end;
            holders = self::holders(doc, p, lex, q, &posts)
                .into_iter()
                .filter(|&(m, _, _)| doc.view.mentions[m].span.start >= q_end)
                .min_by_key(|&(m, _, _)| doc.view.mentions[m].span.start)
                .into_iter()
                .collect();
        }
        if holders.is_empty() {
            continue;
        }
        let own = bodies(doc, p, lex, post);
        let own = if own.is_empty() { senior_bodies(doc, p, lex, post, &posts) } else { own };
        let own = if own.is_empty() { paired_bodies } else { own };
        let orgs = super::states::state_bodies(doc, p, lex, post, own);

        let (start, end) = dates(doc, p, lex, post.word);
        for &(holder, how, past) in &holders {
            if how == How::Title && served_under(doc.text(), &p.words[post.first].span) {
                continue;
            }
            // "president X (1989-1999)": the years of the post in parentheses after the name.
            let years = (start.is_none() && end.is_none())
                .then(|| years_after(doc.text(), doc.view.mentions[holder].span.end))
                .flatten();
            // "Minister X, appointed in August; Y, deputy director of Z": a semicolon ends
            // a list item, and the post of the next is not X's.
            if split_by_semicolon(doc, p, holder, post.first) {
                continue;
            }
            for org in &orgs {
                if matches!(org, Arg::Mention(m) if *m == holder) {
                    continue;
                }
                // "chief of the General Staff Tomasz Wielgosz": the body ends before the name
                // the parse may have hung inside it.
                let org = &match org {
                    Arg::Text(t) => {
                        let name = doc.mention_text(holder);
                        match t.find(name.as_str()) {
                            Some(0) => continue,
                            Some(at) => Arg::Text(t[..at].trim_end().to_string()),
                            None => org.clone(),
                        }
                    }
                    _ => org.clone(),
                };
                let former = post.former || past;
                let rule = &RULES[&(how, former)];
                let mut mentions = vec![holder];
                mentions.extend(post.mention);
                if let Arg::Mention(m) = org {
                    mentions.push(*m);
                }
                let mut args = vec![
                    ("holder".to_string(), Arg::Mention(holder)),
                    ("role".to_string(), post.role.clone()),
                    ("organization".to_string(), org.clone()),
                ];
                if let Some(s) = start {
                    args.push(("start".into(), Arg::Mention(s)));
                }
                if let Some(e) = end {
                    args.push(("end".into(), Arg::Mention(e)));
                }
                if let Some((a, b)) = &years {
                    args.push(("start".into(), Arg::Text(a.clone())));
                    args.push(("end".into(), Arg::Text(b.clone())));
                }
                out.push(Candidate {
                    rule,
                    sentence: p.sentence,
                    span: view_span(doc, p.sentence, &mentions),
                    args,
                });
            }
        }
    }
    out
}

/// "Chief of the Varsk Police A, Deputy Chief B": a deputy's post without a body of its own,
/// listed after the same post with a body, is the deputy of that body; the list names it once.
fn senior_bodies(
    doc: &Doc<'_>,
    p: &Parse<'_>,
    lex: &Lexicon,
    post: &Post,
    posts: &[Post],
) -> Vec<Arg> {
    if !POST_MODIFIERS.contains(&p.form(post.first).to_lowercase().as_str())
        || post.first == post.word
    {
        return Vec::new();
    }
    let head = |q: &Post| match &q.role {
        Arg::Mention(m) => doc.view.mentions[*m].value.clone().unwrap_or_default(),
        Arg::Text(t) => t.split_whitespace().last().unwrap_or("").to_string(),
    };
    let own = head(post);
    if own.is_empty() {
        return Vec::new();
    }
    // A semicolon or a verb between the two ends the list.
    let in_list = |q: &Post| {
        (q.word + 1..post.first)
            .all(|k| p.form(k) != ";" && !matches!(p.words[k].upos.as_str(), "VERB" | "AUX"))
    };
    posts
        .iter()
        .rev()
        .filter(|q| q.word < post.first && head(q) == own && in_list(q))
        .map(|q| bodies(doc, p, lex, q))
        .find(|b| !b.is_empty())
        .unwrap_or_default()
}

/// Whether a semicolon stands between a holder's name and the first word of a post.
fn split_by_semicolon(doc: &Doc<'_>, p: &Parse<'_>, holder: usize, first: usize) -> bool {
    let name = doc.view.mentions[holder].span.clone();
    let post = p.words[first].span.clone();
    let between = if name.end <= post.start {
        p.text.get(name.end..post.start)
    } else {
        p.text.get(post.end..name.start)
    };
    between.is_some_and(|t| t.contains(';'))
}

/// "(1989-1999)", "(1973-76)" right after a name: the first and last year of a post.
fn years_after(text: &str, at: usize) -> Option<(String, String)> {
    static YEARS: LazyLock<regex::Regex> = LazyLock::new(|| {
        regex::Regex::new(r"^\s*\(\s*((?:19|20)\d\d)\s*[-–—]\s*(\d\d(?:\d\d)?)\s*\)")
            .expect("the years pattern compiles")
    });
    let caps = YEARS.captures(text.get(at..)?)?;
    let (a, b) = (&caps[1], &caps[2]);
    let b = if b.len() == 2 { format!("{}{b}", &a[..2]) } else { b.to_string() };
    (b.as_str() >= a).then(|| (a.to_string(), b))
}

/// An infobox lists under each office its dates, then the title and name of whom it served
/// under ("Vice President / In office / 2002 – 2003 / President X / Preceded by Y"): a line
/// that starts with a title, right after the office's dates, is the superior's, and says
/// nothing about the office's holder or that line's own dates.
fn served_under(text: &str, title: &std::ops::Range<usize>) -> bool {
    let line_start = text[..title.start].rfind('\n').map_or(0, |i| i + 1);
    if !text[line_start..title.start].trim().is_empty() || line_start == 0 {
        return false;
    }
    let previous = text[..line_start - 1].rsplit('\n').next().unwrap_or("").trim();
    let dates = previous.contains(['–', '—', '-'])
        && previous.split(['–', '—', '-']).all(|part| {
            let part = part.trim();
            part.ends_with(|c: char| c.is_ascii_digit()) || part.eq_ignore_ascii_case("present")
        });
    dates || previous.eq_ignore_ascii_case("in office")
}

/// The posts of a sentence: the last word of every ROLE mention, and title nouns.
pub(super) fn posts(doc: &Doc<'_>, p: &Parse<'_>, lex: &Lexicon) -> Vec<Post> {
    let mut out = Vec::new();
    for i in 0..p.words.len() {
        let w = &p.words[i];
        if let Some(r) = p.mention_of(doc, i, &[Kind::Role]) {
            let m = &doc.view.mentions[r];
            if m.span.end != w.span.end
                || m.value.as_deref().is_some_and(|v| lex.not_posts.contains(v))
            {
                continue;
            }
            let text = p.text[m.span.clone()].to_lowercase();
            let first = (0..=i).find(|&k| p.words[k].span.start >= m.span.start).unwrap_or(i);
            // "ex-interior minister": the role starts inside the hyphenated word.
            let glued = p.text[..m.span.start]
                .rsplit([' ', '\n'])
                .next()
                .and_then(|lead| lead.strip_suffix('-'))
                .is_some_and(|lead| lex.former.contains(&lead.to_lowercase()));
            let former = text.split([' ', '-']).any(|x| lex.former.contains(x))
                || text.starts_with("ex")
                || glued
                || marked_former(p, lex, i, first);
            // "attorney general", "chief of staff": the role ends after the noun that heads
            // the phrase, and the head's relations say who holds it.
            let heads: Vec<usize> =
                (first..=i).filter(|&k| p.head(k).is_none_or(|h| h < first || h > i)).collect();
            let head = match heads.as_slice() {
                [h] if matches!(p.words[*h].upos.as_str(), "NOUN" | "PROPN") => *h,
                _ => i,
            };
            out.push(Post {
                word: i,
                head,
                role: Arg::Mention(r),
                mention: Some(r),
                first,
                former,
            });
            continue;
        }
        if !matches!(w.upos.as_str(), "NOUN" | "PROPN") || !lex.titles.contains(p.lemma(i)) {
            continue;
        }
        if p.mention_of(doc, i, &[Kind::Per, Kind::Org, Kind::Loc, Kind::Misc]).is_some() {
            continue;
        }
        // Lowercase modifiers right before it ("former deputy") are part of the role.
        let mut first = i;
        while first > 0 {
            let k = first - 1;
            let f = p.form(k);
            let attached = p.head(k) == Some(i) && matches!(p.rel(k), "amod" | "compound");
            if attached && f.chars().all(|c| c.is_lowercase() || c == '-') && p.mention[k].is_none()
            {
                first = k;
            } else {
                break;
            }
        }
        // "one of the members": the post is a member.
        let word = |k: usize| if k == i { p.lemma(k).clone() } else { p.form(k).to_lowercase() };
        let role = (first..=i).map(word).collect::<Vec<_>>().join(" ");
        let former = role.split([' ', '-']).any(|x| lex.former.contains(x))
            || marked_former(p, lex, i, first);
        out.push(Post { word: i, head: i, role: Arg::Text(role), mention: None, first, former });
    }
    out
}

/// "then head of", "the late leader": a former-marking word right before the post or
/// attached to it.
fn marked_former(p: &Parse<'_>, lex: &Lexicon, i: usize, first: usize) -> bool {
    let before = first.checked_sub(1).is_some_and(|k| lex.former.contains(p.lemma(k)));
    // "Former Navy captain X": the former-word opens the body's name before the post
    // (the tagger may even take it into the body).
    let before_body = (first.saturating_sub(4)..first)
        .rev()
        .take_while(|&k| k + 1 == first || p.words[k + 1].upos == "PROPN")
        .any(|k| lex.former.contains(p.lemma(k)) && p.words[k + 1].upos == "PROPN");
    before
        || before_body
        || p.children[i]
            .iter()
            .any(|&c| matches!(p.rel(c), "amod" | "advmod") && lex.former.contains(p.lemma(c)))
}

#[path = "positions_holders.rs"]
mod holders_of;
use holders_of::holders;

#[cfg(test)]
#[path = "positions_former_tests.rs"]
mod former_tests;
#[cfg(test)]
#[path = "positions_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "shared_posts_tests.rs"]
mod shared_posts_tests;
