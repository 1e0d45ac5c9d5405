//! Who holds a post where the parse goes astray or the phrase is unusual, on invented
//! sentences read by the real reader.

use crate::ClaimType;
use crate::frames::test_support::{claims_rewired, claims_rewired_in, find, positions_in};

const STORY: &str = "Norvania held elections on Sunday. The Norvanian government resigned.\n\n";

fn posts(sentence: &str) -> Vec<crate::Claim> {
    positions_in(&format!("{STORY}{sentence}"), &["Norvania"])
}

#[test]
fn an_age_between_the_name_and_the_verb_keeps_the_subject() {
    let claims = posts("Tomasz Wielgosz Dunaj, 58, served as interior minister.");
    let c = find(&claims, "Wielgosz", "Norvania").expect("a post");
    assert_eq!(c.field("role"), Some("interior minister"), "{c:#?}");
}

#[test]
fn an_apposition_between_the_name_and_the_verb_keeps_the_subject() {
    let claims = posts("Tomasz Wielgosz Dunaj, a retired general, served as interior minister.");
    assert!(find(&claims, "Wielgosz", "Norvania").is_some(), "{claims:#?}");
}

#[test]
fn a_name_after_a_preposition_is_no_subject() {
    let claims = posts("According to Tomasz Wielgosz, served as interior minister.");
    assert!(find(&claims, "Wielgosz", "Norvania").is_none(), "{claims:#?}");
}

#[test]
fn an_adjective_after_the_noun_ends_the_post_not_its_head() {
    let claims = posts("Marisol Quenby Arce became the country's attorney general.");
    let c = find(&claims, "Quenby", "Norvania").expect("a post");
    assert_eq!(c.field("role"), Some("attorney general"), "{c:#?}");
}

#[test]
fn a_state_body_named_by_its_usual_words_is_the_state_s() {
    let claims = posts("Pavel Dunaj Holl resigned as head of the central bank in 2020.");
    let c = find(&claims, "Dunaj", "central bank").expect("a post");
    assert_eq!(c.field("end"), Some("2020"), "{c:#?}");
    assert!(c.field("organization").is_some_and(|o| o.contains("Norvania")), "{c:#?}");
    // "the bank" alone says not which.
    let claims = posts("Pavel Dunaj Holl resigned as head of the bank in 2020.");
    assert!(find(&claims, "Dunaj", "bank").is_none(), "{claims:#?}");
}

#[test]
fn a_post_the_parse_made_the_object_of_become_began() {
    let claims = posts(
        "Among those promoted was Colonel Pavel Dunaj, who becomes commander of the Seventh Division.",
    );
    assert!(find(&claims, "Dunaj", "Seventh Division").is_some(), "{claims:#?}");
}

#[test]
fn a_possessive_on_the_head_of_a_longer_post_is_its_body() {
    let claims = posts(
        "The army's chief of staff, Major General Tomasz Wielgosz, will serve as his deputy.",
    );
    let c = find(&claims, "Wielgosz", "army").expect("a post");
    assert_eq!(c.field("role"), Some("chief of staff"), "{c:#?}");
}

#[test]
fn a_kin_noun_conjoined_with_a_post_lends_it_no_body() {
    let claims = posts(
        "Pavel Dunaj is married to Marisol Quenby, a former senator and the sister of Interior \
         Minister Tomasz Wielgosz.",
    );
    assert!(find(&claims, "Quenby", "Wielgosz").is_none(), "{claims:#?}");
}

#[test]
fn an_as_phrase_on_a_possessed_noun_is_the_possessor_s_post() {
    let claims = posts(
        "Analysts said Pavel Dunaj was credible, given his previous post as interior minister.",
    );
    let c = find(&claims, "Dunaj", "Norvania").expect("a post");
    assert_eq!(c.fields.get("former"), Some(&serde_json::Value::from(true)), "{c:#?}");
}

#[test]
fn a_post_that_is_a_possessor_is_not_the_apposition_s() {
    let claims =
        posts("Pavel Dunaj, the president's brother, has been governor of Varsk since 2018.");
    assert!(
        !claims
            .iter()
            .any(|c| c.field("holder") == Some("Pavel Dunaj")
                && c.field("role") == Some("president")),
        "{claims:#?}"
    );
}

#[test]
fn the_state_an_envoy_is_sent_to_is_not_the_state_of_other_posts() {
    let claims = positions_in(
        &format!(
            "{STORY}Former prime minister Pavel Dunaj, an ally of the president, was sacked as \
             ambassador to Russia."
        ),
        &["Norvania"],
    );
    let c = find(&claims, "Dunaj", "Norvania").expect("the prime minister's post");
    assert_eq!(c.field("role"), Some("former prime minister"), "{c:#?}");
}

