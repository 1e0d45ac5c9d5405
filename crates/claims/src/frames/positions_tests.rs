//! Position frames on invented sentences, read by the real reader.

use crate::frames::test_support::{find, positions, positions_in};

#[test]
fn a_title_before_a_name_gives_the_body_before_it() {
    let claims = positions(
        "Northland Interior Ministry spokesman Tomasz Wielgosz told reporters the claim was false.",
    );
    let c = find(&claims, "Wielgosz", "Interior Ministry").expect("a position");
    assert!(c.rule.starts_with("frame.position") || c.rule.starts_with("position."));
    assert_eq!(c.field("as_of"), Some("2022-05-04"));
}

#[test]
fn an_apposition_with_of_gives_the_post() {
    let claims = positions(
        "The ministry listed Marisol Quenby, the Deputy Secretary of the Harbour Affairs Committee of the Eastern Province, among others.",
    );
    let c = find(&claims, "Quenby", "Harbour Affairs Committee").expect("a position");
    assert!(c.field("role").is_some_and(|r| r.contains("secretary")));
}

#[test]
fn posts_in_parentheses_after_a_name_are_one_claim_each() {
    let claims = positions(
        "The council listed Tomasz Wielgosz (Director of the Border Guard Service, former Deputy Head of the Coastal Customs Office).",
    );
    assert!(find(&claims, "Wielgosz", "Border Guard Service").is_some(), "{claims:#?}");
    let former = find(&claims, "Wielgosz", "Customs Office").expect("the former post");
    assert!(former.field("role").is_some_and(|r| r.contains("former")));
    assert!(former.fields["as_of"].is_null());
}

#[test]
fn a_copula_with_a_title_noun_makes_a_membership() {
    let claims = positions("Marisol Quenby was a member of the Northland Revolutionary Front.");
    let c = find(&claims, "Quenby", "Northland Revolutionary Front").expect("a position");
    assert_eq!(c.rule, "frame.position.copula");
    assert!(c.fields["as_of"].is_null(), "a past post holds at no stated date");
}

#[test]
fn a_relative_clause_gives_start_and_end() {
    let claims = positions(
        "Tomasz Wielgosz, who was Northland Border Police chief from 2016 to 2018, was named in the case.",
    );
    let c = find(&claims, "Wielgosz", "Border Police").expect("a position");
    assert_eq!(c.field("start"), Some("2016"), "{c:#?}");
}

#[test]
fn a_post_without_a_named_holder_is_no_claim() {
    let claims = positions("The head of the Harbour Affairs Committee met the press on Monday.");
    assert!(claims.is_empty(), "{claims:#?}");
}

#[test]
fn each_name_in_a_list_keeps_its_own_apposed_post() {
    let claims = positions(
        "The measures name Tomasz Wielgosz, the Communist Party Secretary of Eastmark, and Marisol Quenby, a former Deputy Party Secretary of the Harbour Province.",
    );
    assert!(find(&claims, "Wielgosz", "Eastmark").is_some(), "{claims:#?}");
    assert!(find(&claims, "Quenby", "Harbour Province").is_some(), "{claims:#?}");
    assert!(find(&claims, "Wielgosz", "Harbour Province").is_none(), "{claims:#?}");
}

#[test]
fn a_post_of_a_state_without_a_body_takes_the_document_s_state() {
    let claims = positions(
        "Estonian police detained two men on Monday. The Estonian government said the men had \
         entered the country illegally. Prime Minister Tomasz Wielgosz praised the police.",
    );
    let c = find(&claims, "Wielgosz", "Estonia").expect("a position");
    assert_eq!(c.field("organization"), Some("Estonia"));
}

#[test]
fn a_minister_s_portfolio_is_not_the_body() {
    let claims = positions(
        "Portuguese officials met on Monday. The Portuguese government later named the Minister \
         of Defence, Marisol Quenby, as its envoy.",
    );
    assert!(find(&claims, "Quenby", "Portugal").is_some(), "{claims:?}");
    assert!(find(&claims, "Quenby", "Defence").is_none(), "{claims:?}");
}

