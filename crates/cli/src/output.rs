//! What the command line prints: the progress bar, tables and JSON shapes.

use std::io::{self, Write};

use indicatif::{ProgressBar, ProgressStyle};
use pipeline::{FileReport, Progress};
use serde_json::{Value, json};
use store::{DocDetail, DocSummary};

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
            let line = format!("error: {}: {message}", file.path.display());
            match &self.bar {
                Some(bar) => bar.println(line),
                None => eprintln!("{line}"),
            }
        }
        if let Some(bar) = &self.bar {
            bar.inc(1);
            bar.set_message(
                file.path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default(),
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

pub fn docs_table(out: &mut impl Write, docs: &[DocSummary]) -> io::Result<()> {
    writeln!(
        out,
        "{:>4}  {:<28}  {:<12}  {:<10}  {:<4}  {:>7}  {:<40}  PUBLISHER",
        "ID", "NAME", "SHA256", "DATE", "LANG", "CHARS", "TITLE"
    )?;
    for d in docs {
        let m = &d.metadata;
        writeln!(
            out,
            "{:>4}  {:<28}  {:<12}  {:<10}  {:<4}  {:>7}  {:<40}  {}",
            d.id,
            cut(&d.name, 28),
            d.sha256.short(12),
            m.published.map_or_else(|| "-".to_string(), |p| p.to_string()),
            m.language.as_deref().unwrap_or("-"),
            d.chars,
            cut(m.title.as_deref().unwrap_or("-"), 40),
            m.publisher.as_deref().unwrap_or("-"),
        )?;
    }
    Ok(())
}

pub fn doc_json(d: &DocSummary) -> Value {
    let m = &d.metadata;
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
    })
}

pub fn detail_json(d: &DocDetail) -> Value {
    let mut v = doc_json(&d.summary);
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
        s.name,
        s.id,
        s.version,
        d.history.len()
    )?;
    writeln!(out, "path       {}", s.path)?;
    writeln!(out, "sha256     {}", s.sha256)?;
    writeln!(
        out,
        "format     {}{}",
        s.format,
        d.encoding.as_ref().map(|e| format!(" ({e})")).unwrap_or_default()
    )?;
    for field in model::Field::ALL {
        writeln!(
            out,
            "{:<10} {}{}",
            field.as_str(),
            m.get(field).unwrap_or_else(|| "unknown".into()),
            source(field)
        )?;
    }
    writeln!(out, "chars      {}", s.chars)?;
    writeln!(out, "ingested   {} by {}", s.ingested_at, d.extractor)?;
    for diag in &d.diagnostics {
        writeln!(out, "note       {}", diag.message)?;
    }
    writeln!(out)?;
    writeln!(out, "{}", d.text)?;
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
        let shown = text.get(a.span.clone()).unwrap_or("").replace('\n', " ");
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
