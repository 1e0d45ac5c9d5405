//! Aligning a query's words with a listed name's, and the name score.

use super::key::{Key, tail};
use super::phonetic::alike;
use super::spelling::{levenshtein, near_spelling, one_vowel_more, swapped, traded, within_one};
use super::word_pairs::{
    c_for_ts, east_slavic_alike, french_sh, one_syllable_alike, opening_h_dropped, somali_alike,
    vowel_runs,
};
use super::{Aligned, How};

#[path = "align_pairs.rs"]
mod pairs;
use pairs::{in_order, join};

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
    if person && (l.parts_of(j).iter().any(|p| p == qw) || q.parts_of(i).iter().any(|p| p == lw)) {
        return Some(How::Part);
    }
    if person && (swahili_u(qw, lw) || swahili_u(lw, qw)) {
        return Some(How::Spelling);
    }
    if qs == ls && !qs.is_empty() {
        // The skeleton drops vowels; where they stand still tells names apart ("Lorad" and
        // "Lurda" share one), except in Arabic script, which does not write them.
        if q.arabic || l.arabic || (q.shapes[i] == l.shapes[j] && near_spelling(qw, lw)) {
            return Some(How::Spelling);
        }
        // A vowel more between two consonants ("Bakar"/"Bakr", "Aleksander"/"Aleksandr") is
        // how another romanisation writes the same letters; a vowel moved ("Lorad"/"Lurda")
        // is not.
        if one_vowel_more(&q.shapes[i], &l.shapes[j]) && near_spelling(qw, lw) {
            return Some(How::Translit);
        }
        let ((qp, qv), (lp, lv)) = (&q.phon[i], &l.phon[j]);
        if alike(qp, lp, qv, lv) || french_sh(q, i, l, j) {
            return Some(How::Translit);
        }
        return Some(How::Close);
    }
    if traded(qs, ls) && q.shapes[i] == l.shapes[j] && qs.len() >= 3 {
        return Some(How::Translit);
    }
    // Respelt on one romanisation, the words are one ("Hsueh"/"Xue", "Hryhoryavich"/
    // "Grigorievich", "Edda Lorn"/"Eda Lourn").
    let ((qp, qv), (lp, lv)) = (&q.phon[i], &l.phon[j]);
    if !q.arabic && !l.arabic && alike(qp, lp, qv, lv) {
        return Some(How::Translit);
    }
    // An opening "j" that another romanisation writes "y" ("Jurij"/"Yuri").
    if !q.arabic && !l.arabic {
        let yod_alike = |yod: &Option<(String, String)>, other: &(String, String)| {
            yod.as_ref()
                .is_some_and(|(p, v)| other.0.starts_with('i') && alike(p, &other.0, v, &other.1))
        };
        if yod_alike(&q.yod[i], &l.phon[j]) || yod_alike(&l.yod[j], &q.phon[i]) {
            return Some(How::Translit);
        }
        if french_sh(q, i, l, j) {
            return Some(How::Translit);
        }
    }
    if person && one_syllable_alike(qw, lw) {
        return Some(How::Translit);
    }
    if traded(qs, ls) {
        return Some(How::Close);
    }
    if person && ((qw.len() == 1 && lw.starts_with(qw)) || (lw.len() == 1 && qw.starts_with(lw))) {
        return Some(How::Initial);
    }
    if let Some(h) = article_joined(q, i, l, j, person) {
        return Some(h);
    }
    if person && shortened_given_name(q, i, l, j) {
        return Some(How::Short);
    }
    if person
        && (opening_h_dropped(qw, lw)
            || east_slavic_alike(qw, lw)
            || c_for_ts(qw, lw)
            || (l.somali && somali_alike(qw, lw)))
    {
        return Some(How::Translit);
    }
    let long_enough = qs.len() >= 3 && ls.len() >= 3 && qw.len() >= 5 && lw.len() >= 5;
    // Three consonants of which the first differs are another name ("Vorak"/"Korik",
    // "Jalir"/"Zalor"); a longer skeleton may lose its first letter ("Zakhtiar"/"Dakhtiar").
    let short = qs.len() < 4 || ls.len() < 4;
    let one_off = within_one(qs, ls) && !(short && qs.as_bytes()[0] != ls.as_bytes()[0]);
    // Two consonants swapped in a skeleton of four or more ("Galindo"/"Galdino") is a slip.
    let slip = qs.len() >= 4 && swapped(qs, ls);
    if long_enough && (one_off || slip || (qs.chars().count() >= 4 && tail(qs) == tail(ls))) {
        return Some(How::Close);
    }
    // One letter written another way, more or less, in a word of five letters or more, its
    // first letter kept ("Hamiel"/"Hamieh", "Julion"/"Julio"): the skeletons may differ by
    // more (a closing "h" or a "v" for a "u" is a consonant on one side only).
    let letters = qw.len().min(lw.len());
    if person
        && letters >= 4
        && qw.len().max(lw.len()) >= 5
        && qw.as_bytes()[0] == lw.as_bytes()[0]
        && (within_one(qw, lw) || (letters >= 8 && levenshtein(qw, lw) <= 2))
    {
        return Some(How::Close);
    }
    None
}

