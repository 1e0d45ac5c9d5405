//! What the command line prints: the progress bar, tables and JSON shapes, and [`term`], the
//! one way text from documents, paths and errors reaches the terminal.

use std::borrow::Cow;
use std::fmt::Write as _;
use std::io::{self, Write};
use std::path::Path;

use indicatif::{ProgressBar, ProgressStyle};
use pipeline::{FileReport, Progress};
use serde_json::{Value, json};
use store::{DocDetail, DocSummary, StageFailure};

/// Text from documents, file names or error messages made safe for one terminal line.
///
/// Such text is untrusted: a file name can hold an ANSI escape sequence (recolouring or
/// clearing the terminal, moving the cursor) or a newline that forges a second `error:` line.
/// Control characters (C0, DEL and C1), bidirectional overrides and isolates (which reorder
/// what is shown) and Unicode line separators are written as escapes (`\n`, `\r`, `\t`,
/// `\u{1b}`), everything else as it is.
pub fn term(s: &str) -> Cow<'_, str> {
    escape_for_terminal(s, false)
}

/// [`term`] for a path (lossy for names that are not UTF-8).
pub fn term_path(p: &Path) -> String {
    term(&p.to_string_lossy()).into_owned()
}

/// [`term`] for several lines of text (a document's text): newlines and tabs kept, every
/// other control character escaped.
pub fn term_text(s: &str) -> Cow<'_, str> {
    escape_for_terminal(s, true)
}

fn escape_for_terminal(s: &str, keep_lines: bool) -> Cow<'_, str> {
    let unsafe_char = |c: char| {
        (c.is_control() && !(keep_lines && matches!(c, '\n' | '\t')))
            || matches!(c, '\u{2028}' | '\u{2029}' | '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}')
    };
    if !s.contains(unsafe_char) {
        return Cow::Borrowed(s);
    }
    let mut out = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '\n' | '\r' | '\t' if unsafe_char(c) => out.extend(c.escape_default()),
            c if unsafe_char(c) => {
                let _ = write!(out, "\\u{{{:x}}}", c as u32);
            }
            c => out.push(c),
        }
    }
    Cow::Owned(out)
}

/// A progress bar on stderr, or nothing; failing files are always reported, one line each.
pub struct Bar {
    bar: Option<ProgressBar>,
}

impl Bar {
    pub fn new(visible: bool) -> Bar {
        let bar = visible.then(|| {
            let bar = ProgressBar::new(0);
            bar.set_style(
                ProgressStyle::with_template(
                    "{bar:40} {pos}/{len} files, {per_sec}, eta {eta} {wide_msg}",
                )
                .expect("static template"),
            );
            bar
        });
        Bar { bar }
    }
}

impl Progress for Bar {
    fn start(&self, total: usize) {
        if let Some(bar) = &self.bar {
            bar.set_length(total as u64);
        }
    }

    fn advance(&self, file: &FileReport) {
        if let Err(message) = &file.result {
            let line = format!("error: {}: {}", term_path(&file.path), term(message));
            match &self.bar {
                Some(bar) => bar.println(line),
                None => eprintln!("{line}"),
            }
        }
        if let Some(bar) = &self.bar {
            bar.inc(1);
            bar.set_message(
                file.path.file_name().map(|n| term_path(n.as_ref())).unwrap_or_default(),
            );
        }
    }

    fn finish(&self) {
        if let Some(bar) = &self.bar {
            bar.finish_and_clear();
        }
    }
}

fn cut(s: &str, width: usize) -> String {
    if s.chars().count() <= width {
        s.to_string()
    } else {
        let mut out: String = s.chars().take(width.saturating_sub(1)).collect();
        out.push('…');
        out
    }
}

/// The stages that failed on a document, for the STATUS column: "ok", "read failed", ...
fn status(d: &DocSummary, failures: &[StageFailure]) -> String {
    let failed: Vec<&str> =
        failures.iter().filter(|f| f.doc == d.id).map(|f| f.stage.as_str()).collect();
    if failed.is_empty() { "ok".to_string() } else { format!("{} failed", failed.join("+")) }
}

pub fn docs_table(
    out: &mut impl Write,
    docs: &[DocSummary],
    failures: &[StageFailure],
) -> io::Result<()> {
    writeln!(
        out,
        "{:>4}  {:<28}  {:<12}  {:<10}  {:<4}  {:>7}  {:<14}  {:<40}  PUBLISHER",
        "ID", "NAME", "SHA256", "DATE", "LANG", "CHARS", "STATUS", "TITLE"
    )?;
    for d in docs {
        let m = &d.metadata;
        writeln!(
            out,
            "{:>4}  {:<28}  {:<12}  {:<10}  {:<4}  {:>7}  {:<14}  {:<40}  {}",
            d.id,
            cut(&term(&d.name), 28),
            d.sha256.short(12),
            m.published.map_or_else(|| "-".to_string(), |p| p.to_string()),
            term(m.language.as_deref().unwrap_or("-")),
            d.chars,
            status(d, failures),
            cut(&term(m.title.as_deref().unwrap_or("-")), 40),
            term(m.publisher.as_deref().unwrap_or("-")),
        )?;
    }
    Ok(())
}

