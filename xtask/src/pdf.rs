//! A small PDF writer for fixtures: A4 pages of wrapped Helvetica text with a running header
//! and a footer carrying the address and "Page N of M", as printed reports have.

use anyhow::Context;
use lopdf::content::{Content, Operation};
use lopdf::{Dictionary, Document, Object, Stream, StringFormat, dictionary};

/// A text to typeset: `key: value` lines, `---`, then paragraphs separated by blank lines; a
/// paragraph `[page break]` starts a new page.
pub struct Paper {
    title: String,
    header: String,
    footer: String,
    paragraphs: Vec<String>,
}

impl Paper {
    pub fn parse(source: &str) -> anyhow::Result<Paper> {
        let (head, body) =
            source.split_once("\n---\n").context("no `---` line after the header fields")?;
        let field = |name: &str| -> anyhow::Result<String> {
            head.lines()
                .find_map(|l| l.strip_prefix(name).and_then(|r| r.strip_prefix(':')))
                .map(|v| v.trim().to_string())
                .with_context(|| format!("no `{name}:` field"))
        };
        let paragraphs = body
            .split("\n\n")
            .map(|p| p.split_whitespace().collect::<Vec<_>>().join(" "))
            .filter(|p| !p.is_empty())
            .collect();
        Ok(Paper {
            title: field("title")?,
            header: field("header")?,
            footer: field("footer")?,
            paragraphs,
        })
    }
}

const WIDTH: f32 = 595.0;
const HEIGHT: f32 = 842.0;
const LEFT: f32 = 64.0;
const TOP: f32 = 760.0;
const BOTTOM: f32 = 90.0;
const LEADING: f32 = 16.0;
const WRAP: usize = 80;

fn wrap(paragraph: &str) -> Vec<String> {
    let mut lines = vec![String::new()];
    for word in paragraph.split(' ') {
        let line = lines.last_mut().expect("never empty");
        if !line.is_empty() && line.chars().count() + 1 + word.chars().count() > WRAP {
            lines.push(word.to_string());
        } else {
            if !line.is_empty() {
                line.push(' ');
            }
            line.push_str(word);
        }
    }
    lines
}

fn text(s: &str) -> Object {
    let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(s);
    Object::String(bytes.into_owned(), StringFormat::Literal)
}

fn show(ops: &mut Vec<Operation>, x: f32, y: f32, size: f32, s: &str) {
    ops.push(Operation::new("BT", vec![]));
    ops.push(Operation::new("Tf", vec!["F1".into(), size.into()]));
    ops.push(Operation::new("Td", vec![x.into(), y.into()]));
    ops.push(Operation::new("Tj", vec![text(s)]));
    ops.push(Operation::new("ET", vec![]));
}

/// Typesets `paper`; with a password, encrypts the result so that it cannot be opened without.
pub fn render(paper: &Paper, user_password: Option<&str>) -> anyhow::Result<Vec<u8>> {
    // Lay the body out first, to know the page count for the footers.
    let mut pages: Vec<Vec<(f32, String)>> = vec![Vec::new()];
    let mut y = TOP;
    for paragraph in &paper.paragraphs {
        if paragraph == "[page break]" {
            pages.push(Vec::new());
            y = TOP;
            continue;
        }
        for line in wrap(paragraph) {
            if y < BOTTOM {
                pages.push(Vec::new());
                y = TOP;
            }
            pages.last_mut().expect("never empty").push((y, line));
            y -= LEADING;
        }
        y -= LEADING;
    }
    let count = pages.len();
    let bodies = pages
        .into_iter()
        .enumerate()
        .map(|(i, lines)| {
            let mut ops = Vec::new();
            show(&mut ops, LEFT, 800.0, 8.0, &paper.header);
            for (y, line) in lines {
                show(&mut ops, LEFT, y, 11.0, &line);
            }
            show(
                &mut ops,
                LEFT,
                40.0,
                8.0,
                &format!("{}    Page {} of {count}", paper.footer, i + 1),
            );
            ops
        })
        .collect();
    build(bodies, &paper.title, user_password)
}

/// One page that draws a grey box and carries no text, as a scan without OCR does.
pub fn image_only() -> anyhow::Result<Vec<u8>> {
    let ops = vec![
        Operation::new("g", vec![0.5.into()]),
        Operation::new("re", vec![100.into(), 300.into(), 400.into(), 300.into()]),
        Operation::new("f", vec![]),
    ];
    build(vec![ops], "Scanned letter", None)
}

fn build(
    pages: Vec<Vec<Operation>>,
    title: &str,
    user_password: Option<&str>,
) -> anyhow::Result<Vec<u8>> {
    let mut doc = Document::with_version("1.5");
    let pages_id = doc.new_object_id();
    let font = doc.add_object(dictionary! {
        "Type" => "Font", "Subtype" => "Type1", "BaseFont" => "Helvetica", "Encoding" => "WinAnsiEncoding",
    });
    let resources = doc.add_object(dictionary! { "Font" => dictionary! { "F1" => font } });
    let mut kids = Vec::new();
    for operations in pages {
        let content = Content { operations }.encode()?;
        let stream = doc.add_object(Stream::new(Dictionary::new(), content));
        let page = doc.add_object(dictionary! {
            "Type" => "Page",
            "Parent" => pages_id,
            "Contents" => stream,
            "Resources" => resources,
            "MediaBox" => vec![0.into(), 0.into(), WIDTH.into(), HEIGHT.into()],
        });
        kids.push(Object::Reference(page));
    }
    let count = kids.len() as i64;
    doc.objects.insert(
        pages_id,
        Object::Dictionary(dictionary! { "Type" => "Pages", "Kids" => kids, "Count" => count }),
    );
    let catalog = doc.add_object(dictionary! { "Type" => "Catalog", "Pages" => pages_id });
    let info =
        doc.add_object(dictionary! { "Title" => text(title), "Producer" => "dossier xtask" });
    doc.trailer.set("Root", catalog);
    doc.trailer.set("Info", info);
    // A fixed file identifier keeps the output, encrypted or not, byte-for-byte reproducible.
    let id = Object::String(b"dossier-fixture!".to_vec(), StringFormat::Hexadecimal);
    doc.trailer.set("ID", vec![id.clone(), id]);
    doc.compress();
    if let Some(password) = user_password {
        let version = lopdf::EncryptionVersion::V2 {
            document: &doc,
            owner_password: "owner",
            user_password: password,
            key_length: 128,
            permissions: lopdf::Permissions::all(),
        };
        let state = lopdf::EncryptionState::try_from(version)?;
        doc.encrypt(&state)?;
    }
    let mut out = Vec::new();
    doc.save_to(&mut out)?;
    Ok(out)
}
