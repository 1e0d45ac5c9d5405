//! Appointment frames: a verb of appointment ("appointed", "named", "promoted", "elected",
//! "sworn in") with the person it appoints (passive subject, object, or the name a relative
//! clause hangs on), the post ("as"/"to" phrase or predicate noun, "to head X"), the one who
//! appointed (agent) and the date; each also states the position itself.

use std::sync::LazyLock;

use super::bodies::bodies;
use super::positions::{LEXICON, Post, posts};
use super::{Parse, states, view_span};
use crate::ClaimType;
use crate::extract::{Arg, Candidate, Doc};
use crate::rules::{AsOf, Rule};
use crate::view::Kind;

fn rule(name: &str, kind: ClaimType, as_of: Option<AsOf>) -> Rule {
    Rule { as_of, ..Rule::without_pattern(name, kind) }
}

static APPOINTMENT: LazyLock<Rule> =
    LazyLock::new(|| rule("frame.appointment.verb", ClaimType::Appointment, None));
static POSITION: LazyLock<Rule> =
    LazyLock::new(|| rule("frame.position.appointed", ClaimType::Position, Some(AsOf::Published)));

/// The appointment candidates of one sentence (with the positions they state).
pub(crate) fn candidates(doc: &Doc<'_>, p: &Parse<'_>) -> Vec<Candidate<'static>> {
    let lex = &*LEXICON;
    let all = posts(doc, p, lex);
    let mut out = Vec::new();
    for v in 0..p.words.len() {
        // "he was additionally appointed head of X" that the parse read as an adjective on
        // the post: the post's subject is the one appointed.
        let adjective = appointed_adjective(doc, p, lex, v);
        if p.words[v].upos != "VERB" && adjective.is_none() {
            continue;
        }
        if let Some(found) = took_power(doc, p, v) {
            out.extend(found);
            continue;
        }
        let replaces = lex.replace_verbs.contains(p.lemma(v));
        if !replaces && !lex.appoint_verbs.contains(p.lemma(v)) && adjective.is_none() {
            continue;
        }
        let person = match adjective {
            Some(m) => Some(m),
            None if replaces => successor(doc, p, v),
            None => appointee(doc, p, v),
        };
        let Some(person) = person else { continue };
        // The post: a predicate noun, an "as"/"to" phrase, or "to head X".
        let mut found: Vec<(Arg, Vec<Arg>, Option<usize>)> = Vec::new();
        for c in p.children[v].iter().copied() {
            let rel = p.rel(c);
            // "X, appointed in August; Y, deputy director of Z": the parse may hang the next
            // list item's post on the verb; a semicolon ends the item.
            let (a, b) = (p.words[v.min(c)].span.end, p.words[v.max(c)].span.start);
            if p.text.get(a..b).is_some_and(|t| t.contains(';')) {
                continue;
            }
            // "appointed to head X" ("head" is a verb here, though the role layer may have
            // read it as the noun).
            if matches!(rel, "xcomp" | "advcl")
                && p.words[c].upos == "VERB"
                && lex.head_verbs.contains(p.lemma(c))
            {
                let orgs = p
                    .kids(c, "obj")
                    .filter_map(|o| org_of(doc, p, o))
                    .map(|a| states::institution_of_state(doc, p, a))
                    .collect();
                found.push((Arg::Text(p.lemma(c).clone()), orgs, None));
            } else if let Some(post) = all.iter().find(|q| q.word == c)
                // The rank a name taken for the predicate opens ("named General X as ...")
                // is the name's own title, not the post.
                && (matches!(rel, "xcomp" | "obj")
                    && post.mention != Some(person)
                    && ranked_name(doc, p, c) != Some(person)
                    || rel == "obl" && p.case(c).is_some_and(|k| k == "as" || k == "to"))
            {
                let orgs = states::state_bodies(doc, p, lex, post, bodies(doc, p, lex, post));
                found.push((post.role.clone(), orgs, post.mention));
            }
        }
        // "named General X as defence minister": with the name taken for the verb's
        // predicate, the parser hangs the "as" phrase on the name.
        if found.is_empty() {
            let named = p
                .kids(v, "xcomp")
                .chain(p.kids(v, "obj"))
                .filter(|&c| ranked_name(doc, p, c) == Some(person));
            let as_post = named
                .flat_map(|c| p.children[c].iter().copied())
                .filter(|&c| {
                    matches!(p.rel(c), "nmod" | "obl") && p.case(c).is_some_and(|k| k == "as")
                })
                .find_map(|c| all.iter().find(|q| q.word == c));
            if let Some(post) = as_post {
                let orgs = states::state_bodies(doc, p, lex, post, bodies(doc, p, lex, post));
                found.push((post.role.clone(), orgs, post.mention));
            }
        }
        // "appointed Minister of Defense" that the parse hung elsewhere: the post right
        // after the verb.
        if found.is_empty()
            && let Some(post) = all.iter().find(|q| q.first == v + 1)
        {
            let orgs = states::state_bodies(doc, p, lex, post, bodies(doc, p, lex, post));
            found.push((post.role.clone(), orgs, post.mention));
        }
        // "Labor Minister X, appointed in August": the post the name already carries.
        if found.is_empty()
            && (p.words[v].deprel.starts_with("acl")
                || participle_after_name(doc, p, v) == Some(person))
            && let Some(h) = p.head(v)
        {
            let start =
                p.words.iter().position(|w| w.span.start >= doc.view.mentions[person].span.start);
            // The title right before the name first; an apposition only within the name's
            // list item ("X, appointed in August; Y, deputy director of Z": not Y's post).
            let name = doc.view.mentions[person].span.clone();
            let same_item = |q: &&Post| {
                let w = &p.words[q.word].span;
                let (a, b) =
                    if w.start < name.start { (w.end, name.start) } else { (name.end, w.start) };
                !p.text.get(a..b).is_some_and(|t| t.contains(';'))
            };
            let post = all.iter().find(|q| Some(q.word + 1) == start).or_else(|| {
                all.iter().filter(same_item).find(|q| {
                    p.head(q.word) == Some(h) && matches!(p.rel(q.word), "appos" | "compound")
                })
            });
            if let Some(post) = post {
                let orgs = states::state_bodies(doc, p, lex, post, bodies(doc, p, lex, post));
                found.push((post.role.clone(), orgs, post.mention));
            }
        }
        // "X replaced Y", "X was chosen to succeed President Y": the post Y held.
        if found.is_empty()
            && replaces
            && let Some(o) = p.kids(v, "obj").next()
            && let Some(post) = all.iter().find(|q| {
                p.head(q.word) == Some(o) && matches!(p.rel(q.word), "compound" | "appos" | "nmod")
                    || p.head(q.word) == p.head(o) && q.word + 1 == o
            })
        {
            let orgs = states::state_bodies(doc, p, lex, post, bodies(doc, p, lex, post));
            // The predecessor's post was "former" for them, not for the successor.
            let role = (post.first..=post.word)
                .map(|k| p.form(k))
                .filter(|f| !lex.former.contains(&f.to_lowercase()))
                .collect::<Vec<_>>()
                .join(" ")
                .to_lowercase();
            found.push((Arg::Text(role), orgs, post.mention));
        }
        let agent = p
            .kids(v, "obl")
            .filter(|&c| p.words[c].deprel == "obl:agent" || p.case(c).as_deref() == Some("by"))
            .find_map(|c| p.mention_of(doc, c, &[Kind::Per]))
            // "President X named Y as ...": the subject of an active verb of appointing.
            .or_else(|| {
                let active =
                    !replaces && adjective.is_none() && !ELECTED.contains(&p.lemma(v).as_str());
                let s = p.kids(v, "nsubj").next().filter(|_| active)?;
                p.mention_of(doc, s, &[Kind::Per]).filter(|&m| m != person)
            });
        // "X replaced Y as interior minister": Y held the post before; so did Z in "named X
        // as interior minister, replacing Z".
        let predecessor = replaces
            .then(|| p.kids(v, "obj").next())
            .flatten()
            .or_else(|| {
                p.children[v]
                    .iter()
                    .copied()
                    .filter(|&c| matches!(p.rel(c), "advcl" | "xcomp" | "conj"))
                    .find(|&c| lex.replace_verbs.contains(p.lemma(c)))
                    .and_then(|c| p.kids(c, "obj").next())
            })
            .and_then(|o| p.mention_of(doc, o, &[Kind::Per]))
            .filter(|&m| m != person);
        // The date of the appointment, or of the post it gives ("to head X in 2019").
        let date = std::iter::once(v)
            .chain(p.children[v].iter().copied().filter(|&c| matches!(p.rel(c), "xcomp" | "advcl")))
            .chain(adjective.and_then(|_| p.head(v)))
            .flat_map(|x| p.kids(x, "obl").collect::<Vec<_>>())
            .find_map(|c| p.mention_of(doc, c, &[Kind::Time]));
        for (role, orgs, role_mention) in found {
            // "replaced former Vice President Y": the post was former for Y, not for X.
            let role = match role {
                Arg::Mention(r) => {
                    let text = doc.mention_text(r);
                    let words: Vec<&str> = text
                        .split_whitespace()
                        .filter(|w| !lex.former.contains(&w.to_lowercase()))
                        .collect();
                    if words.len() < text.split_whitespace().count() {
                        Arg::Text(words.join(" ").to_lowercase())
                    } else {
                        Arg::Mention(r)
                    }
                }
                other => other,
            };
            for org in orgs {
                if matches!(org, Arg::Mention(m) if m == person) {
                    continue;
                }
                let mut mentions = vec![person];
                mentions.extend(role_mention);
                let mut args = vec![
                    ("person".to_string(), Arg::Mention(person)),
                    ("role".to_string(), role.clone()),
                    ("organization".to_string(), org.clone()),
                ];
                if let Some(a) = agent {
                    args.push(("appointed_by".into(), Arg::Mention(a)));
                }
                if let Some(before) = predecessor {
                    args.push(("predecessor".into(), Arg::Mention(before)));
                }
                if let Some(d) = date {
                    args.push(("date".into(), Arg::Mention(d)));
                }
                let span = view_span(doc, p.sentence, &mentions);
                out.push(Candidate { rule: &APPOINTMENT, sentence: p.sentence, span, args });
                let mut args = vec![
                    ("holder".to_string(), Arg::Mention(person)),
                    ("role".to_string(), role.clone()),
                    ("organization".to_string(), org),
                ];
                // The post began on the day of the appointment.
                if let Some(d) = date {
                    args.push(("start".into(), Arg::Mention(d)));
                }
                let span = view_span(doc, p.sentence, &mentions);
                out.push(Candidate { rule: &POSITION, sentence: p.sentence, span, args });
            }
        }
    }
    out
}

