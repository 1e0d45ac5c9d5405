//! One name word respelt on a common romanisation, for the spellings that systems of
//! transliteration give one sound and a skeleton cannot see: Wade-Giles and pinyin Chinese
//! ("Hsueh"/"Xue"), McCune-Reischauer and Revised Korean ("Chin"/"Jin", "Pyong"/"Pyeong"),
//! English and German spellings of one Cyrillic letter ("sh"/"sch", "ch"/"tsch", "zh"/"j"),
//! Belarusian and Ukrainian "h" for a Russian "g" ("Hryhor-"/"Grigor-") and "u" for "v"
//! ("-ouski"/"-ovski"), the Arabic article after "Abd" ("Abdurrahman"/"Abdul Rahman"), and the
//! vowels that English and French spellings write two ways ("oo"/"ou"/"u", "ee"/"i"), the
//! Arabic "dh" written "d" ("Ramadhan"/"Ramadan"); and,
//! apart, the French "ch" for the "sh" of other romanisations of Arabic ([`ch_as_sh`]).
//!
//! Two words alike in this form are a transliteration variant only when their consonants
//! agree letter for letter ([`consonants`]) and their respellings are spelt near each other,
//! so the folds stay pairs of spellings of one sound, never classes of sounds.

fn vowel(c: u8) -> bool {
    b"aeiouy".contains(&c)
}

