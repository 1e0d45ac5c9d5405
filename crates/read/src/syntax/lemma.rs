//! The lemmatizer: suffix rules keyed by part of speech, plus the exceptions to them, all
//! learned from the treebank's LEMMA column.
//!
//! A lemma is an edit of the word: lowercase it or keep its case, cut some characters from the
//! end, add some ("studies" NOUN: lowercase, cut 3, add "y"; "Americans" PROPN: keep, cut 1).
//! Rules map a part of speech and the end of a word to the edit most word types with that end
//! take; a word whose own edit differs from what the rules say is an exception, kept whole
//! ("went" VERB → "go", "n't" PART → "not"). A rule changes no more than its ending. For a
//! word training never saw, whose rule makes a lemma the treebank never gave its part of
//! speech, the first known lemma that another edit of its endings makes is likelier right
//! ("hassled": the rule says "hassl", the treebank knows "hassle"); a number grouped by
//! commas loses them, as the treebank writes every such lemma.

use std::collections::{BTreeMap, BTreeSet, HashMap};
use std::io::Write;

use super::{ModelError, Upos};
use crate::perceptron::{FxMap, Reader, write_str};

/// The longest word ending a rule looks at, in characters.
const MAX_SUFFIX: usize = 6;

/// Which form of the word an edit starts from.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) enum Case {
    /// Lowercased ("The" → "the").
    Lower,
    /// As written ("NATO", "Kestrel").
    Keep,
    /// Capitalised, the rest lowercase ("i" → "I", "french" → "French", "OSLO" → "Oslo").
    Title,
}

/// How a lemma is made from a word.
#[derive(Clone, Debug, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub(super) struct Edit {
    /// The form it starts from.
    pub(super) case: Case,
    /// Characters cut from the end.
    pub(super) cut: u32,
    /// Then added.
    pub(super) add: String,
}

fn cased(form: &str, case: Case) -> String {
    match case {
        Case::Lower => form.to_lowercase(),
        Case::Keep => form.to_string(),
        Case::Title => {
            let mut chars = form.chars();
            chars.next().map_or_else(String::new, |c| {
                c.to_uppercase().chain(chars.flat_map(char::to_lowercase)).collect()
            })
        }
    }
}

impl Edit {
    /// The edit from `form` to `lemma` starting from `case`.
    fn from_case(form: &str, lemma: &str, case: Case) -> Edit {
        let base = cased(form, case);
        let common = base.chars().zip(lemma.chars()).take_while(|(a, b)| a == b).count();
        let cut = (base.chars().count() - common) as u32;
        Edit { case, cut, add: lemma.chars().skip(common).collect() }
    }

    /// The cheapest edit from `form` to `lemma`; of equal ones, lowercase, then as written.
    pub(super) fn between(form: &str, lemma: &str) -> Edit {
        let cost = |e: &Edit| e.cut as usize + e.add.chars().count();
        [Case::Lower, Case::Keep, Case::Title]
            .map(|c| Edit::from_case(form, lemma, c))
            .into_iter()
            .min_by_key(cost)
            .unwrap_or(Edit { case: Case::Keep, cut: 0, add: String::new() })
    }

    /// The edit applied to `form`; the form itself when the edit cuts more than there is or
    /// would leave nothing.
    pub(super) fn apply(&self, form: &str) -> String {
        self.apply_to(form, &form.to_lowercase())
    }

    /// [`Edit::apply`] given the form's lowercase too (`form.to_lowercase()`): the lemma is
    /// made in one allocation, where the common edits start from the word as written or
    /// lowercased.
    pub(super) fn apply_to(&self, form: &str, lower: &str) -> String {
        let title;
        let base: &str = match self.case {
            Case::Lower => lower,
            Case::Keep => form,
            Case::Title => {
                title = cased(form, Case::Title);
                &title
            }
        };
        let n = base.chars().count();
        if self.cut as usize > n || (self.cut as usize == n && self.add.is_empty()) {
            return form.to_string();
        }
        let cut = base.char_indices().nth(n - self.cut as usize).map_or(base.len(), |(b, _)| b);
        let mut out = String::with_capacity(cut + self.add.len());
        out.push_str(&base[..cut]);
        out.push_str(&self.add);
        out
    }
}

/// The last `n` characters of `s`, or `None` when it is shorter.
fn ending(s: &str, n: usize) -> Option<&str> {
    if n == 0 {
        return Some("");
    }
    let (b, _) = s.char_indices().rev().nth(n - 1)?;
    Some(&s[b..])
}

