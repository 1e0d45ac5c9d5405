//! Pronouns on invented sentences read by the built-in models: gender agreement, the
//! subject before the first name, and no guess between two people.

use super::*;
use crate::view::DocumentView;

static TAGGER: std::sync::LazyLock<read::ner::Tagger> =
    std::sync::LazyLock::new(|| read::ner::builtin().expect("the built-in model loads"));
static ANALYZER: std::sync::LazyLock<read::syntax::Analyzer> =
    std::sync::LazyLock::new(|| read::syntax::builtin().expect("the built-in model loads"));

/// The name each pronoun of `text` resolves to, in text order (`-` for none).
fn resolved(text: &str) -> Vec<String> {
    let reading = read::read_document(&TAGGER, &ANALYZER, text, None);
    let view = DocumentView::build(text, &reading.annotations, &reading.words);
    let people = People::build(text, &view);
    (0..view.mentions.len())
        .filter(|&m| view.mentions[m].kind == Kind::Pro)
        .map(|m| {
            people.pronoun(&view, m).map_or("-".to_string(), |g| people.people[g].name.clone())
        })
        .collect()
}

#[test]
fn a_pronoun_agrees_in_gender_with_what_the_document_tells() {
    let text = "Ms Marisol Quenby met Tomasz Wielgosz in Oslo on Monday. \
                The next day the European Union sanctioned her.";
    assert_eq!(resolved(text), ["Marisol Quenby"]);
    let text = "Mr Tomasz Wielgosz met Marisol Quenby in Oslo on Monday. \
                Weeks later she was arrested.";
    assert_eq!(resolved(text), ["Marisol Quenby"]);
}

#[test]
fn the_previous_sentences_subject_comes_before_its_first_name() {
    let text = "After a meeting with Piet Oranje, Tomasz Wielgosz flew back to Oslo. \
                The United States imposed sanctions on him last year.";
    assert_eq!(resolved(text), ["Tomasz Wielgosz"]);
}

#[test]
fn two_people_and_no_subject_among_them_settle_nothing() {
    let text = "The court heard Piet Oranje and Tomasz Wielgosz on Monday. \
                The United States imposed sanctions on him last year.";
    assert_eq!(resolved(text), ["-"]);
}

#[test]
fn a_pronoun_told_before_any_name_carries_its_person_on() {
    let text = "Tomasz Wielgosz was tried in 1985. \
                But he served just five years before he was pardoned by President Piet Oranje. \
                In 1998 he was taken into custody again.";
    let got = resolved(text);
    assert_eq!(got.last().map(String::as_str), Some("Tomasz Wielgosz"), "{got:?}");
}

#[test]
fn the_agency_of_a_dateline_is_no_antecedent() {
    let text = "LORNBY, Nov 20 (Anselm Vreeke) - A federal court on Tuesday convicted \
                Captain Tomasz Wielgosz of torture and sentenced him to 18 years in prison.";
    assert_eq!(resolved(text), ["Tomasz Wielgosz"]);
}

/// The group each person mention of `text` joins, by name, in text order.
fn groups(text: &str) -> Vec<String> {
    let reading = read::read_document(&TAGGER, &ANALYZER, text, None);
    let view = DocumentView::build(text, &reading.annotations, &reading.words);
    let people = People::build(text, &view);
    (0..view.mentions.len())
        .filter_map(|m| people.of_mention.get(&m).map(|&g| people.people[g].name.clone()))
        .collect()
}

#[test]
fn a_two_word_surname_joins_the_full_name_and_mrs_joins_no_namesake() {
    let got = groups("Efrain Vallejo Brito ruled Northland. Vallejo Brito was convicted in 2013.");
    assert!(got.iter().all(|g| g == "Efrain Vallejo Brito"), "{got:?}");
    let got = groups(
        "Tomasz Wielgosz and his brother Marek Wielgosz were sanctioned. \
         Mrs. Wielgosz, the minister of tourism, was sanctioned too.",
    );
    assert_eq!(got.last().map(String::as_str), Some("Wielgosz"), "{got:?}");
}

