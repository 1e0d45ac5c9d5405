//! People frames on invented sentences, read by the real reader.

use crate::frames::test_support::{claims, claims_rewired};
use crate::{Claim, ClaimType};

fn has(claims: &[Claim], field: &str, name: &str, key: Option<&str>) -> bool {
    claims.iter().any(|c| {
        c.field(field).is_some_and(|p| p.contains(name))
            && key.is_none_or(|k| c.field("key") == Some(k))
    })
}

#[test]
fn a_demonym_on_a_noun_for_the_person_is_a_nationality() {
    let found = claims(
        "Tomasz Wielgosz, a 58-year-old Norwegian retired customs officer, was freed on Monday.",
        ClaimType::Attribute,
    );
    assert!(has(&found, "person", "Wielgosz", Some("nationality")), "{found:?}");
}

#[test]
fn a_demonym_on_an_office_is_not_a_nationality() {
    let found = claims(
        "The Norwegian interior minister Tomasz Wielgosz met reporters in the capital.",
        ClaimType::Attribute,
    );
    assert!(!has(&found, "person", "Wielgosz", Some("nationality")), "{found:?}");
}

#[test]
fn a_counted_group_gives_its_nationality_to_the_list_that_names_it() {
    let found = claims(
        "The ministry on Tuesday blacklisted three Norwegian nationals over the smuggling ring. \
         The ministry named Tomasz Wielgosz, Marisol Quenby and Pavel Dunaj as its leaders.",
        ClaimType::Attribute,
    );
    for name in ["Wielgosz", "Quenby", "Dunaj"] {
        assert!(has(&found, "person", name, Some("nationality")), "{name}: {found:?}");
    }
}

#[test]
fn a_list_longer_than_the_count_is_not_the_group() {
    let found = claims(
        "Two Norwegian nationals were blacklisted on Tuesday. \
         Tomasz Wielgosz, Marisol Quenby and Pavel Dunaj welcomed the decision.",
        ClaimType::Attribute,
    );
    assert!(!has(&found, "person", "Quenby", Some("nationality")), "{found:?}");
}

#[test]
fn an_age_said_with_years_old() {
    let found =
        claims("Marisol Quenby addressed the court. She is 61 years old.", ClaimType::Attribute);
    assert!(has(&found, "person", "Quenby", Some("age")), "{found:?}");
}

#[test]
fn a_harm_conjoined_to_another_predicate_keeps_its_subject() {
    let found = claims(
        "Officials claimed that Pavel Dunaj had been captured or badly wounded in the raid.",
        ClaimType::Health,
    );
    assert!(has(&found, "person", "Dunaj", None), "{found:?}");
}

#[test]
fn medical_problems_and_a_stated_condition_are_health() {
    let found =
        claims("His lawyer said Pavel Dunaj has serious heart problems.", ClaimType::Health);
    assert!(has(&found, "person", "Dunaj", None), "{found:?}");
    let found = claims(
        "Marisol Quenby was released late on Friday. Her family said she is in stable condition.",
        ClaimType::Health,
    );
    assert!(has(&found, "person", "Quenby", None), "{found:?}");
}

#[test]
fn an_adjective_of_health_said_of_a_person_is_a_health_claim() {
    let c = claims("Piet Oranje was left critically ill after the attack.", ClaimType::Health);
    assert!(has(&c, "condition", "critically ill", None), "{c:#?}");
    let c = claims(
        "The judges delayed the hearing to see whether Kasimir Holl is well enough to attend.",
        ClaimType::Health,
    );
    assert!(has(&c, "person", "Holl", None), "{c:#?}");
    let c = claims(
        "Piet Oranje and his wife Edda were left seriously ill after eating in Varsk.",
        ClaimType::Health,
    );
    assert!(has(&c, "condition", "seriously ill", None), "{c:#?}");
    // Parsed loosely (a sentence cut off, "he" hung on "whether"): the words still say who.
    let c = claims(
        "The tribunal earlier this month postponed a hearing on the charges against Mr. Kasimir \
         Holl, initially scheduled for Sept. 23, to determine whether he is well enough to",
        ClaimType::Health,
    );
    assert!(has(&c, "person", "Holl", None), "{c:#?}");
    // Describing someone ill, or being well aware, is no statement of health.
    let c = claims("Edda Lorn visited the ill children in Varsk.", ClaimType::Health);
    assert!(c.is_empty(), "{c:#?}");
    let c = claims("Edda Lorn is well aware of the risks.", ClaimType::Health);
    assert!(c.is_empty(), "{c:#?}");
}

