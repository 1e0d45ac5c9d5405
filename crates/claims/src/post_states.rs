//! One state for one person's post: "Prosecutors in Colombia charged former interior minister
//! X ..." and, later, "X, who served as interior minister from 2016 to 2020, ...". The second
//! sentence names no state, so the frames give the post the state the story names most, which
//! in a story of a trial or a warrant abroad is the foreign one. A person holds a given
//! ministry in one state: where the document gives the same holder the same post (its role
//! the same, "former" aside) in two states, the post keeps the state of its first statement
//! (the lead, which places it), and the later ones are the same post (merged afterwards when
//! their other fields agree).

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
        if c.kind != ClaimType::Position {
            return None;
        }
        let org = c.field("organization").filter(|o| is_state(o))?;
        Some((c.field("holder")?.to_string(), post_of(c.field("role")?), org.to_string()))
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

    /// The parse hangs "who served ..." back on the name (read's `relative` repair): the
    /// detention is found.
    #[test]
    fn the_name_before_a_relative_clause_is_the_one_detained() {
        let arrests = claims(STORY, ClaimType::Arrest);
        assert!(arrests.iter().any(|c| c.field("person") == Some("Kasimir Holl")), "{arrests:#?}");
    }
}
