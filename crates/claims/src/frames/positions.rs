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
    HONORIFICS, appositive_name, closing_parenthesis, comma_owner, comma_owner_at, list_before,
    misparsed_subject, name_after_body, name_after_other_post, paired_post, parenthesis_owner,
    relative_antecedent, verb_subjects,
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

/// The holders of a post: (person mention, how, whether a past copula or verb ends it).
fn holders(
    doc: &Doc<'_>,
    p: &Parse<'_>,
    lex: &Lexicon,
    post: &Post,
    posts: &[Post],
) -> Vec<(usize, How, bool)> {
    let person = |i: usize| p.mention_of(doc, i, &[Kind::Per]);
    // "Colonel X is the head of Y" parsed with the rank as the subject and the name under it.
    let subject = |i: usize| {
        p.mention_of(doc, i, &[Kind::Per, Kind::Pro]).or_else(|| {
            p.mention_of(doc, i, &[Kind::Rank])?;
            p.children[i]
                .iter()
                .filter(|&&c| matches!(p.rel(c), "flat" | "appos" | "compound"))
                .find_map(|&c| person(c))
        })
    };
    // "X, the president's brother": a post that is a possessor is someone else's, whom the
    // sentence does not name.
    if matches!(p.words.get(post.word + 1).map(|_| p.form(post.word + 1)), Some("'s" | "’s")) {
        return Vec::new();
    }
    // The clause's relations hang on the phrase's head ("the chief of staff, X").
    let t = post.head;
    let mut out: Vec<(usize, How, bool)> = Vec::new();
    // Conjoined posts share the holder of the first ("X, head of Y and deputy of Z").
    if p.rel(t) == "conj"
        && let Some(h) = p.head(t)
        && let Some(first) = posts.iter().find(|q| q.word == h)
        && !(h.min(t)..h.max(t)).any(|k| {
            matches!(p.form(k), ";" | "(" | ")") || p.mention_of(doc, k, &[Kind::Per]).is_some()
        })
    {
        return holders(doc, p, lex, first, posts);
    }
    // "..., First Vice President and retired general X": the name after the second post,
    // whatever list or apposition the parse made of it.
    if let Some(m) = name_after_other_post(doc, p, t) {
        return vec![(m, How::Title, false)];
    }
    let own = |m: usize| post.mention != Some(m);
    // A plural post ("former ministers A and B") names every conjunct of its first holder's
    // word `w`, not only that holder `m`.
    let also_named = |w: usize, m: usize| -> Vec<usize> {
        if !plural(p, post.word) {
            return Vec::new();
        }
        let others = p.with_conjuncts(w).into_iter().filter_map(&person);
        others.filter(|&o| o != m && own(o)).collect()
    };
    // The post's own copula is no verb between it and its holder: "X is the Minister of Y"
    // that the parse read as an apposition with a stray "is".
    let verb_between = |a: usize, b: usize| {
        (a.min(b) + 1..a.max(b)).any(|k| {
            matches!(p.words[k].upos.as_str(), "VERB" | "AUX")
                && !(p.rel(k) == "cop" && p.head(k) == Some(t))
        })
    };
    if let Some(h) = p.head(t)
        && let Some(m) = person(h)
        && (matches!(p.rel(t), "compound" | "appos" | "flat") || p.rel(t) == "nmod" && t < h)
        && own(m)
        && !verb_between(t, h)
    {
        let how = if p.rel(t) == "appos" || h < t { How::Appos } else { How::Title };
        // "X was the Minister of Y" read as an apposition: the stray copula's tense holds.
        let past = p.kids(t, "cop").any(|c| lex.past_be.contains(&p.form(c).to_lowercase()));
        out.push((m, how, past));
        // "jailed former ministers A and B": a plural post before the first name.
        if how == How::Title {
            out.extend(also_named(h, m).into_iter().map(|o| (o, How::Title, past)));
        }
    }
    for c in p.kids(t, "appos") {
        if let Some(m) = person(c)
            && !verb_between(t, c)
        {
            out.push((m, How::Appos, false));
            // "jailed ministers A and B" read as the post and its apposition.
            if c > t {
                out.extend(also_named(c, m).into_iter().map(|o| (o, How::Appos, false)));
            }
        }
    }
    // "the Minister of Defence, X, said": the name after the post phrase that the parse
    // read as a conjunct; a comma must close it, or it is a list ("the minister, X and Y").
    for c in p.kids(t, "conj").filter(|&c| c > t) {
        let close = p.span_without(c, &[]).1 + 1;
        if let Some(m) = person(c)
            && c > 0
            && p.form(c - 1) == ","
            && close < p.words.len()
            && p.form(close) == ","
            && !verb_between(t, c)
            && !(t + 1..c - 1).any(|k| person(k).is_some() || p.form(k) == ",")
        {
            out.push((m, How::Appos, false));
        }
    }
    let cop = p.kids(t, "cop").next();
    if let Some(cop) = cop {
        // "X was appointed defence minister" that the tagger read as "was [appointed]
        // minister": a post just given, not one that ended.
        let appointed = (cop + 1..t).any(|k| {
            lex.appoint_verbs.contains(p.lemma(k).as_str()) || lex.is_appointed(p.form(k))
        });
        let past = lex.past_be.contains(&p.form(cop).to_lowercase()) && !appointed;
        for s in p.kids(t, "nsubj") {
            for s in p.with_conjuncts(s) {
                if let Some(m) = subject(s) {
                    out.push((m, How::Copula, past));
                } else if let Some(m) = relative_antecedent(doc, p, s) {
                    out.push((m, How::Relcl, past));
                } else if let Some(m) = appositive_name(doc, p, s) {
                    // "X's brother, Y, is a member of parliament": the name in apposition.
                    out.push((m, How::Copula, past));
                }
            }
        }
        // "X, 61, was deputy defence minister": the parse may lose the subject behind an age
        // or an apposition, as it does before a verb.
        if p.kids(t, "nsubj").next().is_none()
            && let Some(m) = misparsed_subject(doc, p, t)
        {
            out.push((m, How::Copula, past));
        }
        if p.words[t].deprel == "acl:relcl"
            && let Some(h) = p.head(t)
            && let Some(m) = person(h)
        {
            out.push((m, How::Relcl, past));
        }
    }
    if p.case(t).as_deref() == Some("as")
        && let Some(v) = p.head(t)
        && (lex.as_verbs.contains(p.lemma(v))
            || lex.entry_verbs.contains(p.lemma(v))
            || lex.exit_verbs.contains(p.lemma(v))
            || t < v)
    {
        let form = p.form(v).to_lowercase();
        // "has served as deputy minister since 2020": the present perfect tells of a post
        // held to this day.
        let perfect = p
            .kids(v, "aux")
            .any(|a| matches!(p.form(a).to_lowercase().as_str(), "has" | "have" | "'s" | "'ve"));
        let past =
            !perfect && (form.ends_with("ed") || form != *p.lemma(v) && !form.ends_with('s'));
        // "served as" in the past ended; "took over as" began a post that may still hold;
        // "stepped down as" ended it, whatever the tense.
        let ended =
            past && lex.as_verbs.contains(p.lemma(v)) || lex.exit_verbs.contains(p.lemma(v));
        for m in verb_subjects(doc, p, v) {
            out.push((m, How::As, ended));
        }
    }
    // "X was dismissed as governor of Y", "the president sacked X as interior minister": the
    // one removed held the post (the passive's subject, the active's object), which ended.
    if p.case(t).as_deref() == Some("as")
        && let Some(v) = p.head(t)
        && v < t
        && lex.removal_verbs.contains(p.lemma(v))
    {
        let removed = p
            .kids(v, "nsubj")
            .filter(|&c| p.words[c].deprel == "nsubj:pass")
            .chain(p.kids(v, "obj"));
        for c in removed.collect::<Vec<_>>() {
            for c in p.with_conjuncts(c) {
                if let Some(m) = p.mention_of(doc, c, &[Kind::Per, Kind::Pro]) {
                    out.push((m, How::As, true));
                }
            }
        }
    }
    // "his previous post as justice minister", "Y's immunity as a member of parliament", "her
    // time as ambassador": an "as" phrase on a noun whose possessor is a person is that
    // person's post; a former-word on the noun ends it.
    if p.case(t).as_deref() == Some("as")
        && p.rel(t) == "nmod"
        && let Some(n) = p.head(t)
        && n < t
        && p.words[n].upos == "NOUN"
        && let Some(owner) = p.kids(n, "nmod").find(|&c| p.words[c].deprel == "nmod:poss")
        && let Some(m) = p.mention_of(doc, owner, &[Kind::Per, Kind::Pro])
    {
        let former =
            p.children[n].iter().any(|&c| p.rel(c) == "amod" && lex.former.contains(p.lemma(c)));
        out.push((m, How::As, former));
    }
    // "X became head of Y", "X, who became director of Y in 2016": a post that began (the
    // parse may make the post the verb's object).
    if matches!(p.rel(t), "xcomp" | "obj")
        && let Some(v) = p.head(t)
        && lex.become_verbs.contains(p.lemma(v))
    {
        for m in verb_subjects(doc, p, v) {
            out.push((m, How::Copula, false));
        }
    }
    // "X remains a member of Y" (the parser often makes the post an object): held still,
    // or until then for "remained".
    if matches!(p.rel(t), "xcomp" | "obj")
        && let Some(v) = p.head(t)
        && p.lemma(v) == "remain"
    {
        let past = p.form(v).to_lowercase().ends_with("ed");
        for m in verb_subjects(doc, p, v) {
            out.push((m, How::Copula, past));
        }
    }
    // "X was one of the four members of Y": the holders of "one".
    if p.rel(t) == "nmod"
        && p.case(t).as_deref() == Some("of")
        && let Some(h) = p.head(t)
        && p.lemma(h) == "one"
        && let Some(cop) = p.kids(h, "cop").next()
    {
        let past = lex.past_be.contains(&p.form(cop).to_lowercase());
        for s in p.kids(h, "nsubj") {
            if let Some(m) = subject(s) {
                out.push((m, How::Copula, past));
            }
        }
    }
    let t = post.word;
    if out.is_empty() {
        // A name right after the post phrase ("... spokesman Kasimir Holl"), whatever the parse
        // made of it.
        // "defense minister General X", "Supreme Leader Ayatollah X": ranks and honorifics
        // between the post and the name.
        let mut k = t + 1;
        while k < p.words.len()
            && (p.mention_of(doc, k, &[Kind::Rank]).is_some()
                || HONORIFICS.contains(&p.form(k).trim_end_matches('.').to_lowercase().as_str()))
        {
            k += 1;
        }
        if let Some(m) = (k < p.words.len()).then(|| person(k)).flatten()
            && own(m)
        {
            out.push((m, How::Title, false));
            // "former navy captains A and B", whatever the parse made of the first name.
            let head = (k..p.words.len())
                .take_while(|&w| person(w) == Some(m))
                .find(|&w| p.head(w).is_none_or(|h| person(h) != Some(m)));
            if let Some(h) = head {
                out.extend(also_named(h, m).into_iter().map(|o| (o, How::Title, false)));
                // "Vice-Presidents A and B" parsed with the names hung on the post: the
                // conjuncts are the post's.
                if p.head(h) == Some(t) {
                    out.extend(also_named(t, m).into_iter().map(|o| (o, How::Title, false)));
                }
            }
        }
    }
    if out.is_empty()
        && let Some(m) = name_after_body(doc, p, t)
        && own(m)
    {
        out.push((m, How::Title, false));
    }
    if out.is_empty()
        && let Some(m) = comma_owner(doc, p, post.first)
    {
        // "X, the head of Y" that the parse read as a list or a conjunct.
        out.push((m, How::Appos, false));
    }
    // "A, B and C, co-founders of Y": a plural post after a list names every name in it.
    if plural(p, t)
        && let Some((m, comma)) = comma_owner_at(doc, p, post.first)
        && out.iter().all(|&(o, how, _)| o == m && how == How::Appos)
    {
        for o in list_before(doc, p, m, comma) {
            out.push((o, How::Appos, false));
        }
    }
    if out.is_empty()
        && let Some(m) = fronted_owner(doc, p, post)
    {
        out.push((m, How::Appos, false));
    }
    if let Some(m) = parenthesis_owner(doc, p, post.first) {
        // "X (head of Y); Z (deputy of W)": a post inside the parentheses after a name is
        // that name's, not that of a name the parse hung on it from after them.
        if let Some(close) = closing_parenthesis(p, post.word) {
            let after = p.words[close].span.start;
            out.retain(|&(o, _, _)| o == m || doc.view.mentions[o].span.start < after);
        }
        if out.is_empty() {
            out.push((m, How::Paren, false));
        }
    }
    out.sort();
    out.dedup_by_key(|x| x.0);
    out
}

