//! The event frames on invented sentences, read by the real reader and parser.

use crate::{Claim, ClaimType, Input, Modality};

static TAGGER: std::sync::LazyLock<read::ner::Tagger> =
    std::sync::LazyLock::new(|| read::ner::builtin().expect("the built-in model loads"));
static ANALYZER: std::sync::LazyLock<read::syntax::Analyzer> =
    std::sync::LazyLock::new(|| read::syntax::builtin().expect("the built-in model loads"));

pub(super) fn claims(text: &str) -> Vec<Claim> {
    claims_in(text, &[])
}

/// The claims of a text in a world where some invented places are states too: the
/// authority names and the gazetteer know only real ones, and tests name none.
pub(super) fn claims_in(text: &str, states: &[&str]) -> Vec<Claim> {
    let date = model::PartialDate::day(2021, 6, 15).ok();
    let reading = read::read_document(&TAGGER, &ANALYZER, text, date);
    if std::env::var_os("FRAMES_DUMP").is_some() {
        for w in &reading.words {
            eprintln!(
                "{} {:>3} {:<10} {:<8} {:<6} {}",
                w.sentence,
                w.head,
                w.deprel,
                w.upos,
                w.lemma,
                &text[w.span.clone()]
            );
        }
    }
    if std::env::var_os("FRAMES_DUMP").is_some() {
        eprintln!(
            "{:?}",
            reading.annotations.iter().map(|a| format!("{:?}", a)).collect::<Vec<_>>()
        );
    }
    // The frames alone: the regex rules would otherwise make some of these claims first.
    let mut rules = crate::Rules::parse(include_str!("../../../rules/en.toml")).expect("rules");
    rules.rules.clear();
    for state in states {
        rules.authority.insert(state.to_lowercase(), state.to_string());
    }
    let out = crate::extract_with(
        &rules,
        &Input {
            doc: "invented.txt",
            sha256: "00",
            text,
            published: date,
            annotations: &reading.annotations,
            words: &reading.words,
        },
    );
    if std::env::var_os("FRAMES_DUMP").is_some() {
        for c in &out {
            eprintln!("{} {:?} {:?} {:?} {}", c.rule, c.kind, c.fields, c.modality, c.confidence);
        }
    }
    out
}

pub(super) fn of(claims: &[Claim], kind: ClaimType) -> Vec<&Claim> {
    claims.iter().filter(|c| c.kind == kind).collect()
}

pub(super) fn has(claims: &[Claim], kind: ClaimType, field: &str, value: &str) -> bool {
    of(claims, kind).iter().any(|c| c.field(field) == Some(value))
}

#[test]
fn a_passive_sanction_with_a_list_of_targets_and_its_agent() {
    let c = claims(
        "Tomasz Wielgosz and Marisol Quenby were sanctioned by the United States in March 2020.",
    );
    for name in ["Tomasz Wielgosz", "Marisol Quenby"] {
        let s = of(&c, ClaimType::Sanction);
        let s = s.iter().find(|s| s.field("target") == Some(name)).expect(name);
        assert_eq!(s.field("authority"), Some("United States"), "{s:?}");
        assert_eq!(s.field("date"), Some("2020-03"), "{s:?}");
    }
}

#[test]
fn nominal_sanctions_on_a_target() {
    let c = claims("Canada imposed sanctions on Tomasz Wielgosz last year.");
    assert!(has(&c, ClaimType::Sanction, "target", "Tomasz Wielgosz"), "{c:?}");
    assert!(has(&c, ClaimType::Sanction, "authority", "Canada"), "{c:?}");
}

#[test]
fn a_warrant_for_someones_arrest() {
    let c = claims(
        "The Northland Interior Ministry issued a warrant for the arrest of Marisol Quenby.",
    );
    assert!(has(&c, ClaimType::Warrant, "target", "Marisol Quenby"), "{c:?}");
    // The arrest is only sought: no arrest claim.
    assert!(of(&c, ClaimType::Arrest).is_empty(), "{c:?}");
}

