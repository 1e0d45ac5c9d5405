//! A candidate's score: what birth date, nationality and a weak alias add or take off, the
//! learned score's features of the alignment, and the hand rules that hold it (split from
//! `index.rs` in session 28, which had passed 600 lines).

use super::*;

/// The fewest letters of a word where one letter another way is a slip, not another name
/// (`Index::finish`).
const SLIP_LEAST: usize = 7;

/// A close spelling worth less than this (most of the word rewritten) beside one word the
/// same holds the learned score to the hand score.
const CLOSE_FAR: f32 = 0.45;

/// A query word this rare ([`Key::weights`]) tells a listed person by given names alone.
const RARE_MET: f32 = 0.9;

/// How many compound Arabic given names among the query's words met nothing: "Abd" and the
/// name after it ("Abd al-Karim", written apart once the article is left out), a name and
/// "Din" ("Nur al-Din"), each one name of two words.
fn compounds_unmet(key: &Key, q_used: u32) -> usize {
    let unmet = |k: usize| k < 32 && q_used & (1 << k) == 0;
    let n = key.words.len();
    (0..n.saturating_sub(1))
        .filter(|&k| {
            unmet(k) && unmet(k + 1) && (key.words[k] == "abd" || key.words[k + 1] == "din")
        })
        .count()
}

