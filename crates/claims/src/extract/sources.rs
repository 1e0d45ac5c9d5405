//! Who a claim is attributed to and how sure its sentence is: the source each sentence
//! cites, quotations over several sentences, and modality.

use super::*;

impl<'a> Doc<'a> {
    /// The source a sentence cites, if an attribution pattern finds one.
    pub(super) fn attribution(&self, sentence: usize) -> Option<String> {
        self.sources.get_or_init(|| self.find_sources())[sentence].clone()
    }

    /// The source each sentence cites: the first attribution pattern that matches names it;
    /// "the paper", "the agency" stand for the last source named before.
    pub(super) fn find_sources(&self) -> Vec<Option<String>> {
        let mut last: Option<String> = None;
        let mut out = Vec::with_capacity(self.view.sentences.len());
        let mut may_match = Vec::new();
        for s in &self.view.sentences {
            self.rules.attribution_prefilter.candidates(&s.view, &mut may_match);
            // "CAIRO, Jan 12 (Agency) - X was held, police said": the place and agency of a
            // wire dateline filed the copy; the sentence cites the police.
            let dateline_end = s.dateline_end;
            let in_dateline = |c: &regex::Captures<'_>| {
                c.iter()
                    .skip(1)
                    .flatten()
                    .next()
                    .and_then(|m| m.as_str().parse::<usize>().ok())
                    .is_some_and(|i| {
                        self.view.mentions.get(i).is_some_and(|m| m.span.start < dateline_end)
                    })
            };
            let named = self.rules.attribution.iter().zip(&may_match).find_map(|(a, &may)| {
                if !may {
                    return None;
                }
                // "The death of X was announced": a passive reporting verb's subject is
                // what is told, not who tells it.
                let caps = a.regex.captures_iter(&s.view).find(|c| {
                    let whole = c.get(0).expect("group 0");
                    !passive_report(whole.as_str())
                        && !self.another_sayer(c)
                        && !announces_an_act(whole.as_str(), &s.view[whole.end()..])
                        && !in_dateline(c)
                })?;
                let m = caps.iter().skip(1).flatten().next()?;
                Some(match m.as_str().parse::<usize>() {
                    Ok(i) => self.source_name(i),
                    // "her lawyers said": the pronoun's placeholder back as its text.
                    Err(_) => match self.expand(&Arg::Text(m.as_str().to_string())) {
                        Arg::Text(t) => t,
                        Arg::Mention(_) => m.as_str().trim().to_string(),
                    },
                })
            });
            let source = match named {
                // "According to the indictment": a court's paper is its own source, not a
                // back-reference to the agency or body named before.
                Some(n) if court_paper(&n) => Some(n.trim_start_matches("the ").to_string()),
                Some(n) if n.to_lowercase().starts_with("the ") || n.eq_ignore_ascii_case("it") => {
                    last.clone()
                }
                other => other,
            };
            if source.is_some() {
                last.clone_from(&source);
            }
            out.push(source);
        }
        self.quoted_sources(&mut out);
        out
    }

    /// Whether an attribution match that opens on a name ends with another sayer right before
    /// its verb ([`nearer_sayer`]), one that is not the body the name is ("Russia's Security
    /// Council, ..., the council said": the body named is the sayer).
    fn another_sayer(&self, c: &regex::Captures<'_>) -> bool {
        let Some(noun) = c.get(0).and_then(|whole| nearer_sayer(whole.as_str())) else {
            return false;
        };
        let named = c
            .iter()
            .skip(1)
            .flatten()
            .next()
            .and_then(|m| m.as_str().parse::<usize>().ok().map(|i| self.mention_text(i)));
        !named.is_some_and(|n| {
            n.split_whitespace().last().is_some_and(|l| l.eq_ignore_ascii_case(noun))
        })
    }

    /// The sentences of a quotation that runs over several sentences ("“A. B. C,” X said.")
    /// are the speaker's: each takes the source of the sentence that closes the quotation,
    /// else of the one that opens it ("X said: “A. B. C.”"), where it names none itself.
    pub(super) fn quoted_sources(&self, out: &mut [Option<String>]) {
        let text = self.text();
        let mut open: Option<usize> = None;
        for (i, s) in self.view.sentences.iter().enumerate() {
            if let Some(start) = open
                && self.view.sentences[start].paragraph != s.paragraph
            {
                open = None;
            }
            let mut inside = open.is_some();
            for ch in text[s.span.clone()].chars() {
                match ch {
                    '“' | '«' => inside = true,
                    '”' | '»' => inside = false,
                    '"' => inside = !inside,
                    _ => {}
                }
            }
            match (open, inside) {
                (None, true) => open = Some(i),
                (Some(start), false) => {
                    open = None;
                    // A long run is more likely a stray quotation mark than one quotation.
                    if i - start > 6 {
                        continue;
                    }
                    let Some(by) = out[i].clone().or_else(|| out[start].clone()) else {
                        continue;
                    };
                    for slot in &mut out[start..=i] {
                        if slot.is_none() {
                            *slot = Some(by.clone());
                        }
                    }
                }
                _ => {}
            }
        }
    }

    /// A source's name: a person's fullest name, or the mention as written, widened to the
    /// quotation marks around it ("Varskpost.ru" where the tagger saw "Varskpost").
    pub(super) fn source_name(&self, m: usize) -> String {
        if let Some(g) = self.person_group(m) {
            return self.people.people[g].name.clone();
        }
        let span = self.view.mentions[m].span.clone();
        let text = self.text();
        let before = text[..span.start].chars().next_back();
        if matches!(before, Some('“' | '"' | '«'))
            && let Some(close) = text[span.end..].find(['”', '"', '»'])
            && close <= 16
        {
            return text[span.start..span.end + close].trim().to_string();
        }
        self.mention_text(m)
    }

    pub(super) fn modality(
        &self,
        c: &Candidate<'_>,
        kind: ClaimType,
    ) -> (Modality, Option<String>) {
        let s = &self.view.sentences[c.sentence];
        let cues = &self.rules.cues;
        let matched = &s.view[c.span.clone()];
        let before = &s.view[..c.span.start];
        let attributed = self.attribution(c.sentence);
        if let Some(m) = c.rule.modality {
            return (m, if m == Modality::Asserted { None } else { attributed });
        }
        if cues.negation.is_match(matched) || cues.denial.is_match(before) {
            return (Modality::Denied, attributed);
        }
        // "Reports that X had been hospitalised were denied by his office": the report the
        // claim sits in is denied after it.
        if cues.report_before.is_match(before) && cues.denial_after.is_match(&s.view[c.span.end..])
        {
            return (Modality::Denied, attributed);
        }
        if cues.rumored.is_match(&s.view) {
            return (Modality::Rumored, attributed);
        }
        let doubted_later = matches!(kind, ClaimType::Meeting | ClaimType::Visit)
            && self.view.sentences[c.sentence + 1..]
                .iter()
                .take_while(|n| n.paragraph == s.paragraph)
                .take(3)
                .any(|n| cues.doubt_after.is_match(&n.view));
        if cues.uncertain.is_match(&s.view) || doubted_later {
            return (Modality::Uncertain, attributed);
        }
        // "issued a warrant for X for crimes allegedly committed in ...": an "allegedly"
        // after a formal act qualifies what it accuses X of (an allegation of its own), not
        // the act, which the author states.
        let formal_act = matches!(
            kind,
            ClaimType::Warrant | ClaimType::Charge | ClaimType::Sanction | ClaimType::Verdict
        );
        let alleged_in = if formal_act {
            // Up to the end of the person the act is against: "for war crimes allegedly
            // committed" may be inside the match, as the charges it names.
            let person = c.args.iter().find_map(|(f, a)| match a {
                Arg::Mention(m) if matches!(f.as_str(), "target" | "defendant") => Some(*m),
                _ => None,
            });
            let end = person
                .and_then(|m| {
                    let tag = format!("⟦{}:{m}⟧", self.view.mentions[m].kind.as_str());
                    matched.find(&tag).map(|at| c.span.start + at + tag.len())
                })
                .unwrap_or(c.span.end);
            &s.view[..end]
        } else {
            s.view.as_str()
        };
        if kind == ClaimType::Allegation || cues.alleged.is_match(alleged_in) {
            return (Modality::Alleged, attributed);
        }
        if attributed.is_some() {
            return (Modality::Reported, attributed);
        }
        if cues.reported.is_match(&s.view) {
            return (Modality::Reported, None);
        }
        (Modality::Asserted, None)
    }
}

