//! A network's sizes ([`Shape`]) and what a word reads besides its word ([`TagInput`]).

use super::{B, E, LAYERS, SPELLINGS, T};

/// The sizes that differ between networks, written in the model file: an LSTM direction's
/// width, whether the perceptron tagger's part of speech is an input, how many hashed
/// spellings a word reads and into how many rows they are hashed, the layer the
/// part-of-speech view reads and the relation views' width.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Shape {
    /// Each LSTM direction's width.
    pub hidden: usize,
    /// What a word reads besides its word and spellings.
    pub tags: TagInput,
    /// Hashed spellings a word reads: 4 (last three and two letters, first two, shape) or 8
    /// (also the last one and four, the first one and three).
    pub spellings: usize,
    /// Rows the spellings are hashed into.
    pub spelling_rows: usize,
    /// The LSTM layer (from 0) whose output the part-of-speech view reads: the last (1), or
    /// the first (0), so that the words' parts of speech are learned below the layer that
    /// the arcs and relations read (Søgaard and Goldberg 2016).
    pub tag_layer: usize,
    /// The width of the dependent's and the head's views for relations (64 in every network
    /// before session 44).
    pub relation_view: usize,
}

impl Shape {
    /// The network of sessions 31 to 40 (and every model file without a shape): LSTM 128,
    /// the tagger's parts of speech, four spellings in 32,768 rows.
    pub const TAGGED: Shape = Shape {
        hidden: 128,
        tags: TagInput::Tagger,
        spellings: 4,
        spelling_rows: 1 << 15,
        tag_layer: 1,
        relation_view: B,
    };
    /// A network that needs no perceptron tagger (sessions 40 and 41): LSTM 96, one learned
    /// vector in place of the part of speech, eight spellings in 65,536 rows.
    pub const TAGLESS: Shape = Shape {
        hidden: 96,
        tags: TagInput::Constant,
        spellings: 8,
        spelling_rows: 1 << 16,
        tag_layer: 1,
        relation_view: B,
    };
    /// [`Shape::TAGLESS`] with the part-of-speech view on the first LSTM layer (session 44).
    pub const TAGLESS_LOW_TAGS: Shape = Shape { tag_layer: 0, ..Shape::TAGLESS };
    /// [`Shape::TAGLESS`] with relation views twice as wide (session 44).
    pub const TAGLESS_WIDE_RELATIONS: Shape = Shape { relation_view: 2 * B, ..Shape::TAGLESS };

    /// Whether the code can run a network of this shape.
    pub(super) fn is_valid(self) -> bool {
        (1..=512).contains(&self.hidden)
            && (1..=SPELLINGS).contains(&self.spellings)
            && (1..=1 << 24).contains(&self.spelling_rows)
            && self.tag_layer < LAYERS
            && (1..=512).contains(&self.relation_view)
    }

    /// The width of a word's input to the first LSTM layer.
    pub(super) fn input(self) -> usize {
        if self.tags == TagInput::None { E } else { E + T }
    }

    /// The row of the tag embeddings a word of part of speech `tag` reads (`None` where
    /// there are none).
    pub(super) fn tag_row(self, tag: usize) -> Option<usize> {
        match self.tags {
            TagInput::None => None,
            TagInput::Constant => Some(0),
            TagInput::Tagger => Some(tag),
        }
    }
}

/// What a word reads besides its word and its spellings.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum TagInput {
    /// Nothing.
    None,
    /// One learned vector, the same for every word (and dropped out as the other inputs
    /// are): the network of session 40 that came nearest the targets without the tagger.
    Constant,
    /// The perceptron tagger's part of speech (jackknifed in training).
    Tagger,
}
