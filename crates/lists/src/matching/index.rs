//! The index: list entries filed under blocking keys, and the scoring of a query against
//! the names each block holds.

use super::*;

struct IndexedName {
    entry: u32,
    name: u16,
    person: bool,
    key: Key,
    weak: bool,
}

/// The entries of one or more lists, filed for matching.
pub struct Index {
    entries: Vec<Entry>,
    names: Vec<IndexedName>,
    blocks: HashMap<String, Vec<u32>>,
    /// How many names bear each word (by skeleton): an inverse document frequency.
    bearers: HashMap<String, u32>,
    /// The learned score (the shipped one by default); `None` scores by hand alone.
    model: Option<Model>,
}

/// With the learned score, names scoring below this by hand are not candidates: the model
/// was trained on the candidates at or above it.
pub const LEARNED_LEAST: f32 = 0.6;

/// Gives a name's words their weights and says which are common ([`Index::weigh`]), for an
/// index of `total` names (plus one).
fn weigh(bearers: &HashMap<String, u32>, total: f32, key: &mut Key) {
    let full = (total / RARE).ln().max(1.0);
    let counts: Vec<f32> = (0..key.words.len())
        .map(|i| bearers.get(&key.commonness(i)).copied().unwrap_or(0) as f32 + 1.0)
        .collect();
    // A father's name (a patronymic, a name after "bin") says who the father is: left out,
    // it costs what the commonest word does.
    key.weights = counts
        .iter()
        .zip(&key.patronymic)
        .map(|(n, &father)| if father { 0.35 } else { ((total / n).ln() / full).clamp(0.35, 1.0) })
        .collect();
    // A short list tells nothing of how common a name is.
    key.common = counts.iter().map(|&n| n > (COMMON * total).max(COMMON_LEAST)).collect();
}

/// Where a person's leading very common given name ("Muhammad") is often devotional and
/// left out, with no chain of fathers' names behind it that would make the next given name
/// the father's: South and Southeast Asian naming (Afghanistan, Bangladesh, India,
/// Indonesia, Malaysia, Pakistan), and Iranian naming, where family names replaced the
/// fathers' names a century ago and "Mohammad" opens many double given names said without it
/// (session 28: the even half's two wrong matches of this kind gone, one more right on the
/// odd half).
const DEVOTIONAL_FIRST: &[&str] = &["af", "bd", "id", "in", "ir", "my", "pk"];

/// The countries a listed person belongs to: the nationalities the list gives, else the
/// country that closes a place of birth ("Varsk, Lornby Province, Norvania") and those that
/// issued an identifier. Many listings say no nationality but where the person was born and
/// whose passport the person holds.
fn countries_of(entry: &Entry) -> Box<dyn Iterator<Item = &str> + '_> {
    if !entry.nationalities.is_empty() {
        return Box::new(entry.nationalities.iter().map(String::as_str));
    }
    let born = entry.birth_places.iter().filter_map(|p| p.rsplit(',').next()).map(str::trim);
    let issued = entry.identifiers.iter().filter_map(|i| i.country.as_deref());
    Box::new(born.chain(issued))
}

/// A candidate as the margin reads it: the match (its entry, hand score, the query words it
/// met and whether its whole listed name met), its listed name's words sorted, its birth
/// years, and whether it fits without a hand penalty or a given name left out.
struct Met<'m> {
    candidate: &'m Match,
    words: Vec<String>,
    years: Vec<i32>,
    fits: bool,
}

/// The most a query word may cost, left unmet, to count as very common, and the least to
/// count as rare, for the margin's rivals ([`Index::rank`]).
const COMMON_LEFT: f32 = 0.5;
const RARE_LEFT: f32 = 0.9;

/// How close another entry's score must be for a match with a given name left out to be
/// unsure.
const NAMESAKE_GAP: f32 = 0.05;

/// The most names a block of skeletons less a letter ([`Key::near_keys`]) may hold: a longer
/// one is dropped.
const NEAR_MOST: usize = 12;

/// A query's word whose own blocks hold at most this many names is read even when its rarer
/// words would do ([`Index::candidates`]).
const SMALL_BLOCKS: usize = 150;