/// The word respelt (see the module's note). Only ASCII words are respelt; a word of another
/// script is returned as it is.
pub(super) fn phonetic(word: &str) -> String {
    if !word.is_ascii() || word.is_empty() {
        return word.to_string();
    }
    let mut w = word.to_string();
    // An Arabic article assimilated after "Abd" ("Abdurrahman", "Abdul Rahman", "Abd
    // al-Rahman" once particles are dropped): the servant "of the" is left out.
    if let Some(rest) = w.strip_prefix("abd") {
        let b = rest.as_bytes();
        // "Abdul-" or "Abdur-" and a sun letter doubled: the article, written or assimilated.
        let article = b.len() >= 4
            && vowel(b[0])
            && !vowel(b[2])
            && (b[1] == b'l' || (!vowel(b[1]) && b[1] == b[2]));
        // "Abdul", "Abdur", "Abdel" alone, before a name written apart: "Abd" and the article.
        let alone = b.len() <= 2
            && b.first().is_some_and(|&c| vowel(c))
            && b[1..].iter().all(|c| b"lrsznt".contains(c));
        if alone {
            w = "abd".to_string();
        } else if article {
            w = format!("abd{}", &rest[2..]);
        }
    }
    // A Belarusian "u" that opens a word before "l" and a vowel is the Russian "v"
    // ("Uladz-"/"Vlad-"): the letter ў, written "u" by its romanisations.
    if w.starts_with("ul") && w.as_bytes().get(2).is_some_and(|&c| vowel(c)) {
        w.replace_range(..1, "v");
    }
    // Burmese romanisations mark an aspirated opening "t", "p" or "k" with an "h" before it
    // ("Htarn"/"Tarn", "Hpel"/"Pel", "Hkov"/"Kov"), which other spellings leave out; no
    // other spelling opens a word so.
    if w.len() >= 3 && (w.starts_with("ht") || w.starts_with("hp") || w.starts_with("hk")) {
        w.remove(0);
    }
    // Wade-Giles "hs" and a pinyin "x" (which `respell` wrote "ks") open a word with one
    // sound; so does "sh" in most romanisations of it.
    if let Some(rest) = w.strip_prefix("hs") {
        w = format!("s{rest}");
    } else if let Some(rest) = w.strip_prefix("ks")
        && rest.as_bytes().first().is_some_and(|&c| vowel(c))
    {
        w = format!("s{rest}");
    }
    // A closing "dz" is the Belarusian soft "дзь" where Russian closes on "-дий" ("Arkadz"/
    // "Arkadiy").
    if w.len() >= 5
        && let Some(stem) = w.strip_suffix("dz")
    {
        w = format!("{stem}di");
    }
    // French spellings write the Arabic "w" between two vowels "ou" ("Sahraoui"/"Sahrawi",
    // "Aouad"/"Awad"): there it is the consonant, which the rules below would read as the
    // vowel "u".
    if w.contains("ou") {
        w = pairs_respelt(&w, 'w', |b, k| {
            k > 0
                && b[k] == b'o'
                && b.get(k + 1) == Some(&b'u')
                && vowel(b[k - 1])
                && b.get(k + 2).is_some_and(|&c| vowel(c))
        });
    }
    // The Arabic dhal and dad, "dh" in some romanisations and "d" in others ("Ramadhan"/
    // "Ramadan", "Qorvadhi"/"Gorvadi"); not the "d" of "Abd" before a name that opens on "h"
    // ("Abdhorvat", from "Abdul Horvat" above).
    let from = if w.starts_with("abdh") { 3 } else { 0 };
    if w[from..].contains("dh") {
        w = format!("{}{}", &w[..from], w[from..].replace("dh", "d"));
    }
    // A German romanisation (its "sch") writes the Russian "й" and "я" with a "j" between
    // vowels ("Tschalajev"/"Chalayev"), where English writes "y".
    if w.contains("sch") && w.contains('j') {
        let b = w.as_bytes();
        let yod = |k: usize| {
            k > 0 && b[k] == b'j' && vowel(b[k - 1]) && b.get(k + 1).is_some_and(|&c| vowel(c))
        };
        w = (0..b.len()).map(|k| if yod(k) { 'y' } else { char::from(b[k]) }).collect();
    }
    let rules: &[(&str, &str)] = &[
        // (from, to), longer spellings first.
        ("dsch", "j"),
        ("tsch", "ch"),
        ("sch", "s"),
        ("sh", "s"),
        ("sz", "s"),
        ("dzh", "j"),
        ("dj", "j"),
        ("zh", "j"),
        ("tch", "j"),
        ("ch", "j"),
        ("dz", "d"),
        ("kh", "h"),
        ("gh", "g"),
        ("ph", "f"),
        ("ck", "k"),
        ("eo", "o"),
        ("eu", "u"),
        ("ou", "u"),
        ("oo", "u"),
        ("ee", "i"),
        ("y", "i"),
        ("w", "v"),
    ];
    for (from, to) in rules {
        if w.contains(from) {
            w = w.replace(from, to);
        }
    }
    // Belarusian romanisations write "ia" and "ie" for the Russian "e" after a consonant and
    // before two ("Siarh-"/"Serg-", "Aliaks-"/"Aleks-", "-piank-"/"-penk-"); before one and a
    // vowel, or at the end, it is a syllable of its own ("Liana", "Julian").
    if w.contains("ia") || w.contains("ie") {
        w = pairs_respelt(&w, 'e', |b, k| {
            k > 0
                && !vowel(b[k - 1])
                && b[k] == b'i'
                && matches!(b.get(k + 1), Some(b'a' | b'e'))
                && b.get(k + 2).is_some_and(|&c| !vowel(c))
                && b.get(k + 3).is_some_and(|&c| !vowel(c))
        });
    }
    // The Slavic ending "-ей"/"-ий" is written "-ei", "-ey", "-iy", "-ij" or "-i" ("Tomashei",
    // "Tomashiy"); in a word of five letters or more, so that short names ("Lei"/"Li") stay apart.
    if w.len() >= 5 && w.ends_with("ei") {
        w.truncate(w.len() - 2);
        w.push('i');
    }
    let mut out = String::with_capacity(w.len());
    let b = w.as_bytes();
    for (k, &c) in b.iter().enumerate() {
        // A "v" after a vowel and before a consonant or at the end is the Belarusian "u"
        // ("-ovski"/"-ouski", "-ov"/"-ou").
        let c = if c == b'v' && k > 0 && vowel(b[k - 1]) && b.get(k + 1).is_none_or(|&n| !vowel(n))
        {
            b'u'
        } else {
            c
        };
        // An Arabic "w" before a long "u" after a vowel is written in French "ou" and in
        // English "w" ("Taoud"/"Tawud"/"Tawoud", "Taouk"/"Tawook"): once "ou" is "u", the
        // "v" between a vowel and "u" is that vowel's glide.
        if c == b'v' && k > 0 && vowel(b[k - 1]) && b.get(k + 1) == Some(&b'u') {
            continue;
        }
        // An "h" that closes a word after a vowel ("Varskah"/"Varska") is not written in many
        // spellings.
        if c == b'h' && k + 1 == b.len() && k > 0 && vowel(b[k - 1]) {
            continue;
        }
        // Doubled letters, vowels too ("Saad"/"Sad", "Hollo"/"Holo"), are one.
        if out.as_bytes().last() == Some(&c) {
            continue;
        }
        out.push(c as char);
    }
    out
}