/// The key of a word's rules: its part of speech, and for adjectives whether it is capitalised
/// inside a sentence (the treebank keeps the capital of "Hidden" or "New" in a name; other
/// parts of speech have too few such words to learn from them apart).
fn class(form: &str, upos: Upos, first: bool) -> u8 {
    let capitalised = upos == Upos::Adj && !first && form.starts_with(char::is_uppercase);
    (upos.index() + if capitalised { Upos::ALL.len() } else { 0 }) as u8
}

/// The learned rules and exceptions.
#[derive(Clone, Default)]
pub(super) struct Lemmatizer {
    /// (class, lowercase word ending) → edit.
    rules: HashMap<(u8, String), Edit>,
    /// (class, lowercase word) → edit.
    exceptions: HashMap<(u8, String), Edit>,
    /// (class, lowercase word, next word's part of speech) → edit, for the few words whose
    /// lemma the treebank gives by a finer tag that the next word tells apart ("her" before a
    /// noun is "her", elsewhere "she").
    before: HashMap<(u8, String, u8), Edit>,
    /// (class, lowercase word ending) → the edit second most word types with it take, where
    /// two or more do: tried when the rule's lemma is not a known one ("closest" ADJ: the
    /// rule makes "clos"; a second edit, cutting "st", makes the known "close").
    seconds: HashMap<(u8, String), Edit>,
    /// The lemmas the treebank gives each part of speech (by [`Upos::index`]).
    known: Vec<BTreeSet<String>>,
    /// The same tables keyed so that a lookup allocates nothing.
    lookup: Lookup,
}

/// The tables of a [`Lemmatizer`] for tagging: one map a class (and for `before`, a class and
/// next word's key), looked up with the word or ending as it is.
#[derive(Clone, Default)]
struct Lookup {
    rules: Vec<FxMap<String, Edit>>,
    exceptions: Vec<FxMap<String, Edit>>,
    before: Vec<FxMap<String, Edit>>,
    seconds: Vec<FxMap<String, Edit>>,
    known: Vec<FxMap<String, ()>>,
}

/// Classes: each part of speech, and adjectives capitalised inside a sentence.
const CLASSES: usize = 2 * Upos::ALL.len();
/// Keys of the next word: each part of speech, and the sentence's end.
const NEXT: usize = Upos::ALL.len() + 1;

impl Lookup {
    fn of(lemmatizer: &Lemmatizer) -> Lookup {
        let by_class = |table: &HashMap<(u8, String), Edit>| {
            let mut maps = vec![FxMap::default(); CLASSES];
            for ((class, s), edit) in table {
                if let Some(map) = maps.get_mut(usize::from(*class)) {
                    map.insert(s.clone(), edit.clone());
                }
            }
            maps
        };
        let mut before = vec![FxMap::default(); CLASSES * NEXT];
        for ((class, s, next), edit) in &lemmatizer.before {
            if let Some(map) = before.get_mut(usize::from(*class) * NEXT + usize::from(*next)) {
                map.insert(s.clone(), edit.clone());
            }
        }
        Lookup {
            rules: by_class(&lemmatizer.rules),
            exceptions: by_class(&lemmatizer.exceptions),
            before,
            seconds: by_class(&lemmatizer.seconds),
            known: lemmatizer
                .known
                .iter()
                .map(|lemmas| lemmas.iter().map(|l| (l.clone(), ())).collect())
                .collect(),
        }
    }

    /// The edit the treebank gives this very word: the one for the word before `next`, else
    /// its exception.
    fn word_edit(&self, class: u8, lower: &str, next: u8) -> Option<&Edit> {
        let class = usize::from(class);
        if let Some(edit) =
            self.before.get(class * NEXT + usize::from(next)).and_then(|m| m.get(lower))
        {
            return Some(edit);
        }
        self.exceptions.get(class).and_then(|m| m.get(lower))
    }

    /// The rule of the word's longest ending that has one.
    fn rule(&self, class: u8, lower: &str) -> Option<&Edit> {
        let rules = self.rules.get(usize::from(class))?;
        (0..=MAX_SUFFIX).rev().filter_map(|n| ending(lower, n)).find_map(|e| rules.get(e))
    }

    fn is_known(&self, upos: Upos, lemma: &str) -> bool {
        self.known.get(upos.index()).is_some_and(|k| k.contains_key(lemma))
    }

