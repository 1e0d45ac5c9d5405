//! Word pairs that romanisations write apart and a skeleton cannot join: Korean syllables
//! (one written with "b" or "p", joined or apart), an opening "h" left out, the French "ch"
//! for "sh" (split from `align.rs` in session 27, which asks these of each word pair).

use resolve::names::skeleton;

use super::key::Key;
use super::phonetic::{alike, consonants, phonetic, vowel_places};
use super::spelling::{near_spelling, one_vowel_more};

/// Whether word `i` of `q` and word `j` of `l` are one once a "ch" on either side is read as
/// the French "sh" ([`super::phonetic::ch_as_sh`]: "Chebel"/"Shibl").
pub(super) fn french_sh(q: &Key, i: usize, l: &Key, j: usize) -> bool {
    // Most words have no such "ch": the cheap test first, as this is read for most pairs.
    if (q.ch_as_sh[i].is_none() && l.ch_as_sh[j].is_none()) || q.arabic || l.arabic {
        return false;
    }
    // French spellings also write a short vowel that others leave out ("Chebel"/"Shibl"):
    // the same consonants with one vowel more between two of them is the same word too.
    let sh_alike = |ch: &Option<(String, String)>, other: &(String, String)| {
        ch.as_ref().is_some_and(|(p, v)| {
            alike(p, &other.0, v, &other.1)
                || (one_vowel_more(v, &other.1) && consonants(p) == consonants(&other.0))
        })
    };
    sh_alike(&q.ch_as_sh[i], &l.phon[j]) || sh_alike(&l.ch_as_sh[j], &q.phon[i])
}

/// Two words of one syllable that Korean romanisations write apart: an opening "b" or "p"
/// (McCune-Reischauer and Revised write one consonant both ways: "Bak"/"Pak", "Bok"/"Pok"),
/// and an "r" before the closing consonant that is not said ("Park"/"Pak"). Only words of one
/// syllable, five letters at most, where "b"/"p" elsewhere would join too many names.
pub(super) fn one_syllable_alike(a: &str, b: &str) -> bool {
    let syllable = |w: &str| {
        w.len() <= 5
            && w.is_ascii()
            && w.bytes().any(|c| b"aeiouy".contains(&c))
            && vowel_runs(w) == 1
    };
    if a == b || !syllable(a) || !syllable(b) {
        return false;
    }
    // The opening letter on one of "b"/"p", and a silent "r" dropped.
    let norm = |w: &str| -> String {
        let bytes = w.as_bytes();
        let mut out = String::with_capacity(w.len());
        for (k, &c) in bytes.iter().enumerate() {
            let c = if k == 0 && c == b'b' { b'p' } else { c };
            let silent_r = c == b'r'
                && k > 0
                && b"aeiou".contains(&bytes[k - 1])
                && bytes.get(k + 1).is_some_and(|n| !b"aeiouy".contains(n));
            if !silent_r {
                out.push(c as char);
            }
        }
        out
    };
    norm(a) == norm(b)
}

pub(super) fn vowel_runs(w: &str) -> usize {
    let mut runs = 0;
    let mut in_vowel = false;
    for c in w.bytes() {
        let v = b"aeiouy".contains(&c);
        if v && !in_vowel {
            runs += 1;
        }
        in_vowel = v;
    }
    runs
}

/// One word is the other with an opening "h" before a vowel that the other leaves out
/// ("Hedvarn"/"Edvarn", "Hollin"/"Ollin"): French and Balkan romanisations drop the letter (the
/// Arabic ha and ha', the Albanian "h") that others write. At least four letters must be left,
/// and the rest must be written the same or near it with the same skeleton.
pub(super) fn opening_h_dropped(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    let Some(rest) = long.strip_prefix('h') else { return false };
    let vowel = |w: &str| w.as_bytes().first().is_some_and(|c| b"aeiou".contains(c));
    if short.len() < 4 || !short.is_ascii() || !vowel(rest) || !vowel(short) {
        return false;
    }
    rest == short || (skeleton(rest) == skeleton(short) && near_spelling(rest, short))
}

