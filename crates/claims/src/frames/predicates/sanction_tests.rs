//! Sanctions told as long lists of people: invented sentences in the shapes news and
//! government releases use.

use super::tests::{claims, claims_in, has, of};
use crate::ClaimType;
use crate::frames::test_support::{claims_reparsed, claims_rewired};

/// The sanctions of a text whose issuer is an invented state.
fn targets(text: &str, names: &[&str], authority: &str) {
    let c = claims_in(text, &[authority]);
    for name in names {
        let s = of(&c, ClaimType::Sanction);
        let s = s.iter().find(|s| s.field("target") == Some(*name));
        let s = s.unwrap_or_else(|| panic!("{name}: {c:?}"));
        assert_eq!(s.field("authority"), Some(authority), "{name}: {s:?}");
    }
}

#[test]
fn a_copular_list_of_the_sanctioned_with_relative_clauses() {
    targets(
        "Velmora sanctioned six officers on Friday. The four others slapped with sanctions \
         are General Tomasz Wielgosz who was appointed Minister of Defense, Admiral Orrin \
         Dalewick who was appointed Minister for Transport, and Lieutenant General Kasimir \
         Holl who was appointed Secretary of the Council.",
        &["Tomasz Wielgosz", "Orrin Dalewick", "Kasimir Holl"],
        "Velmora",
    );
}

#[test]
fn a_passive_sanction_of_a_long_list_with_appositions() {
    targets(
        "The Velmora government says that Tomasz Wielgosz, the Chief of the Border Service for \
         the Protection of the Coast, Orrin Dalewick, Director of the Forensic Institute, \
         Kasimir Holl and Edda Lorn, operatives of the Forensic Institute, and police \
         officers Piet Oranje and Marisol Quenby are sanctioned, along with Anders Grint, \
         who is the former director of the Northland Institute.",
        &[
            "Tomasz Wielgosz",
            "Orrin Dalewick",
            "Kasimir Holl",
            "Edda Lorn",
            "Piet Oranje",
            "Marisol Quenby",
            "Anders Grint",
        ],
        "Velmora",
    );
}

#[test]
fn an_inverted_designation_with_titles_and_semicolons() {
    targets(
        "Velmora sanctioned five officials. Also designated today is the Varsk Border \
         Police, as well as the current Director and Party Secretary of the police, Tomasz \
         Wielgosz, and the former Party Secretary of the police, Orrin Dalewick.",
        &["Tomasz Wielgosz", "Orrin Dalewick"],
        "Velmora",
    );
}

#[test]
fn also_named_in_the_announcement_continues_a_sanction() {
    targets(
        "The Velmora government imposed sanctions on Tomasz Wielgosz. Also named in the \
         announcement was Orrin Dalewick, 52, who acted as a front man for Wielgosz.",
        &["Tomasz Wielgosz", "Orrin Dalewick"],
        "Velmora",
    );
    // Far from any sanction, the same shape is none.
    let c = claims("Also named in the report was Orrin Dalewick, a local judge.");
    assert!(of(&c, ClaimType::Sanction).is_empty(), "{c:?}");
}

#[test]
fn named_to_a_blacklist_with_a_title_before_the_names() {
    let c = claims(
        "The Treasury named lawmakers Tomasz Wielgosz and Orrin Dalewick to a \
         terror-related blacklist on Tuesday.",
    );
    for name in ["Tomasz Wielgosz", "Orrin Dalewick"] {
        assert!(has(&c, ClaimType::Sanction, "target", name), "{name}: {c:?}");
    }
}

#[test]
fn a_list_that_ends_in_a_reason_takes_no_one_from_the_reason() {
    let c = claims_in(
        "Velmora sanctioned Tomasz Wielgosz, a businessman, for supporting Orrin Dalewick, \
         Kasimir Holl and their militia.",
        &["Velmora"],
    );
    assert!(has(&c, ClaimType::Sanction, "target", "Tomasz Wielgosz"), "{c:?}");
    for name in ["Orrin Dalewick", "Kasimir Holl"] {
        assert!(!has(&c, ClaimType::Sanction, "target", name), "{name}: {c:?}");
    }
}