#[test]
fn a_leader_without_a_body_gives_no_post() {
    // "leader" alone is not a post of a state: no body, no claim.
    let claims = positions(
        "Estonian police detained two men on Monday. Leader Tomasz Wielgosz praised the police.",
    );
    assert!(find(&claims, "Wielgosz", "").is_none(), "{claims:?}");
}

#[test]
fn a_demonym_before_a_former_post_names_its_state() {
    let claims = positions(
        "A Norwegian court on Wednesday sentenced Arcadian ex-interior minister Tomasz Wielgosz to 20 years in prison. Wielgosz had fled Arcadia in 2017.",
    );
    let c = claims
        .iter()
        .find(|c| c.field("holder").is_some_and(|h| h.contains("Wielgosz")))
        .expect("a position");
    assert_eq!(c.field("organization"), Some("Arcadia"));
}

#[test]
fn a_sentence_opener_is_not_part_of_the_holder() {
    let claims = positions(
        "When Wielgosz was sworn in as Arcadia's president in August 2021, he became the first president to be sanctioned.",
    );
    assert!(claims.iter().all(|c| !c.field("holder").is_some_and(|h| h.starts_with("When"))));
}

#[test]
fn a_judge_without_a_body_sits_on_the_court_named_before() {
    let claims = positions(
        "The Varnholm District Court convicted Wielgosz. Judge Marisol Quenby sentenced Wielgosz to life imprisonment.",
    );
    assert!(find(&claims, "Quenby", "Varnholm District Court").is_some(), "{claims:#?}");
    // An unnamed court in the judge's own sentence may be another court.
    let claims = positions(
        "The Varnholm District Court heard the case in May. \"The court convicted Wielgosz,\" judge Marisol Quenby said.",
    );
    assert!(claims.iter().all(|c| !c.field("holder").is_some_and(|h| h.contains("Quenby"))));
}

#[test]
fn a_judge_of_an_unnamed_court_sits_in_the_state_the_court_is_placed_in() {
    // The story is about Varsk's general; the court that tries him sits in Norvania.
    let text = "Varsk's army denied it. Varsk's generals were silent. A court in Norvania \
        convicted Tomasz Wielgosz, a Varsk general. \"The court convicted him,\" judge \
        Marisol Quenby said. State prosecutor Edda Lorn said she was satisfied.";
    let claims = positions_in(text, &["Norvania", "Varsk"]);
    assert!(find(&claims, "Quenby", "Norvania").is_some(), "{claims:#?}");
    assert!(find(&claims, "Lorn", "Norvania").is_some(), "{claims:#?}");
    assert!(find(&claims, "Quenby", "Varsk").is_none(), "{claims:#?}");
}

#[test]
fn a_post_someone_became_starts_on_the_verb_s_date() {
    let claims = positions(
        "Tomasz Wielgosz, who became director of the Border Guard Service in 2016, denied the claims.",
    );
    let c = find(&claims, "Wielgosz", "Border Guard Service").expect("a position");
    assert_eq!(c.field("start"), Some("2016"));
}

#[test]
fn taking_over_and_stepping_down_as_a_post_start_and_end_it() {
    let claims = positions("Tomasz Wielgosz took over as chief of the Coastal Army in March 2020.");
    let c = find(&claims, "Wielgosz", "Coastal Army").expect("a position");
    assert_eq!(c.field("start"), Some("2020-03"));
    let claims =
        positions("Tomasz Wielgosz stepped down as head of the Coastal Customs Office in 2021.");
    let c = find(&claims, "Wielgosz", "Coastal Customs Office").expect("a position");
    assert_eq!((c.field("start"), c.field("end")), (None, Some("2021")));
}

#[test]
fn one_of_the_members_of_a_body_is_a_member() {
    let claims = positions("Marisol Quenby was one of the four members of the Harbour Commission.");
    let c = find(&claims, "Quenby", "Harbour Commission").expect("a position");
    assert_eq!(c.field("role"), Some("member"));
}

#[test]
fn a_demonym_over_lowercase_modifiers_names_the_state_of_an_official() {
    let claims = positions(
        "Hamid Wielgosz, a 63-year-old Norwegian former prisons official serving a life sentence abroad, landed at the airport.",
    );
    let c = find(&claims, "Wielgosz", "Norway").expect("a position");
    assert_eq!(c.field("as_of"), None);
}