/// Whether `whole` is the syllables `a` and `b` written as one word ("Bo-rin" for "Po Rin",
/// "Hal-pom" for "Hal Bom", "Tokchun" for "Dok Chun"): the two romanisations of Korean write a
/// given name's syllables apart or joined, and the opening consonant of each voiced or not
/// ([`one_syllable_alike`]; "d"/"t" and "g"/"k" too), which the joined word's skeleton and
/// respelling do not see once the letters meet.
pub(super) fn syllables_alike(a: &str, b: &str, whole: &str) -> bool {
    // Byte offsets below: ASCII words only (a word of another script is left to the rest).
    let ascii = whole.is_ascii() && a.is_ascii() && b.is_ascii();
    if !ascii || whole.len() != a.len() + b.len() || a.is_empty() || b.is_empty() {
        return false;
    }
    let (x, y) = whole.split_at(a.len());
    (x != a || y != b) && syllable_alike(x, a) && syllable_alike(y, b)
}

/// Two syllables of an East Asian given name alike ([`syllables_alike`]): the same, alike as
/// [`one_syllable_alike`] reads them, or with the opening consonant voiced on one side and
/// not on the other ("Do"/"To", "Guk"/"Kuk"). ASCII words.
pub(super) fn syllable_alike(p: &str, q: &str) -> bool {
    let voiced = |c: u8, d: u8| {
        matches!(
            (c, d),
            (b'd', b't') | (b't', b'd') | (b'g', b'k') | (b'k', b'g') | (b'b', b'p') | (b'p', b'b')
        )
    };
    p == q
        || one_syllable_alike(p, q)
        || (vowel_runs(p) == 1
            && p.len() <= 5
            && p.len() == q.len()
            && p.is_ascii()
            && q.is_ascii()
            && p[1..] == q[1..]
            && voiced(p.as_bytes()[0], q.as_bytes()[0]))
}

/// Two spellings of one East Slavic given name that a respelling cannot join, as Belarusian
/// and Ukrainian write it beside Russian: a closing "h" for the Russian "g" (a closing "h"
/// after a vowel is otherwise the silent Arabic one, which [`super::phonetic::phonetic`] drops:
/// "Aleh"/"Oleg"), and the Belarusian "v" said before an opening "o" ("Volha"/"Olga", "Volha"/
/// "Olha"), where the word's "h" says it is Belarusian. The rest must then be alike as the respelling reads it, where "h" and "g" trade
/// and with them the Belarusian "a" for an unstressed "o".
pub(super) fn east_slavic_alike(a: &str, b: &str) -> bool {
    if !a.is_ascii() || !b.is_ascii() || a.len() < 4 || b.len() < 4 || a == b {
        return false;
    }
    // Most pairs have neither: the cheap test first, as this is read for many pairs.
    let vowel_then = |w: &str, c: u8| {
        let b = w.as_bytes();
        b[b.len() - 1] == c && b"aeiou".contains(&b[b.len() - 2])
    };
    let closing = (vowel_then(a, b'h') && vowel_then(b, b'g'))
        || (vowel_then(b, b'h') && vowel_then(a, b'g'));
    let opening = (a.starts_with("vo") && b.starts_with('o') && a.contains('h'))
        || (b.starts_with("vo") && a.starts_with('o') && b.contains('h'));
    if !closing && !opening {
        return false;
    }
    let respelt = |w: &str| {
        // The closing "h" read as the "g" it stands for.
        let w = match w.strip_suffix('h') {
            Some(stem) if stem.as_bytes().last().is_some_and(|c| b"aeiou".contains(c)) => {
                format!("{stem}g")
            }
            _ => w.to_string(),
        };
        // The Belarusian "v" before an opening "o" left out, in a word that is Belarusian by
        // its "h" too ("Volkan" is no "Olkan").
        let w = match w.strip_prefix('v') {
            Some(rest) if rest.starts_with('o') && rest.len() >= 4 && rest.contains('h') => {
                rest.to_string()
            }
            _ => w,
        };
        let p = phonetic(&w);
        let places = vowel_places(&p);
        (p, places)
    };
    // The test above leaves only pairs that one of these respellings changes: alike as they
    // stand, [`super::align`] has already read them.
    let ((pa, va), (pb, vb)) = (respelt(a), respelt(b));
    alike(&pa, &pb, &va, &vb)
}