#[test]
fn in_a_quotation_he_is_not_its_speaker() {
    let text = "The court convicted Piet Oranje on Monday. \
                Governor Tomasz Wielgosz told reporters that Oranje should serve life. \
                “He committed many crimes here, we are waiting for justice,” he added.";
    // The quotation's "He" is the convicted man; the "he" of "he added" is the speaker.
    assert_eq!(resolved(text)[0], "Piet Oranje");
}

#[test]
fn an_object_is_not_its_verbs_subject_and_a_rival_pronoun_settles_nothing() {
    let text = "Tomasz Wielgosz is a senior official. \
                In 2011, President Piet Oranje named him deputy leader. \
                In 2012, he was elected speaker.";
    // "him" is not Oranje; "he" could be either man, so it is neither.
    assert_eq!(resolved(text), ["Tomasz Wielgosz", "-"]);
}

#[test]
fn a_first_name_with_two_letters_swapped_is_the_same_person() {
    assert!(transposed("tomasz", "tmoasz"));
    assert!(!transposed("maria", "mario"));
    assert!(!transposed("anna", "aann"));
    let names = groups(
        "The court sentenced Tomasz Wielgosz and Kasimir Holl. Tmoasz Wielgosz was a lawyer.",
    );
    assert_eq!(names, ["Tomasz Wielgosz", "Kasimir Holl", "Tomasz Wielgosz"], "{names:?}");
}

#[test]
fn a_lone_surname_two_namesakes_fit_is_neither_of_them() {
    let got = groups(
        "Tomasz Wielgosz met his brother Marek Wielgosz in Varsk. \
         Wielgosz's cousin Piet Oranje was sanctioned.",
    );
    assert_eq!(got.iter().filter(|g| *g == "Wielgosz").count(), 1, "{got:?}");
    // One namesake only: the surname is his.
    let got = groups("Tomasz Wielgosz met Piet Oranje in Varsk. Wielgosz was sanctioned.");
    assert_eq!(got.last().map(String::as_str), Some("Tomasz Wielgosz"), "{got:?}");
    // One man named in two lengths (a second surname once) is no namesake: the lone
    // surname is his.
    let got = groups(
        "Tomasz Wielgosz Brenning was sentenced in Varsk. Tomasz Wielgosz had run the \
         agency. Wielgosz was accused of spying.",
    );
    assert_ne!(got.last().map(String::as_str), Some("Wielgosz"), "{got:?}");
}

#[test]
fn a_lone_surname_with_a_title_only_one_namesake_had_is_his() {
    let got = groups(
        "Marek Wielgosz, the son of Colonel Tomasz Wielgosz, was sentenced in Varsk. \
         Colonel Wielgosz ruled the province for years.",
    );
    assert_eq!(got.last().map(String::as_str), Some("Tomasz Wielgosz"), "{got:?}");
    // A title both or neither had settles nothing.
    let got = groups(
        "Marek Wielgosz, the son of Colonel Tomasz Wielgosz, was sentenced in Varsk. \
         General Wielgosz ruled the province for years.",
    );
    assert_eq!(got.last().map(String::as_str), Some("Wielgosz"), "{got:?}");
}

#[test]
fn a_name_written_surname_first_with_a_patronymic_is_turned_round() {
    assert_eq!(
        given_name_first("Wielgoszov Tomasz Kasimirovich").as_deref(),
        Some("Tomasz Kasimirovich Wielgoszov")
    );
    assert_eq!(given_name_first("Tomasz Kasimirovich Wielgoszov"), None);
    assert_eq!(given_name_first("Edda Lorn Ivanovna"), Some("Lorn Ivanovna Edda".into()));
    assert_eq!(given_name_first("Tomasz Wielgosz"), None);
}

#[test]
fn a_given_name_the_view_completed_with_the_family_name_is_the_full_name() {
    let text =
        "Norvania announced sanctions on the Wielgosz brothers, Tomasz and Piet, and two aides.";
    let got =
        crate::frames::test_support::claims_in(text, crate::ClaimType::Sanction, &["Norvania"]);
    let targets: Vec<_> = got.iter().filter_map(|c| c.field("target")).collect();
    assert!(targets.contains(&"Tomasz Wielgosz"), "{targets:?}");
    assert!(targets.contains(&"Piet Wielgosz"), "{targets:?}");
}

