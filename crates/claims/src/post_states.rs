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
        let person = match c.kind {
            ClaimType::Position => c.field("holder")?,
            ClaimType::Appointment => c.field("person")?,
            _ => return None,
        };
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
            Belarusian Foreign Minister Kasimir Holl arrived in Tehran on Tuesday on a two-day \
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
