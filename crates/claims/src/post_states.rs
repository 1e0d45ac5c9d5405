//! One state for one person's post: "Prosecutors in Colombia charged former interior minister
//! X ..." and, later, "X, who served as interior minister from 2016 to 2020, ...". The second
//! sentence names no state, so the frames give the post the state the story names most, which
//! in a story of a trial or a warrant abroad is the foreign one. A person holds a given
//! ministry in one state: where the document gives the same holder the same post (its role
//! the same, "former" aside) in two states, the post keeps the state of its first statement
//! (the lead, which places it), and the later ones are the same post (merged afterwards when
//! their other fields agree). An appointment to the post is to the same state's.

use serde_json::Value;

use crate::{Claim, ClaimType};

/// The role without "former" or "ex-", lowercased: how two statements of one post compare.
fn post_of(role: &str) -> String {
    let role = role.trim().to_lowercase();
    let role = role.strip_prefix("former ").or_else(|| role.strip_prefix("ex-")).unwrap_or(&role);
    role.trim().to_string()
}

/// Gives each later statement of a post the state of the first one of the same holder and
/// role, when both name a state (`is_state`). Claims must be in document order.
pub(crate) fn one_state_per_post(is_state: impl Fn(&str) -> bool, claims: &mut [Claim]) {
    let state_post = |c: &Claim| -> Option<(String, String, String)> {
        // "It was X's first visit to Iran since he was appointed foreign minister": an
        // appointment to the post is to the same state's.
        let person = post_person(c)?;
        let org = c.field("organization").filter(|o| is_state(o))?;
        Some((person.to_string(), post_of(c.field("role")?), org.to_string()))
    };
    let mut first: Vec<(String, String, String)> = Vec::new();
    for c in claims.iter_mut() {
        let Some((holder, role, org)) = state_post(c) else { continue };
        match first.iter().find(|(h, r, _)| *h == holder && *r == role) {
            Some((_, _, state)) if *state != org => {
                c.fields.insert("organization".into(), Value::from(state.clone()));
            }
            Some(_) => {}
            None => first.push((holder, role, org)),
        }
    }
}

/// Whose post a position or an appointment is.
fn post_person(c: &Claim) -> Option<&str> {
    match c.kind {
        ClaimType::Position => c.field("holder"),
        ClaimType::Appointment => c.field("person"),
        _ => None,
    }
}

/// The state a post's body is written with and the rest of it: "Chad's border guard" →
/// (Chad, "border guard"), "Sudanese army" → (Sudan, "army"), "Chad" → (Chad, "").
fn state_and_body(org: &str, is_state: &impl Fn(&str) -> bool) -> Option<(String, String)> {
    if is_state(org) {
        return Some((org.to_string(), String::new()));
    }
    let (first, rest) = org.split_once(' ')?;
    if let Some(state) = first.strip_suffix("'s").or_else(|| first.strip_suffix("’s")) {
        return is_state(state).then(|| (state.to_string(), rest.to_string()));
    }
    read::lexicon::country_of(first).map(|state| (state.to_string(), rest.to_string()))
}