/// Swahili writes an Arabic name that closes on a consonant with a "u" after it ("Varskibu"
/// for "Varskib", as "Khatibu", "Salimu"): one name. Five letters or more before it.
pub(super) fn swahili_u(long: &str, short: &str) -> bool {
    long.strip_suffix('u').is_some_and(|stem| stem == short)
        && short.len() >= 5
        && short.is_ascii()
        && !short.ends_with(['a', 'e', 'i', 'o', 'u', 'y'])
}

/// One word is the other with the Arabic article written onto it ("Alvarnholm"/"Varnholm",
/// "Alquenbel"/"Quenbl"): what is left is the same word, a spelling variant, or the same with
/// one vowel more ([`Key::bare`]); or, read as any word is read ([`how`]), a transliteration
/// variant or a close spelling of it ("Elvarnkolm"/"Varnholm"). The article on both sides or
/// on neither is left to [`how`].
fn article_joined(q: &Key, i: usize, l: &Key, j: usize, person: bool) -> Option<How> {
    let (bare, other, k, bare_is_query) = match (&q.bare[i], &l.bare[j]) {
        (Some(b), None) => (b, l, j, true),
        (None, Some(b)) => (b, q, i, false),
        _ => return None,
    };
    let (rest, rest_skel, rest_shape) = (&bare.words[0], &bare.skeletons[0], &bare.shapes[0]);
    let (word, skel, shape) = (&other.words[k], &other.skeletons[k], &other.shapes[k]);
    if rest == word {
        return Some(How::Spelling);
    }
    if rest_skel != skel {
        return None;
    }
    if near_spelling(rest, word) {
        return (rest_shape == shape || one_vowel_more(rest_shape, shape)).then_some(How::Spelling);
    }
    // The same consonants written further apart ("Elkaddafi"/"Qadhafi"): what [`how`] makes
    // of two such words, a transliteration variant or a close spelling.
    let how =
        if bare_is_query { how(bare, 0, other, k, person) } else { how(other, k, bare, 0, person) };
    how.filter(|h| matches!(h, How::Translit | How::Close))
}

/// The query's word is a listed given name shortened as people are called by it ("Kasi" for
/// "Kasimir", "Tomas" for "Tomasbek"): the first four letters or more of it, two or more
/// left out, the word not one many listed names bear ("Mohammad" is no short "Mohammadreza")
/// and no "Abd" name ("Abdul" says nothing of "Abdullah" or "Abdulaziz").
fn shortened_given_name(q: &Key, i: usize, l: &Key, j: usize) -> bool {
    let (qw, lw) = (q.words[i].as_str(), l.words[j].as_str());
    l.surnames > 0
        && j < l.words.len() - l.surnames
        && qw.len() >= 4
        && lw.len() >= qw.len() + 2
        && lw.starts_with(qw)
        && !qw.starts_with("abd")
        && q.common.get(i) != Some(&true)
}

/// What a close spelling is worth: skeletons one letter apart say little by themselves
/// ("Kastrani"/"Kostun" and "Stsiorn"/"Stiorn" both are), so the weight follows how much
/// of the written word is rewritten: 0.65 up to a fifth or so, 0.6 for a third, 0.4 from a
/// little over a half on (so that a close spelling beside one word the same stays below
/// [`super::MATCH`]: "Venkelo" for "Venkel" is for review).
///
/// Two names of the form "Abd al-X" ("servant of X") are compared on what follows the letters
/// they share: the shared opening says nothing of which name it is ("Abdalvarsk" and
/// "Abdalbrenning" are two names, not two spellings of one).
pub(super) fn close_weight(a: &str, b: &str) -> f32 {
    let (a, b) = if a.starts_with("abd") && b.starts_with("abd") {
        let shared = a.bytes().zip(b.bytes()).take_while(|(x, y)| x == y).count();
        // Byte offsets on ASCII words; a word of another script keeps its letters.
        if a.is_ascii() && b.is_ascii() { (&a[shared..], &b[shared..]) } else { (a, b) }
    } else {
        (a, b)
    };
    let ratio = levenshtein(a, b) as f32 / a.chars().count().max(b.chars().count()).max(1) as f32;
    (0.85 - 0.8 * ratio).clamp(0.4, 0.65)
}

