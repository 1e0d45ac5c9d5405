//! Claims scoring, exactly as `shared/tools/score_claims.py` (the contract in
//! `shared/spec/claims.md`, "How it is scored"): a system claim matches a gold claim of the
//! same document and type when their key arguments name the same things; each gold claim
//! matches at most one system claim, greedily in file order; dates, roles, modality and
//! `attributed_to` are scored as accuracy over matched pairs.

use std::collections::{BTreeMap, BTreeSet, HashMap, HashSet};
use std::fmt::Write as _;

use serde_json::Value;
use unicode_normalization::UnicodeNormalization;

/// A claim as JSON.
pub type Claim = serde_json::Map<String, Value>;

const STOP: &[&str] = &[
    "the", "of", "and", "for", "to", "in", "on", "a", "an", "at", "by", "de", "du", "la", "le",
    "al", "el",
];
const DEMONYM: &[(&str, &str)] = &[
    ("syrian", "syria"),
    ("french", "france"),
    ("russian", "russia"),
    ("egyptian", "egypt"),
    ("italian", "italy"),
    ("turkish", "turkey"),
    ("lebanese", "lebanon"),
    ("german", "germany"),
    ("american", "united states"),
    ("sudanese", "sudan"),
    ("iranian", "iran"),
    ("us", "united states"),
    ("u.s.", "united states"),
    ("eu", "european union"),
];
const AUTH: &[(&str, &[&str])] = &[
    (
        "united states",
        &[
            "united states",
            "us",
            "u.s.",
            "usa",
            "american",
            "washington",
            "treasury",
            "ofac",
            "state department",
        ],
    ),
    ("european union", &["european union", "eu", "european", "council of the european union"]),
    ("france", &["france", "french", "paris"]),
    ("lebanon", &["lebanon", "lebanese"]),
    ("united kingdom", &["united kingdom", "uk", "britain", "british"]),
    ("united nations", &["united nations", "un", "security council"]),
    ("international criminal court", &["international criminal court", "icc"]),
    ("germany", &["germany", "german"]),
    // further states: name and adjective
    ("canada", &["canada", "canadian"]),
    ("switzerland", &["switzerland", "swiss"]),
    ("sweden", &["sweden", "swedish"]),
    ("netherlands", &["netherlands", "dutch"]),
    ("belgium", &["belgium", "belgian"]),
    ("norway", &["norway", "norwegian"]),
    ("austria", &["austria", "austrian"]),
    ("spain", &["spain", "spanish"]),
    ("italy", &["italy", "italian"]),
    ("argentina", &["argentina", "argentine"]),
    ("australia", &["australia", "australian"]),
    ("japan", &["japan", "japanese"]),
    ("turkey", &["turkey", "turkish"]),
    ("russia", &["russia", "russian"]),
    ("ukraine", &["ukraine", "ukrainian"]),
    ("iran", &["iran", "iranian"]),
    ("iraq", &["iraq", "iraqi"]),
    ("syria", &["syria", "syrian"]),
    ("egypt", &["egypt", "egyptian"]),
    ("israel", &["israel", "israeli"]),
    ("saudi arabia", &["saudi arabia", "saudi"]),
    ("china", &["china", "chinese"]),
    ("india", &["india", "indian"]),
    ("brazil", &["brazil", "brazilian"]),
    ("colombia", &["colombia", "colombian"]),
    ("venezuela", &["venezuela", "venezuelan"]),
    ("mexico", &["mexico", "mexican"]),
    ("nigeria", &["nigeria", "nigerian"]),
    ("south africa", &["south africa", "south african"]),
    ("kenya", &["kenya", "kenyan"]),
    ("sudan", &["sudan", "sudanese"]),
    ("myanmar", &["myanmar", "burmese"]),
    ("philippines", &["philippines", "philippine"]),
    ("finland", &["finland", "finnish"]),
    ("denmark", &["denmark", "danish"]),
    ("portugal", &["portugal", "portuguese"]),
    ("poland", &["poland", "polish"]),
    ("new zealand", &["new zealand", "new zealand"]),
    ("gambia", &["gambia", "gambian"]),
    ("senegal", &["senegal", "senegalese"]),
    ("rwanda", &["rwanda", "rwandan"]),
    ("libya", &["libya", "libyan"]),
    ("lebanon", &["lebanon", "lebanese"]),
    ("belarus", &["belarus", "belarusian"]),
    ("united kingdom", &["england", "english", "scotland", "ofsi", "foreign office"]),
    (
        "united states",
        &["united states of america", "department of justice", "justice department", "fbi"],
    ),
    (
        "international criminal tribunal",
        &["international criminal tribunal", "icty", "ictr", "irmct"],
    ),
];
const TITLES: &[&str] = &[
    "major",
    "general",
    "gen",
    "lt",
    "lieutenant",
    "col",
    "colonel",
    "brig",
    "brigadier",
    "maj",
    "president",
    "dr",
    "mr",
    "mrs",
    "ms",
    "sheikh",
    "minister",
    "director",
    "head",
    "chief",
    "secretary",
    "adviser",
    "advisor",
    "king",
    "prince",
    "emir",
    "ambassador",
    "judge",
    "prime",
    "deputy",
];