/// "General X has been the commander of Chad's border guard since 2019 ... In 2016 he was
/// appointed deputy chief of staff of the army": the sentence names no state, so the frames
/// give "the army" the state the story names most (here France, where X trained and met a
/// minister). A person's posts in a state body are in the state of the posts the document
/// places in words ("Chad's border guard" written in its sentence); a body whose state no
/// sentence wrote ("French army", made by the frames) takes that state instead. Where the
/// person's placed posts name two states, nothing changes.
pub(crate) fn home_state_of_bodies(is_state: impl Fn(&str) -> bool, claims: &mut [Claim]) {
    let written =
        |c: &Claim, org: &str| c.evidence.text.to_lowercase().contains(&org.to_lowercase());
    let mut homes: Vec<(String, Option<String>)> = Vec::new();
    for c in claims.iter() {
        let (Some(person), Some(org)) = (post_person(c), c.field("organization")) else {
            continue;
        };
        let Some((state, body)) = state_and_body(org, &is_state) else { continue };
        // A bare state is placed when its sentence names it or its adjective.
        let placed = written(c, org)
            || body.is_empty()
                && c.evidence
                    .text
                    .split(|ch: char| !ch.is_alphabetic())
                    .any(|w| read::lexicon::country_of(w) == Some(state.as_str()));
        if !placed {
            continue;
        }
        match homes.iter_mut().find(|(p, _)| *p == person) {
            Some((_, home)) if home.as_deref() != Some(state.as_str()) => *home = None,
            Some(_) => {}
            None => homes.push((person.to_string(), Some(state))),
        }
    }
    for c in claims.iter_mut() {
        let Some(person) = post_person(c) else { continue };
        let Some(home) = homes.iter().find(|(p, _)| p == person).and_then(|(_, h)| h.clone())
        else {
            continue;
        };
        let Some(org) = c.field("organization").map(str::to_string) else { continue };
        let Some((state, body)) = state_and_body(&org, &is_state) else { continue };
        if state != home && !body.is_empty() && !written(c, &org) {
            c.fields.insert("organization".into(), Value::from(format!("{home}'s {body}")));
        }
    }
}

/// "X held talks with his Russian counterpart, Y": a counterpart holds the other side's post
/// in another state. The pattern that reads "NAT ROLE, NAME" gives Y the post "counterpart",
/// which is no post (`not_posts`); Y's post is the one the document gives the other
/// participant of the meeting the sentence tells (the nearest statement of it), in the
/// counterpart's state. Where no meeting or no post of the other side says which, the claim
/// goes. Claims must be in document order.
pub(crate) fn counterparts(claims: &mut Vec<Claim>) {
    let not_post = |c: &Claim| {
        c.kind == ClaimType::Position
            && c.field("role").and_then(|r| r.split_whitespace().last()).is_some_and(|w| {
                crate::frames::positions::LEXICON.not_posts.contains(&w.to_lowercase())
            })
    };
    if !claims.iter().any(not_post) {
        return;
    }
    let roles: Vec<Option<String>> = claims
        .iter()
        .map(|c| {
            if !not_post(c) {
                return None;
            }
            let holder = c.field("holder")?;
            let other = claims.iter().find_map(|m| {
                let participants = m.fields.get("participants")?.as_array()?;
                let names: Vec<&str> = participants.iter().filter_map(Value::as_str).collect();
                (m.kind == ClaimType::Meeting
                    && m.evidence.start == c.evidence.start
                    && names.contains(&holder))
                .then(|| names.into_iter().find(|n| *n != holder))
                .flatten()
            })?;
            let post_of_other = |p: &&Claim| {
                p.kind == ClaimType::Position && p.field("holder") == Some(other) && !not_post(p)
            };
            let nearest = claims
                .iter()
                .filter(post_of_other)
                .rfind(|p| p.evidence.start <= c.evidence.start)
                .or_else(|| claims.iter().find(post_of_other))?;
            Some(post_of(nearest.field("role")?))
        })
        .collect();
    let mut roles = roles.into_iter();
    claims.retain_mut(|c| match roles.next().flatten() {
        Some(role) => {
            c.fields.insert("role".into(), Value::from(role));
            true
        }
        None => !not_post(c),
    });
}

#[cfg(test)]
mod tests {
    use crate::ClaimType;
    use crate::frames::test_support::{claims, positions};

    /// A story of one state's former minister wanted and tried abroad names the foreign
    /// state most; the minister's post is still the home state's.
    const STORY: &str = "Former minister charged\n\n\
        Prosecutors in Colombia on Wednesday charged former interior minister Kasimir Holl \
        with torture.\n\n\
        Holl, 61, who served as interior minister from 2016 to 2020, was detained at his home \
        last month.\n\n\
        He is also wanted by Spain. A Spanish court issued a warrant for him in 2019, and his \
        lawyer travelled to Madrid to meet Spanish prosecutors in Madrid.";