#[test]
fn a_plural_kin_word_over_a_list_ties_each_pair() {
    let found = claims(
        "The ministry blacklisted the Wielgosz brothers, Tomasz Wielgosz and Pavel Wielgosz, on Friday.",
        ClaimType::Relation,
    );
    assert!(
        found.iter().any(|c| c.field("kind") == Some("brother")
            && has(std::slice::from_ref(c), "person", "Wielgosz", None)),
        "{found:?}"
    );
}

#[test]
fn a_possessive_kin_apposition_names_the_relative() {
    let found = claims(
        "Tomasz Wielgosz spoke first. Later, his daughter, Marisol Wielgosz, read a statement.",
        ClaimType::Relation,
    );
    assert!(
        found.iter().any(|c| c.field("person") == Some("Marisol Wielgosz")
            && c.field("other") == Some("Tomasz Wielgosz")
            && c.field("kind") == Some("daughter")),
        "{found:?}"
    );
}

#[test]
fn a_plural_kin_word_before_another_list_ties_no_one() {
    let found = claims(
        "The order freezes any assets the Wielgosz brothers, Marisol Quenby and Pavel Dunaj may hold.",
        ClaimType::Relation,
    );
    assert!(!has(&found, "person", "Quenby", None), "{found:?}");
}

#[test]
fn an_aged_apposition_with_a_demonym_gives_the_nationality() {
    let c = claims(
        "Hamid Wielgosz, a 63-year-old Norwegian former prisons official serving a life sentence abroad, landed at the airport.",
        ClaimType::Attribute,
    );
    assert!(has(&c, "person", "Wielgosz", Some("nationality")), "{c:#?}");
}

#[test]
fn a_malady_suffered_or_diagnosed_is_a_health_claim() {
    let c = claims("Tomasz Wielgosz suffered a stroke in 2019.", ClaimType::Health);
    assert!(has(&c, "person", "Wielgosz", None), "{c:#?}");
    assert_eq!(c[0].field("date"), Some("2019"));
    let c = claims("Tomasz Wielgosz was diagnosed with cancer in 2020.", ClaimType::Health);
    assert!(has(&c, "person", "Wielgosz", None), "{c:#?}");
    let c = claims(
        "Tomasz Wielgosz is in poor health and rarely appears in public.",
        ClaimType::Health,
    );
    assert!(has(&c, "condition", "poor health", None), "{c:#?}");
    // A defeat is no malady.
    let c = claims("Tomasz Wielgosz suffered a heavy defeat in the election.", ClaimType::Health);
    assert!(c.is_empty(), "{c:#?}");
}

#[test]
fn a_kin_word_before_a_name_ties_it_to_the_possessor() {
    let found = claims(
        "Pavel Dunaj was groomed for years by his iron-fisted father Tomasz Dunaj, and his rise is complete.",
        ClaimType::Relation,
    );
    let c = found.iter().find(|c| c.field("person") == Some("Tomasz Dunaj")).expect("{found:?}");
    assert_eq!(c.field("kind"), Some("father"));
    assert_eq!(c.field("other"), Some("Pavel Dunaj"));
}

#[test]
fn a_singer_with_a_demonym_has_that_nationality() {
    let found = claims(
        "He was seen with the Beirut-based Norwegian singer Tomasz Wielgosz, who visited the city.",
        ClaimType::Attribute,
    );
    assert!(has(&found, "person", "Wielgosz", Some("nationality")), "{found:?}");
}

#[test]
fn one_taken_to_hospital_or_dead_of_a_malady_is_a_health_claim() {
    let c = claims("Tomasz Wielgosz was rushed to a local hospital in Varsk.", ClaimType::Health);
    assert!(has(&c, "person", "Wielgosz", None), "{c:#?}");
    let c = claims("Edda Lorn remains in hospital after the crash.", ClaimType::Health);
    assert!(has(&c, "person", "Lorn", None), "{c:#?}");
    let c = claims("His lawyer said Kasimir Holl died of a heart attack.", ClaimType::Health);
    assert!(has(&c, "condition", "heart attack", None), "{c:#?}");
    let c = claims("Piet Oranje had been treated for his injuries in Brenning.", ClaimType::Health);
    assert!(has(&c, "person", "Oranje", None), "{c:#?}");
    // Who takes someone there, or visits them, is not the patient.
    let c = claims("Marisol Quenby took her mother to the hospital on Monday.", ClaimType::Health);
    assert!(c.is_empty(), "{c:#?}");
    let c = claims("Marisol Quenby visited the wounded in hospital.", ClaimType::Health);
    assert!(!has(&c, "person", "Quenby", None), "{c:#?}");
}