/// "X was appointed head of Y" parsed as a copula whose post the participle modifies: the
/// post's subject (a person or a pronoun), when the participle is of a verb of appointment.
fn appointed_adjective(
    doc: &Doc<'_>,
    p: &Parse<'_>,
    lex: &super::positions::Lexicon,
    v: usize,
) -> Option<usize> {
    if p.words[v].upos != "ADJ" || p.rel(v) != "amod" {
        return None;
    }
    if !lex.is_appointed(p.form(v)) {
        return None;
    }
    let post = p.head(v).filter(|&h| h == v + 1)?;
    p.kids(post, "cop").next()?;
    p.kids(post, "nsubj").find_map(|c| p.mention_of(doc, c, &[Kind::Per, Kind::Pro]))
}

/// Verbs of appointing whose active subject is no appointer: voters elect, a judge swears in.
const ELECTED: &[&str] = &["elect", "re-elect", "reelect", "swear"];

/// The person a word names: its own mention, or, for a rank that heads the name ("General"
/// with "X Y" flat below it), the name below it.
fn ranked_name(doc: &Doc<'_>, p: &Parse<'_>, c: usize) -> Option<usize> {
    p.mention_of(doc, c, &[Kind::Per]).or_else(|| {
        p.mention_of(doc, c, &[Kind::Rank])?;
        p.kids(c, "flat")
            .chain(p.kids(c, "compound"))
            .find_map(|k| p.mention_of(doc, k, &[Kind::Per]))
    })
}

