//! When a claim holds: the date nearest its words, dates after a post's phrase, former
//! posts and their ends, the publication date.

use super::*;

/// Lowercase words that end a post's phrase when reading back from its role: "the former
/// police chief" reads back over "police", not over "the" ("head of the former Y" is current).
const FUNCTION_WORDS: &[&str] = &[
    "the", "a", "an", "of", "and", "or", "to", "in", "for", "with", "by", "on", "at", "as", "his",
    "her", "its", "their", "our", "who", "was", "is", "be", "been",
];

/// The text before a date that opens a relative clause on an argument and has not closed it:
/// ", who was minister between".
static RELATIVE_OPEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r", (?:who|which|whose) [^,;]*$").expect("valid pattern"));

/// The text before a date that opens a relative clause on a person and has not closed it.
static PERSON_RELATIVE_OPEN: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r", who [^,;]*$").expect("valid pattern"));

/// The relative clause on an argument that a date after `before` sits in, when the clause
/// closes in `between` the date and the act ("X, who led the unit until ⟨2019⟩, was
/// convicted"): from its comma to the date.
pub(crate) fn closed_relative<'t>(before: &'t str, between: &str) -> Option<&'t str> {
    RELATIVE_OPEN.find(before).filter(|_| between.contains(',')).map(|m| m.as_str())
}

impl<'a> Doc<'a> {
    pub(crate) fn date_of(&self, m: usize) -> Option<String> {
        let mention = &self.view.mentions[m];
        if mention.kind != Kind::Time {
            return None;
        }
        let value = mention.value.as_deref()?;
        iso_date(value).or_else(|| within_published(value, self.input.published?))
    }

