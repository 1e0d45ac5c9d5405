//! A literal prefilter for the pattern rules: one pass over a sentence tells which rules can
//! match it at all, so that only those run their regex.
//!
//! Why: each of the ~230 rules used to scan every sentence with its own lazy DFA; that was
//! half of the claims stage's time, although almost every rule matches almost no sentence.
//! Most rules need some word ("appointed", "sanction", "warrant") that a sentence either has or
//! lacks. For every rule we derive, from its regex's syntax tree, up to [`MAX_SETS`] sets of
//! literal strings, each of which must have one string occurring in any text the regex
//! matches (the "required" sets: a pattern `{holder:PER} ... {role:ROLE} to` needs a
//! person's placeholder AND a role's AND " to "); all rules' strings go into one Aho-Corasick
//! automaton that runs once over the case-folded sentence, and a rule runs only where every
//! one of its sets is met. One set alone let a rule that names a person through on most
//! sentences; the regex it then ran, cold in the CPU's caches, cost ten times a warm one.
//! A rule whose regex yields no useful set (fewer than three characters are required) always
//! runs. The prefilter only ever says "cannot match": a rule it lets through still runs its
//! regex, so output never changes (debug builds assert it on every sentence).

use aho_corasick::AhoCorasick;
use regex_syntax::hir::{Class, Hir, HirKind};

/// Sets larger than this are given up on: they would not be selective anyway.
const MAX_SET: usize = 64;
/// A class with more characters than this is not a literal.
const MAX_CLASS: u32 = 8;
/// Required strings shorter than this (in characters) select almost nothing.
const MIN_LEN: usize = 3;
/// At most this many required sets per rule (the most selective ones): a bit each.
const MAX_SETS: usize = 8;

/// Which rules can match a sentence.
#[derive(Debug)]
pub(crate) struct Prefilter {
    automaton: Option<AhoCorasick>,
    /// For each literal of the automaton, the rules that require it and which of their sets
    /// it belongs to (as a bit).
    owners: Vec<Vec<(usize, u8)>>,
    /// For each rule, the bits of all its sets: it may match where all are met.
    needs: Vec<u8>,
    /// Rules that always run: no required literal was found.
    always: Vec<usize>,
    rules: usize,
}

impl Prefilter {
    /// Builds the prefilter from each rule's final regex source (`None`: always run).
    pub(crate) fn new<'a>(patterns: impl IntoIterator<Item = &'a str>) -> Prefilter {
        let mut literals: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<(usize, u8)>> = Vec::new();
        let mut needs = Vec::new();
        let mut always = Vec::new();
        for (i, pattern) in patterns.into_iter().enumerate() {
            let sets = required_literals(pattern);
            needs.push(if sets.is_empty() { 0 } else { u8::MAX >> (8 - sets.len()) });
            if sets.is_empty() {
                always.push(i);
            }
            for (bit, set) in sets.into_iter().enumerate() {
                for lit in set {
                    let owner = (i, 1u8 << bit);
                    match literals.iter().position(|l| *l == lit) {
                        Some(k) => owners[k].push(owner),
                        None => {
                            literals.push(lit);
                            owners.push(vec![owner]);
                        }
                    }
                }
            }
        }
        let rules = needs.len();
        // Building can only fail on absurd sizes; then every rule simply runs.
        let automaton = AhoCorasick::new(&literals).ok();
        if automaton.is_none() {
            always = (0..rules).collect();
        }
        Prefilter { automaton, owners, needs, always, rules }
    }

    /// `out[i]` is false when rule `i` cannot match `text`.
    pub(crate) fn candidates(&self, text: &str, out: &mut Vec<bool>) {
        out.clear();
        out.resize(self.rules, false);
        for &i in &self.always {
            out[i] = true;
        }
        let Some(ac) = &self.automaton else { return };
        let folded = fold(text);
        let mut seen = vec![false; self.owners.len()];
        let mut met = vec![0u8; self.rules];
        for m in ac.find_overlapping_iter(&folded) {
            let k = m.pattern().as_usize();
            if !seen[k] {
                seen[k] = true;
                for &(i, bit) in &self.owners[k] {
                    met[i] |= bit;
                }
            }
        }
        for (i, (&have, &need)) in met.iter().zip(&self.needs).enumerate() {
            if need != 0 && have == need {
                out[i] = true;
            }
        }
    }

    /// How many rules have a required literal (for tests and diagnostics).
    #[cfg(test)]
    pub(crate) fn filtered(&self) -> usize {
        self.rules - self.always.len()
    }
}

/// The case folding both sides agree on: lowercase, and the long s as s (the only other
/// character a case-insensitive ASCII letter class holds besides the Kelvin sign, which
/// lowercases to k by itself).
fn fold_char(c: char) -> impl Iterator<Item = char> {
    c.to_lowercase().map(|l| if l == 'ſ' { 's' } else { l })
}

fn fold(text: &str) -> String {
    text.chars().flat_map(fold_char).collect()
}

/// Sets of literals of which each must have one occur (folded) in any match of `pattern`:
/// the most selective ones, at most [`MAX_SETS`]; none when no selective set exists.
pub(crate) fn required_literals(pattern: &str) -> Vec<Vec<String>> {
    let Ok(hir) = regex_syntax::parse(pattern) else { return Vec::new() };
    let mut sets: Vec<Vec<String>> = Vec::new();
    for set in required_all(&hir) {
        if score(&set).1 >= MIN_LEN && !sets.contains(&set) {
            sets.push(set);
        }
    }
    sets.sort_by_key(|s| std::cmp::Reverse(score(s)));
    sets.truncate(MAX_SETS);
    sets
}