#[test]
fn an_infobox_line_after_the_dates_names_whom_the_office_served_under() {
    let text = "Vice President of Norvania\nIn office\n13 January 2002 – 28 April 2002\nPresident Tomasz Wielgosz\nPreceded by Marisol Quenby";
    let claims = positions(text);
    assert!(find(&claims, "Wielgosz", "Norvania").is_none(), "{claims:?}");
}

#[test]
fn a_holder_named_after_the_body_of_an_of_phrase() {
    let claims = positions(
        "The court issued a warrant for the Commander-in-Chief of the Northland Coastal Forces Tomasz Wielgosz on Monday.",
    );
    assert!(find(&claims, "Wielgosz", "Coastal Forces").is_some(), "{claims:#?}");
}

#[test]
fn a_second_post_joined_by_and_belongs_to_the_name_after_it() {
    let claims = positions(
        "Estonian officials named six men. Among them are Deputy Commander Marisol Quenby, First Vice President and retired general Tomasz Wielgosz.",
    );
    let c = claims
        .iter()
        .find(|c| c.field("role").is_some_and(|r| r.contains("vice president")))
        .expect("the vice president");
    assert_eq!(c.field("holder"), Some("Tomasz Wielgosz"), "{claims:#?}");
}

#[test]
fn a_state_s_body_named_in_lowercase_before_the_post() {
    let claims = positions(
        "Estonia's former central bank governor, Tomasz Wielgosz, was arrested on Tuesday.",
    );
    let c = find(&claims, "Wielgosz", "central bank").expect("a post");
    assert_eq!(c.field("organization"), Some("Estonia's central bank"));
}

#[test]
fn a_tie_between_states_goes_to_the_one_the_story_names_first() {
    let claims = positions(
        "Estonia sanctions Portugal's officials. Portugal responded. Estonia said more would follow. \
         The list is long, after President Tomasz Wielgosz, who is running for re-election.",
    );
    assert!(find(&claims, "Wielgosz", "Estonia").is_some(), "{claims:#?}");
}

#[test]
fn a_rank_or_honorific_between_the_post_and_the_name() {
    let claims = positions(
        "Estonian forces struck on Monday. The blast killed defense minister General Tomasz Wielgosz.",
    );
    assert!(find(&claims, "Wielgosz", "Estonia").is_some(), "{claims:#?}");
}

#[test]
fn years_in_parentheses_after_a_name_date_the_post() {
    let claims = positions(
        "The officers were pardoned in 1995 by Norway's president Marisol Quenby (1990-1999). The widow of Norway's former president Kasimir Holl (1971-76) protested.",
    );
    let quenby =
        claims.iter().find(|c| c.field("holder") == Some("Marisol Quenby")).expect("Quenby");
    assert_eq!((quenby.field("start"), quenby.field("end")), (Some("1990"), Some("1999")));
    let holl = claims.iter().find(|c| c.field("holder") == Some("Kasimir Holl")).expect("Holl");
    assert_eq!((holl.field("start"), holl.field("end")), (Some("1971"), Some("1976")));
}

#[test]
fn a_body_ends_before_its_dates_and_may_be_lowercase() {
    let claims = positions(
        "The court sentenced Tomasz Wielgosz, the head of the Coastal Customs Office between 2009 and 2014. Marisol Quenby, deputy director general of the state telecommunications body since 2023, resigned.",
    );
    let c = find(&claims, "Wielgosz", "Coastal Customs Office").expect("Wielgosz");
    assert_eq!(c.field("organization"), Some("Coastal Customs Office"));
    assert_eq!(c.field("start"), Some("2009"));
    let c = find(&claims, "Quenby", "state telecommunications body").expect("Quenby");
    assert_eq!(c.field("start"), Some("2023"));
    // "the unit" alone names no body.
    let none = positions("Piet Oranje, the head of the unit, resigned.");
    assert!(none.iter().all(|c| c.field("organization") != Some("unit")), "{none:#?}");
}

