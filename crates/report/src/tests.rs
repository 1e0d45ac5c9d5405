//! Tests of what keeps hostile document text inert in the outputs, and of the case folder's
//! whole-or-nothing writing.

use std::path::Path;

use crate::folder::{self, TMP_MARK};
use crate::tables::csv_cell;
use crate::{ReportError, safe_url};

#[test]
fn csv_cells_that_a_spreadsheet_would_run_are_neutralised() {
    for cell in ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-2+3", "@SUM(A1)", "\tx", "\rx"] {
        assert_eq!(csv_cell(cell), format!("'{cell}"), "{cell:?}");
    }
    for cell in ["", "Ana Ruiz", "12", "2019-05", " =1", "'quoted"] {
        assert_eq!(csv_cell(cell), cell, "{cell:?}");
    }
}

#[test]
fn only_http_urls_pass() {
    for url in ["https://example.org/a?b=c", "http://example.org", " HTTPS://Example.org/x "] {
        assert_eq!(safe_url(url), Some(url.trim()), "{url}");
    }
    for url in [
        "javascript:alert(1)",
        "JavaScript:alert(1)",
        " javascript:alert(1)",
        "data:text/html,<script>alert(1)</script>",
        "file:///etc/passwd",
        "vbscript:x",
        "//example.org/x",
        "/relative",
        "http://",
        "https:///x",
        "http://exa mple.org",
        "http://example.org/\u{1b}[31m",
        "ftp://example.org",
        "",
    ] {
        assert_eq!(safe_url(url), None, "{url:?}");
    }
}

const OLD: [(&str, &[u8]); 3] = [("a.txt", b"old a"), ("b.txt", b"old b"), ("c.txt", b"old c")];
const NEW: [(&str, &[u8]); 3] = [("a.txt", b"new a"), ("b.txt", b"new b"), ("c.txt", b"new c")];

fn contents(dir: &Path) -> Vec<(String, Vec<u8>)> {
    let mut out: Vec<_> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| {
            let e = e.unwrap();
            (e.file_name().to_string_lossy().into_owned(), std::fs::read(e.path()).unwrap())
        })
        .collect();
    out.sort();
    out
}

fn as_owned(files: &[(&str, &[u8])]) -> Vec<(String, Vec<u8>)> {
    files.iter().map(|(n, b)| (n.to_string(), b.to_vec())).collect()
}

fn leftovers(parent: &Path) -> Vec<String> {
    std::fs::read_dir(parent)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.contains(TMP_MARK))
        .collect()
}

#[test]
fn a_failure_at_any_file_leaves_the_previous_folder_whole() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("case");
    folder::replace(&dir, &OLD).unwrap();
    for fail_at in 0..NEW.len() {
        let err = folder::replace_with(&dir, &NEW, |i| {
            if i == fail_at { Err(std::io::Error::other("disk full")) } else { Ok(()) }
        })
        .unwrap_err();
        assert!(err.to_string().contains("disk full"), "{err}");
        assert_eq!(contents(&dir), as_owned(&OLD), "failure after file {fail_at}");
        assert!(leftovers(tmp.path()).is_empty(), "{:?}", leftovers(tmp.path()));
    }
    folder::replace(&dir, &NEW).unwrap();
    assert_eq!(contents(&dir), as_owned(&NEW));
    assert!(leftovers(tmp.path()).is_empty());
}

#[test]
fn a_link_planted_in_the_folder_is_replaced_not_followed() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("case");
    let victim = tmp.path().join("victim.txt");
    std::fs::write(&victim, b"precious").unwrap();
    folder::replace(&dir, &OLD).unwrap();
    std::fs::remove_file(dir.join("b.txt")).unwrap();
    std::os::unix::fs::symlink(&victim, dir.join("b.txt")).unwrap();
    // A link to a folder outside, under a name the folder holds: removing the old folder
    // must not descend into it.
    std::fs::remove_file(dir.join("c.txt")).unwrap();
    let outside = tmp.path().join("outside");
    std::fs::create_dir(&outside).unwrap();
    std::fs::write(outside.join("keep.txt"), b"keep").unwrap();
    std::os::unix::fs::symlink(&outside, dir.join("c.txt")).unwrap();
    folder::replace(&dir, &NEW).unwrap();
    assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
    assert_eq!(std::fs::read(outside.join("keep.txt")).unwrap(), b"keep");
    assert_eq!(contents(&dir), as_owned(&NEW));
}

