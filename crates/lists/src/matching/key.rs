//! A name read for matching: its folded words, their skeletons and shapes, read once.

use resolve::names::{fold, name_words, skeleton};

use super::phonetic::{self, consonants, phonetic, vowel_places};
use super::spelling::{coarse, shape};
use super::word_pairs::{german_reading, somali_reading, vowel_runs};

#[path = "key_words.rs"]
mod words;
pub(super) use words::respell;
use words::{
    BODY_NOISE, apart_at_particles, fathers_names, without_abu_spellings, without_honorifics,
    without_particles, without_surname_particles,
};

/// A name read for matching: its words and their skeletons.
#[derive(Clone, Debug)]
pub(super) struct Key {
    pub(super) words: Vec<String>,
    pub(super) skeletons: Vec<String>,
    /// The skeletons without their inner "v": Arabic script writes a long "u" and a "w"
    /// with one letter (و), which folds to "w", so an Arabic-script name is compared on
    /// these ("قرموط" and "Qarmout").
    pub(super) loose: Vec<String>,
    /// Whether the name was written in Arabic script.
    pub(super) arabic: bool,
    /// How many of the last words are the surname, when the list says ("SURNAME, Given");
    /// else 0.
    pub(super) surnames: usize,
    /// Where each word's vowels stand ([`shape`]), read once: alignment compares them for
    /// every candidate.
    pub(super) shapes: Vec<String>,
    /// Each word joined to the next ("il" + "kyu"), and its skeleton, for [`join`].
    pub(super) joined: Vec<(String, String)>,
    /// Each word respelt on one romanisation ([`phonetic`]) and where its vowels stand.
    pub(super) phon: Vec<(String, String)>,
    /// Each word's respelling joined to the next's ("hsueh" + "kang" as "suekang"), for
    /// [`join`].
    pub(super) phon_joined: Vec<(String, String)>,
    /// Each word without an Arabic article written onto it ("Alvarnholm", "Elbrenning"), as a
    /// key of that one word ([`without_article`]), so that alignment reads it as it reads any
    /// word; `None` for most words.
    pub(super) bare: Vec<Option<Box<Key>>>,
    /// A query's words only: what each costs when it aligns with nothing (a rare word 1, a
    /// word many listed names bear less, [`Index::weigh`]); empty is 1 each.
    pub(super) weights: Vec<f32>,
    /// A query's words only: whether many listed names bear the word (very common given names).
    pub(super) common: Vec<bool>,
    /// Whether each word is a patronymic ([`patronymic`]) or of a chain of fathers' names
    /// ([`Key::nasab`]).
    pub(super) patronymic: Vec<bool>,
    /// Each word that opens with "j" and a vowel respelt with "y" for it ([`phonetic::yod`]),
    /// read once: alignment compares it for every candidate.
    pub(super) yod: Vec<Option<(String, String)>>,
    /// Each word with a "ch" respelt as the French "sh" ([`phonetic::ch_as_sh`]), read once.
    pub(super) ch_as_sh: Vec<Option<(String, String)>>,
    /// A listed name only: whether its first given name, when very common, is a devotional
    /// one that the person's other names are said without (`Index::new`).
    pub(super) first_given_devotional: bool,
    /// A listed name only: whether the listed person is Somali (`Index::new`), so that a
    /// word in Somali Latin letters ("x" for the Arabic "h", "c" for the ayn: "Xasvar",
    /// "Cabdivarsk") is read as other romanisations write it ([`super::word_pairs::somali_alike`]).
    pub(super) somali: bool,
    /// Each word written with hyphens, its parts of two syllables or more that a person may
    /// go by alone ([`Key::hyphen_parts`]: "Sally-Anne", "Varsk-Lornby"); empty for most words.
    pub(super) parts: Vec<Vec<String>>,
}

/// The fewest letters of a coarse skeleton filed and read with a letter left out
/// ([`Key::near_keys`]). Four since session 27 ("Haswani" written "Hewani" behind a common
/// given name): five left such surnames unread, and four costs about 3% more matching time.
const NEAR_LEAST: usize = 4;