/// An ASCII word with each pair of letters that opens where `at` holds written as `with`.
fn pairs_respelt(w: &str, with: char, at: impl Fn(&[u8], usize) -> bool) -> String {
    let b = w.as_bytes();
    let mut out = String::with_capacity(b.len());
    let mut k = 0;
    while k < b.len() {
        if at(b, k) {
            out.push(with);
            k += 2;
        } else {
            out.push(b[k] as char);
            k += 1;
        }
    }
    out
}

/// A word that opens with "j" and a vowel respelt with "y" for it: Slavic, German and Dutch
/// romanisations write "j" where English writes "y" ("Juri"/"Yuri", "Jelena"/"Yelena"). Kept
/// apart from [`phonetic`], which reads an opening "j" as Arabic and Korean romanisations do
/// ("Jabel"/"Gabel", "Jong"/"Chong"); `None` for other words.
pub(super) fn yod(word: &str) -> Option<(String, String)> {
    let rest = word.strip_prefix('j')?;
    rest.as_bytes().first().filter(|&&c| vowel(c))?;
    let p = phonetic(&format!("y{rest}"));
    let places = vowel_places(&p);
    Some((p, places))
}

/// A word with "ch" respelt as "sh" reads it: French romanisations of Arabic write its "sh"
/// (ش) "ch" ("Chebel"/"Shibl", "Achraf"/"Ashraf", "Cherri"/"Shirri"), which [`phonetic`]
/// reads as English and Korean romanisations do ("Chin"/"Jin"). Kept apart, as [`yod`] is;
/// `None` for a word without such a "ch" (German "sch" and "tsch" are read already), and for
/// a word of one syllable: Chinese and Korean "ch" and "sh" are two sounds ("Chev"/"Shev").
pub(super) fn ch_as_sh(word: &str) -> Option<(String, String)> {
    if !word.is_ascii() || !word.contains("ch") || word.contains("sch") || word.contains("tch") {
        return None;
    }
    let syllables = word.as_bytes().split(|&c| !vowel(c)).filter(|s| !s.is_empty()).count();
    if syllables < 2 {
        return None;
    }
    let p = phonetic(&word.replace("ch", "sh"));
    let places = vowel_places(&p);
    Some((p, places))
}

/// The consonants of a respelt word, in order ([`phonetic`] wrote doubled ones once).
pub(super) fn consonants(phonetic: &str) -> String {
    phonetic.chars().filter(|c| !"aeiouy".contains(*c)).collect()
}

/// Where a respelt word's vowels stand: "V" for a run of vowels, "C" for each consonant ("h"
/// too: after the folds it is a letter of its own).
pub(super) fn vowel_places(phonetic: &str) -> String {
    let mut out = String::new();
    for c in phonetic.bytes() {
        if vowel(c) {
            if !out.ends_with('V') {
                out.push('V');
            }
        } else {
            out.push('C');
        }
    }
    out
}