/// Whom a verb appoints: its passive subject or object, or the person a relative clause
/// ("X, who was appointed ...") or a reduced one ("X, appointed ...") hangs on.
fn appointee(doc: &Doc<'_>, p: &Parse<'_>, v: usize) -> Option<usize> {
    let person = |i: usize| p.mention_of(doc, i, &[Kind::Per, Kind::Pro]);
    let direct = p.children[v]
        .iter()
        .copied()
        .filter(|&c| matches!(p.words[c].deprel.as_str(), "nsubj:pass" | "obj"))
        .find_map(|c| person(c).filter(|_| p.words[c].upos != "PRON" || !is_relative(p, c)));
    if direct.is_some() {
        return direct;
    }
    // "appointed X head of the army", "named X ambassador to Y": the parser may take the
    // post for the object and the name, right before it, for the post's compound.
    if let Some(m) = p.kids(v, "obj").find_map(|o| {
        p.kids(o, "compound")
            .filter(|&k| k + 1 == o || p.kids(k, "flat").any(|f| f + 1 == o))
            .find_map(|k| p.mention_of(doc, k, &[Kind::Per]))
    }) {
        return Some(m);
    }
    // "named X as the new chief of Y": the parser may take the name for the verb's
    // predicate (xcomp) when the post follows in an "as" phrase; with no object, it is the
    // one named.
    if p.kids(v, "obj").next().is_none()
        && let Some(m) = p.kids(v, "xcomp").find_map(|c| ranked_name(doc, p, c))
    {
        return Some(m);
    }
    // "X's eldest daughter, Y, was named ...": the name in apposition to the subject.
    if let Some(m) = p.children[v]
        .iter()
        .copied()
        .filter(|&c| matches!(p.words[c].deprel.as_str(), "nsubj:pass" | "obj"))
        .find_map(|c| super::holders::appositive_name(doc, p, c))
    {
        return Some(m);
    }
    if p.words[v].deprel.starts_with("acl")
        && let Some(m) = p.head(v).and_then(|h| p.mention_of(doc, h, &[Kind::Per]))
    {
        return Some(m);
    }
    if let Some(m) = participle_after_name(doc, p, v) {
        return Some(m);
    }
    // "X was elected and sworn in as ...": the second verb appoints the first one's person.
    if p.rel(v) == "conj"
        && let Some(h) = p.head(v)
        && p.words[h].upos == "VERB"
        && LEXICON.appoint_verbs.contains(p.lemma(h))
        && h != v
    {
        return appointee(doc, p, h);
    }
    // "X who was appointed": the name right before the relative pronoun, wherever the
    // parse attached the clause.
    let who = p.kids(v, "nsubj").find(|&c| is_relative(p, c))?;
    let before =
        if who > 0 && p.form(who - 1) == "," { who.checked_sub(2)? } else { who.checked_sub(1)? };
    p.mention_of(doc, before, &[Kind::Per])
}

