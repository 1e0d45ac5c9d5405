//! Temporal expressions: found by declarative rules, normalised to TimeML values against the
//! publication date, and turned into intervals that later stages can compare.
//!
//! The rules live in `rules/time/<language>.toml` (vocabularies, patterns, value functions),
//! in the manner of HeidelTime's resources and Duckling's rule lists; this module compiles
//! them, runs them over a text, keeps the longest match where several overlap, and evaluates
//! each match's value with the anchor and the sentence's tense.
//!
//! The anchor is the document creation time, except for rules marked `narrative` ("two months
//! later"), which follow the last absolute date mentioned before them. With no creation time,
//! relative expressions keep X's in their value.

mod grammar;
mod interval;
mod normalize;

#[cfg(test)]
mod tests;

use std::ops::Range;
use std::sync::LazyLock;

use jiff::civil::Date;
use model::{Deadline, Diagnostic, Overrun};

pub use interval::{Interval, Precision};

use grammar::{Anchor, Grammar};

/// The four TIMEX3 types.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum TimexType {
    /// A calendar date or period: "2018", "last month", "Monday".
    Date,
    /// A time of day: "9 a.m.", "tonight".
    Time,
    /// A length of time: "two years", "the past three months".
    Duration,
    /// A recurrence: "every week", "annually".
    Set,
}

impl TimexType {
    /// The TimeML name.
    pub fn as_str(&self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }

    fn parse(s: &str) -> Option<TimexType> {
        Some(match s {
            "DATE" => TimexType::Date,
            "TIME" => TimexType::Time,
            "DURATION" => TimexType::Duration,
            "SET" => TimexType::Set,
            _ => return None,
        })
    }
}

/// The tense of the sentence around an expression, which decides the direction of
/// expressions that do not ("on Monday", "in March").
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Tense {
    /// Past: "met", "was", "had said".
    Past,
    /// Present or unknown.
    Present,
    /// Future: "will", "is to", "plans to".
    Future,
}

/// One temporal expression in a text.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Timex {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// The TIMEX3 type.
    pub kind: TimexType,
    /// The TimeML value: `2018-11-05`, `2018-W45`, `P2Y`, `PRESENT_REF`, `XXXX-04-22`, ...
    pub value: String,
    /// For ranges ("between the 23rd and 25th of April"), the value of the last day.
    pub end: Option<String>,
    /// The rule that found it, for explanations and debugging.
    pub rule: String,
}

impl Timex {
    /// The interval the value stands for, when it is a point on the calendar.
    pub fn interval(&self) -> Option<Interval> {
        let start = Interval::of(&self.value)?;
        match self.end.as_deref().and_then(Interval::of) {
            Some(end) => Some(start.through(&end)),
            None => Some(start),
        }
    }
}

static ENGLISH: LazyLock<Grammar> = LazyLock::new(|| {
    Grammar::parse(include_str!("../../rules/time/en.toml"))
        .expect("the English time rules compile")
});

/// Finds and normalises the temporal expressions of an English `text` written on `dct`.
///
/// Never fails: text it cannot read yields fewer expressions, and values it cannot compute
/// are left out with a diagnostic.
pub fn tag(text: &str, dct: Option<Date>) -> (Vec<Timex>, Vec<Diagnostic>) {
    match tag_with(&ENGLISH, text, dct, Deadline::none()) {
        Ok(found) => found,
        Err(Overrun) => unreachable!("no deadline, no overrun"),
    }
}

/// [`tag`] that stops with [`Overrun`] once `deadline` passes (it looks between rules).
pub fn tag_within(
    text: &str,
    dct: Option<Date>,
    deadline: Deadline,
) -> Result<(Vec<Timex>, Vec<Diagnostic>), Overrun> {
    tag_with(&ENGLISH, text, dct, deadline)
}

type Found = (Vec<Timex>, Vec<Diagnostic>);

