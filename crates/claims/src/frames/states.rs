//! Posts of a state: the annotation guide gives "President X" or "the interior minister" the
//! state as body; the frames take the document's main state where the text names none.

use super::Parse;
use super::positions::{LEXICON, Lexicon, Post};
use crate::ClaimType;
use crate::extract::{Arg, Doc};
use crate::view::Kind;

/// The annotation guide gives a post of a state the state as its body ("President X",
/// "the interior minister"): the one state the sentence names, else (when it names none) the
/// state the document names most. A minister's "of" phrase is a portfolio ("Minister of Defense"), not a body.
pub(super) fn state_bodies(
    doc: &Doc<'_>,
    p: &Parse<'_>,
    lex: &Lexicon,
    post: &Post,
    orgs: Vec<Arg>,
) -> Vec<Arg> {
    let orgs: Vec<Arg> = orgs.into_iter().map(|a| institution_of_state(doc, p, a)).collect();
    // The head word by its lemma: a plural post ("former ministers A and B") is each one's.
    let role = (post.first..=post.word)
        .map(|k| if k == post.word { p.lemma(k).to_lowercase() } else { p.form(k).to_lowercase() })
        .collect::<Vec<_>>()
        .join(" ")
        .replace('-', " ");
    let words: Vec<&str> = role.split_whitespace().filter(|w| !lex.former.contains(*w)).collect();
    let mut role = format!(" {}", words.join(" "));
    if orgs.is_empty() && lex.court_posts.contains(p.lemma(post.word)) {
        // "judge X said" of a court the story leaves unnamed ("a court in Norvania"): the
        // state whose court it is, as the guide gives "Norvanian court".
        return court_before(doc, p)
            .or_else(|| court_state_before(doc, p).map(Arg::Text))
            .into_iter()
            .collect();
    }
    let is_state_post = |role: &str| {
        lex.state_posts
            .iter()
            .chain(lex.state_titles.keys())
            .any(|s| role.ends_with(&format!(" {s}")))
    };
    // "State Counsellor X": a capitalised word before the post that the reader left out of
    // it, when the two make a post of a state.
    if let Some(k) = post.first.checked_sub(1)
        && p.mention[k].is_none()
        && p.form(k).starts_with(char::is_uppercase)
    {
        let longer = format!(" {}{role}", p.form(k).to_lowercase());
        if !is_state_post(&role) && is_state_post(&longer) {
            role = longer;
        }
    }
    // "Secretary of State X", "Chancellor of the Exchequer X": the "of" phrase is part of the
    // post, not its body.
    let orgs = match orgs.as_slice() {
        [only] => {
            let text = match only {
                Arg::Mention(m) => doc.mention_text(*m),
                Arg::Text(t) => t.clone(),
            };
            let text = text.to_lowercase();
            let text = text.strip_prefix("the ").unwrap_or(&text);
            let longer = [format!("{role} of {text}"), format!("{role} of the {text}")]
                .into_iter()
                .find(|l| is_state_post(l));
            match longer {
                Some(l) => {
                    role = l;
                    Vec::new()
                }
                None => orgs,
            }
        }
        // "Secretary of State X" where the parse hung "of State" on the name: the words
        // after the post make the longer post of a state.
        [] => {
            if let Some(l) = state_post_of_phrase(p, post.word, &role, is_state_post) {
                role = l;
            }
            orgs
        }
        _ => orgs,
    };
    // "Senator X": a seat in the state's own chamber.
    if orgs.is_empty()
        && let Some(chamber) = lex.institution_posts.get(p.lemma(post.word))
    {
        return state_here(doc, p)
            .map(|state| Arg::Text(format!("{} {chamber}", state_adjective(doc, &state))))
            .into_iter()
            .collect();
    }
    let regional = lex.regional_posts.iter().any(|r| role.ends_with(&format!(" {r}")));
    if !is_state_post(&role) || regional && !orgs.is_empty() {
        return orgs;
    }
    let portfolio = lex.portfolio_posts.contains(p.lemma(post.word));
    let end = p.words[post.word].span.end;
    let orgs: Vec<Arg> = orgs
        .into_iter()
        .filter_map(|a| match a {
            // "Norvanian interior minister": a demonym the lexicon lacks, read as the state the
            // document names.
            Arg::Mention(m) if doc.view.mentions[m].span.start < end => {
                Some(demonym_state(doc, m).map(Arg::Text).unwrap_or(Arg::Mention(m)))
            }
            Arg::Mention(m) if portfolio => {
                let kind = doc.view.mentions[m].kind;
                let state =
                    kind == Kind::Nat || kind == Kind::Loc && doc.is_state(&doc.mention_text(m));
                state.then_some(Arg::Mention(m))
            }
            Arg::Text(t) if portfolio => doc.is_state(&t).then_some(Arg::Text(t)),
            a => Some(a),
        })
        .collect();
    if !orgs.is_empty() {
        return orgs;
    }
    // "army chief of staff X", "party president X": a body's noun before the post's head
    // says the post is that body's, not the state's; no body rather than the wrong one.
    let body_noun =
        |k: usize| p.form(k).starts_with(char::is_lowercase) && lex.body_nouns.contains(p.lemma(k));
    let before = post.first.checked_sub(1).filter(|&k| p.mention[k].is_none());
    if before.into_iter().chain(post.first..post.word).any(body_noun) {
        return Vec::new();
    }
    // "A Varskian court sentenced Norvanian ex-interior minister X": the demonym right before
    // the post phrase is its state, whatever else the sentence names.
    if let Some(state) = adjacent_demonym(doc, p, post) {
        return vec![Arg::Text(state)];
    }
    // "President X of Norvania, Varsk's main ally": the state the name's "of" phrase names,
    // whatever else the sentence names.
    if let Some(state) = state_after_name(doc, p, post) {
        return vec![Arg::Text(state)];
    }
    // "Foreign Secretary X said" in a story about another state: a post only one state has.
    if let Some(state) =
        lex.state_titles.iter().find(|(t, _)| role.ends_with(&format!(" {t}"))).map(|(_, s)| s)
    {
        return vec![Arg::Text(state.clone())];
    }
    state_here(doc, p).map(Arg::Text).into_iter().collect()
}