/// Words of at least this many letters are read with two neighbouring letters swapped
/// ([`Key::near_keys`]).
const SWAP_LEAST: usize = 5;

/// Whether a word is an East Slavic patronymic ("Kasimirovich", "Pietrovna", "Tomasevych",
/// the German "Kasimirowitsch", and the Belarusian feminine "Pietrauna", "Pietrowna", written
/// with the "ў" of "-аўна"):
/// a father's name that lists write and papers mostly leave out.
pub(super) fn patronymic(word: &str) -> bool {
    word.len() >= 7
        && [
            "vich", "vych", "vitch", "vitsch", "witsch", "vna", "ichna", "auna", "euna", "ouna",
            "awna", "ewna", "owna",
        ]
        .iter()
        .any(|end| word.ends_with(end))
}

/// The first name of a compound with "ad-Din" written as one word ([`Key::compound_parts`]).
fn din_compound_stem(word: &str) -> Option<&str> {
    if !word.is_ascii() {
        return None;
    }
    let w = word.strip_suffix('e').unwrap_or(word);
    let rest = w.strip_suffix("din").or_else(|| w.strip_suffix("deen"))?;
    let linking = |s: &str| s.ends_with(['u', 'i', 'e', 'o', 'a']);
    let stem = if let Some(r) = rest.strip_suffix('d') {
        // "-uddin", "-addin", "-ddin": the article's "d" doubled.
        if linking(r) { &r[..r.len() - 1] } else { r }
    } else if rest.ends_with(['u', 'i', 'e', 'o']) {
        &rest[..rest.len() - 1]
    } else if rest.ends_with('h') {
        rest
    } else {
        return None;
    };
    (stem.len() >= 4 && vowel_runs(stem) >= 1).then_some(stem)
}

fn loosen(skeleton: &str) -> String {
    let mut chars = skeleton.chars();
    let first: String = chars.next().into_iter().collect();
    first + &chars.filter(|&c| c != 'v').collect::<String>()
}

/// A skeleton without its first letter (on a character boundary: skeletons of names in
/// other scripts keep their letters).
pub(super) fn tail(s: &str) -> &str {
    s.char_indices().nth(1).map_or("", |(i, _)| &s[i..])
}

fn has_arabic(name: &str) -> bool {
    name.chars().any(|c| ('\u{0600}'..='\u{06ff}').contains(&c))
}

impl Key {
    pub(super) fn person(name: &str) -> Key {
        let name = &apart_at_particles(name);
        // "QARMOUT, Nabil" is "Nabil QARMOUT": lists write the surname first before a comma.
        match name.split_once(',') {
            Some((surname, given)) if !given.contains(',') && !given.trim().is_empty() => {
                let mut words = name_words(&format!("{} {}", given.trim(), surname.trim()));
                let mut surname_words = name_words(surname);
                without_surname_particles(&mut surname_words);
                without_particles(&mut words);
                let surnames = surname_words.len().min(words.len());
                let given = words.len() - surnames;
                let given = given - without_abu_spellings(&mut words, 2, given);
                without_honorifics(&mut words, given);
                let mut key = Key::of(words, has_arabic(name));
                key.surnames = surnames.min(key.words.len());
                key.silent_e(key.surnames.max(1));
                key.nasab(name);
                key.hyphen_parts(name);
                key.compound_parts();
                key
            }
            _ => {
                let mut words = name_words(name);
                without_particles(&mut words);
                without_abu_spellings(&mut words, 2, usize::MAX);
                let given = words.len().saturating_sub(1);
                without_honorifics(&mut words, given);
                let mut key = Key::of(words, has_arabic(name));
                key.silent_e(1);
                key.nasab(name);
                key.hyphen_parts(name);
                key.compound_parts();
                key
            }
        }
    }

