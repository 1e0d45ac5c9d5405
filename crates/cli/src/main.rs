//! The `dossier` command line: argument parsing, terminal output and exit codes.
//!
//! Exit codes: 0 when everything went through, 1 when some inputs failed (the rest landed),
//! 2 when the run could not work at all (no store, bad arguments).

mod args;
mod build_cmd;
mod claims_cmd;
mod entities_cmd;
mod lists_cmd;
mod ner_cmd;
mod origins_cmd;
mod output;
mod parse_cmd;
#[cfg(test)]
mod tests;
mod time_cmd;
mod timex_cmd;

use std::io::{IsTerminal, Write};
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use args::{
    Cli, Command, EvalCommand, ExportCommand, IngestArgs, ListsCommand, NetworkShape, ScoredClaims,
    TrainCommand,
};
use clap::Parser;
use model::Field;
use store::{DocSummary, Overrides, Store};

/// The command line as typed, for the run's record; a file name that is not UTF-8 is kept
/// lossily rather than stopping the run (`std::env::args` would panic on it).
pub(crate) fn command_line() -> String {
    std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect::<Vec<_>>().join(" ")
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    quiet_extractor_panics();
    match run(&cli) {
        Ok(code) => code,
        Err(e) => {
            if e.downcast_ref::<std::io::Error>()
                .is_some_and(|io| io.kind() == std::io::ErrorKind::BrokenPipe)
            {
                return ExitCode::SUCCESS;
            }
            // One line, whatever file names or document text the message quotes.
            eprintln!("error: {}", output::term(&format!("{e:#}")));
            ExitCode::from(2)
        }
    }
}

/// The PDF reader may panic on odd files; that is caught and reported as a one-line error,
/// so its panic message would only be noise.
fn quiet_extractor_panics() {
    let default = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().name() != Some("dossier-extract") {
            default(info);
        }
    }));
}

/// Finds exactly one document for a query, or says why not.
pub(crate) fn find_one(store: &Store, query: &str) -> anyhow::Result<DocSummary> {
    let found = store.find(query)?;
    match found.as_slice() {
        [] => anyhow::bail!("no document matches {query:?}: run `dossier docs` to list them"),
        [one] => Ok(one.clone()),
        many => {
            let names: Vec<String> = many
                .iter()
                .take(5)
                .map(|d| format!("{} ({})", d.name, d.sha256.short(12)))
                .collect();
            anyhow::bail!(
                "{} documents match {query:?}: {}; give a longer SHA-256 prefix or the id",
                many.len(),
                names.join(", ")
            )
        }
    }
}

/// Opens the store for any command but `build` and `new`: it must exist.
fn open_store(cli: &Cli) -> anyhow::Result<Store> {
    open_existing_store(&cli.db())
}

/// Opens a store that must exist; a missing one is one line that says what to do.
pub(crate) fn open_existing_store(path: &std::path::Path) -> anyhow::Result<Store> {
    let notice = |p: &std::path::Path| {
        eprintln!("waiting for another dossier process using {}...", output::term_path(p))
    };
    match Store::open_existing_with(path, notice) {
        Err(store::Error::Missing { .. }) => anyhow::bail!(
            "no store at {}: check --db (or DOSSIER_DB), or create one with `dossier new` or `dossier build PATHS -o DIR`",
            path.display()
        ),
        other => other.with_context(|| format!("cannot use the store {}", path.display())),
    }
}

fn open_store_at(path: &std::path::Path) -> anyhow::Result<Store> {
    Store::open_with(path, |p| {
        eprintln!("waiting for another dossier process using {}...", output::term_path(p))
    })
    .with_context(|| format!("cannot use the store {}", path.display()))
}