#[test]
fn a_plural_title_before_a_name_is_no_part_of_it() {
    assert_eq!(clean_name("MPs Piet Oranje"), "Piet Oranje");
    assert_eq!(clean_name("Generals Tomasz Wielgosz"), "Tomasz Wielgosz");
    // A surname that ends in "s" is kept.
    assert_eq!(clean_name("Piet Oranjes"), "Piet Oranjes");
}

/// Each person of `text` with the other person it may be (`-` for none).
fn doubts(text: &str) -> Vec<String> {
    let reading = read::read_document(&TAGGER, &ANALYZER, text, None);
    let view = DocumentView::build(text, &reading.annotations, &reading.words);
    let people = People::build(text, &view);
    people
        .people
        .iter()
        .zip(&people.may_be)
        .map(|(p, m)| format!("{}: {}", p.name, m.map_or("-", |h| &people.people[h].name)))
        .collect()
}

#[test]
fn a_name_told_once_by_a_rank_and_one_word_may_be_the_storys_other_lone_name() {
    // The full name cut in two by the page: the rank and given name in one paragraph, the
    // surname opening the next.
    let text = "A court in Varsk on Thursday acquitted a former general. \
                Brigadier General Tomasz was accused of aiding war crimes in 2012. \
                Wielgosz had the highest rank of any officer tried abroad. \
                The court said Wielgosz's division was not proven to have taken part.";
    assert_eq!(doubts(text), ["Tomasz: Wielgosz", "Wielgosz: -"]);
    // A rank before a surname, beside a person given a full name: no doubt.
    let text = "General Oranje met Tomasz Wielgosz in Varsk. Wielgosz said the talks went well. \
                Wielgosz flew home on Monday.";
    assert!(doubts(text).iter().all(|d| d.ends_with(": -")), "{:?}", doubts(text));
}

#[test]
fn a_title_word_that_ends_a_name_is_its_surname() {
    // "Sen." before a name is a senator; after a given name it is the surname.
    assert_eq!(name_key("Sen. Piet Oranje"), ["piet", "oranje"]);
    assert_eq!(name_key("Piet Sen"), ["piet", "sen"]);
    assert!(!joins(&name_key("Piet Sen"), &name_key("Piet Dolny")));
}

#[test]
fn a_gendered_noun_in_an_apposition_tells_the_gender() {
    let text = "Anselm Vreeke is married to Marisol Quenby, a businesswoman whose companies \
                won state contracts. She was appointed ambassador in January.";
    assert_eq!(resolved(text), ["Marisol Quenby"]);
}

#[test]
fn a_possessor_that_describes_anothers_post_is_not_the_one_meant() {
    let text = "Edda Lorn heads the police. A court convicted Lorn's predecessor, Kasimir \
                Holl, of corruption and sentenced him to ten years.";
    assert_eq!(resolved(text), ["Kasimir Holl"]);
}

/// "Her husband, Piet X, ... X denied it through her lawyer": the lone surname fits both
/// spouses, the document says the husband is a man and the lone name a woman; she is the
/// other one. Without a gender it stays its own person.
#[test]
fn a_lone_surname_of_two_spouses_is_the_one_of_its_gender() {
    let text = "Marisol Quenby was indicted on Monday. \
                Her husband, Piet Quenby, was also charged. \
                Quenby denied the allegations through her lawyer. \
                She was arrested on Friday.";
    let got = groups(text);
    assert_eq!(got[2], "Marisol Quenby", "{got:?}");
    assert_eq!(resolved(text).last().map(String::as_str), Some("Marisol Quenby"));
    let text = "Marisol Quenby was indicted on Monday. \
                Piet Quenby was also charged. \
                Quenby denied the allegations.";
    let got = groups(text);
    assert_eq!(got[2], "Quenby", "{got:?}");
}

#[test]
fn a_pronoun_after_a_preposition_is_no_rival_of_the_subject() {
    // "against him" may be the subject himself ("X denies the charges against him"); only a
    // verb's own object ("X named him deputy") is someone else.
    let text = "Police detained Piet Oranje on Monday. Oranje was a close ally of Tomasz \
                Wielgosz. Wielgosz denies the charges against him. A court sentenced him to \
                ten years in prison.";
    let names = resolved(text);
    assert_eq!(names.last().map(String::as_str), Some("Tomasz Wielgosz"), "{names:?}");
}