    /// The date nearest the match in its sentence, else the last one in the two sentences
    /// before it in the same paragraph.
    pub(super) fn nearest_date(&self, c: &Candidate<'_>) -> Option<String> {
        let s = &self.view.sentences[c.sentence];
        let point_event = c.rule.kind.is_some_and(|k| {
            matches!(
                k,
                ClaimType::Sanction
                    | ClaimType::Warrant
                    | ClaimType::Charge
                    | ClaimType::Verdict
                    | ClaimType::Meeting
                    | ClaimType::Visit
                    | ClaimType::Appointment
                    | ClaimType::Arrest
                    | ClaimType::DeathReport
            )
        });
        // "his first trip abroad since his indictment by the court": the act is a past point
        // the sentence counts from, not dated by the sentence's own dates.
        if point_event && s.view[..c.span.start].trim_end().ends_with(" since") {
            return None;
        }
        let mut best: Option<(usize, String)> = None;
        // "The arrest of X today" in a story without a publication date: the sentence says
        // when, only not in a form that resolves; an earlier sentence's date is another act's.
        let mut unresolved_time_here = false;
        // "LIMA, March 14 (Agency) - Police on Monday arrested X": a wire dateline's date is
        // the day the story was filed; a time the sentence itself gives dates the act.
        let after_dateline = |m: usize| self.view.mentions[m].span.start >= s.dateline_end;
        let own_time = s.mentions.iter().any(|&m| after_dateline(m) && self.date_of(m).is_some());
        for &m in &s.mentions {
            if self.view.mentions[m].kind != Kind::Time || (own_time && !after_dateline(m)) {
                continue;
            }
            let Some(date) = self.date_of(m) else {
                unresolved_time_here = true;
                continue;
            };
            let tag = format!("⟦TIME:{m}⟧");
            let Some(at) = s.view.find(&tag) else { continue };
            // "X (director of Y since January 2021)": a date that opens a state is not the
            // day of a one-time act such as a sanction or a verdict.
            if point_event && s.view[..at].trim_end().ends_with(" since") {
                continue;
            }
            // "X, head of Y between 2002 and 2005", "Labor Minister X, appointed in August":
            // a post's years or another act's date, said of an argument, not of this act.
            if point_event && other_period(&s.view[..at], c.rule.kind) {
                continue;
            }
            // "X, who headed the unit until 2019, was convicted last month": a date in a
            // relative clause that closes before the act is the clause's, not the act's.
            if point_event
                && at > c.span.start
                && at < c.span.end
                && let Some(clause) =
                    closed_relative(&s.view[c.span.start..at], &s.view[at..c.span.end])
                && c.rule.kind.is_some_and(|k| !crate::event_dates::names_act(clause, k))
            {
                continue;
            }
            // "... sentenced A and B, who was extradited from Spain in 2008": a date in a
            // relative clause on a person after the act is the clause's (one on a thing may
            // date the act: "arrived for the talks, which were held on 23 April").
            if point_event
                && at >= c.span.end
                && let Some(clause) = PERSON_RELATIVE_OPEN.find(&s.view[c.span.end..at])
                && c.rule.kind.is_some_and(|k| !crate::event_dates::names_act(clause.as_str(), k))
            {
                continue;
            }
            // "X was arrested in 2019 and sentenced in 2022": a date inside the match but in
            // a clause an "and" closes before the act belongs to that clause; it counts as
            // far as that "and" is from the act.
            let distance = if at >= c.span.start && at < c.span.end {
                match s.view[at..c.span.end].find(" and ") {
                    Some(and) => c.span.end - (at + and),
                    None => 0,
                }
            } else if at < c.span.start {
                c.span.start - at
            } else {
                at - c.span.end
            };
            if best.as_ref().is_none_or(|(d, _)| distance < *d) {
                best = Some((distance, date));
            }
        }
        if let Some((_, d)) = best {
            return Some(d);
        }
        // "Also designated are X and Y": today's act, not the last one the story dated.
        if let Some(kind @ (ClaimType::Sanction | ClaimType::Warrant)) = c.rule.kind
            && crate::event_dates::announced_now(self, s, kind)
        {
            return self.published_iso();
        }
        if unresolved_time_here {
            return None;
        }
        let para = s.paragraph;
        // "This came after ...": the sentence is about the event of the one before it, even
        // across a paragraph break.
        let anaphoric = ANAPHORIC_OPENING.is_match(&self.text()[s.span.clone()]);
        for k in (c.sentence.saturating_sub(2)..c.sentence).rev() {
            let prev = &self.view.sentences[k];
            if prev.paragraph != para && !(anaphoric && k + 1 == c.sentence) {
                break;
            }
            // "They led the unit since its establishment in 2012": a state's opening is not
            // the day of a one-time act told after it.
            let opens_state = |m: usize| {
                point_event
                    && prev.view.find(&format!("⟦TIME:{m}⟧")).is_some_and(|at| {
                        SINCE_PHRASE.is_match(&prev.view[..at])
                            || other_period(&prev.view[..at], c.rule.kind)
                    })
            };
            if let Some(d) = prev
                .mentions
                .iter()
                .rev()
                .filter(|&&m| !opens_state(m))
                .find_map(|&m| self.date_of(m))
            {
                return Some(d);
            }
        }
        None
    }

    /// The dates right after a post's match: "since T" (start), "from T to T" or "between T
    /// and T" (start and end), "until T" (end).
    pub(super) fn dates_after(&self, c: &Candidate<'_>) -> (Option<String>, Option<String>) {
        let view = &self.view.sentences[c.sentence].view;
        let Some(rest) = view.get(c.span.end..) else { return (None, None) };
        let Some(caps) = DATES_AFTER.captures(rest) else { return (None, None) };
        let date = |g: &str| {
            caps.name(g).and_then(|m| m.as_str().parse().ok()).and_then(|m| self.date_of(m))
        };
        match caps.name("case").map(|m| m.as_str()) {
            Some("since") => (date("a"), None),
            Some(_) => (None, date("a")),
            None => (date("a2"), date("b")),
        }
    }

    /// The last date of the sentence before `sentence`, in any paragraph.
    pub(super) fn previous_sentence_date(&self, sentence: usize) -> Option<String> {
        let prev = self.view.sentences.get(sentence.checked_sub(1)?)?;
        prev.mentions.iter().rev().find_map(|&m| self.date_of(m))
    }