/// A word borne by fewer names than this is rare: an unaligned one costs in full.
const RARE: f32 = 20.0;
/// A word borne by more than this share of the names (and by more than [`COMMON_LEAST`]) is
/// common: tuned on the even half of the labelled set (1% keeps precision at 0.98 there; 0.4%
/// costs 35 right matches of 660 for 4 wrong ones fewer).
const COMMON: f32 = 0.01;
/// At least this many names bear a common word.
const COMMON_LEAST: f32 = 30.0;

#[path = "candidate.rs"]
mod candidate;

impl Index {
    /// Files the entries' names.
    pub fn new(entries: Vec<Entry>) -> Index {
        let mut names = Vec::new();
        let mut blocks: HashMap<String, Vec<u32>> = HashMap::new();
        for (e, entry) in entries.iter().enumerate() {
            for (n, listed) in entry.names.iter().enumerate().take(usize::from(u16::MAX)) {
                let person = entry.kind == EntryKind::Person;
                let key = if person { Key::person(&listed.name) } else { Key::body(&listed.name) };
                if key.words.is_empty() {
                    continue;
                }
                let id = names.len() as u32;
                for k in key.block_keys() {
                    blocks.entry(k).or_default().push(id);
                }
                names.push(IndexedName {
                    entry: e as u32,
                    name: n as u16,
                    person,
                    key,
                    weak: listed.quality == NameQuality::Weak,
                });
            }
        }
        // A skeleton less a letter that many names share ("-mmd") would be read for nearly
        // every query with such a word: those blocks are not kept.
        blocks.retain(|k, ids| !k.starts_with('-') || ids.len() <= NEAR_MOST);
        let mut bearers: HashMap<String, u32> = HashMap::new();
        for n in &names {
            let mut seen: Vec<String> =
                (0..n.key.words.len()).map(|i| n.key.commonness(i)).collect();
            seen.sort();
            seen.dedup();
            for s in seen {
                *bearers.entry(s).or_default() += 1;
            }
        }
        // Listed names too say which of their words are common (a leading given name the
        // query lacks may be left out when it is, `align`).
        let total = names.len() as f32 + 1.0;
        for n in &mut names {
            weigh(&bearers, total, &mut n.key);
            if n.person {
                for country in countries_of(&entries[n.entry as usize]).map(countries::key) {
                    n.key.first_given_devotional |= DEVOTIONAL_FIRST.contains(&country.as_str());
                    n.key.somali |= country == "so";
                }
            }
        }
        Index { entries, names, blocks, bearers, model: Some(model::shipped().clone()) }
    }

    /// The same index scored by `model`, or by hand alone (`None`); [`Index::new`] scores
    /// with the shipped model.
    pub fn with_model(mut self, model: Option<Model>) -> Index {
        self.model = model;
        self
    }

    /// Every candidate for `query` as the learned score reads it (one per entry, its best name
    /// by hand): the entry and its features, for training.
    pub fn features(&self, query: &Query) -> Vec<(usize, Features)> {
        self.rank(query, LEARNED_LEAST).into_iter().map(|m| (m.entry, m.features)).collect()
    }

    /// Why `entry` was or was not found for `query`, for the evaluation's misses: whether
    /// blocking reads any of its names (`Index::candidates`), and its best name by hand
    /// aligned with the query whether blocking reads it or not (`None`: no word aligned).
    pub fn diagnose(&self, query: &Query, entry: usize) -> (bool, Option<Match>) {
        let want_person = self.entries.get(entry).is_some_and(|e| e.kind == EntryKind::Person);
        let mut key = if want_person { Key::person(&query.name) } else { Key::body(&query.name) };
        self.weigh(&mut key);
        if key.words.is_empty() {
            return (false, None);
        }
        let least = if self.model.is_some() { LEARNED_LEAST } else { UNSURE - MOST_ADDED };
        let blocked = self.candidates(&key, want_person, least);
        let mut reached = false;
        let mut best: Option<Match> = None;
        for (id, listed) in self.names.iter().enumerate() {
            if listed.entry as usize != entry {
                continue;
            }
            reached |= blocked.binary_search(&(id as u32)).is_ok();
            let scored = align(&key, &listed.key, want_person);
            if scored.chosen.is_empty()
                || best.as_ref().is_some_and(|b| b.name_score >= scored.name_score)
            {
                continue;
            }
            best = Some(self.finish(query, listed, &key, scored));
        }
        (reached, best)
    }