/// The post of a state that `role` and the "of" phrase right after the post's last word `w`
/// make, read off the words ("secretary" + "of State" → "secretary of state").
fn state_post_of_phrase(
    p: &Parse<'_>,
    w: usize,
    role: &str,
    is_state_post: impl Fn(&str) -> bool,
) -> Option<String> {
    if p.words.get(w + 1).is_none_or(|_| !p.form(w + 1).eq_ignore_ascii_case("of")) {
        return None;
    }
    let mut phrase = String::new();
    for k in w + 2..(w + 5).min(p.words.len()) {
        let f = p.form(k).to_lowercase();
        if !f.chars().all(char::is_alphabetic) {
            return None;
        }
        phrase.push(' ');
        phrase.push_str(&f);
        let longer = format!("{role} of{phrase}");
        if is_state_post(&longer) {
            return Some(longer);
        }
    }
    None
}

/// "the judiciary", "parliament": a state's own body named by one lowercase noun, given the
/// state's adjective ("Norvanian judiciary") when the sentence or the story names one state,
/// since the bare noun does not say whose it is.
pub(super) fn institution_of_state(doc: &Doc<'_>, p: &Parse<'_>, arg: Arg) -> Arg {
    let Arg::Text(text) = &arg else { return arg };
    let noun = text.strip_prefix("the ").unwrap_or(text);
    if !LEXICON.state_institutions.contains(&noun.to_lowercase()) {
        return arg;
    }
    let Some(state) = state_here(doc, p) else { return arg };
    Arg::Text(format!("{} {noun}", state_adjective(doc, &state)))
}

