//! Matching a name (and what else is known of its bearer) against list entries.
//!
//! Names are read with `resolve`'s person-name keys: folded words (diacritics, Arabic and
//! Cyrillic script to Latin; titles and "al-"/"el-" particles dropped) and their sound
//! skeletons (ou/u, ee/i, kh/h, doubled letters merged). A listed name written surname first
//! ("QARMOUT, Nabil") is turned round before it is read. Each word of the query is aligned with
//! at most one word of the listed name, the best pairs first, and each pair says how it
//! aligned ([`How`]): the same word, a spelling variant (same skeleton), a close spelling
//! (skeletons one letter apart, or equal after their first letter: "Zakhtiar"/"Dakhtiar"),
//! or an initial. A close spelling is worth what the written words share (Levenshtein), since
//! skeletons one letter apart say little alone. The name score is mostly how well the query's
//! words are explained, a little how much of the listed name is covered; a query's word that
//! aligns with nothing costs less the more listed names bear it (an inverse document
//! frequency over the index). Birth date, nationality and role then add or take off, each a
//! line of the explanation, and a name made only of common words (a very common given name and family name) is unsure
//! without a birth date that agrees.
//!
//! Blocking: every listed name is filed under the (coarse) skeleton of each of its words, and
//! under that skeleton without its first letter. A name can only score high enough when some
//! number of the query's words align (two for a person of two words or more), so a query
//! reads only the blocks of its rarest words, as many as that leaves room for: a common word
//! ("Trading", a very common given name) is read only when the query has nothing rarer. Each word's shape
//! and each adjacent pair's joined skeleton are read once per name, not per comparison.

use std::collections::HashMap;

use resolve::names::{fold, name_words, skeleton};
use serde::Serialize;

use crate::{Entry, EntryKind, NameQuality, countries, dates};

mod spelling;
use spelling::{coarse, levenshtein, near_spelling, one_vowel_more, shape, traded, within_one};

/// At and above this score a candidate is a match.
pub const MATCH: f32 = 0.88;
/// At and above this score (and below [`MATCH`]) a candidate is unsure: it goes to review.
pub const UNSURE: f32 = 0.75;
/// The most that birth date, nationality and role add to a name score.
const MOST_ADDED: f32 = 0.1;

/// What is known of the person or body to look for.
#[derive(Clone, Debug, Default)]
pub struct Query {
    /// The name as found ("Nabil Qarmout").
    pub name: String,
    /// Person or body, when known.
    pub kind: Option<EntryKind>,
    /// The birth date as an ISO partial date, when known.
    pub birth_date: Option<String>,
    /// A nationality or country, when known.
    pub nationality: Option<String>,
    /// A post or role, when known ("head of the National Security Bureau").
    pub role: Option<String>,
}

impl Query {
    /// A query by name only.
    pub fn name(name: &str) -> Query {
        Query { name: name.to_string(), ..Query::default() }
    }
}

/// How two name words aligned.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum How {
    /// The same word once folded.
    Same,
    /// A spelling variant: the same sound skeleton ("Qarmout"/"QARMUT").
    Spelling,
    /// A transliteration variant: skeletons that differ only by consonants romanisations
    /// trade (q/g/k, j/g, d/t, s/z...), vowels in the same places ("Qorvan"/"Gorvan").
    Translit,
    /// A close spelling: skeletons one letter apart, or the same but for the first letter;
    /// worth what [`close_weight`] says.
    Close,
    /// An initial standing for the word.
    Initial,
}

impl How {
    fn weight(self) -> f32 {
        match self {
            How::Same => 1.0,
            How::Spelling => 0.92,
            How::Translit => 0.86,
            How::Close => 0.65,
            How::Initial => 0.5,
        }
    }

    fn word(self) -> &'static str {
        match self {
            How::Same => "same",
            How::Spelling => "spelling variant",
            How::Translit => "transliteration variant",
            How::Close => "close spelling",
            How::Initial => "initial",
        }
    }
}

/// One aligned pair of words.
#[derive(Clone, Debug, Serialize)]
pub struct Aligned {
    /// The query's word, folded.
    pub query: String,
    /// The listed name's word, folded.
    pub listed: String,
    /// How they aligned.
    pub how: How,
}

/// What a candidate is.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Serialize)]
pub enum Verdict {
    /// At or above [`MATCH`].
    Match,
    /// Between [`UNSURE`] and [`MATCH`]: for review.
    Unsure,
    /// Below [`UNSURE`]: a near miss at best.
    NoMatch,
}