/// Two spellings of one word that write the sound "ts" with a "c" on one side, as Belarusian
/// and Polish Latin letters and pinyin do ("Lorniec"/"Lornets"), and
/// "ts" or "tz" on the other: the "c" read as "ts" (not in "ch", "ck" or "cz"), the two must
/// be alike as the respelling reads them.
pub(super) fn c_for_ts(a: &str, b: &str) -> bool {
    let ts = |w: &str| w.contains("ts") || w.contains("tz");
    // Most pairs have no "ts": the cheap test first, as this is read for many pairs.
    if a.len() < 4 || b.len() < 4 || !(ts(a) || ts(b)) || !a.is_ascii() || !b.is_ascii() {
        return false;
    }
    let lone_c = |w: &str| {
        let w = w.as_bytes();
        (0..w.len()).any(|i| w[i] == b'c' && !matches!(w.get(i + 1), Some(b'h' | b'k' | b'z')))
    };
    let (c_word, ts_word) = if lone_c(a) && ts(b) && !ts(a) {
        (a, b)
    } else if lone_c(b) && ts(a) && !ts(b) {
        (b, a)
    } else {
        return false;
    };
    let bytes = c_word.as_bytes();
    let mut respelt = String::with_capacity(c_word.len() + 2);
    for (i, &c) in bytes.iter().enumerate() {
        if c == b'c' && !matches!(bytes.get(i + 1), Some(b'h' | b'k' | b'z')) {
            respelt.push_str("ts");
        } else {
            respelt.push(char::from(c));
        }
    }
    respelt_alike(&respelt, &ts_word.replace("tz", "ts"))
}

/// Whether two words are alike as respelt on one romanisation ([`phonetic`], [`alike`]).
pub(super) fn respelt_alike(a: &str, b: &str) -> bool {
    let (pa, pb) = (phonetic(a), phonetic(b));
    alike(&pa, &pb, &vowel_places(&pa), &vowel_places(&pb))
}

/// Two spellings of one word of a Somali name, one in Somali Latin letters: "x" for the
/// Arabic "h" (ح; respelt "ks" when the key was made), "c" for the ayn (ع), which other
/// romanisations leave out or write as a vowel ("Xasvar"/"Hasvar", "Cabdivarsk"/
/// "Abdivarsk"). The word with such letters read so must be alike the other as
/// the respelling reads them. Only for a listed Somali person (`Key::somali`): "x" and "c"
/// are other letters in other languages.
pub(super) fn somali_alike(a: &str, b: &str) -> bool {
    let alike_words = |x: &str, y: &str| x.len() >= 3 && respelt_alike(x, y);
    somali_reading(a).is_some_and(|r| alike_words(&r, b))
        || somali_reading(b).is_some_and(|r| alike_words(&r, a))
}

/// A word read as Somali Latin letters write it ([`somali_alike`]): "x" (respelt "ks") as
/// "h", a "c" (not of "ch" or "ck") left out; `None` for a word without them.
pub(super) fn somali_reading(w: &str) -> Option<String> {
    if !w.is_ascii() || !(w.contains("ks") || w.contains('c')) {
        return None;
    }
    let w = w.replace("ks", "h");
    let bytes = w.as_bytes();
    let mut out = String::with_capacity(w.len());
    for (i, &c) in bytes.iter().enumerate() {
        if c == b'c' && !matches!(bytes.get(i + 1), Some(b'h' | b'k')) {
            continue;
        }
        out.push(char::from(c));
    }
    Some(out)
}

/// A word in a German romanisation (its "sch": "Tschalajev") read as English writes it:
/// "tsch" as "ch", "sch" as "sh", a "j" between vowels as "y", "w" as "v" ("Chalayev");
/// `None` for a word without "sch". For blocking: the skeleton cannot see these.
pub(super) fn german_reading(w: &str) -> Option<String> {
    if !w.is_ascii() || !w.contains("sch") {
        return None;
    }
    let w = w.replace("tsch", "ch").replace("sch", "sh").replace('w', "v");
    let b = w.as_bytes();
    let vowel = |c: u8| b"aeiou".contains(&c);
    let yod = |k: usize| {
        k > 0 && b[k] == b'j' && vowel(b[k - 1]) && b.get(k + 1).is_some_and(|&c| vowel(c))
    };
    Some((0..b.len()).map(|k| if yod(k) { 'y' } else { char::from(b[k]) }).collect())
}