#[test]
fn a_journalist_for_a_paper_holds_a_post_there_and_an_indefinite_conjunct_is_no_body() {
    let claims = positions(
        "Arvid Kesten, a journalist for the Varsk Herald and a Norvanian permanent resident, was arrested.",
    );
    assert!(find(&claims, "Kesten", "Varsk Herald").is_some(), "{claims:#?}");
    assert!(claims.iter().all(|c| !c.field("organization").unwrap_or("").contains("resident")));
}

#[test]
fn a_semicolon_ends_the_list_item_of_a_holder() {
    let claims = positions(
        "Also designated are Labor Minister Greta Holm, appointed in August; Maren Stadt, deputy director general of the state telecommunications body since 2023; and Pavel Rusk.",
    );
    assert!(find(&claims, "Holm", "telecommunications").is_none(), "{claims:#?}");
}

#[test]
fn a_title_the_tagger_read_apart_still_gives_the_post() {
    let claims = positions(
        "His statement in Tallinn followed Estonian Ombudsman Marisol Quenby's claim that a warrant had been issued.",
    );
    assert!(find(&claims, "Quenby", "Estonia").is_some(), "{claims:#?}");
}

#[test]
fn a_post_only_one_state_has_names_that_state() {
    let claims = positions(
        "\"No one should doubt our resolve,\" Foreign Secretary Piet Oranje said of the Norvanian measures.",
    );
    assert!(find(&claims, "Oranje", "United Kingdom").is_some(), "{claims:#?}");
    assert!(find(&claims, "Oranje", "Norvania").is_none(), "{claims:#?}");
}

#[test]
fn an_infobox_office_gives_the_subjects_post_and_its_neighbours() {
    let text = "Piet Oranje\n\nFrom the free encyclopedia\nPiet Oranje\nVice President of Norvania\nIn office\n13 January 2002 – 28 April 2002\nPreceded by Edda Lorn\nSucceeded by Tomasz Wielgosz\nPersonal details\n\nPiet Oranje (born April 15, 1963) is a Norvanian politician.\n";
    let claims = positions(text);
    let own = find(&claims, "Piet Oranje", "Norvania").expect("the subject's post");
    assert_eq!(own.field("start"), Some("2002-01-13"), "{own:#?}");
    assert_eq!(own.field("end"), Some("2002-04-28"), "{own:#?}");
    assert!(find(&claims, "Edda Lorn", "Norvania").is_some(), "{claims:#?}");
    assert!(find(&claims, "Tomasz Wielgosz", "Norvania").is_some(), "{claims:#?}");
}

#[test]
fn a_body_named_after_a_place_keeps_its_whole_name() {
    let claims = positions(
        "Colonel Kasimir Holl is the head of the Varsk penal colony IK-7 \"Grey Heron\".",
    );
    let c = find(&claims, "Holl", "colony").expect("the whole body");
    assert!(c.field("organization").is_some_and(|o| o.contains("Varsk")), "{c:#?}");
    let claims = positions(
        "The ministry said Edda Lorn, the commander of the Varsk Border Legion, was dismissed.",
    );
    assert!(find(&claims, "Lorn", "Border Legion").is_some(), "{claims:#?}");
}

#[test]
fn a_lawyer_named_after_his_client_serves_the_client() {
    let claims = positions(
        "Tomasz Wielgosz was detained in Varnholm on Monday. \
         His lawyer, Marisol Quenby, said the charges were invented.",
    );
    let c = find(&claims, "Quenby", "Wielgosz").expect("a post serving the client");
    assert_eq!(c.field("role"), Some("lawyer"));
}

#[test]
fn dates_after_the_words_that_end_a_body_s_phrase_date_the_post() {
    let claims = positions(
        "Kasimir Holl, the head of Norvania's BSV intelligence group between 2002 and 2005, \
         was convicted on Wednesday.",
    );
    let c = find(&claims, "Holl", "BSV").expect("a post");
    assert_eq!(c.field("start"), Some("2002"), "{c:#?}");
    assert_eq!(c.field("end"), Some("2005"), "{c:#?}");
}

