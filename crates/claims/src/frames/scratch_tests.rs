use crate::frames::test_support::positions_in;

#[test]
fn scratch() {
    for text in std::fs::read_to_string("/tmp/sents.txt").unwrap().lines() {
        println!("{text}");
        for c in positions_in(text, &["Norvania"]) {
            println!("  => {:?} {:?} {:?} {:?}", c.field("holder"), c.field("role"), c.field("organization"), c.rule);
        }
    }
}