    /// The entries.
    pub fn entries(&self) -> &[Entry] {
        &self.entries
    }

    /// The best candidates for `query`, best first, one per entry, at most `limit`,
    /// including near misses below [`UNSURE`] down to `floor`.
    pub fn check(&self, query: &Query, limit: usize, floor: f32) -> Vec<Match> {
        // Read scores below this can reach `floor` with what the rest adds; the learned score
        // reads every candidate it was trained on.
        let least = match &self.model {
            Some(_) => (floor - MOST_ADDED).min(LEARNED_LEAST),
            None => floor - MOST_ADDED,
        };
        let mut out = self.rank(query, least);
        for m in &mut out {
            if let Some(model) = &self.model {
                // What birth date, nationality and a weak alias added or took off by hand.
                let hand = m.score;
                let added = m.score - m.name_score;
                let learned = model.score(&m.features) + added;
                m.notes.push(model.explain(&m.features));
                // An exact birth date that agrees with a name the hand score matches tells
                // the person apart from other bearers of the name, which the learned score
                // (no birth date among its features) cannot see.
                // So does a name whose own surname split says the query only says more.
                let born = m.notes.iter().any(|n| n.starts_with("birth date "));
                // Not where another entry fits the name better by hand: the query may say
                // more because it names that one.
                let kept = if born {
                    Some("the birth date agrees")
                } else {
                    m.kept.filter(|_| m.features[F_MARGIN] >= 0.0)
                };
                m.score = if let Some(why) = kept.filter(|_| hand >= MATCH && hand > learned) {
                    m.notes.push(format!("{why}: the hand score {hand:.2}"));
                    hand
                } else if let Some(why) = m.held.as_deref().filter(|_| learned > hand) {
                    m.notes.push(format!("held at the hand score {hand:.2}: {why}"));
                    hand
                } else {
                    learned
                };
            }
            // A name made only of words many listed people bear (a very common given name
            // and family name) is borne by others too: without a birth date to tell them
            // apart it is for review, not a match.
            if m.features[F_COMMON] > 0.0 && m.score >= MATCH {
                m.score = MATCH - 0.01;
                m.notes.push(format!("a common name, no birth date to tell: {:.2}", m.score));
            }
            m.score = m.score.clamp(0.0, 1.0);
            m.verdict = if m.score >= MATCH {
                Verdict::Match
            } else if m.score >= UNSURE {
                Verdict::Unsure
            } else {
                Verdict::NoMatch
            };
        }
        // A near miss is shown by the better of the two scores: the learned one puts most
        // wrong candidates near 0, where none would be the closest near miss.
        out.retain(|m| {
            m.score >= floor || (floor < UNSURE && m.name_score >= floor && m.score < UNSURE)
        });
        // A match that holds only with a given name left out of one side is for review when
        // another listed person fits the query about as well: which one it is, the names
        // cannot tell.
        // Another entry matched the same way (a given name left out too) is the same listing
        // in another list more often than another person.
        let one_more = |m: &Match| m.notes.iter().any(|n| n.starts_with("given name "));
        let fitting: Vec<(usize, f32)> =
            out.iter().filter(|m| !one_more(m)).map(|m| (m.entry, m.score)).collect();
        for m in out.iter_mut().filter(|m| m.verdict == Verdict::Match) {
            if !one_more(m) {
                continue;
            }
            if fitting.iter().any(|&(e, s)| e != m.entry && s >= m.score - NAMESAKE_GAP) {
                m.score = MATCH - 0.01;
                m.verdict = Verdict::Unsure;
                m.notes.push(format!("another listed person fits as well: {:.2}", m.score));
            }
        }
        out.sort_by(|a, b| {
            b.score
                .total_cmp(&a.score)
                .then(b.name_score.total_cmp(&a.name_score))
                .then(a.entry.cmp(&b.entry))
        });
        out.truncate(limit);
        out
    }

