//! TimeML documents and TempEval-3 scoring of TIMEX3 expressions.
//!
//! Scoring follows `shared/tools/timeml_score.py`: only TIMEX3 inside `<TEXT>` count; offsets
//! are counted in non-whitespace characters; a gold expression matches the first overlapping
//! system expression not yet used, or an exactly equal one if there is one; strict = same span,
//! relaxed = overlap; type and value accuracy over relaxed matches; value F1 = relaxed F1 ×
//! value accuracy.

use std::fmt;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// A TIMEX3 annotation over a document's plain text.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Annotation {
    /// Byte range in [`Document::text`].
    pub span: Range<usize>,
    /// DATE, TIME, DURATION or SET.
    pub kind: String,
    /// The TimeML value.
    pub value: String,
    /// The rule that produced a system annotation (empty for gold ones).
    pub rule: String,
}

/// A TimeML file: its creation time, the plain text of `<TEXT>` and the gold TIMEX3s in it.
#[derive(Clone, Debug)]
pub struct Document {
    /// The document creation time (date part), when the file gives one.
    pub dct: Option<jiff::civil::Date>,
    /// The text inside `<TEXT>`, markup removed and entities decoded.
    pub text: String,
    /// The gold TIMEX3s inside `<TEXT>`.
    pub gold: Vec<Annotation>,
    before: String,
    after: String,
}

/// A file that is not TimeML this scorer can read.
#[derive(Debug, thiserror::Error)]
#[error("not a TimeML document with a <TEXT> element")]
pub struct NotTimeMl;

static TAG: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"<[^>]+>|[^<]+").unwrap());
static TIMEX: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"^<(/?)TIMEX3\b([^>]*)>$").unwrap());
static ATTR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r#"(\w+)="([^"]*)""#).unwrap());
static DCT: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r#"(?s)<DCT>.*?value="(\d{4})-(\d{2})-(\d{2})"#).unwrap());

impl Document {
    /// Reads a TimeML file's text.
    pub fn parse(source: &str) -> Result<Document, NotTimeMl> {
        let open = source.find("<TEXT>").ok_or(NotTimeMl)? + "<TEXT>".len();
        let close = source.rfind("</TEXT>").filter(|&c| c >= open).ok_or(NotTimeMl)?;
        let dct = DCT.captures(source).and_then(|c| {
            jiff::civil::Date::new(c[1].parse().ok()?, c[2].parse().ok()?, c[3].parse().ok()?).ok()
        });
        let mut text = String::new();
        let mut gold = Vec::new();
        let mut stack: Vec<(usize, String, String)> = Vec::new();
        for piece in TAG.find_iter(&source[open..close]) {
            let piece = piece.as_str();
            if piece.starts_with('<') {
                if let Some(c) = TIMEX.captures(piece) {
                    if &c[1] == "/" {
                        if let Some((start, kind, value)) = stack.pop() {
                            gold.push(Annotation {
                                span: start..text.len(),
                                kind,
                                value,
                                rule: String::new(),
                            });
                        }
                    } else if !piece.trim_end_matches('>').ends_with('/') {
                        let attrs: Vec<(String, String)> = ATTR
                            .captures_iter(&c[2])
                            .map(|a| (a[1].to_string(), a[2].to_string()))
                            .collect();
                        let get = |k: &str| {
                            attrs
                                .iter()
                                .find(|(n, _)| n == k)
                                .map(|(_, v)| v.clone())
                                .unwrap_or_default()
                        };
                        stack.push((text.len(), get("type"), get("value")));
                    }
                }
                continue;
            }
            text.push_str(&html_escape::decode_html_entities(piece));
        }
        Ok(Document {
            dct,
            text,
            gold,
            before: source[..open].to_string(),
            after: source[close..].to_string(),
        })
    }

    /// The same file with the gold TIMEX3s replaced by `system`'s; the text inside `<TEXT>` is
    /// unchanged (other inline markup, such as EVENT tags, is dropped).
    pub fn render(&self, system: &[Annotation]) -> String {
        let mut sorted: Vec<&Annotation> = system.iter().collect();
        sorted.sort_by_key(|a| (a.span.start, std::cmp::Reverse(a.span.end)));
        let mut out = self.before.clone();
        let mut at = 0;
        let mut tid = 1;
        for a in sorted {
            if a.span.start < at || a.span.end > self.text.len() {
                continue;
            }
            out.push_str(&html_escape::encode_text(&self.text[at..a.span.start]));
            out.push_str(&format!(
                "<TIMEX3 tid=\"t{tid}\" type=\"{}\" value=\"{}\">{}</TIMEX3>",
                a.kind,
                html_escape::encode_double_quoted_attribute(&a.value),
                html_escape::encode_text(&self.text[a.span.clone()])
            ));
            tid += 1;
            at = a.span.end;
        }
        out.push_str(&html_escape::encode_text(&self.text[at..]));
        out.push_str(&self.after);
        out
    }
}

