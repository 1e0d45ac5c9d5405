//! The model file: the network's shape, words, labels, weights.

use super::{Layout, Model, Shape, TagInput};
use std::collections::HashMap;

/// A file of the [`Shape::TAGGED`] network, which carries no shape (the first format, kept so
/// that such a model is still written byte for byte as before).
const MAGIC: &[u8] = b"dossier-bilstm-parser 1\n";
/// A file that carries its shape: four `u32` after the header (LSTM width, tag input: 0 none,
/// 1 the tagger's, 2 one constant; spellings, spelling rows).
const MAGIC_SHAPED: &[u8] = b"dossier-bilstm-parser 2\n";
/// A file of a network with a part-of-speech view on a lower layer than the last or another
/// width of the relation views: the four `u32` of the second format, then the layer the
/// part-of-speech view reads and the relation views' width (a network with neither is
/// written in the second format, byte for byte as before).
const MAGIC_THIRD: &[u8] = b"dossier-bilstm-parser 3\n";

struct Cursor<'a> {
    bytes: &'a [u8],
    at: usize,
}

impl<'a> Cursor<'a> {
    fn take(&mut self, n: usize) -> Option<&'a [u8]> {
        let s = self.bytes.get(self.at..self.at.checked_add(n)?)?;
        self.at += n;
        Some(s)
    }
    fn u32(&mut self) -> Option<u32> {
        Some(u32::from_le_bytes(self.take(4)?.try_into().ok()?))
    }
}

impl Model {
    /// Writes the model: a header (and the shape, unless it is [`Shape::TAGGED`]), the words
    /// by number, the labels, the weights (f32, little endian).
    pub fn write(&self, out: &mut impl std::io::Write) -> std::io::Result<()> {
        let shape = self.layout.shape;
        if shape == Shape::TAGGED {
            out.write_all(MAGIC)?;
        } else {
            let third = shape.tag_layer + 1 < super::LAYERS || shape.relation_view != super::B;
            out.write_all(if third { MAGIC_THIRD } else { MAGIC_SHAPED })?;
            let tags = match shape.tags {
                TagInput::None => 0,
                TagInput::Tagger => 1,
                TagInput::Constant => 2,
            };
            let sizes = [shape.hidden, tags, shape.spellings, shape.spelling_rows];
            for v in sizes {
                out.write_all(&(v as u32).to_le_bytes())?;
            }
            if third {
                for v in [shape.tag_layer, shape.relation_view] {
                    out.write_all(&(v as u32).to_le_bytes())?;
                }
            }
        }
        let mut words: Vec<(&String, &usize)> = self.vocab.iter().collect();
        words.sort_by_key(|(_, k)| **k);
        let text = |out: &mut dyn std::io::Write, s: &str| -> std::io::Result<()> {
            out.write_all(&(s.len() as u32).to_le_bytes())?;
            out.write_all(s.as_bytes())
        };
        out.write_all(&(words.len() as u32).to_le_bytes())?;
        for (w, k) in words {
            text(out, w)?;
            out.write_all(&self.freq[*k].to_le_bytes())?;
        }
        out.write_all(&(self.labels.len() as u32).to_le_bytes())?;
        for l in &self.labels {
            text(out, l)?;
        }
        out.write_all(&(self.w.len() as u64).to_le_bytes())?;
        for v in &self.w {
            out.write_all(&v.to_le_bytes())?;
        }
        Ok(())
    }

    /// Reads a model written by [`Model::write`]; `None` for anything else.
    pub fn read(bytes: &[u8]) -> Option<Model> {
        let head = bytes.get(..MAGIC.len())?;
        let mut cur = Cursor { bytes, at: MAGIC.len() };
        let shape = if head == MAGIC {
            Shape::TAGGED
        } else if head == MAGIC_SHAPED || head == MAGIC_THIRD {
            let mut size = || cur.u32().map(|v| v as usize);
            let (hidden, tags, spellings, spelling_rows) = (size()?, size()?, size()?, size()?);
            let tags = match tags {
                0 => TagInput::None,
                1 => TagInput::Tagger,
                2 => TagInput::Constant,
                _ => return None,
            };
            let (tag_layer, relation_view) = if head == MAGIC_THIRD {
                (size()?, size()?)
            } else {
                (super::LAYERS - 1, super::B)
            };
            let shape = Shape { hidden, tags, spellings, spelling_rows, tag_layer, relation_view };
            if !shape.is_valid() {
                return None;
            }
            shape
        } else {
            return None;
        };
        let words = cur.u32()? as usize;
        let mut vocab = HashMap::new();
        let mut freq = vec![0, 0];
        for k in 0..words {
            let len = cur.u32()? as usize;
            let w = String::from_utf8(cur.take(len)?.to_vec()).ok()?;
            vocab.insert(w, k + 2);
            freq.push(cur.u32()?);
        }
        let count = cur.u32()? as usize;
        let mut labels = Vec::new();
        for _ in 0..count {
            let len = cur.u32()? as usize;
            labels.push(String::from_utf8(cur.take(len)?.to_vec()).ok()?);
        }
        let layout = Layout::new(freq.len(), labels.len(), shape);
        let n = u64::from_le_bytes(cur.take(8)?.try_into().ok()?) as usize;
        if n != layout.len {
            return None;
        }
        let w = cur
            .take(n.checked_mul(4)?)?
            .chunks_exact(4)
            .map(|c| f32::from_le_bytes([c[0], c[1], c[2], c[3]]))
            .collect();
        if cur.at != bytes.len() {
            return None;
        }
        Some(Model { vocab, freq, labels, layout, w })
    }
}
