//! Tokens and sentences of news English, with byte offsets into the document text.
//!
//! Conventions follow the CoNLL-2003 and Penn Treebank data the tagger learns from: clitics
//! split off ("Chile" "’s", "do" "n't"), hyphenated words kept whole ("al-Hakim",
//! "Kyiv-Odesa"), apostrophes inside names kept ("Qur’an", "O'Brien"), abbreviations,
//! initials and dotted acronyms keep their period ("Gen.", "J.", "U.S."), URLs and e-mail
//! addresses are one token, numbers keep their separators ("1,000.50", "12:30", "2024/04/23").
//!
//! Sentences end at a terminal mark followed by what can start a sentence, and always at a
//! paragraph break. A paragraph that ends without a terminal mark and is short is a heading.

use std::ops::Range;

/// What a token is.
#[derive(Clone, Copy, PartialEq, Eq, Debug, Hash)]
pub enum TokenKind {
    /// Letters, with inner apostrophes, hyphens and periods.
    Word,
    /// Digits, with inner separators.
    Number,
    /// A URL or an e-mail address.
    Url,
    /// Punctuation and symbols.
    Punct,
}

/// One token.
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub struct Token {
    /// Byte range in the text.
    pub span: Range<usize>,
    /// What it is.
    pub kind: TokenKind,
}

/// One sentence (or heading).
#[derive(Clone, PartialEq, Eq, Debug, Hash)]
pub struct Sentence {
    /// Byte range in the text, from its first token's start to its last token's end.
    pub span: Range<usize>,
    /// Index range into the token list.
    pub tokens: Range<usize>,
    /// Whether this is a heading rather than a sentence (no terminal mark, short, alone in
    /// its paragraph).
    pub heading: bool,
}

/// Abbreviations that keep their period and do not end a sentence: titles, ranks, months,
/// company forms. Lowercase, without the period.
/// Whether `word` (without its period, any case) is an abbreviation that takes a period, or a
/// single-letter initial.
pub(crate) fn is_abbreviation(word: &str) -> bool {
    let w = word.to_lowercase();
    (w.chars().count() == 1 && w.chars().all(char::is_alphabetic))
        || ABBREVIATIONS.contains(&w.as_str())
        || w.contains('.')
}

const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "rev", "fr", "sr", "jr", "st", "mt", "ft", "gen", "lt", "col",
    "maj", "capt", "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "brig", "gov", "sen", "rep", "pres",
    "amb", "hon", "sec", "supt", "insp", "det", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
    "sep", "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri",
    "sat", "sun", "inc", "ltd", "corp", "co", "bros", "plc", "no", "nos", "vol", "vols", "pp", "p",
    "para", "art", "arts", "fig", "approx", "est", "dept", "univ", "assn", "ave", "blvd", "rd",
    "vs", "etc", "al", "cf", "ca", "op", "ed", "eds", "a.m", "p.m",
];

/// Titles and ranks: after them a capitalised word is never a new sentence.
const TITLES: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "rev", "fr", "st", "mt", "gen", "lt", "col", "maj", "capt",
    "cpt", "sgt", "cpl", "pvt", "adm", "cmdr", "brig", "gov", "sen", "rep", "pres", "amb", "hon",
    "supt", "insp", "det", "no",
];

const CLITICS: &[&str] =
    &["'s", "’s", "'S", "’S", "'re", "’re", "'ve", "’ve", "'ll", "’ll", "'d", "’d", "'m", "’m"];

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’' | '‘' | 'ʼ')
}

fn is_hyphen(c: char) -> bool {
    matches!(c, '-' | '‐' | '‑')
}

