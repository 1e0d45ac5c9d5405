//! One claim per fact, on invented sentences read by the real reader.

use crate::ClaimType;
use crate::frames::test_support::claims_rewired;

#[test]
fn a_meeting_told_as_three_people_and_as_two_pairs_is_the_pairs() {
    // As another parser read it: both people met conjuncts of the first, each described,
    // so that the verb's frame finds the three together and the pattern the two pairs.
    let text = "Last week, the newspaper reported that Tomasz Wielgosz had recently visited Lornby, where he met with Piet Oranje, the Norvanian interior minister, and Edda Lorn, the director of the Border Service.";
    let c = claims_rewired(
        text,
        ClaimType::Meeting,
        &[
            ("met", "visited", "parataxis"),
            ("Oranje", "met", "obl"),
            ("minister", "Oranje", "conj"),
            ("Edda", "Oranje", "conj"),
            ("Lorn", "Edda", "flat"),
            ("director", "Oranje", "appos"),
        ],
    );
    let sizes: Vec<usize> = c.iter().map(|m| m.list("participants").len()).collect();
    assert_eq!(sizes, [2, 2], "{c:#?}");
}