/// "Varsk announced sanctions on X": a state or body announcing its own sanctions states the
/// act, it does not report someone else's fact (the guide: a formal act is asserted).
fn announces_an_act(matched: &str, after: &str) -> bool {
    if !matched.to_lowercase().ends_with("announced") {
        return false;
    }
    let acts = ["sanctions", "travel ban", "asset freeze", "an asset freeze", "a travel ban"];
    let mut rest = after.trim_start().to_lowercase();
    for _ in 0..3 {
        if acts.iter().any(|a| rest.starts_with(a)) {
            return true;
        }
        // "announced new sanctions", "announced further targeted sanctions".
        match rest.split_once(' ') {
            Some((w, tail)) if w.chars().all(|c| c.is_ascii_lowercase() || c == '-') => {
                rest = tail.to_string();
            }
            _ => return false,
        }
    }
    false
}

/// "the indictment", "the charge sheet", "court documents": papers of a court or a
/// prosecution, which speak for themselves.
fn court_paper(source: &str) -> bool {
    const PAPERS: &[&str] = &[
        "indictment",
        "charge sheet",
        "complaint",
        "arrest warrant",
        "warrant",
        "judgment",
        "judgement",
        "ruling",
        "verdict",
        "court documents",
        "court papers",
        "court filings",
        "court records",
        "the filing",
        "the prosecution",
        "prosecutors",
    ];
    let lower = source.to_lowercase();
    let words = lower.split_whitespace().count();
    words <= 4 && PAPERS.iter().any(|p| lower.ends_with(p))
}

