//! CoNLL-U files (Universal Dependencies): ten tab-separated columns a word, comment lines
//! starting with `#`, a blank line after each sentence.
//!
//! Multiword-token lines (`3-4`) and empty nodes (`5.1`) are kept verbatim for writing but are
//! not words, as the CoNLL 2018 scorer (`shared/tools/ud_score.py`) counts them.

/// One syntactic word: the ten columns.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Word {
    /// ID: the word's position in the sentence, from 1.
    pub id: String,
    /// FORM.
    pub form: String,
    /// LEMMA.
    pub lemma: String,
    /// UPOS: the universal part of speech.
    pub upos: String,
    /// XPOS: the treebank's own part of speech.
    pub xpos: String,
    /// FEATS.
    pub feats: String,
    /// HEAD: the id of the word's head, `0` for the root.
    pub head: String,
    /// DEPREL: the relation to the head.
    pub deprel: String,
    /// DEPS: the enhanced graph.
    pub deps: String,
    /// MISC (`SpaceAfter=No`, ...).
    pub misc: String,
}

impl Word {
    /// The word as a CoNLL-U line, without the line break.
    pub fn line(&self) -> String {
        [
            &self.id,
            &self.form,
            &self.lemma,
            &self.upos,
            &self.xpos,
            &self.feats,
            &self.head,
            &self.deprel,
            &self.deps,
            &self.misc,
        ]
        .map(String::as_str)
        .join("\t")
    }
}

/// A line of a sentence, in file order.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Line {
    /// A comment (`# text = ...`), kept as it was.
    Comment(String),
    /// A multiword token or an empty node, kept as it was.
    Other(String),
    /// The word at this index of [`Sentence::words`].
    Word(usize),
}

/// One sentence of a CoNLL-U file.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Sentence {
    /// Every line, in order.
    pub lines: Vec<Line>,
    /// The syntactic words.
    pub words: Vec<Word>,
}

impl Sentence {
    /// The words' forms.
    pub fn forms(&self) -> Vec<&str> {
        self.words.iter().map(|w| w.form.as_str()).collect()
    }

    /// The sentence as CoNLL-U text, with its closing blank line.
    pub fn text(&self) -> String {
        let mut out = String::new();
        for line in &self.lines {
            match line {
                Line::Comment(l) | Line::Other(l) => out.push_str(l),
                Line::Word(i) => out.push_str(&self.words[*i].line()),
            }
            out.push('\n');
        }
        out.push('\n');
        out
    }
}

/// A line that is not CoNLL-U.
#[derive(Debug, thiserror::Error)]
#[error("line {line}: {found} tab-separated columns where CoNLL-U has 10: is this a CoNLL-U file?")]
pub struct ConlluError {
    /// The line number, from 1.
    pub line: usize,
    /// How many columns it has.
    pub found: usize,
}

/// Reads a CoNLL-U file's text.
pub fn read_conllu(text: &str) -> Result<Vec<Sentence>, ConlluError> {
    let mut out = Vec::new();
    let mut current = Sentence::default();
    for (n, line) in text.lines().enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if line.trim().is_empty() {
            if !current.lines.is_empty() {
                out.push(std::mem::take(&mut current));
            }
            continue;
        }
        if line.starts_with('#') {
            current.lines.push(Line::Comment(line.to_string()));
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(ConlluError { line: n + 1, found: cols.len() });
        }
        if cols[0].contains(['-', '.']) {
            current.lines.push(Line::Other(line.to_string()));
            continue;
        }
        current.lines.push(Line::Word(current.words.len()));
        current.words.push(Word {
            id: cols[0].into(),
            form: cols[1].into(),
            lemma: cols[2].into(),
            upos: cols[3].into(),
            xpos: cols[4].into(),
            feats: cols[5].into(),
            head: cols[6].into(),
            deprel: cols[7].into(),
            deps: cols[8].into(),
            misc: cols[9].into(),
        });
    }
    if !current.lines.is_empty() {
        out.push(current);
    }
    // A sentence of comments only has no words; the scorer does not count it either.
    out.retain(|s| !s.words.is_empty());
    Ok(out)
}
