//! Universal Dependencies scoring on gold tokenisation, as `shared/tools/ud_score.py` does:
//! over every word (punctuation included), UPOS, LEMMA (case-sensitive exact), UAS (head) and
//! LAS (head and the universal part of the relation: "nmod:poss" counts as "nmod").

use read::syntax::Sentence;

/// The counts behind the scores.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Scores {
    /// Words scored.
    pub words: usize,
    /// Sentences scored.
    pub sentences: usize,
    /// Words with the gold UPOS.
    pub upos: usize,
    /// Words with the gold lemma.
    pub lemma: usize,
    /// Words with the gold head.
    pub uas: usize,
    /// Words with the gold head and universal relation.
    pub las: usize,
}

/// Gold and system disagree on the words, so they cannot be scored together.
#[derive(Debug, thiserror::Error)]
pub enum Mismatch {
    /// Not as many sentences.
    #[error(
        "{gold} gold sentences, {system} system sentences: score the system output of this gold file"
    )]
    Sentences {
        /// Gold sentences.
        gold: usize,
        /// System sentences.
        system: usize,
    },
    /// One sentence's words differ.
    #[error(
        "sentence {0}: the system's words differ from the gold's: score the system output of this gold file"
    )]
    Words(usize),
}

impl Scores {
    /// Scores `system` against `gold`, sentence by sentence.
    pub fn of(gold: &[Sentence], system: &[Sentence]) -> Result<Scores, Mismatch> {
        if gold.len() != system.len() {
            return Err(Mismatch::Sentences { gold: gold.len(), system: system.len() });
        }
        let mut s = Scores { sentences: gold.len(), ..Scores::default() };
        for (i, (g, y)) in gold.iter().zip(system).enumerate() {
            if g.forms() != y.forms() {
                return Err(Mismatch::Words(i + 1));
            }
            for (gw, sw) in g.words.iter().zip(&y.words) {
                s.words += 1;
                s.upos += usize::from(gw.upos == sw.upos);
                s.lemma += usize::from(gw.lemma == sw.lemma);
                if gw.head == sw.head {
                    s.uas += 1;
                    let universal = |r: &str| r.split(':').next().unwrap_or("").to_string();
                    s.las += usize::from(universal(&gw.deprel) == universal(&sw.deprel));
                }
            }
        }
        Ok(s)
    }

    /// A count as a percentage of the words.
    pub fn percent(&self, count: usize) -> f64 {
        100.0 * count as f64 / self.words.max(1) as f64
    }

    /// One line as the reference scorer prints it ("UPOS    95.61").
    pub fn line(&self, name: &str, count: usize) -> String {
        format!("{name:6} {:6.2}", self.percent(count))
    }
}