#[test]
fn a_link_a_file_or_a_foreign_folder_is_refused() {
    let tmp = tempfile::tempdir().unwrap();
    let real = tmp.path().join("real");
    std::fs::create_dir(&real).unwrap();
    let link = tmp.path().join("link");
    std::os::unix::fs::symlink(&real, &link).unwrap();
    let file = tmp.path().join("file");
    std::fs::write(&file, b"x").unwrap();
    let foreign = tmp.path().join("home");
    std::fs::create_dir(&foreign).unwrap();
    std::fs::write(foreign.join("notes.txt"), b"mine").unwrap();
    for (path, says) in [
        (&link, "symbolic link"),
        (&file, "not a folder"),
        (&foreign, "\"notes.txt\""),
        (&tmp.path().join(".."), "folder name"),
    ] {
        let err = folder::replace(path, &NEW).unwrap_err();
        assert!(matches!(err, ReportError::Refused { .. }), "{err}");
        assert!(err.to_string().contains(says) && !err.to_string().contains('\n'), "{err}");
        assert_eq!(folder::check(path, &["a.txt"]).unwrap_err().to_string(), err.to_string());
    }
    assert!(std::fs::read_dir(&real).unwrap().next().is_none(), "nothing written through");
    assert_eq!(std::fs::read(foreign.join("notes.txt")).unwrap(), b"mine");
}

#[test]
fn leftovers_of_a_killed_run_go_but_a_live_ones_stay() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("case");
    let dead = tmp.path().join(format!(".case{TMP_MARK}dead"));
    std::fs::create_dir(&dead).unwrap();
    std::fs::write(dead.join("index.html"), b"<html><bo").unwrap();
    let live = tmp.path().join(format!(".case{TMP_MARK}live"));
    std::fs::create_dir(&live).unwrap();
    let held = std::fs::File::open(&live).unwrap();
    held.lock().unwrap();
    // Another tool's hidden folder is not ours.
    let other = tmp.path().join(".case-backup");
    std::fs::create_dir(&other).unwrap();
    folder::replace(&dir, &NEW).unwrap();
    assert!(!dead.exists());
    assert!(live.exists());
    assert!(other.exists());
    drop(held);
    folder::replace(&dir, &OLD).unwrap();
    assert!(!live.exists());
    assert_eq!(contents(&dir), as_owned(&OLD));
}

#[test]
fn the_case_store_in_the_folder_is_kept_across_a_replace_and_a_link_under_its_name_is_not() {
    let tmp = tempfile::tempdir().unwrap();
    let dir = tmp.path().join("case");
    folder::replace(&dir, &OLD).unwrap();
    std::fs::write(dir.join("dossier.db"), b"the store").unwrap();
    let victim = tmp.path().join("victim.txt");
    std::fs::write(&victim, b"precious").unwrap();
    std::os::unix::fs::symlink(&victim, dir.join("dossier.db-wal")).unwrap();
    folder::replace(&dir, &NEW).unwrap();
    assert_eq!(std::fs::read(dir.join("dossier.db")).unwrap(), b"the store");
    assert!(!dir.join("dossier.db-wal").exists(), "the link is not carried over");
    assert_eq!(std::fs::read(&victim).unwrap(), b"precious");
    assert!(leftovers(tmp.path()).is_empty());
}

