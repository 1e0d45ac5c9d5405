//! Tests of the tagger's pieces: IOB1 reading, span decoding, transitions, model round trip.

use super::*;

#[test]
fn iob1_becomes_bio() {
    let text = "EU NNP I-NP I-ORG\nrejects VBZ I-VP O\nGerman JJ I-NP I-MISC\n\nPeter NNP I-NP I-PER\nBlackburn NNP I-NP I-PER\n\nA X X I-LOC\nB X X B-LOC\n";
    let s = read_conll(text);
    let names = |t: &[usize]| t.iter().map(|&i| TAGS[i]).collect::<Vec<_>>();
    assert_eq!(s.len(), 3);
    assert_eq!(names(&s[0].tags), ["B-ORG", "O", "B-MISC"]);
    assert_eq!(names(&s[1].tags), ["B-PER", "I-PER"]);
    assert_eq!(names(&s[2].tags), ["B-LOC", "B-LOC"]);
}

#[test]
fn spans_and_transitions() {
    assert_eq!(
        spans(&[1, 2, 0, 5, 5, 6]),
        vec![(0, 2, EntityType::Per), (3, 4, EntityType::Loc), (4, 6, EntityType::Loc)]
    );
    assert!(allowed(None, 1) && !allowed(None, 2));
    assert!(
        allowed(Some(1), 2) && allowed(Some(2), 2) && !allowed(Some(3), 2) && !allowed(Some(0), 2)
    );
}

#[test]
fn a_tiny_model_learns_and_round_trips() {
    let text = "Alice NNP I-NP I-PER\nvisited VBD I-VP O\nParis NNP I-NP I-LOC\n\nBob NNP I-NP I-PER\nleft VBD I-VP O\nRome NNP I-NP I-LOC\n";
    let data = read_conll(text);
    let model = train(&data, &TrainConfig { epochs: 5, seed: 1 }, |_, _| {});
    let model: Tagger = model;
    assert_eq!(model.tag_words(&["Alice", "visited", "Paris"]), data[0].tags);
    let mut bytes = Vec::new();
    model.save(&mut bytes).unwrap();
    let again = Tagger::from_bytes(&bytes).unwrap();
    assert_eq!(again.tag_words(&["Bob", "left", "Rome"]), data[1].tags);
    assert!(matches!(Tagger::from_bytes(b"garbage"), Err(ModelError::Format)));
}
