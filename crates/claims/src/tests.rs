//! Unit tests of the pattern compiler and dates; rule examples run in `tests/rules.rs`.

use super::*;

#[test]
fn english_rules_compile() {
    let rules = Rules::english();
    assert!(rules.rules.len() > 40);
    assert!(rules.id().starts_with("claims-en/1/"));
}

static TAGGER: std::sync::LazyLock<read::ner::Tagger> =
    std::sync::LazyLock::new(|| read::ner::builtin().expect("the built-in model loads"));
static ANALYZER: std::sync::LazyLock<read::syntax::Analyzer> =
    std::sync::LazyLock::new(|| read::syntax::builtin().expect("the built-in model loads"));

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(1000))]

    /// Issue 12: extraction is total over any text the read stage accepts, whatever spaces
    /// and scripts it mixes, and evidence spans fall on character boundaries.
    #[test]
    fn extraction_is_total_over_hostile_text(
        text in test_utils::hostile::newsy_text(40),
        days in 0i64..30000,
    ) {
        let date = model::PartialDate::day(1950 + (days / 365) as i32, 1 + (days % 12) as u8, 1 + (days % 28) as u8).ok();
        let reading = read::read_document(&TAGGER, &ANALYZER, &text, date);
        let claims = extract(&Input {
            doc: "hostile.txt",
            sha256: "00",
            text: &text,
            published: date,
            annotations: &reading.annotations,
            words: &reading.words,
        });
        for c in &claims {
            let span = c.evidence.range();
            proptest::prop_assert!(span.end <= text.len());
            proptest::prop_assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        }
    }
}

/// The view keeps the reading's words (lemmas in lower case), and each sentence knows its
/// own: rules over parts of speech, lemmas and dependencies read them there.
#[test]
fn each_sentence_view_carries_its_words_from_the_reading() {
    let text =
        "Envoy leaves\n\nThe envoys of Norvania met Tesh al-Orvani. She was appointed minister.";
    let reading = read::read_document(&TAGGER, &ANALYZER, text, None);
    let view = view::DocumentView::build(text, &reading.annotations, &reading.words);
    let lowered: Vec<model::Word> = reading
        .words
        .iter()
        .map(|w| model::Word { lemma: w.lemma.to_lowercase(), ..w.clone() })
        .collect();
    assert_eq!(view.words, lowered);
    assert_eq!(view.sentences.len(), 3);
    for (i, s) in view.sentences.iter().enumerate() {
        let words = &view.words[s.words.clone()];
        assert!(!words.is_empty());
        for w in words {
            assert_eq!(w.sentence, i);
            assert!(s.span.start <= w.span.start && w.span.end <= s.span.end);
            assert!(w.head <= words.len());
        }
    }
    let word = |form: &str| view.words.iter().find(|w| &text[w.span.clone()] == form).unwrap();
    assert_eq!((word("was").lemma.as_str(), word("met").upos.as_str()), ("be", "VERB"));
    assert_eq!(view.sentences[1].view, "The envoys of ⟦LOC:1⟧ met ⟦PER:2⟧ .", "{view:?}");
}

#[test]
fn an_acronym_is_expanded_where_the_text_spells_it_out() {
    let text = "He joined the Border Guard Service (BGS) in 2001. The BGS chief resigned.";
    assert_eq!(
        crate::extract::expand_acronym(text, "BGS").as_deref(),
        Some("Border Guard Service")
    );
    // Initials that do not spell it, or no spelling out at all: nothing.
    assert_eq!(crate::extract::expand_acronym("the Coast Guard (BGS)", "BGS"), None);
    assert_eq!(crate::extract::expand_acronym(text, "XYZ"), None);
    // An acronym of the name in its own language shares the English name's opening letters.
    let text = "officers of the Norvanian Border Security Agency (BSO) were named";
    assert_eq!(
        crate::extract::expand_acronym(text, "BSO").as_deref(),
        Some("Border Security Agency")
    );
    assert_eq!(crate::extract::expand_acronym(text.replace("BSO", "BTO").as_str(), "BTO"), None);
}

/// The targets of the sanctions extracted from an invented text.
fn sanction_targets(text: &str) -> Vec<String> {
    crate::frames::test_support::claims(text, ClaimType::Sanction)
        .iter()
        .filter_map(|c| c.field("target"))
        .map(String::from)
        .collect()
}

#[test]
fn sanctions_on_a_persons_brother_are_not_on_the_person() {
    let targets = sanction_targets(
        "Tomasz Wielgosz is a senior official. The Treasury imposed sanctions on Wielgosz's brother, Piet Wielgosz, on Monday.",
    );
    assert!(!targets.iter().any(|t| t == "Tomasz Wielgosz"), "{targets:?}");
}