/// Whether a relation ties the two names (either way round) with the given kind.
fn ties(found: &[Claim], a: &str, b: &str, kind: &str) -> bool {
    found.iter().any(|c| {
        let (p, o) = (c.field("person").unwrap_or(""), c.field("other").unwrap_or(""));
        ((p.contains(a) && o.contains(b)) || (p.contains(b) && o.contains(a)))
            && c.field("kind") == Some(kind)
    })
}

#[test]
fn the_common_shapes_of_a_family_tie_are_relations() {
    for (text, a, b, kind) in [
        (
            "Varsk's army chief Tomasz Wielgosz's brother-in-law Kasimir Holl was arrested.",
            "Holl",
            "Wielgosz",
            "brother-in-law",
        ),
        (
            "Kasimir Holl, the son of Tomasz Wielgosz, was arrested on Monday.",
            "Holl",
            "Wielgosz",
            "son",
        ),
        (
            "Tomasz Wielgosz and his wife Marisol Quenby were sanctioned on Monday.",
            "Quenby",
            "Wielgosz",
            "spouse",
        ),
        (
            "Edda Lorn, a nephew of Tomasz Wielgosz, runs the company.",
            "Lorn",
            "Wielgosz",
            "relative",
        ),
        (
            "The court heard that Tomasz Wielgosz's cousin, Piet Oranje, ran the firm.",
            "Oranje",
            "Wielgosz",
            "cousin",
        ),
        (
            "Marisol Quenby, who is married to Tomasz Wielgosz, was sanctioned too.",
            "Quenby",
            "Wielgosz",
            "spouse",
        ),
        (
            "As a cousin of President Tomasz Wielgosz, Piet Oranje ran the largest bank.",
            "Oranje",
            "Wielgosz",
            "cousin",
        ),
        (
            "Marisol Quenby, the widow of former president Tomasz Wielgosz, spoke on Monday.",
            "Quenby",
            "Wielgosz",
            "spouse",
        ),
    ] {
        let found = claims(text, ClaimType::Relation);
        assert!(ties(&found, a, b, kind), "{text}: {found:#?}");
    }
}

#[test]
fn the_common_shapes_of_a_death_report() {
    for (text, who) in [
        ("Piet Oranje, who died in 2019, had run the agency for a decade.", "Piet Oranje"),
        (
            "After the arrest, the elderly Kasimir Holl (who died in 2010) led the movement.",
            "Kasimir Holl",
        ),
        ("Tomasz Wielgosz was killed by gunmen in Varnholm in March 2011.", "Tomasz Wielgosz"),
        ("Marisol Quenby was found dead in her cell on Monday.", "Marisol Quenby"),
        ("Among those killed were the activists Edda Lorn and Piet Oranje.", "Edda Lorn"),
        (
            "Rebel fighters captured and killed Kasimir Holl in his hometown in October 2011.",
            "Kasimir Holl",
        ),
    ] {
        let found = claims(text, ClaimType::DeathReport);
        assert!(has(&found, "person", who, None), "{text}: {found:#?}");
    }
}

#[test]
fn a_definite_age_without_a_name_is_the_story_s_person() {
    let text = "Marisol Quenby was arrested in Varnholm on Monday. \
        Quenby had been living under a false name. \
        The tribunal has charged the 71-year-old with fraud.";
    let found = claims(text, ClaimType::Attribute);
    let age = found.iter().find(|c| c.field("key") == Some("age")).expect("an age");
    assert!(age.field("person").is_some_and(|p| p.contains("Quenby")), "{found:?}");
    assert_eq!(age.field("value"), Some("71"));
    // "a 58-year-old man" is someone else.
    let other = claims(
        "Marisol Quenby was arrested on Monday. Quenby denied it. A 58-year-old man was also held.",
        ClaimType::Attribute,
    );
    assert!(!other.iter().any(|c| c.field("key") == Some("age")), "{other:?}");
}