/// A case of `n` meetings, each between two people no other meeting names, in `n` documents.
fn many_people(n: usize) -> fuse::Case {
    const SYLLABLES: [&str; 10] =
        ["var", "bren", "ost", "holl", "quen", "lorn", "wiel", "dra", "mik", "tor"];
    let surname = |i: usize| {
        let s =
            format!("{}{}{}ek", SYLLABLES[i % 10], SYLLABLES[i / 10 % 10], SYLLABLES[i / 100 % 10]);
        let mut c = s.chars();
        c.next().unwrap().to_uppercase().chain(c).collect::<String>()
    };
    let mut sources = std::collections::BTreeMap::new();
    let claims: Vec<claims::Claim> = (0..n)
        .map(|i| {
            let doc = format!("memo-{i:04}.txt");
            sources.insert(doc.clone(), fuse::Source { doc: doc.clone(), ..Default::default() });
            let (a, b) =
                (format!("Tomasz {}", surname(2 * i)), format!("Edda {}", surname(2 * i + 1)));
            serde_json::from_value(serde_json::json!({
                "id": format!("c{i:04}"), "doc": doc, "doc_sha256": "00", "type": "meeting",
                "participants": [a, b], "place": "Varsk", "date": format!("2020-{:02}", i % 12 + 1),
                "modality": "asserted", "attributed_to": null,
                "evidence": {"text": format!("{a} met {b} in Varsk."), "start": 0, "end": 20},
                "confidence": 0.9, "entity_ids": {}, "rule": "test"
            }))
            .unwrap()
        })
        .collect();
    fuse::Case::build(sources, claims, &[])
}

#[test]
fn a_large_case_file_is_split_into_parts_linked_to_each_other_and_printable() {
    let case = many_people(80);
    let files = crate::html::case_files(&case);
    let names: Vec<&str> = files.iter().map(|(n, _)| n.as_str()).collect();
    assert_eq!(names, ["index.html", "part-001.html", "part-002.html", "sources.html"]);
    let file = |name: &str| &files.iter().find(|(n, _)| n == name).unwrap().1;
    let sections = |html: &str| html.matches("<section id=\"person-").count();
    assert_eq!(sections(file("part-001.html")), crate::html::PART_SECTIONS);
    assert!(sections(file("part-002.html")) > 0);
    assert_eq!(sections(file("index.html")), 0, "the index holds the contents, not sections");
    // Every link to an anchor lands on an element of that id in the file it names.
    for (name, html) in &files {
        for href in html.split("href=\"").skip(1).map(|h| &h[..h.find('"').unwrap()]) {
            let Some((target, id)) = href.split_once('#') else { continue };
            let target = if target.is_empty() { name.as_str() } else { target };
            assert!(names.contains(&target), "{name}: {href}");
            assert!(file(target).contains(&format!("id=\"{id}\"")), "{name}: {href} lands nowhere");
        }
    }
    // The contents link every section; a meeting's other party in another part is linked
    // there; each part has its own evidence for its footnotes.
    assert_eq!(file("index.html").matches("<li><a href=\"part-").count(), 160);
    assert!(file("part-001.html").contains("href=\"part-002.html#person-"));
    assert!(file("part-002.html").contains("<section id=\"evidence\">"));
    // Printing: no heading left at a page's foot, rows kept whole, page numbers.
    for (_, html) in &files {
        assert!(html.contains("h2,h3{break-after:avoid"));
        assert!(html.contains("counter(page)"));
    }
    // A small case stays one page.
    assert_eq!(crate::html::case_files(&many_people(10)).len(), 1);
}

#[test]
fn a_split_case_folder_is_replaced_by_a_smaller_one() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("case");
    let written = crate::write(&out, &many_people(120)).unwrap();
    assert!(written.iter().any(|p| p.ends_with("part-003.html")), "{written:?}");
    crate::write(&out, &many_people(10)).unwrap();
    assert!(!out.join("part-001.html").exists());
    assert!(out.join("index.html").exists());
}

/// The files of a split case file by name, and the entity ids each part's sections hold.
fn parts_of(files: &[(String, String)]) -> Vec<(&str, Vec<&str>)> {
    files
        .iter()
        .filter(|(n, _)| n.starts_with("part-"))
        .map(|(n, html)| {
            let ids = html
                .split("<section id=\"")
                .skip(1)
                .map(|s| &s[..s.find('"').unwrap()])
                .filter(|id| *id != "evidence")
                .collect();
            (n.as_str(), ids)
        })
        .collect()
}