#[test]
fn a_dashed_list_of_ranks_and_names_after_a_colon() {
    targets(
        "Velmora has imposed sanctions on six prison officials.\n\nThose hit by the sanctions \
         include:\n\n- Colonel Tomasz Wielgosz is the head of the Northern colony.\n\n\
         - Lieutenant Colonel Orrin Dalewick - Deputy Chief.\n\n- Major Kasimir Holl - \
         Deputy Chief.\n\nThe measures take effect at once.",
        &["Tomasz Wielgosz", "Orrin Dalewick", "Kasimir Holl"],
        "Velmora",
    );
}

#[test]
fn a_body_in_a_targets_apposition_is_no_target() {
    let c = claims(
        "Velmora sanctioned two officials. These designations include Tomasz Wielgosz, the \
         Party Secretary of the Northland Assembly, and Orrin Dalewick, a former deputy.",
    );
    for name in ["Tomasz Wielgosz", "Orrin Dalewick"] {
        assert!(has(&c, ClaimType::Sanction, "target", name), "{name}: {c:?}");
    }
    assert!(!has(&c, ClaimType::Sanction, "target", "Northland Assembly"), "{c:?}");
}

#[test]
fn a_headline_name_of_no_known_kind_is_no_authority() {
    let c = claims(
        "Wielgosz imposes sanctions against the clan of Orrin Dalewick\n\nThe Velmora \
         government on Friday imposed sanctions on Orrin Dalewick.",
    );
    let s = of(&c, ClaimType::Sanction);
    assert!(!s.is_empty(), "{c:?}");
    assert!(s.iter().all(|s| s.field("authority") != Some("Wielgosz")), "{c:?}");
}

#[test]
fn a_person_or_a_city_is_no_issuer_of_a_sanction() {
    // A leader's surname as the subject of a headline, known as a leader from "the Wielgosz
    // administration": the text never says whose; no sanction by a person.
    let c = claims(
        "Wielgosz imposes sanctions against the clan of Orrin Dalewick\n\nThe Wielgosz \
         administration on Friday named Orrin Dalewick.",
    );
    assert!(of(&c, ClaimType::Sanction).iter().all(|s| s.field("authority") != Some("Wielgosz")));
    // A person named as the one who sanctions is no authority.
    let c = claims("Tomasz Wielgosz sanctioned Orrin Dalewick and Kasimir Holl on Friday.");
    assert!(of(&c, ClaimType::Sanction).iter().all(|s| s.field("authority").is_none()), "{c:?}");
    // A place no state, the city of a state the text names, issues nothing itself; a state
    // does.
    let c = claims_in("Varsk sanctioned Orrin Dalewick on Friday.", &["Norvania"]);
    assert!(of(&c, ClaimType::Sanction).iter().all(|s| s.field("authority").is_none()), "{c:?}");
    let c = claims_in("Norvania sanctioned Orrin Dalewick on Friday.", &["Norvania"]);
    assert!(has(&c, ClaimType::Sanction, "authority", "Norvania"), "{c:?}");
}

#[test]
fn bodies_apposed_to_a_noun_that_counts_bodies_are_targets() {
    targets(
        "Velmora sanctioned two generals. In addition, three Norvanian entities, Varsk Amber \
         Enterprise, Varsk Imperial Jade Co and Brenning (Gems and Pearls), are being slapped \
         with sanctions by Velmora.",
        &["Varsk Amber Enterprise", "Varsk Imperial Jade Co", "Brenning (Gems and Pearls)"],
        "Velmora",
    );
}

#[test]
fn an_issuer_cut_off_by_the_end_of_the_text_is_none() {
    // The English rules and the frames: "wanted by" is a pattern's.
    let c = crate::frames::test_support::claims(
        "The International Criminal Court issued a warrant for Tomasz Wielgosz in 2019. \
         He was wanted by the Varsk-based Internat",
        ClaimType::Warrant,
    );
    assert!(c.iter().all(|w| !w.field("authority").unwrap_or("").contains("Internat ")));
    assert!(c.iter().all(|w| !w.field("authority").unwrap_or("").ends_with("Internat")), "{c:?}");
}