#[test]
fn a_post_just_given_is_not_former() {
    // The tagger may read "was appointed defence minister" as a copula and an adjective.
    let claims =
        posts("Pavel Dunaj, a close associate of the president, was appointed defence minister.");
    let c = find(&claims, "Dunaj", "Norvania").expect("a post");
    assert_eq!(c.fields.get("former"), None, "{c:#?}");
}

#[test]
fn a_relative_s_name_in_apposition_is_the_appointee() {
    let claims = posts(
        "Wielgosz's eldest daughter, Marisol Quenby, was named deputy speaker of parliament in 2019.",
    );
    let c = find(&claims, "Quenby", "parliament").expect("a post");
    assert_eq!(c.field("role"), Some("deputy speaker"), "{c:#?}");
}

#[test]
fn a_copula_the_parse_left_inside_an_apposition_still_names_the_holder() {
    // "X is the Minister of Y" with the capitalised title read as an apposition of the name.
    let claims = posts("Pavel Petrovich Dunaj is the Minister of Internal Affairs of Norvania.");
    assert!(find(&claims, "Dunaj", "Norvania").is_some(), "{claims:#?}");
}

#[test]
fn a_post_served_in_the_present_perfect_holds_still() {
    let claims = posts("Tomasz Wielgosz has served as deputy prime minister since 2020.");
    let c = find(&claims, "Wielgosz", "Norvania").expect("a post");
    assert!(!c.fields["as_of"].is_null(), "{c:#?}");
    let claims = posts("Tomasz Wielgosz served as deputy prime minister until 2020.");
    let c = find(&claims, "Wielgosz", "Norvania").expect("a post");
    assert!(c.fields["as_of"].is_null(), "{c:#?}");
}

#[test]
fn an_age_between_the_name_and_a_copula_keeps_the_subject() {
    let claims = posts("Wielgosz, 61, was deputy defence minister between 2008 and 2012.");
    let c = find(&claims, "Wielgosz", "Norvania").expect("a post");
    assert_eq!(c.field("role"), Some("deputy defence minister"), "{c:#?}");
}

#[test]
fn a_counterparts_demonym_is_not_the_state_of_the_visitors_post() {
    let claims = posts(
        "Foreign Minister Tomasz Wielgosz arrived in Kabul on Sunday for talks with his Afghan counterpart, Marisol Quenby.",
    );
    assert!(find(&claims, "Wielgosz", "Norvania").is_some(), "{claims:#?}");
    assert!(find(&claims, "Wielgosz", "Afghanistan").is_none(), "{claims:#?}");
}

#[test]
fn the_state_that_sanctions_is_not_the_state_of_the_post() {
    let claims = posts(
        "Tomasz Wielgosz, the deputy interior minister, was among 20 officials sanctioned by Britain.",
    );
    assert!(find(&claims, "Wielgosz", "Norvania").is_some(), "{claims:#?}");
    assert!(find(&claims, "Wielgosz", "United Kingdom").is_none(), "{claims:#?}");
}

#[test]
fn the_country_s_post_is_the_state_s() {
    let claims =
        posts("Halina Kordecka, the country's top prosecutor, said the inquiry would continue.");
    assert!(find(&claims, "Kordecka", "Norvania").is_some(), "{claims:#?}");
}

#[test]
fn one_dismissed_as_governor_held_the_post() {
    let claims = posts("Jerzy Malak was dismissed as governor of Varsk province in 2018.");
    let c = find(&claims, "Malak", "Varsk province").expect("a post");
    assert!(c.fields["as_of"].is_null(), "{c:#?}");
    // The one who dismisses holds no such post.
    let claims = posts("Pavel Dunaj dismissed Jerzy Malak as governor of Varsk province.");
    assert!(find(&claims, "Dunaj", "Varsk province").is_none(), "{claims:#?}");
    assert!(find(&claims, "Malak", "Varsk province").is_some(), "{claims:#?}");
}

#[test]
fn a_body_after_a_post_the_parse_hung_on_the_name() {
    let claims = posts(
        "Krzysztof Borowy, a senior officer in the Norvanian intelligence service, was questioned.",
    );
    assert!(find(&claims, "Borowy", "Norvanian intelligence service").is_some(), "{claims:#?}");
}