#[test]
fn staff_lines_after_a_post_are_posts_in_its_body() {
    let claims = positions(
        "Colonel Kasimir Holl is the head of the Varsk penal colony IK-7.\n\n\
         - Lieutenant Colonel Tomasz Wielgosz - Deputy Chief.\n\n\
         - Major Piet Oranje - Deputy Chief.\n",
    );
    for name in ["Wielgosz", "Oranje"] {
        let c = find(&claims, name, "colony").unwrap_or_else(|| panic!("{name}: {claims:#?}"));
        assert!(c.field("role").is_some_and(|r| r.to_lowercase().contains("deputy")), "{c:#?}");
    }
}

#[test]
fn a_place_inside_the_post_phrase_and_the_body_after_it() {
    let claims = positions(
        "\"The charges are baseless,\" said Marisol Quenby, deputy Asia director at Brenning \
         Rights Watch.",
    );
    assert!(find(&claims, "Quenby", "Brenning Rights Watch").is_some(), "{claims:#?}");
}

#[test]
fn a_plural_post_after_a_list_names_every_name_in_it() {
    let claims = positions(
        "Among the dead were Edda Lorn, Marisol Quenby and Piet Oranje, co-founders of the \
         Varsk Mothers Association.",
    );
    for name in ["Lorn", "Quenby", "Oranje"] {
        assert!(find(&claims, name, "Mothers").is_some(), "{name}: {claims:#?}");
    }
}

#[test]
fn a_second_post_joined_to_the_body_is_not_part_of_it() {
    let claims =
        positions("Holl, 64, is the head of the parliamentary bloc of the party and an MP.");
    assert!(find(&claims, "Holl", "parliamentary bloc of the party").is_some(), "{claims:#?}");
    assert!(!claims.iter().any(|c| c.field("organization") == Some("MP")), "{claims:#?}");
}

#[test]
fn a_post_of_the_state_stands_beside_a_post_in_a_named_body() {
    let claims = positions(
        "Estonian Prime Minister Piet Oranje resigned on Monday.\n\n\
         Vice President Edda Lorn is in line to assume the presidency. Lorn, a lawyer and \
         former Supreme Court judge, was chosen in May.",
    );
    assert!(find(&claims, "Lorn", "Estonia").is_some(), "{claims:#?}");
    assert!(find(&claims, "Lorn", "Supreme Court").is_some(), "{claims:#?}");
}

#[test]
fn a_body_tagged_as_a_person_before_a_post_is_its_body() {
    let claims = positions(
        "It released photos, including one in which Norvanian Qirat Force commander Kasimir \
         Holl has his arm around the minister's shoulder.",
    );
    assert!(find(&claims, "Holl", "Qirat Force").is_some(), "{claims:#?}");
}

#[test]
fn a_post_phrase_that_opens_the_sentence_belongs_to_its_subject() {
    let claims = positions(
        "A former top adviser to Prince Tomasz Wielgosz, Marisol Quenby was cleared after the \
         court found no evidence.",
    );
    assert!(find(&claims, "Quenby", "Wielgosz").is_some(), "{claims:#?}");
}

#[test]
fn a_state_body_named_by_one_noun_takes_the_state_adjective() {
    let claims = positions(
        "Kasimir Holl is an Estonian lawyer. As the first deputy of the judiciary, he championed \
         a campaign of arrests.",
    );
    assert!(find(&claims, "Holl", "Estonian judiciary").is_some(), "{claims:#?}");
}

#[test]
fn a_title_before_a_name_with_of_a_state_names_that_state() {
    let claims = positions(
        "He has met world leaders including President Piet Oranje of Uruguay - Latvia's main \
         ally and benefactor.",
    );
    let c = find(&claims, "Oranje", "").expect("a position");
    assert_eq!(c.field("organization"), Some("Uruguay"), "{claims:#?}");
}

#[test]
fn a_deputy_listed_after_the_same_post_shares_its_body() {
    let claims = positions(
        "Four officers led the raid -- Commander-in-Chief of the Varskian Coastal Guard Tomasz Wielgosz, Deputy Commander-in-Chief Piet Oranje, and General Kasimir Holl.",
    );
    assert!(find(&claims, "Wielgosz", "Coastal Guard").is_some(), "{claims:#?}");
    assert!(find(&claims, "Oranje", "Coastal Guard").is_some(), "{claims:#?}");
}