/// The word the document uses for a state's adjective ("Norvanian"), else its possessive.
fn state_adjective(doc: &Doc<'_>, state: &str) -> String {
    doc.view
        .mentions
        .iter()
        .enumerate()
        .filter(|(_, m)| m.kind == Kind::Nat && m.value.as_deref() == Some(state))
        .map(|(i, _)| doc.mention_text(i))
        // The reader's adjectives inside names too ("the Norvanian National Police").
        .chain(
            doc.input
                .annotations
                .iter()
                .filter(|a| a.layer == model::Layer::Nationality)
                .filter(|a| a.value.as_deref() == Some(state))
                .filter_map(|a| doc.text().get(a.span.clone()).map(str::to_string)),
        )
        // "Norvanians" names people, not the state's adjective.
        .find(|t| t != state && !t.contains(' ') && !t.ends_with('s'))
        .unwrap_or_else(|| format!("{state}'s"))
}

/// The one state the sentence names ("Marisol Quenby, a former minister, was arrested by
/// Norvania's police"); none: the state the story is about; two or more ("the Ostrian chief's
/// ties with Egypt under President X"): no guess, rather than a wrong one.
pub(super) fn state_here(doc: &Doc<'_>, p: &Parse<'_>) -> Option<String> {
    let sentence = &doc.view.sentences[p.sentence];
    let mut states: Vec<String> = sentence
        .mentions
        .iter()
        .filter(|&&m| !imposes_sanctions(doc, &sentence.view, m))
        .filter(|&&m| !sanctioning_agent(doc, m))
        .filter(|&&m| !names_a_court(doc, &sentence.view, m))
        .filter(|&&m| !posted_to(doc, m))
        .filter(|&&m| !of_counterpart(doc, &sentence.view, m))
        .filter_map(|&m| {
            let mention = &doc.view.mentions[m];
            match mention.kind {
                Kind::Nat => mention.value.clone(),
                Kind::Misc => demonym_state(doc, m),
                Kind::Loc => {
                    let text = doc.mention_text(m);
                    doc.is_state(&text).then(|| doc.authority(&Arg::Text(text))).flatten()
                }
                _ => None,
            }
        })
        .collect();
    states.sort();
    states.dedup();
    match states.len() {
        0 => story_state(doc),
        1 => states.pop(),
        _ => None,
    }
}

/// "Norvanian sanctions on President X": the state that imposes sanctions says nothing of
/// whose post the name holds.
fn imposes_sanctions(doc: &Doc<'_>, view: &str, m: usize) -> bool {
    view_after(doc, view, m).is_some_and(|after| {
        after.get(..9).is_some_and(|p| {
            p.eq_ignore_ascii_case("sanctions") || p.eq_ignore_ascii_case("sanction ")
        })
    })
}

/// "talks with his Varskian counterpart": the demonym of a counterpart is the other side's
/// state, never that of the sentence's other posts.
fn of_counterpart(doc: &Doc<'_>, view: &str, m: usize) -> bool {
    let Some(next) = view_after(doc, view, m).and_then(|a| a.split_whitespace().next()) else {
        return false;
    };
    // The word may stand as a post's placeholder ("⟦ROLE:7⟧").
    let word = next
        .strip_prefix("⟦ROLE:")
        .and_then(|r| r.strip_suffix('⟧'))
        .and_then(|i| i.parse::<usize>().ok())
        .filter(|&i| i < doc.view.mentions.len())
        .map_or_else(|| next.to_string(), |i| doc.mention_text(i).to_lowercase());
    word.starts_with("counterpart")
}

/// "was sacked as ambassador to Varsk": the state an envoy is sent to says nothing of whose
/// posts the sentence's other names hold.
fn posted_to(doc: &Doc<'_>, m: usize) -> bool {
    let before = doc.text().get(..doc.view.mentions[m].span.start).unwrap_or("");
    let mut words = before.split_whitespace().rev();
    words.next().is_some_and(|w| w.eq_ignore_ascii_case("to"))
        && words.next().is_some_and(|w| {
            matches!(
                w.to_lowercase().as_str(),
                "ambassador" | "ambassadors" | "envoy" | "envoys" | "emissary" | "consul"
            )
        })
}

