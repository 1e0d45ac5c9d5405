//! Infobox offices: the block a copied encyclopedia biography gives for each office ("Vice
//! President of Norvania / In office / 13 January 2002 – 28 April 2002 / Preceded by X /
//! Succeeded by Y"). The office is the biography's subject's, with its dates; the names after
//! "Preceded by" and "Succeeded by" held it before and after.

use std::ops::Range;
use std::sync::LazyLock;

use super::positions::LEXICON;
use super::view_span;
use crate::ClaimType;
use crate::extract::{Arg, Candidate, Doc};
use crate::rules::{AsOf, Rule};
use crate::view::Kind;

/// An infobox's claims are dated by their own rows only: a row without dates is not dated by
/// the rows of the offices around it.
fn rule(name: &str, kind: ClaimType, as_of: Option<AsOf>, former: bool) -> Rule {
    Rule {
        as_of,
        former,
        confidence: 0.7,
        own_dates_only: true,
        ..Rule::without_pattern(name, kind)
    }
}

static HELD: LazyLock<Rule> =
    LazyLock::new(|| rule("frame.position.infobox", ClaimType::Position, None, true));
static HOLDS: LazyLock<Rule> = LazyLock::new(|| {
    rule("frame.position.infobox", ClaimType::Position, Some(AsOf::Published), false)
});
static APPOINTED: LazyLock<Rule> =
    LazyLock::new(|| rule("frame.appointment.infobox", ClaimType::Appointment, None, false));

/// The lines of a span of the text, as byte ranges, trimmed.
fn lines(text: &str, span: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = span.start;
    for (i, c) in text[span.clone()].char_indices() {
        if c == '\n' {
            out.push(start..span.start + i);
            start = span.start + i + 1;
        }
    }
    out.push(start..span.end);
    out.into_iter()
        .map(|r| {
            let line = &text[r.clone()];
            let lead = line.len() - line.trim_start().len();
            r.start + lead..r.start + line.trim_end().len()
        })
        .filter(|r| !r.is_empty())
        .collect()
}

fn is_office_marker(line: &str) -> bool {
    matches!(line.to_lowercase().as_str(), "in office" | "assumed office")
}

