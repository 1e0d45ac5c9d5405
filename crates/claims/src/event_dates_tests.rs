//! Event dates from the document's dated statement of the event, dates at the publication
//! date's precision, and post dates, on invented documents read by the real reader.

use crate::extract::within_published;
use crate::{Claim, ClaimType, Input, extract};

static TAGGER: std::sync::LazyLock<read::ner::Tagger> =
    std::sync::LazyLock::new(|| read::ner::builtin().expect("the built-in model loads"));
static ANALYZER: std::sync::LazyLock<read::syntax::Analyzer> =
    std::sync::LazyLock::new(|| read::syntax::builtin().expect("the built-in model loads"));

fn claims(text: &str, published: Option<model::PartialDate>, kind: ClaimType) -> Vec<Claim> {
    let reading = read::read_document(&TAGGER, &ANALYZER, text, published);
    extract(&Input {
        doc: "t.txt",
        sha256: "00",
        text,
        published,
        annotations: &reading.annotations,
        words: &reading.words,
    })
    .into_iter()
    .filter(|c| c.kind == kind)
    .collect()
}

fn of<'c>(claims: &'c [Claim], field: &str, name: &str) -> &'c Claim {
    claims
        .iter()
        .find(|c| c.field(field).is_some_and(|h| h.contains(name)))
        .unwrap_or_else(|| panic!("a claim about {name} in {claims:#?}"))
}

#[test]
fn a_month_precise_publication_date_gives_the_year_and_month() {
    let feb = model::PartialDate::month(2021, 2).expect("a month");
    assert_eq!(within_published("XXXX-02-01", feb).as_deref(), Some("2021-02-01"));
    assert_eq!(within_published("XXXX-WXX-4", feb).as_deref(), Some("2021-02"));
    assert_eq!(within_published("XXXX-XX-XX", feb).as_deref(), Some("2021-02"));
    assert_eq!(within_published("XXXX-02", feb).as_deref(), Some("2021-02"));
    // Far after the publication month: another year's, left undated.
    assert_eq!(within_published("XXXX-11-01", feb), None);
    assert_eq!(within_published("2019-11-01", feb), None);
    let year = model::PartialDate::year(2021).expect("a year");
    assert_eq!(within_published("XXXX-WXX-4", year).as_deref(), Some("2021"));
}

#[test]
fn a_restated_sanction_takes_the_date_of_the_first_statement() {
    let text = "Norway on Friday sanctioned four officials of the Coastal Customs Office.\n\n\
                Norway sanctioned Tomasz Wielgosz and Marisol Quenby for their role in the crackdown.";
    let published = model::PartialDate::day(2022, 5, 6).ok();
    let claims = claims(text, published, ClaimType::Sanction);
    assert_eq!(of(&claims, "target", "Wielgosz").field("date"), Some("2022-05-06"));
    assert_eq!(of(&claims, "target", "Quenby").field("date"), Some("2022-05-06"));
}

#[test]
fn a_date_that_opens_a_post_is_not_the_date_of_a_sanction() {
    let text = "On 14 March 2022, Norway announced new sanctions against four officials.\n\n\
                Norway sanctioned Tomasz Wielgosz, director of the Coastal Customs Office since January 2021.";
    let published = model::PartialDate::month(2022, 3).ok();
    let sanctions = claims(text, published, ClaimType::Sanction);
    assert_eq!(of(&sanctions, "target", "Wielgosz").field("date"), Some("2022-03-14"));
    let posts = claims(text, published, ClaimType::Position);
    assert_eq!(of(&posts, "holder", "Wielgosz").field("start"), Some("2021-01"));
}

#[test]
fn an_undated_event_with_no_earlier_dated_statement_stays_undated() {
    let text = "Norway sanctioned Tomasz Wielgosz for his role in the crackdown.\n\n\
                In 2019 the customs office opened a new port.";
    let published = model::PartialDate::day(2022, 5, 6).ok();
    let claims = claims(text, published, ClaimType::Sanction);
    assert_eq!(of(&claims, "target", "Wielgosz").field("date"), None);
}

#[test]
fn a_post_served_since_a_year_starts_then() {
    let text = "Marisol Quenby has served as commander of the Coastal Army since 2018.";
    let posts = claims(text, model::PartialDate::day(2023, 8, 22).ok(), ClaimType::Position);
    assert_eq!(of(&posts, "holder", "Quenby").field("start"), Some("2018"));
}

#[test]
fn an_appointment_dates_the_post_it_gives() {
    let text =
        "Marisol Quenby had been appointed to head the Coastal Customs Office in March 2019.";
    let posts = claims(text, model::PartialDate::day(2022, 9, 14).ok(), ClaimType::Position);
    assert_eq!(of(&posts, "holder", "Quenby").field("start"), Some("2019-03"));
}

#[test]
fn a_sanction_in_the_present_perfect_is_dated_by_the_publication() {
    let text = "Norway and Canada have sanctioned Tomasz Wielgosz for his role in the crackdown.";
    let published = model::PartialDate::day(2022, 5, 6).ok();
    let claims = claims(text, published, ClaimType::Sanction);
    assert_eq!(of(&claims, "target", "Wielgosz").field("date"), Some("2022-05-06"));
}