    /// The candidates for `query` whose name score by hand reaches `least`, one per entry (its
    /// best name by hand), scored by hand, with their features.
    fn rank(&self, query: &Query, least: f32) -> Vec<Match> {
        let mut out: Vec<Match> = Vec::new();
        // What each of the query's words (as a person's name) costs when met by nothing.
        let mut weights: Vec<f32> = Vec::new();
        for want_person in [true, false] {
            match query.kind {
                Some(EntryKind::Person) if !want_person => continue,
                Some(EntryKind::Body | EntryKind::Vessel | EntryKind::Aircraft) if want_person => {
                    continue;
                }
                _ => {}
            }
            let mut key =
                if want_person { Key::person(&query.name) } else { Key::body(&query.name) };
            self.weigh(&mut key);
            if key.words.is_empty() {
                continue;
            }
            if want_person {
                weights.clone_from(&key.weights);
            }
            for id in self.candidates(&key, want_person, least) {
                let listed = &self.names[id as usize];
                if listed.person != want_person {
                    continue;
                }
                let scored = align(&key, &listed.key, want_person);
                if scored.name_score < least {
                    continue;
                }
                let m = self.finish(query, listed, &key, scored);
                // One candidate an entry, its best name; the list of candidates is short.
                match out.iter().position(|o| o.entry == m.entry) {
                    Some(at) if out[at].score >= m.score => {}
                    Some(at) => out[at] = m,
                    None => out.push(m),
                }
            }
        }
        // How far each candidate's hand score stands above the best other entry's: a name
        // two listed people fit about as well says less of which one it is. Another entry
        // with the same name, or born the same year or one apart (as the birth date rule reads
        // it), is most often the same person in another list (a namesake is told apart by birth date).
        // Nor does another entry whose fit needs a hand penalty or a given name left out
        // fit as well (as for [`Index::check`]'s namesakes), unless its hand score is higher
        // all the same ("Kasimir Piet X" is likelier "X, Piet", a common given name left out,
        // than "X, Kasimir" with the rarer "Piet" said more).
        let met: Vec<Met> = out
            .iter()
            .map(|m| {
                let entry = &self.entries[m.entry];
                let mut words = resolve::names::name_words(&entry.names[m.name].name);
                words.sort_unstable();
                let years = entry.birth_dates.iter().filter_map(|d| dates::year(d)).collect();
                let fits =
                    m.features[model::F_PENALTY] == 0.0 && m.features[model::F_ONE_MORE] == 0.0;
                Met { candidate: m, words, years, fits }
            })
            .collect();
        // The query's words as bit masks: all of them, the very common, the rare.
        let mask = |keep: fn(f32) -> bool| {
            (weights.iter().take(32).enumerate())
                .filter(|(_, w)| keep(**w))
                .fold(0u32, |m, (k, _)| m | 1 << k)
        };
        let (all, common, rare) =
            (mask(|_| true), mask(|w| w <= COMMON_LEFT), mask(|w| w >= RARE_LEFT));
        let margins: Vec<f32> = met
            .iter()
            .map(|this| {
                let c = this.candidate;
                let other = met
                    .iter()
                    .filter(|o| {
                        // Where this entry's whole name met the query, another entry that met
                        // only some of the words this one met, and nothing else ("X, Piet"
                        // against "X, Piet Tomasz" for "Piet Tomasz X"), is a shorter name the
                        // query contains: it fits the query less, whatever its hand score
                        // says. (Not where this entry has words of its own left over: "X,
                        // Piet Tomasz Edda" may be another man, Edda's son.)
                        let (met, other_met) = (c.query_met, o.candidate.query_met);
                        let less = c.listed_whole && other_met & !met == 0 && other_met != met;
                        // Where this entry's whole name met the query but for very common
                        // words ("Muhammad"), another that leaves a rare query word unmet
                        // which this one met explains the query less.
                        let rarer_left = c.listed_whole
                            && !met & all & !common == 0
                            && !other_met & met & rare != 0;
                        let less = less || rarer_left;
                        // A candidate with a given name left out still competes when it fits
                        // better by hand ("Kasimir Piet X" for "X, Piet" against "X, Kasimir").
                        (o.fits || o.candidate.score > c.score)
                            && !less
                            && o.candidate.entry != c.entry
                            && o.words != this.words
                            && !o
                                .years
                                .iter()
                                .any(|y| this.years.iter().any(|z| y.abs_diff(*z) <= 1))
                    })
                    .map(|o| o.candidate.score)
                    .fold(LEARNED_LEAST, f32::max);
                ((c.score - other) / MARGIN_SCALE).clamp(-1.0, 1.0)
            })
            .collect();
        for (m, margin) in out.iter_mut().zip(margins) {
            m.features[F_MARGIN] = margin;
        }
        out
    }