    /// A chain of fathers' names ("son of X, son of Y": "bin", "ibn", the Maghrebi "ben",
    /// "bint", "binti", and the Mauritanian "ould" and "mint") that a list writes and papers mostly leave out: the names
    /// after the particle count as patronymics, all but the name's last word when nothing of
    /// the family name comes before the particle ("Piet bin Karim Lorn": the family is "Lorn";
    /// "Piet bin Karim" alone names no family beside the father). `resolve` has already left
    /// the particle out; `name` is the name as written.
    fn nasab(&mut self, name: &str) {
        let Some(chain) = fathers_names(name) else { return };
        let chain: Vec<String> = chain.iter().map(|w| respell(w)).collect();
        let (n, len) = (self.words.len(), chain.len());
        let Some(at) = (1..=n.saturating_sub(len)).find(|&k| self.words[k..k + len] == chain[..])
        else {
            return;
        };
        let family_before = self.surnames > 0 && at > n - self.surnames;
        let end = if family_before || at + len < n { at + len } else { n - 1 };
        for k in at..end {
            self.patronymic[k] = true;
        }
    }

    /// French spellings of a family name close it on an "e" that is not said ("Tajvedine"/
    /// "Tajvidin", "Dorcrate"/"Dorckrat", "Hisvene"/"Hisvein"): the respelling of each of the
    /// last `surnames` words of six letters or more that ends on a vowel, one consonant and "e"
    /// leaves it out. Family names only: among given names the "e" makes the feminine of another name
    /// ("Varnele"/"Varnel", "Ostrove"/"Ostrov").
    fn silent_e(&mut self, surnames: usize) {
        let n = self.words.len();
        for k in n.saturating_sub(surnames)..n {
            let b = self.words[k].as_bytes();
            // A vowel, one consonant (not "h": "-she" is another spelling's "-shi"), the "e".
            let vowel = |c: u8| b"aeiouy".contains(&c);
            let closes = b.len() >= 6
                && b.is_ascii()
                && b[b.len() - 1] == b'e'
                && !vowel(b[b.len() - 2])
                && b[b.len() - 2] != b'h'
                && vowel(b[b.len() - 3]);
            if closes {
                let p = phonetic(&self.words[k][..b.len() - 1]);
                let places = vowel_places(&p);
                self.phon[k] = (p, places);
            }
        }
    }

    pub(super) fn of(words: Vec<String>, arabic: bool) -> Key {
        let words: Vec<String> = words.iter().map(|w| respell(w)).collect();
        let patronymic = words.iter().map(|w| patronymic(w)).collect();
        let yod = words.iter().map(|w| phonetic::yod(w)).collect();
        let ch_as_sh = words.iter().map(|w| phonetic::ch_as_sh(w)).collect();
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
        let phon: Vec<(String, String)> = words
            .iter()
            .map(|w| {
                let p = phonetic(w);
                let places = vowel_places(&p);
                (p, places)
            })
            .collect();
        let phon_joined = phon
            .windows(2)
            .map(|p| {
                let j = joined_phonetic(&p[0].0, &p[1].0);
                let places = vowel_places(&j);
                (j, places)
            })
            .collect();
        let bare = words
            .iter()
            .map(|w| without_article(w).map(|r| Box::new(Key::of(vec![r.to_string()], arabic))))
            .collect();
        Key {
            words,
            skeletons,
            loose,
            arabic,
            surnames: 0,
            shapes,
            joined,
            phon,
            phon_joined,
            bare,
            weights: Vec::new(),
            common: Vec::new(),
            patronymic,
            yod,
            ch_as_sh,
            first_given_devotional: false,
            somali: false,
            parts: Vec::new(),
        }
    }

    /// Reads which words of `name` were written with hyphens and keeps their parts of two
    /// syllables or more ([`Key::parts`]): a double given name or surname ("Sally-Anne",
    /// "Varsk-Lornby") whose bearer goes by one part. Parts of one syllable are left out: a
    /// Korean or Chinese given name written with a hyphen ("Kwang-chol") is one name of two
    /// syllables, never said in half; so are parts of three letters or fewer ("Mir-", "-ur"),
    /// and "Abd-al-" names.
    fn hyphen_parts(&mut self, name: &str) {
        if !name.contains('-') {
            return;
        }
        let mut parts = vec![Vec::new(); self.words.len()];
        for token in fold(name).split(|c: char| c.is_whitespace() || c == ',') {
            if !token.contains('-') {
                continue;
            }
            let pieces: Vec<String> = token
                .split('-')
                .map(|p| p.chars().filter(|c| c.is_alphanumeric()).collect::<String>())
                .filter(|p| !p.is_empty())
                .collect();
            // "Abd-al-Varsk" ("servant of the ...") is one name, never said as its last part.
            if pieces.first().is_some_and(|p| p.starts_with("abd")) {
                continue;
            }
            let whole = respell(&pieces.concat());
            let Some(at) = self.words.iter().position(|w| *w == whole) else { continue };
            parts[at] = pieces
                .iter()
                .map(|p| respell(p))
                .filter(|p| p.len() >= 4 && p.is_ascii() && vowel_runs(p) >= 2)
                .collect();
        }
        if parts.iter().any(|p| !p.is_empty()) {
            self.parts = parts;
        }
    }