#[test]
fn an_active_arrest_and_a_passive_one_spread_over_conjuncts() {
    let c = claims("Police arrested Tomasz Wielgosz in Velmora on Monday.");
    assert!(has(&c, ClaimType::Arrest, "person", "Tomasz Wielgosz"), "{c:?}");
    let c = claims("Marisol Quenby and Orrin Dalewick were detained in 2019.");
    assert!(has(&c, ClaimType::Arrest, "person", "Marisol Quenby"), "{c:?}");
    assert!(has(&c, ClaimType::Arrest, "person", "Orrin Dalewick"), "{c:?}");
}

#[test]
fn a_verdict_with_outcome_and_a_charge_with_charges() {
    let c = claims("Tomasz Wielgosz was found guilty of torture by a court in 2018.");
    assert!(has(&c, ClaimType::Verdict, "outcome", "convicted"), "{c:?}");
    let c = claims("Prosecutors charged Marisol Quenby with fraud and bribery in 2017.");
    let ch = of(&c, ClaimType::Charge);
    assert!(ch.iter().any(|x| x.field("defendant") == Some("Marisol Quenby")), "{c:?}");
}

#[test]
fn a_death_and_a_meeting() {
    let c = claims("Orrin Dalewick died in 2010.");
    assert!(has(&c, ClaimType::DeathReport, "person", "Orrin Dalewick"), "{c:?}");
    let c = claims("Tomasz Wielgosz met Marisol Quenby in Velmora.");
    let m = of(&c, ClaimType::Meeting);
    assert_eq!(m.len(), 1, "{c:?}");
    assert_eq!(m[0].list("participants").len(), 2, "{c:?}");
}

#[test]
fn a_reporting_verb_above_makes_it_reported_and_negation_denied() {
    let c = claims("The ministry said that police arrested Tomasz Wielgosz.");
    let a = of(&c, ClaimType::Arrest);
    assert_eq!(a.len(), 1, "{c:?}");
    assert_eq!(a[0].modality, Modality::Reported, "{c:?}");
    let c = claims("Police did not arrest Marisol Quenby.");
    assert!(of(&c, ClaimType::Arrest).iter().all(|a| a.modality == Modality::Denied), "{c:?}");
}

#[test]
fn a_relative_clause_gives_the_antecedent() {
    let c = claims("Marisol Quenby, who was convicted in 2016, left the country.");
    let v = of(&c, ClaimType::Verdict);
    assert!(v.iter().any(|v| v.field("defendant") == Some("Marisol Quenby")), "{c:?}");
    assert!(v.iter().all(|v| v.field("outcome") == Some("convicted")), "{c:?}");
}

#[test]
fn accusations_in_either_voice_and_an_alleged_act() {
    let c = claims("Human rights groups accused Tomasz Wielgosz of torturing detainees.");
    let a = of(&c, ClaimType::Allegation);
    assert_eq!(a.len(), 1, "{c:?}");
    assert_eq!(a[0].field("accused"), Some("Tomasz Wielgosz"), "{c:?}");
    assert_eq!(a[0].field("act"), Some("torturing detainees"), "{c:?}");
    assert_eq!(a[0].modality, Modality::Alleged, "{c:?}");
    let c = claims("Marisol Quenby, a colonel accused of running secret prisons, fled.");
    assert!(has(&c, ClaimType::Allegation, "accused", "Marisol Quenby"), "{c:?}");
    let c = claims("Orrin Dalewick allegedly ordered the shelling of the market.");
    let a = of(&c, ClaimType::Allegation);
    assert!(
        a.iter().any(|a| a.field("act") == Some("ordered the shelling of the market")),
        "{c:?}"
    );
    // A plain past act with no accusation is none.
    let c = claims("Orrin Dalewick ordered new uniforms for the guard.");
    assert!(of(&c, ClaimType::Allegation).is_empty(), "{c:?}");
}

#[test]
fn the_reason_for_a_sanction_is_an_allegation_by_its_authority() {
    let c = claims(
        "The Northland Interior Ministry sanctioned Tomasz Wielgosz for his role in the \
         crackdown on students.",
    );
    let a = of(&c, ClaimType::Allegation);
    assert_eq!(a.len(), 1, "{c:?}");
    assert_eq!(a[0].field("accused"), Some("Tomasz Wielgosz"), "{c:?}");
    assert_eq!(a[0].rule, "frame.allegation.reason", "{c:?}");
    assert!(a[0].field("accuser").is_some(), "{c:?}");
}

