//! A labelled set made from the lists themselves, and precision and recall on it.
//!
//! The set follows the lists' own semantics. OFAC grades its aliases: a strong a.k.a. (in
//! `alt.csv`) is another name the person goes by, a weak one (quoted in the remarks: nicknames,
//! noms de guerre, common acronyms) is one OFAC says is not meant for screening. Many strong
//! aliases are still other names altogether ("Abu X" for a legal name), which no matcher can
//! reach from the primary name by spelling; asking it to would measure nothing about matching.
//! So the kinds of case, each a query with the entry it should find (or none), are:
//! - `variant` (scored): an OFAC person's strong alias (two or more name words) that writes
//!   the primary name another way (see [`variant`]: spelling, transliteration, word order,
//!   a word more or less), with the entry's nationality (as a case's person carries its
//!   country) and no birth date, against an index of the OFAC persons' primary names only,
//!   so that it must be found through its spelling, not through itself; an alias that is
//!   another listed person's primary name (its words in any order) names two people, and one
//!   that puts another family name before the primary's given names is another name
//!   ([`keeps_family_name`]): both are left out (after the sample is drawn, so that the rest
//!   stays as it was);
//! - `cross-list` (scored): a UK or UN person whose passport number is also an OFAC person's
//!   and whose names share a word with that person's (a number shared by two names with
//!   nothing in common is an error of one list), by its own primary name, birth date and
//!   nationality, against the full OFAC index;
//! - `namesake` (scored, hard negatives): an OFAC person's primary name, birth date and
//!   nationality, where another OFAC person (no shared passport) has the same surname and
//!   first given name by sound and birth years more than a year apart, against the full
//!   index less the person itself: it should find nothing;
//! - `negative` (scored): an OFAC person's surname after another person's given name, a
//!   combination no entry bears (not even in another spelling: compared by skeleton), which
//!   should find nothing;
//! - `other-name` and `weak` (reported, not scored): strong aliases that are other names, and
//!   weak aliases, against the primary names only: what spelling alone reaches of them (a
//!   case file finds these through the alias itself, which the full index holds).
//!
//! A case is right when the best candidate at or above [`MATCH`] is its entry (or an entry
//! of the same person: one sharing a passport number, or the primary name with birth dates
//! that do not disagree), and wrong when that candidate is another entry.

use std::collections::{HashMap, HashSet};

use crate::matching::model::Features;
use crate::matching::{Index, MATCH, Query, UNSURE};
use crate::{Entry, EntryKind, IdKind, NameQuality, dates};

/// The kinds of case that count in the overall figures; the others are reported apart.
pub const SCORED: &[&str] = &["variant", "cross-list", "namesake", "negative"];

/// One labelled query.
#[derive(Clone, Debug)]
pub struct Case {
    /// "variant", "cross-list", "namesake", "negative", "other-name" or "weak".
    pub kind: &'static str,
    /// What is looked for.
    pub query: Query,
    /// The index entry it should find.
    pub gold: Option<usize>,
    /// An entry of the index the query was made from, and so left out of the answers
    /// (`namesake`: the person itself).
    pub exclude: Option<usize>,
    /// The record id of the OFAC entry the case was made from (its answer, the person itself,
    /// or the bearer of the surname), which says its [`Case::half`].
    pub record: String,
}

impl Case {
    /// 0 or 1: the parity of the record id the case was made from, so that the set splits in
    /// two halves with no entry in both (one to tune on, one to check on).
    pub fn half(&self) -> usize {
        let digits: String = self.record.chars().filter(char::is_ascii_digit).collect();
        let last = digits.chars().last().and_then(|c| c.to_digit(10));
        last.map_or_else(|| self.record.len() % 2, |d| d as usize % 2)
    }
}

/// Counts for one kind of case, or all.
#[derive(Clone, Debug, Default)]
pub struct Counts {
    /// Cases.
    pub cases: usize,
    /// Right matches.
    pub tp: usize,
    /// Wrong matches.
    pub fp: usize,
    /// Entries not found at or above the threshold.
    pub fn_: usize,
    /// Entries found only in the unsure band (counted in `fn_`).
    pub unsure: usize,
}