/// The noun of another sayer right before the verb of an attribution match that starts on a
/// name: "X, arrived in Y on Tuesday for a visit, the ministry said" matches the name and an
/// apposition that is the whole clause, but the one who said it is "the ministry"; so does
/// "... included A and X, the court said", where the name closes what was said (an
/// apposition, "X, the spokesman, said", closes on a comma of its own).
fn nearer_sayer(matched: &str) -> Option<&str> {
    static NEARER: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"⟦[A-Z]+:[0-9]+⟧ (?:, .+ )?, (?:the|a|an) (?:[a-z-]+ ){0,2}(?P<noun>[a-z-]+) (?:has |have |had )?(?:also )?[a-z]+$",
        )
        .expect("the nearer-sayer pattern compiles")
    });
    NEARER.captures(matched).and_then(|c| c.name("noun")).map(|m| m.as_str())
}

/// Whether an attribution match ends in a passive reporting verb ("X was announced", "X
/// has been reported"): the auxiliary right before the verb says so.
fn passive_report(matched: &str) -> bool {
    let mut words = matched.split_whitespace().rev();
    words.next();
    // "Reports that X was held in Y were not (yet) confirmed": a negation or an adverb may
    // stand between the auxiliary and the participle.
    words
        .find(|w| {
            !matches!(
                w.to_lowercase().as_str(),
                "not" | "n't" | "never" | "yet" | "also" | "officially" | "independently"
            )
        })
        .is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "was" | "were" | "is" | "are" | "been" | "be" | "being"
            )
        })
}

/// An act without the attribution after it: "the killings of three critics, investigators
/// said on Monday" is "the killings of three critics"; so with ", according to ...". The
/// parse hangs the reporting clause on the act's last noun as often as on the verb.
pub(super) fn unattributed(act: &str) -> String {
    static SAID: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"^,\s+(?:according to\b|(?:[\p{L}\p{N}.'’-]+\s+){1,4}(?:said|says|told|added|stated|alleged|alleges|claimed|claims|reported|reports|confirmed|wrote)\b)",
        )
        .expect("valid pattern")
    });
    let cut = act.match_indices(',').map(|(i, _)| i).find(|&i| SAID.is_match(&act[i..]));
    cut.map_or(act, |i| act[..i].trim_end()).to_string()
}