#[test]
fn a_union_s_seat_city_gives_no_post_its_state() {
    // Only the seat city places the story ("police in <seat city>"): the union holds no
    // minister of its own.
    let mut rules = crate::Rules::parse(include_str!("../../rules/en.toml")).expect("rules");
    rules.authority.insert("varnholm".into(), "European Union".into());
    let claims = crate::frames::test_support::claims_with(
        &rules,
        "Former minister Jerzy Malak, who resigned in May, is now jailed.\n\nThe couple were stopped by police in Varnholm in June 2018.\n",
        crate::ClaimType::Position,
    );
    assert!(
        claims.iter().all(|c| c.field("organization") != Some("European Union")),
        "{claims:#?}"
    );
}

#[test]
fn a_relative_clause_the_parse_did_not_see_keeps_its_antecedent() {
    // The parse makes the name a vocative of "served" and "who" its subject.
    let claims = posts(
        "Piet Oranjeholl, who served as interior minister from 2016 to 2018, denied the charges.",
    );
    let c = find(&claims, "Oranjeholl", "Norvania").expect("a post");
    assert_eq!(c.field("end"), Some("2018"), "{c:#?}");
}

#[test]
fn a_post_named_by_a_state_body_alone_is_the_story_state_s() {
    let claims = posts("Piet Oranjeholl served as national police chief from 2016 to 2018.");
    let c = find(&claims, "Oranjeholl", "police").expect("a post");
    assert_eq!(c.field("organization"), Some("Norvania's national police"), "{c:#?}");
    let claims = posts(
        "Families filed a complaint against Senator Edda Lorn, who served as national police chief from 2016 to 2018.",
    );
    let c = find(&claims, "Lorn", "police").expect("a post");
    assert_eq!(c.field("end"), Some("2018"), "{c:#?}");
    let claims = posts("Edda Lorn, a former deputy intelligence chief, denied the charges.");
    let c = find(&claims, "Lorn", "intelligence").expect("a post");
    assert_eq!(c.field("organization"), Some("Norvania's intelligence"), "{c:#?}");
    // Someone else's: a possessor, or a body no state has as such.
    for text in [
        "His police chief, Piet Oranjeholl, denied it.",
        "The rebels' army chief, Piet Oranjeholl, denied it.",
        "Senior militia commander Piet Oranjeholl denied it.",
    ] {
        let claims = posts(text);
        assert!(find(&claims, "Oranjeholl", "Norvania").is_none(), "{text}: {claims:#?}");
    }
}

#[test]
fn a_post_with_an_end_is_former_and_holds_as_of_no_date() {
    let claims = posts(
        "The trial of Piet Oranjeholl, Norvania's interior minister from 2006 to 2016, opened on Monday.",
    );
    let c = find(&claims, "Oranjeholl", "Norvania").expect("a post");
    assert_eq!(c.field("end"), Some("2016"), "{c:#?}");
    assert_eq!(c.fields.get("as_of"), Some(&serde_json::Value::Null), "{c:#?}");
    assert_eq!(c.fields.get("former"), Some(&serde_json::Value::from(true)), "{c:#?}");
}

#[test]
fn the_state_an_envoy_is_sent_to_is_not_the_post_s_body() {
    let claims = posts("Edda Lorn served as Norvania's ambassador to Iran between 2010 and 2014.");
    assert!(find(&claims, "Lorn", "Norvania").is_some(), "{claims:#?}");
    assert!(find(&claims, "Lorn", "Iran").is_none(), "{claims:#?}");
}

#[test]
fn a_one_word_body_that_makes_a_post_of_one_state_is_that_state_s() {
    // "Treasury" alone names no state; "Treasury Secretary" is a post only one state has.
    let claims = posts("\"We will act,\" said Treasury Secretary Tomas Velde.");
    let c = find(&claims, "Velde", "United States").expect("a post");
    assert_eq!(c.field("organization"), Some("United States"), "{c:#?}");
}

#[test]
fn a_plural_post_before_names_is_each_one_s_post_of_the_state() {
    let claims = posts("Former ministers Piet Oranje and Edda Lorn were arrested on Tuesday.");
    for name in ["Oranje", "Lorn"] {
        let c = find(&claims, name, "Norvania").expect("a post");
        assert_eq!(c.field("role"), Some("former minister"), "{c:#?}");
    }
    // The parse may hang the second name on the post.
    let claims =
        posts("Vice-Presidents Karl Tollen and Orrin Varnel met the delegation on Tuesday.");
    assert!(find(&claims, "Tollen", "Norvania").is_some(), "{claims:#?}");
    assert!(find(&claims, "Varnel", "Norvania").is_some(), "{claims:#?}");
}