#[test]
fn an_inverted_designation_and_a_group_identified_later() {
    let c = claims(
        "Velmora froze the assets of six officers. Also designated today is the Velmora \
         Border Police, as well as its former commander, Orrin Dalewick. The two officials \
         have been identified as Staff Sergeant Tomasz Wielgosz and Lieutenant Commander \
         Anders Pellow Grint.",
    );
    for name in ["Orrin Dalewick", "Tomasz Wielgosz", "Anders Pellow Grint"] {
        let s = of(&c, ClaimType::Sanction);
        let s = s.iter().find(|s| s.field("target") == Some(name)).expect(name);
        assert_eq!(s.field("authority"), Some("Velmora"), "{s:?}");
    }
}

#[test]
fn warrants_named_by_their_holder_take_the_documents_issuer() {
    let c = claims(
        "Marisol Quenby travels despite an ICC warrant. In May 2010, the judges at the \
         tribunal issued an arrest warrant for Quenby, who was then a minister. The case \
         mirrors that of Orrin Dalewick, whose warrant was made public days after it was \
         issued. The warrant issued for Tomasz Wielgosz was shown to reporters.",
    );
    for name in ["Marisol Quenby", "Orrin Dalewick", "Tomasz Wielgosz"] {
        let w = of(&c, ClaimType::Warrant);
        let w = w.iter().find(|w| w.field("target") == Some(name)).expect(name);
        assert_eq!(w.field("authority"), Some("International Criminal Court"), "{w:?}");
    }
}

#[test]
fn a_court_in_a_city_gives_the_state_not_the_city_as_authority() {
    let text = "Norway tried the case.\n\nA court in Oslo convicted Tomasz Wielgosz of torture on Tuesday.\n";
    let c = claims(text);
    let verdicts = of(&c, ClaimType::Verdict);
    assert_eq!(verdicts.len(), 1, "{c:?}");
    assert_eq!(verdicts[0].field("defendant"), Some("Tomasz Wielgosz"));
    assert_ne!(verdicts[0].field("authority"), Some("Oslo"), "{c:?}");
}

#[test]
fn capture_execution_and_tours_are_arrests_deaths_and_visits() {
    let c = claims("Soldiers captured Tomasz Wielgosz near the border in 2019.\n");
    assert!(has(&c, ClaimType::Arrest, "person", "Tomasz Wielgosz"), "{c:?}");
    let c = claims("Marisol Quenby was executed in March 2020.\n");
    assert!(has(&c, ClaimType::DeathReport, "person", "Marisol Quenby"), "{c:?}");
    let c = claims("Odalys Brankov toured Norway in June 2018.\n");
    assert!(has(&c, ClaimType::Visit, "person", "Odalys Brankov"), "{c:?}");
}

#[test]
fn a_name_read_as_a_person_once_is_a_person_throughout() {
    // The tagger reads the first, sentence-initial occurrence of this unfamiliar name as an
    // organisation and the second as a person; the view makes both a person.
    let c = claims(
        "Marisol Quenby was sentenced to life imprisonment in 2019.\n\nMarisol Quenby is accused of overseeing torture in detention centres.\n",
    );
    assert!(has(&c, ClaimType::Verdict, "defendant", "Marisol Quenby"), "{c:?}");
}

#[test]
fn an_appeal_court_upholds_or_overturns_a_defendants_conviction() {
    let c = claims("The appeals court has upheld the conviction of Tomasz Wielgosz.\n");
    assert!(has(&c, ClaimType::Verdict, "defendant", "Tomasz Wielgosz"), "{c:?}");
    assert!(has(&c, ClaimType::Verdict, "outcome", "upheld"), "{c:?}");
    let c = claims("The Supreme Court overturned the conviction of Tomasz Wielgosz on Monday.\n");
    assert!(has(&c, ClaimType::Verdict, "outcome", "overturned"), "{c:?}");
}