/// Splits `text` into tokens. Never fails; every non-space character belongs to a token.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut tokens = Vec::with_capacity(text.len() / 5);
    let chars: Vec<(usize, char)> = text.char_indices().collect();
    let end_of = |i: usize| chars.get(i).map_or(text.len(), |&(b, _)| b);
    let mut i = 0;
    while i < chars.len() {
        let (start, c) = chars[i];
        if c.is_whitespace() {
            i += 1;
            continue;
        }
        // URLs and e-mail addresses: up to the next space, less trailing punctuation.
        let rest = &text[start..];
        if starts_url(rest) || looks_like_email(rest) {
            let mut j = i;
            while j < chars.len() && !chars[j].1.is_whitespace() {
                j += 1;
            }
            while j > i + 1
                && matches!(
                    chars[j - 1].1,
                    '.' | ',' | ';' | ':' | ')' | ']' | '"' | '\'' | '”' | '’' | '!' | '?'
                )
            {
                j -= 1;
            }
            tokens.push(Token { span: start..end_of(j), kind: TokenKind::Url });
            i = j;
            continue;
        }
        if c.is_ascii_digit() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let next_digit = chars.get(j + 1).is_some_and(|n| n.1.is_ascii_digit());
                // "1990-91" and "2005-2012" stay one token, as in the training data.
                if d.is_ascii_digit()
                    || ((matches!(d, '.' | ',' | ':' | '/') || is_hyphen(d)) && next_digit)
                {
                    j += 1;
                } else {
                    break;
                }
            }
            // "1990s", "3rd", "24th": letters right after digits belong to the number.
            while j < chars.len() && chars[j].1.is_alphabetic() {
                j += 1;
            }
            tokens.push(Token { span: start..end_of(j), kind: TokenKind::Number });
            i = j;
            continue;
        }
        // The "n't" of "don't", split off the word before it.
        let glued = tokens.last().is_some_and(|t: &Token| t.span.end == start);
        if glued
            && (c == 'n' || c == 'N')
            && chars.get(i + 1).is_some_and(|p| is_apostrophe(p.1))
            && chars.get(i + 2).is_some_and(|p| p.1 == 't' || p.1 == 'T')
            && chars.get(i + 3).is_none_or(|p| !p.1.is_alphanumeric())
        {
            tokens.push(Token { span: start..end_of(i + 3), kind: TokenKind::Word });
            i += 3;
            continue;
        }
        if c.is_alphabetic() {
            let mut j = i + 1;
            while j < chars.len() {
                let d = chars[j].1;
                let next_alnum = chars.get(j + 1).is_some_and(|n| n.1.is_alphanumeric());
                // Only at a lower-to-upper step, and on a word of at most 40 letters, so a
                // hostile run of letters costs no more than a bounded look back at each step.
                if d.is_uppercase()
                    && chars[j - 1].1.is_lowercase()
                    && j - i <= 40
                    && glued_heading(&chars[i..j], &chars[j..chars.len().min(j + 3)])
                {
                    break;
                } else if d.is_alphanumeric()
                    || d == '_'
                    || ((is_hyphen(d) || d == '&') && next_alnum)
                {
                    j += 1;
                } else if is_apostrophe(d) && next_alnum {
                    // A clitic ("'s", "n't", "'re") is split off below; other inner
                    // apostrophes ("Qur’an", "O'Brien") stay.
                    let tail: String = chars[j..]
                        .iter()
                        .map(|p| p.1)
                        .take_while(|ch| ch.is_alphanumeric() || is_apostrophe(*ch))
                        // Clitics are short; a longer tail is none, so there is no need to
                        // read a long run to its end (quadratic).
                        .take(8)
                        .collect();
                    if is_clitic(&tail) {
                        break;
                    }
                    j += 1;
                } else if d == '.'
                    && next_alnum
                    && chars[j + 1].1.is_alphabetic()
                    && is_dotted(&chars[i..])
                {
                    j += 1; // "U.S", "e.g" — the final period is handled below.
                } else {
                    break;
                }
            }
            // "don't": the "n" before "'t" belongs to the clitic.
            let word_end = end_of(j);
            let word = &text[start..word_end];
            let clitic_nt = chars.get(j).is_some_and(|p| is_apostrophe(p.1))
                && chars.get(j + 1).is_some_and(|p| p.1 == 't' || p.1 == 'T')
                && chars.get(j + 2).is_none_or(|p| !p.1.is_alphanumeric())
                && (word.ends_with('n') || word.ends_with('N'))
                && word.len() > 1;
            let j = if clitic_nt { j - 1 } else { j };
            let mut end = end_of(j);
            // Keep the period of abbreviations, initials and dotted acronyms.
            if chars.get(j).is_some_and(|p| p.1 == '.') && is_abbreviation(&text[start..end]) {
                end = end_of(j + 1);
                tokens.push(Token { span: start..end, kind: TokenKind::Word });
                i = j + 1;
                continue;
            }
            tokens.push(Token { span: start..end, kind: TokenKind::Word });
            i = j;
            continue;
        }
        if is_apostrophe(c) {
            let tail: String = chars[i..]
                .iter()
                .map(|p| p.1)
                .take_while(|ch| ch.is_alphanumeric() || is_apostrophe(*ch))
                .take(8)
                .collect();
            if is_clitic(&tail) {
                let len = tail.chars().count();
                tokens.push(Token { span: start..end_of(i + len), kind: TokenKind::Word });
                i += len;
                continue;
            }
        }
        // Runs of the same mark ("...", "--", "!!") are one token.
        let mut j = i + 1;
        if matches!(c, '.' | '-' | '!' | '?' | '*' | '=' | '_') {
            while j < chars.len() && chars[j].1 == c {
                j += 1;
            }
        }
        tokens.push(Token { span: start..end_of(j), kind: TokenKind::Punct });
        i = j;
    }
    tokens
}

