//! Loads a language's rule file and compiles it into regular expressions.
//!
//! A rule file has vocabularies (surface forms with their values) and rules (a pattern with
//! `{slot}` placeholders, a TIMEX3 type and a value expression); see `rules/time/en.toml`.

use std::collections::BTreeMap;

use regex::Regex;
use serde::Deserialize;

#[derive(Deserialize)]
struct File {
    vocab: BTreeMap<String, BTreeMap<String, String>>,
    tense: TenseWords,
    rule: Vec<RawRule>,
}

/// The words that decide a sentence's tense, nearest first.
#[derive(Deserialize, Default)]
#[serde(deny_unknown_fields)]
pub(crate) struct TenseWords {
    /// Words and phrases that put a clause in the future.
    pub future: Vec<String>,
    /// Irregular past forms and other words that mark the past.
    pub past: Vec<String>,
    /// Words ending in "-ed" that are not past forms.
    pub not_past: Vec<String>,
    /// Reporting verbs: they say when something was said, not when what was said happens,
    /// so they mark no tense, except for the expression right after them ("said Friday"),
    /// which is the (past) day of saying.
    pub reporting: Vec<String>,
    /// The future phrases as one regular expression over lower-case text (compiled once:
    /// one pass per sentence instead of one substring search per phrase).
    #[serde(skip)]
    pub future_regex: Option<Regex>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct RawRule {
    name: String,
    #[serde(rename = "type")]
    kind: String,
    pattern: String,
    value: String,
    #[serde(default)]
    anchor: Option<String>,
    #[serde(default)]
    guard: Option<String>,
    #[serde(default)]
    lead: Option<String>,
}

/// One vocabulary entry: a regex alternative and its value.
pub(crate) struct Entry {
    whole: Regex,
    pub value: String,
}

/// What a rule's relative value counts from.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum Anchor {
    /// The publication date (the default).
    Publication,
    /// The last absolute date the story named ("two months later"), with X's for what that
    /// date does not give.
    Narrative,
    /// The last day the story named, when it named one ("on Friday ... at 10:35 a.m."), else
    /// the publication date.
    StoryDay,
}

/// A compiled rule.
pub(crate) struct Rule {
    pub name: String,
    pub kind: super::TimexType,
    pub regex: Regex,
    pub value: String,
    pub anchor: Anchor,
    pub guard: Option<String>,
    /// The slots the pattern captures, as (group name, slot kind).
    pub slots: Vec<(String, String)>,
}

/// A language's compiled rules and vocabularies.
pub(crate) struct Grammar {
    pub vocab: BTreeMap<String, Vec<Entry>>,
    pub tense: TenseWords,
    pub rules: Vec<Rule>,
}