    /// The names worth aligning with `key`, each once, in index order. A name can only reach
    /// `least` when at least `need` of the query's words align with its words (two for a
    /// person's name of two words or more: one strong word caps the score at 0.5; for a body,
    /// `2m / (q + l)` with `l >= m`), so one of any `q - need + 1` query words is among them:
    /// only the blocks of the rarest `q - need + 1` words are read. A common word ("Trading",
    /// a very common given name) is then read only when the query has nothing rarer.
    pub(super) fn candidates(&self, key: &Key, person: bool, least: f32) -> Vec<u32> {
        let n = key.words.len();
        let need = if person {
            if n >= 2 && least > 0.5 { 2 } else { 1 }
        } else {
            // The smallest m with 2m / (n + m) >= least.
            let m = (least * n as f32 / (2.0 - least) - 1e-4).ceil() as usize;
            m.clamp(1, n)
        };
        // Each word's blocks and how many names they file: how rare the word is (its near keys'
        // blocks, read below, would make a long word look common).
        let mut by_word: Vec<(usize, usize, Vec<&Vec<u32>>)> = (0..n)
            .map(|i| {
                let mut keys = Vec::new();
                key.word_keys(i, false, &mut keys);
                let blocks: Vec<&Vec<u32>> =
                    keys.iter().filter_map(|k| self.blocks.get(k)).collect();
                (blocks.iter().map(|b| b.len()).sum(), i, blocks)
            })
            .collect();
        by_word.sort_by_key(|(size, i, _)| (*size, *i));
        // The rarest words that must be read, then any other word whose blocks are small: a
        // pair of words no key joins (a transliteration variant of a short word, an "h" for a
        // "g") is then still reached through the other words.
        let must = (n + 1 - need.min(n)).min(n);
        let more = by_word[must..].iter().take_while(|(size, ..)| *size <= SMALL_BLOCKS).count();
        // The words that must be read are read one letter wide too ([`Key::near_keys`]): a
        // near-spelling of the rarest word ("Varnkolm" for "Varnholm") meets it there.
        let mut near = Vec::new();
        for (_, i, _) in &by_word[..must] {
            key.near_keys(*i, false, &mut near);
        }
        near.sort_unstable();
        near.dedup();
        let near = near.iter().filter_map(|k| self.blocks.get(k)).filter(|b| b.len() <= NEAR_MOST);
        let mut ids: Vec<u32> = by_word[..must + more]
            .iter()
            .flat_map(|(_, _, blocks)| blocks.iter().flat_map(|b| b.iter().copied()))
            .chain(near.flat_map(|b| b.iter().copied()))
            .collect();
        ids.sort_unstable();
        ids.dedup();
        ids
    }

    /// Gives a query's words their weights and says which are common, from how many listed
    /// names bear them: an unaligned word costs `ln(N / n) / ln(N / 20)` of a word (at least
    /// 0.35), for `n` of `N` names; a word that more than 1% of names bear is common.
    fn weigh(&self, key: &mut Key) {
        weigh(&self.bearers, self.names.len() as f32 + 1.0, key);
    }
}