#[test]
fn sentences_received_served_or_handed_are_verdicts() {
    let c = claims("Kasim Dorrel received a life sentence from a Northland court in 2018.");
    assert!(has(&c, ClaimType::Verdict, "defendant", "Kasim Dorrel"), "{c:?}");
    assert!(has(&c, ClaimType::Verdict, "outcome", "sentenced"), "{c:?}");
    let c = claims(
        "Halvard Brenn, serving a 20-year sentence for corruption, was moved to a hospital.",
    );
    assert!(has(&c, ClaimType::Verdict, "sentence", "20-year sentence"), "{c:?}");
    // A term in office is no sentence.
    let c = claims("Marisol Quenby began a second term as governor in 2019.");
    assert!(of(&c, ClaimType::Verdict).is_empty(), "{c:?}");
}

#[test]
fn charges_filed_or_brought_against_someone() {
    let c = claims("Swiss prosecutors have filed charges against Ramon Ekdahl for war crimes.");
    assert!(has(&c, ClaimType::Charge, "defendant", "Ramon Ekdahl"), "{c:?}");
    assert!(has(&c, ClaimType::Charge, "authority", "Switzerland"), "{c:?}");
    let c = claims(
        "Northland authorities brought charges of treason against opposition leader Karel Dunne.",
    );
    assert!(has(&c, ClaimType::Charge, "defendant", "Karel Dunne"), "{c:?}");
}

#[test]
fn frozen_assets_sanctions_lists_and_custody() {
    let c = claims("Britain froze the assets of Pavel Orlik in 2019.");
    assert!(has(&c, ClaimType::Sanction, "target", "Pavel Orlik"), "{c:?}");
    let c = claims("Canada added Lydia Brennholt to its sanctions list on Thursday.");
    assert!(has(&c, ClaimType::Sanction, "target", "Lydia Brennholt"), "{c:?}");
    assert!(has(&c, ClaimType::Sanction, "authority", "Canada"), "{c:?}");
    let c = claims("Rurik Strand has been held in Northland since April 2020.");
    assert!(has(&c, ClaimType::Arrest, "person", "Rurik Strand"), "{c:?}");
    // Talks held in a city hold no one.
    let c = claims("Talks between the two sides were held in Velmora in 2020.");
    assert!(of(&c, ClaimType::Arrest).is_empty(), "{c:?}");
}

#[test]
fn a_judge_described_by_nationality_gives_the_state_of_a_warrant() {
    let c = claims("A Spanish judge issued an international warrant for the arrest of Anton Melk.");
    assert!(has(&c, ClaimType::Warrant, "authority", "Spain"), "{c:?}");
    let c = claims(
        "France issued warrants in 2018 for three officials, including Ramon Ekdahl and Vilmos Dray.",
    );
    assert!(has(&c, ClaimType::Warrant, "target", "Ramon Ekdahl"), "{c:?}");
    assert!(has(&c, ClaimType::Warrant, "target", "Vilmos Dray"), "{c:?}");
}

#[test]
fn guilt_said_of_a_named_person_is_an_allegation() {
    let c =
        claims("Rights groups say Gerold Fenn was responsible for the disappearance of activists.");
    assert!(has(&c, ClaimType::Allegation, "accused", "Gerold Fenn"), "{c:?}");
    let c = claims("Prosecutors said Ramon Ekdahl ordered the killing of 40 prisoners.");
    assert!(has(&c, ClaimType::Allegation, "accused", "Ramon Ekdahl"), "{c:?}");
    // A portfolio is no guilt, an order no crime.
    let c = claims("Gerold Fenn is responsible for the budget of the ministry.");
    assert!(of(&c, ClaimType::Allegation).is_empty(), "{c:?}");
    let c = claims("Ramon Ekdahl ordered the release of 40 prisoners in 2019.");
    assert!(of(&c, ClaimType::Allegation).is_empty(), "{c:?}");
}

#[test]
fn a_bare_participle_accuses_the_subject_of_its_clause() {
    let c = claims(
        "Tomasz Wielgosz, a diplomat, had been held in Northland since April 2022 accused of espionage.",
    );
    assert!(has(&c, ClaimType::Allegation, "act", "espionage"), "{c:?}");
    let c = claims(
        "For three decades, Marisol Quenby was the chief enforcer of the regime, accused of oppression at home.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Marisol Quenby"), "{c:?}");
    let c =
        claims("Karel Dunne ruled the province for years and was accused of sponsoring terrorism.");
    assert!(has(&c, ClaimType::Allegation, "accused", "Karel Dunne"), "{c:?}");
}