#[test]
fn parts_are_cut_by_size_between_sections_with_their_own_evidence() {
    let case = many_people(80);
    let whole = crate::html::split_case_files(&case, 1000, usize::MAX);
    assert_eq!(whole.len(), 1, "no limit reached, one page");
    let unlimited = crate::html::split_case_files(&case, 1000, 0);
    let single: Vec<usize> = parts_of(&unlimited).iter().map(|(_, ids)| ids.len()).collect();
    assert_eq!(single, vec![1; 160], "a section past the budget alone is a part of its own");
    let largest = unlimited.iter().filter(|(n, _)| n.starts_with("part-")).map(|(_, h)| h.len());
    let budget = largest.max().unwrap() * 3;
    for budget in [budget, budget * 4] {
        let files = crate::html::split_case_files(&case, 1000, budget);
        let parts = parts_of(&files);
        assert!(parts.len() > 1 && parts.len() < 160, "{budget}: {} parts", parts.len());
        let file = |name: &str| &files.iter().find(|(n, _)| n == name).unwrap().1;
        for (name, ids) in &parts {
            let html = file(name);
            assert!(html.len() <= budget || ids.len() == 1, "{name}: {} > {budget}", html.len());
            // Every footnote's mark names the evidence text the part's own list holds.
            for mark in html.split("<sup><a href=\"#e").skip(1) {
                let n = &mark[..mark.find('"').unwrap()];
                let title = mark.split("title=\"").nth(1).unwrap();
                let title = &title[..title.find('"').unwrap()];
                let item = html.split(&format!("<li id=\"e{n}\"><q>")).nth(1);
                let item = item.unwrap_or_else(|| panic!("{name}: note {n} has no evidence"));
                assert!(item.starts_with(&format!("{title}</q>")), "{name}: note {n}");
            }
        }
        // Every entity with a section is in exactly one part, in the contents' order.
        let mut seen: Vec<&str> = parts.iter().flat_map(|(_, ids)| ids.iter().copied()).collect();
        let contents: Vec<&str> = file("index.html")
            .split("<li><a href=\"part-")
            .skip(1)
            .map(|l| &l[l.find('#').unwrap() + 1..l.find('"').unwrap()])
            .collect();
        assert_eq!(seen, contents);
        seen.sort_unstable();
        seen.dedup();
        assert_eq!(seen.len(), 160);
        // Each contents link names the part that holds the section; prev and next are right.
        for (k, (name, ids)) in parts.iter().enumerate() {
            for id in ids {
                assert!(file("index.html").contains(&format!("href=\"{name}#{id}\"")));
            }
            let prev = k.checked_sub(1).map(|p| format!("href=\"{}\" rel=\"prev\"", parts[p].0));
            let next = parts.get(k + 1).map(|p| format!("href=\"{}\" rel=\"next\"", p.0));
            for link in [prev, next].into_iter().flatten() {
                assert!(file(name).contains(&link), "{name}: {link}");
            }
            let links = file(name).matches("rel=\"prev\"").count()
                + file(name).matches("rel=\"next\"").count();
            assert_eq!(links, usize::from(k > 0) + usize::from(k + 1 < parts.len()));
        }
    }
}

/// The files of a zip archive, in its order, each checked against its CRC-32 as it is read.
fn unzip(bytes: &[u8]) -> Vec<(String, String)> {
    use std::io::Read as _;
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    (0..archive.len())
        .map(|i| {
            let mut file = archive.by_index(i).unwrap();
            assert_eq!(file.compression(), zip::CompressionMethod::Deflated);
            let mut text = String::new();
            file.read_to_string(&mut text).unwrap();
            (file.name().unwrap().to_string(), text)
        })
        .collect()
}

