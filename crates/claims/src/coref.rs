//! In-document coreference for people: full names, surnames, first names, pronouns and
//! descriptions joined into groups, each named by its fullest form.
//!
//! Why so simple: news and NGO prose introduces a person once by full name and title, then
//! uses the surname, a pronoun or an epithet; a name-matching pass plus a salience rule for
//! pronouns covers that, and what it cannot settle stays unresolved rather than guessed.

use std::collections::HashMap;

use crate::view::{DocumentView, Kind};

/// A group of mentions of one person in one document.
#[derive(Clone, Debug)]
pub struct Person {
    /// The fullest name the document gives.
    pub name: String,
    /// The name's comparison key: lowercase words less titles and particles.
    pub key: Vec<String>,
    /// Its mentions, in text order.
    pub mentions: Vec<usize>,
}

/// The people of one document.
#[derive(Clone, Debug, Default)]
pub struct People {
    /// The groups, in order of first mention.
    pub people: Vec<Person>,
    /// Mention index → group, for names (pronouns and descriptions are resolved on demand).
    pub of_mention: HashMap<usize, usize>,
    /// Each group's gender, where the document tells it (see [`People::build`]).
    pub genders: Vec<Option<Gender>>,
    /// Each group's doubt: the other group it may be, for a person named once, by a title
    /// and one word (see `incomplete_name_doubts`); `None` for a name that stands alone.
    pub may_be: Vec<Option<usize>>,
}

/// The comparison key of a name: lowercase words, leading titles dropped, "al-"/"el-" dropped,
/// particles (al, el, bin, ibn, abu) dropped.
pub fn name_key(name: &str) -> Vec<String> {
    name.split(|c: char| c.is_whitespace())
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-').to_lowercase())
        .map(|w| w.replace(['’', '\''], ""))
        .filter(|w| !w.is_empty())
        // Only a title that leads the name is no part of it: "Sen." before a name is a
        // senator, "Sen" after a given name a surname ("Piet Sen" is not "Piet"), as "King"
        // ends names too.
        .skip_while(|w| read::lexicon::is_name_title(w))
        .map(|w| {
            for p in ["al-", "el-"] {
                if let Some(rest) = w.strip_prefix(p) {
                    return rest.to_string();
                }
            }
            w
        })
        .filter(|w| !matches!(w.as_str(), "al" | "el" | "bin" | "ibn" | "abu"))
        .collect()
}

/// The title a person mention is written with, lowercase and without its period: its own
/// first word ("Colonel Tomasz Wielgosz") or the word right before it.
fn name_title(written: &str, start: usize) -> Option<String> {
    let own = written[start..].split_whitespace().next();
    let before = written[..start].trim_end().rsplit(char::is_whitespace).next();
    [own, before]
        .into_iter()
        .flatten()
        .find(|w| read::lexicon::is_name_title(w))
        .map(|w| w.trim_end_matches('.').to_lowercase())
}

/// Whether a new mention's key can join a group's key: the same words, or the same surname
/// with compatible first names, or a lone first name or surname.
fn joins(mention: &[String], group: &[String]) -> bool {
    if mention.is_empty() || group.is_empty() {
        return false;
    }
    if mention == group {
        return true;
    }
    let (ml, gl) = (mention.last().unwrap(), group.last().unwrap());
    if ml == gl
        && (mention.len() == 1
            || group.len() == 1
            || mention[0] == group[0]
            || transposed(&mention[0], &group[0]))
    {
        return true;
    }
    // A lone first name ("Tomasz") joins a full name that starts with it; a shorter form
    // whose words all appear in order in the full name joins it ("Vallejo" or "Vallejo
    // Brito" for "Hernán Octavio Vallejo Brito": Hispanic double surnames).
    if mention.len() == 1 && group.len() > 1 && mention[0] == group[0] {
        return true;
    }
    mention.len() < group.len() && mention.len() <= 2 && {
        let mut it = group[1..].iter();
        mention.iter().all(|w| it.any(|g| g == w))
    }
}