/// "Also designated are Labor Minister X, appointed in August": a bare participle (no
/// subject, auxiliary or object of its own) right after a name and its comma, that the
/// parse made a conjunct or an adverbial clause of the verb the name is the subject of, is
/// said of the name, as a participle on it would be.
fn participle_after_name(doc: &Doc<'_>, p: &Parse<'_>, v: usize) -> Option<usize> {
    let clause = matches!(p.rel(v), "conj" | "advcl");
    let h = p.head(v).filter(|_| clause && v >= 2 && p.form(v - 1) == ",")?;
    let bare = ["nsubj", "nsubj:pass", "aux", "aux:pass", "obj"]
        .iter()
        .all(|r| p.kids(v, r).next().is_none());
    let m = p.mention_of(doc, v - 2, &[Kind::Per]).filter(|_| bare)?;
    p.kids(h, "nsubj:pass")
        .chain(p.kids(h, "nsubj"))
        .any(|s| p.mention_of(doc, s, &[Kind::Per]) == Some(m))
        .then_some(m)
}

/// Who replaces or succeeds: the verb's subject, the name a relative clause hangs on, or
/// the one appointed to do it ("was chosen to replace Y").
fn successor(doc: &Doc<'_>, p: &Parse<'_>, v: usize) -> Option<usize> {
    if let Some(m) = super::holders::verb_subjects(doc, p, v).into_iter().next() {
        return Some(m);
    }
    let h = p.head(v).filter(|_| matches!(p.rel(v), "xcomp" | "advcl"))?;
    LEXICON.appoint_verbs.contains(p.lemma(h)).then(|| appointee(doc, p, h)).flatten()
}