pub(super) struct Scored {
    /// Set when the query is the listed given names in order, without the family name (a
    /// person of a name chain goes by it).
    pub(super) leading: bool,
    /// Set when one side has one given name more than the other ([`one_given_name_more`]).
    pub(super) more: Option<String>,
    pub(super) name_score: f32,
    /// (query word, listed word, how), in the query's order.
    pub(super) chosen: Vec<(u8, u8, How)>,
    pub(super) q_used: u32,
    /// The listed words met (a word written apart met as one counts both).
    pub(super) l_used: u32,
    pub(super) penalty: Option<String>,
    /// Both names say which words are the surname, and the query only says more than the
    /// listed name (a second given name, a second surname), word for word in their places.
    pub(super) says_more: bool,
}

/// Aligns the query's words with a listed name's, best pairs first.
pub(super) fn align(q: &Key, l: &Key, person: bool) -> Scored {
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
    let (mut sum, mut sum_l) = (0.0, 0.0);
    // Words written apart on one side and as one on the other first: otherwise "Kyong"
    // takes "Kyongpiet" as a close spelling and leaves "Piet" alone.
    if person {
        join(q, l, &mut q_used, &mut l_used, &mut chosen, &mut sum, &mut sum_l);
    }
    for (w, i, j, h) in pairs {
        if q_used & (1 << i) != 0 || l_used & (1 << j) != 0 {
            continue;
        }
        q_used |= 1 << i;
        l_used |= 1 << j;
        sum += w;
        sum_l += w;
        chosen.push((i, j, h));
    }
    // The listed side's weights: the same pairs, less what `join` counts twice on one side.
    if person {
        join(q, l, &mut q_used, &mut l_used, &mut chosen, &mut sum, &mut sum_l);
    }
    in_order(l, &mut chosen, &mut l_used);
    chosen.sort_by_key(|(i, _, _)| *i);
    let (qn, ln) = (q.words.len() as f32, l.words.len() as f32);
    let matched = l_used.count_ones() as usize;
    let mut penalty = None;
    let mut says_more = false;
    let mut leading_given = false;
    let mut more = None;
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
        // A listed patronymic the query leaves out is how papers write the name: it is not
        // counted among the words to cover.
        let patronymics_left = (0..l.words.len().min(32))
            .filter(|&j| l_used & (1 << j) == 0 && l.patronymic[j])
            .count();
        let cover = matched as f32 / (ln - patronymics_left as f32).max(1.0);
        let mut s = 0.85 * base + 0.15 * cover;
        // Every word of the listed name met, and the query's first word on the list's first
        // (given) name: the query only says more (a middle name, a patronymic, a second
        // surname: "Tomasz Kasimirovich Wielgosz" for "WIELGOSZ, Tomasz", "Piet Oranje Lorn"
        // for "ORANJE, Piet"), which weighs as little as a listed word the query leaves out.
        // Another given name before it ("Edda Piet Oranje") is not said more: it may be a
        // relative's; nor is a word after a listed name of two words, where it stands for the
        // surname ("Abdul Salam" is a given name, "Abdul Salam X" another man).
        let first_on_first = chosen.iter().any(|(i, j, _)| *i == 0 && *j == 0);
        // A query word left over while every listed word met: more words than the list's
        // would miss a name whose two listed words the query writes as one ("Abdulhakim" for
        // "Abdul Hakim").
        let q_left = (q_used.count_ones() as f32) < qn;
        let last_met = chosen.iter().any(|(i, _, _)| usize::from(*i) + 1 == q.words.len());
        if matched == l.words.len() && q_left && first_on_first && (last_met || ln >= 3.0) {
            s = s.max(0.85 * sum_l / ln + 0.15 * q_used.count_ones() as f32 / qn);
        }
        // Both names say which words are the surname ("X Y, Given Names"), and every word of
        // the list's met its like on the query's side, given names on given names and surnames
        // on surnames, the first given name on the first: the query only says more (a second
        // given name, a mother's surname: "LORN QUENBY, Edda Marisol" for "LORN,
        // Wilber").
        // A family name of two words or more met word for word says who the family is, and
        // every given name of the list met says who in it: a given name more before them is
        // a second given name ("LORN QUENBY, Piet Edda" for "LORN QUENBY, Edda").
        let (lf, qf) = (l.words.len() - l.surnames, q.words.len().saturating_sub(q.surnames));
        let double_surname_met = l.surnames >= 2
            && (lf..l.words.len()).all(|j| {
                chosen.iter().any(|&(i, jj, h)| {
                    usize::from(jj) == j
                        && usize::from(i) >= qf
                        && matches!(h, How::Same | How::Spelling)
                })
            });
        if q.surnames > 0
            && l.surnames > 0
            && matched == l.words.len()
            && (first_on_first || double_surname_met)
        {
            let kept =
                chosen.iter().all(|&(i, j, _)| (usize::from(i) < qf) == (usize::from(j) < lf));
            let surname_met = chosen
                .iter()
                .any(|&(_, j, h)| usize::from(j) >= lf && matches!(h, How::Same | How::Spelling));
            if kept && surname_met && q_left {
                let lifted = 0.85 * sum_l / ln + 0.15 * q_used.count_ones() as f32 / qn;
                // Where the rule above lifted the name as far, this one still says that the
                // query only says more, if the query's family name met whole and no word met
                // by a part or a close spelling ("Kwang" for "Kwang-Il" is another name).
                let surname_whole = (qf..q.words.len()).all(|i| i < 32 && q_used & (1 << i) != 0);
                let plain = chosen
                    .iter()
                    .all(|(_, _, h)| matches!(h, How::Same | How::Spelling | How::Translit));
                says_more = lifted > s || (lifted == s && surname_whole && plain);
                s = s.max(lifted);
            }
        }
        let extra = one_given_name_more(q, l, &chosen, q_used, l_used);
        if let Some((_, lifted)) = &extra {
            s = s.max(*lifted);
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
        // instead, the names only share given names ("Rana X" is not "Y, X Rana"), unless
        // the query is the list's given names in order (`leading` below).
        if l.surnames > 0 && q.words.len() >= 2 {
            let first_surname = l.words.len() - l.surnames;
            // A surname aligned with the query's first word counts only in a name of three
            // words or more, where the family name may lead ("Holl Tae Piet").
            let surname_aligned = chosen.iter().any(|(i, j, _)| {
                usize::from(*j) >= first_surname && (*i != 0 || q.words.len() >= 3)
            });
            let last = (q.words.len() - 1) as u8;
            let last_on_given =
                chosen.iter().any(|(i, j, _)| *i == last && usize::from(*j) < first_surname);
            // Every word of both names alike, in another order, is a family name written first
            // ("Holl Piettai" for "HOLL, Piettai"), not a mix-up. So is one word of two
            // syllables or more another romanisation beside a word the same ("Holl Pietwara"
            // for "PIETAWARA, Holl"); not a word of one syllable (a Burmese name has no family
            // name: "Saung Lorn" is not "Lorn Shaung").
            let how_many = |h: How| chosen.iter().filter(|c| c.2 == h).count();
            let one_romanised = how_many(How::Translit) == 1
                && how_many(How::Same) >= 1
                && chosen.iter().all(|&(i, _, h)| {
                    h != How::Translit || vowel_runs(&q.words[usize::from(i)]) >= 2
                });
            let complete = q_used.count_ones() as usize == q.words.len()
                && matched == l.words.len()
                && chosen.iter().all(|&(_, _, h)| {
                    matches!(h, How::Same | How::Spelling) || (h == How::Translit && one_romanised)
                });
            // Every word of the query met, in order, from the list's first given name on, each
            // alike or a transliteration: the name without its family name ("Piet Holl" for "X,
            // Piet Edda Holl"), as a person of a name chain goes by it. Two words were once
            // held to say too little ("Rana X" for "Y, Rana X"), but on the labelled set they
            // gained right matches and cost none (session 27 in the lists README). Not two
            // words of one syllable each: an East Asian given name ("Kwang Chun"), which is
            // never said without the family name.
            let leading = q.words.len() >= 2
                && chosen.len() == q.words.len()
                && (q.words.len() >= 3 || q.words.iter().any(|w| vowel_runs(w) >= 2))
                && chosen.iter().any(|&(i, j, _)| i == 0 && j == 0)
                && chosen.iter().all(|&(i, j, h)| {
                    matches!(h, How::Same | How::Spelling | How::Translit)
                        && chosen.iter().all(|&(i2, j2, _)| (i2 < i) == (j2 < j))
                });
            // Only the list's surnames met ("Oranje Lorn" for "ORANJE LORN, Piet"): a
            // double surname without a given name says no more than a surname alone.
            if first_surname > 0 && !chosen.iter().any(|(_, j, _)| usize::from(*j) < first_surname)
            {
                s = s.min(0.7);
            }
            leading_given = leading;
            if !surname_aligned && last_on_given && !complete && !leading && extra.is_none() {
                s -= 0.10;
                penalty = Some("the list's surname aligns with nothing: -0.10".to_string());
            } else if !surname_aligned && last_on_given && complete {
                // Turned round, the name is as likely another's whose given name is this
                // one's family name ("Holl Piet" and "PIET, Holl"): one in order comes first.
                s -= ORDER;
                penalty = Some(format!("in another order: -{ORDER:.2}"));
            }
            // The query's given name met a later given name of the list (a father's name:
            // "Karim" in "X, Samir Karim") while the list's own given name met
            // nothing: another member of the family. Not where that given name is a devotional
            // one the person goes without ([`Key::first_given_devotional`]: "Muhammad", a
            // title such as "Hafiz"), with no father's name after it.
            // "Abd" ("servant of") written apart opens a compound given name ("Abd al-Varsk"):
            // the name after it met is the first given name met.
            let first_given_aligned = chosen.iter().any(|(_, j, _)| {
                *j == 0 || (*j == 1 && l.words.first().is_some_and(|w| servant_of(w)))
            });
            let first_on_later =
                chosen.iter().any(|(i, j, _)| *i == 0 && *j > 0 && usize::from(*j) < first_surname);
            // So is "Maria" before a woman's given name in Spanish and Portuguese naming
            // ("Maria Marisol" goes by "Marisol").
            let devotional = (l.first_given_devotional
                && (l.common.first() == Some(&true)
                    || l.words.first().is_some_and(|w| TITLES_AS_NAMES.contains(&w.as_str()))))
                || l.words.first().is_some_and(|w| w == "maria");
            if first_surname >= 2
                && !first_given_aligned
                && first_on_later
                && !devotional
                && penalty.is_none()
                && extra.is_none()
            {
                s -= 0.1;
                penalty =
                    Some("the list's first given name aligns with nothing: -0.10".to_string());
            }
            // Neither first given name met while the names after them did: two children of
            // one father ("X, Piet Karim" and "X, Edda Karim").
            let query_first_aligned = q_used & 1 != 0;
            let later_given_met =
                chosen.iter().any(|(i, j, _)| *i > 0 && *j > 0 && usize::from(*j) < first_surname);
            if first_surname >= 2
                && q.words.len() >= 3
                && !first_given_aligned
                && !query_first_aligned
                && later_given_met
                && penalty.is_none()
                && extra.is_none()
            {
                s -= 0.1;
                penalty = Some("the first given names differ: -0.10".to_string());
            }
        }
        // A list that writes the name in order ("KASIMIR X HOLL"): the query's first word
        // met only a middle word of the list (a father's name), the list's first met nothing.
        if l.surnames == 0
            && q.words.len() >= 2
            && l.words.len() >= 3
            && penalty.is_none()
            && extra.is_none()
        {
            let middle = |j: u8| j > 0 && usize::from(j) + 1 < l.words.len();
            let first_given_aligned = chosen.iter().any(|(_, j, _)| *j == 0);
            if !first_given_aligned && chosen.iter().any(|(i, j, _)| *i == 0 && middle(*j)) {
                s -= 0.1;
                penalty =
                    Some("the list's first given name aligns with nothing: -0.10".to_string());
            }
        }
        if let Some((note, _)) = extra {
            more = Some(note);
        }
        s
    } else {
        2.0 * sum / (qn + ln)
    };
    Scored { name_score, chosen, q_used, l_used, penalty, more, says_more, leading: leading_given }
}