/// One entry as a candidate for a query, with why it scored as it did.
#[derive(Clone, Debug, Serialize)]
pub struct Match {
    /// The entry's position in the index.
    pub entry: usize,
    /// Which of its names aligned best.
    pub name: usize,
    /// The final score, 0 to 1.
    pub score: f32,
    /// The score of the names alone.
    pub name_score: f32,
    /// The aligned words.
    pub aligned: Vec<Aligned>,
    /// The query's words that aligned with nothing.
    pub unaligned: Vec<String>,
    /// What else added or took off ("birth date 1948-12-10 agrees: +0.05").
    pub notes: Vec<String>,
    /// Match, unsure or no match.
    pub verdict: Verdict,
}

impl Match {
    /// One line: the aligned words and how, then each note.
    pub fn explain(&self) -> String {
        let mut parts: Vec<String> = self
            .aligned
            .iter()
            .map(|a| {
                if a.query == a.listed {
                    format!("{} ({})", a.query, a.how.word())
                } else {
                    format!("{} ~ {} ({})", a.query, a.listed, a.how.word())
                }
            })
            .collect();
        for u in &self.unaligned {
            parts.push(format!("{u} (not on the list)"));
        }
        let mut line = format!("names {:.2}: {}", self.name_score, parts.join(", "));
        for n in &self.notes {
            line.push_str("; ");
            line.push_str(n);
        }
        line
    }
}

/// A name read for matching: its words and their skeletons.
#[derive(Clone, Debug)]
struct Key {
    words: Vec<String>,
    skeletons: Vec<String>,
    /// The skeletons without their inner "v": Arabic script writes a long "u" and a "w"
    /// with one letter (و), which folds to "w", so an Arabic-script name is compared on
    /// these ("قرموط" and "Qarmout").
    loose: Vec<String>,
    /// Whether the name was written in Arabic script.
    arabic: bool,
    /// How many of the last words are the surname, when the list says ("SURNAME, Given");
    /// else 0.
    surnames: usize,
    /// Where each word's vowels stand ([`shape`]), read once: alignment compares them for
    /// every candidate.
    shapes: Vec<String>,
    /// Each word joined to the next ("il" + "kyu"), and its skeleton, for [`join`].
    joined: Vec<(String, String)>,
    /// A query's words only: what each costs when it aligns with nothing (a rare word 1, a
    /// word many listed names bear less, [`Index::weigh`]); empty is 1 each.
    weights: Vec<f32>,
    /// A query's words only: whether many listed names bear the word (very common given names).
    common: Vec<bool>,
}

fn loosen(skeleton: &str) -> String {
    let mut chars = skeleton.chars();
    let first: String = chars.next().into_iter().collect();
    first + &chars.filter(|&c| c != 'v').collect::<String>()
}

/// A skeleton without its first letter (on a character boundary: skeletons of names in
/// other scripts keep their letters).
fn tail(s: &str) -> &str {
    s.char_indices().nth(1).map_or("", |(i, _)| &s[i..])
}

fn has_arabic(name: &str) -> bool {
    name.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c))
}

/// Words of organisation names that say what kind of body it is, not which.
const BODY_NOISE: &[&str] = &[
    "the",
    "of",
    "and",
    "for",
    "de",
    "del",
    "la",
    "el",
    "al",
    "y",
    "et",
    "co",
    "company",
    "ltd",
    "limited",
    "llc",
    "inc",
    "corp",
    "corporation",
    "sa",
    "sal",
    "srl",
    "gmbh",
    "ag",
    "bv",
    "jsc",
    "ojsc",
    "cjsc",
    "pjsc",
    "ooo",
    "oao",
    "zao",
    "fze",
    "fzco",
    "plc",
    "lp",
    "cv",
    "sas",
    "spa",
];

/// Honorifics that lead a person's given names in the lists and in the news ("Haji", "Mullah",
/// "Sayyid": a pilgrim, a cleric, a descendant of the Prophet), in the spellings the lists
/// use; `resolve` drops the common titles, these are the ones it keeps as words because they
/// are also family names elsewhere in a name ("Tariq al-Sayed").
const HONORIFICS: &[&str] = &[
    "haji", "hajji", "hadji", "alhaj", "alhajj", "hajj", "mullah", "mulla", "mawlawi", "maulawi",
    "maulavi", "mawlavi", "maulvi", "molvi", "mawlana", "maulana", "sheikh", "shaikh", "shaykh",
    "shiekh", "sheik", "cheikh", "sayyid", "sayyed", "sayed", "seyed", "seyyed", "syed",
];