impl Index {
    /// The listed name `listed` as a candidate for `query`, from its alignment `scored`: its
    /// score by hand, the notes that explain it, the learned score's features, and the hand
    /// rule that holds it, if any.
    pub(super) fn finish(
        &self,
        query: &Query,
        listed: &IndexedName,
        key: &Key,
        scored: Scored,
    ) -> Match {
        let entry = &self.entries[listed.entry as usize];
        let mut score = scored.name_score;
        let mut notes: Vec<String> = scored.penalty.iter().chain(&scored.more).cloned().collect();
        if listed.weak {
            score -= 0.05;
            notes.push("a weak alias: -0.05".to_string());
        }
        if let Some(born) = query.birth_date.as_deref()
            && !entry.birth_dates.is_empty()
        {
            let year = dates::year(born);
            if entry.birth_dates.iter().any(|d| d == born) && born.len() >= 10 {
                score += 0.06;
                notes.push(format!("birth date {born} agrees: +0.06"));
            } else if let Some(y) = year
                && entry.birth_dates.iter().filter_map(|d| dates::year(d)).any(|d| d == y)
            {
                score += 0.03;
                notes.push(format!("birth year {y} agrees: +0.03"));
            } else if let Some(y) = year
                && entry
                    .birth_dates
                    .iter()
                    .filter_map(|d| dates::year(d))
                    .all(|d| d.abs_diff(y) > 1)
            {
                score -= 0.25;
                notes.push(format!(
                    "birth year {y} differs from the list's {}: -0.25",
                    entry.birth_dates.join(", ")
                ));
            }
        }
        if let Some(nat) = query.nationality.as_deref()
            && !entry.nationalities.is_empty()
        {
            let k = countries::key(nat);
            if entry.nationalities.iter().any(|n| countries::key(n) == k) {
                score += 0.02;
                notes.push(format!("nationality {nat} agrees: +0.02"));
            } else {
                score -= 0.08;
                notes.push(format!(
                    "nationality {nat} differs from the list's {}: -0.08",
                    entry.nationalities.join(", ")
                ));
            }
        }
        if let Some(role) = query.role.as_deref() {
            let words = |t: &str| -> Vec<String> {
                fold(t)
                    .split(|c: char| !c.is_alphanumeric())
                    .filter(|w| {
                        w.len() >= 4
                            && !matches!(
                                *w,
                                "head" | "chief" | "former" | "deputy" | "with" | "from"
                            )
                    })
                    .map(str::to_string)
                    .collect()
            };
            let q = words(role);
            let shared: Vec<String> =
                entry.roles.iter().flat_map(|r| words(r)).filter(|w| q.contains(w)).collect();
            if let Some(w) = shared.first() {
                score += 0.02;
                notes.push(format!("role agrees ({w}): +0.02"));
            }
        }
        // A name made only of words many listed people bear (a very common given name and
        // family name) is borne by others too: without a birth date to tell them apart it is
        // for review, not a match ([`Index::check`]).
        let born_agrees = notes.iter().any(|n| n.starts_with("birth"));
        let all_common = listed.person
            && !scored.chosen.is_empty()
            && scored.chosen.iter().all(|(i, _, _)| key.common.get(usize::from(*i)) == Some(&true));
        let mut x: Features = [0.0; model::N];
        x[model::F_BIAS] = 1.0;
        x[model::F_HAND] = scored.name_score;
        let qn = key.words.len().max(1) as f32;
        let mut rarity = 0.0;
        for &(i, j, how) in &scored.chosen {
            let at = match how {
                How::Same => model::F_SAME,
                // A part of a compound name, or a shortened given name, is counted as the spelling
                // variant it is nearest.
                How::Spelling | How::Part | How::Short => model::F_SPELLING,
                How::Translit => model::F_TRANSLIT,
                How::Close => model::F_CLOSE,
                How::Initial => model::F_INITIAL,
            };
            x[at] += 1.0 / qn;
            if how == How::Close {
                let (qw, lw) = (&key.words[usize::from(i)], &listed.key.words[usize::from(j)]);
                x[model::F_CLOSE_WEIGHT] += align::close_weight(qw, lw) / qn;
            }
            rarity += key.weights.get(usize::from(i)).copied().unwrap_or(1.0);
        }
        let q_met = scored.q_used.count_ones() as f32;
        x[model::F_RARITY] =
            if q_met > 0.0 { rarity / scored.chosen.len().max(1) as f32 } else { 0.0 };
        // A compound given name the query says more ("Abd al-Karim", "Nur al-Din") is one
        // name left over, not two words.
        let compounds = compounds_unmet(key, scored.q_used) as f32;
        // The query's words that met nothing, and how many of them are `such`.
        let unmet = |such: &dyn Fn(usize) -> bool| {
            (0..key.words.len().min(32))
                .filter(|&i| scored.q_used & (1 << i) == 0 && such(i))
                .count() as f32
        };
        // A father's name the query says (a patronymic, a chain after "bin") where the list
        // writes none is more said, not another word: lists often leave it out. Where the list
        // writes one too, a father's name that meets nothing is another father's.
        let list_has_father = listed.key.patronymic.iter().any(|&p| p);
        let fathers = if list_has_father { 0.0 } else { unmet(&|i| key.patronymic[i]) };
        // So is an initial the list does not write (a middle name: "Piet K. Holl" for "HOLL,
        // Piet").
        let initials = unmet(&|i| key.words[i].chars().count() == 1);
        let said_more = compounds + fathers + initials;
        x[model::F_QUERY_LEFT] =
            ((qn - q_met.min(qn) - said_more) / (qn - said_more).max(1.0)).max(0.0);
        // A listed patronymic the query leaves out is how papers write the name, as the hand
        // score's cover has it.
        let lk = &listed.key;
        let met = |j: usize| j < 32 && scored.l_used & (1 << j) != 0;
        // So are the listed middle given names when the query met the list's first given
        // name and its surname: papers write "Given Surname" for "SURNAME, Given Second
        // Third".
        let middle = middle_names(lk, &scored);
        // And a second family name the list writes after the first, which the query met with
        // a given name: the mother's, as Spanish and Portuguese names leave it out
        // ("LORN QUENBY, Piet" is "Piet Lorn").
        let n = lk.words.len();
        let given_met = scored.chosen.iter().any(|&(_, j, _)| usize::from(j) + lk.surnames < n);
        let first_family_met = lk.surnames == 2
            && scored.chosen.iter().any(|&(_, j, h)| {
                usize::from(j) + 2 == n && matches!(h, How::Same | How::Spelling)
            });
        let mothers = |j: usize| given_met && first_family_met && j + 1 == n;
        // And "Abd" written apart before a given name met: the compound said by its name.
        let servant = |j: usize| j + 1 < n && met(j + 1) && align::servant_of(&lk.words[j]);
        // And the family name, where the query is the listed given names from the first on,
        // word for word, not all of them words very many bear: a person of a name chain goes
        // by them.
        let word_for_word = scored.chosen.iter().all(|&(i, j, _)| i == j);
        let rare_met = scored
            .chosen
            .iter()
            .any(|&(i, _, _)| key.weights.get(usize::from(i)).is_some_and(|&w| w >= RARE_MET));
        // Not a compound given name alone ("Abdul Varsk" is one name, said without the rest).
        let one_compound = key.words.len() == 2 && align::servant_of(&key.words[0]);
        let by_given = scored.leading && word_for_word && rare_met && !one_compound;
        let family = |j: usize| by_given && lk.surnames > 0 && j + lk.surnames >= n;
        let skipped = |j: usize| {
            lk.patronymic[j] || middle.contains(&j) || mothers(j) || servant(j) || family(j)
        };
        let left = (0..lk.words.len()).filter(|&j| !met(j) && !skipped(j)).count() as f32;
        let skipped_left = (0..lk.words.len()).filter(|&j| !met(j) && skipped(j)).count();
        x[model::F_LISTED_LEFT] = left / (lk.words.len() - skipped_left).max(1) as f32;
        x[model::F_PENALTY] = f32::from(u8::from(scored.penalty.is_some()));
        x[model::F_ONE_MORE] = f32::from(u8::from(scored.more.is_some()));
        x[model::F_COMMON] = f32::from(u8::from(all_common && !born_agrees));
        // The hand rules that keep apart people the names alone cannot: the learned score,
        // trained on few such cases, may not lift these above the hand score.
        // A close spelling beside one word the same, the whole of a two-word name, says little;
        // but for one letter typed another way in a long word, its first letter kept
        // ("Varnholmer"/"Varnhosmer"), which is a typing slip more often than another name.
        // A listed surname with an ending added or taken off ("Venkelo" for "Venkel",
        // "Kuznetsova" for "Kuznetsov") is another form of the family name, often a
        // relative's: held too, and never a slip.
        let ending = |j: usize, qw: &str, lw: &str| {
            let n = listed.key.words.len();
            let surname = listed.key.surnames > 0 && j + listed.key.surnames >= n;
            surname && (qw.starts_with(lw) || lw.starts_with(qw))
        };
        let slip = scored.chosen.iter().any(|&(i, j, how)| {
            let (qw, lw) = (&key.words[usize::from(i)], &listed.key.words[usize::from(j)]);
            how == How::Close
                && !ending(usize::from(j), qw, lw)
                && qw.len().min(lw.len()) >= SLIP_LEAST
                && qw.chars().next() == lw.chars().next()
                && spelling::levenshtein(qw, lw) == 1
        });
        // Only a far one holds, though: most of the word rewritten (weight under .45), another
        // first letter ("Dakhtiar" for "Zakhtiar"), or two given names many bear on both sides
        // (two common names close in spelling are two names, not one written two ways); a close
        // spelling of a rarer word, its first letter kept ("Zaitor" for "Zaitar"), is the
        // learned score's to weigh (session 19: 13 more right on the even half, none wrong).
        let far = scored.chosen.iter().any(|&(i, j, how)| {
            let (i, j) = (usize::from(i), usize::from(j));
            let (qw, lw) = (&key.words[i], &listed.key.words[j]);
            let common = |k: &Key, at: usize| k.common.get(at) == Some(&true);
            how == How::Close
                && (align::close_weight(qw, lw) < CLOSE_FAR
                    || !same_opening(qw, lw)
                    || (common(key, i) && common(&listed.key, j))
                    || ending(j, qw, lw))
        });
        let close_half = (key.words.len() == 2
            && x[model::F_CLOSE] == 0.5
            && x[model::F_SAME] == 0.5
            && !slip
            && far)
            .then(|| "a close spelling beside one word the same".to_string());
        let held = scored.penalty.clone().or(close_half).or_else(|| {
            // A given name before all the rest that meets nothing may be a relative's
            // ("Piet Tomasz Wielgosz" for "WIELGOSZ, Tomasz"); not one very many people bear,
            // which opens double given names said without it ("Ali Asghar" goes by "Asghar"),
            // as [`align::one_given_name_more`] has it.
            (key.words.len() >= 3 && scored.q_used & 1 == 0 && key.common.first() != Some(&true))
                .then(|| format!("the first given name {} aligns with nothing", key.words[0]))
        });
        Match {
            entry: listed.entry as usize,
            name: usize::from(listed.name),
            score,
            name_score: scored.name_score,
            aligned: scored.aligned(key, &listed.key),
            unaligned: scored.unaligned(key),
            notes,
            verdict: Verdict::NoMatch,
            features: x,
            held,
            kept: scored.says_more.then_some("the query only says more than the listed name"),
            query_met: scored.q_used,
            listed_whole: (0..lk.words.len()).all(met),
        }
    }
}

/// Whether two words open with the same letter, or one with "q" and the other with "k", as
/// the Arabic qaf is romanised both ways: "Qarinski" and "Kharanski" are one name spelt far
/// apart, not two. Not "g" (a Persian "gh" and a "kh" are two letters: "Gholi-"/"Khalil-").
fn same_opening(a: &str, b: &str) -> bool {
    let class = |c: Option<char>| if c == Some('q') { Some('k') } else { c };
    class(a.chars().next()) == class(b.chars().next())
}