fn run(cli: &Cli) -> anyhow::Result<ExitCode> {
    match &cli.command {
        Command::Ingest(args) => ingest(cli, args),
        Command::Build { paths, output, aliases, follow_links, timeout, lists } => {
            // The case's store lives in its folder, so that two cases never mix.
            let db = cli.db.clone().unwrap_or_else(|| output.join("dossier.db"));
            // Fail on a case folder that cannot be written now, not after the long stages.
            report::check_folder(output)?;
            let made_folder = cli.db.is_none() && !output.exists();
            if made_folder {
                std::fs::create_dir_all(output).with_context(|| {
                    format!("cannot create the case folder {}", output.display())
                })?;
            }
            let made_store = !db.exists();
            let mut store = open_store_at(&db)?;
            let lists_imported = if lists.is_empty() {
                ExitCode::SUCCESS
            } else {
                lists_cmd::import(&mut store, lists, cli.quiet)?
            };
            let paths = build_cmd::Inputs {
                paths,
                follow_links: *follow_links,
                timeout: Duration::from_secs(*timeout),
            };
            let built = build_cmd::build(store, &db, &paths, output, aliases.as_deref(), cli.quiet);
            // A build that found nothing to build leaves nothing behind that it made.
            if built.as_ref().is_err_and(|e| e.is::<build_cmd::NothingToBuild>()) && made_store {
                for suffix in ["", "-wal", "-shm"] {
                    let mut file = db.clone().into_os_string();
                    file.push(suffix);
                    let _ = std::fs::remove_file(file);
                }
                if made_folder {
                    let _ = std::fs::remove_dir(output);
                }
            }
            // A list file that failed to import makes the build partial, as a failed document does.
            match built {
                Ok(code) if code == ExitCode::SUCCESS => Ok(lists_imported),
                other => other,
            }
        }
        Command::Lists(ListsCommand::Import { files }) => {
            lists_cmd::import(&mut open_store(cli)?, files, cli.quiet)
        }
        Command::Lists(ListsCommand::Check { name, born, nationality, role, limit, json }) => {
            let args = lists_cmd::CheckArgs {
                name,
                born: born.as_deref(),
                nationality: nationality.as_deref(),
                role: role.as_deref(),
                limit: *limit,
                json: *json,
            };
            lists_cmd::check(&open_store(cli)?, &args)
        }
        Command::New { dir } => build_cmd::new_store(cli.db.as_deref(), dir.as_deref()),
        Command::Remove { doc } => build_cmd::remove(&mut open_store(cli)?, doc),
        Command::Merge { left, right, reason } => {
            build_cmd::judge(open_store(cli)?, left, right, "same", reason)
        }
        Command::Split { left, right, reason } => {
            build_cmd::judge(open_store(cli)?, left, right, "different", reason)
        }
        Command::Judgements { remove, reason } => {
            build_cmd::judgements(open_store(cli)?, *remove, reason)
        }
        Command::Docs { removed: true, .. } => build_cmd::removed(&open_store(cli)?),
        Command::Docs { json, removed: false } => {
            let store = open_store(cli)?;
            let docs = store.documents()?;
            let failures = store.stage_failures()?;
            let mut out = std::io::stdout().lock();
            if *json {
                for doc in &docs {
                    let line = output::doc_json(doc, &failures);
                    writeln!(out, "{}", serde_json::to_string(&line)?)?;
                }
            } else {
                output::docs_table(&mut out, &docs, &failures)?;
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Read { timeout } => {
            let mut store = open_store(cli)?;
            let started = Instant::now();
            let progress = output::Bar::new(!cli.quiet && std::io::stderr().is_terminal());
            let options = pipeline::StageOptions {
                timeout: Duration::from_secs(*timeout),
                ..Default::default()
            };
            let report = pipeline::read_with(&mut store, &options, &progress)?;
            if !cli.quiet {
                let layers: Vec<String> =
                    report.annotations.iter().map(|(k, v)| format!("{v} {k}")).collect();
                eprintln!(
                    "read {} documents ({} sentences, {} tokens; {}) in {:.1} s with {}",
                    report.documents,
                    report.sentences,
                    report.tokens,
                    if layers.is_empty() { "nothing new".to_string() } else { layers.join(", ") },
                    started.elapsed().as_secs_f64(),
                    report.reader
                );
            }
            Ok(if report.failed.is_empty() { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
        Command::Show { doc, json, original, annotations } => {
            let store = open_store(cli)?;
            let summary = &find_one(&store, doc)?;
            let mut out = std::io::stdout().lock();
            if *original {
                let bytes = store.blob(&summary.sha256)?.with_context(|| {
                    format!("original {} missing: run `dossier doctor`", summary.sha256)
                })?;
                out.write_all(&bytes)?;
                return Ok(ExitCode::SUCCESS);
            }
            let detail = store.detail(summary)?;
            if *json {
                let failures = store.stage_failures()?;
                let shown = output::detail_json(&detail, &failures);
                writeln!(out, "{}", serde_json::to_string_pretty(&shown)?)?;
            } else {
                output::show(&mut out, &detail)?;
            }
            if *annotations {
                match store.reading(summary)? {
                    Some(reading) => {
                        output::annotations(
                            &mut out,
                            &detail.text,
                            &reading.reader,
                            &reading.annotations,
                        )?;
                        output::parses(&mut out, &detail.text, &reading.words)?;
                    }
                    None => writeln!(out, "\n(not read yet: run `dossier read`)")?,
                }
            }
            Ok(ExitCode::SUCCESS)
        }
        Command::Eval(EvalCommand::Lists {
            data,
            cases,
            verbose,
            half,
            bench,
            case,
            labels,
            train,
            weights,
            hand,
        }) => {
            let news = labels.as_deref().map(|l| (case.as_slice(), l));
            let half = half.as_deref().map(|h| usize::from(h == "odd"));
            let scoring = match (train, weights) {
                (Some(out), _) => lists_cmd::Scoring::Train(out),
                (None, Some(file)) => lists_cmd::Scoring::Weights(file),
                (None, None) if *hand => lists_cmd::Scoring::Hand,
                (None, None) => lists_cmd::Scoring::Shipped,
            };
            lists_cmd::eval(data, *cases, *verbose, half, *bench, news, &scoring)
        }
        Command::Eval(EvalCommand::Origins { corpus, copies, seed }) => {
            origins_cmd::eval_origins(corpus, *copies, *seed)
        }
        Command::Eval(EvalCommand::Time { corpus, gold, verbose }) => {
            time_cmd::eval_time(corpus, gold.as_deref(), *verbose)
        }
        Command::Eval(EvalCommand::Ner { file, model, predictions }) => {
            ner_cmd::eval_ner(file, model.as_deref(), predictions.as_deref())
        }
        Command::Train(TrainCommand::Ner { train, dev, output, epochs, seed }) => {
            ner_cmd::train_ner(train, dev.as_deref(), output, *epochs, *seed)
        }
        Command::Eval(EvalCommand::Attribution { scored, verbose }) => {
            let ScoredClaims { gold, system, corpus } = scored;
            let source =
                claims_cmd::System::from_flags(system.as_deref(), corpus.as_deref(), cli.db());
            claims_cmd::eval_attribution(&source, gold, *verbose)
        }
        Command::Eval(EvalCommand::Entities { gold, labels, verbose }) => {
            entities_cmd::eval_entities(gold, labels, *verbose)
        }
        Command::Eval(EvalCommand::Parse { file, model, output }) => {
            parse_cmd::eval_parse(file, model.as_deref(), output.as_deref())
        }
        Command::Train(TrainCommand::Silver { teachers, text, output }) => {
            parse_cmd::train_silver(teachers, text, output)
        }
        Command::Train(TrainCommand::Parse {
            train,
            dev,
            output,
            epochs,
            parser_epochs,
            folds,
            seed,
            beam,
            bilstm,
            passes,
            shape,
            hidden,
            silver,
            teachers,
        }) => {
            if *bilstm {
                let Some(dev) = dev else {
                    anyhow::bail!(
                        "--bilstm keeps the pass with the best dev UAS: give --dev FILE.conllu"
                    );
                };
                let default = std::path::Path::new("crates/read/models/syntax-bilstm-en.bin");
                let output = output.as_deref().unwrap_or(default);
                let shape = match shape {
                    NetworkShape::Tagged => read::syntax::neural::Shape::TAGGED,
                    NetworkShape::Tagless => read::syntax::neural::Shape::TAGLESS,
                    NetworkShape::TaglessLowTags => read::syntax::neural::Shape::TAGLESS_LOW_TAGS,
                    NetworkShape::TaglessWideRelations => {
                        read::syntax::neural::Shape::TAGLESS_WIDE_RELATIONS
                    }
                };
                let shape = read::syntax::neural::Shape {
                    hidden: hidden.map_or(shape.hidden, usize::from),
                    ..shape
                };
                let teaching = silver.as_deref().map(|silver| (silver, teachers.as_slice()));
                let recipe = parse_cmd::Recipe { passes: *passes, shape, seed: *seed, teaching };
                return parse_cmd::train_bilstm(train, dev, output, &recipe);
            }
            let output = output
                .as_deref()
                .unwrap_or(std::path::Path::new("crates/read/models/syntax-en.bin"));
            let config = read::syntax::TrainConfig {
                epochs: *epochs,
                parser_epochs: *parser_epochs,
                folds: *folds,
                prune: true,
                seed: *seed,
                beam: *beam,
            };
            parse_cmd::train_parse(train, dev.as_deref(), output, &config)
        }
        Command::Eval(EvalCommand::Timex { dir, output, errors, by_rule }) => {
            timex_cmd::eval_timex(dir, output.as_deref(), *errors, *by_rule)
        }
        Command::Extract { again, timeout } => {
            let options = pipeline::StageOptions {
                timeout: Duration::from_secs(*timeout),
                ..Default::default()
            };
            claims_cmd::extract(&mut open_store(cli)?, *again, &options, cli.quiet)
        }
        Command::Claims { doc, json, views } => {
            claims_cmd::show_claims(&open_store(cli)?, doc, *json, *views)
        }
        Command::Export(ExportCommand::Claims { output }) => {
            claims_cmd::export_claims(&open_store(cli)?, output.as_deref())
        }
        Command::Eval(EvalCommand::Claims { scored, docs, verbose, by_rule, syntax_model }) => {
            let ScoredClaims { gold, system, corpus } = scored;
            let source =
                claims_cmd::System::from_flags(system.as_deref(), corpus.as_deref(), cli.db())
                    .with_syntax_model(syntax_model.as_deref());
            let show = claims_cmd::Show { verbose: *verbose, by_rule: *by_rule };
            claims_cmd::eval_claims(&source, gold, docs.as_deref(), show)
        }
        Command::Serve { bind, token, user } => {
            let user = user.clone().or_else(|| std::env::var("USER").ok());
            let config = web::Config {
                bind: *bind,
                token: token.clone(),
                user: user.unwrap_or_else(|| "investigator".into()),
            };
            // Given its file, so that uploads are kept beside it and ingested on their own
            // connection.
            let bench = pipeline::Workbench::new(open_store(cli)?, vec![]).with_path(&cli.db());
            let runtime = tokio::runtime::Runtime::new().context("cannot start the server")?;
            runtime.block_on(web::serve(config, bench, |addr| {
                eprintln!("the workbench is at http://{addr}/ (Ctrl-C stops it)")
            }))?;
            Ok(ExitCode::SUCCESS)
        }
        Command::Doctor => {
            let store = open_store(cli)?;
            let report = store.check()?;
            for problem in &report.problems {
                eprintln!("problem: {}", output::term(problem));
            }
            // Documents a stage failed on are not damage to the store, but they are missing
            // from the case: named here with what went wrong.
            let failures = store.stage_failures()?;
            for f in &failures {
                eprintln!(
                    "failed: {}: {} by {}: {}",
                    output::term(&f.path),
                    f.stage.as_str(),
                    output::term(&f.worker),
                    output::term(&f.message)
                );
            }
            println!(
                "{}: {} documents, {} originals re-hashed, {} problems, {} stage failures",
                output::term_path(&cli.db()),
                report.documents_checked,
                report.blobs_checked,
                report.problems.len(),
                failures.len()
            );
            let sound = report.problems.is_empty() && failures.is_empty();
            Ok(if sound { ExitCode::SUCCESS } else { ExitCode::from(1) })
        }
    }
}

fn ingest(cli: &Cli, args: &IngestArgs) -> anyhow::Result<ExitCode> {
    let mut store = open_store(cli)?;
    let mut flags = Overrides::new();
    for (field, value) in [
        (Field::Title, &args.title),
        (Field::Publisher, &args.publisher),
        (Field::Author, &args.author),
        (Field::Url, &args.url),
        (Field::Language, &args.language),
        (Field::Published, &args.date),
    ] {
        if let Some(v) = value {
            flags.insert(field, v.clone());
        }
    }
    let options = pipeline::IngestOptions {
        limits: ingest::Limits {
            max_file_size: args.max_file_size,
            max_text_chars: args.max_text_size,
            timeout: Duration::from_secs(args.timeout),
            max_pdf_inflated: args.max_pdf_inflate,
            max_pdf_stream: args.max_pdf_stream,
        },
        flags,
        command: command_line(),
        follow_links: args.follow_links,
    };
    let started = Instant::now();
    let show_bar = !cli.quiet && std::io::stderr().is_terminal();
    let progress = output::Bar::new(show_bar);
    let report = pipeline::ingest(&mut store, &args.paths, &options, &progress)?;
    if !cli.quiet {
        eprintln!(
            "ingested {}, unchanged {}, updated {}, failed {} ({} files in {:.1} s) into {}",
            report.ingested(),
            report.unchanged(),
            report.updated(),
            report.failed(),
            report.files.len(),
            started.elapsed().as_secs_f64(),
            output::term_path(&cli.db())
        );
    }
    let went_through = report.ingested() + report.unchanged() + report.updated();
    Ok(match (report.failed(), went_through) {
        (0, _) => ExitCode::SUCCESS,
        (_, 0) => ExitCode::from(2),
        _ => ExitCode::from(1),
    })
}