    #[test]
    fn a_later_statement_of_a_post_keeps_the_state_of_the_first() {
        let posts = positions(STORY);
        let holl: Vec<_> =
            posts.iter().filter(|c| c.field("holder") == Some("Kasimir Holl")).collect();
        assert!(!holl.is_empty(), "{posts:#?}");
        assert!(holl.iter().all(|c| c.field("organization") == Some("Colombia")), "{holl:#?}");
        // The dates of the second statement reach the post (merged with the first).
        assert!(holl.iter().any(|c| c.field("start") == Some("2016")), "{holl:#?}");
    }

    /// "It was X's first visit to Iran since he was appointed foreign minister in March
    /// 2021": the appointment is to the post the lead gave X, Belarus's, not Iran's.
    #[test]
    fn an_appointment_to_a_post_is_to_the_same_states() {
        let text = "Minister visits Iran\n\n\
            Belarusian Foreign Minister Kasimir Holl arrived in Iran on Tuesday on a two-day \
            visit.\n\n\
            It was Holl's first visit to Iran since he was appointed foreign minister in March \
            2021.";
        let appointments = claims(text, ClaimType::Appointment);
        assert!(!appointments.is_empty(), "{appointments:#?}");
        assert!(
            appointments.iter().all(|c| c.field("organization") == Some("Belarus")),
            "{appointments:#?}"
        );
    }

    /// A profile names the state where its general trained and the minister he met more
    /// often than his own: his post in "the army" is his own state's, the one his placed
    /// post names.
    #[test]
    fn a_post_in_a_body_no_sentence_places_is_in_the_persons_own_state() {
        let text = "Profile\n\n\
            General Kasimir Holl has been the commander of Chad's border guard since 2019.\n\n\
            Holl graduated from a military academy in France. In 2016 he was appointed deputy \
            chief of staff of the army.\n\n\
            He met the French defence minister in France in March 2022.";
        let posts = positions(text);
        let army = posts.iter().find(|c| c.field("role") == Some("deputy chief of staff"));
        let army = army.unwrap_or_else(|| panic!("no post in the army: {posts:#?}"));
        assert_eq!(army.field("organization"), Some("Chad's army"), "{army:#?}");
    }

    /// The parse hangs "who served ..." back on the name (read's `relative` repair): the
    /// detention is found.
    #[test]
    fn the_name_before_a_relative_clause_is_the_one_detained() {
        let arrests = claims(STORY, ClaimType::Arrest);
        assert!(arrests.iter().any(|c| c.field("person") == Some("Kasimir Holl")), "{arrests:#?}");
    }

    /// "held talks with his Norwegian counterpart, Y": a meeting (the parser hangs the "with"
    /// phrase on the verb), and Y's post is the other side's, in Y's state, not "counterpart".
    #[test]
    fn a_counterpart_holds_the_other_sides_post_in_its_own_state() {
        let text = "Talks in Oslo\n\n\
            Sweden's defence minister, Kasimir Holl, visited Norway on Tuesday.\n\n\
            Holl held talks with his Norwegian counterpart, Tomasz Wielgosz, on Wednesday, the \
            ministry said.";
        let meetings = claims(text, ClaimType::Meeting);
        assert!(
            meetings.iter().any(|c| c.fields["participants"]
                .as_array()
                .is_some_and(|p| p.iter().any(|n| n == "Tomasz Wielgosz"))),
            "{meetings:#?}"
        );
        let posts = positions(text);
        let wielgosz: Vec<_> =
            posts.iter().filter(|c| c.field("holder") == Some("Tomasz Wielgosz")).collect();
        assert_eq!(wielgosz.len(), 1, "{posts:#?}");
        assert_eq!(wielgosz[0].field("role"), Some("defence minister"), "{posts:#?}");
        assert_eq!(wielgosz[0].field("organization"), Some("Norway"), "{posts:#?}");
    }

    /// A counterpart whose other side holds no post the document gives is no post at all.
    #[test]
    fn a_counterpart_of_no_known_post_is_no_post() {
        let posts = positions("Talks\n\nHoll met his Norwegian counterpart, Tomasz Wielgosz.");
        assert!(posts.iter().all(|c| c.field("role") != Some("counterpart")), "{posts:#?}");
    }
}