#[test]
fn a_quoted_nickname_is_left_out_of_the_persons_name() {
    let targets =
        sanction_targets("The Treasury imposed sanctions on Piet “The Lion” Oranje on Monday.");
    assert_eq!(targets, ["Piet Oranje"]);
}

#[test]
fn the_name_inside_an_apposition_is_not_the_one_arrested() {
    let arrested: Vec<String> = crate::frames::test_support::claims(
        "Marisol Quenby, a close adviser to President Anselm Vreeke, was arrested on Monday.",
        ClaimType::Arrest,
    )
    .iter()
    .filter_map(|c| c.field("person").map(String::from))
    .collect();
    assert_eq!(arrested, ["Marisol Quenby"]);
}

#[test]
fn a_possessor_in_a_listed_persons_apposition_is_not_listed() {
    let targets = sanction_targets(
        "Velmora sanctioned two commanders of the Varsk Border Guard (VBG) on Friday. Those \
         designated include Tomasz Wielgosz, the VBG's deputy commander, and the brother of its \
         leader, and Major General Marisol Quenby, the head of its operations.",
    );
    assert!(targets.iter().any(|t| t.contains("Quenby")), "{targets:?}");
    assert!(!targets.iter().any(|t| t.contains("VBG") || t.contains("Guard")), "{targets:?}");
}

#[test]
fn a_body_that_opens_a_post_in_a_list_is_not_sanctioned() {
    let targets = sanction_targets(
        "The Treasury sanctioned Tomasz Wielgosz on Monday. These designations include Tomasz \
         Wielgosz, the Workers Party Secretary of Varsk, and Piet Oranje, a former Deputy Party \
         Secretary of the Varsk Bureau.",
    );
    assert!(targets.iter().any(|t| t.contains("Oranje")), "{targets:?}");
    assert!(!targets.iter().any(|t| t.contains("Party")), "{targets:?}");
}

#[test]
fn a_date_that_opens_a_period_is_not_the_day_of_a_sanction() {
    use crate::extract::dates_a_post;
    // "over abuses during the war from ⟦TIME⟧ to ⟦TIME⟧": the war's years, not the act's.
    assert!(dates_a_post("abuses during the war from "));
    assert!(dates_a_post("abuses during the war from ⟦TIME:3⟧ to "));
    assert!(dates_a_post("head of the unit between "));
    assert!(!dates_a_post("Norvania sanctioned Tomasz Wielgosz on "));
}

#[test]
fn the_day_of_a_verdict_is_not_its_charge() {
    let verdicts = crate::frames::test_support::claims(
        "A court in Varnholm convicted Tomasz Wielgosz on Saturday. A court convicted Piet \
         Oranje of fraud on Monday.",
        ClaimType::Verdict,
    );
    let charges = |who: &str| {
        verdicts
            .iter()
            .find(|c| c.field("defendant").is_some_and(|d| d.contains(who)))
            .and_then(|c| c.fields.get("charges").cloned())
    };
    assert_eq!(charges("Wielgosz"), Some(serde_json::Value::Null), "{verdicts:#?}");
    assert_eq!(charges("Oranje"), Some(serde_json::json!(["fraud"])), "{verdicts:#?}");
}

#[test]
fn a_wire_datelines_place_is_not_the_source() {
    let arrests = crate::frames::test_support::claims(
        "ACCRA, May 6 (Lornby Press) - Kasimir Holl was arrested on Tuesday, police said.",
        ClaimType::Arrest,
    );
    assert_eq!(arrests.len(), 1, "{arrests:#?}");
    assert_eq!(arrests[0].attributed_to.as_deref(), Some("police"), "{arrests:#?}");
    let charges = crate::frames::test_support::claims(
        "VARNHOLM, May 5, 2024 - Kasimir Holl was charged with fraud, prosecutors said.",
        ClaimType::Charge,
    );
    assert_eq!(charges.len(), 1, "{charges:#?}");
    assert_eq!(charges[0].attributed_to.as_deref(), Some("prosecutors"), "{charges:#?}");
}

#[test]
fn an_act_ends_before_who_tells_of_it() {
    let text = "Tomasz Wielgosz was implicated in the killings of three critics, investigators \
                said on Monday. Marisol Quenby ordered the shelling of the market, according to \
                investigators.";
    let allegations = crate::frames::test_support::claims(text, ClaimType::Allegation);
    let act = |who: &str| {
        allegations
            .iter()
            .find(|c| c.field("accused").is_some_and(|a| a.contains(who)))
            .and_then(|c| c.field("act").map(String::from))
    };
    assert_eq!(
        act("Wielgosz").as_deref(),
        Some("the killings of three critics"),
        "{allegations:#?}"
    );
    assert_eq!(act("Quenby").as_deref(), Some("ordered the shelling of the market"));
    let quenby = allegations.iter().find(|c| c.field("accused") == Some("Marisol Quenby"));
    assert_eq!(quenby.and_then(|c| c.attributed_to.as_deref()), Some("investigators"));
}