/// Whether a lone name fits two or more groups of fuller names of different people. A
/// name and its longer form ("Tomasz Wielgosz" and "Tomasz Wielgosz Brenning": the same given
/// name, the shorter's words in order in the longer) are one person written twice.
fn ambiguous(fitting: &[usize], people: &[Person]) -> bool {
    let full: Vec<&[String]> =
        fitting.iter().map(|&g| people[g].key.as_slice()).filter(|k| k.len() > 1).collect();
    let one_person = |a: &[String], b: &[String]| {
        let (short, long) = if a.len() <= b.len() { (a, b) } else { (b, a) };
        short[0] == long[0] && {
            let mut it = long.iter();
            short.iter().all(|w| it.any(|l| l == w))
        }
    };
    full.iter().enumerate().any(|(i, a)| {
        full[i + 1..].iter().any(|b| !one_person(a, b) && !joins(a, b) && !joins(b, a))
    })
}

/// For each group, the other group it may be one person with, where the name alone cannot
/// tell: a person named once, by a title and one word ("Brigadier General Tomasz ... was
/// accused"), in a document whose one recurring person is also named by one word only and
/// never by a title ("Wielgosz had the highest rank ..."). English news writes a rank before
/// a surname, so the lone word after the rank is most often a surname; but a story whose
/// full name was cut in two (a line break or a link inside the name) reads exactly so, and
/// the two are then one defendant. Neither name says which: the claims keep the name as
/// written and carry the doubt, for a reviewer, never a join.
fn incomplete_name_doubts(
    people: &[Person],
    titles: &[Vec<String>],
    genders: &[Option<Gender>],
) -> Vec<Option<usize>> {
    let lone = |g: usize| people[g].key.len() == 1;
    // The recurring one-word people, found once: a document with many of them is no story of
    // one defendant, and comparing each doubt with each of them would be quadratic.
    let recurring: Vec<usize> = (0..people.len())
        .filter(|&h| lone(h) && people[h].mentions.len() >= 2 && titles[h].is_empty())
        .collect();
    if recurring.len() > 8 {
        return vec![None; people.len()];
    }
    (0..people.len())
        .map(|g| {
            if !lone(g) || people[g].mentions.len() != 1 || titles[g].is_empty() {
                return None;
            }
            let mut others = recurring.iter().copied().filter(|&h| {
                h != g
                    && people[h].key != people[g].key
                    && match (genders[g], genders[h]) {
                        (Some(a), Some(b)) => a == b,
                        _ => true,
                    }
            });
            match (others.next(), others.next()) {
                (Some(h), None) => Some(h),
                _ => None,
            }
        })
        .collect()
}

/// A name written surname first, as official Russian and Belarusian lists do ("Wielgoszov
/// Tomasz Kasimirovich"): given name, patronymic, surname, as the rest of the world writes it
/// and as the sources agree on it. Only three words whose last alone is a patronymic.
fn given_name_first(name: &str) -> Option<String> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let [surname, given, patronymic] = words.as_slice() else {
        return None;
    };
    let is_patronymic = |w: &str| {
        w.chars().next().is_some_and(char::is_uppercase)
            && ["ovich", "evich", "ovna", "evna", "ichna"].iter().any(|e| w.ends_with(e))
    };
    (is_patronymic(patronymic) && !is_patronymic(given) && !is_patronymic(surname))
        .then(|| format!("{given} {patronymic} {surname}"))
}

/// Whether two first names differ only by two neighbouring letters swapped ("Tmoasz" for
/// "Tomasz"): a typing slip, not another person. Names of five letters or more only, and
/// never a changed letter: "Maria" and "Mario" may be siblings.
fn transposed(a: &str, b: &str) -> bool {
    let (a, b): (Vec<char>, Vec<char>) = (a.chars().collect(), b.chars().collect());
    if a.len() != b.len() || a.len() < 5 {
        return false;
    }
    let diff: Vec<usize> = (0..a.len()).filter(|&i| a[i] != b[i]).collect();
    matches!(diff.as_slice(), [i, j] if *j == i + 1 && a[*i] == b[*j] && a[*j] == b[*i])
}

/// Whether a word is a title in the plural ("MPs", "Generals", "Senators"): a list's heading
/// written before its first name ("MPs Piet Oranje and ..."), no part of that name.
fn is_plural_title(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
        && word.len() > 2
        && word.strip_suffix('s').is_some_and(|one| {
            // A title, or an acronym in the plural ("MPs", "MEPs"): no name is written so.
            one.len() > 1
                && (read::lexicon::is_leading_title(one)
                    || (one.len() <= 4 && one.chars().all(|c| c.is_ascii_uppercase())))
        })
}