/// "X was among 20 officials sanctioned by Varsk": the agent of a sanction says nothing of
/// whose posts the sentence's names hold.
fn sanctioning_agent(doc: &Doc<'_>, m: usize) -> bool {
    let before = doc.text().get(..doc.view.mentions[m].span.start).unwrap_or("");
    let mut words = before.split_whitespace().rev();
    let word = |w: Option<&str>| w.map(|w| w.to_lowercase());
    let by = word(words.next());
    let by = by.as_deref().map(|w| w.strip_suffix(" the").unwrap_or(w));
    let verb = match by {
        Some("the") => {
            let by = word(words.next());
            (by.as_deref() == Some("by")).then(|| word(words.next())).flatten()
        }
        Some("by") => word(words.next()),
        _ => None,
    };
    verb.is_some_and(|v| {
        matches!(
            v.as_str(),
            "sanctioned" | "designated" | "blacklisted" | "targeted" | "imposed" | "listed"
        )
    })
}

/// The sentence's view after mention `m`'s placeholder, from its next word on.
fn view_after<'v>(doc: &Doc<'_>, view: &'v str, m: usize) -> Option<&'v str> {
    let tag = format!("⟦{}:{m}⟧", doc.view.mentions[m].kind.as_str());
    view.find(&tag).map(|at| view[at + tag.len()..].trim_start())
}

/// "A Varskian federal court sentenced ... under former dictator X": the state whose court
/// tries a case is where the trial is, which says nothing of whose post a name holds (courts
/// abroad try other states' officials).
fn names_a_court(doc: &Doc<'_>, view: &str, m: usize) -> bool {
    view_after(doc, view, m).is_some_and(|after| {
        after
            .split_whitespace()
            .take(3)
            .take_while(|w| w.starts_with(|c: char| c.is_ascii_lowercase()))
            .any(|w| matches!(w, "court" | "courts" | "tribunal" | "judge" | "judges" | "jury"))
    })
}

/// The state a mention names: a nationality's state, or a place that is a state.
fn mention_state(doc: &Doc<'_>, m: usize) -> Option<String> {
    let mention = &doc.view.mentions[m];
    match mention.kind {
        Kind::Nat => mention.value.clone(),
        Kind::Loc => {
            let t = doc.mention_text(m);
            doc.is_state(&t).then(|| doc.authority(&Arg::Text(t))).flatten()
        }
        _ => None,
    }
}

/// The state the document names most; when two or more tie (a story about one state's
/// sanctions on another's officials names both as often), the tied one it names first: its
/// headline and lead name the state the story is about.
fn story_state(doc: &Doc<'_>) -> Option<String> {
    let state = story_state_or_union(doc)?;
    // "police in <seat city> arrested ...": a union or an international body that a seat city
    // stands for holds no ministers and generals of its own; a post the sentence does not
    // place belongs to the state named next, or to none.
    if !UNIONS.contains(&state.as_str()) {
        return Some(state);
    }
    doc.main_state_except(&state, 1)
}

/// Unions and international bodies the authority names give (a seat city stands for them).
const UNIONS: &[&str] =
    &["European Union", "United Nations", "International Criminal Court", "Interpol"];

fn story_state_or_union(doc: &Doc<'_>) -> Option<String> {
    if let Some(state) = doc.main_state() {
        // "Norvanian official makes a trip to Varsk": a story told where its people travel
        // names the host most, but its officials are those of the state named next.
        if visited(doc, &state) {
            // Named once is enough here: the traveller's own state is often named only in
            // the post ("the Norvanian foreign minister arrived in Varnholm").
            return doc.main_state_except(&state, 1).or(Some(state));
        }
        return Some(state);
    }
    let mut counts: std::collections::BTreeMap<String, usize> = Default::default();
    let mut order: Vec<String> = Vec::new();
    for s in &doc.view.sentences {
        for &m in &s.mentions {
            if let Some(state) = mention_state(doc, m) {
                if !order.contains(&state) {
                    order.push(state.clone());
                }
                *counts.entry(state).or_default() += 1;
            }
        }
    }
    let Some(best) = counts.values().copied().max() else {
        return state_inside_names(doc);
    };
    order.into_iter().find(|s| counts.get(s) == Some(&best))
}