#[test]
fn a_father_named_inside_his_son_s_full_name_is_another_person() {
    // An Arabic full name carries the father's name in its middle: the kin noun names two
    // people, so the father is the name as written, not his son again.
    let found = claims(
        "Sayyid Abd-al-Varn Kesh-al-Dor al-Oranje is the leader of the Varsk movement. \
         Abd-al-Varn's father, Kesh-al-Dor, was a cleric and scholar.",
        ClaimType::Relation,
    );
    assert!(
        found.iter().any(|c| c.field("person") == Some("Kesh-al-Dor")
            && c.field("other").is_some_and(|o| o.ends_with("al-Oranje"))),
        "{found:?}"
    );
    // The surname of the pronoun's own person is not another person.
    let found = claims("Piet Oranje arrived with his brother Oranje.", ClaimType::Relation);
    assert!(found.is_empty(), "{found:?}");
}

#[test]
fn the_post_of_the_one_person_titled_so_names_whose_relative() {
    let text = "President Tomasz Wielgosz faces questions over his family's wealth. Marisol \
                Quenby, the president's wife, controls a dairy company. Pavel Dunaj, a cousin \
                of the president, fled the country.";
    let found = claims(text, ClaimType::Relation);
    let tie = |person: &str, kind: &str| {
        found.iter().any(|c| {
            c.field("person") == Some(person)
                && c.field("other") == Some("Tomasz Wielgosz")
                && c.field("kind") == Some(kind)
        })
    };
    assert!(tie("Marisol Quenby", "spouse") && tie("Pavel Dunaj", "cousin"), "{found:#?}");
    // Two presidents: "the president" is either.
    let text = "President Tomasz Wielgosz met President Edda Lorn. Marisol Quenby, the \
                president's wife, spoke.";
    let found = claims(text, ClaimType::Relation);
    assert!(found.is_empty(), "{found:#?}");
}

#[test]
fn undergoing_surgery_is_a_health_statement_even_where_the_verb_is_misread() {
    // The tagger reads "underwent" as an adjective of "surgery" here.
    for (text, who, condition) in [
        ("Edda Lorn underwent surgery in Varsk last week.", "Edda Lorn", "underwent surgery"),
        (
            "The minister, Edda Lorn, underwent heart surgery in March.",
            "Edda Lorn",
            "underwent heart surgery",
        ),
        ("Piet Oranje underwent an operation on Monday.", "Piet Oranje", "underwent operation"),
    ] {
        let found = claims(text, ClaimType::Health);
        assert!(
            found
                .iter()
                .any(|c| c.field("person") == Some(who) && c.field("condition") == Some(condition)),
            "{text}: {found:?}"
        );
    }
}

#[test]
fn the_names_after_a_plural_kin_word_are_read_off_the_words() {
    // As another parser read "the Wielgosz brothers, Tomasz and Marek": both names
    // conjuncts of "brothers".
    let text = "Norvania announced sanctions on the Wielgosz brothers, Tomasz and Marek, and two state officials over abuses.";
    let c = claims_rewired(
        text,
        ClaimType::Relation,
        &[("Tomasz", "brothers", "conj"), ("Marek", "brothers", "conj")],
    );
    assert!(
        c.iter().any(|c| c.field("kind") == Some("brother")
            && c.field("person").is_some_and(|p| p.contains("Tomasz"))
            && c.field("other").is_some_and(|o| o.contains("Marek"))),
        "{c:?}"
    );
}

#[test]
fn every_conjunct_of_an_unwell_subject_is_unwell() {
    // As another parser read it (rightly): "daughter" a conjunct of the name, "Edda" apposed
    // to it.
    let text = "Piet Oranje and his daughter Edda were left critically ill after the attack.";
    let c = claims_rewired(
        text,
        ClaimType::Health,
        &[
            ("Piet", "left", "nsubj:pass"),
            ("Oranje", "Piet", "flat"),
            ("daughter", "Piet", "conj"),
            ("Edda", "daughter", "appos"),
        ],
    );
    for name in ["Piet Oranje", "Edda"] {
        assert!(has(&c, "person", name, None), "{name}: {c:#?}");
    }
    // The same with the name's last word its head.
    let c = claims_rewired(
        text,
        ClaimType::Health,
        &[
            ("Oranje", "left", "nsubj:pass"),
            ("Piet", "Oranje", "compound"),
            ("daughter", "Oranje", "conj"),
            ("Edda", "daughter", "appos"),
        ],
    );
    for name in ["Piet Oranje", "Edda"] {
        assert!(has(&c, "person", name, None), "{name}: {c:#?}");
    }
}