#[test]
fn a_patterns_claim_said_by_someone_else_is_reported_by_them() {
    let text = "Northland police arrested Tomasz Wielgosz on Sunday, the interior ministry said.";
    let c = crate::frames::test_support::claims(text, ClaimType::Arrest);
    assert!(c.iter().all(|c| c.modality == Modality::Reported), "{c:?}");
    assert!(c.iter().any(|c| c.attributed_to.as_deref() == Some("interior ministry")), "{c:?}");
}

#[test]
fn warrants_for_a_list_of_titled_names_issued_by_the_body_that_reports_them() {
    let c = claims(
        "The Hague Criminal Tribunal said Tuesday it had issued arrest warrants for \
         Northland's army chief Tomasz Wielgosz, and former defence minister Marek Ostrowin.",
    );
    for name in ["Tomasz Wielgosz", "Marek Ostrowin"] {
        let w = of(&c, ClaimType::Warrant);
        let w = w.iter().find(|w| w.field("target") == Some(name)).expect(name);
        assert_eq!(w.field("authority"), Some("Hague Criminal Tribunal"), "{w:?}");
        // The tribunal tells its own act: stated, not reported.
        assert_eq!(w.modality, Modality::Asserted, "{w:?}");
    }
    let c = claims(
        "The Hague Criminal Tribunal issued an arrest warrant for President Halvard Brenning in March last year.",
    );
    assert!(has(&c, ClaimType::Warrant, "authority", "Hague Criminal Tribunal"), "{c:?}");
}

#[test]
fn one_sanction_per_listed_authority_and_passive_nominal_sanctions() {
    let c = claims(
        "The UK, US and Canada have sanctioned Northland's former central bank governor Oskar Lindqvist.",
    );
    for a in ["United Kingdom", "United States", "Canada"] {
        let s = of(&c, ClaimType::Sanction);
        assert!(
            s.iter()
                .any(|s| s.field("authority") == Some(a)
                    && s.field("target") == Some("Oskar Lindqvist")),
            "{a}: {c:?}"
        );
    }
    let c = claims(
        "The sanctions were imposed on the Varnholm Chemical Institute and the Northland Testing Institute.",
    );
    assert!(has(&c, ClaimType::Sanction, "target", "Varnholm Chemical Institute"), "{c:?}");
    assert!(has(&c, ClaimType::Sanction, "target", "Northland Testing Institute"), "{c:?}");
}

#[test]
fn targets_told_after_the_participle_and_names_on_a_blacklist() {
    let c = claims(
        "Among those sanctioned are Retired Maj. Gen. Tomasz Wielgosz and former police chief Marisol Quenby.",
    );
    assert!(has(&c, ClaimType::Sanction, "target", "Tomasz Wielgosz"), "{c:?}");
    assert!(has(&c, ClaimType::Sanction, "target", "Marisol Quenby"), "{c:?}");
    let c = claims(
        "The Treasury named lawmakers Tomasz Wielgosz and Marek Ostrowin to a terror-related blacklist on Tuesday.",
    );
    assert!(has(&c, ClaimType::Sanction, "target", "Tomasz Wielgosz"), "{c:?}");
    assert!(has(&c, ClaimType::Sanction, "target", "Marek Ostrowin"), "{c:?}");
}

#[test]
fn sentences_given_and_those_sentenced_included() {
    let c = claims(
        "Former Navy captain Tomasz Wielgosz and 15 others were yesterday given prison sentences for their role in crimes against humanity.",
    );
    let v = of(&c, ClaimType::Verdict);
    let v = v.iter().find(|v| v.field("defendant") == Some("Tomasz Wielgosz")).expect("verdict");
    assert_eq!(v.field("sentence"), Some("prison sentences"), "{v:?}");
    // The participle hung below the noun names no authority.
    assert_eq!(v.field("authority"), None, "{v:?}");
    let c = claims(
        "In addition to Wielgosz, those sentenced to life imprisonment included former Navy captains Marek Ostrowin and Halvard Brenning.",
    );
    assert!(has(&c, ClaimType::Verdict, "defendant", "Marek Ostrowin"), "{c:?}");
    assert!(has(&c, ClaimType::Verdict, "defendant", "Halvard Brenning"), "{c:?}");
}

