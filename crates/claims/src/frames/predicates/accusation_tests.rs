//! Accusations said by someone, perpetrated crimes in the passive, accusation nouns and the
//! reasons of arrests, on invented sentences.

use super::tests::{claims, has, of};
use crate::frames::test_support::claims_rewired;
use crate::{ClaimType, Modality};

#[test]
fn a_deed_with_a_crime_in_it_said_by_someone_is_an_allegation_by_them() {
    let c = claims(
        "\"Piet Oranje has used intimidation and his ties to the palace to enrich himself,\" said Edda Lorn, a Treasury official.",
    );
    let a = of(&c, ClaimType::Allegation);
    assert!(a.iter().any(|a| a.field("accused") == Some("Piet Oranje")), "{c:?}");
    assert!(a.iter().all(|a| a.modality == Modality::Alleged), "{c:?}");
    let c = claims(
        "Kasimir Holl championed a campaign of arrests and torture of protesters, the rights group said.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Kasimir Holl"), "{c:?}");
    // Speaking of a crime is not committing it; the author's own account accuses no one.
    let c = claims("The minister said Kasimir Holl condemned the bombing of the market.");
    assert!(of(&c, ClaimType::Allegation).is_empty(), "{c:?}");
    let c = claims("Edda Lorn said Piet Oranje spoke at a conference on corruption in Varsk.");
    assert!(of(&c, ClaimType::Allegation).is_empty(), "{c:?}");
}

#[test]
fn a_crime_ordered_by_someone_accuses_the_agent() {
    let c = claims(
        "Investigators concluded that the journalist's murder was ordered by Tomasz Wielgosz.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Tomasz Wielgosz"), "{c:?}");
    let c = claims(
        "Prosecutors said the killing of the activist Marisol Quenby was ordered by Kasimir Holl.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Kasimir Holl"), "{c:?}");
    assert!(!has(&c, ClaimType::Allegation, "accused", "Marisol Quenby"), "{c:?}");
    let c = claims("The release of the prisoners was ordered by Tomasz Wielgosz in May.");
    assert!(of(&c, ClaimType::Allegation).is_empty(), "{c:?}");
}

#[test]
fn an_accusation_the_accused_denies_is_denied_by_them() {
    let c = claims("Marisol Quenby has previously denied any accusations of financial crimes.");
    let a = of(&c, ClaimType::Allegation);
    assert_eq!(a.len(), 1, "{c:?}");
    assert_eq!(a[0].field("accused"), Some("Marisol Quenby"));
    assert_eq!(a[0].modality, Modality::Denied);
    assert_eq!(a[0].attributed_to.as_deref(), Some("Marisol Quenby"));
}

#[test]
fn an_arrest_on_suspicion_of_an_act_is_an_allegation() {
    let c = claims(
        "Deputy minister Tomasz Wielgosz was detained on Tuesday on suspicion of taking bribes, the Northland Interior Ministry said.",
    );
    assert!(has(&c, ClaimType::Allegation, "act", "taking bribes"), "{c:?}");
    let c =
        claims("In 2001 Kasimir Holl was arrested in connection with the theft of state funds.");
    assert!(has(&c, ClaimType::Allegation, "accused", "Kasimir Holl"), "{c:?}");
}

#[test]
fn responsibility_for_a_crime_and_gain_from_one_are_allegations() {
    let c = claims(
        "The judges said there were grounds to believe that Tomasz Wielgosz bears responsibility for missile strikes on power plants.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Tomasz Wielgosz"), "{c:?}");
    let c = claims("Marisol Quenby financially benefited from this corruption, the ministry said.");
    assert!(has(&c, ClaimType::Allegation, "accused", "Marisol Quenby"), "{c:?}");
    // A post's duties are no guilt.
    let c = claims("Tomasz Wielgosz bears responsibility for the budget of the ministry.");
    assert!(of(&c, ClaimType::Allegation).is_empty(), "{c:?}");
    let c = claims("Marisol Quenby benefited from the reform of the pension system.");
    assert!(of(&c, ClaimType::Allegation).is_empty(), "{c:?}");
}

#[test]
fn the_act_of_an_accusation_is_found_where_the_parser_hangs_it() {
    // The act hung on the date or on the one accused.
    let c = claims(
        "The Northland Justice Ministry accused Portugal on Oct. 11 of sponsoring a plot to kill a judge.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Portugal"), "{c:?}");
    // The one accused read as the subject of the act: the accuser is not the one accused.
    let c = claims("Tomasz Wielgosz routinely accuses Norway of seeking to overthrow him.");
    assert!(has(&c, ClaimType::Allegation, "accused", "Norway"), "{c:?}");
    assert!(!has(&c, ClaimType::Allegation, "accused", "Tomasz Wielgosz"), "{c:?}");
    // No act, no allegation.
    let c = claims("Tomasz Wielgosz routinely accuses Norway.");
    assert!(of(&c, ClaimType::Allegation).is_empty(), "{c:?}");
}

