//! Unit tests: each format on small invented records, and the shipped lists read whole.

use super::*;

fn shared(name: &str) -> Vec<u8> {
    let path = test_utils::workspace().join("../shared/data/sanctions").join(name);
    std::fs::read(&path)
        .unwrap_or_else(|e| panic!("the shipped list {} is expected: {e}", path.display()))
}

#[test]
fn shipped_lists_read_with_few_problems() {
    for (file, min_entries) in [
        ("sdn_2024-05-03.csv", 14_000),
        ("watchman_bench_2021-07_sdn.csv", 8_900),
        ("ConList_2018-04-13.csv", 2_000),
        ("UN_consolidated_2026-02-27.xml", 1_000),
        ("consolidated_screening_list_2022-05.csv.gz", 14_000),
    ] {
        let bytes = shared(file);
        let parsed = parse(file, &bytes).unwrap();
        eprintln!(
            "{file}: {} entries, {} problems {:?}",
            parsed.entries.len(),
            parsed.problems.len(),
            parsed.problems.iter().take(3).collect::<Vec<_>>()
        );
        assert!(parsed.entries.len() >= min_entries, "{file}: {}", parsed.entries.len());
        assert!(
            parsed.problems.len() * 100 <= parsed.entries.len(),
            "{file}: {:?}",
            &parsed.problems[..3.min(parsed.problems.len())]
        );
    }
}

#[test]
fn ofac_sdn_remarks_give_dates_ids_and_aliases() {
    let csv = "101,\"QARMOUT, Nabil\",\"individual\",\"SDGT] [SYRIA\",\"Director of an invented bureau\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,\"DOB 02 Mar 1961; alt. DOB 1962; POB Aleppo, Syria; nationality Syria; Passport N0012345 (Syria); a.k.a. 'KARMUT, Nabil'.\"\n\
102,\"NORTHWIND TRADING CO.\",-0- ,\"SYRIA\",-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- ,-0- \n\
oops,\"NO NUMBER\"\n\
\u{1a}\n";
    let parsed = parse("x_sdn.csv", csv.as_bytes()).unwrap();
    assert_eq!(parsed.format, Format::OfacSdn);
    assert_eq!(parsed.set.as_deref(), Some("x"));
    assert_eq!(parsed.entries.len(), 2);
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(parsed.problems[0].at, "line 3");
    let e = &parsed.entries[0];
    assert_eq!(e.kind, EntryKind::Person);
    assert_eq!(e.birth_dates, ["1961-03-02", "1962"]);
    assert_eq!(e.programmes, ["SDGT", "SYRIA"]);
    assert_eq!(e.identifiers[0].key(), "N0012345");
    assert_eq!(e.identifiers[0].country.as_deref(), Some("Syria"));
    assert_eq!(e.names[1].name, "KARMUT, Nabil");
    // A quoted a.k.a. in the remarks is a weak one: the strong ones are in alt.csv.
    assert_eq!(e.names[1].quality, NameQuality::Weak);
    assert_eq!(parsed.entries[1].kind, EntryKind::Body);
}

#[test]
fn ofac_alt_and_comments_join_their_set() {
    let alt = parse(
        "x_alt.csv",
        b"101,1,\"aka\",\"QARMOOT, Nabil\",-0- \n101,2,\"fka\",\"OLD NAME\",-0- \n",
    )
    .unwrap();
    let comments =
        parse("x_sdn_comments.csv", b"101,\"Passport 77777 (Iraq)\"\n999,\"orphan\"\n").unwrap();
    assert_eq!((alt.format, comments.format), (Format::OfacAlt, Format::OfacComments));
    assert_eq!(alt.set, comments.set);
    let mut entries = parse(
        "x_sdn.csv",
        b"101,\"QARMOUT, Nabil\",\"individual\",\"SDGT\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,-0-\n",
    )
    .unwrap()
    .entries;
    let supplements: Vec<_> =
        alt.supplements.iter().chain(&comments.supplements).cloned().collect();
    assert_eq!(merge(&mut entries, &supplements), 1);
    assert_eq!(entries[0].names.len(), 3);
    assert_eq!(entries[0].names[2].quality, NameQuality::Former);
    assert_eq!(entries[0].identifiers[0].number, "77777");
}