#[test]
fn dismissed_charges_are_an_acquittal_and_the_named_men_are_charged() {
    let c = claims(
        "The court also dismissed charges against Marisol Quenby, a former deputy intelligence chief, and Jonas Pettersby.",
    );
    for name in ["Marisol Quenby", "Jonas Pettersby"] {
        let v = of(&c, ClaimType::Verdict);
        let v = v.iter().find(|v| v.field("defendant") == Some(name)).expect(name);
        assert_eq!(v.field("outcome"), Some("acquitted"), "{v:?}");
    }
    assert!(of(&c, ClaimType::Charge).is_empty(), "{c:?}");
    let c = claims(
        "Police and prosecutors announced they had enough evidence to charge the men named as Piotr Zalewski and Anton Kurlov over the poisoning.",
    );
    assert!(has(&c, ClaimType::Charge, "defendant", "Piotr Zalewski"), "{c:?}");
    assert!(has(&c, ClaimType::Charge, "defendant", "Anton Kurlov"), "{c:?}");
}

#[test]
fn charges_faced_by_the_subject_of_a_joined_verb_and_crimes_named_by_an_article() {
    let c = claims("Petra Lindgren, who resigned in May, is now jailed and facing charges.");
    assert!(has(&c, ClaimType::Charge, "defendant", "Petra Lindgren"), "{c:?}");
    // "charges of smuggling (Article 12)": the apposition of a crime is no defendant.
    let c = claims(
        "Jonas Pettersby remained in detention on charges of smuggling (Article 12 of the Code).",
    );
    assert!(!has(&c, ClaimType::Charge, "defendant", "Article"), "{c:?}");
}

#[test]
fn a_government_named_by_its_leaders_is_accused_through_them() {
    let c = claims(
        "The ministry accused the government of President Halvard Brenning and his wife Petra Lindgren of carrying out a campaign of repression.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Halvard Brenning"), "{c:?}");
    assert!(has(&c, ClaimType::Allegation, "accused", "Petra Lindgren"), "{c:?}");
}

#[test]
fn a_misparsed_participle_of_accusing_speaks_of_the_person_named_before_it() {
    let c = claims(
        "Tomasz Wielgosz, a wanted fugitive accused of playing a major role in the massacre has been arrested near Varnholm.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Tomasz Wielgosz"), "{c:?}");
    let c = claims(
        "For three decades, Wielgosz was President Halvard Brenning's chief enforcer, accused of oppression at home and terrorism abroad.",
    );
    assert!(has(&c, ClaimType::Allegation, "accused", "Wielgosz"), "{c:?}");
    assert!(!has(&c, ClaimType::Allegation, "accused", "Halvard Brenning"), "{c:?}");
    // A body that accuses is no participle's subject.
    let c = claims("The ministry accused of fraud the firm that Marisol Quenby runs.");
    assert!(!has(&c, ClaimType::Allegation, "accused", "Marisol Quenby"), "{c:?}");
}

#[test]
fn poisoning_and_dying_of_a_cause_are_health() {
    let c = claims("In 2020, agents poisoned Tomasz Wielgosz with a nerve agent.");
    let h = of(&c, ClaimType::Health);
    assert!(h.iter().any(|h| h.field("person") == Some("Tomasz Wielgosz")), "{c:?}");
    assert!(h.iter().any(|h| h.field("condition").is_some_and(|x| x.contains("nerve agent"))));
    let c = claims("Her lawyer said Marisol Quenby died of a heart attack.");
    assert!(has(&c, ClaimType::Health, "condition", "a heart attack"), "{c:?}");
    assert!(has(&c, ClaimType::DeathReport, "person", "Marisol Quenby"), "{c:?}");
}

#[test]
fn who_speaks_of_a_sentence_does_not_give_it() {
    let text = "Norvania's Daily Herald newspaper described Tomasz Wielgosz's sentence as the most severe given to a former minister.";
    let c = claims(text);
    let v = of(&c, ClaimType::Verdict);
    assert!(!v.iter().any(|v| v.field("authority").is_some_and(|a| a.contains("Herald"))), "{c:?}");
}