#[test]
fn a_passive_accusation_the_parser_left_without_subject_names_the_one_before() {
    let c = claims(
        "During his three decades of power, Kasimir Holl ruled the country with an iron fist and was accused of sponsoring terrorism.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Kasimir Holl"), "{c:?}");
}

#[test]
fn every_name_of_a_list_that_gains_from_a_crime_is_accused() {
    let c = claims(
        "His brother Piet Oranje, former assistant Marisol Quenby and former partner Edda Lorn financially benefited from this corruption, the ministry said.",
    );
    for name in ["Piet Oranje", "Marisol Quenby", "Edda Lorn"] {
        assert!(has(&c, ClaimType::Allegation, "accused", name), "{name}: {c:?}");
    }
    // Without the reporter the parse hangs the list as appositions of appositions.
    let c = claims(
        "His brother Karl Oranje, former assistant Edda Lorn and former partner Marisol Quenby financially benefited from this corruption.",
    );
    for name in ["Karl Oranje", "Edda Lorn", "Marisol Quenby"] {
        assert!(has(&c, ClaimType::Allegation, "accused", name), "{name}: {c:?}");
    }
}

#[test]
fn a_crime_told_according_to_someone_or_found_by_a_report_is_alleged() {
    let c = claims(
        "According to the Norvanian Interior Ministry, Tomasz Wielgosz ordered the killing of three protesters in 2019.",
    );
    let a = of(&c, ClaimType::Allegation);
    assert!(a.iter().any(|x| x.field("accused") == Some("Tomasz Wielgosz")), "{c:?}");
    let c =
        claims("The report found that Marisol Quenby oversaw the torture of detainees in Varsk.");
    let a = of(&c, ClaimType::Allegation);
    assert!(a.iter().any(|x| x.field("accused") == Some("Marisol Quenby")), "{c:?}");
}

#[test]
fn a_participle_after_an_object_accuses_the_object_not_the_subject() {
    let c = claims(
        "The Norvanian Interior Ministry arrested Tomasz Wielgosz on Thursday, accused of ordering the killing of protesters.",
    );
    let a = of(&c, ClaimType::Allegation);
    assert!(a.iter().any(|x| x.field("accused") == Some("Tomasz Wielgosz")), "{c:?}");
    assert!(a.iter().all(|x| x.field("accused") != Some("Norvanian Interior Ministry")), "{c:?}");
}

#[test]
fn a_participle_right_after_an_unnamed_object_accuses_no_one_else() {
    // The parser reads this shape in many ways; none names anyone accused.
    for text in [
        "Norvania sanctioned three militia leaders accused of firing on protesters.",
        "The Norvanian ministry sanctioned leaders of militias accused of firing on protesters.",
    ] {
        let c = claims(text);
        assert!(of(&c, ClaimType::Allegation).is_empty(), "{c:?}");
    }
    let c = claims("Norvania sanctioned Kasimir Holl, accused of firing on protesters in Varsk.");
    assert!(has(&c, ClaimType::Allegation, "accused", "Kasimir Holl"), "{c:?}");
}

#[test]
fn who_conspired_with_the_accused_is_accused_too() {
    let c = claims(
        "Tomasz Wielgosz conspired for several months in the murder-for-hire plot with Kasimir Holl, Varsk prosecutor Edda Lorn said in a criminal complaint unsealed Oct. 11.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Tomasz Wielgosz"), "{c:?}");
    assert!(has(&c, ClaimType::Allegation, "accused", "Kasimir Holl"), "{c:?}");
    // A thing one does a crime with is no accomplice.
    let c = claims("Tomasz Wielgosz tortured the prisoners with electric cables, Edda Lorn said.");
    assert!(!has(&c, ClaimType::Allegation, "accused", "Edda Lorn"), "{c:?}");
}

#[test]
fn one_said_to_be_linked_to_a_crime_is_accused() {
    let c = claims("Prosecutors said Piet Oranje was linked to the killings of protesters.");
    assert!(has(&c, ClaimType::Allegation, "accused", "Piet Oranje"), "{c:?}");
    // A tie to a party is no crime; who links others to a crime accuses, not is accused.
    let c = claims("Prosecutors said Piet Oranje was linked to the ruling party.");
    assert!(of(&c, ClaimType::Allegation).is_empty(), "{c:?}");
    let c = claims("Edda Lorn said investigators linked the bombing to Kasimir Holl.");
    assert!(!has(&c, ClaimType::Allegation, "accused", "Edda Lorn"), "{c:?}");
}