#[test]
fn officials_travelling_abroad_are_not_the_hosts_officials() {
    let text = "Varsk's leader Piet Oranje made a trip to Norvania on Monday. \
        Oranje met bankers in Norvania and toured Norvania's main port. \
        He was accompanied by foreign minister Edda Lorn. \
        Varsk's opposition called the visit costly.";
    let claims = positions_in(text, &["Norvania", "Varsk"]);
    assert!(find(&claims, "Lorn", "Varsk").is_some(), "{claims:#?}");
    assert!(find(&claims, "Lorn", "Norvania").is_none(), "{claims:#?}");
}

#[test]
fn the_state_that_imposes_sanctions_is_not_the_targets_state() {
    let text = "Norvania Sanctions on President Piet Oranje. \
        Varsk's parliament backed Oranje. Oranje rules Varsk. Varsk's army obeys him.";
    let claims = positions_in(text, &["Norvania", "Varsk"]);
    assert!(find(&claims, "Oranje", "Norvania").is_none(), "{claims:#?}");
}

#[test]
fn a_titled_possessor_is_the_body_of_the_post() {
    let claims = positions("For three decades, Kasimir Holl was Colonel Quenby's chief enforcer.");
    assert!(find(&claims, "Holl", "Quenby").is_some(), "{claims:#?}");
}

#[test]
fn each_infobox_office_has_its_own_dates_and_the_text_dates_an_undated_one() {
    let infobox = "Piet Oranje\n\nFrom the free encyclopedia\nPiet Oranje\nAssumed office\n5 January 2012\nPreceded by Kasimir Holl\nVice President of Norvania\nIn office\n13 January 2002 – 28 April 2002\nPresident Tomasz Wielgosz\nPreceded by Edda Lorn\nSucceeded by Marisol Quenby\nMinister of Harbours and Fisheries\nIn office\n28 April 2002 – 10 January 2003\nPreceded by Jan Vestrum\nGovernor of Brenning\nIn office\nPreceded by Orla Menzing\nSucceeded by Tomasz Varnholm\nPersonal details\nBorn (1963-04-15) April 15, 1963 (age 51)\n\nPiet Oranje (born April 15, 1963) is a Norvanian politician.";
    let text = format!(
        "{infobox} Governor of Brenning from 2004 to 2008, he lost the 2008 election to Tomasz Varnholm, and was subsequently appointed minister.\n"
    );
    let claims = positions_in(&text, &["Norvania"]);
    // A minister's post in a portfolio is the state's: kept beside the subject's other posts.
    let minister = claims
        .iter()
        .find(|c| c.field("role").is_some_and(|r| r.contains("harbours")))
        .unwrap_or_else(|| panic!("the minister's post: {claims:#?}"));
    assert_eq!(minister.field("start"), Some("2002-04-28"), "{minister:#?}");
    assert_eq!(minister.field("end"), Some("2003-01-10"), "{minister:#?}");
    // The governor's row gives no dates: the sentence that names the post does, and no
    // other office's row does.
    let governor = find(&claims, "Piet Oranje", "Brenning").expect("the governor");
    assert_eq!(governor.field("start"), Some("2004"), "{governor:#?}");
    assert_eq!(governor.field("end"), Some("2008"), "{governor:#?}");
    // The successor took over when the subject left, not when the row above ended.
    let successor = find(&claims, "Tomasz Varnholm", "Brenning").expect("the successor");
    assert_eq!(successor.field("start"), Some("2008"), "{successor:#?}");
    // Without the sentence, the governor's post stays undated.
    let claims = positions_in(&format!("{infobox}\n"), &["Norvania"]);
    let governor = find(&claims, "Piet Oranje", "Brenning").expect("the governor");
    assert_eq!(governor.field("start"), None, "{governor:#?}");
    let successor = find(&claims, "Tomasz Varnholm", "Brenning").expect("the successor");
    assert_eq!(successor.field("start"), None, "{successor:#?}");
}