/// "X's brother, Y, is a member of parliament": the copula's subject is the relative noun;
/// the name in apposition to it holds the post.
#[test]
fn the_name_apposed_to_a_relative_holds_the_copulas_post() {
    let got = posts("Holl's brother, Piet Oranje, is a member of the Norvanian parliament.");
    assert!(find(&got, "Piet Oranje", "parliament").is_some(), "{got:#?}");
}

#[test]
fn an_apposition_after_a_later_conjunct_is_that_conjuncts() {
    let c = crate::frames::test_support::positions(
        "T\n\nNorvania held elections on Sunday.\n\nAmong those listed are Tomasz Wielgosz, the head of the Varsk city police department, and Edda Lorn, a judge of the Lornby district court who has handed down politically motivated sentences to opposition activists.",
    );
    assert!(find(&c, "Edda Lorn", "Lornby district court").is_some(), "{c:?}");
    assert!(find(&c, "Tomasz Wielgosz", "Lornby district court").is_none(), "{c:?}");
    assert!(find(&c, "Tomasz Wielgosz", "Varsk city police department").is_some(), "{c:?}");
}

#[test]
fn a_later_name_a_parse_hung_on_the_first_apposition_holds_the_apposition_after_it() {
    let text = "The designations include Tomasz Wielgosz, the party secretary of Varsk, and \
                Edda Lorn, a former deputy party secretary of the Lornby district.";
    // As another parser read it: Lorn a conjunct of "Varsk", inside Wielgosz's apposition,
    // and the second apposition on Wielgosz.
    let arcs = [
        ("Lorn", "Varsk", "conj"),
        ("Edda", "Lorn", "compound"),
        ("secretary#2", "Tomasz", "appos"),
    ];
    let c = claims_rewired(text, ClaimType::Position, &arcs);
    assert!(find(&c, "Edda Lorn", "Lornby district").is_some(), "{c:?}");
    assert!(find(&c, "Tomasz Wielgosz", "Lornby district").is_none(), "{c:?}");
}

#[test]
fn troops_named_by_their_kind_are_a_body() {
    let c = posts(
        "The Council also sanctioned Colonel Tomasz Wielgosz, deputy commander of the internal troops, who is responsible for the crackdown.",
    );
    assert!(find(&c, "Tomasz Wielgosz", "internal troops").is_some(), "{c:?}");
}

#[test]
fn a_plural_post_before_a_list_of_names_is_every_name_s_however_the_list_was_parsed() {
    let text = "The Norvanian government says that Tomasz Wielgosz, the Chief of the Border \
                Service, and Norvanian security officers Piet Oranje, Marisol Quenby and Anders \
                Grint are sanctioned.";
    let holders = |c: &[crate::Claim]| -> Vec<String> {
        let officers = c.iter().filter(|c| c.field("role") == Some("security officer"));
        officers.filter_map(|c| c.field("holder").map(str::to_string)).collect()
    };
    let built_in = claims_rewired(text, ClaimType::Position, &[]);
    // As another parser read it: the post and the first and last names conjuncts of the
    // first name of the sentence, the middle name a modifier of the first of the list.
    let reparsed = claims_rewired(
        text,
        ClaimType::Position,
        &[
            ("officers", "Tomasz", "conj"),
            ("Piet", "Tomasz", "conj"),
            ("Marisol", "Piet", "nmod:desc"),
            ("Anders", "Tomasz", "conj"),
        ],
    );
    for claims in [&built_in, &reparsed] {
        let found = holders(claims);
        for name in ["Piet Oranje", "Marisol Quenby", "Anders Grint"] {
            assert!(found.iter().any(|h| h == name), "{name}: {claims:#?}");
        }
    }
}

#[test]
fn a_second_post_the_parse_made_a_conjunct_of_the_name_is_the_names() {
    // As another parser read "X, a lawyer and former judge": the judge a conjunct of X.
    let text = "Piet Oranje, a conservative lawyer and former Supreme Court judge, was chosen to lead the party.";
    let claims = claims_rewired(
        text,
        ClaimType::Position,
        &[
            ("Piet", "chosen", "nsubj:pass"),
            ("Oranje", "Piet", "flat"),
            ("lawyer", "Piet", "appos"),
            ("judge", "Piet", "conj"),
        ],
    );
    let c = find(&claims, "Oranje", "Supreme Court").expect("the judge's post");
    assert_eq!(c.field("role"), Some("judge"), "{c:#?}");
}