#[test]
fn a_name_after_a_preposition_is_no_second_item_of_a_list() {
    let c = claims_in(
        "Velmora designated Tomasz Wielgosz under the Coastal Accountability Act on Friday.",
        &["Velmora"],
    );
    let targets: Vec<_> =
        of(&c, ClaimType::Sanction).iter().filter_map(|s| s.field("target")).collect();
    assert_eq!(targets, ["Tomasz Wielgosz"], "{c:?}");
}

#[test]
fn sanctions_announced_by_a_list_of_states_after_a_time_word() {
    // "Today" read as the subject, the states as its apposition: each state sanctions.
    let c = claims(
        "Today, the UK, US and Canada have announced coordinated sanctions against Edda Lorn, \
         Kenya's former finance minister.",
    );
    for state in ["United Kingdom", "United States", "Canada"] {
        assert!(
            of(&c, ClaimType::Sanction)
                .iter()
                .any(|s| s.field("target") == Some("Edda Lorn")
                    && s.field("authority") == Some(state)),
            "{state}: {c:?}"
        );
    }
}

#[test]
fn placed_on_a_list_that_names_its_authority() {
    // A list whose name says whose it is: that authority, not the one named before.
    let c = claims(
        "The EU sanctioned Tomasz Wielgosz on Monday. Edda Lorn was placed on the Specially \
         Designated Nationals list in 2019.",
    );
    let s = of(&c, ClaimType::Sanction);
    let lorn = s
        .iter()
        .find(|s| s.field("target") == Some("Edda Lorn"))
        .unwrap_or_else(|| panic!("{c:?}"));
    assert_eq!(lorn.field("authority"), Some("United States"), "{lorn:?}");
    let wielgosz = s
        .iter()
        .find(|s| s.field("target") == Some("Tomasz Wielgosz"))
        .unwrap_or_else(|| panic!("{c:?}"));
    assert_eq!(wielgosz.field("authority"), Some("European Union"));
}

#[test]
fn a_group_handed_asset_freezes_is_the_people_named_before() {
    targets(
        "Velmora announced sanctions against Piet Oranje on Friday. His brother Karl Oranje, \
         former assistant Edda Lorn and former partner Marisol Quenby benefited from this \
         corruption. All four individuals have been handed travel bans and asset freezes.",
        &["Karl Oranje", "Edda Lorn", "Marisol Quenby"],
        "Velmora",
    );
}

#[test]
fn a_group_sanctioned_without_a_state_is_each_joint_sanctioner_s() {
    let c = claims_in(
        "Velmora, Ostria and Carpania have announced coordinated sanctions against Piet Oranje \
         today. His brother Karl Oranje, former assistant Edda Lorn and former partner Marisol \
         Quenby benefited from this corruption. All four individuals have been handed travel \
         bans and asset freezes.",
        &["Velmora", "Ostria", "Carpania"],
    );
    let s = of(&c, ClaimType::Sanction);
    for state in ["Velmora", "Ostria", "Carpania"] {
        assert!(
            s.iter()
                .any(|s| s.field("target") == Some("Edda Lorn")
                    && s.field("authority") == Some(state)),
            "{state}: {s:#?}"
        );
    }
    // A sentence that names its own state keeps it alone.
    let c = claims_in(
        "Velmora and Ostria have announced coordinated sanctions against Piet Oranje today. \
         Velmora also sanctioned Edda Lorn.",
        &["Velmora", "Ostria"],
    );
    let s = of(&c, ClaimType::Sanction);
    assert!(
        !s.iter()
            .any(|s| s.field("target") == Some("Edda Lorn")
                && s.field("authority") == Some("Ostria")),
        "{s:#?}"
    );
}

#[test]
fn a_travel_ban_or_visa_restrictions_imposed_are_a_sanction_and_lifted_are_none() {
    let c = claims("Canada imposed a travel ban on Marisol Quenby in March.");
    assert!(has(&c, ClaimType::Sanction, "target", "Marisol Quenby"), "{c:?}");
    let c = claims("The United States imposed visa restrictions on Tomasz Wielgosz on Tuesday.");
    assert!(has(&c, ClaimType::Sanction, "target", "Tomasz Wielgosz"), "{c:?}");
    // The verb that governs the ban is read by the cues: "lifted" cancels it.
    let c = claims("The government lifted the travel ban on Kasimir Holl last week.");
    assert!(of(&c, ClaimType::Sanction).is_empty(), "{c:?}");
}