/// "A former adviser to Y, X was cleared": a post phrase that opens the sentence, then a
/// comma and the name of the clause's subject. No verb may stand in the post phrase, and the
/// name may not open a list.
fn fronted_owner(doc: &Doc<'_>, p: &Parse<'_>, post: &Post) -> Option<usize> {
    let opens = (0..post.first).all(|k| {
        matches!(p.words[k].upos.as_str(), "DET" | "ADJ" | "ADV" | "PUNCT")
            || p.form(k).starts_with(char::is_lowercase) && p.mention[k].is_none()
    });
    if !opens || post.first > 4 {
        return None;
    }
    let comma = (post.word + 1..p.words.len().min(post.word + 16)).find(|&k| p.form(k) == ",")?;
    if (post.word + 1..comma).any(|k| matches!(p.words[k].upos.as_str(), "VERB" | "AUX")) {
        return None;
    }
    // A comma that ends the sentence has no subject after it.
    let m = (comma + 1 < p.words.len()).then(|| p.mention_of(doc, comma + 1, &[Kind::Per]))??;
    let end = doc.view.mentions[m].span.end;
    let next = (comma + 1..p.words.len()).find(|&k| p.words[k].span.start >= end)?;
    matches!(p.words[next].upos.as_str(), "VERB" | "AUX").then_some(m)
}

/// Whether a post's head word is a plural ("members", "co-founders").
fn plural(p: &Parse<'_>, t: usize) -> bool {
    let form = p.form(t).to_lowercase();
    form != *p.lemma(t) && form.ends_with('s')
}

#[cfg(test)]
#[path = "positions_tests.rs"]
mod tests;

#[cfg(test)]
#[path = "shared_posts_tests.rs"]
mod shared_posts_tests;