#[test]
fn a_warrant_an_arrest_was_made_on_is_not_dated_by_the_arrest() {
    let warrants = crate::frames::test_support::claims(
        "Tomasz Wielgosz was arrested in Lisbon in 2021 on a warrant issued by a court in Ghana.",
        ClaimType::Warrant,
    );
    assert_eq!(warrants.len(), 1, "{warrants:#?}");
    assert_eq!(warrants[0].field("authority"), Some("Ghana"), "{warrants:#?}");
    assert_eq!(warrants[0].fields.get("date"), Some(&serde_json::Value::Null), "{warrants:#?}");
}

#[test]
fn a_report_not_confirmed_is_uncertain_and_its_place_is_no_source() {
    let arrests = crate::frames::test_support::claims(
        "Reports that Kasimir Holl was arrested in Velstrand were not confirmed.",
        ClaimType::Arrest,
    );
    assert_eq!(arrests.len(), 1, "{arrests:#?}");
    assert_eq!(arrests[0].modality, Modality::Uncertain, "{arrests:#?}");
    assert_eq!(arrests[0].attributed_to, None, "{arrests:#?}");
}

/// "the former police chief of X, Colonel Y": the former-word stands before the post's
/// phrase ("police"), not right before the role the reader tags ("chief"); the post is
/// former, with no `as_of`, whichever of the pattern rules and the frames finds it.
#[test]
fn a_former_word_before_the_posts_own_modifiers_makes_it_former() {
    let text = "Officials charged\n\n\
        Prosecutors filed charges of extortion against the former police chief of Varnholm, \
        Colonel Kasimir Holl.\n\n\
        Prosecutors also questioned the former army commander of the northern region, \
        Anselm Vreeke.";
    let posts = crate::frames::test_support::positions(text);
    for name in ["Kasimir Holl", "Anselm Vreeke"] {
        let post = posts.iter().find(|c| c.field("holder") == Some(name));
        let post = post.unwrap_or_else(|| panic!("no post of {name}: {posts:#?}"));
        assert_eq!(post.fields.get("former"), Some(&serde_json::Value::from(true)), "{post:#?}");
        assert!(post.fields.get("as_of").is_none_or(serde_json::Value::is_null), "{post:#?}");
    }
}

/// "LIMA, May 4 (Agency) - Police on Monday arrested X": the dateline's date is the day the
/// story was filed; the act is Monday's (4 May 2022, the test's publication date, is a
/// Wednesday). A dateline date alone still dates the act.
#[test]
fn a_wire_datelines_date_gives_way_to_the_sentences_own_time() {
    use crate::frames::test_support::claims;
    let text = "Arrests\n\n\
        VARNHOLM, May 4 (Wire) - Police on Monday arrested Anselm Vreeke, a former mayor.\n\n\
        VARNHOLM, May 4 (Wire) - Police arrested Kasimir Holl, a former judge.";
    let arrests = claims(text, ClaimType::Arrest);
    let date = |name: &str| {
        arrests.iter().find(|c| c.field("person") == Some(name)).and_then(|c| c.field("date"))
    };
    assert_eq!(date("Anselm Vreeke"), Some("2022-05-02"), "{arrests:#?}");
    assert_eq!(date("Kasimir Holl"), Some("2022-05-04"), "{arrests:#?}");
}

/// "X, ..., arrived in Y for a three-day official visit, the ministry said": the ministry
/// said it (an attribution pattern took the name and the whole clause as its apposition),
/// and "a three-day official" is no description of a person ("official" modifies "visit").
#[test]
fn the_sayer_right_before_the_verb_is_the_source_not_the_name_that_opens_the_sentence() {
    use crate::frames::test_support::claims;
    let text = "Visit\n\n\
        Norway's defence minister, Kasimir Holl, arrived in Sweden on Tuesday for a three-day \
        official visit, the ministry said.";
    let visits = claims(text, ClaimType::Visit);
    let visit = visits.iter().find(|c| c.field("person") == Some("Kasimir Holl"));
    let visit = visit.unwrap_or_else(|| panic!("no visit: {visits:#?}"));
    assert_eq!(visit.attributed_to.as_deref(), Some("ministry"), "{visit:#?}");
}

