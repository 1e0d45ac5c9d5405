//! Router tests of the entity page's figures and the review keys' links: the timeline's
//! marks open their evidence, the network is the entity's neighbourhood, and a claim's page
//! links the claims before and after it.

mod common;

use axum::http::StatusCode;
use common::*;

fn hrefs<'a>(page: &'a str, inside: &str, prefix: &str) -> Vec<&'a str> {
    let start = page.find(inside).unwrap_or_else(|| panic!("no {inside}"));
    let end = start + page[start..].find("</svg>").unwrap();
    page[start..end]
        .split("href=\"")
        .skip(1)
        .map(|s| &s[..s.find('"').unwrap()])
        .filter(|h| h.starts_with(prefix))
        .collect()
}

#[tokio::test]
async fn the_entity_page_draws_a_timeline_and_its_neighbourhood() {
    let app = app();
    let person =
        app.json("/api/search?q=quillon").await["entities"][0]["id"].as_str().unwrap().to_string();
    let page = app.get(&format!("/entity/{person}")).await;
    assert_eq!(page.status, StatusCode::OK);
    let body = &page.body;
    // The meeting of 4 March 2022 is a mark that opens its claim.
    let marks = hrefs(body, "<svg id=\"timeline\"", "/claim/");
    assert!(!marks.is_empty(), "{body}");
    for m in &marks {
        assert_eq!(app.get(m).await.status, StatusCode::OK, "{m}");
    }
    assert!(body.contains("data-t=\"2022.1"), "the mark sits in March 2022");
    // The network: the person in the middle, the other participant around, both linked.
    let nodes = hrefs(body, "<svg id=\"network\"", "/entity/");
    assert_eq!(nodes[0], format!("/entity/{person}"));
    assert!(nodes.len() >= 2, "{nodes:?}");
    let neighbour = app.get(nodes[1]).await;
    assert_eq!(neighbour.status, StatusCode::OK);
    assert!(
        hrefs(&neighbour.body, "<svg id=\"network\"", "/entity/")
            .contains(&format!("/entity/{person}").as_str()),
        "the tie is seen from both ends"
    );
    assert!(body.contains("data-zoom=\"in\""));
    assert_eq!(body.matches("<script").count(), 1, "the figures need no inline script");
}

#[tokio::test]
async fn a_claims_page_links_its_neighbours_in_the_document_for_j_and_k() {
    let app = app();
    let doc = app.json("/api/search?source=1").await;
    let claims: Vec<String> = doc["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();
    assert!(claims.len() >= 2, "{doc}");
    let first = app.get(&format!("/claim/{}", claims[0])).await.body;
    assert!(first.contains(&format!("rel=\"next\" href=\"/claim/{}\"", claims[1])), "{first}");
    assert!(!first.contains("rel=\"prev\""));
    let second = app.get(&format!("/claim/{}", claims[1])).await.body;
    assert!(second.contains(&format!("rel=\"prev\" href=\"/claim/{}\"", claims[0])));
    assert!(
        first.contains("id=\"accept\"") && first.contains("id=\"reject\""),
        "what a and r press"
    );
}

/// The legal status table's rows as text, each without its last cell (the source notes,
/// numbered by the page).
fn legal_rows(page: &str) -> Vec<String> {
    // An h2 on the entity page, an h3 in the case file.
    let start = ["<h2>Legal status</h2>", "<h3>Legal status</h3>"]
        .iter()
        .find_map(|h| page.find(h))
        .unwrap_or_else(|| panic!("no legal status"));
    let table = &page[start..start + page[start..].find("</table>").unwrap()];
    table
        .split("<tr>")
        .skip(2)
        .map(|row| {
            let cells: Vec<&str> = row.split("<td>").skip(1).collect();
            let text: String = cells[..cells.len() - 1].join("|");
            let mut out = String::new();
            let mut in_tag = false;
            for c in text.chars() {
                match c {
                    '<' => in_tag = true,
                    '>' => in_tag = false,
                    c if !in_tag => out.push(c),
                    _ => {}
                }
            }
            out
        })
        .collect()
}

#[tokio::test]
async fn the_entity_page_and_the_case_file_share_the_legal_status_section() {
    let app = app();
    let found = app.json("/api/search?q=vallejo+brito").await;
    let person = found["entities"][0]["id"].as_str().unwrap().to_string();
    let page = app.get(&format!("/entity/{person}")).await.body;
    let case_file = app.get("/export/case/index.html").await.body;
    let section = &case_file[case_file.find(&format!("<section id=\"{person}\">")).unwrap()..];
    let on_page = legal_rows(&page);
    assert!(!on_page.is_empty());
    assert_eq!(on_page, legal_rows(section), "one template, one wording");
    assert!(page.contains("<sup><a href=\"&#x2f;claim&#x2f;"), "notes open claims on the page");
    assert!(section.contains("<sup><a href=\"#e"), "footnotes in the case file");
}