/// Consonants that romanisations of one letter trade, beyond those a skeleton merges:
/// Belarusian and Ukrainian "h" for a Russian "g", Korean and Wade-Giles "k"/"g", "p"/"b" and
/// "t"/"d", Arabic qaf as "q", "k" or "g", "s"/"z", "f"/"p", Russian "kh" as "h" or "k". Not
/// "b"/"p": it makes more wrong matches than right ones.
const PAIRS: &[(u8, u8)] = &[
    (b'g', b'h'),
    (b'g', b'k'),
    (b'k', b'q'),
    (b'g', b'q'),
    (b'k', b'c'),
    (b'd', b't'),
    (b's', b'z'),
    (b'f', b'p'),
    (b'g', b'j'),
    (b'h', b'k'),
];

fn paired(x: u8, y: u8) -> bool {
    x == y || PAIRS.iter().any(|&(p, q)| (x, y) == (p, q) || (x, y) == (q, p))
}

/// Whether two respelt words are one name: the same vowel places, consonants equal or
/// traded letter for letter, and, once the traded consonants are made the same, spelt near
/// each other with each traded consonant spending three quarters of an edit of the budget
/// (so that a consonant traded and a vowel changed in a short word is too much:
/// "Telgov"/"Dalgov").
pub(super) fn alike<'a>(a: &'a str, b: &'a str, places_a: &str, places_b: &str) -> bool {
    if a == b {
        return !a.is_empty();
    }
    if places_a != places_b || !a.is_ascii() || !b.is_ascii() {
        return false;
    }
    // The same places hold as many consonants on both sides.
    let consonants = |w: &'a str| w.bytes().filter(|&c| !vowel(c));
    if consonants(a).count() < 2 {
        return false;
    }
    let mut traded = 0.0;
    let mut slavic_h = false;
    for (x, y) in consonants(a).zip(consonants(b)) {
        if x != y {
            if !paired(x, y) {
                return false;
            }
            // "q" and "k" are the one Arabic letter qaf in two romanisations ("Qalvem"/"Kalvim",
            // "Torviq"/"Torvek"), not two sounds: a quarter of an edit, so that the vowel a
            // romanisation writes beside it ("e"/"i" for the kasra) may differ too.
            traded += if matches!((x, y), (b'q', b'k') | (b'k', b'q')) { 0.25 } else { 0.75 };
            slavic_h |= matches!((x, y), (b'g', b'h') | (b'h', b'g'));
        }
    }
    // A Belarusian "h" for the Russian "g" comes with Belarusian vowels: the unstressed "o"
    // is written "a" (akanye: "Ihar"/"Igor"), so once the consonants
    // say one language was read in the other's spelling, "o" and "a" are one vowel.

    // A word that closes on a vowel closes on the same vowel in the other spelling, but for
    // the Arabic feminine ending written "-a" or "-e" ("Lornaya"/"Lornayeh"): another ending is
    // another name or form ("Varski"/"Varskov" once its "v" is the Belarusian "u",
    // "Hollidi"/"Hollida").
    let last =
        |w: &str| w.bytes().last().filter(|&c| vowel(c)).map(|c| if c == b'e' { b'a' } else { c });
    if last(a) != last(b) {
        return false;
    }
    // b with a's consonants: the comparison left is of vowels only.
    let mut from_a = consonants(a);
    let mapped: String =
        b.bytes().map(|c| if vowel(c) { c } else { from_a.next().unwrap_or(c) } as char).collect();
    // Not where "ng" says the word is East Asian ("Chonghwan"/"Jongwon"), whose "o" and "a"
    // are two vowels.
    if slavic_h && !a.contains("ng") && !b.contains("ng") {
        let akanye = |w: &str| w.replace('o', "a");
        return super::spelling::near_spelling_less(&akanye(a), &akanye(&mapped), traded);
    }
    super::spelling::near_spelling_less(a, &mapped, traded)
}

/// A consonant string on one letter per trading class, for blocking: wider than [`alike`].
pub(super) fn coarse(consonants: &str) -> String {
    let mut out = String::with_capacity(consonants.len() + 1);
    out.push('#');
    for c in consonants.chars() {
        let c = match c {
            'g' | 'h' | 'k' | 'q' | 'c' | 'j' => 'k',
            'b' | 'p' | 'f' => 'p',
            'd' | 't' => 't',
            'z' => 's',
            'w' => 'v',
            other => other,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}