#[test]
fn charges_faced_at_the_end_of_a_chain_of_conjuncts() {
    let c = claims(
        "Piet Oranje was chosen to replace former Vice President Edda Lorn, who resigned May 8 due to the same scandal and is now jailed and facing charges.",
    );
    assert!(has(&c, ClaimType::Charge, "defendant", "Edda Lorn"), "{c:?}");
    assert!(!has(&c, ClaimType::Charge, "defendant", "Piet Oranje"), "{c:?}");
}

#[test]
fn a_post_named_once_resolves_a_later_description() {
    let text = "Tomasz Wielgosz was the president of Norvania from 1990 to 2019.\n\nEarlier this year, the former president was charged with money laundering.\n";
    let c = claims(text);
    let ch = of(&c, ClaimType::Charge);
    assert!(ch.iter().any(|x| x.field("defendant") == Some("Tomasz Wielgosz")), "{c:?}");
    // Two presidents: the description names neither.
    let text = "Tomasz Wielgosz was the president of Norvania from 1990 to 2019. Piet Oranje was the president of Ostria until 2015.\n\nEarlier this year, the former president was charged with money laundering.\n";
    let c = claims(text);
    assert!(of(&c, ClaimType::Charge).iter().all(|x| x.field("defendant").is_none()), "{c:?}");
}

#[test]
fn the_source_of_a_sentence_is_the_subject_nearest_its_reporting_verb() {
    let text = "Kasimir Holl is seen with his brother Piet Oranje and the singer Edda Lorn, who visited Varsk recently and uploaded the picture to his page, the Varsk Herald reported.";
    let c = claims(text);
    let m = of(&c, ClaimType::Meeting);
    assert_eq!(m.len(), 1, "{c:?}");
    assert_ne!(m[0].attributed_to.as_deref(), Some("Edda Lorn"), "{c:?}");
}

/// A look at any text's parse and claims while working on the frames:
/// `FRAMES_TEXT='...' FRAMES_DUMP=1 cargo test --release -p claims --lib dump_a_text -- --ignored`.
#[test]
#[ignore]
fn dump_a_text() {
    if let Some(text) = std::env::var_os("FRAMES_TEXT") {
        for line in text.to_string_lossy().split("\n\n") {
            eprintln!("{:#?}", claims(line));
        }
    }
}

/// `FRAMES_TEXT='...' cargo test --release -p claims --lib dump_a_view -- --ignored
/// --nocapture` prints how the view renders each sentence, its mentions, and every word's
/// parse: what a rule sees.
#[test]
#[ignore]
fn dump_a_view() {
    use crate::frames::test_support::{ANALYZER, TAGGER};
    if let Some(text) = std::env::var_os("FRAMES_TEXT") {
        let text = text.to_string_lossy().to_string();
        let reading = read::read_document(&TAGGER, &ANALYZER, &text, None);
        let view = crate::view::DocumentView::build(&text, &reading.annotations, &reading.words);
        for s in &view.sentences {
            eprintln!("{}", s.view);
        }
        for (i, m) in view.mentions.iter().enumerate() {
            eprintln!("{i} {:?} {:?}", m.kind, &text[m.span.clone()]);
        }
        for w in &view.words {
            eprintln!("{} {} {} {}", &text[w.span.clone()], w.upos, w.head, w.deprel);
        }
    }
}

#[test]
fn a_name_hung_on_the_verb_without_a_preposition_is_its_object() {
    // The tagger reads "vice-president" as an adjective; the parse hangs the name on the
    // verb as an oblique. Both authorities of the subject sanction the person.
    let c = claims(
        "The European Union and the United Kingdom sanctioned Nicaragua's vice-president, Marisol Vargaslo, in 2022 for human rights abuses.",
    );
    let s = of(&c, ClaimType::Sanction);
    for authority in ["European Union", "United Kingdom"] {
        assert!(
            s.iter().any(|s| s.field("authority") == Some(authority)
                && s.field("target") == Some("Marisol Vargaslo")),
            "{authority}: {s:?}"
        );
    }
}