/// Counts over one or more documents.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Default)]
pub struct Scores {
    /// Documents scored.
    pub documents: usize,
    /// Gold expressions.
    pub gold: usize,
    /// System expressions.
    pub system: usize,
    /// Matches with the same span.
    pub strict: usize,
    /// Matches that overlap.
    pub relaxed: usize,
    /// Relaxed matches with the right type.
    pub kind: usize,
    /// Relaxed matches with the right value.
    pub value: usize,
}

/// One gold expression and what the system made of it, for error listings.
#[derive(Clone, Debug)]
pub enum Outcome {
    /// Found, with the right value (the system's annotation given).
    Right(Annotation),
    /// Found with another value (the system's annotation given).
    WrongValue(Annotation),
    /// Not found.
    Missed,
}

fn prf(tp: usize, system: usize, gold: usize) -> (f64, f64, f64) {
    let p = if system > 0 { tp as f64 / system as f64 } else { 0.0 };
    let r = if gold > 0 { tp as f64 / gold as f64 } else { 0.0 };
    let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
    (p, r, f)
}

impl Scores {
    /// Relaxed (overlap) precision, recall and F1.
    pub fn relaxed_prf(&self) -> (f64, f64, f64) {
        prf(self.relaxed, self.system, self.gold)
    }

    /// Strict (same span) precision, recall and F1.
    pub fn strict_prf(&self) -> (f64, f64, f64) {
        prf(self.strict, self.system, self.gold)
    }

    /// Value accuracy over relaxed matches.
    pub fn value_accuracy(&self) -> f64 {
        if self.relaxed == 0 { 0.0 } else { self.value as f64 / self.relaxed as f64 }
    }

    /// Type accuracy over relaxed matches.
    pub fn type_accuracy(&self) -> f64 {
        if self.relaxed == 0 { 0.0 } else { self.kind as f64 / self.relaxed as f64 }
    }

    /// Relaxed F1 × value accuracy.
    pub fn value_f1(&self) -> f64 {
        self.relaxed_prf().2 * self.value_accuracy()
    }

    /// Adds another document's counts.
    pub fn add(&mut self, other: &Scores) {
        self.documents += other.documents;
        self.gold += other.gold;
        self.system += other.system;
        self.strict += other.strict;
        self.relaxed += other.relaxed;
        self.kind += other.kind;
        self.value += other.value;
    }
}

impl fmt::Display for Scores {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (sp, sr, sf) = self.strict_prf();
        let (rp, rr, rf) = self.relaxed_prf();
        writeln!(f, "documents={} gold={} sys={}", self.documents, self.gold, self.system)?;
        writeln!(f, "strict  P={sp:.4} R={sr:.4} F1={sf:.4}")?;
        writeln!(f, "relaxed P={rp:.4} R={rr:.4} F1={rf:.4}")?;
        writeln!(
            f,
            "type accuracy={:.4} value accuracy={:.4}",
            self.type_accuracy(),
            self.value_accuracy()
        )?;
        write!(f, "value F1={:.4}", self.value_f1())
    }
}

/// Offsets in non-whitespace characters, as the reference scorer counts them.
fn non_white(text: &str, span: &Range<usize>) -> (usize, usize) {
    let count = |end: usize| text[..end].chars().filter(|c| !c.is_whitespace()).count();
    (count(span.start), count(span.end))
}

/// Scores one document's system annotations against its gold ones.
pub fn score(text: &str, gold: &[Annotation], system: &[Annotation]) -> (Scores, Vec<Outcome>) {
    let mut s =
        Scores { documents: 1, gold: gold.len(), system: system.len(), ..Scores::default() };
    let sys: Vec<(usize, usize)> = system.iter().map(|a| non_white(text, &a.span)).collect();
    let mut used = vec![false; system.len()];
    let mut outcomes = Vec::new();
    for g in gold {
        let (a, b) = non_white(text, &g.span);
        let mut best: Option<usize> = None;
        for (j, &(c, d)) in sys.iter().enumerate() {
            if used[j] || !(c < b && a < d) {
                continue;
            }
            if best.is_none() || (c == a && d == b) {
                best = Some(j);
            }
        }
        match best {
            Some(j) => {
                used[j] = true;
                s.relaxed += 1;
                s.strict += usize::from(sys[j] == (a, b));
                s.kind += usize::from(system[j].kind == g.kind);
                let right = system[j].value == g.value;
                s.value += usize::from(right);
                outcomes.push(if right {
                    Outcome::Right(system[j].clone())
                } else {
                    Outcome::WrongValue(system[j].clone())
                });
            }
            None => outcomes.push(Outcome::Missed),
        }
    }
    (s, outcomes)
}

/// Runs the time tagger over a TimeML document, anchored on its creation time.
pub fn tag(doc: &Document) -> Vec<Annotation> {
    let (timexes, _) = read::time::tag(&doc.text, doc.dct);
    timexes
        .into_iter()
        .map(|t| Annotation {
            span: t.span,
            kind: t.kind.as_str().to_string(),
            value: t.value,
            rule: t.rule,
        })
        .collect()
}
