//! How two name words are spelt: edit distances, where vowels stand, and the consonant
//! pairs that transliterations trade.

/// Levenshtein distance of two short ASCII-ish strings, stopping early past 1.
pub(super) fn within_one(a: &str, b: &str) -> bool {
    // On bytes: a letter of another script is several bytes, which only makes it stricter.
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len().abs_diff(b.len()) > 1 {
        return false;
    }
    let (mut i, mut j, mut edits) = (0, 0, 0);
    while i < a.len() && j < b.len() {
        if a[i] == b[j] {
            i += 1;
            j += 1;
            continue;
        }
        edits += 1;
        if edits > 1 {
            return false;
        }
        match a.len().cmp(&b.len()) {
            std::cmp::Ordering::Greater => i += 1,
            std::cmp::Ordering::Less => j += 1,
            std::cmp::Ordering::Equal => {
                i += 1;
                j += 1;
            }
        }
    }
    edits + (a.len() - i) + (b.len() - j) <= 1
}

/// Whether `b` is `a` with two neighbouring letters swapped, the first letter kept ("glnd"/
/// "gldn"): a typing slip, which an edit distance counts twice.
pub(super) fn swapped(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() || a.len() < 3 {
        return false;
    }
    let Some(i) = (0..a.len()).find(|&k| a[k] != b[k]) else { return false };
    i >= 1 && i + 1 < a.len() && a[i] == b[i + 1] && a[i + 1] == b[i] && a[i + 2..] == b[i + 2..]
}

/// Levenshtein distance on characters (for close spellings only: they are few).
pub(super) fn levenshtein(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut row = vec![0; b.len() + 1];
    for (i, x) in a.chars().enumerate() {
        row[0] = i + 1;
        for (j, &y) in b.iter().enumerate() {
            row[j + 1] = (prev[j] + usize::from(x != y)).min(prev[j + 1] + 1).min(row[j] + 1);
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()]
}

/// Whether two words with one skeleton are spelt alike: an edit distance where a vowel
/// given for another vowel, or one vowel more or less, costs half (a doubled letter a
/// quarter), within a fifth of the
/// shorter word's length (at least half an edit). "Yousef"/"Yusuf" (1 of 1) and
/// "Orlan"/"Urlan" are alike; "Marisol"/"Marinel" and "Oran"/"Amin" are not.
pub(super) fn near_spelling(a: &str, b: &str) -> bool {
    near_spelling_less(a, b, 0.0)
}

/// [`near_spelling`] with `spent` of the budget already spent elsewhere.
pub(super) fn near_spelling_less(a: &str, b: &str, spent: f32) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    let budget = (a.len().min(b.len()) as f32 / 5.0).max(0.5) - spent;
    // Each letter more on one side costs at least a quarter.
    if a.len().abs_diff(b.len()) as f32 * 0.25 > budget {
        return false;
    }
    // Two rows of the table; on the stack for words of a usual length (this runs for every
    // candidate pair of words).
    let (mut p, mut r) = ([0f32; 33], [0f32; 33]);
    let (mut pv, mut rv);
    let (prev, row): (&mut [f32], &mut [f32]) = if b.len() < 33 {
        (&mut p[..=b.len()], &mut r[..=b.len()])
    } else {
        pv = vec![0f32; b.len() + 1];
        rv = vec![0f32; b.len() + 1];
        (&mut pv[..], &mut rv[..])
    };
    let (mut prev, mut row) = (prev, row);
    let vowel = |c: u8| b"aeiouy".contains(&c);
    // A letter that doubles the one before it ("Hassan"/"Hasan", "Hajji"/"Haji") is spelling
    // alone: a quarter; another vowel a half; another consonant a whole edit.
    let indel = |w: &[u8], k: usize| {
        if k > 0 && w[k - 1] == w[k] {
            0.25
        } else if vowel(w[k]) {
            0.5
        } else {
            1.0
        }
    };
    for j in 0..b.len() {
        prev[j + 1] = prev[j] + indel(b, j);
    }
    for (i, &x) in a.iter().enumerate() {
        row[0] = prev[0] + indel(a, i);
        for (j, &y) in b.iter().enumerate() {
            let sub = if x == y {
                0.0
            } else if vowel(x) && vowel(y) {
                0.5
            } else {
                1.0
            };
            row[j + 1] = (prev[j] + sub).min(prev[j + 1] + indel(a, i)).min(row[j] + indel(b, j));
        }
        std::mem::swap(&mut prev, &mut row);
    }
    prev[b.len()] <= budget
}

/// Where a word's vowels stand among its consonants: "C" for a consonant (digraphs such as
/// "sh", "kh" and doubled letters one; "h" after a vowel none), "V" for a run of vowels.
/// "Qarmout" and "Qarmut" are both CVCCVC; "Lorad" is CVCVC and "Lurda" CVCCV.
pub(super) fn shape(word: &str) -> String {
    let chars: Vec<char> = word.chars().collect();
    let mut out = String::new();
    let mut last: Option<char> = None;
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        if "aeiouy".contains(c) {
            if !out.ends_with('V') {
                out.push('V');
            }
            last = Some(c);
            i += 1;
            continue;
        }
        if c == 'h' || Some(c) == last {
            i += 1;
            continue;
        }
        out.push('C');
        last = Some(c);
        i += if next == Some('h') && "sckzdtgp".contains(c) { 2 } else { 1 };
    }
    out
}

/// Whether one shape is the other with one more vowel between two consonants ("CVCVC" and
/// "CVCC").
pub(super) fn one_vowel_more(a: &str, b: &str) -> bool {
    let (long, short) = if a.len() > b.len() { (a, b) } else { (b, a) };
    long.len() == short.len() + 1
        && (1..long.len().saturating_sub(1))
            .any(|k| &long[k..=k] == "V" && long[..k] == short[..k] && long[k + 1..] == short[k..])
}

/// Consonants that romanisations of one letter trade: Arabic qaf as "q", "k" or "g"
/// ("Qorvan"/"Gorvan"), jim as "j" or "g" ("Jaril"/"Garil"), "c" for "k" ("Lorca"/"Lorka"), "d" and
/// "t", "s" and "z", "p" and "f" ("Yusup"/"Yusuf"). Pairs, not classes: "j" and "k" stay apart.
const TRADED: &[(char, char)] =
    &[('g', 'k'), ('g', 'j'), ('c', 'k'), ('c', 's'), ('d', 't'), ('s', 'z'), ('f', 'p')];

/// Whether two skeletons differ only by traded consonants, letter for letter.
pub(super) fn traded(a: &str, b: &str) -> bool {
    // Traded letters are ASCII, so variants have the same length in bytes.
    if a.len() != b.len() || a == b {
        return false;
    }
    let mut b = b.chars();
    a.chars().all(|x| {
        let Some(y) = b.next() else { return false };
        x == y || TRADED.iter().any(|&(p, q)| (x, y) == (p, q) || (x, y) == (q, p))
    })
}

/// A skeleton with every traded consonant on one letter, for blocking only (wider than
/// [`traded`]: "j" and "k" share a block, and are told apart when scored).
pub(super) fn coarse(skeleton: &str) -> String {
    let mut out = String::with_capacity(skeleton.len());
    for c in skeleton.chars() {
        let c = match c {
            'g' | 'j' | 'c' | 'q' => 'k',
            'd' => 't',
            'z' => 's',
            'p' => 'f',
            other => other,
        };
        if !out.ends_with(c) {
            out.push(c);
        }
    }
    out
}
