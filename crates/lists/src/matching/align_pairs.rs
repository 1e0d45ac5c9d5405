//! Pairs of words the best-pairs-first alignment ([`super::align`]) gets wrong alone: words
//! written apart on one side and as one on the other, and a word the listed name writes
//! twice. Split from `align.rs` in session 29.

use resolve::names::skeleton;

use super::super::How;
use super::super::key::Key;
use super::super::phonetic::alike;
use super::super::spelling::near_spelling;
use super::super::word_pairs::{respelt_alike, syllable_alike, syllables_alike, vowel_runs};

/// Where the listed name writes a word twice ("Piet Karim Piet Lorn": a son named after his
/// grandfather), the best pairs first may meet the query's word with the wrong one: "Karim
/// Piet Lorn" (the father) would meet the son's first "Piet", and the son's own given name
/// would seem met. Each such pair moves to the same word elsewhere in the listed name when
/// that crosses fewer of the other pairs (the score is the same; which words are met is not).
pub(super) fn in_order(l: &Key, chosen: &mut [(u8, u8, How)], l_used: &mut u32) {
    let n = l.words.len().min(32);
    for k in 0..chosen.len() {
        let (i, j, _) = chosen[k];
        let crossings = |j: u8| {
            chosen
                .iter()
                .enumerate()
                .filter(|&(m, &(i2, j2, _))| m != k && (i2 < i) != (j2 < j))
                .count()
        };
        let word = &l.words[usize::from(j)];
        let better = (0..n as u8)
            .filter(|&j2| j2 != j && *l_used & (1 << j2) == 0 && l.words[usize::from(j2)] == *word)
            .min_by_key(|&j2| crossings(j2))
            .filter(|&j2| crossings(j2) < crossings(j));
        if let Some(j2) = better {
            *l_used = (*l_used & !(1 << j)) | (1 << j2);
            chosen[k].1 = j2;
        }
    }
}

/// Two words of one syllable each that one word may write joined (an East Asian given name:
/// "Kyong Hak"/"Kyonghak"): where the joined word opens with the first exactly, or closes
/// with the second, what is left must be alike the other syllable (the same, alike as
/// Korean syllables are, [`syllable_alike`], alike respelt, or one skeleton spelt near).
/// Otherwise a spelling of the whole would take "Kyong Ok" and "Kyong Hyok" for
/// "Kyonghak": once two syllables' letters meet, an "h" or a vowel between them is cheap.
/// True where the words are not two syllables or neither half is written as it stands.
fn halves_alike(a: &str, b: &str, whole: &str) -> bool {
    if vowel_runs(a) != 1 || vowel_runs(b) != 1 || !whole.is_ascii() {
        return true;
    }
    // An aspirate's "h" ("Thae"/"T'ae", "Pho"/"P'o") is the consonant as the other
    // romanisation writes it.
    let unaspirated = |w: &str| {
        let mut out = String::with_capacity(w.len());
        for c in w.chars() {
            if !(c == 'h' && out.ends_with(['p', 't', 'k'])) {
                out.push(c);
            }
        }
        out
    };
    let halves = |x: &str, y: &str| {
        let (x, y) = (&unaspirated(x), &unaspirated(y));
        syllable_alike(x, y)
            || respelt_alike(x, y)
            || (skeleton(x) == skeleton(y) && near_spelling(x, y))
    };
    // What is left must be one syllable too: "Varskeddine" is "Varsk" and the article
    // with "Din", not two syllables.
    let one = |r: &&str| vowel_runs(r) == 1;
    // The whole written as one of the two leaves the other unsaid ("Cheng" is not "Cheng
    // Yu", though a skeleton without the vowels of "Yu" is the same).
    if whole == a || whole == b {
        return false;
    }
    if let Some(rest) = whole.strip_prefix(a).filter(one) {
        return halves(rest, b);
    }
    if let Some(rest) = whole.strip_suffix(b).filter(one) {
        return halves(rest, a);
    }
    true
}

/// Whether words `k` and `k + 1` of `apart`, joined, are word `m` of `one` ([`join`]): the
/// same skeleton spelt near, alike respelt, or syllable for syllable; and, for two syllables,
/// the one left over alike ([`halves_alike`]).
fn joins(apart: &Key, k: usize, one: &Key, m: usize) -> bool {
    let ((joined, word), phon) = (&apart.joined[k], &apart.phon_joined[k]);
    let (a, b, whole) = (&apart.words[k], &apart.words[k + 1], &one.words[m]);
    // The cheap tests first, as this is read for many pairs.
    ((&one.skeletons[m] == joined && near_spelling(word, whole))
        || alike(&phon.0, &one.phon[m].0, &phon.1, &one.phon[m].1)
        || syllables_alike(a, b, whole))
        && halves_alike(a, b, whole)
}

/// Words written apart in one name and as one in the other ("Il Kyu"/"Il-Kyu", "Abdul
/// Varsk"/"Abdulvarsk"): two adjacent words left unaligned on one side that, joined, have the
/// skeleton of one unaligned word on the other and are spelt near it ([`near_spelling`]: a
/// skeleton alone would join "Tae Kim" into "Takoyomo") align with it, each pair a spelling
/// variant.
pub(super) fn join(
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
        if let Some(j) = (0..l.words.len()).find(|&j| free(*l_used, j) && joins(q, i, l, j)) {
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
        if let Some(i) = (0..q.words.len()).find(|&i| free(*q_used, i) && joins(l, j, q, i)) {
            *q_used |= 1 << i;
            *l_used |= 0b11 << j;
            chosen.push((i as u8, j as u8, How::Spelling));
            *sum_q += w;
            *sum_l += 2.0 * w;
        }
    }
}
