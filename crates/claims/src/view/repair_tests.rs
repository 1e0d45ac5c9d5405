//! Tests of the name repairs, on hand-made annotations so that each repair is tested
//! whatever the entity tagger says.

use model::{Annotation, Layer, Word};

use super::{DocumentView, Kind};

/// The text as one sentence: the project's tokens, each a PROPN when capitalised and a NOUN
/// otherwise unless `upos` says so, and the entities, ranks and roles given by their text.
fn view(text: &str, marks: &[(Layer, &str, &str)], upos: &[(&str, &str)]) -> DocumentView {
    let words: Vec<Word> = read::tokens::tokenize(text)
        .into_iter()
        .map(|t| {
            let form = &text[t.span.clone()];
            let tag = upos.iter().find(|(f, _)| *f == form).map_or_else(
                || if form.starts_with(char::is_uppercase) { "PROPN" } else { "NOUN" },
                |(_, u)| u,
            );
            Word {
                span: t.span,
                sentence: 0,
                upos: tag.to_string(),
                lemma: form.to_lowercase(),
                head: 0,
                deprel: "dep".to_string(),
            }
        })
        .collect();
    let mut annotations = vec![Annotation {
        layer: Layer::Sentence,
        span: 0..text.len(),
        label: "sentence".into(),
        value: None,
    }];
    for (layer, label, form) in marks {
        // "2:Name": the name's second occurrence in the text.
        let (form, nth) = form.strip_prefix("2:").map_or((*form, 0), |f| (f, 1));
        let start = text
            .match_indices(form)
            .nth(nth)
            .map(|(i, _)| i)
            .unwrap_or_else(|| panic!("{form} in {text}"));
        annotations.push(Annotation {
            layer: *layer,
            span: start..start + form.len(),
            label: label.to_string(),
            value: Some(form.to_lowercase()),
        });
    }
    DocumentView::build(text, &annotations, &words)
}

/// The mentions of the given kind, by their text.
fn named(text: &str, v: &DocumentView, kind: Kind) -> Vec<String> {
    v.mentions.iter().filter(|m| m.kind == kind).map(|m| text[m.span.clone()].to_string()).collect()
}

const PER: Layer = Layer::Entity;

