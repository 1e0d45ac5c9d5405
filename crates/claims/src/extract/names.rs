//! The people, bodies and states a claim's arguments name: descriptions and pronouns to
//! their person, possessors, authorities (courts, states, the document's main state).

use super::*;

impl<'a> Doc<'a> {
    /// The country named right before a mention: "Syrian X", "Egypt's X".
    pub(super) fn country_before(&self, m: usize) -> Option<String> {
        let mention = &self.view.mentions[m];
        let s = &self.view.sentences[mention.sentence];
        let k = s.mentions.iter().position(|&x| x == m)?;
        let &p = s.mentions.get(k.checked_sub(1)?)?;
        let pm = &self.view.mentions[p];
        let gap = self.text().get(pm.span.end..mention.span.start)?.trim();
        match pm.kind {
            Kind::Nat if gap.is_empty() => pm.value.clone(),
            Kind::Loc if gap == "'s" || gap == "’s" => Some(self.mention_text(p)),
            _ => None,
        }
    }

    /// Whether an organisation's name is the body of the post written right after it ("the
    /// Party Secretary of X", "a former Deputy Party Secretary"): part of a post, not a party.
    pub(super) fn opens_a_post(&self, m: usize) -> bool {
        let mention = &self.view.mentions[m];
        if mention.kind != Kind::Org {
            return false;
        }
        let s = &self.view.sentences[mention.sentence];
        let Some(k) = s.mentions.iter().position(|&x| x == m) else { return false };
        let Some(&next) = s.mentions.get(k + 1) else { return false };
        let nm = &self.view.mentions[next];
        nm.kind == Kind::Role
            && self.text().get(mention.span.end..nm.span.start).is_some_and(|g| g.trim().is_empty())
    }

    /// Whether a place captured as an organisation is the owner of what follows ("the head
    /// of Iran's Revolutionary Guard": Iran is not the organisation), unless the rule itself
    /// reads the possessive ("then Russia's envoy").
    pub(super) fn possessor(&self, c: &Candidate<'_>, m: usize) -> bool {
        let view = &self.view.sentences[c.sentence].view;
        let tag = format!("⟦LOC:{m}⟧ 's");
        view.find(&tag).is_some_and(|at| at + tag.len() > c.span.end)
    }

    /// A captured phrase with its placeholders back as the mentions' text.
    pub(super) fn expand(&self, arg: &Arg) -> Arg {
        let Arg::Text(t) = arg else { return arg.clone() };
        let mut out = String::with_capacity(t.len());
        let mut rest = t.as_str();
        while let Some(open) = rest.find('⟦') {
            out.push_str(&rest[..open]);
            let Some(close) = rest[open..].find('⟧') else { break };
            let inner = &rest[open + '⟦'.len_utf8()..open + close];
            if let Some(n) = inner.split_once(':').and_then(|(_, n)| n.parse::<usize>().ok()) {
                out.push_str(self.view.text(self.text(), n));
            }
            rest = &rest[open + close + '⟧'.len_utf8()..];
        }
        out.push_str(rest);
        let out = out.replace(" ,", ",").replace(" 's", "'s").replace(" .", ".");
        Arg::Text(out.trim().trim_matches('"').trim().to_string())
    }

    /// "Lawyer X said he died in peace": a pronoun the sentence's speaker stands for, in what
    /// the speaker says, where the claim says the pronoun's person died. The dead do not
    /// speak: the pronoun is someone else, whom the sentence does not settle.
    pub(super) fn speaker_said(&self, sentence: usize, arg: &Arg, g: usize) -> bool {
        let Arg::Mention(m) = arg else { return false };
        if self.view.mentions[*m].kind != Kind::Pro {
            return false;
        }
        let s = &self.view.sentences[sentence];
        let pro = format!("⟦PRO:{m}⟧");
        let Some(at) = s.view.find(&pro) else { return false };
        s.mentions.iter().any(|&k| {
            self.view.mentions[k].kind == Kind::Per
                && self.people.of_mention.get(&k) == Some(&g)
                && s.view.find(&format!("⟦PER:{k}⟧")).is_some_and(|from| {
                    from < at
                        && s.view[from..at].split_whitespace().any(|w| {
                            matches!(w, "said" | "says" | "told" | "added" | "stated" | "recalled")
                        })
                })
        })
    }