/// Strips leading title words (singular or plural) and a quoted nickname from a name as
/// written.
fn clean_name(name: &str) -> String {
    let mut words: Vec<&str> = name.split_whitespace().collect();
    while words.len() > 1
        && (read::lexicon::is_leading_title(words[0]) || is_plural_title(words[0]))
    {
        words.remove(0);
    }
    let name = without_nickname(&words.join(" "));
    given_name_first(&name).unwrap_or(name)
}

/// A person's name without the quoted nickname inside it: "Tomasz “Tiger” Wielgosz" is
/// "Tomasz Wielgosz" in claims (the nickname is no part of the name the sources agree on).
fn without_nickname(name: &str) -> String {
    for (at, _) in name.match_indices(' ') {
        if let Some(len) = crate::view::quoted_nickname(&name[at + 1..]) {
            let after = at + 1 + len;
            if after < name.len() {
                return format!("{}{}", &name[..at + 1], &name[after..]);
            }
        }
    }
    name.to_string()
}

impl People {
    /// Groups the person mentions of a document.
    pub fn build(text: &str, view: &DocumentView) -> People {
        let mut people: Vec<Person> = Vec::new();
        let mut of_mention = HashMap::new();
        let mut last_seen: Vec<usize> = Vec::new();
        let mut honorific_only: Vec<bool> = Vec::new();
        // The titles each person was written with ("colonel", "president"), lowercase.
        let mut titles: Vec<Vec<String>> = Vec::new();
        for (i, m) in view.mentions.iter().enumerate() {
            if m.kind != Kind::Per {
                continue;
            }
            // A name the view completed ("the X brothers, Tomasz and Piet") is its value.
            let name = clean_name(m.value.as_deref().unwrap_or(&text[m.span.clone()]));
            let key = name_key(&name);
            if key.is_empty() {
                continue;
            }
            // "Mrs. X" where the document names two or more people X is one of neither
            // for sure (most often the wife of the man the story is about): her own
            // person, whom only another "Mrs. X" joins.
            let written = &text[..m.span.end];
            let before = written[..m.span.start].trim_end();
            let titled = written[m.span.start..]
                .split_whitespace()
                .next()
                .and_then(honorific_gender)
                .or_else(|| before.rsplit(char::is_whitespace).next().and_then(honorific_gender));
            let female = titled == Some(Gender::Female) && key.len() == 1;
            let title = name_title(written, m.span.start);
            let fitting: Vec<usize> = (0..people.len())
                .filter(|&g| joins(&key, &people[g].key) || joins(&people[g].key, &key))
                .filter(|&g| female == honorific_only[g])
                .collect();
            // The most recently mentioned group that fits.
            let found = if female && fitting.is_empty() {
                let others = (0..people.len())
                    .filter(|&g| joins(&key, &people[g].key) || joins(&people[g].key, &key))
                    .count();
                if others >= 2 {
                    None
                } else {
                    (0..people.len())
                        .filter(|&g| joins(&key, &people[g].key) || joins(&people[g].key, &key))
                        .max_by_key(|&g| last_seen[g])
                }
            } else if let Some(g) = fitting
                .iter()
                .copied()
                .filter(|&g| people[g].key == key)
                .max_by_key(|&g| last_seen[g])
            {
                Some(g)
            } else if key.len() == 1 && ambiguous(&fitting, &people) {
                // "Oranje" or "Colonel Wielgosz" where the document names two people of that
                // surname (brothers, father and son): which one the writer means is not in the
                // name, and the most recent one is often the wrong one. The lone name stays its
                // own person (its claims keep the name as written), unless its title is one
                // only one of them was written with ("Colonel Tomasz Wielgosz" and his son
                // Marek, then "Colonel Wielgosz").
                let mut titled = fitting.iter().copied().filter(|&g| {
                    people[g].key.len() > 1 && title.as_ref().is_some_and(|t| titles[g].contains(t))
                });
                match (titled.next(), titled.next()) {
                    (Some(g), None) => Some(g),
                    _ => None,
                }
            } else {
                fitting.iter().copied().max_by_key(|&g| last_seen[g])
            };
            let g = match found {
                Some(g) => {
                    if key.len() > people[g].key.len() {
                        people[g].name = name;
                        people[g].key = key;
                    }
                    g
                }
                None => {
                    people.push(Person { name, key, mentions: vec![] });
                    last_seen.push(0);
                    honorific_only.push(female);
                    titles.push(Vec::new());
                    people.len() - 1
                }
            };
            if let Some(t) = title
                && !titles[g].contains(&t)
            {
                titles[g].push(t);
            }
            people[g].mentions.push(i);
            last_seen[g] = i;
            of_mention.insert(i, g);
        }
        let mut people = People { people, of_mention, genders: Vec::new(), may_be: Vec::new() };
        people.genders = people.genders(text, view);
        if people.join_lone_names_by_gender(honorific_only) {
            people.genders = people.genders(text, view);
        }
        people.may_be = incomplete_name_doubts(&people.people, &titles, &people.genders);
        people
    }