    /// Keeps, as a part a person may go by ([`Key::parts`]), the first name of an Arabic
    /// compound with "ad-Din" ("of the faith") written as one word: "Kortal" for
    /// "Kortaluddin" or "Kortalidin", "Kortah" for "Kortahdin", as the name is shortened in
    /// speech and in lists. The linking vowel or doubled "d" of the article must be there ("Varskudin",
    /// "Varskiddin"), or an "h" before "din": a European name closing on "din" ("Lorndin")
    /// is no compound. A first name of three letters or fewer ("Nur", "Ala") is not kept.
    ///
    /// So with "ur-" ("of the") written onto the name before "Rahvan" or another word of
    /// "r" ("Kortiur Rahvan" for "Korti ur-Rahvan", as South Asian names are written): the
    /// first name is a part ("Korti"), not that of "Abdur Rahman".
    fn compound_parts(&mut self) {
        for i in 0..self.words.len() {
            let next_r = self.words.get(i + 1).is_some_and(|w| w.starts_with('r'));
            let stem = din_compound_stem(&self.words[i])
                .or_else(|| {
                    let stem = self.words[i].strip_suffix("ur").filter(|_| next_r)?;
                    // "Abdur Rahman" is one name: "Abd" ("servant") is never said alone.
                    let name = stem.len() >= 3 && !stem.starts_with("abd") && vowel_runs(stem) >= 1;
                    (name && stem.is_ascii()).then_some(stem)
                })
                .or_else(|| {
                    // A Pashtun tribal name is its ancestor's with "-zai" ("sons of"): a person of
                    // it may go by the ancestor's name ("Varskzai" is "Varsk").
                    let word = &self.words[i];
                    let stem = word.strip_suffix("zai").or_else(|| word.strip_suffix("zay"))?;
                    (stem.len() >= 3 && vowel_runs(stem) >= 1 && stem.is_ascii()).then_some(stem)
                });
            let Some(stem) = stem else { continue };
            if self.parts.is_empty() {
                self.parts = vec![Vec::new(); self.words.len()];
            }
            self.parts[i].push(stem.to_string());
        }
    }

    /// The parts of word `i` written with hyphens that a person may go by ([`Key::parts`]).
    pub(super) fn parts_of(&self, i: usize) -> &[String] {
        self.parts.get(i).map_or(&[], Vec::as_slice)
    }

    /// What word `i` is counted under for how many names bear it: its skeleton and where
    /// its vowels stand, so that a rare name is not counted with the many spellings of a
    /// very common one that shares its skeleton ("Marad" has the skeleton of "Mirod").
    pub(super) fn commonness(&self, i: usize) -> String {
        format!("{}/{}", self.skeletons[i], self.shapes[i])
    }