/// The infobox offices of the whole document.
pub(crate) fn candidates(doc: &Doc<'_>) -> Vec<Candidate<'static>> {
    let text = doc.text();
    let mut out = Vec::new();
    let mut subject_found: Option<Option<usize>> = None;
    for (si, s) in doc.view.sentences.iter().enumerate() {
        if !has_office_block(doc, si) {
            continue;
        }
        let Some(subject) = *subject_found.get_or_insert_with(|| subject(doc)) else {
            return out;
        };
        let ls = lines(text, &s.span);
        for i in 0..ls.len().saturating_sub(1) {
            let office = &text[ls[i].clone()];
            if !is_office_marker(&text[ls[i + 1].clone()]) || is_office_marker(office) {
                continue;
            }
            // The office line names a post: a ROLE mention inside it.
            let role_mention = s.mentions.iter().copied().find(|&m| {
                let mm = &doc.view.mentions[m];
                mm.kind == Kind::Role && mm.span.start >= ls[i].start && mm.span.end <= ls[i].end
            });
            let Some(role_mention) = role_mention else { continue };
            let Some((role, org)) = office_parts(doc, office) else { continue };
            let mut dates: Vec<usize> = Vec::new();
            let (mut before, mut after) = (None, None);
            // The block: its dates right after the marker, then the superior it served under,
            // "Preceded by" and "Succeeded by"; it ends at the next office or at other dates
            // ("Born ...").
            for (j, line) in ls.iter().enumerate().take(i + 7).skip(i + 2) {
                let t = &text[line.clone()];
                let next_is_marker =
                    ls.get(j + 1).is_some_and(|n| is_office_marker(&text[n.clone()]));
                if is_office_marker(t) || next_is_marker {
                    break;
                }
                let digits = t.contains(|c: char| c.is_ascii_digit());
                if let Some(name) = t.strip_prefix("Preceded by ") {
                    before = Some(name.trim().to_string());
                } else if let Some(name) = t.strip_prefix("Succeeded by ") {
                    after = Some(name.trim().to_string());
                } else if digits && j > i + 2 {
                    break;
                } else if digits {
                    dates = s
                        .mentions
                        .iter()
                        .copied()
                        .filter(|&m| {
                            let mm = &doc.view.mentions[m];
                            mm.kind == Kind::Time
                                && mm.span.start >= line.start
                                && mm.span.end <= line.end
                        })
                        .collect();
                }
            }
            // An office whose row gives no dates is dated by a sentence of the text that names
            // it ("Governor of Varsk from 2004 to 2008, he ..."), never by another office's row.
            if dates.is_empty() {
                dates = dates_in_prose(doc, si, office);
            }
            let span = view_span(doc, si, &[role_mention]);
            let post = |holder: Arg| {
                vec![
                    ("holder".to_string(), holder),
                    ("role".to_string(), Arg::Text(role.clone())),
                    ("organization".to_string(), Arg::Text(org.clone())),
                ]
            };
            let mut own = post(Arg::Mention(subject));
            if let Some(&a) = dates.first() {
                own.push(("start".into(), Arg::Mention(a)));
            }
            let ended = dates.len() > 1 || after.is_some();
            if let Some(&b) = dates.get(1) {
                own.push(("end".into(), Arg::Mention(b)));
            }
            let rule: &'static Rule = if ended { &HELD } else { &HOLDS };
            out.push(Candidate { rule, sentence: si, span: span.clone(), args: own });
            let mut appointed = vec![
                ("person".to_string(), Arg::Mention(subject)),
                ("role".to_string(), Arg::Text(role.clone())),
                ("organization".to_string(), Arg::Text(org.clone())),
            ];
            if let Some(&a) = dates.first() {
                appointed.push(("date".into(), Arg::Mention(a)));
            }
            if let Some(b) = &before {
                appointed.push(("predecessor".into(), Arg::Text(b.clone())));
                out.push(Candidate {
                    rule: &HELD,
                    sentence: si,
                    span: span.clone(),
                    args: post(Arg::Text(b.clone())),
                });
                out.push(Candidate {
                    rule: &APPOINTED,
                    sentence: si,
                    span: span.clone(),
                    args: appointed,
                });
            }
            if let Some(b) = &after {
                out.push(Candidate {
                    rule: &HELD,
                    sentence: si,
                    span: span.clone(),
                    args: post(Arg::Text(b.clone())),
                });
                let mut args = vec![
                    ("person".to_string(), Arg::Text(b.clone())),
                    ("role".to_string(), Arg::Text(role.clone())),
                    ("organization".to_string(), Arg::Text(org.clone())),
                    ("predecessor".to_string(), Arg::Mention(subject)),
                ];
                // The successor took over when the subject's term ended.
                if let Some(&end) = dates.get(1) {
                    args.push(("date".into(), Arg::Mention(end)));
                }
                out.push(Candidate { rule: &APPOINTED, sentence: si, span: span.clone(), args });
            }
        }
    }
    out
}

/// The dates a sentence outside the infobox gives the office right after naming it: "from T
/// to T" or "between T and T" (start and end), "since T" (start), as time mentions.
fn dates_in_prose(doc: &Doc<'_>, infobox: usize, office: &str) -> Vec<usize> {
    let text = doc.text();
    // ASCII lowering keeps byte offsets, so a place found in the lowered text is the text's.
    let office = office.to_ascii_lowercase();
    for (si, s) in doc.view.sentences.iter().enumerate() {
        if si == infobox {
            continue;
        }
        let here = text[s.span.clone()].to_ascii_lowercase();
        let Some(at) = here.find(&office) else { continue };
        let after = s.span.start + at + office.len();
        let times: Vec<usize> = s
            .mentions
            .iter()
            .copied()
            .filter(|&m| {
                let mm = &doc.view.mentions[m];
                mm.kind == Kind::Time && mm.span.start >= after
            })
            .take(2)
            .collect();
        let gap = |from: usize, m: usize| {
            text[from..doc.view.mentions[m].span.start].trim().to_lowercase()
        };
        match times.as_slice() {
            [a, b, ..]
                if matches!(gap(after, *a).as_str(), "from" | "between")
                    && matches!(
                        gap(doc.view.mentions[*a].span.end, *b).as_str(),
                        "to" | "and" | "until" | "through"
                    ) =>
            {
                return vec![*a, *b];
            }
            [a, ..] if gap(after, *a) == "since" => return vec![*a],
            _ => {}
        }
    }
    Vec::new()
}

/// "Vice President of Norvania" → ("vice president", "Norvania"); a minister's "of" phrase is
/// a portfolio ("Minister of Harbours and Fisheries"), whose body is the document's state.
fn office_parts(doc: &Doc<'_>, office: &str) -> Option<(String, String)> {
    let lex = &*LEXICON;
    let (head, body) = match office.split_once(" of ") {
        Some((h, b)) => (h.trim(), Some(b.trim().trim_start_matches("the "))),
        None => (office.trim(), None),
    };
    let last = head.split_whitespace().last()?.to_lowercase();
    if lex.portfolio_posts.contains(&last) {
        return Some((office.to_lowercase(), doc.main_state()?));
    }
    match body {
        Some(b) if !b.is_empty() => Some((head.to_lowercase(), b.to_string())),
        _ => None,
    }
}

fn has_office_block(doc: &Doc<'_>, sentence: usize) -> bool {
    let here = &doc.text()[doc.view.sentences[sentence].span.clone()];
    here.contains("\nIn office") || here.contains("\nAssumed office")
}

/// The biography's subject: the person the document names or refers to most often outside its
/// infobox (whose names are predecessors, successors and superiors), as their first mention.
fn subject(doc: &Doc<'_>) -> Option<usize> {
    let mut counts: std::collections::HashMap<String, (usize, usize)> = Default::default();
    for (i, m) in doc.view.mentions.iter().enumerate() {
        // Pronouns count: a biography calls its subject "he" more often than by name.
        if !matches!(m.kind, Kind::Per | Kind::Pro) || has_office_block(doc, m.sentence) {
            continue;
        }
        if let Some((name, _)) = doc.person_name(&Arg::Mention(i)) {
            counts.entry(name).or_insert((0, i)).0 += 1;
        }
    }
    counts.into_values().max_by_key(|&(n, first)| (n, std::cmp::Reverse(first))).map(|(_, m)| m)
}