pub(crate) fn fold(s: &str) -> String {
    let s: String =
        s.nfkd().filter(|c| !unicode_normalization::char::is_combining_mark(*c)).collect();
    s.to_lowercase().replace(['’', '‘'], "'")
}

fn words(s: &str) -> Vec<String> {
    fold(s)
        .split(|c: char| !(c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.'))
        .filter(|w| !w.is_empty())
        .map(String::from)
        .collect()
}

fn person_key(name: &str) -> Vec<String> {
    let mut out = Vec::new();
    for w in words(name) {
        let w = w.trim_matches('.');
        if w.is_empty() || TITLES.contains(&w) {
            continue;
        }
        let mut w = w.to_string();
        for p in ["al-", "el-"] {
            if let Some(rest) = w.strip_prefix(p) {
                w = rest.to_string();
            }
        }
        if matches!(w.as_str(), "al" | "el" | "bin" | "ibn" | "abu") {
            continue;
        }
        out.push(w);
    }
    out
}

pub(crate) fn person_match(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    let (ka, kb) = (person_key(a), person_key(b));
    if ka.is_empty() || kb.is_empty() {
        return fold(a) == fold(b);
    }
    if ka == kb {
        return true;
    }
    if ka.last() != kb.last() {
        return false;
    }
    if ka.len() == 1 || kb.len() == 1 {
        return true;
    }
    ka[0] == kb[0]
}

fn content(s: &str) -> HashSet<String> {
    let mut out = HashSet::new();
    for w in words(s) {
        let w = w.trim_matches('.');
        let w = DEMONYM.iter().find(|(k, _)| *k == w).map_or(w, |(_, v)| *v);
        if w.is_empty() || STOP.contains(&w) {
            continue;
        }
        let w = w.strip_suffix("'s").unwrap_or(w);
        out.insert(w.to_string());
    }
    out
}

fn org_match(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return false;
    }
    if person_match(a, b) && person_key(a).len() > 1 {
        return true;
    }
    let (ca, cb) = (content(a), content(b));
    if ca.is_empty() || cb.is_empty() {
        return false;
    }
    let inter = ca.intersection(&cb).count() as f64;
    let (min, max) = (ca.len().min(cb.len()) as f64, ca.len().max(cb.len()) as f64);
    inter / min >= 0.6 && inter / max >= 0.34
}

fn auth_key(s: &str) -> String {
    let f = format!(" {} ", words(s).join(" "));
    for (key, names) in AUTH {
        if names.iter().any(|n| f.contains(&format!(" {n} "))) {
            return key.to_string();
        }
    }
    fold(s).trim().to_string()
}

fn auth_match(a: &str, b: &str) -> bool {
    if a.is_empty() || b.is_empty() {
        return a.is_empty() && b.is_empty();
    }
    auth_key(a) == auth_key(b)
}

fn get<'c>(c: &'c Claim, k: &str) -> &'c str {
    c.get(k).and_then(Value::as_str).unwrap_or("")
}

pub(crate) fn evidence_text(c: &Claim) -> String {
    match c.get("evidence") {
        Some(Value::Object(o)) => o.get("text").and_then(Value::as_str).unwrap_or("").to_string(),
        Some(Value::String(s)) => s.clone(),
        Some(Value::Null) | None => String::new(),
        Some(other) => other.to_string(),
    }
}