#[test]
fn a_date_of_an_appointment_or_a_post_is_not_the_date_of_a_sanction() {
    let text = "Norway sanctioned Tomasz Wielgosz, a minister appointed in August.\n\n\
                Norway sanctioned Marisol Quenby, head of the Coastal Customs Office between 2009 and 2014.";
    let published = model::PartialDate::day(2022, 5, 6).ok();
    let claims = claims(text, published, ClaimType::Sanction);
    for name in ["Wielgosz", "Quenby"] {
        let date = of(&claims, "target", name).field("date");
        assert!(!matches!(date, Some("2021-08" | "2009")), "{name}: {date:?}");
    }
}

#[test]
fn an_act_that_did_not_happen_or_a_day_that_does_not_resolve_dates_nothing() {
    // "avoided arrest in 1996" is no arrest of 1996.
    let text = "Tomasz Wielgosz fled abroad. He narrowly avoided arrest in Varnholm in 1996.\n\n\
        Police arrested Tomasz Wielgosz in Brenning.";
    let arrests = claims(text, None, ClaimType::Arrest);
    assert_eq!(of(&arrests, "person", "Wielgosz").field("date"), None, "{arrests:#?}");
    // "today" without a publication date: the sentence's own day, unknown, not 1996.
    let text = "Police arrested Piet Oranje in Varnholm in 1996.\n\n\
        The arrest of Tomasz Wielgosz today is a reminder.";
    let arrests = claims(text, None, ClaimType::Arrest);
    assert_eq!(of(&arrests, "person", "Wielgosz").field("date"), None, "{arrests:#?}");
}

#[test]
fn a_date_in_an_earlier_clause_of_the_match_is_that_clauses() {
    let text = "Tomasz Wielgosz was arrested at Varnholm airport in November 2019 and sentenced to \
        life in prison in July 2022 for his role in the killings.";
    let verdicts = claims(text, None, ClaimType::Verdict);
    assert_eq!(
        of(&verdicts, "defendant", "Wielgosz").field("date"),
        Some("2022-07"),
        "{verdicts:#?}"
    );
    let arrests = claims(text, None, ClaimType::Arrest);
    assert_eq!(of(&arrests, "person", "Wielgosz").field("date"), Some("2019-11"), "{arrests:#?}");
}

#[test]
fn an_act_the_sentence_counts_from_takes_its_date_from_the_story() {
    let text = "May 20, 2015 (VARSK) – Tomasz Wielgosz has appeared in Varnholm in his first trip \
        abroad since his indictment by the International Criminal Court. In April 2007, the \
        judges issued an arrest warrant for Wielgosz charging him with 42 counts of murder.";
    let charges = claims(text, None, ClaimType::Charge);
    let charge = of(&charges, "defendant", "Wielgosz");
    assert_eq!(charge.field("date"), Some("2007-04"), "{charges:#?}");
}

#[test]
fn an_appointment_takes_no_date_from_another_person_s() {
    let found = crate::frames::test_support::claims_in(
        "Norvania held elections on Sunday.\n\nMarisol Quenby was named deputy speaker of \
         parliament in 2019.\n\nPavel Dunaj, a close associate of the president, was appointed \
         defence minister.",
        crate::ClaimType::Appointment,
        &["Norvania"],
    );
    let dunaj = found.iter().find(|c| c.field("person") == Some("Pavel Dunaj")).expect("found");
    assert_eq!(dunaj.field("date"), None, "{found:#?}");
}

#[test]
fn a_date_in_a_relative_clause_on_the_person_is_not_the_act_s() {
    // The post's years in "who was minister between ..." date the post, not the arrest.
    let text = "Tomas Varnel Okafor, who was foreign minister between 2007 and 2012 before breaking with the ruling party, was arrested in June 2021 and held for 18 months.";
    let arrests = claims(text, None, ClaimType::Arrest);
    assert_eq!(of(&arrests, "person", "Okafor").field("date"), Some("2021-06"));
    // An undated verdict does not take the date of a post in an earlier sentence's relative
    // clause, whose own act has an unresolved date.
    let text = "Karel Drummond-Usoh, 58, who headed police operations in the western region until 2019, was convicted of murder last month.\n\nHis deputy, Superintendent Amara Velde-Obi, was acquitted on all counts.";
    let verdicts = claims(text, None, ClaimType::Verdict);
    assert_eq!(of(&verdicts, "defendant", "Velde-Obi").field("date"), None);
    // The act inside the clause keeps its own date.
    let text = "Pieter Sandoval-Ruiz, who was sentenced to death in 2015 for the murder of eight villagers, including three children, was released on a pardon in March.";
    let verdicts = claims(text, None, ClaimType::Verdict);
    assert_eq!(of(&verdicts, "defendant", "Sandoval-Ruiz").field("date"), Some("2015"));
}

#[test]
fn a_date_in_a_relative_clause_on_a_person_after_the_act_is_not_the_act_s() {
    // "who was extradited ... in 2008" dates the extradition, not the sentences.
    let text = "Those sentenced to life imprisonment included Piet Oranje and Karl Tollen, who was extradited from Spain in 2008.";
    let verdicts = claims(text, None, ClaimType::Verdict);
    assert_eq!(of(&verdicts, "defendant", "Oranje").field("date"), None, "{verdicts:#?}");
    // A clause on a thing may date the act ("the talks, which were held in May 2021").
    let text = "Piet Oranje arrived in Varsk for the talks, which were held in May 2021.";
    let visits = claims(text, None, ClaimType::Visit);
    assert_eq!(of(&visits, "person", "Oranje").field("date"), Some("2021-05"), "{visits:#?}");
}