#[test]
fn the_case_file_archive_holds_the_files_build_writes() {
    for case in [many_people(10), many_people(120)] {
        let files = crate::html::case_files(&case);
        let zip = crate::archive::case_file_zip(&case).unwrap();
        assert!(zip.len() < files.iter().map(|(_, t)| t.len()).sum::<usize>(), "deflated");
        assert_eq!(unzip(&zip), files);
    }
}

#[test]
fn a_long_post_label_is_cut_at_a_word_with_an_ellipsis_and_nothing_dated_draws_no_timeline() {
    use crate::svg::{fit_label, timeline};
    assert_eq!(fit_label("director of the bureau"), "director of the bureau");
    let long = "deputy head of the Harbour Affairs Committee of the Eastern Province";
    let cut = fit_label(long);
    assert!(cut.ends_with('…') && cut.chars().count() <= 36, "{cut}");
    assert!(long.starts_with(cut.trim_end_matches('…')), "{cut}");
    assert!(!cut.trim_end_matches('…').ends_with(' '), "{cut}");
    assert_eq!(timeline(None, &[]), None);
}

/// The height a drawing's `height` attribute gives.
fn svg_height(svg: &str) -> f64 {
    let at = svg.find(" height=\"").expect("a height") + 9;
    svg[at..at + svg[at..].find('"').unwrap()].parse().unwrap()
}

#[test]
fn the_network_is_as_tall_as_its_nodes_need() {
    let case = many_people(1);
    let person = case.resolution.entities.iter().find(|e| e.name.starts_with("Tomasz")).unwrap();
    let meetings: Vec<&fuse::Assertion> = case.assertions.iter().collect();
    let one = crate::svg::ego_network(person, &meetings);
    // One counterpart sits beside the person: a strip, not a 420-pixel square.
    assert!(svg_height(&one) < 120.0, "{one}");
    assert!(one.contains("Edda"), "{one}");
    // Many counterparts go round the person, in a taller drawing that holds them all.
    let mut claims = case.claims.clone();
    for (k, other) in
        ["Marisol Quenby", "Piet Oranje", "Kasimir Holl", "Edda Lorn"].iter().enumerate()
    {
        let mut c = claims[0].clone();
        c.id = format!("x{k}");
        c.fields.insert(
            "participants".into(),
            serde_json::json!([person.name.clone(), other.to_string()]),
        );
        claims.push(c);
    }
    let case = fuse::Case::build(case.sources.clone(), claims, &[]);
    let person = case.resolution.entities.iter().find(|e| e.name.starts_with("Tomasz")).unwrap();
    let meetings: Vec<&fuse::Assertion> = case.assertions.iter().collect();
    let five = crate::svg::ego_network(person, &meetings);
    assert!(svg_height(&five) > svg_height(&one) && svg_height(&five) <= 420.0, "{five}");
    for name in ["Quenby", "Oranje", "Holl", "Lorn"] {
        assert!(five.contains(name), "{five}");
    }
}

#[test]
fn a_person_is_named_in_every_document_that_names_them_not_only_those_with_claims() {
    let mut case = many_people(2);
    let person = case.resolution.entities.iter().find(|e| e.name.starts_with("Tomasz")).unwrap();
    let (full, surname) = (person.name.clone(), person.name.split(' ').nth(1).unwrap().to_string());
    // A third document names the person in full, with no claim about them; a fourth only
    // by a surname, which another person may bear.
    for (doc, name) in [("memo-x.txt", full.clone()), ("memo-y.txt", surname)] {
        let source = fuse::Source {
            doc: doc.into(),
            names: [name].into_iter().collect(),
            ..Default::default()
        };
        case.sources.insert(doc.into(), source);
    }
    let files = crate::html::case_files(&case);
    let html = files.iter().map(|(_, h)| h.as_str()).collect::<String>();
    let at = html.find(&format!("<h2>{full}</h2>")).expect("the person's section");
    let head = &html[at..at + html[at..].find("</p>").unwrap()];
    assert!(head.contains("Named in 2 documents"), "{head}");
}