const BUILT_IN: &[(&str, &str)] = &[
    ("year4", r"1[0-9]{3}|20[0-9]{2}"),
    ("yy", r"'?[0-9]{2}"),
    ("day", r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"),
    ("int", r"[0-9]+"),
    ("digit1", r"[0-9]"),
    ("mo", r"0[1-9]|1[0-2]"),
    ("dd", r"0[1-9]|[12][0-9]|3[01]"),
    ("min", r"[0-5][0-9]"),
];

impl Grammar {
    /// Compiles a rule file; an error names the rule and what is wrong with it.
    pub fn parse(source: &str) -> Result<Grammar, String> {
        let file: File = toml::from_str(source).map_err(|e| e.to_string())?;
        let mut vocab: BTreeMap<String, Vec<Entry>> = BTreeMap::new();
        for (name, entries) in &file.vocab {
            let mut list = Vec::new();
            for (forms, value) in entries {
                let whole = Regex::new(&format!("(?i)^(?:{forms})$"))
                    .map_err(|e| format!("vocabulary {name}, {forms:?}: {e}"))?;
                list.push(Entry { whole, value: value.clone() });
            }
            vocab.insert(name.clone(), list);
        }
        // `num` is digits or any number word.
        let mut rules = Vec::new();
        for raw in &file.rule {
            let kind = super::TimexType::parse(&raw.kind)
                .ok_or_else(|| format!("rule {:?}: unknown type {:?}", raw.name, raw.kind))?;
            let mut slots = Vec::new();
            let pattern = expand(&raw.pattern, &file.vocab, &mut slots)
                .map_err(|e| format!("rule {:?}: {e}", raw.name))?;
            // ASCII word boundaries keep the regex engine on its fast DFA over text with
            // non-ASCII letters (a Unicode `\b` would make it fall back to slower engines).
            let pattern = match &raw.lead {
                Some(lead) => format!("(?:{lead})(?P<span__>{pattern})"),
                None => pattern,
            };
            let regex = Regex::new(&format!(r"(?i)(?-u:\b)(?:{pattern})(?-u:\b)"))
                .map_err(|e| format!("rule {:?}: {e}", raw.name))?;
            let anchor = match raw.anchor.as_deref() {
                None => Anchor::Publication,
                Some("narrative") => Anchor::Narrative,
                Some("story day") => Anchor::StoryDay,
                Some(other) => {
                    return Err(format!(
                        "rule {:?}: unknown anchor {other:?} (\"narrative\" or \"story day\")",
                        raw.name
                    ));
                }
            };
            rules.push(Rule {
                name: raw.name.clone(),
                kind,
                regex,
                value: raw.value.clone(),
                anchor,
                guard: raw.guard.clone(),
                slots,
            });
        }
        let mut tense = file.tense;
        let mut phrases: Vec<String> = tense.future.iter().map(|p| regex::escape(p)).collect();
        // Longest first, so that "will be" is preferred to "will" where both match.
        phrases.sort_by_key(|p| std::cmp::Reverse(p.len()));
        tense.future_regex = Some(
            Regex::new(&format!(r"(?-u:\b)(?:{})(?-u:\b)", phrases.join("|")))
                .map_err(|e| format!("future phrases: {e}"))?,
        );
        Ok(Grammar { vocab, tense, rules })
    }

    /// The value of a captured vocabulary word (`None` for built-in slots).
    pub fn lookup(&self, kind: &str, text: &str) -> Option<String> {
        let text = text.trim();
        if kind == "num" {
            if !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit() || b == b'.') {
                return Some(text.to_string());
            }
            return self.lookup("numword", text);
        }
        self.vocab.get(kind)?.iter().find(|e| e.whole.is_match(text)).map(|e| e.value.clone())
    }
}

/// Replaces `{slot}` and `{slot#n}` with named capture groups.
fn expand(
    pattern: &str,
    vocab: &BTreeMap<String, BTreeMap<String, String>>,
    slots: &mut Vec<(String, String)>,
) -> Result<String, String> {
    let mut out = String::new();
    let mut rest = pattern;
    while let Some(open) = rest.find('{') {
        // `{2}` and `{1,3}` are regex repetitions, not slots.
        let close = rest[open..].find('}').ok_or("unclosed `{`")? + open;
        let inner = &rest[open + 1..close];
        out.push_str(&rest[..open]);
        rest = &rest[close + 1..];
        if inner.chars().next().is_some_and(|c| c.is_ascii_digit()) {
            out.push('{');
            out.push_str(inner);
            out.push('}');
            continue;
        }
        let (kind, index) = inner.split_once('#').unwrap_or((inner, ""));
        let group = if index.is_empty() { kind.to_string() } else { format!("{kind}__{index}") };
        let body = if kind == "num" {
            let words = vocab.get("numword").ok_or("no numword vocabulary")?;
            let mut alts: Vec<&str> = words.keys().map(String::as_str).collect();
            alts.sort_by_key(|a| std::cmp::Reverse(a.len()));
            format!(r"[0-9]+(?:\.[0-9]+)?|{}", alts.join("|"))
        } else if let Some((_, re)) = BUILT_IN.iter().find(|(n, _)| *n == kind) {
            re.to_string()
        } else if let Some(words) = vocab.get(kind) {
            let mut alts: Vec<&str> = words.keys().map(String::as_str).collect();
            // Longest alternatives first, so that "sept." is tried before "sep".
            alts.sort_by_key(|a| std::cmp::Reverse(a.len()));
            alts.join("|")
        } else {
            return Err(format!("unknown slot {{{inner}}}"));
        };
        out.push_str(&format!("(?P<{group}>{body})"));
        slots.push((group, kind.to_string()));
    }
    out.push_str(rest);
    Ok(out)
}
