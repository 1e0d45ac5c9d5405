//! Features of each token, hashed into the model's table.
//!
//! The word and its neighbours, lowercase forms, prefixes and suffixes, word shapes, and a
//! few orthographic flags; all local to the sentence.

use std::collections::HashSet;

use super::BUCKETS;

/// What the whole document says about each word's case: a word seen capitalised in the middle
/// of an ordinary sentence is probably a name, even at the start of a sentence or in an
/// all-capitals headline; a word also seen in lowercase probably is not.
#[derive(Default)]
pub(super) struct DocStats {
    mid_title: HashSet<String>,
    lower: HashSet<String>,
}

impl DocStats {
    pub(super) fn of<'a>(sentences: impl IntoIterator<Item = &'a [&'a str]>) -> DocStats {
        let mut stats = DocStats::default();
        for words in sentences {
            if is_headline(words) {
                continue;
            }
            for (i, w) in words.iter().enumerate() {
                let mut chars = w.chars();
                let first = chars.next();
                if first.is_some_and(char::is_lowercase) && w.chars().all(|c| !c.is_uppercase()) {
                    stats.lower.insert(w.to_string());
                } else if i > 0
                    && first.is_some_and(char::is_uppercase)
                    && chars.any(char::is_lowercase)
                {
                    stats.mid_title.insert(w.to_lowercase());
                }
            }
        }
        stats
    }
}

/// What the first pass said about each word elsewhere in the document: counts of its
/// predicted types (O, PER, ORG, LOC, MISC) by lowercase form.
pub(super) struct Hints {
    counts: std::collections::HashMap<String, [u16; 5]>,
    own: Vec<Vec<usize>>,
}

fn kind_of(tag: usize) -> usize {
    tag.div_ceil(2)
}

impl Hints {
    pub(super) fn of(sentences: &[&[&str]], tags: &[Vec<usize>]) -> Hints {
        let mut counts: std::collections::HashMap<String, [u16; 5]> =
            std::collections::HashMap::new();
        for (words, tags) in sentences.iter().zip(tags) {
            for (w, t) in words.iter().zip(tags) {
                if w.chars().next().is_some_and(char::is_alphabetic) {
                    // A word repeated more than 65,535 times (a hostile page) saturates.
                    let slot = &mut counts.entry(w.to_lowercase()).or_default()[kind_of(*t)];
                    *slot = slot.saturating_add(1);
                }
            }
        }
        Hints { counts, own: tags.to_vec() }
    }

    /// For each token of sentence `k`: the counts for its word, less its own prediction.
    pub(super) fn for_sentence(&self, sentences: &[&[&str]], k: usize) -> Vec<[u16; 5]> {
        sentences[k]
            .iter()
            .enumerate()
            .map(|(i, w)| {
                let mut c = self.counts.get(&w.to_lowercase()).copied().unwrap_or_default();
                if let Some(t) = self.own.get(k).and_then(|tags| tags.get(i)) {
                    let slot = &mut c[kind_of(*t)];
                    *slot = slot.saturating_sub(1);
                }
                c
            })
            .collect()
    }
}

/// A sentence in capitals ("SOCCER - JAPAN GET LUCKY WIN").
fn is_headline(words: &[&str]) -> bool {
    let alpha: Vec<&&str> = words.iter().filter(|w| w.chars().any(char::is_alphabetic)).collect();
    alpha.len() >= 2 && alpha.iter().all(|w| w.chars().all(|c| !c.is_lowercase()))
}

fn fnv(parts: &[&str]) -> u32 {
    (crate::perceptron::hash(parts) as usize & (BUCKETS - 1)) as u32
}

/// The class of a character in a word shape: X, x, d, or the character itself.
pub(crate) fn class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_ascii_digit() {
        'd'
    } else {
        c
    }
}

/// "Xxxx" → "Xx", "U.S." → "X.X.", "1996-08-22" → "d-d-d".
fn shape(word: &str) -> String {
    let mut out = String::new();
    for s in word.chars().map(class) {
        if !out.ends_with(s) {
            out.push(s);
        }
    }
    out
}

/// The class of each of the first twelve characters: "Xxxxx", "dddd-dd".
fn long_shape(word: &str) -> String {
    word.chars().take(12).map(class).collect()
}

/// Feature ids for every token of a sentence.
pub(super) fn extract(words: &[&str], doc: &DocStats, hints: Option<&[[u16; 5]]>) -> Vec<Vec<u32>> {
    let mut feats = extract_base(words, doc);
    if let Some(hints) = hints {
        add_hints(&mut feats, words, hints);
    }
    feats
}

