//! Person names as comparison keys across documents and transliterations.
//!
//! Why keys rather than a string distance: names of the same person written by different
//! outlets differ in systematic ways (Latin spellings of Arabic, Persian or Russian names:
//! ou/u, ee/i, doubled consonants, Abdel/Abdul, al-/el- particles, diacritics), and a key that
//! folds those ways lets resolution block candidates in a hash map, which keeps its cost
//! linear in the number of mentions instead of quadratic.

use unicode_normalization::UnicodeNormalization;

/// Particles that do not distinguish names: "al-Hassan" and "Hassan" are one surname.
const PARTICLES: &[&str] = &["al", "el", "bin", "ibn", "ben", "abu", "bint"];

/// Arabic letters to a plain Latin skeleton, so that a name in Arabic script meets its
/// transliterations (vowels are not written in Arabic; keys drop inner vowels anyway).
fn arabic(c: char) -> Option<&'static str> {
    Some(match c {
        'ا' | 'أ' | 'إ' | 'آ' | 'ء' | 'ئ' | 'ؤ' | 'ى' => "a",
        'ب' => "b",
        'ت' | 'ط' | 'ة' => "t",
        'ث' => "th",
        'ج' => "j",
        'ح' | 'ه' => "h",
        'خ' => "kh",
        'د' | 'ض' => "d",
        'ذ' | 'ظ' => "dh",
        'ر' => "r",
        'ز' => "z",
        'س' | 'ص' => "s",
        'ش' => "sh",
        'ع' | 'غ' => "",
        'ف' => "f",
        'ق' | 'ك' => "k",
        'ل' => "l",
        'م' => "m",
        'ن' => "n",
        'و' => "w",
        'ي' => "y",
        _ => return None,
    })
}

/// Cyrillic letters to their usual English transliteration, so that "Вельгош" meets "Velgosh"
/// (lowercase; capitals are lowered first).
fn cyrillic(c: char) -> Option<&'static str> {
    Some(match c {
        'а' => "a",
        'б' => "b",
        'в' => "v",
        'г' => "g",
        'д' => "d",
        'е' | 'ё' | 'э' | 'є' => "e",
        'ж' => "zh",
        'з' => "z",
        'и' | 'і' => "i",
        'ї' => "yi",
        'й' | 'ы' => "y",
        'к' => "k",
        'л' => "l",
        'м' => "m",
        'н' => "n",
        'о' => "o",
        'п' => "p",
        'р' => "r",
        'с' => "s",
        'т' => "t",
        'у' | 'ў' => "u",
        'ф' => "f",
        'х' => "kh",
        'ц' => "ts",
        'ч' => "ch",
        'ш' => "sh",
        'щ' => "shch",
        'ъ' | 'ь' => "",
        'ю' => "yu",
        'я' => "ya",
        _ => return None,
    })
}

/// Lowercase Latin letters and digits of a name, diacritics, Arabic and Cyrillic script
/// folded.
pub fn fold(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.nfkd() {
        if unicode_normalization::char::is_combining_mark(c) {
            continue;
        }
        if let Some(latin) = arabic(c) {
            out.push_str(latin);
            continue;
        }
        for l in c.to_lowercase() {
            if let Some(latin) = cyrillic(l) {
                out.push_str(latin);
                continue;
            }
            out.push(match l {
                '’' | '‘' | 'ʼ' | '`' => '\'',
                other => other,
            });
        }
    }
    out
}

/// The words of a name that identify a person: folded, titles and particles dropped,
/// "al-X" made "X", apostrophes and hyphens inside words removed ("Abdel-Fattah" stays one
/// word "abdelfattah").
pub fn name_words(name: &str) -> Vec<String> {
    let words: Vec<String> = fold(name)
        .split(|c: char| c.is_whitespace() || c == ',')
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
        .map(|w| {
            let w = w.strip_prefix("al-").or_else(|| w.strip_prefix("el-")).unwrap_or(w);
            w.replace(['\'', '-', '.'], "")
        })
        .filter(|w| !w.is_empty() && !PARTICLES.contains(&w.as_str()))
        .collect();
    // A title stands before a name: the last word is a name even when it spells one ("Hun
    // Sen" is no senator).
    let last = words.len().saturating_sub(1);
    words
        .into_iter()
        .enumerate()
        .filter(|(i, w)| *i == last || !read::lexicon::is_name_title(w))
        .map(|(_, w)| w)
        .collect()
}