    /// The person most mentioned in the document (the first of equals): who an unqualified
    /// epithet ("the intelligence chief") most likely means.
    pub fn topic(&self) -> Option<usize> {
        let most = self.people.iter().map(|p| p.mentions.len()).max()?;
        if most < 2 {
            return None;
        }
        self.people.iter().position(|p| p.mentions.len() == most)
    }

    /// The person a pronoun stands for, or none when the document does not settle it.
    ///
    /// Candidates agree in gender with the pronoun (where the document tells a person's
    /// gender: see `People::genders`). In the pronoun's own sentence, the subject named
    /// before it, else the first person named before it; else, in the nearest of the three
    /// sentences before that names a candidate, its subject ("US sanctions on him" after a
    /// sentence whose subject is X and whose object is Y mean X), else its only candidate.
    /// Two candidates and no subject among them: none, never the nearest name by default.
    pub fn pronoun(&self, view: &DocumentView, mention: usize) -> Option<usize> {
        self.pronoun_within(view, mention, 3)
    }

    /// [`People::pronoun`], following at most `depth` pronouns back: "He served five
    /// years before he was pardoned by X. In 1998 he was arrested": the earlier "he"
    /// told before any name carries the person on, and X is not that person.
    fn pronoun_within(&self, view: &DocumentView, mention: usize, depth: usize) -> Option<usize> {
        let m = &view.mentions[mention];
        let s = m.sentence;
        let wanted = m.value.as_deref().and_then(pronoun_gender);
        // "X told reporters ... “He committed crimes”": in a quotation, "he" is not its
        // speaker, who would say "I".
        let speakers: Vec<usize> = if in_quotation(view, mention) {
            (s.saturating_sub(1)..=s).filter_map(|k| self.speaker(view, k)).collect()
        } else {
            Vec::new()
        };
        let fits = |g: usize| {
            !speakers.contains(&g)
                && match (wanted, self.genders.get(g).copied().flatten()) {
                    (Some(w), Some(have)) => w == have,
                    _ => true,
                }
        };
        let candidates = |sentence: usize, before: Option<usize>| -> Vec<usize> {
            let mut out: Vec<usize> = Vec::new();
            // "BUENOS AIRES, Nov 20 (X Wire) - A court convicted Y ... and sentenced him":
            // the agency that filed the copy is no one the story speaks of.
            let dateline_end = view.sentences[sentence].dateline_end;
            for &k in &view.sentences[sentence].mentions {
                let start = view.mentions[k].span.start;
                if before.is_some_and(|b| start >= b) || start < dateline_end {
                    continue;
                }
                if let Some(&g) = self.of_mention.get(&k)
                    && fits(g)
                    && !out.contains(&g)
                {
                    out.push(g);
                }
            }
            out
        };
        // Where the document tells some candidates' gender, those that agree come first.
        let candidates = |sentence: usize, before: Option<usize>| -> Vec<usize> {
            let all = candidates(sentence, before);
            let agreeing: Vec<usize> = all
                .iter()
                .copied()
                .filter(|&g| wanted.is_some() && self.genders.get(g).copied().flatten() == wanted)
                .collect();
            if agreeing.is_empty() { all } else { agreeing }
        };
        let mut here = candidates(s, Some(m.span.start));
        // "convicted X's predecessor, Y, and sentenced him": a possessor only describes
        // another's post; where someone else is named too, it is not the one meant.
        if here.len() > 1 {
            let sv = &view.sentences[s].view;
            let possessive = |k: usize| {
                let tag = format!(":{k}⟧ ");
                sv.find(&tag).is_some_and(|at| {
                    let rest = &sv[at + tag.len()..];
                    ["'s ", "’s ", "' s "].iter().any(|p| rest.starts_with(p))
                })
            };
            let possessive_only = |g: usize| {
                view.sentences[s].mentions.iter().all(|&k| {
                    self.of_mention.get(&k) != Some(&g)
                        || view.mentions[k].span.start >= m.span.start
                        || possessive(k)
                })
            };
            let kept: Vec<usize> = here.iter().copied().filter(|&g| !possessive_only(g)).collect();
            if !kept.is_empty() {
                here = kept;
            }
        }
        // "X named him deputy": an object of a verb is never that verb's own subject (that
        // would be "himself").
        if let Some(own) = self.subject_of_governor(view, mention) {
            here.retain(|&g| g != own);
        }
        if !here.is_empty() {
            let subject = self.subject(view, s).filter(|g| here.contains(g));
            return subject.or(Some(here[0]));
        }
        for k in (s.saturating_sub(3)..s).rev() {
            let there = candidates(k, None);
            // The same pronoun told in that sentence before any name of it continues the
            // same person.
            let sv = &view.sentences[k];
            let first_name = sv
                .mentions
                .iter()
                .filter(|&&x| self.of_mention.contains_key(&x))
                .map(|&x| view.mentions[x].span.start)
                .min()
                .unwrap_or(usize::MAX);
            let carried = sv.mentions.iter().copied().find(|&x| {
                let xm = &view.mentions[x];
                xm.kind == Kind::Pro
                    && xm.span.start < first_name
                    && wanted.is_some()
                    && matches!(xm.value.as_deref(), Some("he" | "she"))
                    && xm.value.as_deref().and_then(pronoun_gender) == wanted
            });
            if let Some(x) = carried
                && depth > 0
                && !there.is_empty()
            {
                return self.pronoun_within(view, x, depth - 1);
            }
            let chosen = match there.as_slice() {
                [] => continue,
                [only] => Some(*only),
                many => self.subject(view, k).filter(|g| many.contains(g)),
            };
            // "X named him deputy. In 2012 he was elected": a pronoun of the same gender in
            // that sentence stands for someone else (it resolves to another person, or it is
            // the object of a verb whose subject is our candidate), who is as likely meant.
            // No guess.
            let rival = depth > 0
                && sv.mentions.iter().copied().any(|x| {
                    let xm = &view.mentions[x];
                    xm.kind == Kind::Pro
                        && wanted.is_some()
                        && xm.value.as_deref().and_then(pronoun_gender) == wanted
                        && (chosen.is_some()
                            && !after_preposition(view, x)
                            && self.subject_of_governor(view, x) == chosen
                            || self
                                .pronoun_within(view, x, depth - 1)
                                .is_some_and(|other| Some(other) != chosen))
                });
            return if rival { None } else { chosen };
        }
        None
    }