    pub(super) fn person_group(&self, m: usize) -> Option<usize> {
        match self.view.mentions[m].kind {
            Kind::Per => self.people.of_mention.get(&m).copied(),
            Kind::Pro => self.people.pronoun(self.view, m),
            Kind::Desc => self.description(m),
            _ => None,
        }
    }

    /// The person a description stands for, if the document settles it.
    pub(super) fn description(&self, m: usize) -> Option<usize> {
        let d = &self.view.mentions[m];
        let det = d.value.as_deref().unwrap_or("");
        if matches!(det, "a" | "an") {
            return None;
        }
        let mut country = None;
        let mut org = None;
        let mut head = None;
        for &p in &d.parts {
            let pm = &self.view.mentions[p];
            match pm.kind {
                Kind::Nat => country = pm.value.clone(),
                Kind::Loc => country = Some(self.mention_text(p)),
                Kind::Org | Kind::Misc => org = Some(self.mention_text(p)),
                Kind::Role => head = pm.value.clone(),
                _ => {}
            }
        }
        let near = |g: usize| {
            self.people.people[g]
                .mentions
                .iter()
                .map(|&x| x.abs_diff(m))
                .min()
                .unwrap_or(usize::MAX)
        };
        let subject = self.view.sentences[d.sentence]
            .mentions
            .iter()
            .find_map(|&x| self.people.of_mention.get(&x).copied());
        if let Some(country) = country {
            return self
                .profiles
                .iter()
                .filter(|(g, p)| p.countries.contains(&country) && Some(**g) != subject)
                .map(|(g, _)| *g)
                .min_by_key(|&g| near(g));
        }
        if let Some(org) = org {
            let key = org.to_lowercase();
            if let Some(g) = self
                .profiles
                .iter()
                .filter(|(_, p)| p.orgs.iter().any(|o| o.to_lowercase().contains(&key)))
                .map(|(g, _)| *g)
                .min_by_key(|&g| near(g))
            {
                return Some(g);
            }
        }
        // "the former president": a description the reader gave no post keeps its last word.
        let head = head.or_else(|| {
            let text = self.view.text(self.text(), m);
            text.split_whitespace().last().map(|w| w.to_lowercase())
        })?;
        if det == "the"
            && let Some(g) = self.by_epithet(m)
        {
            return g;
        }
        if det == "the" && LEADER_HEADS.contains(&head.as_str()) {
            return self.people.topic();
        }
        // "the former president was charged": the one person the document gave that post.
        let last = head.split_whitespace().last().unwrap_or("").to_lowercase();
        let mut holders = self.profiles.iter().filter(|(_, p)| p.roles.contains(&last));
        match (holders.next(), holders.next()) {
            (Some((g, _)), None) if det == "the" => Some(*g),
            _ => None,
        }
    }

    pub(crate) fn person_name(&self, arg: &Arg) -> Option<(String, Option<usize>)> {
        match arg {
            Arg::Mention(m) => {
                if matches!(self.view.mentions[*m].kind, Kind::Org | Kind::Loc | Kind::Misc) {
                    // A rule put a name the tagger did not see as a person where only a
                    // person fits ("an arrest warrant for X"): the fullest matching person
                    // of the document, else the name as written.
                    let text = self.mention_text(*m);
                    let key = name_key(&text);
                    let g = self.people.people.iter().position(|p| p.key == key);
                    return Some(match g {
                        Some(g) => (self.people.people[g].name.clone(), Some(g)),
                        None => (text, None),
                    });
                }
                let g = self.person_group(*m)?;
                Some((self.people.people[g].name.clone(), Some(g)))
            }
            Arg::Text(t) => Some((t.clone(), None)),
        }
    }

    /// A participant or accuser: a person, else an unresolved description or a group as
    /// written ("a U.S. intelligence official", "Lebanese politicians").
    pub(super) fn party(&self, arg: &Arg) -> Option<(String, Option<usize>)> {
        if let Some(p) = self.person_name(arg) {
            return Some(p);
        }
        let Arg::Mention(m) = arg else { return None };
        let mention = &self.view.mentions[*m];
        match mention.kind {
            Kind::Desc => {
                let t = self.view.text(self.text(), *m);
                let t = t.split_once(char::is_whitespace).map_or(t, |(_, rest)| rest);
                Some((t.split_whitespace().collect::<Vec<_>>().join(" "), None))
            }
            Kind::Org | Kind::Misc => Some((self.mention_text(*m), None)),
            _ => None,
        }
    }

