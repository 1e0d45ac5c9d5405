//! Unit tests: copies with clutter cluster, two stories on one event do not, wire bylines
//! name the origin, and the result is deterministic.

use crate::*;

/// An invented wire story about an invented court case.
const STORY: &str = "A court in Velmora on Tuesday sentenced former interior minister Daren Ostavik \
to twelve years in prison for ordering the torture of detained protesters in 2011.\n\n\
Judges found that Ostavik, 61, had approved the transfer of at least forty detainees to a \
secret facility run by the state security directorate, where witnesses said they were beaten \
and deprived of sleep for weeks.\n\n\
The defence had argued that the minister never knew what happened inside the facility and that \
the orders bore the signature of a deputy who has since died. The court rejected that account, \
citing intercepted calls in which Ostavik asked for daily reports on the interrogations.\n\n\
Rights groups welcomed the verdict as the first conviction of a cabinet member for abuses \
committed during the crackdown. Ostavik's lawyer said his client would appeal within the \
thirty days allowed by law.\n\n\
The former minister fled the country in 2014 and was extradited last year after his arrest \
at an airport in Karsk, where he had lived under a false name for almost a decade.";

/// Another story about the same event and person, written independently.
const OTHER_STORY: &str = "Daren Ostavik, who ran the interior ministry of Velmora during the \
2011 protests, will spend twelve years behind bars, a tribunal ruled on Tuesday.\n\n\
Survivors who testified against him gathered outside the courthouse and cheered when the \
sentence was read. One of them, a teacher who spent three months in custody, told reporters she \
had waited thirteen years for this day.\n\n\
Prosecutors had asked for fifteen years. They said the former minister personally signed \
transfer orders and received summaries of the questioning of prisoners, a claim his lawyers \
disputed throughout the eight-month trial.\n\n\
The case is being watched closely by neighbouring countries, where several former officials \
face similar accusations. Analysts said the ruling could encourage prosecutors elsewhere to \
pursue senior figures rather than the guards who carried out the abuse.";

fn rehosted(story: &str) -> String {
    format!(
        "Home | World | Politics | Business | Sport\n\n\
         We use cookies to improve your experience. Accept all cookies\n\n\
         Ex-minister gets 12 years over torture of protesters\n\n\
         By Staff Writer\n\n\
         {}\n\n\
         Related: Floods close roads in the north\n\n\
         Related: Markets rise after rate decision\n\n\
         © 2024 Example Daily News. All rights reserved.",
        story
            .replace("at least forty", "at least 40")
            .replace("\n\nThe former minister fled", "\n\nHe fled")
    )
}

fn member<'a>(
    key: &'a str,
    s: &'a Signature,
    publisher: Option<&'a str>,
    published: Option<&'a str>,
) -> Member<'a> {
    Member { key, signature: s, publisher, published }
}

#[test]
fn two_copies_with_site_clutter_are_one_origin() {
    let a = signature(STORY);
    let b = signature(&rehosted(STORY));
    let s = similarity(&a, &b);
    assert!(s.same_story(a.shingles.min(b.shingles)), "{s:?}");
    let members = [
        member("a.txt", &a, Some("Wire Desk"), Some("2024-05-14")),
        member("b.html", &b, Some("Example Daily"), Some("2024-05-15")),
    ];
    let c = cluster(&members);
    assert_eq!(c.clusters.len(), 1);
    assert_eq!(c.of, vec![0, 0]);
    // Named by the earliest member's publisher, with the earliest member's key as id.
    assert_eq!(c.clusters[0].id, "a.txt");
    assert_eq!(c.clusters[0].origin.as_deref(), Some("Wire Desk"));
}

#[test]
fn a_truncated_copy_inside_a_longer_page_is_contained() {
    let first_half: String = STORY.split("\n\n").take(3).collect::<Vec<_>>().join("\n\n");
    let a = signature(STORY);
    let b = signature(&first_half);
    let s = similarity(&a, &b);
    assert!(s.containment >= 0.8 && s.jaccard < 0.8, "{s:?}");
    let c = cluster(&[member("a", &a, None, None), member("b", &b, None, None)]);
    assert_eq!(c.clusters.len(), 1);
}

#[test]
fn two_stories_about_one_event_stay_apart() {
    let a = signature(STORY);
    let b = signature(OTHER_STORY);
    let s = similarity(&a, &b);
    assert!(s.jaccard < 0.1 && s.containment < 0.2, "{s:?}");
    let c = cluster(&[member("a", &a, None, None), member("b", &b, None, None)]);
    assert_eq!(c.clusters.len(), 2);
}