    /// The person a sentence quotes or reports: the subject of a reporting verb in it.
    fn speaker(&self, view: &DocumentView, sentence: usize) -> Option<usize> {
        let sv = &view.sentences[sentence];
        let words = view.words.get(sv.words.clone())?;
        words.iter().enumerate().find_map(|(v, w)| {
            (w.upos == "VERB" && crate::frames::predicates::is_reporting_verb(&w.lemma))
                .then(|| self.subject_of(view, sentence, v))
                .flatten()
        })
    }

    /// For a pronoun that is the object of a verb (or an accusative form: "him", "them"), the
    /// person who is the subject of the nearest verb above it.
    fn subject_of_governor(&self, view: &DocumentView, mention: usize) -> Option<usize> {
        let m = &view.mentions[mention];
        let sv = &view.sentences[m.sentence];
        let words = view.words.get(sv.words.clone())?;
        let at = words.iter().position(|w| w.span.start == m.span.start)?;
        let w = &words[at];
        let accusative = matches!(m.value.as_deref(), Some("him" | "them"))
            || m.value.as_deref() == Some("her") && w.deprel != "nmod:poss";
        if !(accusative || matches!(w.deprel.as_str(), "obj" | "iobj")) {
            return None;
        }
        // The nearest verb above it: "named him deputy" may hang "him" on "deputy".
        let mut k = at;
        for _ in 0..words.len() {
            let head = words[k].head;
            if head == 0 {
                return None;
            }
            k = head - 1;
            if words[k].upos == "VERB" {
                return self.subject_of(view, m.sentence, k);
            }
        }
        None
    }

