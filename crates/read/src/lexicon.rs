//! The second layer of names: ranks ("Major General"), roles ("deputy head", "interior
//! minister", "the director of"), and nationality adjectives mapped to their country
//! ("Syrian" → Syria), from the lexicon in `rules/lexicon/en.toml`.
//!
//! The claims stage joins these to entities: a rank before a person is an attribute, a role
//! before "of" and an organisation is a post.

use std::collections::BTreeMap;
use std::ops::Range;
use std::sync::LazyLock;

use regex::Regex;

/// What a lexicon mention is.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum MentionKind {
    /// A military or police rank.
    Rank,
    /// A post or function, with its modifiers and portfolio.
    Role,
    /// A nationality adjective or demonym.
    Nationality,
}

/// One mention of a rank, role or nationality.
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub struct Mention {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// What it is.
    pub kind: MentionKind,
    /// The normalised value: the rank's full form, the role's head noun, or the country.
    pub value: String,
    /// For roles: "deputy", "former", "acting", ... in text order.
    pub modifiers: Vec<String>,
    /// For roles: the portfolio before the head noun ("interior" in "interior minister").
    pub portfolio: Option<String>,
}

struct Section {
    entries: Vec<(Regex, String)>,
    alternation: String,
}

impl Section {
    fn lookup(&self, text: &str) -> Option<&str> {
        self.entries.iter().find(|(re, _)| re.is_match(text)).map(|(_, v)| v.as_str())
    }
}

struct Lexicon {
    rank: Section,
    modifier: Section,
    role: Section,
    portfolio: Section,
    nationality: Section,
    rank_re: Regex,
    role_re: Regex,
    nationality_re: Regex,
}

fn section(map: &BTreeMap<String, String>) -> Section {
    let mut forms: Vec<&str> = map.keys().flat_map(|k| k.split('|')).collect();
    forms.sort_by_key(|f| std::cmp::Reverse(f.len()));
    let entries = map
        .iter()
        .map(|(k, v)| (Regex::new(&format!("(?i)^(?:{k})$")).expect("lexicon pattern"), v.clone()))
        .collect();
    Section { entries, alternation: forms.join("|") }
}

static ENGLISH: LazyLock<Lexicon> = LazyLock::new(|| {
    let file: BTreeMap<String, BTreeMap<String, String>> =
        toml::from_str(include_str!("../rules/lexicon/en.toml"))
            .expect("the English lexicon parses");
    let get =
        |name: &str| section(file.get(name).unwrap_or_else(|| panic!("lexicon section {name}")));
    let (rank, modifier, role, portfolio, nationality) =
        (get("rank"), get("role_modifier"), get("role"), get("portfolio"), get("nationality"));
    let b = "(?-u:\\b)";
    // No closing boundary: abbreviations end in a period ("Col."); the caller checks that a
    // match ending in a letter is not the start of a longer word.
    let rank_re = Regex::new(&format!("(?i){b}(?:{})", rank.alternation)).expect("rank regex");
    let role_re = Regex::new(&format!(
        "(?i){b}(?:(?:{})[ -]+)*(?:(?:{}) +)?(?:{}){b}",
        modifier.alternation, portfolio.alternation, role.alternation
    ))
    .expect("role regex");
    let nationality_re =
        Regex::new(&format!("{b}(?i:{}){b}", nationality.alternation)).expect("nationality regex");
    Lexicon { rank, modifier, role, portfolio, nationality, rank_re, role_re, nationality_re }
});

/// Words after which a capitalised rank word is part of a title, not a rank ("Attorney
/// General", "Secretary General").
const NOT_RANK_BEFORE: &[&str] = &[
    "attorney",
    "secretary",
    "inspector",
    "director",
    "consul",
    "governor",
    "surgeon",
    "postmaster",
];
/// Words after a rank word that make it part of a name ("General Assembly").
const NOT_RANK_AFTER: &[&str] = &[
    "assembly",
    "secretariat",
    "intelligence",
    "directorate",
    "security",
    "staff",
    "command",
    "prosecutor",
    "court",
    "council",
    "motors",
    "electric",
    "hospital",
    "league",
    "election",
    "elections",
    "strike",
];

