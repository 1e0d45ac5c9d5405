//! `dossier eval timex`: the time tagger run on a folder of TimeML files, scored as
//! TempEval-3 scores it.

use std::io::Write;
use std::path::PathBuf;
use std::process::ExitCode;

use anyhow::Context;

use crate::output;

/// The `*.tml` files under `dir`, at any depth, in the order of their paths.
pub(crate) fn tml_files(dir: &std::path::Path) -> anyhow::Result<Vec<PathBuf>> {
    let mut out = Vec::new();
    let mut stack = vec![dir.to_path_buf()];
    while let Some(d) = stack.pop() {
        let entries = std::fs::read_dir(&d)
            .with_context(|| format!("cannot read the folder {}", d.display()))?;
        for entry in entries {
            let path = entry?.path();
            if path.is_dir() {
                stack.push(path);
            } else if path.extension().is_some_and(|e| e == "tml") {
                out.push(path);
            }
        }
    }
    out.sort();
    anyhow::ensure!(
        !out.is_empty(),
        "no .tml files in {}: point it at a folder of TimeML files",
        dir.display()
    );
    Ok(out)
}

pub(crate) fn eval_timex(
    dir: &std::path::Path,
    output: Option<&std::path::Path>,
    errors: bool,
    by_rule: bool,
) -> anyhow::Result<ExitCode> {
    use eval::timeml;
    let files = tml_files(dir)?;
    let mut total = timeml::Scores::default();
    // Rule name -> (right value, wrong value, spurious).
    let mut rules: std::collections::BTreeMap<String, [usize; 3]> = Default::default();
    let mut failed = 0;
    let mut out = std::io::stdout().lock();
    for path in &files {
        let source = std::fs::read_to_string(path)
            .with_context(|| format!("cannot read {}", path.display()))?;
        let doc = match timeml::Document::parse(&source) {
            Ok(doc) => doc,
            Err(e) => {
                eprintln!(
                    "error: {}: {}: skipped",
                    output::term_path(path),
                    output::term(&e.to_string())
                );
                failed += 1;
                continue;
            }
        };
        let system = timeml::tag(&doc);
        let (scores, outcomes) = timeml::score(&doc.text, &doc.gold, &system);
        total.add(&scores);
        if by_rule {
            for o in &outcomes {
                match o {
                    timeml::Outcome::Right(s) => rules.entry(s.rule.clone()).or_default()[0] += 1,
                    timeml::Outcome::WrongValue(s) => {
                        rules.entry(s.rule.clone()).or_default()[1] += 1
                    }
                    timeml::Outcome::Missed => {}
                }
            }
            for s in &system {
                if !doc.gold.iter().any(|g| g.span.start < s.span.end && s.span.start < g.span.end)
                {
                    rules.entry(s.rule.clone()).or_default()[2] += 1;
                }
            }
        }
        if errors {
            let name =
                path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            for (g, o) in doc.gold.iter().zip(&outcomes) {
                let shown = &doc.text[g.span.clone()];
                match o {
                    timeml::Outcome::Right(_) => {}
                    timeml::Outcome::WrongValue(s) => writeln!(
                        out,
                        "value   {name}  {shown:?}  gold={} sys={}  [{}]",
                        g.value, s.value, s.rule
                    )?,
                    timeml::Outcome::Missed => {
                        writeln!(out, "missed  {name}  {shown:?}  gold={} {}", g.kind, g.value)?
                    }
                }
            }
            for s in &system {
                if !doc.gold.iter().any(|g| g.span.start < s.span.end && s.span.start < g.span.end)
                {
                    writeln!(
                        out,
                        "spurious {name}  {:?}  sys={} {}  [{}]",
                        &doc.text[s.span.clone()],
                        s.kind,
                        s.value,
                        s.rule
                    )?;
                }
            }
        }
        if let Some(dir) = output {
            std::fs::create_dir_all(dir)
                .with_context(|| format!("cannot create {}", dir.display()))?;
            let target = dir.join(path.file_name().unwrap_or_default());
            std::fs::write(&target, doc.render(&system))
                .with_context(|| format!("cannot write {}", target.display()))?;
        }
    }
    if by_rule {
        let mut rows: Vec<_> = rules.into_iter().collect();
        rows.sort_by_key(|(name, [_, wrong, spurious])| {
            (std::cmp::Reverse(wrong + spurious), name.clone())
        });
        writeln!(out, "{:<36} {:>6} {:>6} {:>9}", "rule", "right", "wrong", "spurious")?;
        for (name, [right, wrong, spurious]) in rows {
            writeln!(out, "{name:<36} {right:>6} {wrong:>6} {spurious:>9}")?;
        }
    }
    writeln!(out, "{total}")?;
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}