/// Whether the system's evidence holds at least half the gold evidence's words.
pub(crate) fn evidence_overlaps(system: &Claim, gold: &Claim) -> bool {
    let a: HashSet<String> = words(&evidence_text(system)).into_iter().collect();
    let b: HashSet<String> = words(&evidence_text(gold)).into_iter().collect();
    !a.is_empty() && !b.is_empty() && a.intersection(&b).count() as f64 / b.len() as f64 >= 0.5
}

fn list(c: &Claim, k: &str) -> Vec<String> {
    match c.get(k) {
        Some(Value::Array(items)) => {
            items.iter().map(|v| v.as_str().map_or_else(|| v.to_string(), String::from)).collect()
        }
        _ => vec![],
    }
}

/// Whether a system claim names the same things as a gold claim in its key arguments (the
/// types must agree; documents are not compared).
pub fn key_match(s: &Claim, g: &Claim) -> bool {
    match get(g, "type") {
        "position" => {
            person_match(get(s, "holder"), get(g, "holder"))
                && org_match(get(s, "organization"), get(g, "organization"))
        }
        "appointment" => {
            person_match(get(s, "person"), get(g, "person"))
                && org_match(get(s, "organization"), get(g, "organization"))
        }
        "meeting" => {
            let (sp, gp) = (list(s, "participants"), list(g, "participants"));
            let hits = gp
                .iter()
                .filter(|x| sp.iter().any(|y| person_match(x, y) || org_match(x, y)))
                .count();
            hits >= gp.len().min(2)
        }
        "visit" => {
            person_match(get(s, "person"), get(g, "person"))
                && org_match(get(s, "place"), get(g, "place"))
        }
        "sanction" | "warrant" => {
            person_match(get(s, "target"), get(g, "target"))
                && auth_match(get(s, "authority"), get(g, "authority"))
        }
        "arrest" | "health" | "death_report" => person_match(get(s, "person"), get(g, "person")),
        "allegation" => {
            person_match(get(s, "accused"), get(g, "accused")) && evidence_overlaps(s, g)
        }
        "charge" | "verdict" => {
            person_match(get(s, "defendant"), get(g, "defendant"))
                && auth_match(get(s, "authority"), get(g, "authority"))
        }
        "relation" => {
            let (a, b) = (get(s, "person"), get(s, "other"));
            let (gp, go) = (get(g, "person"), get(g, "other"));
            (person_match(a, gp) && person_match(b, go))
                || (person_match(b, gp) && person_match(a, go))
        }
        "attribute" => {
            person_match(get(s, "person"), get(g, "person"))
                && fold(get(s, "key")) == fold(get(g, "key"))
        }
        _ => false,
    }
}

fn date_text(v: Option<&Value>) -> Option<String> {
    match v? {
        Value::Null => None,
        Value::String(s) if s.is_empty() => None,
        Value::String(s) => Some(s.clone()),
        Value::Bool(false) => None,
        Value::Number(n) if n.as_f64() == Some(0.0) => None,
        other => Some(other.to_string()),
    }
}

fn parse_date(d: &str) -> (String, String) {
    match d.split_once('/') {
        Some((a, b)) => (a.to_string(), format!("{b}~")),
        None => (d.to_string(), format!("{d}~")),
    }
}

/// Whether a system date is compatible with a gold date at the gold's precision; `None` when
/// the gold has no date (not scored).
fn date_ok(system: Option<&Value>, gold: Option<&Value>) -> Option<bool> {
    let gd = parse_date(&date_text(gold)?);
    let Some(sd) = date_text(system) else { return Some(false) };
    let sd = parse_date(&sd);
    Some(sd.0 <= gd.1 && gd.0 <= sd.1)
}

fn date_field(kind: &str) -> Option<&'static str> {
    match kind {
        "position" => Some("start"),
        "appointment" | "meeting" | "visit" | "sanction" | "warrant" | "arrest" | "allegation"
        | "health" | "death_report" | "charge" | "verdict" => Some("date"),
        _ => None,
    }
}

/// Counts for one claim type.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct Counts {
    /// Matched pairs.
    pub tp: usize,
    /// System claims.
    pub system: usize,
    /// Gold claims.
    pub gold: usize,
}

