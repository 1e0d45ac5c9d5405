//! Posts that share a holder, a body or a state with the words around them, on invented
//! sentences read by the real reader.

use crate::frames::test_support::{find, positions, positions_in};

#[test]
fn two_posts_joined_by_and_share_the_body_and_the_name_after_them() {
    let claims = positions(
        "Also named today is the Varsk Border Bureau (VBB), as well as the current Director and \
         Communist Party Secretary of the VBB, Tomasz Wielgosz, and the former Party Secretary \
         of the VBB, Kasimir Holl.",
    );
    let posts: Vec<_> = claims
        .iter()
        .filter(|c| c.field("holder").is_some_and(|h| h.contains("Wielgosz")))
        .filter(|c| c.field("organization").is_some_and(|o| o.contains("Border Bureau")))
        .collect();
    assert!(posts.iter().any(|c| c.field("role") == Some("director")), "{claims:#?}");
    assert!(posts.iter().any(|c| c.field("role").is_some_and(|r| r.contains("secretary"))));
    // Two posts in one body, one sentence: two claims with two ids.
    assert_ne!(posts[0].id, posts[1].id, "{posts:#?}");
    assert!(
        !claims.iter().any(|c| c.field("holder").is_some_and(|h| h.contains("Holl"))
            && c.field("role") == Some("director")),
        "{claims:#?}"
    );
}

#[test]
fn a_possessed_post_joined_by_and_keeps_its_own_owner() {
    let claims = positions(
        "The court sentenced Kasimir Holl, his deputy and Varsk Bureau Vice-President Tomasz \
         Wielgosz, to ten years.",
    );
    assert!(find(&claims, "Holl", "Varsk Bureau").is_none(), "{claims:#?}");
}

#[test]
fn a_post_in_parentheses_after_a_name_is_that_name_s() {
    let claims = positions(
        "The list names: • Tomasz Wielgosz (Party Secretary of the Varsk Harbour Corps (VHC), \
         Deputy Secretary of the Party Committee of Norvania); • Kasimir Holl (Member of the \
         Standing Committee of the Party Committee, Director of the Varsk Border Bureau).",
    );
    assert!(find(&claims, "Wielgosz", "Harbour Corps").is_some(), "{claims:#?}");
    assert!(find(&claims, "Holl", "Harbour Corps").is_none(), "{claims:#?}");
}

#[test]
fn a_relative_who_before_a_copular_post_gives_the_name_before_it() {
    let claims = positions_in(
        "Kasimir Holl arrived in Varsk on Monday. In April 2007, the judges at the tribunal \
         issued an arrest warrant for Kasimir Holl who at the time was the minister of harbour \
         affairs charging him with 42 counts including murder.",
        &["Norvania", "Varsk"],
    );
    assert!(
        claims.iter().any(|c| c.field("holder").is_some_and(|h| h.contains("Holl"))
            && c.field("role").is_some_and(|r| r.contains("minister"))),
        "{claims:#?}"
    );
}

#[test]
fn a_chief_of_staff_in_a_list_of_ministers_is_a_post_of_the_state() {
    let claims = positions_in(
        "Norvania's president left for Varsk on Monday. He was accompanied by foreign minister \
         Piet Oranje, presidential affairs minister Edda Lorn and chief of staff Kasimir Holl.",
        &["Norvania", "Varsk"],
    );
    assert!(find(&claims, "Holl", "Norvania").is_some(), "{claims:#?}");
}

#[test]
fn a_person_s_chief_of_staff_serves_that_person() {
    let claims = positions_in(
        "President Piet Oranje's chief of staff Tomasz Wielgosz said the talks had failed.",
        &["Norvania"],
    );
    assert!(find(&claims, "Wielgosz", "Oranje").is_some(), "{claims:#?}");
    assert!(find(&claims, "Wielgosz", "Norvania").is_none(), "{claims:#?}");
}

#[test]
fn a_story_that_names_its_state_only_inside_names_gives_its_posts_that_state() {
    let claims = positions(
        "The Estonian National Police said on Monday it had no record of the warrant. \
         His statement followed Ombudsman Kasimir Holl's claim that a warrant had been issued.",
    );
    assert!(find(&claims, "Holl", "Estonia").is_some(), "{claims:#?}");
}