    /// The person whose name is the `nsubj` of word `verb` (an index into the sentence's
    /// words), with its name words (`flat`, `compound`).
    fn subject_of(&self, view: &DocumentView, sentence: usize, verb: usize) -> Option<usize> {
        let sv = &view.sentences[sentence];
        let words = view.words.get(sv.words.clone())?;
        let subject = words.iter().position(|w| {
            w.head == verb + 1 && matches!(w.deprel.as_str(), "nsubj" | "nsubj:pass")
        })?;
        let mut span = words[subject].span.clone();
        for w in words
            .iter()
            .filter(|w| w.head == subject + 1 && matches!(w.deprel.as_str(), "flat" | "compound"))
        {
            span = span.start.min(w.span.start)..span.end.max(w.span.end);
        }
        self.person_at(view, sentence, &span)
    }

    /// The person a mention of the sentence overlapping `span` stands for.
    fn person_at(
        &self,
        view: &DocumentView,
        sentence: usize,
        span: &std::ops::Range<usize>,
    ) -> Option<usize> {
        view.sentences[sentence].mentions.iter().copied().find_map(|k| {
            let m = &view.mentions[k].span;
            (m.start < span.end && span.start < m.end)
                .then(|| self.of_mention.get(&k).copied())
                .flatten()
        })
    }

    /// The person who is the subject of a sentence's main verb (active or passive), if a
    /// person mention covers it: the root's `nsubj` with its name words (`flat`, `compound`),
    /// else, where the parse found no subject, the person named right before the root verb
    /// with only auxiliaries, adverbs and punctuation between ("..., X flew back").
    pub(crate) fn subject(&self, view: &DocumentView, sentence: usize) -> Option<usize> {
        let sv = &view.sentences[sentence];
        let words = view.words.get(sv.words.clone())?;
        let root = words.iter().position(|w| w.head == 0)?;
        if words
            .iter()
            .any(|w| w.head == root + 1 && matches!(w.deprel.as_str(), "nsubj" | "nsubj:pass"))
        {
            return self.subject_of(view, sentence, root);
        }
        let mut k = root;
        while k > 0 {
            k -= 1;
            let w = &words[k];
            if let Some(g) = self.person_at(view, sentence, &w.span) {
                return Some(g);
            }
            if !matches!(w.upos.as_str(), "AUX" | "ADV" | "PART" | "PUNCT") {
                return None;
            }
        }
        None
    }
}

/// Whether a mention is the object of a preposition ("the charges against him"): such a
/// pronoun may be its clause's subject ("X denies the charges against him"), unlike a verb's
/// own object ("X named him deputy").
fn after_preposition(view: &DocumentView, mention: usize) -> bool {
    let m = &view.mentions[mention];
    let sv = &view.sentences[m.sentence];
    let Some(words) = view.words.get(sv.words.clone()) else { return false };
    let Some(at) = words.iter().position(|w| w.span.start == m.span.start) else { return false };
    words.iter().any(|w| w.head == at + 1 && w.deprel == "case")
}

/// Whether a pronoun stands inside a quotation: the sentence opens one before it that is not
/// closed before it (curly quotes, guillemets, or an odd number of straight quotes).
fn in_quotation(view: &DocumentView, mention: usize) -> bool {
    let m = &view.mentions[mention];
    let sv = &view.sentences[m.sentence];
    let Some(at) = sv.view.find(&format!(":{mention}⟧")) else { return false };
    let before = &sv.view[..at];
    let opened = before.matches(['“', '«']).count();
    let closed = before.matches(['”', '»']).count();
    opened > closed || before.matches('"').count() % 2 == 1
}

#[path = "coref_gender.rs"]
mod gender;
pub use gender::Gender;
use gender::{honorific_gender, pronoun_gender};

#[cfg(test)]
#[path = "coref_tests.rs"]
mod tests;
