//! How a sentence's words are kept: one text value per sentence, one line per word, six
//! tab-separated fields: offset from the sentence's start, length in bytes, UPOS, head,
//! relation, lemma ("0\t3\tDET\t2\tdet\tthe").
//!
//! A row per word would make a thousand documents of a thousand tokens a million rows, and
//! reading them back a million row fetches; a row per sentence keeps both to tens of thousands
//! and the value stays readable in a SQLite shell. Tabs, line breaks and backslashes inside a
//! field are escaped (`\t`, `\n`, `\\`), so any text round-trips.

use std::fmt::Write;

use model::Word;

use crate::{Error, Result};

/// Encodes one sentence's words (all with the same `sentence`), their offsets taken from
/// `start`, the sentence's first byte.
pub(crate) fn encode(start: usize, words: &[Word]) -> String {
    let mut out = String::with_capacity(words.len() * 24);
    for (i, w) in words.iter().enumerate() {
        if i > 0 {
            out.push('\n');
        }
        let offset = w.span.start.saturating_sub(start);
        let len = w.span.end.saturating_sub(w.span.start);
        // Writing to a String cannot fail.
        let _ = write!(out, "{offset}\t{len}\t");
        escape_into(&mut out, &w.upos);
        let _ = write!(out, "\t{}\t", w.head);
        escape_into(&mut out, &w.deprel);
        out.push('\t');
        escape_into(&mut out, &w.lemma);
    }
    out
}

/// Decodes what [`encode`] wrote for sentence `sentence` starting at byte `start`.
pub(crate) fn decode(sentence: usize, start: usize, value: &str) -> Result<Vec<Word>> {
    if value.is_empty() {
        return Ok(Vec::new());
    }
    let corrupt = |line: &str| Error::Corrupt(format!("parse of sentence {sentence}: {line:?}"));
    value
        .split('\n')
        .map(|line| {
            let mut fields = line.split('\t');
            let mut next = || fields.next().ok_or_else(|| corrupt(line));
            let number = |s: &str| s.parse::<usize>().map_err(|_| corrupt(line));
            let offset = number(next()?)?;
            let len = number(next()?)?;
            let upos = unescape(next()?).ok_or_else(|| corrupt(line))?;
            let head = number(next()?)?;
            let deprel = unescape(next()?).ok_or_else(|| corrupt(line))?;
            let lemma = unescape(next()?).ok_or_else(|| corrupt(line))?;
            if fields.next().is_some() {
                return Err(corrupt(line));
            }
            let from = start.checked_add(offset).ok_or_else(|| corrupt(line))?;
            let to = from.checked_add(len).ok_or_else(|| corrupt(line))?;
            Ok(Word { span: from..to, sentence, upos, lemma, head, deprel })
        })
        .collect()
}

fn escape_into(out: &mut String, field: &str) {
    if !field.bytes().any(|b| matches!(b, b'\\' | b'\t' | b'\n')) {
        out.push_str(field);
        return;
    }
    for c in field.chars() {
        match c {
            '\\' => out.push_str("\\\\"),
            '\t' => out.push_str("\\t"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
}

/// The field [`escape_into`] wrote, or `None` for a stray backslash.
fn unescape(field: &str) -> Option<String> {
    if !field.contains('\\') {
        return Some(field.to_string());
    }
    let mut out = String::with_capacity(field.len());
    let mut chars = field.chars();
    while let Some(c) = chars.next() {
        if c != '\\' {
            out.push(c);
            continue;
        }
        out.push(match chars.next()? {
            '\\' => '\\',
            't' => '\t',
            'n' => '\n',
            _ => return None,
        });
    }
    Some(out)
}