impl Counts {
    /// Precision, recall and F1.
    pub fn prf(&self) -> (f64, f64, f64) {
        let p = if self.system > 0 { self.tp as f64 / self.system as f64 } else { 0.0 };
        let r = if self.gold > 0 { self.tp as f64 / self.gold as f64 } else { 0.0 };
        let f = if p + r > 0.0 { 2.0 * p * r / (p + r) } else { 0.0 };
        (p, r, f)
    }
}

/// The outcome of scoring.
#[derive(Clone, Debug, Default)]
pub struct Scores {
    /// Per type.
    pub types: BTreeMap<String, Counts>,
    /// Field accuracies over matched pairs: name → (right, scored).
    pub fields: BTreeMap<String, (usize, usize)>,
    /// Gold claims no system claim matched.
    pub missed: Vec<Claim>,
    /// System claims that matched no gold claim.
    pub spurious: Vec<Claim>,
    /// Per rule (the system claims' `rule` field): gold claims found, spurious
    /// claims made.
    pub by_rule: BTreeMap<String, RuleCounts>,
}

/// What one rule did.
#[derive(Clone, Copy, Default, Debug, PartialEq, Eq)]
pub struct RuleCounts {
    /// Gold claims its claims matched.
    pub found: usize,
    /// Its claims that matched no gold claim.
    pub spurious: usize,
}

/// The rule of a system claim (`TYPE.?` when it names none).
fn rule_of(c: &Claim) -> String {
    match c.get("rule").and_then(Value::as_str) {
        Some(rule) => rule.to_string(),
        None => format!("{}.?", get(c, "type")),
    }
}

impl Scores {
    /// Over all types.
    pub fn overall(&self) -> Counts {
        self.types.values().fold(Counts::default(), |a, c| Counts {
            tp: a.tp + c.tp,
            system: a.system + c.system,
            gold: a.gold + c.gold,
        })
    }

    /// The report, line for line as the reference scorer prints it (without `--verbose`).
    pub fn render(&self, verbose: bool) -> String {
        let mut out = String::new();
        let _ =
            writeln!(out, "{:14} {:>4} {:>4} {:>4}   P     R     F1", "type", "tp", "sys", "gold");
        for (t, c) in &self.types {
            let (p, r, f) = c.prf();
            let _ = writeln!(
                out,
                "{t:14} {:4} {:4} {:4}  {}  {}  {}",
                c.tp,
                c.system,
                c.gold,
                fixed(p, 2),
                fixed(r, 2),
                fixed(f, 2)
            );
        }
        for (k, (a, b)) in &self.fields {
            let _ = writeln!(out, "field {k}: {a}/{b} = {}", fixed(*a as f64 / *b as f64, 2));
        }
        if verbose {
            for g in &self.missed {
                let _ = writeln!(out, "MISSED {}", brief(g, &[]));
            }
            for s in &self.spurious {
                let _ = writeln!(
                    out,
                    "SPURIOUS {}",
                    brief(s, &["id", "doc_sha256", "entity_ids", "confidence"])
                );
            }
        }
        let (p, r, f) = self.overall().prf();
        let _ = writeln!(out, "overall P={} R={} F1={}", fixed(p, 3), fixed(r, 3), fixed(f, 3));
        out
    }
}

impl Scores {
    /// One line per rule: gold claims found, spurious claims made, most found first.
    pub fn render_by_rule(&self) -> String {
        let mut rows: Vec<(&String, &RuleCounts)> = self.by_rule.iter().collect();
        rows.sort_by(|a, b| b.1.found.cmp(&a.1.found).then(a.1.spurious.cmp(&b.1.spurious)));
        let mut out = String::new();
        let _ = writeln!(out, "{:>5} {:>5}  rule", "found", "spur");
        for (rule, c) in rows {
            let _ = writeln!(out, "{:5} {:5}  {rule}", c.found, c.spurious);
        }
        out
    }
}

/// Rounds half to even on the exact binary value, as Python's format does.
fn fixed(x: f64, places: usize) -> String {
    format!("{x:.places$}")
}