#[test]
fn a_name_does_not_run_over_a_line_break() {
    let text = "Photo of Tomasz Wielgosz\nNorvania's new envoy arrives.";
    let v = view(text, &[(PER, "PER", "Tomasz Wielgosz\nNorvania")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz Wielgosz", "Norvania"]);
    // Prose wrapped at a fixed width: the break of a long line is a space.
    let text = "In a meeting in the capital of the country last February with Tomasz\nWielgosz, then the coordinator, he spoke.";
    let v = view(text, &[(PER, "PER", "Tomasz\nWielgosz")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz\nWielgosz"]);
}

#[test]
fn a_sentence_opener_is_not_part_of_the_name_after_it() {
    let text = "When Marisol Quenby was sworn in, she spoke. She said it when asked.";
    let v =
        view(text, &[(PER, "PER", "When Marisol Quenby")], &[("When", "SCONJ"), ("when", "SCONJ")]);
    assert_eq!(named(text, &v, Kind::Per), ["Marisol Quenby"]);
    // A capitalised word the parse calls a proper noun stays.
    let text = "Will Quenby was sworn in. It will rain.";
    let v = view(text, &[(PER, "PER", "Will Quenby")], &[("will", "AUX")]);
    assert_eq!(named(text, &v, Kind::Per), ["Will Quenby"]);
    // An organisation keeps its article unless the document writes it with a lowercase one.
    let text = "The Varsk Bureau said so. The Sentinel agreed with the Varsk Bureau.";
    let v = view(
        text,
        &[
            (PER, "ORG", "The Varsk Bureau"),
            (PER, "ORG", "The Sentinel"),
            (PER, "ORG", "Varsk Bureau."),
        ],
        &[("The", "DET"), ("the", "DET")],
    );
    assert_eq!(named(text, &v, Kind::Org), ["Varsk Bureau", "The Sentinel", "Varsk Bureau."]);
}

#[test]
fn a_participle_opening_the_sentence_is_not_part_of_the_name_after_it() {
    let text = "Echoing Edda Lorn Varsk's denials, the envoy spoke. Edda Lorn Varsk was silent.";
    let v = view(text, &[(PER, "PER", "Echoing Edda Lorn Varsk")], &[]);
    assert_eq!(named(text, &v, Kind::Per)[0], "Edda Lorn Varsk");
    // A name the document never writes without its first word keeps it.
    let text = "Fielding Edda Lorn spoke first.";
    let v = view(text, &[(PER, "PER", "Fielding Edda Lorn")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Fielding Edda Lorn"]);
}

#[test]
fn a_rank_inside_an_organisation_makes_the_rest_a_person() {
    let text = "They named Staff Sergeant Tomasz Wielgosz and Admiral Marisol Quenby.";
    let v = view(
        text,
        &[
            (PER, "ORG", "Staff Sergeant Tomasz Wielgosz"),
            (Layer::Rank, "RANK", "Sergeant"),
            (PER, "ORG", "Admiral Marisol Quenby"),
            (Layer::Rank, "RANK", "Admiral"),
        ],
        &[],
    );
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz Wielgosz", "Marisol Quenby"]);
    assert_eq!(named(text, &v, Kind::Rank), ["Sergeant", "Admiral"]);
    // An organisation's head word keeps it an organisation.
    let text = "He visited the General Quenby Hospital.";
    let v = view(text, &[(PER, "ORG", "General Quenby Hospital")], &[]);
    assert_eq!(named(text, &v, Kind::Org), ["General Quenby Hospital"]);
    // Nor do words the document writes in lower case.
    let text = "He led the General Vigilance Directorate. Its vigilance was known.";
    let v = view(text, &[(PER, "ORG", "General Vigilance Directorate")], &[]);
    assert_eq!(named(text, &v, Kind::Org), ["General Vigilance Directorate"]);
}

#[test]
fn a_title_the_tagger_took_in_leaves_the_name() {
    let text = "It followed Ombudsman Tomasz Wielgosz's claim.";
    let v = view(text, &[(PER, "PER", "Ombudsman Tomasz Wielgosz")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz Wielgosz"]);
}

#[test]
fn a_title_read_as_a_name_apart_from_the_person_is_a_plain_word() {
    // The tagger read the title alone as a name, and the person after it apart.
    let text = "It followed Ombudsman Tomasz Wielgosz's claim.";
    let v = view(text, &[(PER, "MISC", "Ombudsman"), (PER, "PER", "Tomasz Wielgosz")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz Wielgosz"]);
    assert!(named(text, &v, Kind::Misc).is_empty());
    // Not a title: the name stays.
    let text = "It followed Varsk Tomasz Wielgosz's claim.";
    let v = view(text, &[(PER, "LOC", "Varsk"), (PER, "PER", "Tomasz Wielgosz")], &[]);
    assert_eq!(named(text, &v, Kind::Loc), ["Varsk"]);
}

#[test]
fn a_title_and_a_given_name_read_as_a_body_before_a_nickname_are_a_person() {
    let text = "A warrant for Senator Tomasz “Tiger” Wielgosz was issued.";
    let v = view(text, &[(PER, "ORG", "Senator Tomasz"), (PER, "PER", "Wielgosz")], &[]);
    assert!(named(text, &v, Kind::Org).is_empty(), "{:?}", named(text, &v, Kind::Org));
    assert!(named(text, &v, Kind::Per).iter().any(|p| p.starts_with("Tomasz")));
    // With no person after it, one word after a title may be a place.
    let text = "They met at General Varsk yesterday.";
    let v = view(text, &[(PER, "LOC", "General Varsk")], &[]);
    assert_eq!(named(text, &v, Kind::Loc), ["General Varsk"]);
}

#[test]
fn a_place_after_a_role_and_of_is_cut_from_the_person() {
    let text = "The governor of North Varsk Tomasz Wielgosz has appeared.";
    let v = view(
        text,
        &[(PER, "PER", "North Varsk Tomasz Wielgosz"), (Layer::Role, "ROLE", "governor")],
        &[],
    );
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz Wielgosz"]);
    assert_eq!(named(text, &v, Kind::Loc), ["North Varsk"]);
}

#[test]
fn a_name_cut_at_a_quote_hyphen_or_particle_is_one_person() {
    let text = "The U.S. sanctioned Tomasz Kestrel ‘Orvan al-Wielgosz, Marisol Al- Quenby and Saif al Varsk Orlan.";
    let v = view(
        text,
        &[
            (PER, "PER", "Tomasz Kestrel"),
            (PER, "PER", "Orvan al-Wielgosz"),
            (PER, "PER", "Marisol Al"),
            (PER, "PER", "Quenby"),
            (PER, "PER", "Saif"),
            (PER, "PER", "Varsk Orlan"),
        ],
        &[],
    );
    assert_eq!(
        named(text, &v, Kind::Per),
        ["Tomasz Kestrel ‘Orvan al-Wielgosz", "Marisol Al- Quenby", "Saif al Varsk Orlan"]
    );
    // A quoted nickname between given names and a surname is part of one person, whatever
    // the tagger made of the surname.
    let text = "They met Tomasz ‘Wielgosz’ Quenby and Piet “The Lion” Oranje in Brenning.";
    let v = view(
        text,
        &[
            (PER, "PER", "Tomasz"),
            (PER, "PER", "Wielgosz"),
            (PER, "PER", "Piet"),
            (PER, "LOC", "Oranje"),
            (PER, "LOC", "Brenning"),
        ],
        &[],
    );
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz ‘Wielgosz’ Quenby", "Piet “The Lion” Oranje"]);
    // A quoted title after a name is no nickname.
    let text = "Tomasz Wielgosz “Resigned” in a statement.";
    let v = view(text, &[(PER, "PER", "Tomasz Wielgosz")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz Wielgosz"]);
}

#[test]
fn a_country_is_not_a_person() {
    let text = "Syria's new envoy Tomasz Wielgosz spoke.";
    let v = view(text, &[(PER, "PER", "Syria"), (PER, "PER", "Tomasz Wielgosz")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz Wielgosz"]);
    assert_eq!(named(text, &v, Kind::Loc), ["Syria"]);
}

#[test]
fn an_organisation_listed_with_people_is_a_person() {
    let text = "The army detained its leaders Marisol Quenby Varsk and Tomasz Wielgosz.";
    let v =
        view(text, &[(PER, "ORG", "Marisol Quenby Varsk"), (PER, "PER", "Tomasz Wielgosz")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Marisol Quenby Varsk", "Tomasz Wielgosz"]);
    // Not one with an organisation's head word.
    let text = "The army detained Tomasz Wielgosz and the Varsk Party.";
    let v = view(text, &[(PER, "ORG", "Varsk Party"), (PER, "PER", "Tomasz Wielgosz")], &[]);
    assert_eq!(named(text, &v, Kind::Org), ["Varsk Party"]);
}

#[test]
fn an_outlet_or_a_dateline_publisher_is_an_organisation() {
    let text = "Media outlet Varsk Daily Bell was first.\n\nVarsk Welle (Orlan)\n\nMore text.";
    let v = view(text, &[(PER, "PER", "Varsk Daily Bell"), (PER, "PER", "Varsk Welle")], &[]);
    assert_eq!(named(text, &v, Kind::Org), ["Varsk Daily Bell", "Varsk Welle"]);
    assert!(named(text, &v, Kind::Per).is_empty());
}

#[test]
fn a_generational_suffix_is_part_of_the_name() {
    let text = "The government of President Tomasz R. Wielgosz, Jr. allowed the arrest.";
    let v = view(text, &[(PER, "PER", "Tomasz R. Wielgosz")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz R. Wielgosz, Jr."]);
    // A name followed by another word keeps its end.
    let text = "Tomasz Wielgosz, Junior Minister, spoke.";
    let v = view(text, &[(PER, "PER", "Tomasz Wielgosz")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz Wielgosz"]);
}

#[test]
fn an_opener_is_never_taken_in_as_a_first_name() {
    let text = "When Wielgosz was sworn in, he spoke.";
    let v = view(text, &[(PER, "PER", "Wielgosz")], &[("When", "ADV")]);
    assert_eq!(named(text, &v, Kind::Per), ["Wielgosz"]);
}

#[test]
fn a_numbered_part_of_a_law_is_no_person() {
    let text = "Tomasz Wielgosz was charged under Article 228 of the Criminal Code.";
    let v = view(text, &[(PER, "PER", "Tomasz Wielgosz"), (PER, "PER", "Article")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz Wielgosz"]);
}

#[test]
fn a_headline_does_not_run_a_name_into_the_words_after_it() {
    let text =
        "Life Term for Wielgosz Culminates Year of Trials\n\nWielgosz was found guilty on Tuesday.";
    let v = view(
        text,
        &[(PER, "PER", "Wielgosz Culminates"), (PER, "PER", "Wielgosz was")],
        &[("was", "AUX")],
    );
    assert_eq!(named(text, &v, Kind::Per)[0], "Wielgosz");
    // Words the body writes only in lowercase are no part of a name either.
    let text = "Wielgosz Death Unit Tied to Killings\n\nA death unit loyal to \
                Wielgosz was implicated in the killings.";
    let v = view(
        text,
        &[(PER, "PER", "Wielgosz Death Unit Tied"), (PER, "PER", "Wielgosz was")],
        &[("was", "AUX")],
    );
    assert_eq!(named(text, &v, Kind::Per)[0], "Wielgosz");
    // A full name in a headline stays whole, though the body writes the surname alone.
    let text = "Court Sentences Tomasz Wielgosz to Life\n\nWielgosz was found guilty on Tuesday.";
    let v = view(text, &[(PER, "PER", "Tomasz Wielgosz")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz Wielgosz"]);
}

#[test]
fn a_lone_given_name_right_before_a_name_is_part_of_it() {
    let text = "The list names Tomás Pavel Wielgosz, Marisol Quenby and Ilse Varnholt.";
    let v = view(
        text,
        &[
            (PER, "PER", "Tomás"),
            (PER, "PER", "Pavel Wielgosz"),
            (PER, "PER", "Marisol Quenby"),
            (PER, "PER", "Ilse Varnholt"),
        ],
        &[],
    );
    assert_eq!(
        named(text, &v, Kind::Per),
        ["Tomás Pavel Wielgosz", "Marisol Quenby", "Ilse Varnholt"]
    );
}

#[test]
fn a_name_after_a_body_s_name_is_a_person_of_its_own() {
    let text = "Warrants for the chief of the Coastal Forces Tomasz Wielgosz and the chief of the General Staff Marisol Quenby.";
    let v = view(
        text,
        &[(PER, "ORG", "Coastal Forces Tomasz Wielgosz"), (PER, "PER", "Staff Marisol Quenby")],
        &[],
    );
    assert_eq!(named(text, &v, Kind::Org), ["Coastal Forces"]);
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz Wielgosz", "Marisol Quenby"]);
}

#[test]
fn a_patronym_joins_the_name_the_tagger_read_as_a_place() {
    let text = "An adviser to Kasimir bin Holl spoke.";
    let v = view(text, &[(PER, "PER", "Kasimir"), (PER, "LOC", "Holl")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Kasimir bin Holl"]);
    let text = "Talks with King Piet Bin Edda Lorn began.";
    let v = view(text, &[(PER, "PER", "Piet"), (PER, "ORG", "Edda Lorn")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Piet Bin Edda Lorn"]);
    // A country after the particle stays a place.
    let text = "Talks between Kasimir bin Norway began.";
    let v = view(text, &[(PER, "PER", "Kasimir"), (PER, "LOC", "Norway")], &[]);
    assert_eq!(named(text, &v, Kind::Loc), ["Norway"]);
}

#[test]
fn a_given_name_read_as_a_place_before_an_arabic_family_name_is_the_person() {
    let text = "Officials said Rahim al-Varski was cleared.";
    let v = view(text, &[(PER, "LOC", "Rahim"), (PER, "MISC", "al-Varski")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Rahim al-Varski"]);
    // The article written apart, outside both names.
    let text = "Eight others, including the spy chief, Rahim al Varski, were sentenced.";
    let v = view(text, &[(PER, "LOC", "Rahim"), (PER, "PER", "Varski")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Rahim al Varski"]);
    // A country stays a place.
    let text = "Officials in Norway al-Varski said so.";
    let v = view(text, &[(PER, "LOC", "Norway"), (PER, "MISC", "al-Varski")], &[]);
    assert_eq!(named(text, &v, Kind::Loc), ["Norway"]);
}

#[test]
fn a_year_after_in_that_the_time_stage_left_out_is_a_date() {
    let text = "Quenby was convicted in 2013 of fraud before the 2019 elections in 2019 polls.";
    let v = view(
        text,
        &[(PER, "PER", "Quenby")],
        &[("of", "ADP"), ("before", "ADP"), ("2013", "NUM"), ("2019", "NUM")],
    );
    let times: Vec<Option<String>> =
        v.mentions.iter().filter(|m| m.kind == Kind::Time).map(|m| m.value.clone()).collect();
    assert_eq!(times, [Some("2013".to_string())]);
}

#[test]
fn a_lowercase_rank_before_a_name_is_a_rank() {
    let text = "Former navy captains Piet Oranje and Edda Lorn, retired general Tomasz Wielgosz and \
                attorney general Marisol Quenby were tried.";
    let v = view(
        text,
        &[
            (PER, "PER", "Piet Oranje"),
            (PER, "PER", "Edda Lorn"),
            (PER, "PER", "Tomasz Wielgosz"),
            (PER, "PER", "Marisol Quenby"),
        ],
        &[],
    );
    let ranks: Vec<Option<String>> =
        v.mentions.iter().filter(|m| m.kind == Kind::Rank).map(|m| m.value.clone()).collect();
    assert_eq!(ranks, [Some("captain".to_string()), Some("general".to_string())]);
}

#[test]
fn a_place_before_the_capitalised_head_of_a_body_is_the_body_s_name() {
    let text = "Edda Lorn, the head of the Varsk Border Legion, was sanctioned in Varsk on Monday.";
    let v = view(text, &[(PER, "PER", "Edda Lorn"), (PER, "LOC", "Varsk")], &[]);
    assert_eq!(named(text, &v, Kind::Org), ["Varsk Border Legion"]);
    // A place followed by other capitalised words stays a place.
    let text = "In Varsk Tomasz Wielgosz met Edda Lorn.";
    let v = view(text, &[(PER, "LOC", "Varsk"), (PER, "PER", "Tomasz Wielgosz")], &[]);
    assert_eq!(named(text, &v, Kind::Loc), ["Varsk"]);
    assert!(named(text, &v, Kind::Org).is_empty());
}

#[test]
fn given_names_listed_after_a_familys_name_are_its_members() {
    // The tagger read the family's name as a body and one given name as a place.
    let text = "Norvania sanctioned the Wielgosz brothers, Tomasz and Piet, and two officials.";
    let v =
        view(text, &[(PER, "ORG", "Wielgosz"), (PER, "PER", "Tomasz"), (PER, "LOC", "Piet")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz", "Piet"]);
    let values: Vec<_> =
        v.mentions.iter().filter(|m| m.kind == Kind::Per).map(|m| m.value.clone()).collect();
    assert_eq!(values, [Some("Tomasz Wielgosz".into()), Some("Piet Wielgosz".into())]);
    assert!(named(text, &v, Kind::Org).is_empty());
    // People named before, listed beside the family, are no members of it; nor is a full name.
    let text =
        "Edda Holl met Kasimir Lorn. It froze what the Wielgosz brothers, Holl and Lorn hold.";
    let v = view(text, &[(PER, "PER", "Edda Holl"), (PER, "PER", "Kasimir Lorn")], &[]);
    assert!(v.mentions.iter().all(|m| !m.value.as_deref().is_some_and(|v| v.contains("Wielgosz"))));
    let text = "It named the Wielgosz sisters, Edda and Marisol Quenby.";
    let v = view(text, &[], &[]);
    assert!(named(text, &v, Kind::Per).is_empty());
}

#[test]
fn a_company_is_no_person_and_two_listed_companies_are_two() {
    let text =
        "Norvania named Varsk Amber Enterprise, Varsk Jade Co and Brenning (Gems and Pearls).";
    let v = view(
        text,
        &[(PER, "PER", "Varsk Amber Enterprise"), (PER, "ORG", "Varsk Jade Co and Brenning")],
        &[],
    );
    assert!(named(text, &v, Kind::Per).is_empty());
    assert_eq!(
        named(text, &v, Kind::Org),
        ["Varsk Amber Enterprise", "Varsk Jade Co", "Brenning (Gems and Pearls)"]
    );
    // A body whose name holds "and" is left whole.
    let text = "The Varsk Ministry of Trade and Industry spoke.";
    let v = view(text, &[(PER, "ORG", "Varsk Ministry of Trade and Industry")], &[]);
    assert_eq!(named(text, &v, Kind::Org), ["Varsk Ministry of Trade and Industry"]);
}

#[test]
fn given_names_the_tagger_left_off_are_the_persons() {
    let text = "Tomasz Kasimir Wielgosz\nTomasz Kasimir Wielgosz (born 1961) is an officer.";
    let v = view(text, &[(PER, "PER", "Wielgosz")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz Kasimir Wielgosz"]);
    // Written once, the words before a name may be a headline's or a participle.
    let text = "Court Sentences Wielgosz to Life";
    let v = view(text, &[(PER, "PER", "Wielgosz")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Wielgosz"]);
    // A title, a word the document writes in lower case, or a word the parse reads as no
    // proper noun stays out.
    let text = "General Wielgosz met Oranje; Yesterday Holl left, yesterday too.";
    let v =
        view(text, &[(PER, "PER", "Wielgosz"), (PER, "PER", "Oranje"), (PER, "PER", "Holl")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Wielgosz", "Oranje", "Holl"]);
    let text = "When Quenby spoke, the court listened.";
    let v = view(text, &[(PER, "PER", "Quenby")], &[("When", "SCONJ")]);
    assert_eq!(named(text, &v, Kind::Per), ["Quenby"]);
}

#[test]
fn a_body_s_name_cut_at_each_and_is_one_body() {
    let text = "Sanctions hit the Varsk Scientific and Research and Testing Institute of Medicine.";
    let marks = [
        (PER, "ORG", "Varsk Scientific"),
        (PER, "ORG", "Research"),
        (PER, "ORG", "Testing Institute of Medicine"),
    ];
    let v = view(text, &marks, &[]);
    assert_eq!(
        named(text, &v, Kind::Org),
        ["Varsk Scientific and Research and Testing Institute of Medicine"]
    );
    // A name the document also gives alone is a body of its own beside the next.
    let text = "Brenning Unity denied it. Brenning Unity and Varsk Defence Movement were listed.";
    let marks = [
        (PER, "ORG", "Brenning Unity"),
        (PER, "ORG", "2:Brenning Unity"),
        (PER, "ORG", "Varsk Defence Movement"),
    ];
    let v = view(text, &marks, &[]);
    assert_eq!(
        named(text, &v, Kind::Org),
        ["Brenning Unity", "Brenning Unity", "Varsk Defence Movement"]
    );
}

#[test]
fn an_ordinal_before_a_body_is_part_of_its_name() {
    let text = "The 33rd Varsk Research Institute was listed.";
    let v = view(text, &[(PER, "ORG", "Varsk Research Institute")], &[]);
    assert_eq!(named(text, &v, Kind::Org), ["33rd Varsk Research Institute"]);
}

#[test]
fn a_name_read_as_a_body_that_holds_a_post_is_a_person() {
    let text = "Pavel Petrovich Dunaj is the Minister of Defence of Norvania.";
    let v = view(
        text,
        &[(PER, "ORG", "Pavel Petrovich Dunaj"), (Layer::Role, "role", "Minister")],
        &[("is", "AUX"), ("the", "DET"), ("of", "ADP")],
    );
    assert_eq!(named(text, &v, Kind::Per), ["Pavel Petrovich Dunaj"]);
    // A body's name stays a body's: "Varsk Border Guard is the agency ...".
    let text = "The Varsk Border Guard is the main agency.";
    let v = view(
        text,
        &[(PER, "ORG", "Varsk Border Guard"), (Layer::Role, "role", "agency")],
        &[("is", "AUX"), ("the", "DET"), ("The", "DET")],
    );
    assert!(named(text, &v, Kind::Per).is_empty());
}

#[test]
fn a_full_name_read_as_a_place_that_shares_a_persons_family_name_is_a_person() {
    let text = "Norvania froze the assets of Arkady Wielgosz and banned his wife, Nina Wielgosz, from Lake Wielgosz.";
    let v = view(
        text,
        &[
            (PER, "LOC", "Norvania"),
            (PER, "LOC", "Arkady Wielgosz"),
            (PER, "PER", "Nina Wielgosz"),
            (PER, "LOC", "Lake Wielgosz"),
        ],
        &[],
    );
    assert_eq!(named(text, &v, Kind::Per), ["Arkady Wielgosz", "Nina Wielgosz"]);
    assert_eq!(named(text, &v, Kind::Loc), ["Norvania", "Lake Wielgosz"]);
    // Without a person of that family name, the tagger's reading stands.
    let text = "Norvania froze the assets of Arkady Wielgosz.";
    let v = view(text, &[(PER, "LOC", "Norvania"), (PER, "LOC", "Arkady Wielgosz")], &[]);
    assert!(named(text, &v, Kind::Per).is_empty());
}

#[test]
fn a_capital_or_a_country_read_as_another_kind_is_a_place() {
    let text = "Tomasz Wielgosz visited Kabul last week and then Albania.";
    let v = view(
        text,
        &[(PER, "PER", "Tomasz Wielgosz"), (PER, "MISC", "Kabul"), (PER, "ORG", "Albania")],
        &[],
    );
    assert_eq!(named(text, &v, Kind::Loc), ["Kabul", "Albania"]);
    // A longer name with the city in it is not the city.
    let text = "Tomasz Wielgosz joined Kabul Bank.";
    let v = view(text, &[(PER, "PER", "Tomasz Wielgosz"), (PER, "ORG", "Kabul Bank")], &[]);
    assert_eq!(named(text, &v, Kind::Org), ["Kabul Bank"]);
}

#[test]
fn a_capitalised_title_after_a_name_takes_in_the_words_before_its_head() {
    let text =
        "\"It matters,\" said Tomasz Wielgosz, Deputy Coastal Programme Director at Harbour Watch.";
    let v = view(
        text,
        &[
            (PER, "PER", "Tomasz Wielgosz"),
            (Layer::Role, "role", "Director"),
            (PER, "ORG", "Harbour Watch"),
        ],
        &[],
    );
    assert_eq!(named(text, &v, Kind::Role), ["Deputy Coastal Programme Director"]);
    // "Former" says when, and is the frames' to read; without a name before the comma the
    // capitalised words may be anything ("In Velda, Coastal Programme Director X said").
    let text = "Edda Lorn, Former Director of the Harbour Board, spoke. In Velda, Programme Director Ilse Marven spoke.";
    let v = view(
        text,
        &[
            (PER, "PER", "Edda Lorn"),
            (Layer::Role, "role", "Director"),
            (Layer::Role, "role", "2:Director"),
            (PER, "LOC", "Velda"),
            (PER, "PER", "Ilse Marven"),
        ],
        &[],
    );
    assert_eq!(named(text, &v, Kind::Role), ["Director", "Director"]);
}

#[test]
fn a_family_name_read_as_a_miscellaneous_name_after_given_names_is_the_persons() {
    // "Brunovian" read as a miscellaneous name (a nationality's ending), "Kasimir" as nothing.
    let text = "The minister received his counterpart, Piet Kasimir Brunovian, in Lornby.";
    let v = view(text, &[(PER, "PER", "Piet"), (PER, "MISC", "Brunovian")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Piet Kasimir Brunovian"]);
    // A nationality after a name stays one ("Tomasz Wielgosz Norvanian" is never a name
    // written so; a known one is not taken in), and so does a word with a comma between.
    let text = "They met Tomasz Wielgosz, Brunovian and Quenby.";
    let v = view(text, &[(PER, "PER", "Tomasz Wielgosz"), (PER, "MISC", "Brunovian")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz Wielgosz"]);
    let text = "They met Tomasz Wielgosz Iranian officials.";
    let v = view(text, &[(PER, "PER", "Tomasz Wielgosz"), (PER, "MISC", "Iranian")], &[]);
    assert_eq!(named(text, &v, Kind::Per), ["Tomasz Wielgosz"]);
}