    /// Whether a pattern's post is described as former ("X, former head of Y", "the late
    /// leader") or told in the past tense by a rule that gives no date ("X was head of Y",
    /// "X had headed Y"): a former-word or past verb before the end of the role, so that
    /// "head of the former Y" stays current. Frames decide this from the parse.
    pub(super) fn former_post(&self, c: &Candidate<'_>, matched: &str) -> bool {
        if c.rule.slots.is_empty() {
            return c.rule.former;
        }
        if self.holder_leaves(c) {
            return true;
        }
        let before_role = match c.args.iter().find(|(f, _)| f == "role") {
            Some((_, Arg::Mention(m))) => {
                let placeholder = format!("⟦{}:{m}⟧", self.view.mentions[*m].kind.as_str());
                let role = self.mention_text(*m).to_lowercase();
                let former = &crate::frames::positions::LEXICON.former;
                // "ex-interior minister": the reader's role starts after the prefix, and the
                // view keeps no trace of it.
                let text_before = &self.text()[..self.view.mentions[*m].span.start];
                let ex_prefix = text_before
                    .get(text_before.len().saturating_sub(3)..)
                    .is_some_and(|t| t.eq_ignore_ascii_case("ex-"));
                if role.split([' ', '-']).any(|w| former.contains(w))
                    || role.starts_with("ex-")
                    || ex_prefix
                {
                    return true;
                }
                match matched.find(&placeholder) {
                    Some(at) => &matched[..at],
                    None => matched,
                }
            }
            _ => matched,
        };
        let lexicon = &crate::frames::positions::LEXICON;
        // "former Norvanian President X": the word before a match that opens with the
        // post's body or role, not with the holder.
        let view = &self.view.sentences[c.sentence].view;
        let opens_with_holder = matches!(
            c.args.iter().find(|(f, _)| f == "holder"),
            Some((_, Arg::Mention(m))) if matched.starts_with(&format!("⟦{}:{m}⟧", self.view.mentions[*m].kind.as_str()))
        );
        let word_before = view[..c.span.start].split_whitespace().next_back().unwrap_or("");
        if !opens_with_holder && lexicon.former.contains(&word_before.to_lowercase()) {
            return true;
        }
        // "the former police chief", "the former army commander": up to two lowercase words
        // of the post's phrase (a service, a branch) between the former-word and the role.
        if !opens_with_holder {
            let mut words = view[..c.span.start].split_whitespace().rev();
            for _ in 0..3 {
                let Some(w) = words.next() else { break };
                if lexicon.former.contains(w) || w.starts_with("ex-") {
                    return true;
                }
                let modifier = w.chars().all(|ch| ch.is_lowercase() || ch == '-')
                    && !FUNCTION_WORDS.contains(&w);
                if !modifier {
                    break;
                }
            }
        }
        before_role.split(|ch: char| !ch.is_alphanumeric() && ch != '-').any(|w| {
            let w = w.to_lowercase();
            lexicon.former.contains(&w)
                || FORMER_ADVERBS.contains(&w.as_str())
                || (c.rule.as_of.is_none() && PAST_VERBS.contains(&w.as_str()))
        })
    }

    /// Whether the sentence says the post's holder left it ("President X has resigned", "X
    /// was ousted in 2019"): the holder is the subject of a verb of leaving.
    pub(super) fn holder_leaves(&self, c: &Candidate<'_>) -> bool {
        let Some((_, Arg::Mention(h))) = c.args.iter().find(|(f, _)| f == "holder") else {
            return false;
        };
        let holder = &self.view.mentions[*h].span;
        let sv = &self.view.sentences[c.sentence];
        let Some(words) = self.view.words.get(sv.words.clone()) else { return false };
        words.iter().enumerate().any(|(i, verb)| {
            // The view's lemmas are in lower case already.
            let lemma = verb.lemma.as_str();
            let leaves = LEAVING_VERBS.contains(&lemma);
            let replaced = REPLACED_VERBS.contains(&lemma);
            (leaves || replaced)
                && words.iter().any(|w| {
                    w.head == i + 1
                        && (w.deprel == "nsubj:pass" || (leaves && w.deprel == "nsubj"))
                        && w.span.start >= holder.start
                        && w.span.end <= holder.end
                })
        })
    }

    pub(crate) fn published_iso(&self) -> Option<String> {
        self.input.published.map(|p| p.to_string())
    }

    pub(super) fn sentence_date(&self, sentence: usize) -> Option<String> {
        self.view.sentences[sentence].mentions.iter().find_map(|&m| self.date_of(m))
    }
}