    /// The first known lemma that the rules and second edits of the word's endings make,
    /// longest ending first, each ending's rule before its second edit.
    fn known_lemma(&self, class: u8, form: &str, lower: &str, upos: Upos) -> Option<String> {
        let (rules, seconds) =
            (self.rules.get(usize::from(class))?, self.seconds.get(usize::from(class))?);
        // The rule in force at each length: an ending without its own rule says what its
        // shorter ending says.
        let mut in_force: [Option<&Edit>; MAX_SUFFIX + 1] = [None; MAX_SUFFIX + 1];
        let mut last = None;
        for (n, slot) in in_force.iter_mut().enumerate() {
            let Some(e) = ending(lower, n) else { break };
            last = rules.get(e).or(last);
            *slot = last;
        }
        (0..=MAX_SUFFIX).rev().filter_map(|n| Some((n, ending(lower, n)?))).find_map(|(n, e)| {
            in_force[n]
                .into_iter()
                .chain(seconds.get(e))
                .map(|edit| edit.apply_to(form, lower))
                .find(|lemma| self.is_known(upos, lemma))
        })
    }
}

/// A number written with thousands separators without them ("1,100" → "1100"), as the
/// treebank writes the lemma of every such number (108 of 108 in EWT train); `None` for any
/// other word.
fn ungrouped(form: &str) -> Option<String> {
    let (whole, fraction) = form.split_once('.').unwrap_or((form, ""));
    let mut groups = whole.split(',');
    let first = groups.next()?;
    let digits = |g: &str| !g.is_empty() && g.bytes().all(|b| b.is_ascii_digit());
    let grouped = (1..=3).contains(&first.len())
        && digits(first)
        && whole.contains(',')
        && groups.all(|g| g.len() == 3 && digits(g))
        && (fraction.is_empty() && !form.ends_with('.') || digits(fraction));
    grouped.then(|| form.replace(',', ""))
}

/// How often each (form, lemma) pair was seen.
type Pairs = BTreeMap<(String, String), u32>;

/// The part of speech of the next word as the context table keys it (past the end: one more).
pub(super) fn next_key(next: Option<Upos>) -> u8 {
    next.map_or(Upos::ALL.len(), Upos::index) as u8
}

impl Lemmatizer {
    fn by_rule(&self, class: u8, lower: &str) -> Option<&Edit> {
        (0..=MAX_SUFFIX)
            .rev()
            .filter_map(|n| ending(lower, n))
            .find_map(|e| self.rules.get(&(class, e.to_string())))
    }

    /// The lemma of `form` used as `upos`; `first` when it begins its sentence.
    /// The edit of a word of `class` whatever comes next.
    fn edit(&self, class: u8, lower: &str) -> Option<&Edit> {
        self.exceptions.get(&(class, lower.to_string())).or_else(|| self.by_rule(class, lower))
    }

    /// The lemma of `form` used as `upos` before a word tagged `next` (see [`next_key`]);
    /// `first` when it begins its sentence.
    #[cfg(test)]
    pub(super) fn lemma(&self, form: &str, upos: Upos, next: u8, first: bool) -> String {
        self.lemma_of(form, &form.to_lowercase(), upos, next, first)
    }

    /// [`Lemmatizer::lemma`] given the word's lowercase form too.
    pub(super) fn lemma_of(
        &self,
        form: &str,
        lower: &str,
        upos: Upos,
        next: u8,
        first: bool,
    ) -> String {
        let class = class(form, upos, first);
        if let Some(edit) = self.lookup.word_edit(class, lower, next) {
            return edit.apply_to(form, lower);
        }
        if upos == Upos::Num
            && let Some(number) = ungrouped(form)
        {
            return number;
        }
        let Some(rule) = self.lookup.rule(class, lower) else { return form.to_string() };
        let lemma = rule.apply_to(form, lower);
        // A word the treebank never saw: where its rule makes no lemma the treebank knows for
        // the part of speech, another edit of its endings that makes one is likelier right.
        if self.lookup.is_known(upos, &lemma) {
            return lemma;
        }
        self.lookup.known_lemma(class, form, lower, upos).unwrap_or(lemma)
    }