    pub(super) fn body(name: &str) -> Key {
        let folded = fold(name);
        let words: Vec<String> = folded
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !BODY_NOISE.contains(w))
            .map(str::to_string)
            .collect();
        Key::of(words, has_arabic(name))
    }

    /// The keys a name is filed under: those of every word, with the loose forms.
    pub(super) fn block_keys(&self) -> Vec<String> {
        let mut keys = Vec::new();
        for i in 0..self.words.len() {
            self.word_keys(i, true, &mut keys);
            self.near_keys(i, true, &mut keys);
            // Filed under each part of a hyphenated word too, so that "Sally" reaches
            // "Sally-Anne".
            for part in self.parts_of(i) {
                keys.push(coarse(&skeleton(part)));
            }
        }
        keys.sort();
        keys.dedup();
        keys
    }

    /// The keys of word `i` ([`Key::block_keys`]): its skeleton on the coarse form, so that
    /// transliteration variants meet, and that without its first letter; the loose form's
    /// too when `filing` a listed name (an Arabic-script name has only those); and the word
    /// joined to either neighbour, which is what [`join`] aligns with one word of the other name ("Il Kyu"
    /// filed under "ilkyu" meets a query's "Il-Kyu", and "Il-Kyu" filed so meets "Il Kyu").
    pub(super) fn word_keys(&self, i: usize, filing: bool, keys: &mut Vec<String>) {
        if !self.arabic {
            let around = i.checked_sub(1).into_iter().chain([i]);
            keys.extend(around.filter_map(|k| self.joined.get(k)).map(|(j, _)| coarse(j)));
        }
        if !self.arabic {
            // The respelt consonants, on one letter per trading class.
            // A word of two consonants or fewer is found through its skeleton: a block of all
            // the words of two consonant classes would be read for nearly every query.
            let around = i.checked_sub(1).into_iter().chain([i]);
            let joined = around.filter_map(|k| self.phon_joined.get(k)).map(|(j, _)| j);
            for p in [&self.phon[i].0].into_iter().chain(joined) {
                let c = consonants(p);
                if c.len() >= 3 {
                    keys.push(phonetic::coarse(&c));
                }
            }
        }
        let strict = (!self.arabic).then(|| self.skeletons[i].as_str());
        let loose = (filing || self.arabic).then(|| self.loose[i].as_str());
        // Filed without a joined article too, so that "Alvarnholm" and "al-Varnholm" meet.
        let bare = self.bare[i].as_ref().map(|k| k.skeletons[0].as_str());
        // A query's word with an "x" also reads as Somali letters write it ("Xasvar" reaches
        // "Hasvar"; `somali_alike` decides for a listed Somali person alone), and one in a
        // German romanisation as English writes it ("Tschalajev" reaches "Chalayev").
        let word = &self.words[i];
        let respelt = if filing {
            None
        } else if word.contains("ks") {
            somali_reading(word)
        } else {
            german_reading(word)
        };
        let respelt = respelt.map(|r| skeleton(&r));
        for s in strict.into_iter().chain(loose).chain(bare).chain(respelt.as_deref()) {
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

    /// The keys of word `i` that reach skeletons one letter away ([`Key::word_keys`] reaches
    /// only the same coarse skeleton, or the same but for its first letter): a name is filed
    /// under each of its words' coarse skeletons with one letter left out ("-" and the rest),
    /// and a query reads those of its own word's skeleton, the skeleton itself among them, and
    /// its own skeletons with a letter left out among the plain keys. So a letter changed
    /// ("Varnholm"/"Varnkolm"), one more ("Brennling") or one less meets its word. Skeletons of
    /// [`NEAR_LEAST`] letters or more only (a query's of one less is looked for among the
    /// listed ones less a letter): shorter ones less a letter are too many names to read.
    pub(super) fn near_keys(&self, i: usize, filing: bool, keys: &mut Vec<String>) {
        let strict = (!self.arabic).then(|| self.skeletons[i].as_str());
        let loose = (filing || self.arabic).then(|| self.loose[i].as_str());
        let bare = self.bare[i].as_ref().map(|k| k.skeletons[0].as_str());
        for s in strict.into_iter().chain(loose).chain(bare) {
            let s: Vec<char> = coarse(s).chars().collect();
            // A query's skeleton of four letters may be a listed one of five less a letter.
            if !filing && s.len() >= NEAR_LEAST - 1 {
                keys.push(format!("-{}", s.iter().collect::<String>()));
            }
            if s.len() < NEAR_LEAST {
                continue;
            }
            for k in 0..s.len() {
                let less: String = s[..k].iter().chain(&s[k + 1..]).collect();
                if !filing {
                    keys.push(less.clone());
                }
                keys.push(format!("-{less}"));
            }
        }
        // A query's word with two letters typed the other way round ("Vahstelor" for "Vashtelor")
        // has another skeleton, often more than a letter away ("sh" is one sound): its
        // skeletons with each pair of neighbouring letters swapped back are read too.
        if !filing && !self.arabic {
            let letters: Vec<char> = self.words[i].chars().collect();
            if letters.len() >= SWAP_LEAST {
                for k in 0..letters.len() - 1 {
                    if letters[k] == letters[k + 1] {
                        continue;
                    }
                    let mut swapped = letters.clone();
                    swapped.swap(k, k + 1);
                    let s = coarse(&skeleton(&swapped.into_iter().collect::<String>()));
                    if s.chars().count() >= NEAR_LEAST {
                        keys.push(s);
                    }
                }
            }
        }
    }
}

/// A word without the Arabic article written onto it ("alvarnholm" is "varnholm", "elbrenning" is "brenning"):
/// lists write "al-Varnholm" and "Alvarnholm" for one name, and `resolve` drops only an article
/// written apart. At least four letters must be left, so that given names that only open
/// with the letters ("Alina", "Elena", "Alan") keep them.
///
/// "ad-Din" ("of the faith"), which closes many compound given names ("Kamal ad-Din"), is
/// written with the article on it or assimilated to its "d" ("Eldin", "Eddine", "Uddin"): what
/// is left is "din", shorter than four letters but no given name's opening.
pub(super) fn without_article(word: &str) -> Option<&str> {
    let din = word.len() == 5 || (word.len() == 6 && word.ends_with('e'));
    if din && word.get(2..5) == Some("din") && ["al", "el", "ad", "ed", "ud"].contains(&&word[..2])
    {
        return Some(&word[2..5]);
    }
    if let Some(rest) = assimilated(word) {
        return Some(rest);
    }
    // "Son of" written onto the family name, with or without the article ("Binalvarsk",
    // "Ibnvarsk"; "Bin al-Varsk" apart): the name is what follows, as `resolve` reads it apart.
    // "Abu" ("father of") only with the article: "Abubakar" is a name of its own.
    for (kin, article) in
        [("bin", false), ("ibn", false), ("ben", false), ("abu", true), ("abou", true)]
    {
        let Some(after) = word.strip_prefix(kin) else { continue };
        let bare = after.strip_prefix("al").or_else(|| after.strip_prefix("el"));
        let rest = if article { bare } else { bare.or(Some(after)) };
        if let Some(rest) = rest.filter(|r| r.len() >= 4 && r.is_ascii()) {
            return Some(rest);
        }
    }
    let rest = word.strip_prefix("al").or_else(|| word.strip_prefix("el"))?;
    (rest.len() >= 4 && rest.is_ascii()).then_some(rest)
}

/// A word with the Arabic article assimilated to its first letter written onto it
/// ("assafrani" is "safrani", "urrehman" is "rehman", "ashshami" is "shami"): before a "sun"
/// letter (t, th, d, dh, r, z, s, sh, n) the article is said and written as a vowel and that
/// letter doubled. A digraph is often written once ("ashavni" for "ash-Shavni"): a single
/// letter once is not read so ("Arafvan" is no "Rafvan"). At least four letters must be left.
fn assimilated(word: &str) -> Option<&str> {
    let b = word.as_bytes();
    if !word.is_ascii() || b.len() < 6 || !b"aeu".contains(&b[0]) {
        return None;
    }
    // Digraphs first: "ashshami" doubles "sh", not "s".
    let rest = ["th", "dh", "sh", "t", "d", "r", "z", "s", "n"].iter().find_map(|l| {
        let rest = word[1..].strip_prefix(l)?;
        if rest.starts_with(l) {
            Some(rest)
        } else {
            (l.len() == 2 && rest.starts_with(|c: char| "aeiou".contains(c))).then_some(&word[1..])
        }
    })?;
    (rest.len() >= 4).then_some(rest)
}

/// Two respelt words joined, a doubled letter where they meet written once.
pub(super) fn joined_phonetic(a: &str, b: &str) -> String {
    match (a.chars().last(), b.chars().next()) {
        (Some(x), Some(y)) if x == y => format!("{a}{}", &b[y.len_utf8()..]),
        _ => format!("{a}{b}"),
    }
}