/// "the Norvanian National Police", "the Norvanian Senate": a story that names no state on
/// its own may still name one inside the names of its bodies; the reader's nationality
/// adjectives there (which the view folds into the body's name) give the state, when they
/// all give one.
fn state_inside_names(doc: &Doc<'_>) -> Option<String> {
    let mut states = doc
        .input
        .annotations
        .iter()
        .filter(|a| a.layer == model::Layer::Nationality)
        .filter_map(|a| a.value.clone());
    let first = states.next()?;
    states.all(|s| s == first).then_some(first)
}

/// Words right before a place that make it the destination of a journey.
const JOURNEY_TO: &[&str] = &[
    "visit to",
    "visits to",
    "visited",
    "trip to",
    "trips to",
    "travel to",
    "travelled to",
    "traveled to",
    "flew to",
    "flies to",
    "travels to",
    "travelling to",
    "traveling to",
    "arrived in",
    "arrives in",
    "arriving in",
    "landed in",
];

/// Whether the document tells of a journey to the state ("a visit to Varsk", "travelled to
/// the Varsk").
fn visited(doc: &Doc<'_>, state: &str) -> bool {
    doc.view.sentences.iter().any(|s| {
        s.mentions.iter().any(|&m| {
            let kind = doc.view.mentions[m].kind;
            // "a visit to Saudi Arabia" may be read as a nationality and a place.
            let tag = match kind {
                Kind::Loc => "LOC",
                Kind::Nat => "NAT",
                _ => return false,
            };
            // A city's state too: "arrived in Varnholm" is a journey to Varsk.
            let there = mention_state(doc, m).or_else(|| {
                (kind == Kind::Loc)
                    .then(|| crate::cities::state_of(&doc.mention_text(m)).map(str::to_string))
                    .flatten()
            });
            there.as_deref() == Some(state)
                && s.view.find(&format!("⟦{tag}:{m}⟧")).is_some_and(|at| {
                    let before = s.view[..at].trim_end().to_lowercase();
                    let before = before.strip_suffix(" the").unwrap_or(&before);
                    JOURNEY_TO.iter().any(|j| before.ends_with(&format!(" {j}")) || before == *j)
                })
        })
    })
}

/// A pattern rule's post whose body is a minister's portfolio ("Minister of Defense" with
/// body "Defense"): the frames give the state instead.
pub(crate) fn portfolio_as_body(doc: &Doc<'_>, c: &crate::Claim) -> bool {
    let lex = &*LEXICON;
    let head = c.field("role").and_then(|r| r.split_whitespace().last()).unwrap_or("");
    matches!(c.kind, ClaimType::Position | ClaimType::Appointment)
        && (c.rule.starts_with("position.") || c.rule.starts_with("appointment."))
        && lex.portfolio_posts.contains(head)
        && c.field("organization").is_some_and(|o| {
            !doc.is_state(o)
                && !doc
                    .view
                    .mentions
                    .iter()
                    .any(|m| m.kind == Kind::Nat && m.value.as_deref() == Some(o))
        })
}

/// A name ending in "-an" ("Norvanian") whose stem the document names as a place ("Norvania").
fn demonym_state(doc: &Doc<'_>, m: usize) -> Option<String> {
    let mention = &doc.view.mentions[m];
    if mention.kind != Kind::Misc {
        return None;
    }
    let text = doc.mention_text(m);
    let stem = text.strip_suffix('n').filter(|s| s.ends_with('a') && !s.contains(' '))?;
    doc.view
        .mentions
        .iter()
        .enumerate()
        // The raw text first: a full mention_text (an allocation) only for likely ones.
        .any(|(i, o)| {
            o.kind == Kind::Loc
                && doc.view.text(doc.input.text, i).contains(stem)
                && doc.mention_text(i) == stem
        })
        .then(|| stem.to_string())
}

