//! Session-17 probes of the legal claims on invented wire-story sentences, through the whole
//! extractor (the rules of `en.toml` and the frames): criminal cases opened, wanted lists and
//! red notices, prison terms, appeals lost, and crimes a person is believed to have ordered.

use crate::frames::test_support::{claims, claims_in, claims_reparsed};
use crate::{Claim, ClaimType};

fn one<'c>(c: &'c [Claim], field: &str, value: &str) -> &'c Claim {
    c.iter().find(|c| c.field(field) == Some(value)).unwrap_or_else(|| panic!("{value}: {c:?}"))
}

#[test]
fn a_criminal_case_opened_or_charges_brought_is_a_charge() {
    let c = claims(
        "A criminal case was opened against Tomasz Wielgosz in 2020 on charges of abuse of power.",
        ClaimType::Charge,
    );
    let charge = one(&c, "defendant", "Tomasz Wielgosz");
    assert_eq!(charge.field("date"), Some("2020"), "{charge:?}");
    let c = claims_in(
        "Investigators in Norvania opened a criminal case against Marisol Quenby. \
         Norvanian prosecutors later brought charges against Kasimir Holl for bribery.",
        ClaimType::Charge,
        &["Norvania"],
    );
    one(&c, "defendant", "Marisol Quenby");
    one(&c, "defendant", "Kasimir Holl");
}

#[test]
fn being_declared_wanted_or_put_on_a_wanted_list_is_a_warrant() {
    let c = claims_in(
        "Tomasz Wielgosz, 67, fled the country in 2021 and was declared wanted by Norvania.",
        ClaimType::Warrant,
        &["Norvania"],
    );
    assert_eq!(one(&c, "target", "Tomasz Wielgosz").field("authority"), Some("Norvania"));
    let c = claims_in(
        "Norvania put Edda Lorn on its international wanted list in March.",
        ClaimType::Warrant,
        &["Norvania"],
    );
    assert_eq!(one(&c, "target", "Edda Lorn").field("authority"), Some("Norvania"));
    let c = claims("Interpol issued a red notice for Piet Oranje last year.", ClaimType::Warrant);
    assert_eq!(one(&c, "target", "Piet Oranje").field("authority"), Some("Interpol"));
}

#[test]
fn prison_terms_given_jailed_received_or_served_are_sentences() {
    let c = claims(
        "Another co-defendant, Pavel Dunaj, pleaded guilty to bribery and was jailed for four years.",
        ClaimType::Verdict,
    );
    let v = one(&c, "defendant", "Pavel Dunaj");
    assert_eq!(v.field("outcome"), Some("sentenced"), "{v:?}");
    // A reason is no term.
    let c = claims("Pavel Dunaj was jailed for his reporting on the war.", ClaimType::Verdict);
    assert!(c.is_empty(), "{c:?}");
    let c = claims(
        "Kasimir Holl stood trial in 2021 and was handed a seven-year sentence.",
        ClaimType::Verdict,
    );
    one(&c, "defendant", "Kasimir Holl");
    // Convicted and jailed in one sentence is one verdict that keeps the charge.
    let c = claims(
        "Marisol Quenby was found guilty of fraud and jailed for five years.",
        ClaimType::Verdict,
    );
    assert_eq!(c.len(), 1, "{c:?}");
    assert!(c[0].fields.get("charges").is_some_and(|v| v.to_string().contains("fraud")), "{c:?}");
}

#[test]
fn an_appeal_lost_upholds_and_a_conviction_quashed_is_overturned() {
    let c = claims(
        "The Supreme Court rejected the appeal of former finance minister Tomasz Wielgosz, \
         upholding his conviction for embezzlement.",
        ClaimType::Verdict,
    );
    assert_eq!(one(&c, "defendant", "Tomasz Wielgosz").field("outcome"), Some("upheld"));
    let c = claims(
        "Edda Lorn lost her appeal and must serve the rest of her term.",
        ClaimType::Verdict,
    );
    assert_eq!(one(&c, "defendant", "Edda Lorn").field("outcome"), Some("upheld"));
    // An appeal against an extradition is no verdict.
    let c = claims("Edda Lorn lost her appeal against extradition.", ClaimType::Verdict);
    assert!(c.is_empty(), "{c:?}");
    let c = claims(
        "Kasimir Holl's conviction was overturned by an appeals court, which ordered a retrial.",
        ClaimType::Verdict,
    );
    assert_eq!(one(&c, "defendant", "Kasimir Holl").field("outcome"), Some("overturned"));
}

#[test]
fn an_acquittal_after_an_apposition_names_its_defendant() {
    let c = claims(
        "His deputy, Aurel Fenwick, was acquitted of all charges in January.",
        ClaimType::Verdict,
    );
    assert_eq!(one(&c, "defendant", "Aurel Fenwick").field("outcome"), Some("acquitted"));
}

