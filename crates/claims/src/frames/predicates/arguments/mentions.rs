//! The mentions an argument word names: the one covering it or its apposition, every
//! conjunct, an "including" list, the items of a list the parse hung as appositions, and
//! the body a word names (split from `arguments.rs` in session 44).

use super::Parse;
use crate::view::Kind;

impl Parse<'_> {
    /// The entity mention a word stands for: the one covering it, else one covering its
    /// flat or compound parts, else its apposition ("the governor, X").
    pub(in crate::frames::predicates) fn mention(&self, i: usize, kinds: &[Kind]) -> Option<usize> {
        let covering = |w: usize| {
            let span = self.word(w).span.clone();
            self.doc.view.sentences[self.sentence].mentions.iter().copied().find(|&m| {
                let mm = &self.doc.view.mentions[m];
                !mm.hidden
                    && mm.span.start >= self.dateline_end
                    && mm.span.start <= span.start
                    && span.end <= mm.span.end
                    && kinds.contains(&mm.kind)
            })
        };
        if let Some(m) = covering(i) {
            return Some(m);
        }
        for c in self.children[i].iter().copied() {
            if matches!(self.rel(c), "flat" | "compound" | "flat:name")
                && let Some(m) = covering(c)
                // "the Wielgosz brothers" names them; "Deputy Party Secretary" names a
                // post, not a body.
                && (self.word(i).upos == "NOUN"
                    || matches!(self.doc.view.mentions[m].kind, Kind::Per | Kind::Pro))
                // "1,200 Varsk Orlan villagers": a name before a plural noun of others than
                // kin is the people's origin, not one person.
                && !(self.word(i).upos == "NOUN"
                    && self.doc.view.mentions[m].kind == Kind::Per
                    // (A name after the noun leaves no text between them to read.)
                    && self
                        .doc
                        .text()
                        .get(self.doc.view.mentions[m].span.end..self.word(i).span.start)
                        .is_some_and(|t| t.trim().is_empty())
                    && self.plural_of_others(i))
            {
                return Some(m);
            }
        }
        if let Some(m) = self.kids(i, "appos").find_map(|a| self.mention(a, kinds)) {
            return Some(m);
        }
        // "the commander of the guard, X": the parser may hang the name on the post as a
        // modifier with no preposition; right after a comma, it is the post's apposition.
        // "accused X's chief of staff, Y, of ...": it may also hang it on the post's own
        // head, where the comma must close the post's phrase.
        let apposed = |c: usize, closes_phrase: bool| {
            let unmarked =
                c > i && matches!(self.rel(c), "nmod" | "obl") && self.kid(c, "case").is_none();
            let comma = (i + 1..c).rev().find(|&w| self.lemma(w) == ",")?;
            // (A rank or given name may hang on the name's other words.)
            let apposed = (comma + 1..c).all(|w| self.within(w, c));
            let closes = !closes_phrase || comma == self.span_end(i) + 1;
            // "..., Deputy Inspector General X": the parser may head the name with the
            // title's last word, the name its `flat` words.
            let named = || {
                covering(c).or_else(|| {
                    self.children[c]
                        .iter()
                        .filter(|&&f| self.rel(f) == "flat")
                        .find_map(|&f| covering(f))
                })
            };
            (unmarked && apposed && closes).then(named).flatten()
        };
        if self.word(i).upos == "NOUN"
            && kinds.contains(&Kind::Per)
            && let Some(m) = self.children[i]
                .iter()
                .find_map(|&c| apposed(c, false))
                .filter(|&m| self.doc.view.mentions[m].kind == Kind::Per)
                // "the head of the police's investigations unit, X": the name may hang on
                // the post's "of" phrase.
                .or_else(|| {
                    self.children[i]
                        .iter()
                        .filter(|&&d| d > i && self.rel(d) == "nmod")
                        .flat_map(|&d| self.children[d].iter().copied())
                        .find_map(|c| apposed(c, false))
                        .filter(|&m| self.doc.view.mentions[m].kind == Kind::Per)
                })
                .or_else(|| {
                    let h = self.head(i)?;
                    self.children[h]
                        .iter()
                        .find_map(|&c| apposed(c, true))
                        .filter(|&m| self.doc.view.mentions[m].kind == Kind::Per)
                })
        {
            return Some(m);
        }
        // "X, a former official serving ..., landed": the parser may make the apposition a
        // second subject of X's verb; past a comma and no verb, it stands for X.
        if self.rel(i) == "nsubj"
            && let Some(h) = self.head(i)
            && let Some(o) = self.kids(h, "nsubj").filter(|&o| o < i).last()
            && (o..i).any(|w| self.lemma(w) == ",")
            && (o..i).all(|w| self.word(w).upos != "VERB")
            && let Some(m) = covering(o).filter(|&m| self.doc.view.mentions[m].kind == Kind::Per)
        {
            return Some(m);
        }
        // "X, a national arrested in Y": the apposition stands for its head.
        match (self.rel(i), self.head(i)) {
            ("appos", Some(h)) => {
                covering(h).filter(|&m| self.doc.view.mentions[m].kind == Kind::Per)
            }
            _ => None,
        }
    }

    /// Every mention an argument word names, over its conjuncts.
    pub(in crate::frames::predicates) fn mentions(&self, i: usize, kinds: &[Kind]) -> Vec<usize> {
        let mut out = Vec::new();
        // "a cross-section of leaders, including X and Y": the members named.
        let mut words = self.with_conjuncts(i);
        let includes = |c: usize| {
            (self.rel(c).starts_with("nmod") || self.rel(c) == "orphan")
                && matches!(self.case(c).as_deref(), Some("include" | "including" | "like"))
        };
        for w in words.clone() {
            // "a cross-section of the leadership, including X": the parser may hang the
            // list on the "of" phrase instead of the word it names the members of.
            let of_phrases = self.children[w]
                .iter()
                .copied()
                .filter(|&o| self.rel(o) == "nmod" && self.case(o).as_deref() == Some("of"));
            let listed: Vec<usize> = of_phrases
                .flat_map(|o| self.children[o].iter().copied().filter(|&c| includes(c)))
                .collect();
            for c in listed {
                words.extend(self.with_conjuncts(c));
            }
            for c in self.children[w].iter().copied() {
                // "six others - including the former chief, X -", where the parser may
                // leave the "including" phrase an orphan.
                if includes(c) {
                    words.extend(self.with_conjuncts(c));
                }
                // "met leaders including X", parsed with "including" a participle.
                if self.rel(c) == "acl"
                    && matches!(self.lemma(c).as_str(), "include")
                    && let Some(o) = self.kid(c, "obj")
                {
                    words.extend(self.with_conjuncts(o));
                }
                // "two men, X and Y": every name of the apposition; "his brother A, former
                // assistant B and former partner C": the list the parse hung as appositions
                // of appositions, each a conjunct of the one before (three deep at most).
                if self.rel(c) == "appos" {
                    let mut layer = self.with_conjuncts(c);
                    for _ in 0..3 {
                        let next: Vec<usize> = layer
                            .iter()
                            .flat_map(|&a| self.kids(a, "appos").collect::<Vec<_>>())
                            .flat_map(|a| self.with_conjuncts(a))
                            .filter(|a| !layer.contains(a) && !words.contains(a))
                            .collect();
                        words.extend(layer);
                        if next.is_empty() {
                            break;
                        }
                        layer = next;
                    }
                }
                // "the men named as X and Y", "a suspect identified as X".
                if self.rel(c).starts_with("acl")
                    && super::super::LEXICON.words.named.contains(self.lemma(c))
                {
                    for o in self.kids(c, "obl").collect::<Vec<_>>() {
                        if self.case(o).as_deref() == Some("as") {
                            words.extend(self.with_conjuncts(o));
                        }
                    }
                }
            }
        }
        // "barred X and his wife, Y, from ...": the parser may read it as one name, X a
        // compound of Y; two people's names are never one name.
        let person = |w: usize| {
            self.mention(w, &[Kind::Per]).filter(|&m| self.doc.view.mentions[m].kind == Kind::Per)
        };
        if kinds.contains(&Kind::Per) {
            for w in words.clone() {
                let Some(own) = person(w) else { continue };
                for c in self.kids(w, "compound").collect::<Vec<_>>() {
                    if person(c).is_some_and(|m| m != own) && !words.contains(&c) {
                        words.insert(words.iter().position(|&x| x == w).unwrap_or(0), c);
                    }
                }
            }
        }
        // "named MPs A and B" parsed with the names under the title, B a conjunct of A: the
        // conjuncts of a name under a word are listed with it.
        if kinds.contains(&Kind::Per) {
            for w in words.clone() {
                for c in self.children[w].clone() {
                    if matches!(self.rel(c), "compound" | "flat") && person(c).is_some() {
                        let more = self.with_conjuncts(c).into_iter().skip(1);
                        let more: Vec<usize> = more.filter(|x| !words.contains(x)).collect();
                        words.extend(more);
                    }
                }
            }
        }
        for w in words {
            if let Some(m) = self.mention(w, kinds)
                && !out.contains(&m)
            {
                out.push(m);
            }
        }
        out
    }

    /// The first state or body named in a word's phrase ("Swiss authorities", "the U.S.
    /// military", "the Treasury"), relative clauses left out.
    pub(in crate::frames::predicates) fn body(&self, i: usize) -> Option<usize> {
        let kinds = [Kind::Nat, Kind::Org, Kind::Loc, Kind::Misc];
        if let Some(m) = self.mention(i, &kinds) {
            return Some(m);
        }
        // "a Spanish judge" is a description: its state is one of its parts.
        if let Some(d) = self.mention(i, &[Kind::Desc]) {
            let parts = &self.doc.view.mentions[d].parts;
            if let Some(&p) =
                parts.iter().find(|&&p| kinds.contains(&self.doc.view.mentions[p].kind))
            {
                return Some(p);
            }
        }
        let mut stack: Vec<usize> = self.children[i].clone();
        while let Some(w) = stack.pop() {
            if self.rel(w).starts_with("acl") || self.rel(w) == "conj" {
                continue;
            }
            if let Some(m) = self.mention(w, &kinds) {
                return Some(m);
            }
            stack.extend(self.children[w].iter().copied());
        }
        None
    }

    /// The people (or bodies) a list names, read off the words from `start` where the
    /// parser scatters a list of titled names: "for the chief of the General Staff A, and
    /// former defence minister B", "are Maj. Gen. A and former police chief B". Titles,
    /// possessives and "of" phrases may stand between the names; a verb, a clause or any
    /// other preposition ends the list.
    pub(in crate::frames::predicates) fn surface_list(
        &self,
        start: usize,
        kinds: &[Kind],
    ) -> Vec<usize> {
        let mut out: Vec<usize> = Vec::new();
        let mut since = 0;
        let mut listed = true;
        let mut w = start;
        while w < self.len {
            if let Some(m) = self.mention(w, kinds).filter(|&m| {
                let mm = &self.doc.view.mentions[m];
                mm.span.start >= self.word(start).span.start
                    && mm.span.start <= self.word(w).span.start
            }) {
                // "Tomasz \u{201c}Bolo\u{201d} dela Varsk": pieces of one name with nothing
                // between them that lists are one person, the last piece its surname.
                if !out.contains(&m) {
                    if !listed {
                        out.pop();
                    }
                    out.push(m);
                }
                since = 0;
                listed = false;
                w += 1;
                continue;
            }
            let word = self.word(w);
            let lemma = self.lemma(w);
            let goes_on = match word.upos.as_str() {
                "DET" | "ADJ" | "NOUN" | "PROPN" | "PART" | "NUM" | "CCONJ" => true,
                // "Retired Maj. Gen. A": a participle before a title, tagged as a verb.
                "VERB" => self.rel(w) == "amod",
                "PUNCT" => matches!(lemma.as_str(), "," | ";" | "\u{201c}" | "\u{201d}" | "\""),
                "ADP" => lemma == "of",
                // "A and his wife B"
                "PRON" => matches!(
                    self.doc.input.text[word.span.clone()].to_lowercase().as_str(),
                    "his" | "her" | "their" | "its"
                ),
                _ => false,
            };
            if !goes_on || since > 8 {
                // "A, appointed in August; B, deputy director since 2023; and C": a
                // semicolon list goes on past each item's description.
                let next = (w + 1..self.len).find(|&x| self.lemma(x) == ";");
                match next {
                    Some(x) if !out.is_empty() => {
                        w = x + 1;
                        since = 0;
                        listed = true;
                        continue;
                    }
                    _ => break,
                }
            }
            if matches!(lemma.as_str(), "," | ";") || word.upos == "CCONJ" {
                listed = true;
            }
            since += 1;
            w += 1;
        }
        out
    }
}