/// The words for "servant of" that open an Arabic compound given name written apart ("Abd
/// al-Varsk", "Abdul Varsk"): never a name alone.
pub(super) fn servant_of(word: &str) -> bool {
    matches!(word, "abd" | "abdul" | "abdel" | "abdal" | "abdol" | "abdur" | "abdus" | "abdoul")
}

/// Titles that South Asian names carry as a first given name and are as often said without
/// ("Hafiz" who knows the Quran by heart, "Qari" its reciter, "Mufti", "Chaudhry" a
/// landholder): where [`Key::first_given_devotional`] holds, like a very common given name.
const TITLES_AS_NAMES: &[&str] = &[
    "hafiz",
    "hafez",
    "qari",
    "mufti",
    "hakim",
    "hakeem",
    "chaudhry",
    "chaudhary",
    "choudhry",
    "choudry",
    "chaudri",
];

/// What is cut from a name whose words all met in another order: a name met in order is
/// the likelier of two.
const ORDER: f32 = 0.01;

/// What is cut from a name score when the query has one given name more than the list.
const ONE_MORE: f32 = 0.02;

/// The query is the listed name with one very common given name more before it, every other
/// word of both aligned in order ("Kasimir Piet X" for "X, Piet", when many listed people
/// bear "Kasimir"): many people go by a later given name, and lists and papers leave out a
/// leading very common one. A rarer one may be a relative's name, and so may the list's own
/// first given name when the query lacks it ("Karim X" is not "X, Samir Karim", nor the
/// father of "X, Ali Karim" though many people bear "Ali": OFAC's aliases would gain from
/// it on the labelled set, but in the news such a name is the listed man's father), so
/// neither counts. Gives the note
/// and the score the names then have: as if the word were not there, less [`ONE_MORE`].
fn one_given_name_more(
    q: &Key,
    l: &Key,
    chosen: &[(u8, u8, How)],
    q_used: u32,
    l_used: u32,
) -> Option<(String, f32)> {
    let (qn, ln) = (q.words.len(), l.words.len());
    if qn.max(ln) > 31 || qn.min(ln) < 2 || qn.abs_diff(ln) != 1 {
        return None;
    }
    let (q_met, l_met) = (q_used.count_ones() as usize, l_used.count_ones() as usize);
    if q_met != qn.min(ln) || l_met != qn.min(ln) || chosen.len() != qn.min(ln) {
        return None;
    }
    // In order, and the last words on each other (the surname on the surname).
    let mut sorted: Vec<(u8, u8, How)> = chosen.to_vec();
    sorted.sort_by_key(|(i, _, _)| *i);
    if !sorted.windows(2).all(|p| p[0].1 < p[1].1) {
        return None;
    }
    let strong = sorted.iter().all(|(_, _, h)| *h != How::Initial);
    // The surnames alike in spelling, not only in sound: a transliteration variant of a
    // surname with a given name left out is too little to name a person.
    let surname_alike = |h: How| matches!(h, How::Same | How::Spelling);
    if !strong
        || !sorted.iter().any(|&(i, j, h)| {
            usize::from(i) + 1 == qn && usize::from(j) + 1 == ln && surname_alike(h)
        })
    {
        return None;
    }
    // The list's name must keep a given name besides the one left out.
    if l.surnames > 0 && ln.min(qn + 1) <= l.surnames + usize::from(ln > qn) {
        return None;
    }
    let u = (0..qn).find(|&i| q_used & (1 << i) == 0)?;
    // A title said as a first given name ("Hafiz") is left out as often.
    let title = TITLES_AS_NAMES.contains(&q.words[u].as_str());
    if qn < ln || u != 0 || (q.common.get(u) != Some(&true) && !title) {
        return None;
    }
    let word = &q.words[u];
    let n = qn.min(ln) as f32;
    let sum: f32 = sorted
        .iter()
        .map(|&(i, j, h)| {
            if h == How::Close {
                close_weight(&q.words[usize::from(i)], &l.words[usize::from(j)])
            } else {
                h.weight()
            }
        })
        .sum();
    let lifted = 0.85 * sum / n + 0.15 - ONE_MORE;
    Some((format!("given name {word} on one side only: -{ONE_MORE:.2}"), lifted))
}

impl Scored {
    pub(super) fn aligned(&self, q: &Key, l: &Key) -> Vec<Aligned> {
        self.chosen
            .iter()
            .map(|&(i, j, how)| Aligned {
                query: q.words[usize::from(i)].clone(),
                listed: l.words[usize::from(j)].clone(),
                how,
            })
            .collect()
    }

    pub(super) fn unaligned(&self, q: &Key) -> Vec<String> {
        q.words
            .iter()
            .enumerate()
            .filter(|(i, _)| *i >= 32 || self.q_used & (1 << i) == 0)
            .map(|(_, w)| w.clone())
            .collect()
    }
}
