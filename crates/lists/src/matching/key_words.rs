//! The words of a name as lists and papers write them: honorifics that lead given names,
//! particles, "son of" and its chain of fathers' names, hyphens at "Abu" and the article,
//! and the respellings of single letters (split from `key.rs` in session 28, which had
//! passed 600 lines).

use resolve::names::name_words;

/// Words of organisation names that say what kind of body it is, not which.
pub(super) const BODY_NOISE: &[&str] = &[
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
/// are also family names elsewhere in a name ("Piet al-Sayed Holl").
const HONORIFICS: &[&str] = &[
    "haji", "hajji", "hadji", "alhaj", "alhajj", "hajj", "mullah", "mulla", "mawlawi", "maulawi",
    "maulavi", "mawlavi", "maulvi", "molvi", "mawlana", "maulana", "sheikh", "shaikh", "shaykh",
    "shiekh", "sheik", "cheikh", "sayyid", "sayyed", "sayed", "seyed", "seyyed", "syed", "seid",
    "seyd",
    // Burmese: "Daw" (a woman), "Saw" (a Karen man), "U" (a man) lead the name.
    "daw", "saw", "u",
    // What is left of "Lt. Col. (Rtd.)" once `resolve` has dropped the ranks.
    "rtd", "retd",
];

/// Drops the honorifics that lead the given names (`words[..given]`), when at least two words
/// are left: "Haji Kasimir Orlen" is "Kasimir Orlen", but "Haji Kasimir" keeps both.
pub(super) fn without_honorifics(words: &mut Vec<String>, given: usize) {
    let lead = words[..given.min(words.len())]
        .iter()
        .take_while(|w| HONORIFICS.contains(&w.as_str()))
        .count();
    if lead > 0 && words.len() >= lead + 2 {
        words.drain(..lead);
    }
}

/// Words that say "son of" or "daughter of" before a father's name ([`Key::nasab`]).
const SON_OF: &[&str] = &["bin", "ibn", "ben", "bint", "binti", "ould", "mint"];

/// The words after the first "son of" particle of `name`, up to the end of its part (before
/// a comma, or after it), unless the particle opens a name written in order ("Bin Lorn Piet"):
/// `None` when there is none.
pub(super) fn fathers_names(name: &str) -> Option<Vec<String>> {
    let in_order = !name.contains(',');
    for part in name.split(',') {
        let words: Vec<&str> = part.split_whitespace().collect();
        let son_of = |w: &&str| SON_OF.contains(&w.to_lowercase().trim_matches('.'));
        let Some(at) = words.iter().position(son_of) else { continue };
        if at == 0 && in_order {
            return None;
        }
        let after = name_words(&words[at + 1..].join(" "));
        return (!after.is_empty()).then_some(after);
    }
    None
}

/// Particles of Romance and Germanic names ("Piet de Lorn", "van der Holl"): left out when
/// two words or more stay, as `resolve` leaves out the Arabic article.
const PARTICLES: &[&str] =
    &["de", "da", "do", "dos", "das", "del", "della", "di", "y", "van", "von", "der", "den"];

/// Leaves out the particles of a whole name, given names first. A particle stands between
/// words: one that opens or closes the name is a name of its own, as Korean, Chinese and
/// Vietnamese given names and surnames spelt like one are ("Do Chun Pak", "Minh Do").
pub(super) fn without_particles(words: &mut Vec<String>) {
    let n = words.len();
    let particle: Vec<bool> =
        (0..n).map(|k| k > 0 && k + 1 < n && PARTICLES.contains(&words[k].as_str())).collect();
    without_marked(words, &particle, 2);
}

/// Leaves out the words `marked` when at least `least` stay and one goes; gives how many went.
fn without_marked(words: &mut Vec<String>, marked: &[bool], least: usize) -> usize {
    let n = words.len();
    let kept = marked.iter().filter(|&&m| !m).count();
    if kept < least || kept == n {
        return 0;
    }
    let mut k = 0;
    words.retain(|_| {
        k += 1;
        !marked[k - 1]
    });
    n - kept
}

/// "Abu" ("father of") as French and Maghrebi and Gulf papers write it ("Abou", "Bou", "Bu
/// Varsk"): `resolve` leaves out "Abu", and these go with it.
const ABU_SPELLINGS: &[&str] = &["abou", "bou", "bu"];

/// Leaves out the spellings of "Abu" ([`ABU_SPELLINGS`]) before another word of the first
/// `within` (the given names: a "Bu" before the family name is a Korean or Chinese given
/// name's syllable), when at least `least` words stay: "Bu Varsk Holl" is "Varsk Holl", but
/// a Chinese "Bu" that closes a name or opens one of two stays, and so does a "Bu" before a
/// short syllable (the Korean "Bu-il"). Gives how many it left out.
pub(super) fn without_abu_spellings(words: &mut Vec<String>, least: usize, within: usize) -> usize {
    let n = words.len();
    let abu: Vec<bool> = (0..n)
        .map(|k| {
            let w = words[k].as_str();
            k + 1 < n.min(within)
                && ABU_SPELLINGS.contains(&w)
                && (w != "bu" || words[k + 1].len() >= 4)
        })
        .collect();
    without_marked(words, &abu, least)
}

/// Leaves out the particles of a list's surname read alone ("VAN DER LORN HOLL"), where they
/// may open it, to count its words.
pub(super) fn without_surname_particles(words: &mut Vec<String>) {
    let particle: Vec<bool> = words.iter().map(|w| PARTICLES.contains(&w.as_str())).collect();
    without_marked(words, &particle, 2);
}

/// A word respelt where romanisations of one sound differ in a way the skeleton cannot see:
/// "x" is "ks" ("Alexander"/"Aleksandr"); a Slavic "j" after a vowel and before a consonant or
/// at the end is the semivowel "y" ("Aleksej"/"Aleksey", "Varnholmskij"; not after "a", where
/// an Arabic "j" ends names: "Faraj"); "w" after a vowel and before a consonant is the vowel "u"
/// ("Tawfiq"/"Taufik", "Varskowski"/"Varskousky"); the Basque and Catalan "tx" is "ch"
/// ("Etxeberria"/"Echeverria").
pub(in crate::matching) fn respell(word: &str) -> String {
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
            't' if after == Some(&'x') => out.push('c'),
            'x' if before == Some(&'t') => out.push('h'),
            'x' => out.push_str("ks"),
            'j' if closes && before != Some(&'a') => out.push('y'),
            'w' if closes && after.is_some() => out.push('u'),
            _ => out.push(c),
        }
    }
    out
}