/// The state of a demonym just before a post phrase, or inside it before its head
/// ("Norvanian ex-interior minister", "the Ostrian army chief"), when the document names that
/// state: the words back from the head, through at most three modifiers.
fn adjacent_demonym(doc: &Doc<'_>, p: &Parse<'_>, post: &Post) -> Option<String> {
    let lo = post.first.min(post.word).saturating_sub(3);
    for k in (lo..post.word).rev() {
        if let Some(m) = p.mention[k] {
            let mention = &doc.view.mentions[m];
            match mention.kind {
                Kind::Nat => return mention.value.clone(),
                Kind::Misc => return demonym_state(doc, m),
                // "US Secretary of State X": a state's short name before the post.
                Kind::Loc if k + 1 == post.first => return mention_state(doc, m),
                _ => {}
            }
        }
        if k < post.first && !matches!(p.words[k].upos.as_str(), "ADJ" | "NOUN" | "PROPN") {
            return None;
        }
    }
    None
}

/// "President X of Norvania": the state of an "of" phrase right after the name that follows
/// the title.
fn state_after_name(doc: &Doc<'_>, p: &Parse<'_>, post: &Post) -> Option<String> {
    let name = (post.word + 1 < p.words.len())
        .then(|| p.mention_of(doc, post.word + 1, &[Kind::Per]))
        .flatten()?;
    let end = doc.view.mentions[name].span.end;
    let of = (post.word + 1..p.words.len()).find(|&k| p.words[k].span.start >= end)?;
    if !p.form(of).eq_ignore_ascii_case("of") || of + 1 >= p.words.len() {
        return None;
    }
    let place = p.mention_of(doc, of + 1, &[Kind::Loc])?;
    mention_state(doc, place)
}

/// The court or tribunal named nearest before a sentence's end, in it or in the sentences
/// before: "The Varnholm District Court convicted X. Judge Y said ..." gives Y's court.
/// "A court in Varnholm ... judge X said": the state of the nearest unnamed court the
/// document places, here or before ("a court in <place>", "a <demonym> court", "the <place>
/// district court"). Not the story's state: a court abroad tries people of the story's state.
fn court_state_before(doc: &Doc<'_>, p: &Parse<'_>) -> Option<String> {
    static PLACED_COURT: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(
            r"(?i)\bcourts? (?:in|of) ⟦(?:LOC|NAT):(\d+)⟧|⟦(?:LOC|NAT|MISC):(\d+)⟧ (?:[a-z-]+ ){0,2}courts?\b",
        )
        .expect("a valid pattern")
    });
    (0..=p.sentence).rev().find_map(|si| {
        let view = &doc.view.sentences[si].view;
        PLACED_COURT.captures_iter(view).collect::<Vec<_>>().into_iter().rev().find_map(|c| {
            let m: usize = c.get(1).or_else(|| c.get(2))?.as_str().parse().ok()?;
            match doc.view.mentions.get(m)?.kind {
                Kind::Loc => mention_state(doc, m).or_else(|| doc.place_state(m)),
                Kind::Misc => demonym_state(doc, m),
                _ => mention_state(doc, m),
            }
        })
    })
}

fn court_before(doc: &Doc<'_>, p: &Parse<'_>) -> Option<Arg> {
    let is_court = |m: usize| {
        let mention = &doc.view.mentions[m];
        mention.kind == Kind::Org && {
            let t = doc.mention_text(m).to_lowercase();
            t.contains("court") || t.contains("tribunal")
        }
    };
    // "The court convicted X, judge Y said": an unnamed court in the sentence may be another
    // one than the last named.
    let sentence = &doc.view.sentences[p.sentence];
    let named_here = sentence.mentions.iter().any(|&m| is_court(m));
    if !named_here && (0..p.words.len()).any(|k| p.lemma(k) == "court" && p.mention[k].is_none()) {
        return None;
    }
    (0..=p.sentence)
        .rev()
        .find_map(|si| doc.view.sentences[si].mentions.iter().rev().copied().find(|&m| is_court(m)))
        .map(Arg::Mention)
}