#[test]
fn a_crime_verb_the_lemmatizer_cut_short_is_still_a_crime() {
    // "embezzled" may come out of the lemmatizer as "embezzl".
    let c = claims("Prosecutors say Piet Oranje embezzled $4 million from the port authority.");
    let a = of(&c, ClaimType::Allegation);
    assert!(a.iter().any(|a| a.field("accused") == Some("Piet Oranje")), "{c:#?}");
}

#[test]
fn shooting_someone_is_a_crime_a_witness_accuses_of() {
    let c = claims("Witnesses told investigators that Colonel Piet Oranje shot two students.");
    let a = of(&c, ClaimType::Allegation);
    assert!(a.iter().any(|a| a.field("accused") == Some("Piet Oranje")), "{c:#?}");
}

#[test]
fn a_crime_verb_the_parser_hung_on_said_s_object_is_the_subject_s_deed() {
    let c = claims("Teodor Mazur, the Treasury said, laundered millions for the ruling family.");
    let a = of(&c, ClaimType::Allegation);
    assert!(a.iter().any(|a| a.field("accused") == Some("Teodor Mazur")), "{c:?}");
    assert!(a.iter().all(|a| a.field("accused") != Some("Treasury")), "{c:?}");
    let c = claims(
        "Also named was Teodor Mazur, 52, who the Treasury Department said laundered money for the minister through real estate in Varnholm.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Teodor Mazur"), "{c:?}");
}

#[test]
fn a_relative_clause_said_by_an_authority_accuses_its_antecedent() {
    let c = claims(
        "Also named was Edda Lorn, 52, who the Treasury Department said acted as a front man for Piet Oranje, channeling illicit money through real estate.",
    );
    let a = of(&c, ClaimType::Allegation);
    assert!(
        a.iter().any(|a| a.field("accused") == Some("Edda Lorn")
            && a.field("accuser") == Some("Treasury Department")),
        "{c:?}"
    );
    // Another parser makes the relative pronoun the reporting verb's object.
    let text = "Also named was Edda Lorn, 52, who the Treasury Department said acted as a front man for Piet Oranje, channeling illicit money through real estate.";
    let c = claims_rewired(text, ClaimType::Allegation, &[("who", "said", "obj")]);
    assert!(c.iter().any(|a| a.field("accused") == Some("Edda Lorn")), "{c:?}");
    // No crime in the clause: no allegation.
    let c = claims(
        "Also named was Edda Lorn, 52, who the Treasury Department said acted as an adviser to Piet Oranje.",
    );
    assert!(of(&c, ClaimType::Allegation).is_empty(), "{c:?}");
}

#[test]
fn bearing_responsibility_said_by_someone_is_their_allegation() {
    // The tagger reads "bears"/"bore" as nouns; an adjective may stand before the noun.
    for text in [
        "Tomasz Wielgosz bears direct responsibility for enforced disappearances, Lornby Monitor said.",
        "Lornby Monitor said that Tomasz Wielgosz bore responsibility for enforced disappearances.",
    ] {
        let c = claims(text);
        assert!(has(&c, ClaimType::Allegation, "accused", "Tomasz Wielgosz"), "{text}: {c:?}");
        assert!(has(&c, ClaimType::Allegation, "accuser", "Lornby Monitor"), "{text}: {c:?}");
    }
}

#[test]
fn directing_arbitrary_detention_is_an_allegation() {
    let c = claims(
        "Edda Lorn, a deputy police chief, directed the arbitrary detention of journalists.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Edda Lorn"), "{c:?}");
}

#[test]
fn a_name_apposed_to_a_post_the_parser_hangs_on_the_verb_is_the_accused() {
    let c = claims(
        "The group accused Vreeke's chief of staff, Tomasz Wielgosz, of covering up the attacks.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Tomasz Wielgosz"), "{c:?}");
    assert!(!has(&c, ClaimType::Allegation, "accused", "Vreeke"), "{c:?}");
}

/// "accused his deputy, Colonel X Y, of ...": the name the parser hangs on the verb after
/// the post's comma is the one accused, though its rank and given name hang on its family
/// name rather than on the word the parser made the phrase's head.
#[test]
fn the_name_after_a_post_and_its_comma_is_accused_whatever_its_rank_hangs_on() {
    let c = claims(
        "Former detainees also accused his deputy, Colonel Anselm Vreeke, of ordering the killing of two prisoners in 2021.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Anselm Vreeke"), "{c:?}");
}