fn tag_with(
    grammar: &Grammar,
    text: &str,
    dct: Option<Date>,
    deadline: Deadline,
) -> Result<Found, Overrun> {
    let mut diagnostics = Vec::new();
    // All matches of all rules, then the longest of each overlapping group.
    let mut candidates: Vec<(Range<usize>, usize, regex::Captures<'_>)> = Vec::new();
    for (index, rule) in grammar.rules.iter().enumerate() {
        deadline.check()?;
        // Find with the fast engine first; capture groups only where something matched.
        for m in rule.regex.find_iter(text) {
            let Some(caps) = rule.regex.captures_at(text, m.start()) else { continue };
            // A rule's `lead` must match but stays outside the expression.
            let span = caps.name("span__").map_or(m.range(), |s| s.range());
            if span.is_empty()
                || !guard(rule.guard.as_deref(), text, span.clone())
                || titled(&text[span.clone()])
            {
                continue;
            }
            candidates.push((span, index, caps));
        }
    }
    candidates.sort_by_key(|(span, index, _)| (std::cmp::Reverse(span.len()), *index, span.start));
    // Chosen spans never overlap, so the one starting last before a candidate's end is the
    // only one that can overlap it: a lookup in an ordered map instead of a scan of all
    // chosen spans (quadratic on a long text).
    let mut taken: std::collections::BTreeMap<usize, usize> = std::collections::BTreeMap::new();
    let mut chosen: Vec<(Range<usize>, usize, regex::Captures<'_>)> = Vec::new();
    for candidate in candidates {
        let span = &candidate.0;
        let overlaps =
            taken.range(..span.end).next_back().is_some_and(|(_, &end)| end > span.start);
        if !overlaps {
            taken.insert(span.start, span.end);
            chosen.push(candidate);
        }
    }
    chosen.sort_by_key(|(span, _, _)| span.start);

    let mut out = Vec::new();
    let mut narrative: Option<Interval> = None;
    for (span, index, caps) in chosen {
        let rule = &grammar.rules[index];
        let mut expr = rule.value.clone();
        for (group, kind) in &rule.slots {
            let captured = caps.name(group).map_or("", |m| m.as_str());
            let value = if captured.is_empty() {
                String::new()
            } else {
                grammar.lookup(kind, captured).unwrap_or_else(|| built_in_value(kind, captured))
            };
            let placeholder = format!("{{{}}}", group.replace("__", "#"));
            expr = expr.replace(&placeholder, &value);
        }
        let (anchor, precision) = match (rule.anchor, narrative) {
            (Anchor::Narrative, Some(story)) => (Some(story.start), Some(story.precision)),
            (Anchor::StoryDay, Some(story)) if story.precision == Precision::Day => {
                (Some(story.start), None)
            }
            _ => (dct, None),
        };
        let ctx = normalize::Context {
            anchor,
            precision,
            tense: tense_at(text, span.clone()),
            matched: &text[span.clone()],
        };
        // Financial reports talk about one quarter at a time: "the quarter" and "a year
        // earlier" refer to the quarter under discussion, filled in below.
        if ["thequarter(", "yearago(", "yearquarter("].iter().any(|p| expr.starts_with(p)) {
            out.push(Timex {
                span,
                kind: rule.kind,
                value: expr,
                end: None,
                rule: rule.name.clone(),
            });
            continue;
        }
        match normalize::evaluate(&expr, &ctx) {
            Some(n) => {
                if is_absolute(&n.value) && rule.anchor != Anchor::Narrative {
                    narrative = Interval::of(&n.value);
                }
                out.push(Timex {
                    span,
                    kind: rule.kind,
                    value: n.value,
                    end: n.end,
                    rule: rule.name.clone(),
                });
            }
            None => diagnostics.push(Diagnostic::new(
                "timex-unnormalised",
                format!("rule {:?} matched {:?} but gave no value", rule.name, &text[span]),
            )),
        }
    }
    resolve_quarter_references(&mut out, dct);
    Ok((out, diagnostics))
}

/// Fills in "the quarter" and "a year earlier": the nearest quarter named before them (or
/// else after them) in the text, or failing that the last quarter completed before the
/// anchor, and the year before the anchor's.
fn resolve_quarter_references(out: &mut [Timex], dct: Option<Date>) {
    // Only a quarter already over can be the one whose results are discussed; a later one
    // ("a fourth-quarter charge") is a forecast.
    let is_quarter = |v: &str| {
        v.len() == 7
            && v.as_bytes()[5] == b'Q'
            && is_absolute(v)
            && match (dct, Interval::of(v)) {
                (Some(d), Some(q)) => q.end < d,
                _ => true,
            }
    };
    let ctx = normalize::Context { anchor: dct, precision: None, tense: Tense::Past, matched: "" };
    let last_completed =
        normalize::evaluate("shift(Q, -1)", &ctx).map(|n| n.value).unwrap_or_default();
    // The quarter under discussion: the last one named, or the one "the quarter" settled on.
    let mut focus: Option<String> = None;
    for i in 0..out.len() {
        let value = &out[i].value;
        if is_quarter(value) {
            focus = Some(value.clone());
            continue;
        }
        // "the 1988 period": the quarter under discussion, in 1988, when the story was just
        // talking about a quarter; else the year.
        if let Some(year) = value.strip_prefix("yearquarter(").and_then(|v| v.strip_suffix(')')) {
            let year = year.to_string();
            let previous = i.checked_sub(1).map(|j| out[j].value.as_str());
            out[i].value = match (&focus, previous) {
                (Some(q), Some(p)) if is_quarter(p) || p == q => {
                    format!("{year}{}", &q[4..])
                }
                _ => year,
            };
            continue;
        }
        let year_ago = value.starts_with("yearago(");
        if !year_ago && !value.starts_with("thequarter(") {
            continue;
        }
        // Before any quarter is named, the first one named after stands for the story's.
        let ahead = || out[i + 1..].iter().map(|t| &t.value).find(|v| is_quarter(v)).cloned();
        // Right after a span of months ("the first nine months ... a year earlier"), the
        // comparison is with the year before, not with a quarter.
        let after_months = i
            .checked_sub(1)
            .is_some_and(|j| out[j].value.starts_with('P') && out[j].value.ends_with('M'));
        let current = if year_ago && after_months { None } else { focus.clone().or_else(ahead) };
        out[i].value = match (current, year_ago) {
            (Some(q), false) => q,
            (Some(q), true) => {
                let year: i32 = q[..4].parse().unwrap_or(0);
                format!("{:04}{}", year - 1, &q[4..])
            }
            // Results come out after their quarter closes: with no quarter named, "the
            // quarter" is the last one completed.
            (None, false) => last_completed.clone(),
            (None, true) => {
                normalize::evaluate("shift(Y, -1)", &ctx).map(|n| n.value).unwrap_or_default()
            }
        };
        if !year_ago {
            focus = Some(out[i].value.clone());
        }
    }
}

/// A capitalised unit after the first word is a title, not a time: "This Week" (a
/// programme), "60 Minutes". ("Day" is left out: "Thanksgiving Day" is a date.)
fn titled(matched: &str) -> bool {
    const UNITS: &[&str] = &[
        "second", "seconds", "minute", "minutes", "hour", "hours", "week", "weeks", "month",
        "months", "year", "years", "today", "tonight", "night", "morning",
    ];
    matched.split_whitespace().skip(1).any(|w| {
        w.starts_with(char::is_uppercase) && UNITS.contains(&w.to_ascii_lowercase().as_str())
    })
}

fn built_in_value(kind: &str, captured: &str) -> String {
    match kind {
        "day" => captured.trim_end_matches(|c: char| c.is_ascii_alphabetic()).to_string(),
        "yy" => captured.trim_start_matches('\'').to_string(),
        _ => captured.to_string(),
    }
}

/// A value that names a calendar period by itself, without the anchor ("2012-08", "2012").
fn is_absolute(value: &str) -> bool {
    value.len() >= 4 && value[..4].bytes().all(|b| b.is_ascii_digit())
}

/// How far the guards look for a neighbouring word: a run without spaces is not read to its
/// end from every candidate.
const WORD_REACH: usize = 64;

fn word_before(text: &str, at: usize) -> &str {
    let from =
        (at.saturating_sub(WORD_REACH)..=at).find(|&i| text.is_char_boundary(i)).unwrap_or(at);
    text[from..at].split_whitespace().next_back().unwrap_or("")
}

fn word_after(text: &str, at: usize) -> &str {
    let to = (at..=text.len().min(at + WORD_REACH))
        .rev()
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(at);
    text[at..to].split_whitespace().next().unwrap_or("")
}

/// Context checks that keep ambiguous words out: "may" the verb, "fall" the verb, "2012
/// people", "a day" outside "twice a day".
fn guard(name: Option<&str>, text: &str, span: Range<usize>) -> bool {
    let Some(name) = name else { return true };
    let matched = &text[span.clone()];
    let before = word_before(text, span.start).to_ascii_lowercase();
    let after = word_after(text, span.end).to_ascii_lowercase();
    match name {
        // Month names alone are capitalised; "May" must not open a question or a wish.
        "month" => {
            matched.starts_with(char::is_uppercase)
                && (matched.len() > 3
                    || text[span.end..].starts_with('.')
                    || matched.eq_ignore_ascii_case("may"))
                && !(matched.eq_ignore_ascii_case("may")
                    && (before.is_empty() || before.ends_with(['.', '?', '!'])))
                && !matched.eq_ignore_ascii_case("mar")
        }
        // "this March" but not "this march" (a protest).
        "month last" => matched
            .split_whitespace()
            .next_back()
            .is_some_and(|w| w.starts_with(char::is_uppercase)),
        "year" => {
            // "2082.1 points" and "1,990" are numbers, not years.
            let rest = &text.as_bytes()[span.end..];
            let decimal =
                rest.len() >= 2 && matches!(rest[0], b'.' | b',') && rest[1].is_ascii_digit();
            if decimal || text[..span.start].ends_with(',') {
                return false;
            }
            let money = before.ends_with('$') || text[..span.start].ends_with('$');
            let counted = [
                "people", "percent", "%", "troops", "soldiers", "members", "workers", "votes",
                "shares", "tons", "barrels", "units", "cases", "dead", "deaths", "of",
            ];
            !money
                && !counted
                    .contains(&after.trim_matches(|c: char| !c.is_alphanumeric() && c != '%'))
        }
        "present" => {
            let m = matched.to_ascii_lowercase();
            m != "present" || before == "the" || before == "at"
        }
        "past" => {
            // "in the past year" is the year, found by another rule.
            let next = after.trim_matches(|c: char| !c.is_alphanumeric());
            ![
                "year",
                "month",
                "week",
                "day",
                "decade",
                "century",
                "quarter",
                "years",
                "months",
                "weeks",
                "days",
                "decades",
                "centuries",
                "quarters",
                "few",
                "several",
                "two",
                "three",
            ]
            .contains(&next)
        }
        "long unit" => {
            let m = matched.to_ascii_lowercase();
            m.ends_with("decade") || m.ends_with("century")
        }
        "future" => true,
        "season" => {
            let m = matched.to_ascii_lowercase();
            !(m.ends_with("fall") || m.ends_with("spring"))
                || [
                    "the", "this", "last", "next", "in", "during", "early", "late", "mid", "that",
                    "past",
                ]
                .contains(&before.as_str())
                || after.starts_with(|c: char| c.is_ascii_digit())
        }
        "weekend" => true,
        "the unit" => true,
        "bare unit" => {
            let m = matched.to_ascii_lowercase();
            let plural = m.ends_with('s');
            plural
                && ["for", "in", "within", "over", "after", "took", "lasted", "last"]
                    .contains(&before.as_str())
        }
        "clock" => true,
        // "VOA Today", "USA Today": capitalised inside a sentence, after a name.
        "not a title" => {
            let previous = text[..span.start].trim_end();
            !(matched.starts_with(char::is_uppercase)
                && previous.ends_with(|c: char| c.is_alphanumeric())
                && word_before(text, span.start).starts_with(char::is_uppercase))
        }
        "bare unit plural" => matched.trim_end_matches(" ahead").ends_with('s'),
        "after an amount" => is_quantity(&before),
        "duration" => {
            let m = matched.to_ascii_lowercase();
            // The next few words are enough ("old", "of age", "later"); lowering the whole
            // rest of the text for every candidate would make tagging quadratic.
            let rest = text[span.end..].trim_start();
            let cut =
                (0..=rest.len().min(16)).rev().find(|&i| rest.is_char_boundary(i)).unwrap_or(0);
            let rest = rest[..cut].to_ascii_lowercase();
            let age =
                rest.starts_with("old") || rest.starts_with("-old") || rest.starts_with("of age");
            // "$2 million a year", "four flights a week": a rate, not a length of time.
            let single = m.starts_with("a ") || m.starts_with("an ");
            let linked = [
                "for", "in", "within", "over", "about", "than", "after", "nearly", "almost",
                "only", "just", "least", "to", "and", "or", "some", "roughly", "around",
            ]
            .contains(&before.as_str());
            let rate = single && quantity_before(text, span.start) && !linked;
            // "a second time", "a quarter of the market": an ordinal or a fraction.
            let ordinal = (m == "a second" || m == "a quarter")
                && !["later", "ago", "earlier", "or", "before", "after"]
                    .iter()
                    .any(|w| rest.starts_with(w))
                && rest.starts_with(|c: char| c.is_ascii_alphabetic());
            !(age || rate || ordinal)
        }
        "set" => {
            let m = matched.to_ascii_lowercase();
            m.ends_with("ly")
                || m.starts_with("every")
                || m.starts_with("each")
                || ["times", "twice", "once", "thrice"].contains(&before.as_str())
                || quantity_before(text, span.start)
        }
        _ => true,
    }
}

/// Whether one of the three words before `at` is a quantity ("$2 million a year", "four
/// flights a week"), which makes "a year" a rate.
fn quantity_before(text: &str, at: usize) -> bool {
    let from =
        (at.saturating_sub(4 * WORD_REACH)..=at).find(|&i| text.is_char_boundary(i)).unwrap_or(at);
    text[from..at].split_whitespace().rev().take(3).any(is_quantity)
}

/// A number or a word that counts ("$2", "million", "percent").
fn is_quantity(word: &str) -> bool {
    let w = word.trim_matches(|c: char| !c.is_alphanumeric()).to_ascii_lowercase();
    w.bytes().any(|b| b.is_ascii_digit())
        || ["million", "billion", "thousand", "hundred", "percent", "cents"].contains(&w.as_str())
}

/// Whether the mark at `at` ('.', '!', '?' or a newline) ends a sentence: a period after an
/// abbreviation or an initial ("Mr.", "Daniel P."), or before a lower-case word, does not.
fn ends_sentence(text: &str, at: usize) -> bool {
    let bytes = text.as_bytes();
    let mark = bytes[at];
    if mark == b'\n' {
        return true;
    }
    if !bytes.get(at + 1).is_none_or(|n| n.is_ascii_whitespace()) {
        return false;
    }
    if mark != b'.' {
        return true;
    }
    let next = text[at + 1..].trim_start().chars().next();
    if next.is_some_and(|c| c.is_lowercase() || c.is_ascii_digit()) {
        return false;
    }
    // The separator may be wider than a byte (a no-break space): start after the whole char.
    let floor =
        (at.saturating_sub(WORD_REACH)..=at).find(|&i| text.is_char_boundary(i)).unwrap_or(at);
    let word_start = text[floor..at]
        .char_indices()
        .rev()
        .find(|&(_, c)| c.is_whitespace() || c == '(' || c == '"')
        .map_or(floor, |(i, c)| floor + i + c.len_utf8());
    !crate::tokens::is_abbreviation(&text[word_start..at])
}

/// Bounds of the sentence around a span: from after the last sentence end before it to the
/// next one after it.
fn sentence(text: &str, span: Range<usize>) -> &str {
    // Tense words further away than this say nothing about the expression, and scanning a
    // run without sentence marks to its ends from every expression would be quadratic.
    const REACH: usize = 600;
    let bytes = text.as_bytes();
    let is_mark = |b: u8| matches!(b, b'.' | b'!' | b'?' | b'\n');
    let floor = span.start.saturating_sub(REACH);
    let ceiling = text.len().min(span.end + REACH);
    let mut start = span.start;
    while start > floor {
        if is_mark(bytes[start - 1]) && ends_sentence(text, start - 1) {
            break;
        }
        start -= 1;
    }
    let mut end = span.end;
    while end < ceiling {
        if is_mark(bytes[end]) && ends_sentence(text, end) {
            break;
        }
        end += 1;
    }
    let start = (0..=start).rev().find(|&i| text.is_char_boundary(i)).unwrap_or(0);
    let end = (end..=text.len()).find(|&i| text.is_char_boundary(i)).unwrap_or(text.len());
    &text[start..end]
}

/// The tense of the sentence around `span`, from the tense marker nearest to it: a future
/// phrase ("will", "plans to"), a past form ("said", "-ed"), else present.
pub fn tense_at(text: &str, span: Range<usize>) -> Tense {
    tense_with(&ENGLISH.tense, text, span)
}

fn tense_with(words: &grammar::TenseWords, text: &str, span: Range<usize>) -> Tense {
    let from = (span.start.saturating_sub(WORD_REACH)..=span.start)
        .find(|&i| text.is_char_boundary(i))
        .unwrap_or(span.start);
    let mut before = text[from..span.start].split_whitespace().rev();
    let previous = match before.next() {
        Some(w) if w.eq_ignore_ascii_case("on") => before.next(),
        w => w,
    };
    if previous.is_some_and(|w| words.reporting.iter().any(|r| w.eq_ignore_ascii_case(r))) {
        return Tense::Past;
    }
    let sentence = sentence(text, span.clone());
    let base = sentence.as_ptr() as usize - text.as_ptr() as usize;
    let lower = sentence.to_ascii_lowercase();
    let mut best: Option<(usize, Tense)> = None;
    let mut consider = |at: usize, len: usize, tense: Tense| {
        let (s, e) = (base + at, base + at + len);
        if s < span.end && span.start < e {
            return; // Inside the expression itself.
        }
        let distance = if e <= span.start { span.start - e } else { s.saturating_sub(span.end) };
        if best.is_none_or(|(d, _)| distance < d) {
            best = Some((distance, tense));
        }
    };
    if let Some(future) = &words.future_regex {
        for m in future.find_iter(&lower) {
            consider(m.start(), m.len(), Tense::Future);
        }
    }
    let mut offset = 0;
    let mut previous = "";
    for word in lower.split(|c: char| !c.is_alphanumeric() && c != '\'') {
        let at = offset;
        offset += word.len() + 1;
        if word.is_empty() {
            continue;
        }
        // A participle after a form of "be" is passive: its auxiliary carries the tense
        // ("was named" is past through "was", "will be named" future through "will").
        let passive = matches!(previous, "be" | "been" | "being" | "is" | "are" | "am");
        let regular = word.len() > 4
            && word.ends_with("ed")
            && !words.not_past.iter().any(|w| w == word)
            && !words.reporting.iter().any(|w| w == word)
            && !passive;
        if words.past.iter().any(|w| w == word) || regular {
            consider(at, word.len(), Tense::Past);
        }
        previous = word;
    }
    best.map_or(Tense::Present, |(_, t)| t)
}