/// Drops the honorifics that lead the given names (`words[..given]`), when at least two words
/// are left: "Haji Faizullah Noori" is "Faizullah Noori", but "Haji Khairullah" keeps both.
fn without_honorifics(words: &mut Vec<String>, given: usize) {
    let lead = words[..given.min(words.len())]
        .iter()
        .take_while(|w| HONORIFICS.contains(&w.as_str()))
        .count();
    if lead > 0 && words.len() >= lead + 2 {
        words.drain(..lead);
    }
}

/// A word respelt where romanisations of one sound differ in a way the skeleton cannot see:
/// "x" is "ks" ("Alexander"/"Aleksandr"); a Slavic "j" after a vowel and before a consonant or
/// at the end is the semivowel "y" ("Aleksej"/"Aleksey", "Kostrubitskij"; not after "a", where
/// an Arabic "j" ends names: "Faraj"); "w" after a vowel and before a consonant is the vowel "u"
/// ("Tawfiq"/"Taufik", "Zimowski"/"Zimousky").
fn respell(word: &str) -> String {
    if !word.contains(['x', 'j', 'w']) {
        return word.to_string();
    }
    let chars: Vec<char> = word.chars().collect();
    let vowel = |c: Option<&char>| c.is_some_and(|c| "aeiouy".contains(*c));
    let mut out = String::with_capacity(word.len() + 2);
    for (i, &c) in chars.iter().enumerate() {
        let (before, after) = (i.checked_sub(1).and_then(|k| chars.get(k)), chars.get(i + 1));
        let closes = vowel(before) && !vowel(after) && after != Some(&c) && before != Some(&c);
        match c {
            'x' => out.push_str("ks"),
            'j' if closes && before != Some(&'a') => out.push('y'),
            'w' if closes && after.is_some() => out.push('u'),
            _ => out.push(c),
        }
    }
    out
}

impl Key {
    fn person(name: &str) -> Key {
        // "QARMOUT, Nabil" is "Nabil QARMOUT": lists write the surname first before a comma.
        match name.split_once(',') {
            Some((surname, given)) if !given.contains(',') && !given.trim().is_empty() => {
                let mut words = name_words(&format!("{} {}", given.trim(), surname.trim()));
                let surnames = name_words(surname).len().min(words.len());
                let given = words.len() - surnames;
                without_honorifics(&mut words, given);
                let mut key = Key::of(words, has_arabic(name));
                key.surnames = surnames.min(key.words.len());
                key
            }
            _ => {
                let mut words = name_words(name);
                let given = words.len().saturating_sub(1);
                without_honorifics(&mut words, given);
                Key::of(words, has_arabic(name))
            }
        }
    }

    fn of(words: Vec<String>, arabic: bool) -> Key {
        let words: Vec<String> = words.iter().map(|w| respell(w)).collect();
        let skeletons: Vec<String> = words.iter().map(|w| skeleton(w)).collect();
        let loose = skeletons.iter().map(|s| loosen(s)).collect();
        let shapes = words.iter().map(|w| shape(w)).collect();
        let joined = words
            .windows(2)
            .map(|p| {
                let w = format!("{}{}", p[0], p[1]);
                (skeleton(&w), w)
            })
            .collect();
        Key {
            words,
            skeletons,
            loose,
            arabic,
            surnames: 0,
            shapes,
            joined,
            weights: Vec::new(),
            common: Vec::new(),
        }
    }

    fn body(name: &str) -> Key {
        let folded = fold(name);
        let words: Vec<String> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !BODY_NOISE.contains(w))
            .map(str::to_string)
            .collect();
        Key::of(words, has_arabic(name))
    }

    /// The keys a name is filed under: those of every word, with the loose forms.
    fn block_keys(&self) -> Vec<String> {
        let mut keys = Vec::new();
        for i in 0..self.words.len() {
            self.word_keys(i, true, &mut keys);
        }
        keys.sort();
        keys.dedup();
        keys
    }

    /// The keys of word `i` ([`Key::block_keys`]): its skeleton on the coarse form, so that
    /// transliteration variants meet, and that without its first letter; the loose form's
    /// too when `loose` (an Arabic-script name has only those); and the word joined to either
    /// neighbour, which is what [`join`] aligns with one word of the other name ("Il Kyu"
    /// filed under "ilkyu" meets a query's "Il-Kyu", and "Il-Kyu" filed so meets "Il Kyu").
    fn word_keys(&self, i: usize, loose: bool, keys: &mut Vec<String>) {
        if !self.arabic {
            let around = i.checked_sub(1).into_iter().chain([i]);
            keys.extend(around.filter_map(|k| self.joined.get(k)).map(|(j, _)| coarse(j)));
        }
        let strict = (!self.arabic).then(|| self.skeletons[i].as_str());
        let loose = (loose || self.arabic).then(|| self.loose[i].as_str());
        for s in strict.into_iter().chain(loose) {
            if s.is_empty() {
                continue;
            }
            let s = coarse(s);
            if s.chars().count() >= 4 {
                keys.push(format!("~{}", tail(&s)));
            }
            keys.push(s);
        }
    }
}