#[test]
fn uk_rows_of_a_group_are_one_entry() {
    let csv = "Last Updated,13/04/2018\n\
Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,DOB,Town of Birth,Country of Birth,Nationality,Passport Details,NI Number,Position,Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,Post/Zip Code,Country,Other Information,Group Type,Alias Type,Regime,Listed On,Last Updated,Group ID\n\
QARMOOT,Nabil,,,,,,00/00/1961,Aleppo,Syria,1) Syria 2) Iraq,Passport No: N0012345 (issued 3 May 2007),,Director,,,,,,,,,,Individual,AKA,Syria,09/05/2011,01/01/2012,501\n\
QARMOUT,Nabil,,,,,,02/03/1961,,,,,,,,,,,,,,,,Individual,Primary name,Syria,09/05/2011,01/01/2012,501\n\
,,,,,,,,,,,,,,,,,,,,,,,Individual,AKA,Syria,09/05/2011,01/01/2012,502\n";
    let parsed = parse("ConList.csv", csv.as_bytes()).unwrap();
    assert_eq!(parsed.as_of.as_deref(), Some("2018-04-13"));
    assert_eq!(parsed.entries.len(), 1);
    assert_eq!(parsed.problems.len(), 1, "{:?}", parsed.problems);
    let e = &parsed.entries[0];
    assert_eq!(e.primary(), "QARMOUT, Nabil");
    assert_eq!(e.birth_dates, ["1961", "1961-03-02"]);
    assert_eq!(e.nationalities, ["Syria", "Iraq"]);
    assert_eq!(e.identifiers[0].number, "N0012345");
    assert_eq!(e.listed_on.as_deref(), Some("2011-05-09"));
}

#[test]
fn uk_prime_alias_of_older_files_is_the_primary_name() {
    let csv = "Last Updated,13/04/2018\n\
Name 6,Name 1,Name 2,Name 3,Name 4,Name 5,Title,DOB,Town of Birth,Country of Birth,Nationality,Passport Details,NI Number,Position,Address 1,Address 2,Address 3,Address 4,Address 5,Address 6,Post/Zip Code,Country,Other Information,Group Type,Alias Type,Regime,Listed On,Last Updated,Group ID\n\
ABU INVENTED,,,,,,,,,,,,,,,,,,,,,,,Individual,AKA,Varsk,09/05/2011,01/01/2012,601\n\
WIELGOSZ,Tomasz,,,,,,,,,,,,,,,,,,,,,,Individual,Prime Alias,Varsk,09/05/2011,01/01/2012,601\n";
    let parsed = parse("ConList.csv", csv.as_bytes()).unwrap();
    let e = &parsed.entries[0];
    assert_eq!(e.primary(), "WIELGOSZ, Tomasz");
    assert_eq!(e.names[0].quality, NameQuality::Primary);
    assert_eq!(e.names[1].quality, NameQuality::Alias);
}

#[test]
fn un_xml_reads_individuals_and_entities_and_refuses_a_dtd() {
    let xml = r#"<?xml version="1.0"?><CONSOLIDATED_LIST dateGenerated="2026-02-27T00:00:09Z"><INDIVIDUALS>
<INDIVIDUAL><DATAID>1</DATAID><FIRST_NAME>NABIL</FIRST_NAME><SECOND_NAME>QARMOUT</SECOND_NAME><UN_LIST_TYPE>Invented</UN_LIST_TYPE><REFERENCE_NUMBER>XXi.001</REFERENCE_NUMBER><LISTED_ON>2011-05-09</LISTED_ON><NAME_ORIGINAL_SCRIPT>نبيل قرموط</NAME_ORIGINAL_SCRIPT><NATIONALITY><VALUE>Syrian Arab Republic</VALUE></NATIONALITY><INDIVIDUAL_ALIAS><QUALITY>Low</QUALITY><ALIAS_NAME>Abu Invented</ALIAS_NAME></INDIVIDUAL_ALIAS><INDIVIDUAL_DATE_OF_BIRTH><TYPE_OF_DATE>BETWEEN</TYPE_OF_DATE><FROM_YEAR>1960</FROM_YEAR><TO_YEAR>1962</TO_YEAR></INDIVIDUAL_DATE_OF_BIRTH><INDIVIDUAL_DOCUMENT><TYPE_OF_DOCUMENT>Passport</TYPE_OF_DOCUMENT><NUMBER>N 0012345</NUMBER></INDIVIDUAL_DOCUMENT></INDIVIDUAL>
<INDIVIDUAL><DATAID>2</DATAID></INDIVIDUAL></INDIVIDUALS>
<ENTITIES><ENTITY><DATAID>3</DATAID><FIRST_NAME>NORTHWIND TRADING</FIRST_NAME><REFERENCE_NUMBER>XXe.001</REFERENCE_NUMBER></ENTITY></ENTITIES></CONSOLIDATED_LIST>"#;
    let parsed = parse("un.xml", xml.as_bytes()).unwrap();
    assert_eq!(parsed.entries.len(), 2);
    assert_eq!(parsed.problems.len(), 1);
    assert!(parsed.problems[0].at.starts_with("INDIVIDUAL 2"));
    let e = &parsed.entries[0];
    assert_eq!(e.record, "XXi.001");
    assert_eq!(e.names[1].quality, NameQuality::Original);
    assert_eq!(e.names[2].quality, NameQuality::Weak);
    assert_eq!(e.birth_dates, ["1960", "1962"]);
    assert_eq!(e.identifiers[0].key(), "N0012345");
    assert_eq!(parsed.entries[1].kind, EntryKind::Body);
    let bomb = "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY a \"aaaa\">]><CONSOLIDATED_LIST>&a;</CONSOLIDATED_LIST>";
    assert!(parse("un.xml", bomb.as_bytes()).is_err());
}