#[test]
fn wire_bylines_and_datelines_name_the_agency() {
    let cases = [
        ("VELMORA, May 14 (AFP) — A court on Tuesday sentenced a former minister.", Some("AFP")),
        ("KARSK (Reuters) - Police arrested two men.", Some("Reuters")),
        ("Ex-minister jailed\n\nBy Jane Roe | Reuters\n\nA court on Tuesday ...", Some("Reuters")),
        ("Ex-minister jailed\n\nBy Jane Roe, Associated Press\n\nA court ...", Some("AP")),
        ("Ex-minister jailed\nAgence France-Presse\nA court on Tuesday ...", Some("AFP")),
        ("A court on Tuesday sentenced him.\n— AFP", Some("AFP")),
        ("A court ruled.\n\nCopyright 2019 The Associated Press. All rights reserved.", Some("AP")),
        ("A court ruled.\n(Reporting by Jane Roe; Editing by John Doe)", Some("Reuters")),
        ("The minister told AFP he would appeal.", None),
        ("A photo (AP Photo/Jane Roe) shows the court.", None),
        ("Reuters and AP reported the ruling first, the paper said.", None),
        ("", None),
    ];
    for (text, want) in cases {
        assert_eq!(wire_agency(text), want, "{text:?}");
    }
}

#[test]
fn a_cluster_is_named_by_the_agency_its_members_name() {
    let wire = format!("VELMORA, May 14 (AFP) — {STORY}");
    let a = signature(&wire);
    let b = signature(&rehosted(STORY));
    assert_eq!(a.agency.as_deref(), Some("AFP"));
    let c = cluster(&[
        member("x", &a, Some("Site One"), Some("2024-05-15")),
        member("y", &b, Some("Site Two"), Some("2024-05-14")),
    ]);
    assert_eq!(c.clusters.len(), 1);
    assert_eq!(c.clusters[0].origin.as_deref(), Some("AFP"));
    assert_eq!(c.clusters[0].id, "y");
}

#[test]
fn clusters_do_not_depend_on_input_order_and_signatures_do_not_change() {
    let texts =
        [STORY.to_string(), rehosted(STORY), OTHER_STORY.to_string(), rehosted(OTHER_STORY)];
    let sigs: Vec<Signature> = texts.iter().map(|t| signature(t)).collect();
    let names = ["d1", "d2", "d3", "d4"];
    let forward: Vec<Member> = (0..4).map(|i| member(names[i], &sigs[i], None, None)).collect();
    let backward: Vec<Member> =
        (0..4).rev().map(|i| member(names[i], &sigs[i], None, None)).collect();
    let f = cluster(&forward);
    let b = cluster(&backward);
    let ids = |c: &Clustering, ms: &[Member]| -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = ms
            .iter()
            .enumerate()
            .map(|(i, m)| (m.key.to_string(), c.clusters[c.of[i]].id.clone()))
            .collect();
        v.sort();
        v
    };
    assert_eq!(ids(&f, &forward), ids(&b, &backward));
    assert_eq!(f.clusters.len(), 2);
    // The scheme is fixed: the same text gives the same values in every build, or SCHEME
    // must change with them.
    let s = signature("one two three four five six");
    assert_eq!(s.shingles, 2);
    assert_eq!((s.minhash[0], s.minhash[127]), (949_129_683, 552_457_790));
    assert_eq!(signature("One, two three; four five six!"), s);
    assert_eq!(Signature::from_bytes(&s.to_bytes(), s.shingles, None).as_ref(), Ok(&s));
}

#[test]
fn a_stored_signature_of_the_wrong_length_is_refused() {
    assert_eq!(
        Signature::from_bytes(&[0; 12], 3, None),
        Err(Error::BadSignature { found: 12, expected: SIGNATURE_LEN * 4 })
    );
}

#[test]
fn many_copies_of_one_text_cost_a_few_comparisons_each() {
    let sigs: Vec<Signature> =
        (0..2000).map(|i| signature(&format!("{STORY}\n\nItem {i}"))).collect();
    let names: Vec<String> = (0..2000).map(|i| format!("doc{i:05}")).collect();
    let members: Vec<Member> =
        sigs.iter().zip(&names).map(|(s, n)| member(n, s, None, None)).collect();
    let c = cluster(&members);
    assert_eq!(c.clusters.len(), 1);
    assert!(c.candidates < 4 * members.len(), "{} candidates", c.candidates);
}

#[test]
fn empty_and_tiny_texts_cluster_with_nothing() {
    let e = signature("");
    let t = signature("Ostavik");
    assert_eq!(e.shingles, 0);
    let c = cluster(&[
        member("e", &e, None, None),
        member("f", &e, None, None),
        member("t", &t, None, None),
        member("s", &signature(STORY), None, None),
    ]);
    assert_eq!(c.clusters.len(), 4);
}