/// "... included A and B, the court said": the name closes what the court said; it is no
/// sayer (an apposition would close on a comma of its own: "B, the spokesman, said").
#[test]
fn a_name_before_the_sayer_and_its_verb_is_what_was_said() {
    use crate::frames::test_support::claims;
    let text = "Verdict\n\n\
        Those sentenced to life imprisonment included former navy captains Anselm Vreeke and \
        Tomasz Wielgosz, the court said.";
    let verdicts = claims(text, ClaimType::Verdict);
    assert!(!verdicts.is_empty(), "no verdict");
    for v in &verdicts {
        assert_ne!(v.attributed_to.as_deref(), Some("Tomasz Wielgosz"), "{v:#?}");
    }
}

/// A role word that modifies the noun after it ("a three-day official visit") describes no
/// person; "the official said" does.
#[test]
fn a_role_word_used_as_an_adjective_is_no_description() {
    let descriptions = |text: &str| {
        let reading = read::read_document(&TAGGER, &ANALYZER, text, None);
        let view = view::DocumentView::build(text, &reading.annotations, &reading.words);
        view.mentions.iter().filter(|m| m.kind == view::Kind::Desc).count()
    };
    assert_eq!(descriptions("Kasimir Holl arrived for a three-day official visit on Monday."), 0);
    assert_eq!(descriptions("Kasimir Holl arrived on Monday, a senior official said."), 1);
}

/// "X, deputy secretary of Y's Security Council, held talks with Z, the council said": the
/// council is the body the apposition names, which stays the source.
#[test]
fn a_nearer_sayer_that_is_the_body_named_keeps_the_bodys_name() {
    use crate::frames::test_support::claims;
    let text = "Talks\n\n\
        Kasimir Holl, deputy secretary of Norway's Security Council, held talks with Tomasz \
        Wielgosz on regional security, the council said in a statement.";
    let meetings = claims(text, ClaimType::Meeting);
    assert!(!meetings.is_empty(), "no meeting");
    assert_eq!(meetings[0].attributed_to.as_deref(), Some("Security Council"), "{meetings:#?}");
}

/// "issued a warrant for X for crimes allegedly committed ...": the "allegedly" qualifies
/// what X is accused of, not the warrant, which the author states; and "the Chamber" of a
/// later sentence is the court the document named in full before it.
#[test]
fn a_warrant_for_crimes_allegedly_committed_is_asserted_and_the_chamber_is_its_court() {
    use crate::frames::test_support::claims;
    let text = "Warrants\n\n\
        Pre-Trial Chamber II of the International Criminal Court has issued a warrant of \
        arrest for General Kasimir Holl for war crimes allegedly committed in the eastern \
        provinces.\n\n\
        Separately, the Chamber issued warrants for two militia commanders, Anselm Vreeke \
        and Piet Oranje.";
    let warrants = claims(text, ClaimType::Warrant);
    for name in ["Kasimir Holl", "Anselm Vreeke", "Piet Oranje"] {
        let w = warrants.iter().find(|c| c.field("target") == Some(name));
        let w = w.unwrap_or_else(|| panic!("no warrant for {name}: {warrants:#?}"));
        assert_eq!(w.modality, Modality::Asserted, "{w:#?}");
        assert_eq!(w.field("authority"), Some("International Criminal Court"), "{w:#?}");
    }
}

/// "Rumours that X had died ..., were false": a report said to be false is denied, as one
/// said to be denied is.
#[test]
fn a_rumour_said_to_be_false_is_denied() {
    use crate::frames::test_support::claims;
    let text = "Rumours\n\n\
        Rumours that Kasimir Holl had died in prison, which spread on social media in August, \
        were false, his lawyer said.\n\n\
        Reports that Anselm Vreeke had been hospitalised were untrue, officials said.";
    let deaths = claims(text, ClaimType::DeathReport);
    assert!(deaths.iter().any(|c| c.modality == Modality::Denied), "{deaths:#?}");
    let health = claims(text, ClaimType::Health);
    assert!(health.iter().any(|c| c.modality == Modality::Denied), "{health:#?}");
}

#[test]
fn the_council_in_a_text_about_the_european_union_is_the_union() {
    let text = "EU lists further nine individuals\n\nThe Council today decided to impose restrictive measures on Tomasz Wielgosz, the head of the Varsk city police.";
    let c = crate::frames::test_support::claims(text, ClaimType::Sanction);
    assert!(c.iter().any(|c| c.field("authority") == Some("European Union")), "{c:?}");
    // A council in a text that does not name the Union is left as written.
    let text = "The Council today decided to impose restrictive measures on Tomasz Wielgosz, the head of the Varsk city police.";
    let c = crate::frames::test_support::claims(text, ClaimType::Sanction);
    assert!(c.iter().all(|c| c.field("authority") != Some("European Union")), "{c:?}");
}