fn how(q: &Key, i: usize, l: &Key, j: usize, person: bool) -> Option<How> {
    let (qw, lw) = (q.words[i].as_str(), l.words[j].as_str());
    let (qs, ls) = if q.arabic || l.arabic {
        (q.loose[i].as_str(), l.loose[j].as_str())
    } else {
        (q.skeletons[i].as_str(), l.skeletons[j].as_str())
    };
    if qw == lw {
        return Some(How::Same);
    }
    if qs == ls && !qs.is_empty() {
        // The skeleton drops vowels; where they stand still tells names apart ("Sadar" and
        // "Sudra" share one), except in Arabic script, which does not write them.
        if q.arabic || l.arabic || (q.shapes[i] == l.shapes[j] && near_spelling(qw, lw)) {
            return Some(How::Spelling);
        }
        // A vowel more between two consonants ("Bakar"/"Bakr", "Aleksander"/"Aleksandr") is
        // how another romanisation writes the same letters; a vowel moved ("Sadar"/"Sudra")
        // is not.
        if one_vowel_more(&q.shapes[i], &l.shapes[j]) && near_spelling(qw, lw) {
            return Some(How::Translit);
        }
        return Some(How::Close);
    }
    if traded(qs, ls) {
        return Some(if q.shapes[i] == l.shapes[j] { How::Translit } else { How::Close });
    }
    if person && ((qw.len() == 1 && lw.starts_with(qw)) || (lw.len() == 1 && qw.starts_with(lw))) {
        return Some(How::Initial);
    }
    let long_enough = qs.len() >= 3 && ls.len() >= 3 && qw.len() >= 5 && lw.len() >= 5;
    // Three consonants of which the first differs are another name ("Zurayq"/"Karaki",
    // "Jafari"/"Zafir"); a longer skeleton may lose its first letter ("Zakhtiar"/"Dakhtiar").
    let short = qs.len() < 4 || ls.len() < 4;
    let one_off = within_one(qs, ls) && !(short && qs.as_bytes()[0] != ls.as_bytes()[0]);
    if long_enough && (one_off || (qs.chars().count() >= 4 && tail(qs) == tail(ls))) {
        return Some(How::Close);
    }
    None
}

/// What a close spelling is worth: skeletons one letter apart say little by themselves
/// ("Kawtharani"/"Kovtun" and "Stsiapan"/"Stiapan" both are), so the weight follows how much
/// of the written word is rewritten: 0.7 up to a fifth, 0.6 for a third, 0.4 from a little
/// over a half on (so a close spelling alone never makes a match: "Venkelo" for "Venkel" is
/// for review); another first letter is 0.65 at most ("Zakhtiar"/"Dakhtiar").
fn close_weight(a: &str, b: &str) -> f32 {
    let ratio = levenshtein(a, b) as f32 / a.chars().count().max(b.chars().count()).max(1) as f32;
    let w = (0.85 - 0.8 * ratio).clamp(0.4, 0.7);
    if a.chars().next() == b.chars().next() { w } else { w.min(0.65) }
}

struct Scored {
    name_score: f32,
    /// (query word, listed word, how), in the query's order.
    chosen: Vec<(u8, u8, How)>,
    q_used: u32,
    penalty: Option<String>,
}