    /// Learns rules and exceptions from (form, part of speech, next word's key, lemma, first in
    /// its sentence).
    pub(super) fn train<'a>(
        words: impl IntoIterator<Item = (&'a str, Upos, u8, &'a str, bool)>,
    ) -> Lemmatizer {
        // Each word type's edit: of the edits its occurrences take (in any case mode), the one
        // that gets most of them right ("I" and "i" both → "I"), then the most frequent.
        let mut seen: BTreeMap<(u8, String), Pairs> = BTreeMap::new();
        let mut seen_before: BTreeMap<(u8, String, u8), Pairs> = BTreeMap::new();
        let mut known = vec![BTreeSet::new(); Upos::ALL.len()];
        for (form, upos, next, lemma, first) in words {
            known[upos.index()].insert(lemma.to_string());
            let key = (class(form, upos, first), form.to_lowercase());
            let pair = (form.to_string(), lemma.to_string());
            *seen_before
                .entry((key.0, key.1.clone(), next))
                .or_default()
                .entry(pair.clone())
                .or_default() += 1;
            *seen.entry(key).or_default().entry(pair).or_default() += 1;
        }
        let most = |counts: &BTreeMap<Edit, u32>| -> Edit {
            let top = counts.values().copied().max().unwrap_or(0);
            counts.iter().find(|(_, n)| **n == top).map(|(e, _)| e.clone()).unwrap_or(Edit {
                case: Case::Lower,
                cut: 0,
                add: String::new(),
            })
        };
        let best = |pairs: &BTreeMap<(String, String), u32>| -> Edit {
            let mut frequency: BTreeMap<Edit, u32> = BTreeMap::new();
            for ((form, lemma), n) in pairs {
                *frequency.entry(Edit::between(form, lemma)).or_default() += n;
            }
            let mut candidates: BTreeMap<Edit, (u32, u32)> = BTreeMap::new();
            for (edit, n) in &frequency {
                for case in [Case::Lower, Case::Keep, Case::Title] {
                    let e = Edit { case, ..edit.clone() };
                    let right: u32 = pairs
                        .iter()
                        .filter(|((form, lemma), _)| e.apply(form) == *lemma)
                        .map(|(_, n)| n)
                        .sum();
                    let own = if case == edit.case { *n } else { 0 };
                    let slot = candidates.entry(e).or_default();
                    slot.0 = right;
                    slot.1 = slot.1.max(own);
                }
            }
            let top = candidates.values().copied().max().unwrap_or((0, 0));
            candidates
                .into_iter()
                .find(|(_, v)| *v == top)
                .map(|(e, _)| e)
                .unwrap_or_else(|| most(&frequency))
        };
        let types: Vec<((u8, String), Edit)> =
            seen.iter().map(|(k, pairs)| (k.clone(), best(pairs))).collect();
        // Rules: for every ending, the edit most word types with it take, of the edits that
        // change no more than that ending (a word's whole replacement, "better" → "good",
        // is no rule for other words that end in "-er").
        let mut by_ending: BTreeMap<(u8, String), BTreeMap<Edit, u32>> = BTreeMap::new();
        for ((upos, lower), edit) in &types {
            for n in edit.cut as usize..=MAX_SUFFIX {
                if let Some(e) = ending(lower, n) {
                    *by_ending
                        .entry((*upos, e.to_string()))
                        .or_default()
                        .entry(edit.clone())
                        .or_default() += 1;
                }
            }
        }
        let full: BTreeMap<(u8, String), Edit> =
            by_ending.iter().map(|(k, counts)| (k.clone(), most(counts))).collect();
        // The second edit of an ending: the most frequent after the rule's, with its ties
        // broken the same way.
        let seconds: HashMap<(u8, String), Edit> = by_ending
            .into_iter()
            .filter_map(|(k, counts)| {
                let rule = full.get(&k)?;
                let mut rest: Vec<(&Edit, u32)> =
                    counts.iter().filter(|(e, _)| *e != rule).map(|(e, n)| (e, *n)).collect();
                rest.sort_by_key(|(_, n)| std::cmp::Reverse(*n));
                let (edit, n) = rest.first()?;
                (*n >= 2).then(|| (k, (*edit).clone()))
            })
            .collect();
        // An ending that says what its shorter ending says adds nothing: the lookup falls
        // through to it.
        let mut rules = HashMap::new();
        for ((upos, e), edit) in &full {
            let parent = e.char_indices().nth(1).map(|(b, _)| &e[b..]).unwrap_or("");
            let inherited =
                if e.is_empty() { None } else { full.get(&(*upos, parent.to_string())) };
            if inherited != Some(edit) {
                rules.insert((*upos, e.clone()), edit.clone());
            }
        }
        let mut lemmatizer = Lemmatizer {
            rules,
            exceptions: HashMap::new(),
            before: HashMap::new(),
            seconds,
            known,
            lookup: Lookup::default(),
        };
        let mut exceptions = HashMap::new();
        for ((upos, lower), edit) in types {
            if lemmatizer.by_rule(upos, &lower) != Some(&edit) {
                exceptions.insert((upos, lower), edit);
            }
        }
        lemmatizer.exceptions = exceptions;
        // Context: where the next word's tag picks another edit that gets more of the word's
        // occurrences there right.
        let mut before = HashMap::new();
        for ((class, lower, next), pairs) in &seen_before {
            let edit = best(pairs);
            let right = |e: &Edit| -> u32 {
                pairs.iter().filter(|((f, l), _)| e.apply(f) == *l).map(|(_, n)| n).sum()
            };
            let base = lemmatizer.edit(*class, lower).map_or(0, right);
            if right(&edit) > base {
                before.insert((*class, lower.clone(), *next), edit);
            }
        }
        lemmatizer.before = before;
        lemmatizer.lookup = Lookup::of(&lemmatizer);
        lemmatizer
    }

    pub(super) fn write(&self, out: &mut impl Write) -> Result<(), ModelError> {
        for table in [&self.rules, &self.exceptions] {
            let sorted: BTreeMap<&(u8, String), &Edit> = table.iter().collect();
            out.write_all(&(sorted.len() as u32).to_le_bytes())?;
            for ((upos, s), edit) in sorted {
                write_edit(out, *upos, s, edit)?;
            }
        }
        let sorted: BTreeMap<&(u8, String, u8), &Edit> = self.before.iter().collect();
        out.write_all(&(sorted.len() as u32).to_le_bytes())?;
        for ((upos, s, next), edit) in sorted {
            write_edit(out, *upos, s, edit)?;
            out.write_all(&[*next])?;
        }
        let sorted: BTreeMap<&(u8, String), &Edit> = self.seconds.iter().collect();
        out.write_all(&(sorted.len() as u32).to_le_bytes())?;
        for ((class, s), edit) in sorted {
            write_edit(out, *class, s, edit)?;
        }
        out.write_all(&(self.known.iter().map(BTreeSet::len).sum::<usize>() as u32).to_le_bytes())?;
        for (upos, lemmas) in self.known.iter().enumerate() {
            for lemma in lemmas {
                out.write_all(&[upos as u8])?;
                write_str(lemma, out)?;
            }
        }
        Ok(())
    }

    pub(super) fn read(input: &mut Reader<'_>) -> Option<Lemmatizer> {
        let mut tables = Vec::new();
        for _ in 0..2 {
            let count = input.u32()? as usize;
            let mut table = HashMap::with_capacity(count);
            for _ in 0..count {
                let (upos, s, edit) = read_edit(input)?;
                table.insert((upos, s), edit);
            }
            tables.push(table);
        }
        let exceptions = tables.pop()?;
        let rules = tables.pop()?;
        let count = input.u32()? as usize;
        let mut before = HashMap::with_capacity(count);
        for _ in 0..count {
            let (upos, s, edit) = read_edit(input)?;
            let next = input.take(1)?[0];
            if usize::from(next) > Upos::ALL.len() {
                return None;
            }
            before.insert((upos, s, next), edit);
        }
        let count = input.u32()? as usize;
        let mut seconds = HashMap::with_capacity(count);
        for _ in 0..count {
            let (class, s, edit) = read_edit(input)?;
            seconds.insert((class, s), edit);
        }
        let mut known = vec![BTreeSet::new(); Upos::ALL.len()];
        for _ in 0..input.u32()? {
            let upos = usize::from(input.take(1)?[0]);
            known.get_mut(upos)?.insert(input.str()?.to_string());
        }
        let mut lemmatizer =
            Lemmatizer { rules, exceptions, before, seconds, known, lookup: Lookup::default() };
        lemmatizer.lookup = Lookup::of(&lemmatizer);
        Some(lemmatizer)
    }
}

fn write_edit(out: &mut impl Write, class: u8, s: &str, edit: &Edit) -> Result<(), ModelError> {
    out.write_all(&[class, edit.case as u8])?;
    out.write_all(&edit.cut.to_le_bytes())?;
    write_str(s, out)?;
    write_str(&edit.add, out)?;
    Ok(())
}

fn read_edit(input: &mut Reader<'_>) -> Option<(u8, String, Edit)> {
    let head = input.take(2)?;
    let class = head[0];
    let case = match head[1] {
        0 => Case::Lower,
        1 => Case::Keep,
        2 => Case::Title,
        _ => return None,
    };
    if usize::from(class) >= 2 * Upos::ALL.len() {
        return None;
    }
    let cut = input.u32()?;
    let s = input.str()?.to_string();
    let add = input.str()?.to_string();
    Some((class, s, Edit { case, cut, add }))
}