#[test]
fn placed_under_sanctions_or_among_those_hit_with_them_is_a_sanction() {
    for (text, authority) in [
        (
            "Kasimir Holl was placed under sanctions by the United Kingdom in 2022.",
            "United Kingdom",
        ),
        ("The United Kingdom put Kasimir Holl under sanctions in 2022.", "United Kingdom"),
        (
            "Kasimir Holl was among 14 officers placed under sanctions by the United Kingdom in 2022.",
            "United Kingdom",
        ),
        ("Kasimir Holl was among the officials hit with sanctions by Canada in 2021.", "Canada"),
    ] {
        let c = claims(text);
        let s = of(&c, ClaimType::Sanction);
        assert!(s.iter().any(|s| s.field("target") == Some("Kasimir Holl")), "{text}: {c:?}");
        assert!(s.iter().all(|s| s.field("authority") == Some(authority)), "{text}: {c:?}");
    }
    // As the BiLSTM parses it: "hit" a clause of the officials, its "by" phrase a plain
    // oblique.
    let text = "Kasimir Holl was among the officials hit with sanctions by Canada in 2021.";
    let arcs = [
        ("officials", "", "root"),
        ("Holl", "officials", "nsubj"),
        ("hit", "officials", "acl"),
        ("Canada", "hit", "obl"),
    ];
    let s = claims_rewired(text, ClaimType::Sanction, &arcs);
    assert!(s.iter().any(|s| s.field("authority") == Some("Canada")), "{s:?}");
    // "placed sanctions on X": the subject imposes them, it is no target.
    let c = claims("Canada placed sanctions on Kasimir Holl in 2021.");
    assert!(of(&c, ClaimType::Sanction).iter().all(|s| s.field("target") == Some("Kasimir Holl")));
}

#[test]
fn an_entry_ban_on_a_person_and_a_relative_is_a_sanction_on_both() {
    // The parser reads "X and his wife, Y" as one name, X a compound of Y.
    targets(
        "The United States barred Kasimir Holl and his wife, Ilse Maren, from entering the country in 2023.",
        &["Kasimir Holl", "Ilse Maren"],
        "United States",
    );
    // Barred from something other than entering is no entry ban.
    let c =
        claims("The Treasury froze his assets, barring Americans from doing business with him.");
    assert!(of(&c, ClaimType::Sanction).is_empty(), "{c:?}");
}

#[test]
fn restrictive_or_similar_measures_are_sanctions() {
    targets(
        "The Treasury sanctioned three officials. Norvania and Lornby imposed similar measures on Anselm Vreeke and Tomasz Wielgosz last month.",
        &["Anselm Vreeke", "Tomasz Wielgosz"],
        "Lornby",
    );
    targets(
        "Norvania imposed restrictive measures on Anselm Vreeke in 2021.",
        &["Anselm Vreeke"],
        "Norvania",
    );
    // Measures of any other kind are none.
    let c = claims("Norvania took measures to protect Anselm Vreeke.");
    assert!(of(&c, ClaimType::Sanction).is_empty(), "{c:?}");
}

#[test]
fn a_title_the_parse_took_for_the_object_leaves_the_names_after_it_the_targets() {
    let c = claims(
        "The Treasury Department said it had designated police commissioner general Tomasz Wielgosz and Kasimir Holl, who is married to the president's daughter.",
    );
    assert!(has(&c, ClaimType::Sanction, "target", "Tomasz Wielgosz"), "{c:?}");
    assert!(has(&c, ClaimType::Sanction, "target", "Kasimir Holl"), "{c:?}");
}

#[test]
fn a_later_sanction_without_its_authority_takes_the_one_a_frame_named() {
    // The first sanction is read by the frames (a verb and its "to the list" object), the
    // second by a pattern with no authority in its sentence.
    targets(
        "The Velmora Treasury on Tuesday named Tomasz Wielgosz and Orrin Dalewick to its \
         blacklist. Also sanctioned were former army generals Kasimir Holl and Edda Lorn, \
         who commanded units in the south.",
        &["Tomasz Wielgosz", "Kasimir Holl", "Edda Lorn"],
        "Velmora",
    );
}