    pub(crate) fn authority(&self, arg: &Arg) -> Option<String> {
        let raw = match arg {
            Arg::Mention(m) => {
                let mention = &self.view.mentions[*m];
                if mention.kind == Kind::Nat {
                    return mention.value.clone();
                }
                if let Some(court) = self.court_set_up_by(*m) {
                    return Some(court);
                }
                let text = self.mention_text(*m);
                if let Some(named) = self.court_named_before(*m, &text) {
                    return self.authority(&Arg::Mention(named));
                }
                text
            }
            Arg::Text(t) => t.clone(),
        };
        let lower = raw.to_lowercase();
        if let Some(v) = self.rules.authority.get(&lower) {
            return Some(v.clone());
        }
        for w in lower.split(|c: char| c.is_whitespace()) {
            // "the Treasury's Office of ...": the possessive's word.
            let w = w.strip_suffix("'s").or_else(|| w.strip_suffix("’s")).unwrap_or(w);
            if let Some(v) = self.rules.authority.get(w) {
                return Some(v.clone());
            }
        }
        // "The Council today decided to impose restrictive measures": in a text about the
        // European Union, the Council (of the EU) is the Union.
        if lower.trim_start_matches("the ") == "council" && self.names_european_union() {
            return Some("European Union".to_string());
        }
        // "<capital> announced sanctions": a government named by its seat is its state.
        if let Some(state) = crate::cities::state_of(&raw) {
            return Some(state.to_string());
        }
        // "a court in Varsk": a town the gazetteer does not know lies in the state the text
        // puts it in, else in the document's own state; a town is never an authority.
        if let Arg::Mention(m) = arg
            && self.view.mentions[*m].kind == Kind::Loc
            && !self.is_state(&raw)
            && let Some(state) = self.place_state(*m).or_else(|| self.main_state())
        {
            return Some(state);
        }
        Some(raw)
    }

    /// Whether the text names the European Union ("European Union", "EU" as a word).
    fn names_european_union(&self) -> bool {
        let text = &self.input.text;
        text.contains("European Union")
            || text.match_indices("EU").any(|(i, _)| {
                let b = text.as_bytes();
                let before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
                let after = b.get(i + 2).is_none_or(|c| !c.is_ascii_alphanumeric());
                before && after
            })
    }

    /// Whether a sanction's named issuer cannot issue one: a person ("Wielgosz imposes
    /// sanctions"), a name the document writes as a leader's ("the Wielgosz administration":
    /// the text never says whose leader), or a place that is neither a state nor a city the
    /// gazetteer puts in one ("Varsk had sanctioned": a city, not a government). Only a
    /// state, a body or a union of states issues sanctions; mapping a person or a city to
    /// a state needs the text to say whose, and the fallbacks would give a wrong one.
    pub(crate) fn not_an_issuer(&self, m: usize) -> bool {
        let mention = &self.view.mentions[m];
        let text = self.mention_text(m);
        let known = || {
            self.is_state(&text)
                || self.rules.authority.contains_key(&text.to_lowercase())
                || crate::cities::state_of(&text).is_some()
                || crate::cities::is_state(&text)
        };
        match mention.kind {
            Kind::Per => true,
            Kind::Nat => false,
            Kind::Loc => !known() && self.place_state(m).is_none(),
            _ => !known() && self.leader_name(&text),
        }
    }

    /// The authority a mention names as a sanction's or a warrant's issuer, unless it can
    /// issue none ([`Self::not_an_issuer`], for sanctions) or is cut by the end of the text.
    pub(crate) fn issuer(&self, kind: ClaimType, m: usize) -> Option<String> {
        let arg = Arg::Mention(m);
        if self.cut_at_end(&arg) || (kind == ClaimType::Sanction && self.not_an_issuer(m)) {
            return None;
        }
        self.authority(&arg)
    }