impl Counts {
    /// Precision.
    pub fn precision(&self) -> f64 {
        ratio(self.tp, self.tp + self.fp)
    }
    /// Recall.
    pub fn recall(&self) -> f64 {
        ratio(self.tp, self.tp + self.fn_)
    }
    /// F1.
    pub fn f1(&self) -> f64 {
        let (p, r) = (self.precision(), self.recall());
        if p + r == 0.0 { 0.0 } else { 2.0 * p * r / (p + r) }
    }
}

fn ratio(a: usize, b: usize) -> f64 {
    if b == 0 { 1.0 } else { a as f64 / b as f64 }
}

fn passports(e: &Entry) -> impl Iterator<Item = String> + '_ {
    e.identifiers
        .iter()
        .filter(|i| i.kind == IdKind::Passport)
        .map(|i| i.key())
        .filter(|k| k.len() >= 6)
}

fn words(name: &str) -> usize {
    resolve::names::name_words(name).len()
}

/// Levenshtein distance on characters.
fn levenshtein(a: &[char], b: &[char]) -> usize {
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for (i, x) in a.iter().enumerate() {
        row[0] = i + 1;
        for (j, y) in b.iter().enumerate() {
            row[j + 1] = (prev[j] + usize::from(x != y)).min(prev[j + 1] + 1).min(row[j] + 1);
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

/// Whether two names of one entry are one name written two ways: both have two words or more
/// (folded, particles and titles dropped), and every word of the shorter meets its own word of
/// the longer that is at most half rewritten (edit distance at most half the longer word) or
/// that it is the initial of. Deliberately plain and apart from the matcher's skeletons, so
/// that the set does not grade the matcher on its own rules: "Yosef"/"Joseph", "Tselikovec"/
/// "Tselikaviets" and a name with or without a middle name are variants; "Abu Mahdi" for a
/// legal name is not.
pub fn variant(a: &str, b: &str) -> bool {
    let (a, b) = (resolve::names::name_words(a), resolve::names::name_words(b));
    if a.len() < 2 || b.len() < 2 {
        return false;
    }
    let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
    let long: Vec<Vec<char>> = long.iter().map(|w| w.chars().collect()).collect();
    let mut used = vec![false; long.len()];
    // Closest pairs first, so that one loose pair does not take a word another needs.
    let mut pairs: Vec<(f32, usize, usize)> = Vec::new();
    for (i, w) in short.iter().enumerate() {
        let w: Vec<char> = w.chars().collect();
        for (j, v) in long.iter().enumerate() {
            let initial = (w.len() == 1 || v.len() == 1) && w.first() == v.first();
            let d = levenshtein(&w, v) as f32 / w.len().max(v.len()) as f32;
            if initial || d <= 0.5 {
                pairs.push((if initial { 0.5 } else { d }, i, j));
            }
        }
    }
    pairs.sort_by(|x, y| x.0.total_cmp(&y.0));
    let mut met = vec![false; short.len()];
    for (_, i, j) in pairs {
        if !met[i] && !used[j] {
            met[i] = true;
            used[j] = true;
        }
    }
    met.iter().all(|m| *m)
}

/// Whether an alias written "SURNAME, Given" keeps a family name of the primary name: some
/// word before its comma is some word of the primary name at most half rewritten (as
/// [`variant`] reads words). OFAC writes the family name first; an alias that only writes the
/// primary name another way keeps it (spelt another way, or moved among the given names), and
/// one that puts another family name there with the primary's given names after it ("NISBA,
/// Piet Oranje" for "ORANJE, Piet", a nickname, a father's name) is another name, which
/// [`variant`] alone lets through when the alias is the longer name. An alias without a comma
/// says nothing of its family name and is kept.
pub fn keeps_family_name(alias: &str, primary: &str) -> bool {
    let Some((surname, _)) = alias.split_once(',') else { return true };
    let surname = resolve::names::name_words(surname);
    if surname.is_empty() {
        return true;
    }
    let primary: Vec<Vec<char>> =
        resolve::names::name_words(primary).iter().map(|w| w.chars().collect()).collect();
    surname.iter().any(|w| {
        let w: Vec<char> = w.chars().collect();
        primary.iter().any(|v| 2 * levenshtein(&w, v) <= w.len().max(v.len()))
    })
}

/// Whether some word of one entry's names is some word of the other's at most a third
/// rewritten (stricter than [`variant`]'s half, which lets "Azim" meet "Ali").
fn shares_a_word(a: &Entry, b: &Entry) -> bool {
    let words = |e: &Entry| -> Vec<Vec<char>> {
        e.names
            .iter()
            .flat_map(|n| resolve::names::name_words(&n.name))
            .map(|w| w.chars().collect())
            .collect()
    };
    let (a, b) = (words(a), words(b));
    a.iter().any(|w| b.iter().any(|v| 3 * levenshtein(w, v) <= w.len().max(v.len())))
}

fn years(e: &Entry) -> Vec<i32> {
    e.birth_dates.iter().filter_map(|d| dates::year(d)).collect()
}

/// Whether two entries are the same person as far as the lists tell: the same entry, a
/// shared passport number, or the same primary name with birth years that do not disagree.
fn same_person(x: &Entry, y: &Entry) -> bool {
    if passports(x).any(|k| passports(y).any(|l| l == k)) {
        return true;
    }
    if x.primary() != y.primary() {
        return false;
    }
    let (a, b) = (years(x), years(y));
    a.is_empty() || b.is_empty() || a.iter().any(|p| b.iter().any(|q| p.abs_diff(*q) <= 1))
}

fn query_of(e: &Entry, name: &str) -> Query {
    Query {
        name: name.to_string(),
        kind: Some(EntryKind::Person),
        birth_date: e.birth_dates.first().cloned(),
        nationality: e.nationalities.first().cloned(),
        role: None,
    }
}

/// The two indexes and the cases: `ofac` is the OFAC SDN set with its aliases merged,
/// `others` the UK and UN entries. At most `per_kind` cases of each kind, taken evenly.
pub fn build(ofac: &[Entry], others: &[Entry], per_kind: usize) -> (Index, Index, Vec<Case>) {
    let persons: Vec<&Entry> = ofac.iter().filter(|e| e.kind == EntryKind::Person).collect();
    let primaries: Vec<Entry> = persons
        .iter()
        .map(|e| {
            let mut p = (*e).clone();
            p.names.truncate(1);
            p
        })
        .collect();
    let full: Vec<Entry> = persons.iter().map(|e| (*e).clone()).collect();
    let mut cases = Vec::new();

    // Another person's primary name, as words in any order: an alias that is one names two
    // listed people, and which one the query means no matcher can say.
    let sorted_words = |name: &str| {
        let mut w = resolve::names::name_words(name);
        w.sort();
        w
    };
    let mut primary_of: HashMap<Vec<String>, Vec<usize>> = HashMap::new();
    for (i, e) in persons.iter().enumerate() {
        primary_of.entry(sorted_words(e.primary())).or_default().push(i);
    }
    let (mut variants, mut other_names, mut weak) = (Vec::new(), Vec::new(), Vec::new());
    for (i, e) in persons.iter().enumerate() {
        for n in e.names.iter().skip(1) {
            if words(&n.name) < 2 {
                continue;
            }
            let kind = match n.quality {
                NameQuality::Weak => "weak",
                NameQuality::Alias | NameQuality::Former if variant(&n.name, e.primary()) => {
                    "variant"
                }
                NameQuality::Alias | NameQuality::Former => "other-name",
                _ => continue,
            };
            // With the entry's nationality, as a case's person carries its country.
            let query = Query {
                kind: Some(EntryKind::Person),
                nationality: e.nationalities.first().cloned(),
                ..Query::name(&n.name)
            };
            let case = Case { kind, query, gold: Some(i), exclude: None, record: e.record.clone() };
            match kind {
                "variant" => variants.push(case),
                "weak" => weak.push(case),
                _ => other_names.push(case),
            }
        }
    }
    // Left out after the sample is drawn, so that the rest of the sample stays as it was.
    // So is an alias with another family name ([`keeps_family_name`]).
    cases.extend(evenly(variants, per_kind).into_iter().filter(|c| {
        let gold = persons[c.gold.unwrap_or_default()];
        if !keeps_family_name(&c.query.name, gold.primary()) {
            return false;
        }
        !primary_of
            .get(&sorted_words(&c.query.name))
            .is_some_and(|bearers| bearers.iter().any(|&b| !same_person(gold, persons[b])))
    }));

    let mut by_passport: HashMap<String, usize> = HashMap::new();
    for (i, e) in persons.iter().enumerate() {
        for k in passports(e) {
            by_passport.entry(k).or_insert(i);
        }
    }
    let mut cross = Vec::new();
    for e in others.iter().filter(|e| e.kind == EntryKind::Person) {
        // A passport number shared by people whose names share no word is an error of one
        // list, not one person: the UK list gives a man the numbers OFAC gives another man
        // designated with him, whose own entry bears his name as an alias.
        let linked = passports(e)
            .filter_map(|k| by_passport.get(&k))
            .find(|&&g| shares_a_word(e, persons[g]));
        if let Some(&gold) = linked {
            cross.push(Case {
                kind: "cross-list",
                query: query_of(e, e.primary()),
                gold: Some(gold),
                exclude: None,
                record: persons[gold].record.clone(),
            });
        }
    }
    cases.extend(evenly(cross, per_kind));
    cases.extend(evenly(namesakes(&persons), per_kind));

    // Negatives: a surname with another person's given name, where no entry bears both.
    let split: Vec<(String, String, &str)> = persons
        .iter()
        .filter_map(|e| {
            let (surname, given) = e.primary().split_once(',')?;
            let given = given.split_whitespace().next()?;
            Some((surname.trim().to_string(), given.to_string(), e.record.as_str()))
        })
        .collect();
    let borne: HashSet<(String, String)> = persons
        .iter()
        .flat_map(|e| e.names.iter())
        .flat_map(|n| {
            let w: Vec<String> = resolve::names::name_words(&n.name)
                .iter()
                .map(|w| resolve::names::skeleton(w))
                .collect();
            let pairs: Vec<(String, String)> =
                w.iter().flat_map(|a| w.iter().map(move |b| (a.clone(), b.clone()))).collect();
            pairs
        })
        .collect();
    let mut negative = Vec::new();
    for (i, (surname, _, record)) in split.iter().enumerate() {
        let (_, given, _) = &split[(i * 7919 + 13) % split.len()];
        let (sw, gw) = (resolve::names::name_words(surname), resolve::names::name_words(given));
        let (Some(s), Some(g)) = (sw.last(), gw.first()) else { continue };
        let (gs, ss) = (resolve::names::skeleton(g), resolve::names::skeleton(s));
        // A title taken for a given name ("Dr.", "Sheikh") leaves the surname alone.
        let name = format!("{given} {surname}");
        if borne.contains(&(gs, ss)) || resolve::names::name_words(&name).len() <= sw.len() {
            continue;
        }
        negative.push(Case {
            kind: "negative",
            query: Query::name(&name),
            gold: None,
            exclude: None,
            record: record.to_string(),
        });
    }
    cases.extend(evenly(negative, per_kind));
    cases.extend(evenly(other_names, per_kind));
    cases.extend(evenly(weak, per_kind));
    (Index::new(primaries), Index::new(full), cases)
}

/// Hard negatives: people filed under (surname, first given name) by sound; within a group,
/// each person whose birth years are all more than a year from another's (and who shares no
/// passport with it) is a query that must not find that other.
fn namesakes(persons: &[&Entry]) -> Vec<Case> {
    let mut groups: HashMap<(String, String), Vec<usize>> = HashMap::new();
    for (i, e) in persons.iter().enumerate() {
        let Some((surname, given)) = e.primary().split_once(',') else { continue };
        let (sw, gw) = (resolve::names::name_words(surname), resolve::names::name_words(given));
        let (Some(s), Some(g)) = (sw.last(), gw.first()) else { continue };
        if years(e).is_empty() {
            continue;
        }
        groups
            .entry((resolve::names::skeleton(s), resolve::names::skeleton(g)))
            .or_default()
            .push(i);
    }
    let mut keys: Vec<_> = groups.keys().cloned().collect();
    keys.sort();
    let mut out = Vec::new();
    for k in keys {
        let group = &groups[&k];
        for &a in group {
            let ya = years(persons[a]);
            let apart = group.iter().any(|&b| {
                b != a
                    && !passports(persons[a]).any(|p| passports(persons[b]).any(|q| p == q))
                    && years(persons[b]).iter().all(|y| ya.iter().all(|x| x.abs_diff(*y) > 1))
            });
            if apart {
                out.push(Case {
                    kind: "namesake",
                    query: query_of(persons[a], persons[a].primary()),
                    gold: None,
                    exclude: Some(a),
                    record: persons[a].record.clone(),
                });
            }
        }
    }
    out
}

fn evenly(cases: Vec<Case>, n: usize) -> Vec<Case> {
    if cases.len() <= n || n == 0 {
        return cases;
    }
    let step = cases.len() as f64 / n as f64;
    (0..n).map(|i| cases[(i as f64 * step) as usize].clone()).collect()
}

/// The candidates of the scored cases as the learned score reads them, each labelled right
/// (the case's entry, or the same person) or wrong, in the cases' order: what
/// [`crate::matching::model::Model::train`] learns from.
pub fn examples(aliases: &Index, full: &Index, cases: &[Case]) -> Vec<(Features, bool)> {
    let mut out = Vec::new();
    for case in cases.iter().filter(|c| SCORED.contains(&c.kind)) {
        let index =
            if matches!(case.kind, "variant" | "other-name" | "weak") { aliases } else { full };
        let same =
            |a: usize, b: usize| a == b || same_person(&index.entries()[a], &index.entries()[b]);
        for (entry, x) in index.features(&case.query) {
            if case.exclude.is_some_and(|e| same(e, entry)) {
                continue;
            }
            out.push((x, case.gold.is_some_and(|g| same(g, entry))));
        }
    }
    out
}

/// One wrong or missed case, for the report.
#[derive(Clone, Debug)]
pub struct Miss {
    /// The case's kind.
    pub kind: &'static str,
    /// The query's name.
    pub query: String,
    /// The entry's primary name it should have found, if any.
    pub gold: Option<String>,
    /// What it found instead, with the explanation, if anything.
    pub found: Option<String>,
    /// For a case with an entry to find: whether blocking read the entry's names, and their
    /// best hand name score however they were reached ([`Index::diagnose`]), then the score
    /// the matcher gave the entry, when it was a candidate.
    pub gold_seen: Option<(bool, Option<String>)>,
}

/// Scores the cases: per kind and overall, and the misses.
pub fn score(
    aliases: &Index,
    full: &Index,
    cases: &[Case],
) -> (Vec<(&'static str, Counts)>, Vec<Miss>) {
    let mut by_kind: Vec<(&'static str, Counts)> = Vec::new();
    let mut misses = Vec::new();
    for case in cases {
        let index =
            if matches!(case.kind, "variant" | "other-name" | "weak") { aliases } else { full };
        let same =
            |a: usize, b: usize| a == b || same_person(&index.entries()[a], &index.entries()[b]);
        let mut found = index.check(&case.query, 4, UNSURE);
        if let Some(x) = case.exclude {
            found.retain(|m| !same(x, m.entry));
        }
        let best = found.iter().find(|m| m.score >= MATCH);
        let at = match by_kind.iter().position(|(k, _)| *k == case.kind) {
            Some(i) => i,
            None => {
                by_kind.push((case.kind, Counts::default()));
                by_kind.len() - 1
            }
        };
        let c = &mut by_kind[at].1;
        c.cases += 1;
        let right = match (case.gold, best) {
            (Some(g), Some(m)) if same(g, m.entry) => {
                c.tp += 1;
                true
            }
            (Some(g), Some(_)) => {
                c.fp += 1;
                c.fn_ += 1;
                c.unsure += usize::from(found.iter().any(|m| same(g, m.entry)));
                false
            }
            (Some(g), None) => {
                c.fn_ += 1;
                c.unsure += usize::from(found.iter().any(|m| same(g, m.entry)));
                false
            }
            (None, Some(_)) => {
                c.fp += 1;
                false
            }
            (None, None) => true,
        };
        if !right {
            misses.push(Miss {
                kind: case.kind,
                query: case.query.name.clone(),
                gold: case.gold.map(|g| index.entries()[g].primary().to_string()),
                gold_seen: case.gold.map(|g| {
                    let (reached, best) = index.diagnose(&case.query, g);
                    // And what the matcher made of it, the learned score with its lines,
                    // when blocking reached it.
                    let scored =
                        index.check(&case.query, 64, 0.0).into_iter().find(|m| same(g, m.entry));
                    let best = best.map(|b| match scored {
                        Some(m) => {
                            format!("{}; scored {:.2}: {}", b.explain(), m.score, m.explain())
                        }
                        None => b.explain(),
                    });
                    (reached, best)
                }),
                found: best.or(found.first()).map(|m| {
                    format!(
                        "{} ({:.2}: {})",
                        index.entries()[m.entry].names[m.name].name,
                        m.score,
                        m.explain()
                    )
                }),
            });
        }
    }
    let mut all = Counts::default();
    for (_, c) in by_kind.iter().filter(|(k, _)| SCORED.contains(k)) {
        all.cases += c.cases;
        all.tp += c.tp;
        all.fp += c.fp;
        all.fn_ += c.fn_;
        all.unsure += c.unsure;
    }
    by_kind.push(("all", all));
    (by_kind, misses)
}

/// `n` generated people and bodies to match against the lists for throughput: invented
/// names from syllables, one in ten a listed name with a letter changed (so that blocks
/// are hit as real names hit them), deterministic.
pub fn generated(n: usize, entries: &[Entry]) -> Vec<Query> {
    const SYLLABLES: &[&str] = &[
        "ka", "ri", "mo", "sa", "lin", "dor", "ve", "na", "tam", "bu", "el", "zor", "pi", "gan",
        "ha", "mir", "os", "te", "quo", "fel", "ru", "dan", "shi", "ak",
    ];
    let mut state: u64 = 0x9e37_79b9_7f4a_7c15;
    let mut next = move || {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        state
    };
    let word = |next: &mut dyn FnMut() -> u64| {
        let k = 2 + (next() % 2) as usize;
        let mut w: String =
            (0..k).map(|_| SYLLABLES[(next() % SYLLABLES.len() as u64) as usize]).collect();
        if let Some(first) = w.get_mut(..1) {
            first.make_ascii_uppercase();
        }
        w
    };
    (0..n)
        .map(|i| {
            let r = next();
            if i % 10 == 0 && !entries.is_empty() {
                let e = &entries[(r % entries.len() as u64) as usize];
                let mut name: Vec<char> = e.primary().chars().collect();
                if name.len() > 3 {
                    let at = 1 + (next() as usize % (name.len() - 2));
                    name[at] = 'e';
                }
                return Query {
                    name: name.into_iter().collect(),
                    kind: Some(e.kind),
                    ..Query::default()
                };
            }
            if r % 5 == 0 {
                let name = format!("{} {} Trading", word(&mut next), word(&mut next));
                Query { name, kind: Some(EntryKind::Body), ..Query::default() }
            } else {
                let name = format!("{} {}", word(&mut next), word(&mut next));
                Query { name, kind: Some(EntryKind::Person), ..Query::default() }
            }
        })
        .collect()
}
