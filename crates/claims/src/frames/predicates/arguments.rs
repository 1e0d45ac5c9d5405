//! The arguments of a predicate read off one sentence's dependency parse: agent and patient
//! whatever the voice, conjuncts and "including" lists, the mentions and bodies they name.

use crate::extract::Doc;
use crate::view::Kind;

mod mentions;

/// One sentence's parse: words (document indices), heads and children.
pub(super) struct Parse<'d> {
    pub(super) doc: &'d Doc<'d>,
    pub(super) sentence: usize,
    pub(super) first: usize,
    pub(super) len: usize,
    pub(super) children: Vec<Vec<usize>>,
    /// Where a wire story's dateline ends ("CAIRO, Jan 12 (Agency) - "), as a byte offset in
    /// the document: the agency and the place there are no argument of the sentence's
    /// predicates (the sentence's start when there is none).
    pub(super) dateline_end: usize,
}

impl<'d> Parse<'d> {
    pub(super) fn new(doc: &'d Doc<'d>, sentence: usize) -> Parse<'d> {
        let range = doc.view.sentences[sentence].words.clone();
        let first = range.start;
        let len = range.len();
        let mut children = vec![Vec::new(); len];
        for i in 0..len {
            if let Some(h) = Self::head_of(doc, first, len, i) {
                children[h].push(i);
            }
        }
        let dateline_end = doc.view.sentences[sentence].dateline_end;
        Parse { doc, sentence, first, len, children, dateline_end }
    }

    pub(super) fn head_of(doc: &Doc<'_>, first: usize, len: usize, i: usize) -> Option<usize> {
        let h = doc.view.words[first + i].head;
        (h >= 1 && h <= len && h - 1 != i).then(|| h - 1)
    }

    pub(super) fn head(&self, i: usize) -> Option<usize> {
        Self::head_of(self.doc, self.first, self.len, i)
    }

    pub(super) fn word(&self, i: usize) -> &model::Word {
        &self.doc.view.words[self.first + i]
    }

    pub(super) fn rel(&self, i: usize) -> &str {
        &self.word(i).deprel
    }

    /// The lemma, in lower case (the view's words hold it so).
    pub(super) fn lemma(&self, i: usize) -> &String {
        &self.word(i).lemma
    }

    /// Children with a relation (an exact label or a base label: "obl" takes "obl:tmod").
    pub(super) fn kids<'s>(&'s self, i: usize, rel: &'s str) -> impl Iterator<Item = usize> + 's {
        self.children[i].iter().copied().filter(move |&c| {
            let r = self.rel(c);
            r == rel || (!rel.contains(':') && r.split(':').next() == Some(rel))
        })
    }

    pub(super) fn kid(&self, i: usize, rel: &str) -> Option<usize> {
        self.kids(i, rel).next()
    }

    /// The case word of a nominal ("on" in "sanctions on X").
    pub(super) fn case(&self, i: usize) -> Option<String> {
        self.kids(i, "case").next().map(|c| self.lemma(c).clone())
    }

    /// A word and the conjuncts that hang off it, recursively.
    pub(super) fn with_conjuncts(&self, i: usize) -> Vec<usize> {
        let mut out = vec![i];
        let mut k = 0;
        while k < out.len() {
            let w = out[k];
            out.extend(self.kids(w, "conj").filter(|c| !out.contains(c)).collect::<Vec<_>>());
            k += 1;
        }
        out
    }

    pub(super) fn passive(&self, p: usize) -> bool {
        self.kid(p, "nsubj:pass").is_some()
            || self.kid(p, "aux:pass").is_some()
            || self.kid(p, "obl:agent").is_some()
            || (self.rel(p) == "acl" && self.kid(p, "nsubj").is_none() && !self.acting_body(p))
            || self.shares_passive(p)
    }

    /// "X was arrested in May and sentenced to life in July": a bare participle conjoined
    /// to a passive verb (no subject, auxiliary or object of its own) shares its "was".
    fn shares_passive(&self, p: usize) -> bool {
        self.rel(p) == "conj"
            && self.word(p).upos == "VERB"
            && ["nsubj", "nsubj:pass", "aux", "aux:pass", "obj"]
                .iter()
                .all(|r| self.kid(p, r).is_none())
            && self.head(p).is_some_and(|h| {
                self.kid(h, "nsubj:pass").is_some() && self.kid(h, "aux:pass").is_some()
            })
    }

    /// "A court in Varnholm, Norvania, sentenced X to ...": the parser may read the verb
    /// as a participle on the body that does it. A participle with a person as its own
    /// object, on a noun that names no person, is that noun's act, in the active voice.
    fn acting_body(&self, p: usize) -> bool {
        let people = [Kind::Per, Kind::Pro];
        self.rel(p) == "acl"
            && self.kid(p, "obj").is_some_and(|o| self.mention(o, &people).is_some())
            && self.head(p).is_some_and(|h| {
                self.word(h).upos == "NOUN"
                    && self.mention(h, &[Kind::Per, Kind::Pro, Kind::Desc]).is_none()
            })
    }

    /// The antecedent of a relative pronoun that is an argument of a relative clause's verb.
    pub(super) fn antecedent(&self, arg: usize, pred: usize) -> usize {
        let relative = matches!(self.lemma(arg).as_str(), "who" | "which" | "that" | "whom");
        if relative
            && self.rel(pred).starts_with("acl")
            && let Some(h) = self.head(pred)
        {
            return self.whole_coordination(h, pred);
        }
        // The parser missed the relative clause: the word before "who" (past a comma).
        if relative
            && let Some(prev) = (0..arg).rev().find(|&w| self.word(w).upos != "PUNCT")
            && self.mention(prev, &[Kind::Per]).is_some()
        {
            return prev;
        }
        arg
    }

    /// "X and Y, who were given ...": a relative clause whose verb is plural, hung by the
    /// parser on the last of several coordinated names (the nearest), is about all of them:
    /// its antecedent is the coordination's first name, the one the others hang on.
    fn whole_coordination(&self, antecedent: usize, pred: usize) -> usize {
        let plural = std::iter::once(pred)
            .chain(self.kids(pred, "aux"))
            .chain(self.kids(pred, "aux:pass"))
            .chain(self.kids(pred, "cop"))
            .any(|w| matches!(self.lemma(w).as_str(), "be" | "have") && self.plural_form(w));
        let nominal = |w: usize| matches!(self.word(w).upos.as_str(), "PROPN" | "NOUN");
        let mut h = antecedent;
        while plural
            && self.rel(h) == "conj"
            && let Some(first) = self.head(h).filter(|&g| nominal(g))
        {
            h = first;
        }
        h
    }

    /// "are", "were" or "have": a form of "be" or "have" that agrees with a plural subject.
    fn plural_form(&self, w: usize) -> bool {
        let form = &self.doc.input.text[self.word(w).span.clone()];
        matches!(form.to_lowercase().as_str(), "are" | "were" | "have")
    }

    /// A verb's "by" phrase: the passive's agent, whether the parse called it `obl:agent`
    /// or a plain `obl` with "by".
    pub(super) fn by_phrase(&self, p: usize) -> Option<usize> {
        self.kid(p, "obl:agent")
            .or_else(|| self.kids(p, "obl").find(|&o| self.case(o).as_deref() == Some("by")))
    }

    /// The agent of a verbal predicate: nsubj (active) or obl:agent / "by" (passive),
    /// taken from the first conjunct or the governing verb when the predicate has none.
    pub(super) fn agent(&self, p: usize) -> Option<usize> {
        let own = if self.passive(p) { self.by_phrase(p) } else { self.kid(p, "nsubj") };
        if let Some(a) = own {
            return Some(self.antecedent(a, p));
        }
        let h = self.head(p)?;
        if self.acting_body(p) {
            return Some(h);
        }
        match self.rel(p) {
            "conj" if self.passive(h) == self.passive(p) => self.agent(h),
            "xcomp" => self.kid(h, "nsubj").or_else(|| self.kid(h, "obj")),
            _ => None,
        }
    }

    /// The patient of a verbal predicate: obj (active) or nsubj:pass (passive); the noun a
    /// participle modifies ("X, sanctioned in 2019").
    pub(super) fn patient(&self, p: usize) -> Option<usize> {
        let own = if self.passive(p) {
            self.kid(p, "nsubj:pass")
                .or_else(|| (self.rel(p) == "acl").then(|| self.head(p)).flatten())
                // "Eight others - including X - were also sentenced": the parser may label
                // the subject of a verb passive by its auxiliary as an active one.
                .or_else(|| self.kid(p, "aux:pass").and_then(|_| self.kid(p, "nsubj")))
        } else {
            self.kid(p, "obj")
                .map(|o| self.misparsed_apposition(p, o).unwrap_or(o))
                .or_else(|| self.unmarked_object(p))
                .or_else(|| self.object_of_participle(p))
        };
        if let Some(a) = own {
            return Some(self.antecedent(a, p));
        }
        let h = self.head(p)?;
        match self.rel(p) {
            "conj" if self.passive(h) == self.passive(p) => self.patient(h),
            _ => None,
        }
    }

    /// Who "it" or "they" stands for where a body reports its own act: "The Tribunal said
    /// it had issued warrants", "the ministry announced that they had frozen ..." give the
    /// subject of the reporting verb above; any other word stands for itself.
    pub(super) fn reporter(&self, a: usize, reporting: &[String]) -> usize {
        if !matches!(self.lemma(a).as_str(), "it" | "they" | "we") {
            return a;
        }
        let mut up = self.head(a);
        for _ in 0..4 {
            let Some(h) = up else { break };
            if reporting.contains(self.lemma(h))
                && let Some(subj) = self.kid(h, "nsubj").filter(|&x| x != a)
                && self.body(subj).is_some()
            {
                return subj;
            }
            up = self.head(h);
        }
        a
    }

    /// The subtree of a word as text (for charges and sentences).
    pub(super) fn phrase(&self, i: usize, skip_case: bool) -> String {
        let mut words = vec![i];
        let mut k = 0;
        while k < words.len() {
            let w = words[k];
            for &c in &self.children[w] {
                if !(skip_case && w == i && self.rel(c) == "case") && self.rel(c) != "punct" {
                    words.push(c);
                }
            }
            k += 1;
        }
        words.sort_unstable();
        let (a, b) = (words[0], words[words.len() - 1]);
        let text = &self.doc.input.text[self.word(a).span.start..self.word(b).span.end];
        text.split_whitespace().collect::<Vec<_>>().join(" ")
    }

    /// The TIME mention attached to a predicate (obl:tmod, obl/nmod "on"/"in", advmod).
    /// "Police in X on Monday detained Y over his role in protests in 2023": the parser may
    /// hang the day on the subject before the verb and the year at the end on the verb; a
    /// time between the subject and the verb is the clause's too, and of several the one
    /// nearest the verb is its date.
    pub(super) fn date(&self, p: usize) -> Option<usize> {
        let time = |c: usize| {
            let r = self.rel(c);
            let fits = r.starts_with("obl") || r.starts_with("nmod") || r == "advmod";
            fits.then(|| self.mention(c, &[Kind::Time]).map(|m| (c, m))).flatten()
        };
        let subject = self.kid(p, "nsubj").or_else(|| self.kid(p, "nsubj:pass"));
        let before_verb = subject
            .into_iter()
            .flat_map(|n| self.children[n].iter().copied())
            .filter(|&c| c < p && self.rel(c).starts_with("nmod"));
        self.children[p]
            .iter()
            .copied()
            .chain(before_verb)
            .filter_map(time)
            .min_by_key(|&(c, _)| c.abs_diff(p))
            .map(|(_, m)| m)
    }

    /// Byte range in the sentence's view of a set of words.
    pub(super) fn view_span(&self, words: &[usize]) -> std::ops::Range<usize> {
        let offsets = self.view_offsets();
        let lo = words.iter().map(|&w| offsets[w].start).min().unwrap_or(0);
        let hi = words.iter().map(|&w| offsets[w].end).max().unwrap_or(0);
        lo..hi
    }

    /// Each word's piece of the view: its text, or the placeholder of the mention it sits in.
    pub(super) fn view_offsets(&self) -> Vec<std::ops::Range<usize>> {
        let view = &self.doc.view.sentences[self.sentence].view;
        let mut pieces = Vec::new();
        let mut at = 0;
        for piece in view.split(' ') {
            pieces.push(at..at + piece.len());
            at += piece.len() + 1;
        }
        let mut out = Vec::with_capacity(self.len);
        let mut k = 0usize;
        let mut skip_until = 0;
        for i in 0..self.len {
            let span = self.word(i).span.clone();
            if span.start < skip_until && k > 0 {
                out.push(pieces[(k - 1).min(pieces.len() - 1)].clone());
                continue;
            }
            let piece = pieces.get(k).cloned().unwrap_or(view.len()..view.len());
            if let Some(inner) = view.get(piece.clone()).and_then(|p| p.strip_prefix('⟦'))
                && let Some(n) = inner
                    .trim_end_matches('⟧')
                    .split_once(':')
                    .and_then(|(_, n)| n.parse::<usize>().ok())
                && let Some(m) = self.doc.view.mentions.get(n)
            {
                skip_until = m.span.end;
            }
            out.push(piece);
            k += 1;
        }
        out
    }
}