/// Aligns the query's words with a listed name's, best pairs first.
fn align(q: &Key, l: &Key, person: bool) -> Scored {
    // Names have a handful of words: pairs live on the stack unless a name is very long.
    let mut pairs: Vec<(f32, u8, u8, How)> = Vec::with_capacity(16);
    for i in 0..q.words.len().min(32) {
        for j in 0..l.words.len().min(32) {
            if let Some(h) = how(q, i, l, j, person) {
                let w = if h == How::Close {
                    close_weight(&q.words[i], &l.words[j])
                } else {
                    h.weight()
                };
                pairs.push((w, i as u8, j as u8, h));
            }
        }
    }
    pairs.sort_by(|a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)).then(a.2.cmp(&b.2)));
    let (mut q_used, mut l_used) = (0u32, 0u32);
    let mut chosen: Vec<(u8, u8, How)> = Vec::with_capacity(pairs.len().min(8));
    let mut sum = 0.0;
    for (w, i, j, h) in pairs {
        if q_used & (1 << i) != 0 || l_used & (1 << j) != 0 {
            continue;
        }
        q_used |= 1 << i;
        l_used |= 1 << j;
        sum += w;
        chosen.push((i, j, h));
    }
    // The listed side's weights: the same pairs, less what `join` counts twice on one side.
    let mut sum_l = sum;
    if person {
        join(q, l, &mut q_used, &mut l_used, &mut chosen, &mut sum, &mut sum_l);
    }
    chosen.sort_by_key(|(i, _, _)| *i);
    let (qn, ln) = (q.words.len() as f32, l.words.len() as f32);
    let matched = l_used.count_ones() as usize;
    let mut penalty = None;
    let name_score = if qn == 0.0 || ln == 0.0 {
        0.0
    } else if person {
        // A query's word that aligns with nothing costs less when many listed names bear it:
        // a very common given name more says less than a rare surname more.
        let unaligned: f32 = (0..q.words.len())
            .filter(|&i| i >= 32 || q_used & (1 << i) == 0)
            .map(|i| q.weights.get(i).copied().unwrap_or(1.0))
            .sum();
        let base = sum / (q_used.count_ones() as f32 + unaligned);
        let cover = matched as f32 / ln;
        let mut s = 0.85 * base + 0.15 * cover;
        // Every word of the listed name met, and the query's first word on the list's first
        // (given) name: the query only says more (a middle name, a patronymic, a second
        // surname: "Dmitriy Arkadyevich Mityaev" for "MITYAEV, Dmitriy", "Piet Oranje Lorn"
        // for "ORANJE, Piet"), which weighs as little as a listed word the query leaves out.
        // Another given name before it ("Edda Piet Oranje") is not said more: it may be a
        // relative's; nor is a word after a listed name of two words, where it stands for the
        // surname ("Abdul Salam" is a given name, "Abdul Salam X" another man).
        let first_on_first = chosen.iter().any(|(i, j, _)| *i == 0 && *j == 0);
        let last_met = chosen.iter().any(|(i, _, _)| usize::from(*i) + 1 == q.words.len());
        if matched == l.words.len() && qn > ln && first_on_first && (last_met || ln >= 3.0) {
            s = s.max(0.85 * sum_l / ln + 0.15 * q_used.count_ones() as f32 / qn);
        }
        let strong = chosen.iter().filter(|(_, _, h)| *h != How::Initial).count();
        if q.words.len() >= 2 && strong < 2 {
            s = s.min(0.5);
        }
        // A lone word (a given name, a surname alone) is never enough to say who is listed.
        if q.words.len() == 1 {
            s = s.min(0.7);
        }
        // The list says which words are the surname ("SURNAME, Given"): when none of them
        // aligned, and the query's last word (its surname) aligned with a given name
        // instead, the names only share given names ("Rana X" is not "Y, Rana X").
        if l.surnames > 0 && q.words.len() >= 2 {
            let first_surname = l.words.len() - l.surnames;
            // A surname aligned with the query's first word counts only in a name of three
            // words or more, where the family name may lead ("Lee Tae Won").
            let surname_aligned = chosen.iter().any(|(i, j, _)| {
                usize::from(*j) >= first_surname && (*i != 0 || q.words.len() >= 3)
            });
            let last = (q.words.len() - 1) as u8;
            let last_on_given =
                chosen.iter().any(|(i, j, _)| *i == last && usize::from(*j) < first_surname);
            // Every word of both names alike, in another order, is a family name written first
            // ("Lin Weiguo" for "LIN, Weiguo"), not a mix-up.
            let complete = q_used.count_ones() as usize == q.words.len()
                && matched == l.words.len()
                && chosen.iter().all(|(_, _, h)| matches!(h, How::Same | How::Spelling));
            // Only the list's surnames met ("Nasser Arana" for "NASSER ARANA, Jorge"): a
            // double surname without a given name says no more than a surname alone.
            if first_surname > 0 && !chosen.iter().any(|(_, j, _)| usize::from(*j) < first_surname)
            {
                s = s.min(0.7);
            }
            if !surname_aligned && last_on_given && !complete {
                s -= 0.12;
                penalty = Some("the list's surname aligns with nothing: -0.12".to_string());
            }
            // The query's given name met a later given name of the list (a father's name:
            // "Karim" in "X, Samir Karim") while the list's own given name met
            // nothing: another member of the family.
            let first_given_aligned = chosen.iter().any(|(_, j, _)| *j == 0);
            let first_on_later =
                chosen.iter().any(|(i, j, _)| *i == 0 && *j > 0 && usize::from(*j) < first_surname);
            if first_surname >= 2 && !first_given_aligned && first_on_later && penalty.is_none() {
                s -= 0.1;
                penalty =
                    Some("the list's first given name aligns with nothing: -0.10".to_string());
            }
        }
        // A list that writes the name in order ("HANNIBAL X QADHAFI"): the query's first word
        // met only a middle word of the list (a father's name), the list's first met nothing.
        if l.surnames == 0 && q.words.len() >= 2 && l.words.len() >= 3 && penalty.is_none() {
            let middle = |j: u8| j > 0 && usize::from(j) + 1 < l.words.len();
            let first_given_aligned = chosen.iter().any(|(_, j, _)| *j == 0);
            if !first_given_aligned && chosen.iter().any(|(i, j, _)| *i == 0 && middle(*j)) {
                s -= 0.1;
                penalty =
                    Some("the list's first given name aligns with nothing: -0.10".to_string());
            }
        }
        s
    } else {
        2.0 * sum / (qn + ln)
    };
    Scored { name_score, chosen, q_used, penalty }
}