    /// Whether a mention runs to the very end of a text that stops without a closing mark
    /// (a page cut off in mid-word): its last word may be cut ("the Varsk-based Internat").
    pub(crate) fn cut_at_end(&self, arg: &Arg) -> bool {
        let text = self.text().trim_end();
        if !text.chars().last().is_some_and(char::is_alphanumeric) {
            return false;
        }
        match arg {
            Arg::Mention(m) => self.view.mentions[*m].span.end >= text.len(),
            Arg::Text(t) => !t.trim().is_empty() && text.ends_with(t.trim()),
        }
    }

    /// Whether the document writes a name before "administration" ("the Wielgosz
    /// administration"): a state's own is its government ("the Norvanian administration"),
    /// a name's is a leader's, a person.
    fn leader_name(&self, name: &str) -> bool {
        let text = self.text();
        text.match_indices(name).any(|(at, _)| {
            let rest = &text[at + name.len()..];
            let rest = rest.strip_prefix(['’', '\'']).map_or(rest, |r| r.trim_start_matches('s'));
            let mut words = rest.split_whitespace();
            rest.starts_with(char::is_whitespace)
                && words.next().is_some_and(|w| {
                    let w = w.trim_end_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
                    w == "administration" || w == "presidency"
                })
        })
    }

    /// A court the tagger left in lowercase right after the body that set it up ("indicted by
    /// the UN international criminal tribunal for Norvania"): the court, by its own name, is
    /// the authority, not the body.
    fn court_set_up_by(&self, m: usize) -> Option<String> {
        static COURT_AFTER: LazyLock<Regex> = LazyLock::new(|| {
            Regex::new(r"^\s+((?:international\s+)?(?:criminal\s+|war\s+crimes\s+|special\s+)?(?:tribunal|court)\s+for\s+(?:the\s+)?)(\p{Lu}[\p{L}'’-]*(?:\s+\p{Lu}[\p{L}'’-]*)*)")
                .expect("valid pattern")
        });
        let mention = &self.view.mentions[m];
        if mention.kind != Kind::Org {
            return None;
        }
        let caps = COURT_AFTER.captures(self.text().get(mention.span.end..)?)?;
        let words: Vec<String> = caps[1]
            .split_whitespace()
            .map(|w| match w {
                "for" | "the" => w.to_string(),
                _ => w[..1].to_uppercase() + &w[1..],
            })
            .collect();
        Some(format!("{} {}", words.join(" "), &caps[2]))
    }

    /// For a court called by a bare word ("the Chamber issued warrants", "the Tribunal
    /// ruled"), the court or tribunal the document named in full before it ("Pre-Trial
    /// Chamber II of the International Criminal Court"): the word alone names no one.
    fn court_named_before(&self, m: usize, text: &str) -> Option<usize> {
        let word = text.strip_prefix("the ").or_else(|| text.strip_prefix("The ")).unwrap_or(text);
        let bare_court =
            ["chamber", "court", "tribunal"].iter().any(|c| word.eq_ignore_ascii_case(c));
        if self.view.mentions[m].kind != Kind::Org || !bare_court {
            return None;
        }
        self.view.mentions[..m].iter().enumerate().rev().find_map(|(k, other)| {
            let t = self.mention_text(k).to_lowercase();
            (other.kind == Kind::Org
                && t.split_whitespace().count() > 1
                && (t.contains("court") || t.contains("tribunal")))
            .then_some(k)
        })
    }

    /// The authority a court pattern finds in a stretch of a view.
    pub(super) fn court_authority_in(&self, view: &str) -> Option<String> {
        self.authority_by(&self.rules.court, view, true)
    }

    /// The authority the first of some patterns finds in a view; with `states_only`, a
    /// place that is not a state ("the court in <city>") is none.
    pub(super) fn authority_by(
        &self,
        patterns: &[(Regex, Vec<Slot>)],
        view: &str,
        states_only: bool,
    ) -> Option<String> {
        for (regex, slots) in patterns {
            if let Some(caps) = regex.captures(view) {
                let mut args = Vec::new();
                group_args(slots, &caps, &mut args);
                let Some((_, arg)) = args.iter().find(|(f, _)| f == "authority") else {
                    continue;
                };
                // "Varsk had sanctioned" before "Also designated are A and B": a city or a
                // person is no sanctioning state; look further.
                if let Arg::Mention(m) = arg
                    && !states_only
                    && self.not_an_issuer(*m)
                {
                    continue;
                }
                // "the court in <city>": a city is no authority unless the gazetteer knows
                // its state; else look further.
                if let Arg::Mention(m) = arg
                    && states_only
                    && self.view.mentions[*m].kind == Kind::Loc
                    && !self.is_state(&self.mention_text(*m))
                {
                    match self.place_state(*m) {
                        Some(state) => return Some(state),
                        None => continue,
                    }
                }
                return self.authority(arg);
            }
        }
        None
    }