fn is_clitic(tail: &str) -> bool {
    CLITICS.iter().any(|c| tail.eq_ignore_ascii_case(c) || tail == *c)
        || tail.eq_ignore_ascii_case("'t")
        || tail == "’t"
}

fn starts_url(s: &str) -> bool {
    let lower: String = s.chars().take(8).collect::<String>().to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://") || lower.starts_with("www.")
}

fn looks_like_email(s: &str) -> bool {
    // An address is at most 254 bytes; looking further from every token of a long run
    // without spaces would make tokenizing quadratic.
    let mut end = 0;
    for (n, (at, c)) in s.char_indices().enumerate() {
        if c.is_whitespace() {
            break;
        }
        if n == 254 {
            return false;
        }
        end = at + c.len_utf8();
    }
    let word = &s[..end];
    match word.split_once('@') {
        Some((user, host)) => {
            !user.is_empty()
                && host.contains('.')
                && user.chars().all(|c| c.is_alphanumeric() || ".-_+".contains(c))
        }
        None => false,
    }
}

/// "U.S.", "e.g.": single letters separated by periods.
fn is_dotted(chars: &[(usize, char)]) -> bool {
    chars.len() >= 3
        && chars[0].1.is_alphabetic()
        && chars[1].1 == '.'
        && chars[2].1.is_alphabetic()
}

/// Words that open sentences after a dotted acronym ("... in the U.S. The ...").
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "He",
    "She",
    "It",
    "They",
    "We",
    "I",
    "But",
    "And",
    "In",
    "On",
    "At",
    "This",
    "That",
    "These",
    "Those",
    "However",
    "Meanwhile",
    "His",
    "Her",
    "Their",
    "Its",
    "There",
    "When",
    "After",
    "Before",
    "If",
    "As",
];

/// The longest sentence, in tokens: longer runs are cut into windows. Sentences of news and
/// court reports stay well under it; what the later stages do per sentence stays bounded.
pub const MAX_SENTENCE_TOKENS: usize = 250;

/// Whether the tokens end with a period (or ! or ?) followed, with no space, by one or more
/// note marks such as "[3]" or "[12][b]".
fn note_after_period(text: &str, tokens: &[Token]) -> bool {
    let Some(last) = tokens.last() else { return false };
    let mut from = tokens.len() - 1;
    while from > 0 && tokens.len() - from < 16 {
        if tokens[from - 1].span.end != tokens[from].span.start {
            return false;
        }
        from -= 1;
        if matches!(&text[tokens[from].span.clone()], "." | "!" | "?") {
            let notes = &text[tokens[from].span.end..last.span.end];
            return notes.strip_prefix('[').and_then(|n| n.strip_suffix(']')).is_some_and(|n| {
                n.split("][").all(|note| {
                    (1..=12).contains(&note.len())
                        && note.chars().all(|c| c.is_ascii_alphanumeric() || c == ' ')
                })
            });
        }
    }
    false
}

