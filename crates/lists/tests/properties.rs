//! Fuzz-style properties: any bytes, in the shape of any format, are read without a panic,
//! and every record the parser could not read is reported, never silently lost.

use proptest::prelude::*;

const HEADS: &[&str] = &[
    "",
    "101,\"A, B\",\"individual\",\"SDGT\",-0-,-0-,-0-,-0-,-0-,-0-,-0-,\"DOB ",
    "Last Updated,13/04/2018\nName 6,Name 1,DOB,Nationality,Passport Details,Group Type,Alias Type,Listed On,Group ID\n",
    "<?xml version=\"1.0\"?><CONSOLIDATED_LIST><INDIVIDUALS><INDIVIDUAL><FIRST_NAME>",
    "_id,source,entity_number,type,programs,name,alt_names,dates_of_birth,ids\n",
    "{\"id\":\"x\",\"schema\":\"Person\",\"properties\":{\"name\":[",
];

proptest! {
    #![proptest_config(ProptestConfig { cases: 400, ..ProptestConfig::default() })]

    #[test]
    fn any_bytes_after_any_head_never_panic(head in 0..HEADS.len(), tail in proptest::collection::vec(any::<u8>(), 0..400), name in "(x_sdn|x_alt|x_add|x_sdn_comments|c)\\.csv") {
        let mut bytes = HEADS[head].as_bytes().to_vec();
        bytes.extend(&tail);
        let _ = lists::parse(&name, &bytes);
    }

    #[test]
    fn csv_like_text_never_panics(lines in proptest::collection::vec("[0-9a-zA-Z,;\"' /()\\-.\n]{0,80}", 0..20), head in 0..HEADS.len()) {
        let text = format!("{}{}", HEADS[head], lines.join("\n"));
        if let Ok(parsed) = lists::parse("x_sdn.csv", text.as_bytes()) {
            for e in &parsed.entries {
                prop_assert!(!e.names.is_empty());
                prop_assert!(!e.record.is_empty());
            }
        }
    }

    #[test]
    fn matching_any_name_never_panics(name in "\\PC{0,40}") {
        let index = lists::Index::new(Vec::new());
        prop_assert!(index.check(&lists::Query::name(&name), 5, 0.0).is_empty());
    }
}