/// Finds ranks, roles and nationality adjectives in `text`.
pub fn mentions(text: &str) -> Vec<Mention> {
    let lx = &*ENGLISH;
    let mut out = Vec::new();
    for m in lx.rank_re.find_iter(text) {
        let matched = m.as_str();
        let cut_word = matched.ends_with(char::is_alphabetic)
            && text[m.end()..].starts_with(char::is_alphanumeric);
        if cut_word {
            continue;
        }
        // Ranks are capitalised and stand before a name.
        let before = text[..m.start()].split_whitespace().next_back().unwrap_or("").to_lowercase();
        let after = text[m.end()..].split_whitespace().next().unwrap_or("");
        let capital = matched.starts_with(char::is_uppercase);
        let before_name = after.starts_with(char::is_uppercase)
            && !NOT_RANK_AFTER
                .contains(&after.to_lowercase().trim_matches(|c: char| !c.is_alphabetic()));
        if capital && before_name && !NOT_RANK_BEFORE.contains(&before.as_str()) {
            let value =
                lx.rank.lookup(matched).or_else(|| lx.rank.lookup(&matched.replace('.', "")));
            if let Some(v) = value {
                out.push(Mention {
                    span: m.range(),
                    kind: MentionKind::Rank,
                    value: v.to_string(),
                    modifiers: vec![],
                    portfolio: None,
                });
            }
        }
    }
    for m in lx.role_re.find_iter(text) {
        let matched = m.as_str();
        // Word starts; the head noun is the longest tail that is a role ("national security
        // adviser", "vice president"); what precedes it are modifiers or a portfolio.
        let starts: Vec<usize> = std::iter::once(0)
            .chain(
                matched.char_indices().filter(|(_, c)| *c == ' ' || *c == '-').map(|(i, _)| i + 1),
            )
            .collect();
        let Some(&head_at) = starts.iter().find(|&&i| lx.role.lookup(&matched[i..]).is_some())
        else {
            continue;
        };
        let mut modifiers = Vec::new();
        let mut portfolio = None;
        let mut at = 0;
        while at < head_at {
            // The longest modifier or portfolio that starts here ("first deputy" before "first").
            let ends: Vec<usize> =
                starts.iter().copied().filter(|&e| e > at && e <= head_at).collect();
            let found = ends.iter().rev().find_map(|&e| {
                let piece = matched[at..e].trim_end_matches([' ', '-']);
                lx.modifier
                    .lookup(piece)
                    .map(|v| (e, Some(v), None))
                    .or_else(|| lx.portfolio.lookup(piece).map(|v| (e, None, Some(v))))
            });
            match found {
                Some((e, m, p)) => {
                    modifiers.extend(m.map(str::to_string));
                    portfolio = p.map(str::to_string).or(portfolio);
                    at = e;
                }
                None => break,
            }
        }
        if let Some(v) = lx.role.lookup(&matched[head_at..]) {
            out.push(Mention {
                span: m.range(),
                kind: MentionKind::Role,
                value: v.to_string(),
                modifiers,
                portfolio,
            });
        }
    }
    for m in lx.nationality_re.find_iter(text) {
        if !m.as_str().starts_with(char::is_uppercase) {
            continue;
        }
        if let Some(v) = lx.nationality.lookup(m.as_str()) {
            out.push(Mention {
                span: m.range(),
                kind: MentionKind::Nationality,
                value: v.to_string(),
                modifiers: vec![],
                portfolio: None,
            });
        }
    }
    // Ranks win over roles they overlap ("Commander" is both).
    // Ranks found by one regex do not overlap each other, so sorted by start, the last one
    // starting before a role's end is the only one that can overlap it (a scan of all ranks
    // per role would be quadratic on a long text).
    let mut ranks: Vec<Range<usize>> =
        out.iter().filter(|x| x.kind == MentionKind::Rank).map(|x| x.span.clone()).collect();
    ranks.sort_by_key(|r| r.start);
    out.retain(|x| {
        if x.kind != MentionKind::Role {
            return true;
        }
        let before_end = ranks.partition_point(|r| r.start < x.span.end);
        !ranks[..before_end].iter().rev().take(4).any(|r| x.span.start < r.end)
    });
    out.sort_by_key(|x| (x.span.start, x.span.end));
    out
}