/// The second pass's features: the types the first pass gave each word elsewhere in the
/// document.
pub(super) fn add_hints(feats: &mut [Vec<u32>], words: &[&str], hints: &[[u16; 5]]) {
    const KINDS: [&str; 5] = ["O", "PER", "ORG", "LOC", "MISC"];
    for ((f, w), c) in feats.iter_mut().zip(words).zip(hints) {
        // Summed wide: four saturated counts must not overflow.
        let named: u32 = c[1..].iter().map(|&n| u32::from(n)).sum();
        if named > 0 {
            let major = (1..5).max_by_key(|&k| c[k]).unwrap_or(1);
            f.push(fnv(&["hm", KINDS[major]]));
            f.push(fnv(&["hms", KINDS[major], &shape(w)]));
            f.push(fnv(&["hr", if u32::from(c[0]) > named { "mostly-O" } else { "mostly-named" }]));
        } else if c[0] > 0 {
            f.push(fnv(&["h0"]));
        }
    }
}

/// Features that do not depend on a first pass.
pub(super) fn extract_base(words: &[&str], doc: &DocStats) -> Vec<Vec<u32>> {
    let headline = is_headline(words);
    let lower: Vec<String> = words.iter().map(|w| w.to_lowercase()).collect();
    let shapes: Vec<String> = words.iter().map(|w| shape(w)).collect();
    let word_at = |i: isize| -> &str {
        if i < 0 {
            "<s>"
        } else if i as usize >= words.len() {
            "</s>"
        } else {
            &lower[i as usize]
        }
    };
    let shape_at = |i: isize| -> &str {
        if i < 0 || i as usize >= words.len() { "<b>" } else { &shapes[i as usize] }
    };
    let mut out = Vec::with_capacity(words.len());
    for (i, w) in words.iter().enumerate() {
        let k = i as isize;
        let l = &lower[i];
        let chars: Vec<char> = w.chars().collect();
        // Byte offsets of character boundaries, to slice prefixes and suffixes without copying.
        let bounds: Vec<usize> =
            w.char_indices().map(|(b, _)| b).chain(std::iter::once(w.len())).collect();
        let mut f = Vec::with_capacity(48);
        f.push(fnv(&["b"]));
        f.push(fnv(&["w", w]));
        f.push(fnv(&["l", l]));
        f.push(fnv(&["s", &shapes[i]]));
        f.push(fnv(&["S", &long_shape(w)]));
        for n in 1..=5.min(chars.len()) {
            let p = &w[..bounds[n]];
            let s = &w[bounds[chars.len() - n]..];
            f.push(fnv(&["p", p]));
            f.push(fnv(&["x", s]));
        }
        let title = chars.first().is_some_and(|c| c.is_uppercase());
        let upper =
            chars.iter().all(|c| !c.is_lowercase()) && chars.iter().any(|c| c.is_uppercase());
        f.push(fnv(&["t", if title { "1" } else { "0" }, if i == 0 { "first" } else { "in" }]));
        if upper {
            f.push(fnv(&["U"]));
        }
        if chars.iter().any(|c| c.is_ascii_digit()) {
            f.push(fnv(&["D"]));
        }
        if w.contains('-') {
            f.push(fnv(&["H"]));
        }
        if w.contains('.') {
            f.push(fnv(&["."]));
        }
        for (d, ds) in [(-2isize, "-2"), (-1, "-1"), (1, "1"), (2, "2")] {
            f.push(fnv(&["nw", ds, word_at(k + d)]));
            f.push(fnv(&["ns", ds, shape_at(k + d)]));
        }
        f.push(fnv(&["bw-", word_at(k - 1), l]));
        f.push(fnv(&["bw+", l, word_at(k + 1)]));
        f.push(fnv(&["bs", shape_at(k - 1), &shapes[i], shape_at(k + 1)]));
        f.push(fnv(&["ws-", word_at(k - 1), &shapes[i]]));
        f.push(fnv(&["ws+", &shapes[i], word_at(k + 1)]));
        // Case of the neighbours: names run in capitalised sequences.
        let cap = |j: isize| -> &str {
            if j < 0 || j as usize >= words.len() {
                "b"
            } else if words[j as usize].starts_with(char::is_uppercase) {
                "C"
            } else {
                "c"
            }
        };
        f.push(fnv(&["cc", cap(k - 1), cap(k), cap(k + 1)]));
        f.push(fnv(&["cw-", cap(k - 1), l]));
        f.push(fnv(&["cw+", l, cap(k + 1)]));
        // What the rest of the document says about this word's case.
        let evidence = match (doc.mid_title.contains(l.as_str()), doc.lower.contains(l.as_str())) {
            (true, true) => "both",
            (true, false) => "title",
            (false, true) => "lower",
            (false, false) => "none",
        };
        f.push(fnv(&[
            "doc",
            evidence,
            if headline {
                "H"
            } else if i == 0 {
                "first"
            } else {
                "in"
            },
        ]));
        f.push(fnv(&["docw", evidence, &shapes[i]]));
        if headline {
            f.push(fnv(&["hl", l]));
        }
        // Suffix of the previous and next word ("-ian", "-berg" neighbours).
        for (d, ds) in [(-1isize, "-1"), (1, "1")] {
            let n = word_at(k + d);
            // The last three characters, sliced rather than copied.
            let cut = n.char_indices().rev().nth(2).map_or(0, |(b, _)| b);
            f.push(fnv(&["nx", ds, &n[cut..]]));
        }
        out.push(f);
    }
    out
}