fn brief(c: &Claim, without: &[&str]) -> String {
    // The type first and the evidence last, so that a reader can scan by type and the
    // fields are never cut off by a long sentence.
    let shown: serde_json::Map<String, Value> = c
        .iter()
        .filter(|(k, _)| {
            !without.contains(&k.as_str()) && !matches!(k.as_str(), "type" | "evidence")
        })
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    let evidence = match c.get("evidence") {
        Some(Value::String(t)) => t.as_str(),
        Some(Value::Object(o)) => o.get("text").and_then(Value::as_str).unwrap_or(""),
        _ => "",
    };
    let evidence: String = evidence.chars().take(200).collect();
    let evidence = evidence.split_whitespace().collect::<Vec<_>>().join(" ");
    format!("{} {} « {evidence} »", get(c, "type"), Value::Object(shown))
}

/// Scores system claims against gold claims (optionally only those of some documents).
pub fn score(gold: &[Claim], system: &[Claim], docs: Option<&BTreeSet<String>>) -> Scores {
    // A gold file scores only the types it annotates (a file older than a type cannot have
    // missed it); the types come from the whole file, before any choice of documents.
    let scored: HashSet<&str> = gold.iter().map(|g| get(g, "type")).collect();
    let keep = |c: &&Claim| docs.is_none_or(|d| d.contains(get(c, "doc")));
    let gold: Vec<&Claim> = gold.iter().filter(keep).collect();
    let system: Vec<&Claim> = system
        .iter()
        .filter(|s| s.get("type").and_then(Value::as_str).is_some_and(|t| scored.contains(t)))
        .filter(keep)
        .collect();
    let mut by_doc_type: HashMap<(&str, &str), Vec<usize>> = HashMap::new();
    for (i, s) in system.iter().enumerate() {
        by_doc_type.entry((get(s, "doc"), get(s, "type"))).or_default().push(i);
    }
    let mut used = HashSet::new();
    let mut pairs = Vec::new();
    let mut scores = Scores::default();
    for g in &gold {
        let hit = by_doc_type
            .get(&(get(g, "doc"), get(g, "type")))
            .into_iter()
            .flatten()
            .copied()
            .find(|i| !used.contains(i) && key_match(system[*i], g));
        match hit {
            Some(i) => {
                used.insert(i);
                pairs.push((system[i], *g));
            }
            None => scores.missed.push((*g).clone()),
        }
    }
    for g in &gold {
        scores.types.entry(get(g, "type").to_string()).or_default().gold += 1;
    }
    for s in &system {
        scores.types.entry(get(s, "type").to_string()).or_default().system += 1;
    }
    for (s, g) in &pairs {
        scores.types.entry(get(g, "type").to_string()).or_default().tp += 1;
        let kind = get(g, "type");
        if let Some(df) = date_field(kind)
            && let Some(ok) = date_ok(s.get(df), g.get(df))
        {
            let e = scores.fields.entry("date".into()).or_default();
            e.0 += ok as usize;
            e.1 += 1;
        }
        let e = scores.fields.entry("modality".into()).or_default();
        e.0 += (s.get("modality") == g.get("modality")) as usize;
        e.1 += 1;
        let ga = get(g, "attributed_to");
        if !ga.is_empty() {
            let sa = get(s, "attributed_to");
            let e = scores.fields.entry("attributed_to".into()).or_default();
            e.0 += (org_match(sa, ga) || fold(sa) == fold(ga)) as usize;
            e.1 += 1;
        }
        let gr = get(g, "role");
        if kind == "position" && !gr.is_empty() {
            let e = scores.fields.entry("role".into()).or_default();
            e.0 += content(get(s, "role")).intersection(&content(gr)).next().is_some() as usize;
            e.1 += 1;
        }
    }
    scores.spurious = system
        .iter()
        .enumerate()
        .filter(|(i, _)| !used.contains(i))
        .map(|(_, s)| (*s).clone())
        .collect();
    for (s, _) in &pairs {
        scores.by_rule.entry(rule_of(s)).or_default().found += 1;
    }
    for s in &scores.spurious {
        scores.by_rule.entry(rule_of(s)).or_default().spurious += 1;
    }
    scores
}

/// Reads JSON Lines of claims; blank lines are skipped. Errors name the line.
pub fn parse_jsonl(text: &str) -> Result<Vec<Claim>, String> {
    let mut out = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() {
            continue;
        }
        match serde_json::from_str::<Value>(line) {
            Ok(Value::Object(o)) => out.push(o),
            Ok(_) => return Err(format!("line {}: not a JSON object", n + 1)),
            Err(e) => return Err(format!("line {}: {e}", n + 1)),
        }
    }
    Ok(out)
}
