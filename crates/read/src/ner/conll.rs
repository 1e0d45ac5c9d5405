//! CoNLL-2003 files: `token POS chunk NER` lines, blank lines between sentences, `-DOCSTART-`
//! between documents. Tags are IOB1 in the file and BIO here.

use super::tag_index;

/// One sentence: its words and their BIO tag indices.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ConllSentence {
    /// The tokens.
    pub words: Vec<String>,
    /// BIO tag indices (see [`super::TAGS`]).
    pub tags: Vec<usize>,
    /// The original lines, for writing predictions.
    pub lines: Vec<String>,
    /// Which document of the file the sentence belongs to (documents are separated by
    /// `-DOCSTART-` lines).
    pub doc: usize,
}

/// Reads a CoNLL file's text. Unknown tags read as `O`.
pub fn read_conll(text: &str) -> Vec<ConllSentence> {
    let mut out = Vec::new();
    let empty = |doc| ConllSentence { words: Vec::new(), tags: Vec::new(), lines: Vec::new(), doc };
    let mut current = empty(0);
    let mut previous_iob1 = "O".to_string();
    let flush = |current: &mut ConllSentence, out: &mut Vec<ConllSentence>| {
        if !current.words.is_empty() {
            let doc = current.doc;
            out.push(std::mem::replace(current, empty(doc)));
        }
    };
    for line in text.lines() {
        let parts: Vec<&str> = line.split_whitespace().collect();
        if parts.is_empty() || parts[0] == "-DOCSTART-" {
            flush(&mut current, &mut out);
            if parts.first() == Some(&"-DOCSTART-") {
                current.doc += 1;
            }
            previous_iob1 = "O".to_string();
            continue;
        }
        let tag = *parts.last().unwrap_or(&"O");
        // IOB1: I-X starts an entity unless the previous token was X.
        let bio = if let Some(ty) = tag.strip_prefix("I-") {
            let same = previous_iob1.len() > 2 && &previous_iob1[2..] == ty;
            if same { format!("I-{ty}") } else { format!("B-{ty}") }
        } else {
            tag.to_string()
        };
        current.words.push(parts[0].to_string());
        current.tags.push(tag_index(&bio).unwrap_or(0));
        current.lines.push(line.to_string());
        previous_iob1 = tag.to_string();
    }
    flush(&mut current, &mut out);
    out
}
