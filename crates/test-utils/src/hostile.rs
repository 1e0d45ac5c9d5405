//! Text that looks like news to the rules (dates, names, ranks, posts, claim verbs) but is
//! glued together with every kind of space, punctuation and script that real pages carry,
//! so that property tests reach the code paths where byte offsets meet multi-byte characters.

use proptest::prelude::*;

/// Words and phrases that wake the read and claims rules up. Invented names only.
const PIECES: &[&str] = &[
    "Major General",
    "Col.",
    "Lt. Gen.",
    "Tomasz Wielgosz",
    "Marisol Quenby",
    "Odalys Brankov",
    "al-Nouri",
    "Mr.",
    "he",
    "his deputy",
    "she",
    "the former director of the General Intelligence Directorate",
    "the Ministry of Interior",
    "the European Union",
    "the U.S. Treasury",
    "was sanctioned by",
    "sanctioned",
    "designated",
    "met",
    "visited",
    "Northland",
    "was appointed",
    "head of",
    "minister",
    "arrested",
    "an arrest warrant for",
    "accused",
    "of torture",
    "charged with",
    "was found guilty",
    "sentenced to",
    "died",
    "reportedly",
    "said",
    "according to",
    "on 5 March 2020",
    "March 2020",
    "on Monday",
    "last month",
    "two years ago",
    "since 2015",
    "in 1998",
    "the next day",
    "9 a.m.",
    "2012-08-14",
    "the 1990s",
    "Venezuelan",
    "Cuban",
    "aged 54",
    "his brother",
    "a",
    "the",
    "and",
    "of",
];

/// Separators: spaces of every width, line and paragraph separators, joiners, bidi marks,
/// and punctuation of several scripts.
const GLUE: &[&str] = &[
    " ",
    " ",
    " ",
    "\u{a0}",
    "\u{2009}",
    "\u{202f}",
    "\u{3000}",
    "\u{2002}",
    "\u{200b}",
    "\u{feff}",
    "\u{2028}",
    "\u{2029}",
    "\u{85}",
    "\t",
    "\n",
    "\n\n",
    "\r\n",
    ".",
    ". ",
    ".\u{a0}",
    ",",
    ", ",
    "\u{060c} ",
    "\u{3002}",
    "\u{2026}",
    " \u{2014} ",
    "\u{2013}",
    "\u{ab}",
    "\u{bb}",
    "\u{201c}",
    "\u{201d}",
    "\u{2019}",
    "'",
    "\"",
    "(",
    ")",
    "!",
    "?",
    ":",
    ";",
    "-",
    "\u{200f}",
    "\u{202e}",
    "\u{301}",
    "\u{1f600}",
    "\u{10ffff}",
    "\u{fffd}",
    "\u{0627}\u{0644}",
    "\u{418}\u{432}\u{430}\u{43d}",
    "\u{4e2d}\u{6587}",
    "$",
    "%",
    "#",
    "\u{a7}",
];

/// One piece or a random printable character sequence.
fn piece() -> impl Strategy<Value = String> {
    prop_oneof![
        8 => prop::sample::select(PIECES).prop_map(str::to_string),
        1 => "\\PC{1,6}",
    ]
}

/// News-like text: up to `max` pieces joined by arbitrary glue.
pub fn newsy_text(max: usize) -> impl Strategy<Value = String> {
    prop::collection::vec((piece(), prop::sample::select(GLUE)), 0..max).prop_map(|parts| {
        let mut text = String::new();
        for (p, g) in parts {
            text.push_str(&p);
            text.push_str(g);
        }
        text
    })
}
