//! Mutations of an input's bytes: flips, inserts, deletes, duplicates, splices, truncation,
//! and text-aware ones (a Unicode space or punctuation mark at a character boundary, ASCII
//! spaces turned into no-break spaces, numbers replaced, letters with length-changing case).

use super::MAX_INPUT;
use super::hostile::{self, SPACES};
use super::rng::Rng;

/// Applies one to four mutations; `other` is a second input for splicing.
pub fn mutate(rng: &mut Rng, bytes: &mut Vec<u8>, other: &[u8]) {
    for _ in 0..1 + rng.below(4) {
        one(rng, bytes, other);
        bytes.truncate(MAX_INPUT);
    }
}

fn one(rng: &mut Rng, bytes: &mut Vec<u8>, other: &[u8]) {
    let len = bytes.len();
    match rng.below(14) {
        0 if len > 0 => {
            let at = rng.below(len);
            bytes[at] ^= 1 << rng.below(8);
        }
        1 if len > 0 => {
            const INTERESTING: &[u8] = b"\x00\xFF\x7F\x80\xC0\xED\xEF\xBB\xBF<>&.;\n \"'/";
            let at = rng.below(len);
            bytes[at] = *rng.pick(INTERESTING);
        }
        2 => {
            let at = rng.below(len + 1);
            let n = 1 + rng.below(16);
            let insert: Vec<u8> = (0..n).map(|_| rng.next() as u8).collect();
            bytes.splice(at..at, insert);
        }
        3 if len > 0 => {
            let (start, end) = range(rng, len);
            bytes.drain(start..end);
        }
        4 if len > 0 => {
            let (start, end) = range(rng, len);
            let copy = bytes[start..end].to_vec();
            let times = 1 + rng.size(64);
            let at = rng.below(len + 1);
            let insert: Vec<u8> =
                copy.repeat(times).into_iter().take(MAX_INPUT.saturating_sub(len)).collect();
            bytes.splice(at..at, insert);
        }
        5 if !other.is_empty() => {
            let keep = rng.below(len + 1);
            let from = rng.below(other.len());
            bytes.truncate(keep);
            bytes.extend_from_slice(&other[from..other.len().min(from + MAX_INPUT)]);
        }
        6 | 7 => {
            let c = hostile::odd_char(rng);
            let at = boundary(rng, bytes);
            let mut buf = [0; 4];
            bytes.splice(at..at, c.encode_utf8(&mut buf).bytes());
        }
        8 => replace_spaces(rng, bytes),
        9 => space_before_last_word(rng, bytes),
        10 => replace_number(rng, bytes),
        11 if len > 0 => {
            bytes.truncate(rng.below(len));
        }
        12 => change_case_length(rng, bytes),
        _ => {
            let at = boundary(rng, bytes);
            let text = hostile::sentence(rng);
            bytes.splice(at..at, text.into_bytes());
        }
    }
}

/// A non-empty range of `0..len`, mostly short.
fn range(rng: &mut Rng, len: usize) -> (usize, usize) {
    let start = rng.below(len);
    let n = rng.size(len - start);
    (start, start + n)
}

/// A position that is a character boundary when the bytes are UTF-8 (and any position when
/// they are not).
fn boundary(rng: &mut Rng, bytes: &[u8]) -> usize {
    let mut at = rng.below(bytes.len() + 1);
    if std::str::from_utf8(bytes).is_ok() {
        while at < bytes.len() && (bytes[at] & 0xC0) == 0x80 {
            at += 1;
        }
    }
    at
}

fn replace_all(bytes: &mut Vec<u8>, mut keep: impl FnMut(usize) -> Option<char>) {
    let mut out = Vec::with_capacity(bytes.len() + bytes.len() / 4);
    for (i, &b) in bytes.iter().enumerate() {
        match keep(i) {
            Some(c) if b == b' ' => {
                let mut buf = [0; 4];
                out.extend_from_slice(c.encode_utf8(&mut buf).as_bytes());
            }
            _ => out.push(b),
        }
    }
    *bytes = out;
}

/// Turns ASCII spaces into no-break spaces (or another space), all of them or some.
fn replace_spaces(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let space = if rng.chance(60) { '\u{00A0}' } else { *rng.pick(SPACES) };
    let rate = *rng.pick(&[100, 50, 10, 2]);
    let mut decide = Rng::for_case(rng.next(), 0);
    replace_all(bytes, |_| decide.chance(rate).then_some(space));
}

/// The space before the last word of a sentence becomes a Unicode space: the shape that
/// trips taggers which step over "one byte of space".
fn space_before_last_word(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let ends: Vec<usize> = bytes
        .windows(2)
        .enumerate()
        .filter(|(_, w)| w[0] == b'.' && (w[1] == b' ' || w[1] == b'\n'))
        .map(|(i, _)| i)
        .collect();
    let Some(&end) = (!ends.is_empty()).then(|| rng.pick(&ends)) else { return };
    let Some(space) = bytes[..end].iter().rposition(|&b| b == b' ') else { return };
    let c = *rng.pick(SPACES);
    replace_all(bytes, |i| (i == space).then_some(c));
}

/// A run of digits becomes another number: zero, huge, a day or month out of range.
fn replace_number(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let starts: Vec<usize> = (0..bytes.len())
        .filter(|&i| bytes[i].is_ascii_digit() && (i == 0 || !bytes[i - 1].is_ascii_digit()))
        .collect();
    if starts.is_empty() {
        return;
    }
    let start = *rng.pick(&starts);
    let end = start + bytes[start..].iter().take_while(|b| b.is_ascii_digit()).count();
    let new = *rng.pick(&[
        "0",
        "00",
        "31",
        "32",
        "13",
        "29",
        "99",
        "9999",
        "10000",
        "99999",
        "2147483648",
        "18446744073709551616",
        "999999999999999999999999",
        "0001",
        "1e308",
    ]);
    bytes.splice(start..end, new.bytes());
}

/// An ASCII letter becomes one whose upper or lower case has a different length in bytes
/// (İ, K for Kelvin, ß, ﬁ, ſ): offsets computed on a case-folded copy then fall elsewhere.
fn change_case_length(rng: &mut Rng, bytes: &mut Vec<u8>) {
    let letters: Vec<usize> =
        (0..bytes.len()).filter(|&i| bytes[i].is_ascii_alphabetic()).collect();
    if letters.is_empty() {
        return;
    }
    let at = *rng.pick(&letters);
    let c = *rng.pick(&['\u{0130}', '\u{212A}', '\u{00DF}', '\u{FB01}', '\u{017F}', '\u{1E9E}']);
    let mut buf = [0; 4];
    bytes.splice(at..at + 1, c.encode_utf8(&mut buf).bytes());
}