pub fn doc_json(d: &DocSummary, failures: &[StageFailure]) -> Value {
    let m = &d.metadata;
    let failed: Vec<Value> = failures
        .iter()
        .filter(|f| f.doc == d.id)
        .map(|f| {
            json!({"stage": f.stage, "worker": f.worker, "message": f.message, "at": f.failed_at})
        })
        .collect();
    json!({
        "id": d.id,
        "name": d.name,
        "path": d.path,
        "sha256": d.sha256,
        "version": d.version,
        "current": d.current,
        "format": d.format,
        "title": m.title,
        "publisher": m.publisher,
        "author": m.author,
        "url": m.url,
        "language": m.language,
        "published": m.published,
        "metadata_sources": m.sources,
        "chars": d.chars,
        "ingested_at": d.ingested_at,
        "failures": failed,
    })
}

pub fn detail_json(d: &DocDetail, failures: &[StageFailure]) -> Value {
    let mut v = doc_json(&d.summary, failures);
    v["encoding"] = json!(d.encoding);
    v["extractor"] = json!(d.extractor);
    v["overrides"] = json!(d.overrides);
    v["diagnostics"] = json!(d.diagnostics);
    v["segments"] = json!(d.segments);
    v["history"] = json!(
        d.history
            .iter()
            .map(|(seq, sha, at)| json!({"version": seq, "sha256": sha, "ingested_at": at}))
            .collect::<Vec<_>>()
    );
    v["text"] = json!(d.text);
    v
}

pub fn show(out: &mut impl Write, d: &DocDetail) -> io::Result<()> {
    let s = &d.summary;
    let m = &s.metadata;
    let source = |f: model::Field| {
        m.sources
            .get(&f)
            .map(|p| {
                format!(
                    "  [{}]",
                    serde_json::to_value(p)
                        .ok()
                        .and_then(|v| v.as_str().map(str::to_string))
                        .unwrap_or_default()
                )
            })
            .unwrap_or_default()
    };
    writeln!(
        out,
        "document   {} (id {}, version {} of {})",
        term(&s.name),
        s.id,
        s.version,
        d.history.len()
    )?;
    writeln!(out, "path       {}", term(&s.path))?;
    writeln!(out, "sha256     {}", s.sha256)?;
    writeln!(
        out,
        "format     {}{}",
        s.format,
        d.encoding.as_ref().map(|e| format!(" ({})", term(e))).unwrap_or_default()
    )?;
    for field in model::Field::ALL {
        writeln!(
            out,
            "{:<10} {}{}",
            field.as_str(),
            term(&m.get(field).unwrap_or_else(|| "unknown".into())),
            source(field)
        )?;
    }
    writeln!(out, "chars      {}", s.chars)?;
    writeln!(out, "ingested   {} by {}", s.ingested_at, d.extractor)?;
    for diag in &d.diagnostics {
        writeln!(out, "note       {}", term(&diag.message))?;
    }
    writeln!(out)?;
    writeln!(out, "{}", term_text(&d.text))?;
    Ok(())
}

pub fn annotations(
    out: &mut impl Write,
    text: &str,
    reader: &str,
    list: &[model::Annotation],
) -> io::Result<()> {
    writeln!(out, "\nread by {reader}")?;
    for a in list.iter().filter(|a| a.layer != model::Layer::Sentence) {
        let shown = term(&text.get(a.span.clone()).unwrap_or("").replace('\n', " ")).into_owned();
        match &a.value {
            Some(v) => writeln!(
                out,
                "{:<12} {:<10} {:<40} {v}",
                a.layer.as_str(),
                a.label,
                cut(&shown, 40)
            )?,
            None => writeln!(out, "{:<12} {:<10} {}", a.layer.as_str(), a.label, shown)?,
        }
    }
    Ok(())
}

/// Each sentence's parse, one word a line: position, form, lemma, part of speech, head and
/// relation, as CoNLL-U orders them.
pub fn parses(out: &mut impl Write, text: &str, words: &[model::Word]) -> io::Result<()> {
    for sentence in words.chunk_by(|a, b| a.sentence == b.sentence) {
        let (first, last) = (&sentence[0], &sentence[sentence.len() - 1]);
        let shown = text.get(first.span.start..last.span.end).unwrap_or("").replace('\n', " ");
        writeln!(out, "\nsentence {}: {}", first.sentence + 1, cut(&term(&shown), 100))?;
        let form = |w: &model::Word| cut(&term(text.get(w.span.clone()).unwrap_or("")), 30);
        let lemma = |w: &model::Word| cut(&term(&w.lemma), 30);
        let width = |f: &dyn Fn(&model::Word) -> String| {
            sentence.iter().map(|w| f(w).chars().count()).max().unwrap_or(0)
        };
        let (form_width, lemma_width) = (width(&form), width(&lemma));
        for (i, w) in sentence.iter().enumerate() {
            writeln!(
                out,
                "{:>4}  {:<form_width$}  {:<lemma_width$}  {:<5}  {:>4}  {}",
                i + 1,
                form(w),
                lemma(w),
                term(&w.upos),
                w.head,
                term(&w.deprel)
            )?;
        }
    }
    Ok(())
}