/// Words written apart in one name and as one in the other ("Il Kyu"/"Il-Kyu", "Abdul
/// Varsk"/"Abdulvarsk"): two adjacent words left unaligned on one side that, joined, have the
/// skeleton of one unaligned word on the other and are spelt near it ([`near_spelling`]: a
/// skeleton alone would join "Tae Kim" into "Takayama") align with it, each pair a spelling
/// variant.
fn join(
    q: &Key,
    l: &Key,
    q_used: &mut u32,
    l_used: &mut u32,
    chosen: &mut Vec<(u8, u8, How)>,
    sum_q: &mut f32,
    sum_l: &mut f32,
) {
    let free = |used: u32, k: usize| k < 32 && used & (1 << k) == 0;
    let w = How::Spelling.weight();
    for i in 0..q.words.len().saturating_sub(1) {
        if !free(*q_used, i) || !free(*q_used, i + 1) {
            continue;
        }
        let (joined, word) = &q.joined[i];
        let alike = |j: usize| &l.skeletons[j] == joined && near_spelling(word, &l.words[j]);
        if let Some(j) = (0..l.words.len()).find(|&j| free(*l_used, j) && alike(j)) {
            *q_used |= 0b11 << i;
            *l_used |= 1 << j;
            chosen.push((i as u8, j as u8, How::Spelling));
            chosen.push((i as u8 + 1, j as u8, How::Spelling));
            *sum_q += 2.0 * w;
            *sum_l += w;
        }
    }
    for j in 0..l.words.len().saturating_sub(1) {
        if !free(*l_used, j) || !free(*l_used, j + 1) {
            continue;
        }
        let (joined, word) = &l.joined[j];
        let alike = |i: usize| &q.skeletons[i] == joined && near_spelling(word, &q.words[i]);
        if let Some(i) = (0..q.words.len()).find(|&i| free(*q_used, i) && alike(i)) {
            *q_used |= 1 << i;
            *l_used |= 0b11 << j;
            chosen.push((i as u8, j as u8, How::Spelling));
            *sum_q += w;
            *sum_l += 2.0 * w;
        }
    }
}

impl Scored {
    fn aligned(&self, q: &Key, l: &Key) -> Vec<Aligned> {
        self.chosen
            .iter()
            .map(|&(i, j, how)| Aligned {
                query: q.words[usize::from(i)].clone(),
                listed: l.words[usize::from(j)].clone(),
                how,
            })
            .collect()
    }

    fn unaligned(&self, q: &Key) -> Vec<String> {
        q.words
            .iter()
            .enumerate()
            .filter(|(i, _)| *i >= 32 || self.q_used & (1 << i) == 0)
            .map(|(_, w)| w.clone())
            .collect()
    }
}

struct IndexedName {
    entry: u32,
    name: u16,
    person: bool,
    key: Key,
    weak: bool,
}

/// The entries of one or more lists, filed for matching.
pub struct Index {
    entries: Vec<Entry>,
    names: Vec<IndexedName>,
    blocks: HashMap<String, Vec<u32>>,
    /// How many names bear each word (by skeleton): an inverse document frequency.
    bearers: HashMap<String, u32>,
}