/// A word's sound skeleton: its first letter, then its consonants with doubles collapsed and
/// common transliteration pairs merged (ou/u/oo, ee/i, ph/f, q/k, ck/k, ch/sh, dj/j, w/v),
/// "sh" kept apart from "s".
pub fn skeleton(word: &str) -> String {
    // "Abdullah" is a name of its own, not the "Abdul" that opens "Abdul Karim".
    if matches!(word, "abdullah" | "abdallah" | "abdulla" | "abdalla" | "abdollah") {
        return "abdlh".into();
    }
    let w = word
        .replace("abdel", "abdul")
        .replace("abdal", "abdul")
        .replace("ph", "f")
        .replace("ck", "k")
        .replace("ch", "sh")
        .replace("dj", "j")
        .replace('q', "k")
        .replace('w', "v")
        .replace('x', "ks")
        // "sh" is one letter (ش, ш) that "s" never stands for: Shakir is not Sakir. It is
        // kept as one symbol before the h's are dropped below.
        .replace("sh", "x");
    let mut chars = w.chars();
    let Some(first) = chars.next() else { return String::new() };
    let first = if "aeiouy".contains(first) { 'a' } else { first };
    let mut out = String::from(first);
    let mut last = first;
    for c in chars {
        if "aeiouyh".contains(c) {
            // Vowels and h (kh/k, th/t, Mahmoud/Mahmud) carry spelling, not identity.
            continue;
        }
        if c != last {
            out.push(c);
            last = c;
        }
    }
    out
}

/// The blocking keys of a person name: the skeletons of its words after the first (its
/// possible surnames; "Hernán Vallejo Brito" has two), or of its one word. Two names can
/// only be the same person if they share a key, so comparisons stay within small blocks.
pub fn block_keys(name: &str) -> Vec<String> {
    let words = name_words(name);
    let from = usize::from(words.len() >= 2);
    let mut keys: Vec<String> =
        words[from.min(words.len())..].iter().map(|w| skeleton(w)).collect();
    keys.sort();
    keys.dedup();
    keys
}

/// A person name read once for many comparisons: its identifying words and their skeletons.
#[derive(Clone, Debug)]
pub struct NameKey {
    words: Vec<String>,
    skeletons: Vec<String>,
}

impl NameKey {
    /// Reads a name.
    pub fn new(name: &str) -> NameKey {
        let words = name_words(name);
        let skeletons = words.iter().map(|w| skeleton(w)).collect();
        NameKey { words, skeletons }
    }

    fn same_word(&self, i: usize, other: &NameKey, j: usize) -> bool {
        let (x, y) = (&self.words[i], &other.words[j]);
        (x.len() == 1 && y.starts_with(x.as_str()))
            || (y.len() == 1 && x.starts_with(y.as_str()))
            || self.skeletons[i] == other.skeletons[j]
    }

    /// See [`compatible`].
    pub fn compatible(&self, other: &NameKey) -> bool {
        let (short, long) =
            if self.words.len() <= other.words.len() { (self, other) } else { (other, self) };
        if short.words.is_empty() {
            return false;
        }
        let mut at = 0;
        let mut last = 0;
        for i in 0..short.words.len() {
            match (at..long.words.len()).find(|&j| short.same_word(i, long, j)) {
                Some(j) => {
                    last = j;
                    at = j + 1;
                }
                None => return false,
            }
        }
        long.words.len() == 1 || last > 0
    }
}

/// Whether two person names can be the same person: the shorter one's words appear in the
/// longer one in order (by skeleton, or as initials), and its last word is one of the
/// longer one's surnames (not its first name). "Vallejo", "Hernan Vallejo" and "Vallejo
/// Brito" all fit "Hernán Octavio Vallejo Brito"; "Karim Haddad" does not fit "Samir Haddad".
pub fn compatible(a: &str, b: &str) -> bool {
    NameKey::new(a).compatible(&NameKey::new(b))
}