#[test]
fn a_long_passive_list_is_read_off_the_words_whatever_item_the_parse_makes_the_subject() {
    // Another parser's reading of the list above: a title ("operatives") is the passive
    // subject, the first name hangs on the reporting verb, and no "that" opens the clause.
    let text = "The Velmora government says that Tomasz Wielgosz, the Chief of the Border Service \
                for the Protection of the Coast, Orrin Dalewick, Director of the Forensic \
                Institute, Kasimir Holl and Edda Lorn, operatives of the Forensic Institute, \
                and police officers Piet Oranje and Marisol Quenby are sanctioned.";
    let mut rules = crate::Rules::parse(include_str!("../../../rules/en.toml")).expect("rules");
    rules.authority.insert("velmora".into(), "Velmora".into());
    let c = claims_reparsed(&rules, text, ClaimType::Sanction, |w| {
        let at =
            |form: &str| w.iter().position(|w| &text[w.span.clone()] == form).expect("the word");
        let (says, that, wielgosz, operatives, verb) =
            (at("says"), at("that"), at("Wielgosz"), at("operatives"), at("sanctioned"));
        for word in w.iter_mut() {
            if word.head == verb + 1 && word.deprel.starts_with("nsubj") {
                word.head = operatives + 1;
                word.deprel = "conj".into();
            }
        }
        w[operatives].head = verb + 1;
        w[operatives].deprel = "nsubj:pass".into();
        w[wielgosz].head = says + 1;
        w[wielgosz].deprel = "obl".into();
        w[that].head = wielgosz + 1;
        w[that].deprel = "obl:unmarked".into();
        w[verb].head = says + 1;
        w[verb].deprel = "ccomp".into();
    });
    let targets: Vec<&str> = c.iter().filter_map(|s| s.field("target")).collect();
    for name in ["Tomasz Wielgosz", "Orrin Dalewick", "Kasimir Holl", "Edda Lorn", "Piet Oranje"] {
        assert!(targets.contains(&name), "{name}: {c:?}");
    }
}

#[test]
fn a_participle_tagged_as_a_verb_before_a_title_keeps_the_list_going() {
    let text = "Velmora sanctioned five officials. Among those sanctioned are Retired Maj. Gen. \
                Tomasz Wielgosz and former Police Chief Commissioner Orrin Dalewick.";
    let mut rules = crate::Rules::parse(include_str!("../../../rules/en.toml")).expect("rules");
    rules.authority.insert("velmora".into(), "Velmora".into());
    // Another tagger reads "Retired" as a verb (a participle modifying the title).
    let c = claims_reparsed(&rules, text, ClaimType::Sanction, |w| {
        let retired = w.iter().position(|w| &text[w.span.clone()] == "Retired").expect("word");
        w[retired].upos = "VERB".into();
        w[retired].deprel = "amod".into();
    });
    let targets: Vec<&str> = c.iter().filter_map(|s| s.field("target")).collect();
    for name in ["Tomasz Wielgosz", "Orrin Dalewick"] {
        assert!(targets.contains(&name), "{name}: {c:?}");
    }
}

#[test]
fn names_under_a_title_with_their_conjuncts_are_all_targets() {
    // As another parser read "named MPs A and B": the first name under the title, the
    // second a conjunct of the first.
    let text =
        "The Treasury named MPs Tomasz Wielgosz and Piet Oranje to a terror-related blacklist.";
    let c = claims_rewired(
        text,
        ClaimType::Sanction,
        &[
            ("MPs", "named", "obj"),
            ("Tomasz", "MPs", "compound"),
            ("Wielgosz", "Tomasz", "flat"),
            ("and", "Piet", "cc"),
            ("Piet", "Tomasz", "conj"),
            ("Oranje", "Piet", "flat"),
        ],
    );
    for name in ["Tomasz Wielgosz", "Piet Oranje"] {
        assert!(has(&c, ClaimType::Sanction, "target", name), "{name}: {c:?}");
    }
}