#[test]
fn a_post_after_a_later_name_of_a_list_read_as_appositions_is_that_names() {
    // As another parser read "A, the chief of X, B, director of Y": B and its post both
    // apposed to A, B's surname flat on A.
    let text = "The ministry said that Tomasz Wielgosz, the chief of the Border Service, Piet Oranje, director of the Lornby Institute, are sanctioned.";
    let claims = claims_rewired(
        text,
        ClaimType::Position,
        &[
            ("Piet", "Tomasz", "appos"),
            ("Oranje", "Tomasz", "flat"),
            ("director", "Tomasz", "appos"),
        ],
    );
    assert!(find(&claims, "Piet Oranje", "Lornby Institute").is_some(), "{claims:#?}");
    assert!(find(&claims, "Tomasz Wielgosz", "Lornby Institute").is_none(), "{claims:#?}");
}

#[test]
fn a_post_the_parse_hung_on_the_age_after_a_name_is_the_names() {
    // As another parser read "X, 57, the director of Y": the post apposed to the age.
    let text =
        "The ministry also sanctioned Piet Oranje, 57, the director of the Lornby Institute.";
    let claims = claims_rewired(
        text,
        ClaimType::Position,
        &[("57", "sanctioned", "obl:unmarked"), ("director", "57", "appos")],
    );
    assert!(find(&claims, "Piet Oranje", "Lornby Institute").is_some(), "{claims:#?}");
}

#[test]
fn a_titled_or_possessive_name_after_a_posts_body_holds_no_such_post() {
    // "member of [the] President X's inner circle": X is the president, titled by a post of
    // their own and the circle's possessor, not a member of a body named "President".
    for sentence in [
        "Pavel Dunaj, who is considered to be a member of Norvanian President Anton Brask’s inner circle, left on Monday.",
        "Pavel Dunaj, who is considered to be a member of President Anton Brask’s inner circle, left on Monday.",
    ] {
        let claims = posts(sentence);
        let member = claims.iter().find(|c| {
            c.field("role") == Some("member")
                && c.field("holder").is_some_and(|h| h.contains("Brask"))
        });
        assert!(member.is_none(), "{sentence}: {claims:#?}");
    }
    // A name right after the body's own name is the post's holder.
    let claims = posts("The chief of the General Staff Tomasz Wielgosz said so.");
    assert!(find(&claims, "Wielgosz", "General Staff").is_some(), "{claims:#?}");
}

#[test]
fn a_plural_post_names_the_relative_whose_kin_noun_is_the_conjunct() {
    // "co-presidents A and his wife B" as the BiLSTM parses it: "wife" the conjunct of A,
    // B its apposition.
    let text = format!(
        "{STORY}The agency accused the government of co-presidents Anton Brask and his wife Edda Lorn of abuses."
    );
    let arcs = [
        ("Anton", "co-presidents", "appos"),
        ("Brask", "Anton", "flat"),
        ("wife", "Anton", "conj"),
        ("Edda", "wife", "appos"),
        ("Lorn", "Edda", "flat"),
    ];
    let claims = claims_rewired_in(&text, ClaimType::Position, &["Norvania"], &arcs);
    let wife = claims.iter().find(|c| c.field("holder").is_some_and(|h| h.contains("Edda Lorn")));
    assert!(wife.is_some_and(|c| c.field("role") == Some("co-president")), "{claims:#?}");
}

#[test]
fn a_name_apposed_to_the_body_a_post_is_of_holds_the_post() {
    // As the BiLSTM parsed it: the name the apposition of the body, not of the post, and
    // the body hung on the second of two conjoined posts (a surface rule finds the second
    // post; the first is the frame's).
    let text = "Also designated today is the Lornby Border Guard Bureau (LBGB), as well as the current Director and Workers Party Secretary of the LBGB, Anton Brask, and the former Party Secretary of the LBGB, Piet Oranje.";
    let claims = claims_rewired(
        text,
        ClaimType::Position,
        &[
            ("Director", "Bureau", "conj"),
            ("Secretary", "Director", "conj"),
            ("LBGB#2", "Secretary", "nmod"),
            ("Anton", "LBGB#2", "appos"),
            ("Brask", "Anton", "flat"),
        ],
    );
    assert!(
        claims.iter().any(
            |c| c.field("holder") == Some("Anton Brask") && c.field("role") == Some("director")
        ),
        "{claims:#?}"
    );
}