#[test]
fn csl_rows_carry_their_sub_list_and_gzip_is_read() {
    let csv = "_id,source,entity_number,type,programs,name,title,addresses,federal_register_notice,start_date,end_date,standard_order,license_requirement,license_policy,call_sign,vessel_type,gross_tonnage,gross_registered_tonnage,vessel_flag,vessel_owner,remarks,source_list_url,alt_names,citizenships,dates_of_birth,nationalities,places_of_birth,source_information_url,ids\n\
a1,Entity List (EL) - Bureau of Industry and Security,,,,Northwind Trading,,\"1 Invented St, Beirut, LB\",,2020-01-02,,,,,,,,,,,,,,,,,,,\n\
101,Specially Designated Nationals (SDN) - Treasury Department,101,Individual,SDGT,\"QARMOUT, Nabil\",,,,,,,,,,,,,,,,,\"KARMUT, Nabil; QARMOOT, Nabil\",,1961-03-02,SY,\"Aleppo, Syria\",,\"SY, N0012345, Passport; Male, Gender\"\n\
b2,Entity List (EL) - Bureau of Industry and Security,,,,,,,,,,,,,,,,,,,,,,,,,,,\n";
    let mut gz = Vec::new();
    {
        use std::io::Write;
        let mut enc = flate2::write::GzEncoder::new(&mut gz, flate2::Compression::fast());
        enc.write_all(csv.as_bytes()).unwrap();
        enc.finish().unwrap();
    }
    let parsed = parse("csl.csv.gz", &gz).unwrap();
    assert_eq!(parsed.entries.len(), 2);
    assert_eq!(parsed.problems.len(), 1);
    assert_eq!(parsed.entries[0].authority, Authority::UsTradeGov("EL".into()));
    assert_eq!(parsed.entries[0].listed_on.as_deref(), Some("2020-01-02"));
    let e = &parsed.entries[1];
    assert_eq!(e.authority.code(), "US-CSL:SDN");
    assert_eq!(e.names.len(), 3);
    assert_eq!(e.identifiers.len(), 1);
    assert_eq!(e.identifiers[0].kind, IdKind::Passport);
}

#[test]
fn ftm_json_lines_read_persons_and_bodies_and_skip_the_rest() {
    let bytes =
        std::fs::read(test_utils::workspace().join("crates/lists/tests/data/invented.ftm.jsonl"))
            .unwrap();
    let parsed = parse("invented.ftm.jsonl", &bytes).unwrap();
    assert_eq!(parsed.format, Format::Ftm);
    assert_eq!(parsed.entries.len(), 2);
    assert_eq!(parsed.problems.len(), 2, "{:?}", parsed.problems);
    let e = &parsed.entries[0];
    assert_eq!(e.authority, Authority::Other("invented_list".into()));
    assert_eq!(e.names.len(), 3);
    assert_eq!(e.birth_dates, ["1961-03-02"]);
    assert_eq!(e.listed_on.as_deref(), Some("2019-05-14"));
    assert_eq!(e.identifiers[0].key(), "N0012345");
}