/// Whether a capitalised word is glued to the next one: "Conspiracy ChargeTomasz said ..."
/// where a page lost the break after a heading. The word so far is a capital and four or
/// more lowercase letters, and the rest a capital and two or more lowercase letters; names
/// written with an inner capital have a shorter first part ("McDonald", "MacArthur",
/// "DeSantis", "YouTube"), and those that do not ("BlackRock") only lose nothing: they are
/// two tokens without a space between them, which the tagger still reads as one name.
fn glued_heading(word: &[(usize, char)], rest: &[(usize, char)]) -> bool {
    let lower_run = |cs: &[(usize, char)]| cs.iter().take_while(|p| p.1.is_lowercase()).count();
    word.len() >= 5
        && word[0].1.is_uppercase()
        && lower_run(&word[1..]) == word.len() - 1
        && rest.first().is_some_and(|p| p.1.is_uppercase())
        && rest.len() == 3
        && lower_run(&rest[1..]) == 2
}

/// Whether `word`, then a period with no space, then `next` end one sentence and begin the
/// next: `word` is three or more letters ending in lower case and no title, and `next` a
/// capital followed by lowercase letters.
fn glued_sentence_end(word: &str, next: &str) -> bool {
    let mut n = next.chars();
    word.chars().count() >= 3
        && word.chars().all(char::is_alphabetic)
        && word.chars().last().is_some_and(char::is_lowercase)
        && !TITLES.contains(&word.to_lowercase().as_str())
        && n.next().is_some_and(char::is_uppercase)
        && n.next().is_some_and(char::is_lowercase)
}