/// Words that are titles or ranks before a name, never part of it ("President", "Dr",
/// "Colonel"), lowercase and without a period: coreference and resolution drop them from names.
const NAME_TITLES: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "dr",
    "sheikh",
    "sheik",
    "president",
    "minister",
    "king",
    "prince",
    "emir",
    "judge",
    "prof",
    "professor",
    "general",
    "gen",
    "colonel",
    "col",
    "major",
    "maj",
    "lieutenant",
    "lt",
    "brigadier",
    "brig",
    "captain",
    "capt",
    "sir",
    "lord",
    "lady",
    "madam",
    "imam",
    // Religious honorifics (not those that are also surnames: Sayed, Bishop, Cardinal; the
    // claims view drops those where they lead a name).
    "ayatollah",
    "hojatoleslam",
    "mullah",
    "mufti",
    "rabbi",
    "archbishop",
    "reverend",
    "rev",
    // Offices used as titles.
    "senator",
    "sen",
    "governor",
    "gov",
    "mayor",
    "ambassador",
    "chancellor",
    "premier",
    "admiral",
    "adm",
    "commander",
    "cmdr",
    "sergeant",
    "sgt",
    "ombudsman",
    "counsellor",
    "counselor",
];

/// Whether a word (any case, with or without a final period) is a title or rank before a name.
pub fn is_name_title(word: &str) -> bool {
    in_word_set(&NAME_TITLE_SET, word)
}

/// [`NAME_TITLES`] as a set: names are looked up for every mention, often several times.
static NAME_TITLE_SET: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
    std::sync::LazyLock::new(|| NAME_TITLES.iter().copied().collect());

/// Whether `word`, less a final period and lower-cased, is in `set` (lower-case words); no
/// allocation for a word that is already lower case.
fn in_word_set(set: &std::collections::HashSet<&'static str>, word: &str) -> bool {
    let w = word.trim_end_matches('.');
    if w.is_ascii() && !w.bytes().any(|b| b.is_ascii_uppercase()) {
        set.contains(w)
    } else {
        set.contains(w.to_lowercase().as_str())
    }
}

/// Titles that are also surnames ("Sayyid X", but "Tariq al-Sayed"; "Bishop X", but "Julie
/// Bishop"): a title only where it leads a name.
const LEADING_TITLES: &[&str] =
    &["sayyid", "sayyed", "sayed", "haji", "hajji", "bishop", "cardinal", "marshal"];

/// Whether a word that leads a name is a title: [`is_name_title`], or a title that is also a
/// surname elsewhere in a name.
pub fn is_leading_title(word: &str) -> bool {
    static LEADING: std::sync::LazyLock<std::collections::HashSet<&'static str>> =
        std::sync::LazyLock::new(|| LEADING_TITLES.iter().copied().collect());
    is_name_title(word) || in_word_set(&LEADING, word)
}

/// The country of a nationality adjective or demonym ("Syrian" → "Syria"), if the lexicon
/// knows it.
pub fn country_of(word: &str) -> Option<&'static str> {
    ENGLISH.nationality.lookup(word.trim())
}

/// Every country the nationality lexicon maps to.
pub fn countries() -> impl Iterator<Item = &'static str> {
    ENGLISH.nationality.entries.iter().map(|(_, v)| v.as_str())
}

/// A post's head noun and modifiers ("Deputy Head" → `head`, `[deputy]`), as the lexicon
/// reads it; `None` when the text holds no known role.
pub fn parse_role(text: &str) -> Option<(String, Vec<String>)> {
    mentions(text).into_iter().find(|m| m.kind == MentionKind::Role).map(|m| (m.value, m.modifiers))
}