    /// The authority of a mention that is a court, tribunal or prosecutor's office: a state
    /// or body the authority names know ("the Norvanian Office of the Attorney General"), or an
    /// international court by its own name.
    pub(super) fn court_mention_authority(&self, m: usize) -> Option<String> {
        let mention = &self.view.mentions[m];
        if mention.kind == Kind::Nat {
            return mention.value.clone();
        }
        if !matches!(mention.kind, Kind::Org | Kind::Misc) {
            return None;
        }
        let text = self.mention_text(m);
        let lower = text.to_lowercase();
        if !COURT_WORDS.iter().any(|w| lower.contains(w)) {
            return None;
        }
        if let Some(v) = self.rules.authority.get(&lower) {
            return Some(v.clone());
        }
        if let Some(v) = lower.split_whitespace().find_map(|w| self.rules.authority.get(w)) {
            return Some(v.clone());
        }
        // "the Tallinn District Court": the city in its name gives the state.
        if let Some(state) = crate::cities::state_within(&lower) {
            return Some(state.to_string());
        }
        if let Some(country) = self.country_before(m) {
            return Some(country);
        }
        lower.starts_with("international").then_some(text)
    }

    /// Whether a name is a state the lexicon or the authority names know.
    pub(crate) fn is_state(&self, name: &str) -> bool {
        let lower = name.to_lowercase();
        self.rules.authority.contains_key(&lower)
            || read::lexicon::countries().any(|c| c.eq_ignore_ascii_case(name))
    }

    /// The state a document names most often (nationality adjectives and states by name):
    /// the last guess for the authority of a court the document never names.
    pub(crate) fn main_state(&self) -> Option<String> {
        let counts = self.state_counts();
        let best = counts.values().copied().max()?;
        let mut top = counts.into_iter().filter(|(_, n)| *n == best);
        let first = top.next()?;
        // A tie says nothing.
        top.next().is_none().then_some(first.0)
    }

    /// The state of the first place a sentence names, a state or a place the gazetteer or
    /// the text places ("X was arrested at Varnholm airport and sentenced to life"): the
    /// last guess for a court no text names in a document that names two states alike.
    pub(crate) fn sentence_state(&self, sentence: usize) -> Option<String> {
        self.view.sentences[sentence].mentions.iter().copied().find_map(|m| {
            if self.view.mentions[m].kind != Kind::Loc {
                return None;
            }
            match self.is_state(&self.mention_text(m)) {
                true => self.authority(&Arg::Mention(m)),
                false => self.place_state(m),
            }
        })
    }

    /// The state named most often but one, named at least `at_least` times and without a tie.
    pub(crate) fn main_state_except(&self, skip: &str, at_least: usize) -> Option<String> {
        let mut counts = self.state_counts();
        counts.remove(skip);
        let best = counts.values().copied().max().filter(|&n| n >= at_least)?;
        let mut top = counts.into_iter().filter(|(_, n)| *n == best);
        let first = top.next()?;
        top.next().is_none().then_some(first.0)
    }

    /// The state a document names most often, a tie going to the one of them it names first
    /// (a story leads with its own state: "Norvania arrests X" ... "American" ... "Norvanian").
    pub(crate) fn leading_state(&self) -> Option<String> {
        let counts = self.state_counts();
        let best = counts.values().copied().max()?;
        (0..self.view.mentions.len())
            .filter_map(|i| self.mention_state(i))
            .find(|s| counts.get(s) == Some(&best))
    }

    /// How often the document names each state (nationality adjectives, states, cities).
    fn state_counts(&self) -> BTreeMap<String, usize> {
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for i in 0..self.view.mentions.len() {
            if let Some(s) = self.mention_state(i) {
                *counts.entry(s).or_default() += 1;
            }
        }
        counts
    }

