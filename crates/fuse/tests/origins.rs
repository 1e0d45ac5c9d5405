//! Corroboration counts origin clusters: copies of one story are one origin, named by its
//! wire agency or earliest publisher, however many sites carry them.

use std::collections::BTreeMap;

use claims::Claim;
use fuse::{Case, Source, Status};
use serde_json::json;

fn sanction(doc: &str) -> Claim {
    serde_json::from_value(json!({
        "id": format!("{doc}-0"), "doc": doc, "doc_sha256": "00", "type": "sanction",
        "modality": "asserted", "attributed_to": null,
        "evidence": {"text": "", "start": 0, "end": 0}, "confidence": 0.8,
        "entity_ids": {"target": format!("{doc}/Ines Varga")}, "rule": "test",
        "authority": "Canada", "target": "Ines Varga", "date": "2021-03"
    }))
    .unwrap()
}

fn source(
    doc: &str,
    publisher: &str,
    cluster: Option<&str>,
    origin: Option<&str>,
) -> (String, Source) {
    (
        doc.to_string(),
        Source {
            doc: doc.to_string(),
            publisher: Some(publisher.to_string()),
            published: Some("2021-03-22".into()),
            cluster: cluster.map(str::to_string),
            origin: origin.map(str::to_string),
            ..Default::default()
        },
    )
}

#[test]
fn three_reprints_of_one_wire_story_are_one_origin_and_a_fourth_site_corroborates() {
    let mut sources: BTreeMap<String, Source> = [
        source("a", "Site One", Some("a"), Some("AFP")),
        source("b", "Site Two", Some("a"), Some("AFP")),
        source("c", "Site Three", Some("a"), Some("AFP")),
    ]
    .into_iter()
    .collect();
    let claims = vec![sanction("a"), sanction("b"), sanction("c")];
    let case = Case::build(sources.clone(), claims.clone(), &[]);
    let a = &case.assertions[0];
    assert_eq!(a.origins, vec!["AFP"]);
    assert_eq!(a.status, Status::SingleSource);
    assert_eq!(a.explanation[0], "stated in 3 documents from 1 independent origin (AFP)");

    // Another story, another cluster, named by its publisher: two origins now.
    sources.extend([source("d", "Site Four", Some("d"), Some("Site Four"))]);
    let mut more = claims;
    more.push(sanction("d"));
    let case = Case::build(sources, more, &[]);
    let a = &case.assertions[0];
    assert_eq!(a.origins, vec!["AFP", "Site Four"]);
    assert_eq!(a.status, Status::Corroborated);
    assert_eq!(
        a.explanation[0],
        "stated in 4 documents from 2 independent origins (AFP, Site Four)"
    );
}

#[test]
fn without_clusters_publishers_count_as_before() {
    let sources: BTreeMap<String, Source> =
        [source("a", "Site One", None, None), source("b", "Site Two", None, None)]
            .into_iter()
            .collect();
    let case = Case::build(sources, vec![sanction("a"), sanction("b")], &[]);
    assert_eq!(case.assertions[0].origins, vec!["Site One", "Site Two"]);
    assert_eq!(case.assertions[0].status, Status::Corroborated);
}