#[test]
fn a_crime_someone_is_believed_to_have_ordered_is_alleged_but_not_one_they_suffered() {
    let c = claims(
        "Tomasz Wielgosz is believed to have ordered the killing of a journalist.",
        ClaimType::Allegation,
    );
    one(&c, "accused", "Tomasz Wielgosz");
    let c = claims(
        "Piet Oranje was reported to have lost both legs when a bomb struck his convoy.",
        ClaimType::Allegation,
    );
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn a_charge_ends_before_the_source_that_reports_it() {
    let c = claims(
        "Tomasz Wielgosz was charged with 12 counts of war crimes, the court said.",
        ClaimType::Charge,
    );
    let charges = one(&c, "defendant", "Tomasz Wielgosz").fields.get("charges").cloned();
    assert_eq!(charges, Some(serde_json::json!(["12 counts of war crimes"])), "{c:?}");
}

#[test]
fn wanted_in_a_state_and_extradited_to_face_charges() {
    let c = claims(
        "Tomasz Wielgosz, who fled abroad in 2014, is wanted in Ukraine on charges of high treason.",
        ClaimType::Warrant,
    );
    assert_eq!(one(&c, "target", "Tomasz Wielgosz").field("authority"), Some("Ukraine"));
    let c = claims(
        "Marisol Quenby was extradited to the United States to face charges of drug trafficking.",
        ClaimType::Charge,
    );
    assert_eq!(one(&c, "defendant", "Marisol Quenby").field("authority"), Some("United States"));
}

#[test]
fn a_court_upholds_the_sentence_against_a_named_defendant() {
    let c = claims_in(
        "A court in Norvania jailed Aurel Fenwick for 11 years on charges of organising mass \
         riots, his lawyers said. An appeals court upheld the sentence against Fenwick in April.",
        ClaimType::Verdict,
        &["Norvania"],
    );
    let jailed = c.iter().find(|v| v.field("outcome") == Some("sentenced")).expect("sentenced");
    assert_eq!(
        jailed.fields.get("charges"),
        Some(&serde_json::json!(["organising mass riots"])),
        "{c:?}"
    );
    assert!(c.iter().any(|v| v.field("outcome") == Some("upheld")), "{c:?}");
}

#[test]
fn linked_to_a_crime_alleged_by_a_body_or_told_by_a_report_are_allegations() {
    for text in [
        "Tomasz Wielgosz has been linked to the killings by witnesses.",
        "Human Rights Watch alleges that Tomasz Wielgosz ordered soldiers to fire on protesters.",
        "According to the report, Tomasz Wielgosz personally supervised the executions.",
    ] {
        let c = claims(text, ClaimType::Allegation);
        one(&c, "accused", "Tomasz Wielgosz");
    }
    // A tie to a party is no crime.
    let c =
        claims("Tomasz Wielgosz has long been linked to the ruling party.", ClaimType::Allegation);
    assert!(c.is_empty(), "{c:?}");
}

#[test]
fn jailed_for_a_term_is_a_verdict_not_an_arrest() {
    let text = "A court in Lornby jailed Marisol Quenby for 12 years for embezzlement.";
    assert!(claims(text, ClaimType::Arrest).is_empty());
    assert!(!claims(text, ClaimType::Verdict).is_empty());
    let text = "Police jailed Kasimir Holl on Friday after the protest.";
    assert!(!claims(text, ClaimType::Arrest).is_empty());
}

#[test]
fn a_plural_relative_clause_on_the_last_of_several_names_is_about_them_all() {
    let text = "The other defendants are Tomas Verhelst, Ilse Maertens and Karel Dewitte, who \
                were sentenced to 15 years in prison.";
    let names = ["Ilse Maertens", "Karel Dewitte", "Tomas Verhelst"];
    let defendants = |c: &[Claim]| {
        let mut d: Vec<String> =
            c.iter().filter_map(|c| c.field("defendant").map(str::to_string)).collect();
        d.sort();
        d
    };
    let rules = crate::Rules::english();
    let built_in = claims_reparsed(rules, text, ClaimType::Verdict, |_| {});
    assert_eq!(defendants(&built_in), names, "{built_in:?}");
    // Another parser hangs the clause on the nearest name, "Karel Dewitte": the verdict is
    // still about all three, the verb being plural.
    let word = |w: &[model::Word], form: &str| {
        w.iter().position(|w| &text[w.span.clone()] == form).expect("the word")
    };
    let nearest = claims_reparsed(rules, text, ClaimType::Verdict, |w| {
        let (verb, karel) = (word(w, "sentenced"), word(w, "Karel"));
        w[verb].head = karel + 1;
    });
    assert_eq!(defendants(&nearest), names, "{nearest:?}");
}

#[test]
fn the_same_sentence_told_again_of_a_counted_group_is_that_group() {
    use super::tests::has;
    use crate::frames::test_support::claims_rewired;
    // "sentenced 5 people ... The five were sentenced": the five are the unnamed five, not
    // the five people named between, whose names fill the group before the counted group is
    // reached (a parse that makes "The" the number's determiner, as the BiLSTM's does,
    // makes "The five" a group word).
    let text = "Norvania has sentenced 5 people to death for the murder of the journalist Piet Oranje, prosecutor Edda Lorn announced on Monday. A former adviser to Anton Brask, Marisol Quenby was cleared after judges found no evidence against her. Judges also dropped charges against Kasimir Holl, a former intelligence chief, Jonas Pettersby and Tomasz Wielgosz, a consul. The five were sentenced to death for the murder of Oranje.";
    let c = claims_rewired(text, ClaimType::Verdict, &[("The", "five", "det")]);
    let sentenced: Vec<&Claim> =
        c.iter().filter(|c| c.field("outcome") == Some("sentenced")).collect();
    assert!(sentenced.is_empty(), "{sentenced:?}");
    // The acquittals the text tells are still found.
    assert!(has(&c, ClaimType::Verdict, "defendant", "Kasimir Holl"), "{c:?}");
}
