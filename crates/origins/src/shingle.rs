//! A text's signature: normalised words, 5-word shingles, a MinHash over the shingle set.
//!
//! MinHash by hand rather than from a crate: the values are stored and compared across runs,
//! so the hash functions must never change under us (a dependency update that re-seeds its
//! hasher would silently split every stored cluster); the whole of it is a seeded 64-bit mix
//! and a multiply-shift family, a few lines that [`SCHEME`] names.

use crate::{Error, Result};

/// Words per shingle: five words of running text rarely recur in two different stories, and
/// a changed word disturbs only five shingles.
pub const SHINGLE_WORDS: usize = 5;

/// Values in a signature: 128 gives an estimate of Jaccard similarity within about ±0.045
/// (one standard deviation at 0.5) and 64 LSH bands of 2.
pub const SIGNATURE_LEN: usize = 128;

/// The name of the hashing scheme, stored with each signature: a change to the shingles, the
/// seeds or the length must change it, so that old signatures are computed again.
pub const SCHEME: &str = "origins-1 shingles=5 minhash=128 seed=0x6f726967696e7331";

const SEED: u64 = 0x6f72_6967_696e_7331;

/// What [`signature`] keeps of a text.
#[derive(Clone, PartialEq, Eq, Debug)]
pub struct Signature {
    /// Distinct shingles in the text (0 for a text without words).
    pub shingles: u32,
    /// For each of the [`SIGNATURE_LEN`] hash functions, the least value over the shingles.
    pub minhash: Vec<u32>,
    /// The wire agency a byline or dateline names ("AFP"), if any.
    pub agency: Option<String>,
}

impl Signature {
    /// The MinHash values as stored: little-endian, four bytes each.
    pub fn to_bytes(&self) -> Vec<u8> {
        self.minhash.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// A stored signature back.
    pub fn from_bytes(bytes: &[u8], shingles: u32, agency: Option<String>) -> Result<Signature> {
        if bytes.len() != SIGNATURE_LEN * 4 {
            return Err(Error::BadSignature { found: bytes.len(), expected: SIGNATURE_LEN * 4 });
        }
        let minhash =
            bytes.chunks_exact(4).map(|c| u32::from_le_bytes([c[0], c[1], c[2], c[3]])).collect();
        Ok(Signature { shingles, minhash, agency })
    }
}

/// SplitMix64's finaliser: every input bit reaches every output bit.
pub(crate) fn mix(mut x: u64) -> u64 {
    x = (x ^ (x >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    x ^ (x >> 31)
}

/// The multiply-shift family: `(a·x + b) >> 32` with `a` odd, one pair per signature value.
fn family() -> &'static [(u64, u64); SIGNATURE_LEN] {
    static FAMILY: std::sync::OnceLock<[(u64, u64); SIGNATURE_LEN]> = std::sync::OnceLock::new();
    FAMILY.get_or_init(|| {
        let mut out = [(0, 0); SIGNATURE_LEN];
        let mut state = SEED;
        for pair in &mut out {
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            let a = mix(state) | 1;
            state = state.wrapping_add(0x9e37_79b9_7f4a_7c15);
            *pair = (a, mix(state));
        }
        out
    })
}

/// The text's words, lower-cased, as 64-bit hashes: runs of letters and digits, so that
/// punctuation, typographic quotes and glued sentences ("prison.He") do not matter.
pub(crate) fn word_hashes(text: &str) -> Vec<u64> {
    let mut out = Vec::new();
    let mut h: u64 = SEED;
    let mut in_word = false;
    for ch in text.chars() {
        if ch.is_alphanumeric() {
            for low in ch.to_lowercase() {
                // FNV-1a over the lower-cased characters.
                h = (h ^ u64::from(low)).wrapping_mul(0x0100_0000_01b3);
            }
            in_word = true;
        } else if in_word {
            out.push(mix(h));
            h = SEED;
            in_word = false;
        }
    }
    if in_word {
        out.push(mix(h));
    }
    out
}

/// Lines of fewer words than this are left out of the shingles when the text has enough
/// longer lines: menus, "Most read" lists, related headlines, share buttons and footers are
/// short lines that sites repeat under every story, and would make two stories of one site
/// look alike; a story's paragraphs are longer.
pub const MIN_LINE_WORDS: usize = 10;

/// The fewest words the long lines must hold for the short ones to be left out; a text with
/// less (a short note, a list) is shingled whole.
const MIN_STORY_WORDS: usize = 40;

/// The distinct shingle hashes of a text, sorted. Shingles do not cross lines, so an inserted
/// or dropped line disturbs only its own; a line of fewer than five words is one shingle.
pub(crate) fn shingles(text: &str) -> Vec<u64> {
    let lines: Vec<Vec<u64>> = text.lines().map(word_hashes).filter(|w| !w.is_empty()).collect();
    let story_words: usize = lines.iter().filter(|w| w.len() >= MIN_LINE_WORDS).map(Vec::len).sum();
    let min_words = if story_words >= MIN_STORY_WORDS { MIN_LINE_WORDS } else { 1 };
    let mut out: Vec<u64> = Vec::new();
    for words in lines.iter().filter(|w| w.len() >= min_words) {
        let n = SHINGLE_WORDS.min(words.len());
        out.extend(words.windows(n).map(|w| w.iter().fold(SEED, |acc, &x| mix(acc ^ x))));
    }
    out.sort_unstable();
    out.dedup();
    out
}

/// Reads a text once: its shingles' MinHash and the wire agency it names.
pub fn signature(text: &str) -> Signature {
    let set = shingles(text);
    let family = family();
    let mut minhash = vec![u32::MAX; SIGNATURE_LEN];
    for &x in &set {
        for (m, &(a, b)) in minhash.iter_mut().zip(family.iter()) {
            let v = (a.wrapping_mul(x).wrapping_add(b) >> 32) as u32;
            *m = (*m).min(v);
        }
    }
    Signature {
        shingles: u32::try_from(set.len()).unwrap_or(u32::MAX),
        minhash,
        agency: crate::wire::wire_agency(text).map(str::to_string),
    }
}