static POWER: LazyLock<Rule> =
    LazyLock::new(|| rule("frame.appointment.power", ClaimType::Appointment, None));
static POWER_POST: LazyLock<Rule> =
    LazyLock::new(|| rule("frame.position.power", ClaimType::Position, None));

/// "X seized power in a 1982 coup", "X came to power in 1989", "X, who took power in
/// 2011": X came to lead the state the sentence (else the story) names, from that date.
fn took_power(doc: &Doc<'_>, p: &Parse<'_>, v: usize) -> Option<Vec<Candidate<'static>>> {
    let lemma = p.lemma(v);
    let power = |c: usize| p.lemma(c) == "power" && p.mention[c].is_none();
    let seized = matches!(lemma.as_str(), "seize" | "take" | "assume" | "grab" | "win")
        && p.kids(v, "obj").any(power);
    let came = matches!(lemma.as_str(), "come" | "rise" | "return" | "sweep")
        && p.kids(v, "obl").any(|c| power(c) && p.case(c).as_deref() == Some("to"));
    if !seized && !came {
        return None;
    }
    let mut people = super::holders::verb_subjects(doc, p, v);
    if people.is_empty() {
        people.extend(before_relative(doc, p, v));
    }
    let state = states::state_here(doc, p)?;
    // The date hangs on the verb or inside one of its phrases ("in a 1982 coup").
    let date = p.kids(v, "obl").find_map(|o| {
        std::iter::once(o)
            .chain(p.children[o].iter().copied())
            .find_map(|c| p.mention_of(doc, c, &[Kind::Time]))
    });
    let mut out = Vec::new();
    for person in people {
        let span = view_span(doc, p.sentence, &[person]);
        let mut args = vec![
            ("person".to_string(), Arg::Mention(person)),
            ("role".to_string(), Arg::Text("leader".into())),
            ("organization".to_string(), Arg::Text(state.clone())),
        ];
        let mut post = vec![
            ("holder".to_string(), Arg::Mention(person)),
            ("role".to_string(), Arg::Text("leader".into())),
            ("organization".to_string(), Arg::Text(state.clone())),
        ];
        if let Some(d) = date {
            args.push(("date".into(), Arg::Mention(d)));
            post.push(("start".into(), Arg::Mention(d)));
        }
        out.push(Candidate { rule: &POWER, sentence: p.sentence, span: span.clone(), args });
        out.push(Candidate { rule: &POWER_POST, sentence: p.sentence, span, args: post });
    }
    Some(out)
}

/// "X, who seized power": the name right before the relative pronoun.
fn before_relative(doc: &Doc<'_>, p: &Parse<'_>, v: usize) -> Option<usize> {
    let who = p.kids(v, "nsubj").find(|&c| is_relative(p, c))?;
    let before =
        if who > 0 && p.form(who - 1) == "," { who.checked_sub(2)? } else { who.checked_sub(1)? };
    p.mention_of(doc, before, &[Kind::Per])
}

fn is_relative(p: &Parse<'_>, c: usize) -> bool {
    matches!(p.form(c).to_lowercase().as_str(), "who" | "whom" | "that" | "which")
}

/// The body a "to head X" names: its name, else the phrase.
fn org_of(doc: &Doc<'_>, p: &Parse<'_>, o: usize) -> Option<Arg> {
    if let Some(m) = p.mention_of(doc, o, &[Kind::Org, Kind::Misc, Kind::Loc]) {
        return Some(Arg::Mention(m));
    }
    let (lo, hi) = p.span_without(o, &["det"]);
    (hi - lo < 8).then(|| {
        let text = &p.text[p.words[lo].span.start..p.words[hi].span.end];
        Arg::Text(text.split_whitespace().collect::<Vec<_>>().join(" "))
    })
}

#[cfg(test)]
#[path = "appointments_tests.rs"]
mod tests;