#[test]
fn unknown_bytes_are_an_error_not_a_panic() {
    assert!(matches!(parse("x.bin", b"\x00\x01garbage"), Err(Error::Unknown(_))));
    assert!(parse("x.gz", &[0x1f, 0x8b, 0, 0]).is_err());
}

#[test]
fn dates_in_the_lists_forms() {
    assert_eq!(dates::parse("10 Dec 1948").as_deref(), Some("1948-12-10"));
    assert_eq!(dates::parse("00/00/1980").as_deref(), Some("1980"));
    assert_eq!(dates::parse("00/05/1980").as_deref(), Some("1980-05"));
    assert_eq!(dates::parse("circa 1960").as_deref(), Some("1960"));
    assert_eq!(dates::parse("31/02/1980"), None);
    assert_eq!(dates::parse("1961-03-02").as_deref(), Some("1961-03-02"));
}

#[test]
fn a_variant_writes_the_same_name_another_way() {
    use crate::eval::variant;
    assert!(variant("WIELGOSZ, Tomasz", "VELGOSH, Tomas"));
    assert!(variant("QUENBY, Marisol Ana", "QUENBY, Marisol"));
    assert!(variant("Piet Oranje", "ORANJE, P."));
    // Another name altogether, or a lone word, is no variant.
    assert!(!variant("HOLL, Kasimir", "Abu Brenning"));
    assert!(!variant("LORN, Edda", "LORN, Marisol"));
    assert!(!variant("LORN", "LORN, Edda"));
}

#[test]
fn an_alias_with_another_family_name_before_the_given_names_is_another_name() {
    use crate::eval::{keeps_family_name, variant};
    // Every word of the primary name is in it, so `variant` alone lets it through.
    assert!(variant("BRENNING HOLL, Piet Oranje", "ORANJE, Piet"));
    assert!(!keeps_family_name("BRENNING HOLL, Piet Oranje", "ORANJE, Piet"));
    // The family name spelt another way, moved, or written with more words, is kept.
    assert!(keeps_family_name("ORANYE, Piet", "ORANJE, Piet"));
    assert!(keeps_family_name("PIET, Oranje", "ORANJE, Piet"));
    assert!(keeps_family_name("ORANJE LORN, Piet", "ORANJE, Piet"));
    assert!(keeps_family_name("Piet Oranje Brenning", "ORANJE, Piet"));
}

#[test]
fn a_passport_shared_by_names_with_nothing_in_common_is_no_cross_list_case() {
    let person = |authority: Authority, record: &str, name: &str, passport: &str| {
        let mut e = Entry::new(authority, record.into(), EntryKind::Person);
        e.add_name(name, NameQuality::Primary);
        e.identifiers.push(Identifier {
            kind: IdKind::Passport,
            number: passport.into(),
            country: None,
        });
        e
    };
    let ofac = [
        person(Authority::UsOfac, "1", "WIELGOSZ, Tomasz", "K1234567"),
        person(Authority::UsOfac, "2", "QUENBY, Marisol", "K7654321"),
    ];
    let others = [
        person(Authority::Uk, "10", "WIELGOSH, Tomas", "K1234567"),
        // The other man's number, as one list wrote it: no word in common.
        person(Authority::Uk, "11", "ORANJE, Piet", "K7654321"),
    ];
    let (_, _, cases) = eval::build(&ofac, &others, 100);
    let cross: Vec<&str> =
        cases.iter().filter(|c| c.kind == "cross-list").map(|c| c.query.name.as_str()).collect();
    assert_eq!(cross, ["WIELGOSH, Tomas"]);
}

#[test]
fn an_alias_that_is_another_persons_name_is_no_variant_case() {
    let person = |record: &str, names: &[&str], born: &str| {
        let mut e = Entry::new(Authority::UsOfac, record.into(), EntryKind::Person);
        e.add_name(names[0], NameQuality::Primary);
        for n in &names[1..] {
            e.add_name(n, NameQuality::Alias);
        }
        e.birth_dates.push(born.into());
        e
    };
    let ofac = [
        person("1", &["VARSKI, Tomasz", "VARSKY, Tomasz", "VARSKIJ, Tomas"], "1950"),
        person("2", &["VARSKY, Tomasz"], "1980"),
    ];
    let (_, _, cases) = eval::build(&ofac, &[], 100);
    let variants: Vec<&str> =
        cases.iter().filter(|c| c.kind == "variant").map(|c| c.query.name.as_str()).collect();
    assert_eq!(variants, ["VARSKIJ, Tomas"]);
}