#[test]
fn a_plural_post_before_names_is_each_name_s_in_the_singular() {
    // The post before the first name, the others its conjuncts; and the post with the names
    // read as its apposition.
    for text in [
        "The court jailed former Kenyan ministers Oskar Fennholt and Edda Lorn.",
        "The court jailed Kenyan ministers Oskar Fennholt and Edda Lorn.",
    ] {
        let claims = positions(text);
        for name in ["Fennholt", "Lorn"] {
            let c = find(&claims, name, "Kenya").unwrap_or_else(|| panic!("{text}: {claims:#?}"));
            assert_eq!(c.field("role"), Some("minister"), "{text}: {claims:#?}");
            assert_eq!(c.fields["as_of"].is_null(), text.contains("former"), "{c:#?}");
        }
    }
    // A group of officials is no post ("the five officials had ..." says who they are).
    let claims =
        positions("The ministry said Kenyan officials Oskar Fennholt and Edda Lorn had fled.");
    assert!(find(&claims, "Lorn", "Kenya").is_none(), "{claims:#?}");
}

#[test]
fn a_capitalised_title_after_a_name_is_the_post() {
    // The tagger reads such titles as people ("Regional Director", "Legal Adviser"), or as
    // roles with unknown words between them ("Chief Operating Officer").
    for (name, role) in [
        ("Tomasz Wielgosz", "Deputy Regional Director"),
        ("Edda Lorn", "Senior Legal Adviser"),
        ("Ilse Marven", "Chief Operating Officer"),
    ] {
        let text = format!("\"It matters,\" said {name}, {role} at the Harbour Rights Institute.");
        let claims = positions(&text);
        let c = find(&claims, name, "Harbour Rights Institute").expect("a position");
        assert_eq!(c.field("role"), Some(role.to_lowercase().as_str()), "{claims:#?}");
        assert!(!claims.iter().any(|c| c.field("holder").is_some_and(|h| h.contains(role))));
    }
}

#[test]
fn a_name_hung_on_the_posts_of_phrase_holds_the_post() {
    // The parse hangs the name (and the rank before it) on "Province"/"State", not on the
    // post; the body stops before the comma.
    let claims =
        positions("The governor of Varsk Province, Piet Oranje, said the report was false.");
    let c = find(&claims, "Oranje", "Varsk Province").expect("a position");
    assert_eq!(c.field("organization"), Some("Varsk Province"), "{c:#?}");
    let claims = positions(
        "Authorities should investigate the chief minister of Lornby State, Lieutenant General Tomasz Wielgosz, for the killings, the group said.",
    );
    // A chief minister's body is the region the "of" phrase names, not a state.
    let c = find(&claims, "Wielgosz", "Lornby State").expect("a position");
    assert_eq!(c.field("role"), Some("chief minister"), "{c:#?}");
    // A list after the phrase is no apposition.
    let claims =
        positions("The governor of Varsk Province, Piet Oranje and Edda Lorn met on Monday.");
    assert!(find(&claims, "Lorn", "Varsk Province").is_none(), "{claims:#?}");
    // Nor is the next item of a list after a plural post.
    let claims = positions(
        "The ministry said that Piet Oranje and Edda Lorn, officers of the Varsk Border Guard, Tomasz Wielgosz, chief of the Lornby Customs Office, and Marisol Quenby are sanctioned.",
    );
    assert!(find(&claims, "Wielgosz", "Border Guard").is_none(), "{claims:#?}");
}

/// "Norvanian MPs A and B": a plural abbreviation is the plural of its post ("MPs" is the
/// post "mp"), and the parse that reads it all as one flat name still gives both holders.
#[test]
fn a_plural_abbreviated_post_before_two_names_is_both_names_post() {
    let text = "The Treasury on Tuesday named Norvanian MPs Piet Oranje and Kasimir Holl to a \
        blacklist.";
    let got = positions_in(text, &["Norvania"]);
    for holder in ["Piet Oranje", "Kasimir Holl"] {
        assert!(
            got.iter().any(|c| c.field("holder") == Some(holder) && c.field("role") == Some("mp")),
            "{holder}: {got:#?}"
        );
    }
}