#[test]
fn a_first_name_the_tagger_left_out_after_a_title_belongs_to_the_name() {
    let claims = positions_in(
        "Piet Oranje started a previously unannounced visit to Varsk today for talks with King \
         Marek Bin Edda Lorn. The Varnholm District Court heard the case. Prosecutors led by \
         Deputy Prosecutor Dorvek Kasimir Holl said the case was strong.",
        &["Norvania", "Varsk"],
    );
    let holders: Vec<&str> = claims.iter().filter_map(|c| c.field("holder")).collect();
    assert!(holders.contains(&"Marek Bin Edda Lorn"), "{claims:#?}");
    assert!(holders.contains(&"Dorvek Kasimir Holl"), "{claims:#?}");
}

#[test]
fn a_body_s_noun_before_a_post_of_a_state_keeps_the_state_out() {
    let claims = positions_in(
        "Norvania's president left for Varsk. He was accompanied by Defense Minister Piet \
         Oranje, left, and army Chief of Staff Tomasz Wielgosz.",
        &["Norvania", "Varsk"],
    );
    // Not the state's own post: its army's (session 20: the story's state names the army).
    let orgs: Vec<&str> = claims
        .iter()
        .filter(|c| c.field("holder").is_some_and(|h| h.contains("Wielgosz")))
        .filter_map(|c| c.field("organization"))
        .collect();
    assert!(!orgs.contains(&"Norvania"), "{claims:#?}");
    assert!(orgs.iter().all(|o| o.contains("army")), "{claims:#?}");
}

#[test]
fn a_post_s_noun_after_another_title_is_no_first_name() {
    let claims = positions_in(
        "Among those named is Police Chief Commissioner Tomasz Wielgosz, Varsk said.",
        &["Norvania", "Varsk"],
    );
    assert!(
        claims.iter().all(|c| !c.field("holder").is_some_and(|h| h.contains("Commissioner"))),
        "{claims:#?}"
    );
}

#[test]
fn a_senator_without_a_body_sits_in_the_state_s_senate() {
    let claims = positions(
        "The Estonian National Police said on Monday it had no record of the warrant. \
         The court would not confirm reports of an arrest warrant for Senator Kasimir Holl, \
         a key figure in the crackdown.",
    );
    assert!(find(&claims, "Holl", "Estonian Senate").is_some(), "{claims:#?}");
}

#[test]
fn a_director_of_a_function_names_no_body() {
    let claims = positions(
        "For media inquiries, please contact: Tomasz Wielgosz, Director of Communications, \
         at the office.",
    );
    assert!(
        claims.iter().all(|c| c.field("organization") != Some("Communications")),
        "{claims:#?}"
    );
}

#[test]
fn the_body_s_noun_alone_is_the_body_named_shortly_before() {
    let claims = positions(
        "The Treasury noted Kasimir Holl's role in the so-called \"harbour commission\" that \
         ordered the arrests of 400 dockers in 1988. Holl was reportedly one of the four \
         members of the commission.",
    );
    assert!(find(&claims, "Holl", "harbour commission").is_some(), "{claims:#?}");
}

#[test]
fn the_state_of_a_court_abroad_is_not_the_state_of_the_posts_it_names() {
    // A court of one state tries another state's official: "former dictator" is a post of
    // the defendant's state, not the court's.
    let claims = positions(
        "A Swiss federal court on Wednesday sentenced Norwegian ex-interior minister Piet \
         Oranje to 20 years in prison for crimes committed under the regime of former \
         dictator Tomasz Wielgosz.",
    );
    let dictator = find(&claims, "Wielgosz", "Norway");
    assert!(dictator.is_some(), "{claims:#?}");
    assert!(find(&claims, "Wielgosz", "Switzerland").is_none(), "{claims:#?}");
}

#[test]
fn a_deputy_s_post_and_the_post_above_it_in_one_body_stay_two() {
    let claims = positions_in(
        "Norvania held elections on Sunday.\n\nAs first deputy of the judiciary, Piet Oranje \
         oversaw the trials.\n\nOranje was appointed by the president to head the judiciary \
         in March 2019.",
        &["Norvania"],
    );
    let posts: Vec<_> =
        claims.iter().filter(|c| c.field("holder").is_some_and(|h| h.contains("Oranje"))).collect();
    let head = posts.iter().find(|c| c.field("role") == Some("head")).expect("the head's post");
    assert_eq!(head.field("start"), Some("2019-03"), "{posts:#?}");
    let deputy = posts
        .iter()
        .find(|c| c.field("role").is_some_and(|r| r.contains("deputy")))
        .expect("the deputy's post");
    assert_eq!(deputy.field("start"), None, "{posts:#?}");
}