/// "blamed the head of the police's investigations unit, Deputy Inspector General X, for
/// the abuse": the parser hangs the name on the post's "of" phrase, headed by the title's
/// last word; the name apposed to the post is the one blamed.
#[test]
fn the_name_apposed_to_a_post_with_an_of_phrase_is_the_one_blamed() {
    let c = claims(
        "The rights group blamed the head of the police's criminal investigations unit, \
         Deputy Inspector General Kasimir Holl, for the abuse.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Kasimir Holl"), "{c:?}");
}

#[test]
fn a_rank_read_as_the_complement_leaves_the_name_accused() {
    let c = claims(
        "Varsk International on Thursday accused Major General Tomasz Varskrahim, the commander of the Rapid Border Forces in West Lornby, of ordering attacks on camps for displaced people that killed at least 300 civilians.",
    );
    let a = of(&c, ClaimType::Allegation);
    assert!(a.iter().any(|a| a.field("accused") == Some("Tomasz Varskrahim")), "{c:?}");
    assert!(a.iter().all(|a| a.field("accused") != Some("Varsk International")), "{c:?}");
}

#[test]
fn liable_as_a_perpetrator_for_a_crime_hung_on_the_as_phrase_accuses() {
    // The parse may hang the crime on the "as" phrase instead of on "liable".
    let text = "Prosecutors said Mr. Oranje is criminally liable as an indirect co-perpetrator for killings of protesters.";
    let c = claims_rewired(text, ClaimType::Allegation, &[("killings", "co-perpetrator", "nmod")]);
    assert!(
        c.iter()
            .any(|a| a.field("accused") == Some("Oranje")
                && a.field("accuser") == Some("Prosecutors")),
        "{c:?}"
    );
}

#[test]
fn a_clause_whose_subject_the_parse_gave_the_reporting_verb_accuses_that_subject() {
    // As another parser read it: the name a second subject of "said", before the clause.
    let text = "Edda Lorn, a resident of Lornby, conspired for several months in the murder plot with Tomasz Wielgosz, prosecutor Piet Oranje said.";
    let c = claims_rewired(
        text,
        ClaimType::Allegation,
        &[
            ("Lorn", "said", "nsubj"),
            ("conspired", "said", "ccomp"),
            ("Piet", "said", "nsubj"),
            ("Oranje", "Piet", "flat"),
        ],
    );
    for name in ["Edda Lorn", "Tomasz Wielgosz"] {
        assert!(
            c.iter()
                .any(|a| a.field("accused") == Some(name)
                    && a.field("accuser") == Some("Piet Oranje")),
            "{name}: {c:?}"
        );
    }
}

#[test]
fn a_clause_beside_a_passive_accusation_is_no_accusation_by_its_subject() {
    // As the BiLSTM parsed it: the second clause a parataxis of "accused", the participle
    // an adverbial clause of "imposed" (the sanction's reason).
    let text = "The intelligence chief is accused of torturing civilians; in 2011, the Treasury imposed sanctions on Anton Brask holding him responsible for scores of abuses.";
    let c = claims_rewired(
        text,
        ClaimType::Allegation,
        &[
            ("imposed", "accused", "parataxis"),
            ("Anton", "sanctions", "nmod"),
            ("holding", "imposed", "advcl"),
        ],
    );
    assert!(c.iter().all(|a| a.field("accused") != Some("Treasury")), "{c:?}");
}

#[test]
fn a_resignation_said_by_a_spokesman_accuses_no_one() {
    // The crime is another's deed (a judge's order in a fraud case) or the circumstance of
    // resigning, not the resigning one's. As the BiLSTM parsed them: the resigning a
    // complement of "said", the judge's clause an adverbial clause of "submitted".
    let text = "Spokesman Piet Oranje said Anton Brask submitted his resignation at midnight after a judge issued an order to detain him in the customs fraud case.";
    let arcs = [
        ("submitted", "said", "ccomp"),
        ("Anton", "submitted", "nsubj"),
        ("issued", "submitted", "advcl"),
        ("judge", "issued", "nsubj"),
    ];
    let c = claims_rewired(text, ClaimType::Allegation, &arcs);
    assert!(c.is_empty(), "{c:?}");
    let text = "President Anton Brask has resigned in the face of a corruption scandal that has brought his government to the brink, a spokesman said early Thursday.";
    let arcs =
        [("said", "said", "root"), ("resigned", "said", "ccomp"), ("spokesman", "said", "nsubj")];
    let c = claims_rewired(text, ClaimType::Allegation, &arcs);
    assert!(c.is_empty(), "{c:?}");
    // A deed of the one who resigned is still theirs.
    let text = "Spokesman Piet Oranje said Anton Brask ordered the killings before he resigned.";
    assert!(has(&claims(text), ClaimType::Allegation, "accused", "Anton Brask"));
}