/// Groups tokens into sentences and headings; none is longer than [`MAX_SENTENCE_TOKENS`].
pub fn sentences(text: &str, tokens: &[Token]) -> Vec<Sentence> {
    let mut out = Vec::new();
    let mut start = 0;
    let close = |out: &mut Vec<Sentence>, from: usize, to: usize| {
        if from < to {
            out.push(Sentence {
                span: tokens[from].span.start..tokens[to - 1].span.end,
                tokens: from..to,
                heading: false,
            });
        }
    };
    let mut last_soft: Option<usize> = None;
    // Whether the line so far holds a lone "|": a page title ("Headline | Site Name").
    let mut piped_line = false;
    for i in 0..tokens.len() {
        let t = &text[tokens[i].span.clone()];
        let next = tokens.get(i + 1);
        let gap = next.map(|n| &text[tokens[i].span.end..n.span.start]).unwrap_or("");
        let paragraph_break = gap.matches('\n').count() >= 2;
        piped_line |= t == "|";
        let line_break = gap.contains('\n');
        // A page title line ends at its line break: it names the site, then the headline or
        // the text begins, never the rest of one sentence (a hard-wrapped line holds no "|").
        let title_line_end = line_break && piped_line;
        if line_break {
            piped_line = false;
        }
        let ends = match next {
            None => true,
            Some(_) if paragraph_break || title_line_end => true,
            Some(n) => {
                let following = &text[n.span.clone()];
                let starts_sentence = following.chars().next().is_some_and(|c| {
                    c.is_uppercase() || c.is_ascii_digit() || "\"“‘'([".contains(c)
                });
                let terminal = matches!(t, "." | "!" | "?" | "..." | "…")
                    || t.ends_with("!")
                    || t.ends_with("?");
                let closing_quote = matches!(t, "\"" | "”" | "’" | "'" | ")")
                    && i > start
                    && matches!(&text[tokens[i - 1].span.clone()], "." | "!" | "?");
                let acronym_end = t.len() > 2
                    && t.ends_with('.')
                    && t.matches('.').count() >= 2
                    && OPENERS.contains(&following);
                // "... the party.[3] In 2012 ...": an encyclopedia's note number after the
                // period ends the sentence the period ended.
                let note_end = t.ends_with(']') && note_after_period(text, &tokens[start..=i]);
                let title = t.ends_with('.')
                    && TITLES.contains(&t.trim_end_matches('.').to_lowercase().as_str());
                // "... and the writer.“This verdict ...": pages that lost the space between
                // a sentence and an opening typographic quote still start a new sentence there.
                let glued_quote = gap.is_empty()
                    && matches!(t, "." | "!" | "?")
                    && matches!(following, "“" | "‘")
                    && tokens.get(i + 2).is_some_and(|w| {
                        w.span.start == n.span.end
                            && text[w.span.clone()].chars().next().is_some_and(char::is_uppercase)
                    });
                // "Conspiracy ChargeTomasz said": the tokenizer split a heading glued to the
                // text (see `glued_heading`); the heading ends there.
                let glued_word = gap.is_empty()
                    && t.chars().last().is_some_and(char::is_lowercase)
                    && t.chars().next().is_some_and(char::is_uppercase)
                    && following.chars().next().is_some_and(char::is_uppercase)
                    && following.chars().nth(1).is_some_and(char::is_lowercase);
                // "... under former ruler Y.Oranje, 55, was ...": pages that lost the space after
                // a sentence's period; the word before is a word, not an initial ("U.S.") or
                // a title ("Gen.Smith"), and the word after is capitalised prose.
                let glued_period = gap.is_empty()
                    && t == "."
                    && i > start
                    && tokens[i - 1].span.end == tokens[i].span.start
                    && glued_sentence_end(&text[tokens[i - 1].span.clone()], following);
                glued_quote
                    || glued_word
                    || glued_period
                    || (!gap.is_empty()
                        && starts_sentence
                        && !title
                        && (terminal || closing_quote || acronym_end || note_end))
            }
        };
        if ends {
            close(&mut out, start, i + 1);
            start = i + 1;
            last_soft = None;
        } else if i + 1 - start >= MAX_SENTENCE_TOKENS {
            // A run without sentence marks (a list, a table flattened to text, a hostile
            // document) is cut into windows, at the last comma or semicolon of the second
            // half when there is one, so that later stages see bounded sentences.
            let cut = last_soft.filter(|&s| s >= start + MAX_SENTENCE_TOKENS / 2).unwrap_or(i);
            close(&mut out, start, cut + 1);
            start = cut + 1;
            last_soft = None;
        } else if matches!(t, "," | ";" | ":" | "—" | "–") {
            last_soft = Some(i);
        }
    }
    close(&mut out, start, tokens.len());
    mark_headings(text, tokens, &mut out);
    out
}

/// A sentence that is alone in its paragraph, short, and ends without a terminal mark is a
/// heading ("Career", "Sanctions and proceedings").
fn mark_headings(text: &str, tokens: &[Token], sentences: &mut [Sentence]) {
    // Paragraph breaks found once: searching from every sentence would be quadratic in a
    // long paragraph.
    let breaks: Vec<usize> = text.match_indices("\n\n").map(|(at, _)| at).collect();
    for s in sentences.iter_mut() {
        let before = breaks.partition_point(|&b| b + 2 <= s.span.start);
        let para_start = before.checked_sub(1).map_or(0, |i| breaks[i] + 2);
        let after = breaks.partition_point(|&b| b < s.span.end);
        let para_end = breaks.get(after).copied().unwrap_or(text.len());
        let alone = text[para_start..s.span.start].trim().is_empty()
            && text[s.span.end..para_end].trim().is_empty();
        let last = &text[tokens[s.tokens.end - 1].span.clone()];
        let terminal = matches!(last, "." | "!" | "?" | "\"" | "”" | ":" | ";" | "...");
        if alone && !terminal && s.tokens.len() <= 20 {
            s.heading = true;
        }
    }
}