/// A word borne by fewer names than this is rare: an unaligned one costs in full.
const RARE: f32 = 20.0;
/// A word borne by more than this share of the names (and by more than [`COMMON_LEAST`]) is
/// common: tuned on the even half of the labelled set (1% keeps precision at 0.98 there; 0.4%
/// costs 35 right matches of 660 for 4 wrong ones fewer).
const COMMON: f32 = 0.01;
/// At least this many names bear a common word.
const COMMON_LEAST: f32 = 30.0;

impl Index {
    /// Files the entries' names.
    pub fn new(entries: Vec<Entry>) -> Index {
        let mut names = Vec::new();
        let mut blocks: HashMap<String, Vec<u32>> = HashMap::new();
        for (e, entry) in entries.iter().enumerate() {
            for (n, listed) in entry.names.iter().enumerate().take(usize::from(u16::MAX)) {
                let person = entry.kind == EntryKind::Person;
                let key = if person { Key::person(&listed.name) } else { Key::body(&listed.name) };
                if key.words.is_empty() {
                    continue;
                }
                let id = names.len() as u32;
                for k in key.block_keys() {
                    blocks.entry(k).or_default().push(id);
                }
                names.push(IndexedName {
                    entry: e as u32,
                    name: n as u16,
                    person,
                    key,
                    weak: listed.quality == NameQuality::Weak,
                });
            }
        }
        let mut bearers: HashMap<String, u32> = HashMap::new();
        for n in &names {
            let mut seen: Vec<&String> = n.key.skeletons.iter().collect();
            seen.sort();
            seen.dedup();
            for s in seen {
                *bearers.entry(s.clone()).or_default() += 1;
            }
        }
        Index { entries, names, blocks, bearers }
    }

    /// The entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The best candidates for `query`, best first, one per entry, at most `limit`,
    /// including near misses below [`UNSURE`] down to `floor`.
    pub fn check(&self, query: &Query, limit: usize, floor: f32) -> Vec<Match> {
        let mut out: Vec<Match> = Vec::new();
        for want_person in [true, false] {
            match query.kind {
                Some(EntryKind::Person) if !want_person => continue,
                Some(EntryKind::Body | EntryKind::Vessel | EntryKind::Aircraft) if want_person => {
                    continue;
                }
                _ => {}
            }
            let mut key =
                if want_person { Key::person(&query.name) } else { Key::body(&query.name) };
            self.weigh(&mut key);
            if key.words.is_empty() {
                continue;
            }
            // Read scores below this can reach `floor` with what the rest adds.
            let least = floor - MOST_ADDED;
            for id in self.candidates(&key, want_person, least) {
                let listed = &self.names[id as usize];
                if listed.person != want_person {
                    continue;
                }
                let scored = align(&key, &listed.key, want_person);
                if scored.name_score < least {
                    continue;
                }
                let m = self.finish(query, listed, &key, scored);
                if m.score < floor {
                    continue;
                }
                // One candidate an entry, its best name; the list of candidates is short.
                match out.iter().position(|o| o.entry == m.entry) {
                    Some(at) if out[at].score >= m.score => {}
                    Some(at) => out[at] = m,
                    None => out.push(m),
                }
            }
        }
        out.sort_by(|a, b| b.score.total_cmp(&a.score).then(a.entry.cmp(&b.entry)));
        out.truncate(limit);
        out
    }

