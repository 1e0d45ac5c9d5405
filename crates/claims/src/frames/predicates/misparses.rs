//! Where the parse goes astray around a predicate's arguments, the repairs `Parse` reads
//! them with: a name hung on the verb instead of its object's apposition, an object given to
//! a participle the tagger read as a verb, an object with no preposition left an oblique, and
//! a name before a plural noun of others (split from `arguments.rs` in session 26).

use super::arguments::Parse;
use crate::view::Kind;

impl Parse<'_> {
    /// "charged retired General X with ...": the tagger reads the participle before the rank
    /// as a verb, and the parse makes it the verb's complement with the name as its object.
    /// A verb with no object whose next word is such a participle (a complement with an
    /// object naming a person) has that name as its object. So does one whose next word is a
    /// rank the tagger read as an adjective ("accused Major General X, the commander of ...,
    /// of ordering ...": the complement "Major" with the name an oblique below it).
    pub(super) fn object_of_participle(&self, p: usize) -> Option<usize> {
        let x = p + 1;
        if x >= self.len || self.head(x) != Some(p) || !matches!(self.rel(x), "xcomp" | "ccomp") {
            return None;
        }
        let person = |o: &usize| self.mention(*o, &[Kind::Per]).is_some();
        if self.mention(x, &[Kind::Rank]).is_some() {
            return self.kid(x, "obj").filter(person).or_else(|| {
                self.kids(x, "obl").find(|&o| self.kid(o, "case").is_none() && person(&o))
            });
        }
        let form = self.doc.input.text[self.word(x).span.clone()].to_lowercase();
        if !form.ends_with("ed") || self.kids(x, "nsubj").next().is_some() {
            return None;
        }
        self.kid(x, "obj").filter(person)
    }

    /// "sanctioned Norvania's vice-president, X": when the tagger reads the post as an
    /// adjective, the parse hangs the name on the verb as an oblique with no preposition; a
    /// verb with no object whose first such oblique after it names a person or a body has
    /// that name as its object.
    pub(super) fn unmarked_object(&self, p: usize) -> Option<usize> {
        let o = self.kids(p, "obl").find(|&c| c > p)?;
        (self.kid(o, "case").is_none() && self.mention(o, &[Kind::Per, Kind::Org]).is_some())
            .then_some(o)
    }

    /// "charged a third man, X, with ...", "convicted two of his officers, A and B, of ...":
    /// a name the parse hung on the verb as an unmarked
    /// oblique, right after a comma that closes an object naming no one, is the object's
    /// apposition. So is one right after an object that is a post's title, with no comma
    /// ("designated police commissioner general X and Y": the parse took the title for the
    /// object and the name for an oblique).
    pub(super) fn misparsed_apposition(&self, p: usize, o: usize) -> Option<usize> {
        // A number stands for people too ("convicted two of his officers, A and B, of ...").
        if !matches!(self.word(o).upos.as_str(), "NOUN" | "NUM")
            || self.mention(o, &[Kind::Per]).is_some()
        {
            return None;
        }
        let end = self.span_end(o);
        let after = end + 1;
        if after >= self.len {
            return None;
        }
        let start = if self.doc.input.text[self.word(after).span.clone()] == *"," {
            after + 1
        } else if crate::frames::is_title_word(&self.doc.input.text[self.word(o).span.clone()]) {
            after
        } else {
            return None;
        };
        self.kids(p, "obl").find(|&c| {
            c >= start
                && self.kid(c, "case").is_none()
                // "his deputy, Colonel X Y": the rank and given name may hang on the name's
                // other words; every word up to the name is inside its phrase.
                && (start..=c).all(|w| self.within(w, c))
                && self.mention(c, &[Kind::Per]).is_some()
        })
    }

    /// Whether a noun is a plural that names people other than a family ("villagers",
    /// "refugees"; not "brothers", "sisters").
    pub(super) fn plural_of_others(&self, i: usize) -> bool {
        const KIN: &[&str] = &["brother", "sister", "sibling", "twin", "son", "daughter", "cousin"];
        let form = self.doc.input.text[self.word(i).span.clone()].to_lowercase();
        let lemma = self.lemma(i);
        form != *lemma && form.ends_with('s') && !KIN.contains(&lemma.as_str())
    }

    /// Whether word `w` lies in `top`'s subtree (a climb bounded by the sentence's length).
    pub(super) fn within(&self, w: usize, top: usize) -> bool {
        let mut at = w;
        for _ in 0..=self.len {
            if at == top {
                return true;
            }
            match self.head(at) {
                Some(h) => at = h,
                None => return false,
            }
        }
        false
    }

    /// The last word of a word's phrase (its subtree less punctuation, by position); at most
    /// one visit a word, whatever the parse.
    pub(super) fn span_end(&self, i: usize) -> usize {
        let mut end = i;
        let mut stack = vec![i];
        let mut visits = 0;
        while let Some(x) = stack.pop() {
            visits += 1;
            if visits > self.len {
                break;
            }
            end = end.max(x);
            stack.extend(self.children[x].iter().copied().filter(|&c| self.rel(c) != "punct"));
        }
        end
    }
}