/// How selective a set is: the length of its shortest string (0 for the empty set, which
/// would claim that nothing can match), first counting only the letters of words that are
/// neither placeholders ("⟦per:" is in most sentences; "died" is not) nor the commonest
/// function words, then all characters.
fn score(set: &[String]) -> (usize, usize) {
    const COMMON: &[&str] = &[
        "a", "an", "and", "are", "as", "at", "be", "been", "by", "for", "had", "has", "have", "he",
        "his", "in", "is", "it", "of", "on", "said", "she", "that", "the", "to", "was", "were",
        "with",
    ];
    let words = |s: &String| {
        s.split(' ')
            .filter(|w| !w.contains(['⟦', '⟧']) && !COMMON.contains(w))
            .map(|w| w.chars().count())
            .sum::<usize>()
    };
    let raw = set.iter().map(|s| s.chars().count()).min().unwrap_or(0);
    (set.iter().map(words).min().unwrap_or(0), raw)
}

/// Every string `h` can match, folded, when that is a small finite set.
fn exact(h: &Hir) -> Option<Vec<String>> {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => Some(vec![String::new()]),
        HirKind::Literal(lit) => Some(vec![fold(std::str::from_utf8(&lit.0).ok()?)]),
        HirKind::Class(Class::Unicode(c)) => {
            let mut size = 0;
            let mut out: Vec<String> = Vec::new();
            for r in c.ranges() {
                size += u32::from(r.end()) - u32::from(r.start()) + 1;
                if size > MAX_CLASS {
                    return None;
                }
                for ch in r.start()..=r.end() {
                    let f: String = fold_char(ch).collect();
                    if !out.contains(&f) {
                        out.push(f);
                    }
                }
            }
            Some(out)
        }
        HirKind::Class(Class::Bytes(_)) => None,
        HirKind::Capture(c) => exact(&c.sub),
        HirKind::Repetition(r) => {
            let max = r.max?;
            if max > 3 {
                return None;
            }
            let one = exact(&r.sub)?;
            let mut all = Vec::new();
            let mut power = vec![String::new()];
            for n in 0..=max {
                if n >= r.min {
                    extend_unique(&mut all, &power);
                }
                if n < max {
                    power = product(&power, &one)?;
                }
            }
            (all.len() <= MAX_SET).then_some(all)
        }
        HirKind::Concat(parts) => {
            let mut acc = vec![String::new()];
            for p in parts {
                acc = product(&acc, &exact(p)?)?;
            }
            Some(acc)
        }
        HirKind::Alternation(alts) => union(alts, exact),
    }
}

/// A set of folded strings one of which occurs in every match of `h`.
fn required(h: &Hir) -> Option<Vec<String>> {
    // The most selective of the sets that all hold.
    required_all(h).into_iter().max_by_key(|set| score(set)).filter(|set| score(set).1 > 0)
}

/// Sets of folded strings such that each has one occurring in every match of `h`.
fn required_all(h: &Hir) -> Vec<Vec<String>> {
    if let Some(set) = exact(h)
        && score(&set).1 > 0
    {
        return vec![set];
    }
    match h.kind() {
        HirKind::Capture(c) => required_all(&c.sub),
        HirKind::Repetition(r) if r.min >= 1 => required_all(&r.sub),
        HirKind::Alternation(alts) => union(alts, required).into_iter().collect(),
        HirKind::Concat(parts) => {
            // Each run of adjacent exact parts joined into longer strings, and each other
            // part's own required sets: a match holds every one of them.
            let mut all = Vec::new();
            let mut run: Option<Vec<String>> = None;
            for p in parts {
                match exact(p) {
                    Some(set) => {
                        run = match run.take() {
                            None => Some(set),
                            Some(r) => match product(&r, &set) {
                                Some(joined) => Some(joined),
                                None => {
                                    // Too many combinations: keep what the run had, start
                                    // again from this part.
                                    all.push(r);
                                    Some(set)
                                }
                            },
                        };
                    }
                    None => {
                        all.extend(run.take());
                        all.extend(required_all(p));
                    }
                }
            }
            all.extend(run);
            all.retain(|set| score(set).1 > 0);
            all
        }
        _ => Vec::new(),
    }
}

/// The union of each alternative's set, if every alternative has one and the union stays
/// small.
fn union(alts: &[Hir], set_of: fn(&Hir) -> Option<Vec<String>>) -> Option<Vec<String>> {
    let mut all = Vec::new();
    for a in alts {
        extend_unique(&mut all, &set_of(a)?);
        if all.len() > MAX_SET {
            return None;
        }
    }
    Some(all)
}

fn product(a: &[String], b: &[String]) -> Option<Vec<String>> {
    if a.len() * b.len() > MAX_SET {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            let s = format!("{x}{y}");
            if !out.contains(&s) {
                out.push(s);
            }
        }
    }
    Some(out)
}

fn extend_unique(into: &mut Vec<String>, from: &[String]) {
    for s in from {
        if !into.contains(s) {
            into.push(s.clone());
        }
    }
}

#[cfg(test)]
#[path = "prefilter_tests.rs"]
mod tests;