    /// The state a mention names: a nationality adjective, a state, or a city of one (a story
    /// about a trial in a city names it more often than the state).
    fn mention_state(&self, i: usize) -> Option<String> {
        let m = &self.view.mentions[i];
        match m.kind {
            Kind::Nat => m.value.clone(),
            Kind::Loc => {
                let t = self.mention_text(i);
                match self.is_state(&t) {
                    true => self.authority(&Arg::Text(t)),
                    false => crate::cities::state_of(&t).map(str::to_string),
                }
            }
            _ => None,
        }
    }

    /// The authority of the court or prosecutor a document names nearest before a sentence
    /// (the sentence itself first), else the first after it: a story about one trial names
    /// its court once and then says "the court", "prosecutors".
    pub(super) fn nearest_court(&self, sentence: usize) -> Option<String> {
        let n = self.view.sentences.len();
        (0..=sentence).rev().chain(sentence + 1..n).find_map(|i| {
            let s = &self.view.sentences[i];
            self.court_authority_in(&s.view).or_else(|| {
                s.mentions.iter().find_map(|&m| {
                    (self.view.mentions[m].kind != Kind::Nat)
                        .then(|| self.court_mention_authority(m))
                        .flatten()
                })
            })
        })
    }

    /// The state a place that is no state lies in: the gazetteer's, else what the document
    /// itself says of it ("a court in Varnholm, Norvania", "Norvania's Varnholm").
    pub(crate) fn place_state(&self, m: usize) -> Option<String> {
        let text = self.mention_text(m);
        if let Some(state) = crate::cities::state_of(&text) {
            return Some(state.to_string());
        }
        self.view.mentions.iter().enumerate().find_map(|(i, mm)| {
            if mm.kind != Kind::Loc || self.mention_text(i) != text {
                return None;
            }
            let after = self.view.sentences[mm.sentence]
                .mentions
                .iter()
                .copied()
                .find(|&k| self.view.mentions[k].span.start >= mm.span.end)
                .filter(|&k| {
                    let km = &self.view.mentions[k];
                    km.kind == Kind::Loc
                        && self
                            .text()
                            .get(mm.span.end..km.span.start)
                            .is_some_and(|g| g.trim() == ",")
                        && self.is_state(&self.mention_text(k))
                });
            after.and_then(|k| self.authority(&Arg::Mention(k))).or_else(|| {
                self.country_before(i)
                    .filter(|c| self.is_state(c) || self.rules.authority.values().any(|v| v == c))
            })
        })
    }

    /// "Norvanian diplomat X was sentenced by a court in Varnholm": in a document that names
    /// no court's state, the fallback state of its verdicts and charges is never the state
    /// the first defendant is a national of (a trial abroad is why the story names it), but
    /// the state named most often after it, where one is named at least twice.
    pub(super) fn foreign_trials(&self, claims: &mut [Claim]) {
        let legal = |c: &Claim| matches!(c.kind, ClaimType::Charge | ClaimType::Verdict);
        if !claims.iter().any(legal) || self.nearest_court(0).is_some() {
            return;
        }
        let Some(main) = self.main_state() else { return };
        let Some(first) =
            claims.iter().find(|c| legal(c) && c.field("authority") == Some(main.as_str()))
        else {
            return;
        };
        let defendant = first.field("defendant").unwrap_or_default().to_string();
        let national = claims.iter().any(|c| {
            c.kind == ClaimType::Attribute
                && c.field("key") == Some("nationality")
                && c.field("person") == Some(defendant.as_str())
                && c.field("value").and_then(read::lexicon::country_of) == Some(main.as_str())
        });
        if !national {
            return;
        }
        let Some(other) = self.main_state_except(&main, 2) else { return };
        for c in
            claims.iter_mut().filter(|c| legal(c) && c.field("authority") == Some(main.as_str()))
        {
            let si = self
                .view
                .sentences
                .iter()
                .rposition(|s| s.span.start <= c.evidence.start)
                .unwrap_or_default();
            if self.court_authority_in(&self.view.sentences[si].view).is_none() {
                c.fields.insert("authority".into(), Value::from(other.clone()));
            }
        }
    }
}