    /// The names worth aligning with `key`, each once, in index order. A name can only reach
    /// `least` when at least `need` of the query's words align with its words (two for a
    /// person's name of two words or more: one strong word caps the score at 0.5; for a body,
    /// `2m / (q + l)` with `l >= m`), so one of any `q - need + 1` query words is among them:
    /// only the blocks of the rarest `q - need + 1` words are read. A common word ("Trading",
    /// a very common given name) is then read only when the query has nothing rarer.
    fn candidates(&self, key: &Key, person: bool, least: f32) -> Vec<u32> {
        let n = key.words.len();
        let need = if person {
            if n >= 2 && least > 0.5 { 2 } else { 1 }
        } else {
            // The smallest m with 2m / (n + m) >= least.
            let m = (least * n as f32 / (2.0 - least) - 1e-4).ceil() as usize;
            m.clamp(1, n)
        };
        let mut by_word: Vec<(usize, Vec<&Vec<u32>>)> = (0..n)
            .map(|i| {
                let mut keys = Vec::new();
                key.word_keys(i, false, &mut keys);
                let blocks: Vec<&Vec<u32>> =
                    keys.iter().filter_map(|k| self.blocks.get(k)).collect();
                (blocks.iter().map(|b| b.len()).sum(), blocks)
            })
            .collect();
        by_word.sort_by_key(|(size, _)| *size);
        let read = n + 1 - need.min(n);
        let mut ids: Vec<u32> = by_word[..read.min(n)]
            .iter()
            .flat_map(|(_, blocks)| blocks.iter().flat_map(|b| b.iter().copied()))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Gives a query's words their weights and says which are common, from how many listed
    /// names bear them: an unaligned word costs `ln(N / n) / ln(N / 20)` of a word (at least
    /// 0.35), for `n` of `N` names; a word that more than 1% of names bear is common.
    fn weigh(&self, key: &mut Key) {
        let total = self.names.len() as f32 + 1.0;
        let full = (total / RARE).ln().max(1.0);
        let bearers = |s: &String| self.bearers.get(s).copied().unwrap_or(0) as f32 + 1.0;
        key.weights = key
            .skeletons
            .iter()
            .map(|s| ((total / bearers(s)).ln() / full).clamp(0.35, 1.0))
            .collect();
        // A short list tells nothing of how common a name is.
        key.common =
            key.skeletons.iter().map(|s| bearers(s) > (COMMON * total).max(COMMON_LEAST)).collect();
    }

    fn finish(&self, query: &Query, listed: &IndexedName, key: &Key, scored: Scored) -> Match {
        let entry = &self.entries[listed.entry as usize];
        let mut score = scored.name_score;
        let mut notes: Vec<String> = scored.penalty.iter().cloned().collect();
        if listed.weak {
            score -= 0.05;
            notes.push("a weak alias: -0.05".to_string());
        }
        if let Some(born) = query.birth_date.as_deref()
            && !entry.birth_dates.is_empty()
        {
            let year = dates::year(born);
            if entry.birth_dates.iter().any(|d| d == born) && born.len() >= 10 {
                score += 0.06;
                notes.push(format!("birth date {born} agrees: +0.06"));
            } else if let Some(y) = year
                && entry.birth_dates.iter().filter_map(|d| dates::year(d)).any(|d| d == y)
            {
                score += 0.03;
                notes.push(format!("birth year {y} agrees: +0.03"));
            } else if let Some(y) = year
                && entry
                    .birth_dates
                    .iter()
                    .filter_map(|d| dates::year(d))
                    .all(|d| d.abs_diff(y) > 1)
            {
                score -= 0.25;
                notes.push(format!(
                    "birth year {y} differs from the list's {}: -0.25",
                    entry.birth_dates.join(", ")
                ));
            }
        }
        if let Some(nat) = query.nationality.as_deref()
            && !entry.nationalities.is_empty()
        {
            let k = countries::key(nat);
            if entry.nationalities.iter().any(|n| countries::key(n) == k) {
                score += 0.02;
                notes.push(format!("nationality {nat} agrees: +0.02"));
            } else {
                score -= 0.08;
                notes.push(format!(
                    "nationality {nat} differs from the list's {}: -0.08",
                    entry.nationalities.join(", ")
                ));
            }
        }
        if let Some(role) = query.role.as_deref() {
            let words = |t: &str| -> Vec<String> {
                fold(t)
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| {
                        w.len() >= 4
                            && !matches!(
                                *w,
                                "head" | "chief" | "former" | "deputy" | "with" | "from"
                            )
                    })
                    .map(str::to_string)
                    .collect()
            };
            let q = words(role);
            let shared: Vec<String> =
                entry.roles.iter().flat_map(|r| words(r)).filter(|w| q.contains(w)).collect();
            if let Some(w) = shared.first() {
                score += 0.02;
                notes.push(format!("role agrees ({w}): +0.02"));
            }
        }
        // A name made only of words many listed people bear (a very common given name and family name) is borne by
        // others too: without a birth date to tell them apart it is for review, not a match.
        let born_agrees = notes.iter().any(|n| n.starts_with("birth"));
        let all_common = listed.person
            && !scored.chosen.is_empty()
            && scored.chosen.iter().all(|(i, _, _)| key.common.get(usize::from(*i)) == Some(&true));
        if all_common && !born_agrees && score >= MATCH {
            score = MATCH - 0.01;
            notes.push(format!("a common name, no birth date to tell: {score:.2}"));
        }
        let score = score.clamp(0.0, 1.0);
        let verdict = if score >= MATCH {
            Verdict::Match
        } else if score >= UNSURE {
            Verdict::Unsure
        } else {
            Verdict::NoMatch
        };
        Match {
            entry: listed.entry as usize,
            name: usize::from(listed.name),
            score,
            name_score: scored.name_score,
            aligned: scored.aligned(key, &listed.key),
            unaligned: scored.unaligned(key),
            notes,
            verdict,
        }
    }
}

#[cfg(test)]
mod tests;