/// Arabic articles as they are written before a hyphen ("al-", and "ul-", "ur-", "ud-", "ash-"
/// where the article takes the next word's first sound, as in "Nasir ud-Din", "Mati-ur-Rahman"):
/// [`apart_at_particles`] leaves them out.
const HYPHENED_ARTICLES: &[&str] =
    &["al", "el", "ul", "ur", "ud", "ad", "ed", "ar", "as", "ash", "at", "az", "an"];

/// The words of kinship written onto a name with a hyphen ("Abu-Mahdi", "Bin-Fahad"), which
/// papers and lists write apart as often.
const HYPHENED_KIN: &[&str] = &["abu", "abou", "bu", "bin", "ibn", "bint", "ben"];

/// A name with its hyphenated words taken apart where one of their parts is a word of
/// kinship or, between two words, an article: "Abu-Varsk" is "Abu Varsk", "Piet-al-Din" is
/// "Piet Din", as `resolve` reads the words apart (leaving out "Abu" and the article), where
/// joined they made one word ("abuvarsk", "pietaldin") that met nothing; "Abul-Varsk" is "Abu
/// Varsk". An article that opens the word is left out ("Ur-Varsk" is "Varsk", as `resolve`
/// does for "al-"); one that closes it stays on ("Piet-ur" is "Pietur", as papers write it).
/// Other hyphens stay, and so does "Abd-al-Varsk" ("servant of"), one name with its article.
pub(super) fn apart_at_particles(name: &str) -> String {
    if !name.contains('-') {
        return name.to_string();
    }
    let bare = |p: &str| {
        p.trim_matches(|c: char| !c.is_alphanumeric())
            .to_lowercase()
            .replace(['\'', '\u{2019}'], "")
    };
    let article = |p: &str| HYPHENED_ARTICLES.contains(&bare(p).as_str());
    let kin = |p: &str| HYPHENED_KIN.contains(&bare(p).as_str());
    name.split(' ')
        .map(|token| {
            let mut parts: Vec<String> = token.split('-').map(str::to_string).collect();
            if parts.len() < 2 || bare(&parts[0]).starts_with("abd") {
                return token.to_string();
            }
            if article(&parts[0]) {
                parts.remove(0);
            }
            // "Abul" is "Abu al".
            for p in parts.iter_mut() {
                if matches!(bare(p).as_str(), "abul" | "abil") {
                    *p = "abu".to_string();
                }
            }
            let n = parts.len();
            let inner = |k: usize| k > 0 && k + 1 < n && article(&parts[k]);
            if !parts.iter().any(|p| kin(p)) && !(0..n).any(inner) {
                return parts.join("-");
            }
            let kept: Vec<&str> =
                (0..n).filter(|&k| !inner(k)).map(|k| parts[k].as_str()).collect();
            kept.join(" ")
        })
        .collect::<Vec<_>>()
        .join(" ")
}
