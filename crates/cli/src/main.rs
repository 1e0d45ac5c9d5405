//! The `dossier` command line: argument parsing, terminal output and exit codes.
//!
//! Exit codes: 0 when everything went through, 1 when some inputs failed (the rest landed),
//! 2 when the run could not work at all (no store, bad arguments).

mod build_cmd;
mod claims_cmd;
mod entities_cmd;
mod lists_cmd;
mod origins_cmd;
mod output;
mod parse_cmd;
#[cfg(test)]
mod tests;
mod time_cmd;

use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::{Duration, Instant};

use anyhow::Context;
use clap::{Args, Parser, Subcommand};
use model::Field;
use store::{DocSummary, Overrides, Store};

/// Build case files from open-source documents about people of interest.
#[derive(Parser, Debug)]
#[command(name = "dossier", version, about, max_term_width = 100)]
struct Cli {
    /// The store: one SQLite file [default: DIR/dossier.db for `build -o DIR`, else
    /// ./dossier.db]. Only `build` and `new` create it; other commands fail on a missing one.
    #[arg(long, global = true, env = "DOSSIER_DB")]
    db: Option<PathBuf>,
    /// No progress bar and no summary; errors are still printed.
    #[arg(long, short, global = true)]
    quiet: bool,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand, Debug)]
enum Command {
    /// The main job: ingest, read and extract PATHs (files or folders), resolve entities
    /// across all documents, fuse claims into assertions, and write the case folder
    /// (index.html, JSON Lines, CSV, GraphML, FollowTheMoney). Re-running only does the new
    /// work.
    Build {
        /// Files and folders to add; documents already in the store stay in the case.
        paths: Vec<PathBuf>,
        /// The case folder to write; it also holds the case's store (dossier.db) unless
        /// --db names another.
        #[arg(long, short, default_value = "casefile")]
        output: PathBuf,
        /// An alias file (TOML) of names known to be one entity or two; see docs/aliases.md.
        #[arg(long)]
        aliases: Option<PathBuf>,
        /// Follow symbolic links found inside folders (links named here are always followed).
        #[arg(long)]
        follow_links: bool,
        /// Time limit per document for each stage (ingest, read, extract), in seconds; a
        /// document over it is named, recorded as failed, and the build goes on.
        #[arg(long, default_value_t = 60, value_name = "SECONDS")]
        timeout: u64,
        /// Official sanctions list files to import into the case's store first (as `lists
        /// import` does); every sanction is then held against the lists the store holds.
        /// Give them after the paths, or one --lists per file.
        #[arg(long, num_args = 1.., value_name = "FILE")]
        lists: Vec<PathBuf>,
    },
    /// Create an empty store: DIR/dossier.db (DIR is made if missing), or the --db file.
    New {
        /// The case folder to hold the store.
        dir: Option<PathBuf>,
    },
    /// Take a document out of the case: its claims and assertions go at the next build; its
    /// original and versions stay in the store, with the removal recorded. Ingesting its file
    /// again brings it back.
    Remove {
        /// A document id, a SHA-256 prefix, a file name or the end of a path.
        doc: String,
    },
    /// Record that two names (people or bodies) are one entity; applies at the next build.
    Merge {
        /// One name, as the case file shows it.
        left: String,
        /// The other name.
        right: String,
        /// Why, for the record.
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// Record that two names are two entities, undoing a join the rules made.
    Split {
        /// One name, as the case file shows it.
        left: String,
        /// The other name.
        right: String,
        /// Why, for the record.
        #[arg(long, default_value = "")]
        reason: String,
    },
    /// List the judgements recorded with merge and split, or take one back.
    Judgements {
        /// Remove the judgement with this id (recorded in the audit log).
        #[arg(long)]
        remove: Option<i64>,
        /// Why it is taken back (with --remove), for the audit log.
        #[arg(long, default_value = "", requires = "remove")]
        reason: String,
    },
    /// Ingest text, Markdown, HTML and PDF files or folders (recursively).
    Ingest(IngestArgs),
    /// Read every document not yet read by this version: sentences, named entities, ranks,
    /// roles, nationalities and time expressions, stored with the reader's version.
    Read {
        /// Stop reading a document after this many seconds; it is recorded as failed and
        /// skipped until dossier changes or a higher limit is given.
        #[arg(long, default_value_t = 60, value_name = "SECONDS")]
        timeout: u64,
    },
    /// List the documents in the case.
    Docs {
        /// One JSON object a line instead of a table.
        #[arg(long)]
        json: bool,
        /// List the removed documents instead, with when they were removed.
        #[arg(long, conflicts_with = "json")]
        removed: bool,
    },
    /// Show one document's metadata and text.
    Show {
        /// A document id, a SHA-256 prefix, a file name or the end of a path.
        doc: String,
        /// The metadata, source map and text as one JSON object.
        #[arg(long, conflicts_with = "original")]
        json: bool,
        /// Write the original bytes to standard output instead.
        #[arg(long)]
        original: bool,
        /// List what the read stage found (entities, time expressions, ...) after the text, then
        /// each sentence's parse: one word a line with its lemma, UPOS, head and relation.
        #[arg(long)]
        annotations: bool,
    },
    /// Extract claims (positions, meetings, sanctions, warrants, ...) from every read document
    /// not yet extracted by these rules.
    Extract {
        /// Extract every document again, also those extracted by these rules already (and
        /// those they failed on).
        #[arg(long)]
        again: bool,
        /// Stop extracting from a document after this many seconds; it is recorded as failed
        /// and skipped until dossier changes or a higher limit is given.
        #[arg(long, default_value_t = 60, value_name = "SECONDS")]
        timeout: u64,
    },
    /// Show one document's claims, their arguments highlighted in the evidence sentence.
    Claims {
        /// A document id, a SHA-256 prefix, a file name or the end of a path.
        doc: String,
        /// The claims as JSON Lines, in the shape of shared/spec/claims.md.
        #[arg(long)]
        json: bool,
        /// Print each sentence as the claim rules see it (mentions as placeholders), to
        /// write or debug rules.
        #[arg(long, conflicts_with = "json")]
        views: bool,
    },
    /// Write what the store holds in exchange formats.
    #[command(subcommand)]
    Export(ExportCommand),
    /// Check the store: every original's SHA-256, foreign keys, one current version each.
    Doctor,
    /// The investigator's workbench: a web UI over the store to search, read and review the
    /// case (accept, reject or edit claims, merge and split entities), every action in the
    /// audit log. Listens on loopback unless --token is given.
    Serve {
        /// Where to listen.
        #[arg(long, default_value = "127.0.0.1:8080")]
        bind: std::net::SocketAddr,
        /// An access token every request must carry (required to bind beyond loopback).
        #[arg(long, env = "DOSSIER_TOKEN", hide_env_values = true)]
        token: Option<String>,
        /// The name the audit log gives the reviewer [default: $USER].
        #[arg(long)]
        user: Option<String>,
    },
    /// Official sanctions lists: import them, and check a name against them.
    #[command(subcommand)]
    Lists(ListsCommand),
    /// Score a stage against gold data, as the reference scorers in shared/tools do.
    #[command(subcommand)]
    Eval(EvalCommand),
    /// Train a model from annotated data.
    #[command(subcommand)]
    Train(TrainCommand),
}

#[derive(Subcommand, Debug)]
enum ListsCommand {
    /// Import list files into the store (kept by SHA-256; the same bytes again are a
    /// no-op): the OFAC SDN CSV set (sdn, alt, add, sdn_comments), the UK OFSI ConList CSV,
    /// the UN consolidated XML, the trade.gov Consolidated Screening List (CSV or .csv.gz),
    /// FollowTheMoney JSON lines. A record that cannot be read is named and skipped.
    Import {
        /// The list files.
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Is this person or body listed, where, since when? Prints the matches with their
    /// explained scores, the unsure candidates, or "no listing found" with the near misses.
    Check {
        /// The name as the news writes it.
        name: String,
        /// The birth date (YYYY, YYYY-MM or YYYY-MM-DD), when known.
        #[arg(long)]
        born: Option<String>,
        /// A nationality or country, when known.
        #[arg(long)]
        nationality: Option<String>,
        /// A post or role, when known.
        #[arg(long)]
        role: Option<String>,
        /// At most this many candidates.
        #[arg(long, default_value_t = 10)]
        limit: usize,
        /// One JSON object a candidate.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Subcommand, Debug)]
enum TrainCommand {
    /// The named-entity tagger, from CoNLL-2003 files; deterministic for a given seed.
    Ner {
        /// Training data (CoNLL-2003, IOB1 or BIO).
        #[arg(long)]
        train: PathBuf,
        /// Development data, scored after every epoch.
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Where to write the model.
        #[arg(long, short, default_value = "crates/read/models/ner-en.bin")]
        output: PathBuf,
        /// Passes over the training data.
        #[arg(long, default_value_t = 10)]
        epochs: usize,
        /// Seed of the order in which sentences are visited.
        #[arg(long, default_value_t = 17)]
        seed: u64,
    },
    /// The part-of-speech tagger, lemmatizer and dependency parser, from CoNLL-U files
    /// (Universal Dependencies); deterministic for a given seed.
    Parse {
        /// Training data (CoNLL-U).
        #[arg(long)]
        train: PathBuf,
        /// Development data, scored after every epoch.
        #[arg(long)]
        dev: Option<PathBuf>,
        /// Where to write the model [default: crates/read/models/syntax-en.bin, with
        /// --bilstm crates/read/models/syntax-bilstm-en.bin].
        #[arg(long, short)]
        output: Option<PathBuf>,
        /// Passes of the tagger over the training data.
        #[arg(long, default_value_t = read::syntax::TrainConfig::default().epochs)]
        epochs: usize,
        /// Passes of the parser over the training data.
        #[arg(long, default_value_t = read::syntax::TrainConfig::default().parser_epochs)]
        parser_epochs: usize,
        /// The parser trains on tags from taggers that did not see the sentence, one for
        /// each of this many folds (1: the final tagger's own tags, faster and worse).
        #[arg(long, default_value_t = read::syntax::TrainConfig::default().folds)]
        folds: usize,
        /// Seed of the order in which sentences are visited.
        #[arg(long, default_value_t = read::syntax::TrainConfig::default().seed)]
        seed: u64,
        /// Partial parses the parser keeps (1: greedy).
        #[arg(long, default_value_t = read::syntax::TrainConfig::default().beam)]
        beam: usize,
        /// Train the BiLSTM parser instead (`read::syntax::neural`, its recipe in
        /// crates/read/models/README.md): 24 passes on two threads (the same weights on
        /// one), about 40 minutes, the pass with the best dev UAS kept; needs --dev.
        #[arg(long, conflicts_with_all = ["epochs", "parser_epochs", "folds", "seed", "beam"])]
        bilstm: bool,
        /// Passes of the BiLSTM's training over the data (with --bilstm).
        #[arg(long, requires = "bilstm", default_value_t = read::syntax::neural::Config::default().epochs)]
        passes: usize,
        /// The BiLSTM's sizes (with --bilstm): `tagged` (LSTM 128 reading the perceptron
        /// tagger's parts of speech, four spellings) or `tagless` (LSTM 96, no tagger at all,
        /// eight spellings: faster to run).
        #[arg(long, requires = "bilstm", value_enum, default_value_t = NetworkShape::Tagged)]
        shape: NetworkShape,
    },
}

/// The BiLSTM networks `dossier train parse --bilstm` trains.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
enum NetworkShape {
    /// LSTM 128 a direction reading the perceptron tagger's parts of speech.
    Tagged,
    /// LSTM 96 a direction with no tagger, eight hashed spellings a word.
    Tagless,
    /// The tagless network with its part-of-speech view on the first LSTM layer.
    TaglessLowTags,
}

#[derive(Subcommand, Debug)]
enum ExportCommand {
    /// Every current document's claims as JSON Lines (shared/spec/claims.md).
    Claims {
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
enum EvalCommand {
    /// Sanctions-list matching: precision, recall and F1 on a labelled set made from the
    /// lists in DIR (an OFAC entry's strong aliases that spell its name another way; the same
    /// person on the UK or UN list, linked by passport number; namesakes with other birth
    /// years and invented given-name and surname pairs that should match nothing; other-name
    /// and weak aliases reported apart).
    Lists {
        /// The folder of list files (an OFAC sdn.csv with its alt.csv, the UK and UN lists).
        #[arg(long, value_name = "DIR")]
        data: PathBuf,
        /// At most this many cases of each kind.
        #[arg(long, default_value_t = 2000)]
        cases: usize,
        /// Print every wrong or missed case with what was found.
        #[arg(long, short)]
        verbose: bool,
        /// Score only the cases made from entries whose record id is even (the half the
        /// weights were tuned on) or odd (the half kept apart to check them).
        #[arg(long, value_parser = ["even", "odd"])]
        half: Option<String>,
        /// Then match this many generated people and bodies against every entry of every
        /// list in DIR, and print the time and throughput (`cargo xtask bench-lists`).
        #[arg(long, value_name = "N")]
        bench: Option<usize>,
        /// Also match the people of this built case's store against every list in DIR...
        #[arg(long, value_name = "DB", requires = "labels")]
        case: Vec<PathBuf>,
        /// ...and score them on these labels: a line a listed person, its list name, a tab,
        /// and its records ("UK:11928 US-OFAC:12735"); see crates/cli/tests/data/lists-news.tsv.
        #[arg(long, value_name = "FILE")]
        labels: Option<PathBuf>,
        /// Train the learned score on the even half's candidates, write its weights here
        /// (crates/lists/src/matching/weights.tsv ships them), and score with them.
        #[arg(long, value_name = "FILE", conflicts_with_all = ["weights", "hand"])]
        train: Option<PathBuf>,
        /// Score with the learned score, these weights (the default: the shipped ones).
        #[arg(long, value_name = "FILE", conflicts_with = "hand")]
        weights: Option<PathBuf>,
        /// Score by hand alone, without the learned score.
        #[arg(long)]
        hand: bool,
    },
    /// Claims against gold claims (JSON Lines), scored as shared/tools/score_claims.py does:
    /// per-type P/R/F1, overall, and date, role, modality and attributed_to accuracy.
    Claims {
        /// The gold claims.
        #[arg(long)]
        gold: PathBuf,
        /// System claims to score instead of the store's (JSON Lines).
        #[arg(long, conflicts_with = "corpus")]
        system: Option<PathBuf>,
        /// Score the claims of this folder instead of the store's: it is ingested (with its
        /// dossier-meta.csv), read and extracted into a temporary store, left untouched.
        #[arg(long, value_name = "DIR")]
        corpus: Option<PathBuf>,
        /// Only these documents (comma-separated names).
        #[arg(long)]
        docs: Option<String>,
        /// List every missed and spurious claim.
        #[arg(long)]
        verbose: bool,
        /// For each rule, the gold claims it found and the spurious claims it made.
        #[arg(long)]
        by_rule: bool,
        /// Read the --corpus folder with this syntax model instead of the built-in one: a
        /// model written by `dossier train parse`, or a BiLSTM parser's (see
        /// crates/read/models/README.md), to see what another parse does to the claims.
        #[arg(long, value_name = "FILE", requires = "corpus")]
        syntax_model: Option<PathBuf>,
    },
    /// Origin clusters on a labelled set made now: the documents of each `--corpus` folder and
    /// re-hosted copies of them (site clutter, other headlines, bylines, small edits); pair
    /// precision and recall, and how many pairs about one subject were wrongly joined.
    Origins {
        /// A folder of documents (repeat for several).
        #[arg(long, required = true, value_name = "DIR")]
        corpus: Vec<PathBuf>,
        /// Copies made of each document.
        #[arg(long, default_value_t = 3)]
        copies: usize,
        /// The seed of the copies' edits.
        #[arg(long, default_value_t = 1)]
        seed: u64,
    },
    /// Time in the case file: builds the case of a folder in a temporary store and counts
    /// posts open after their holder's death and posts the gold calls former (no `as_of`, or
    /// an end) that the careers show open at the publication date; exit 1 if any.
    Time {
        /// The folder of documents (with its dossier-meta.csv).
        #[arg(long, value_name = "DIR")]
        corpus: PathBuf,
        /// Gold claims (JSON Lines) for the former-post check.
        #[arg(long)]
        gold: Option<PathBuf>,
        /// List every violation before the counts.
        #[arg(long)]
        verbose: bool,
    },
    /// Who claims are about where the sentence names them only by a pronoun or a
    /// description: of the gold claims of that kind, how many the system gives to the right
    /// person, to a wrong one, or not at all.
    Attribution {
        /// The gold claims.
        #[arg(long)]
        gold: PathBuf,
        /// System claims to score instead of the store's (JSON Lines).
        #[arg(long, conflicts_with = "corpus")]
        system: Option<PathBuf>,
        /// Build a temporary store from this folder and score its claims.
        #[arg(long, value_name = "DIR")]
        corpus: Option<PathBuf>,
        /// List every item with what the system said.
        #[arg(long)]
        verbose: bool,
    },
    /// Entity resolution: the resolver run on a gold claims file's names (people and bodies
    /// across documents), scored pairwise against labels of which names are one entity.
    Entities {
        /// The gold claims (JSON Lines); their names are the items.
        #[arg(long)]
        gold: PathBuf,
        /// Which differently written names are one entity: `same<TAB>name<TAB>name` lines
        /// (and `different<TAB>...` for names that fold alike); names written alike are one.
        #[arg(long)]
        labels: PathBuf,
        /// List every wrongly joined and wrongly split pair of names.
        #[arg(long)]
        verbose: bool,
    },
    /// Named entities against a CoNLL-2003 file: per-type and overall entity-level P/R/F1.
    Ner {
        /// A CoNLL-2003 file (token first, gold tag last).
        file: PathBuf,
        /// The model to use instead of the one built in.
        #[arg(long)]
        model: Option<PathBuf>,
        /// Write the input lines with the predicted tag appended, for any conlleval scorer.
        #[arg(long)]
        predictions: Option<PathBuf>,
    },
    /// Part-of-speech tags and lemmas of the gold words of a CoNLL-U file, scored as
    /// shared/tools/ud_score.py does (UPOS, LEMMA, UAS, LAS).
    Parse {
        /// A CoNLL-U file.
        file: PathBuf,
        /// The model to use instead of the one built in: one written by `dossier train
        /// parse`, or a BiLSTM parser's (crates/read/models/README.md).
        #[arg(long)]
        model: Option<PathBuf>,
        /// Write the system's CoNLL-U here, for ud_score.py.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
    /// Temporal expressions against TimeML files (TempEval-3 scoring), found recursively in DIR.
    Timex {
        /// A folder of `.tml` files (searched recursively).
        dir: PathBuf,
        /// Write each file again with the system's TIMEX3 tags into this folder.
        #[arg(long)]
        output: Option<PathBuf>,
        /// List every missed, spurious and wrongly valued expression.
        #[arg(long)]
        errors: bool,
        /// Count, for each rule, its right values, wrong values and spurious expressions.
        #[arg(long)]
        by_rule: bool,
    },
}

#[derive(Args, Debug)]
struct IngestArgs {
    /// Files and folders to ingest.
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Set the title of every file ingested by this command.
    #[arg(long)]
    title: Option<String>,
    /// Set the publisher.
    #[arg(long)]
    publisher: Option<String>,
    /// Set the author.
    #[arg(long)]
    author: Option<String>,
    /// Set the URL.
    #[arg(long)]
    url: Option<String>,
    /// Set the language (ISO 639-1, such as `en`).
    #[arg(long)]
    language: Option<String>,
    /// Set the publication date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    date: Option<String>,
    /// Largest file accepted, such as 64MiB, 500K or 1000000.
    #[arg(long, default_value = "64MiB", value_parser = parse_size)]
    max_file_size: u64,
    /// Largest extracted text accepted, in characters.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    max_text_size: usize,
    /// Longest time to spend extracting one file, in seconds.
    #[arg(long, default_value_t = 60)]
    timeout: u64,
    /// Follow symbolic links found inside folders (links named here are always followed).
    #[arg(long)]
    follow_links: bool,
    /// Most bytes all the streams of one PDF may inflate to, such as 256MiB; a PDF past it is
    /// refused before anything is inflated.
    #[arg(long, default_value = "256MiB", value_parser = parse_size)]
    max_pdf_inflate: u64,
    /// Most bytes one PDF stream may inflate to.
    #[arg(long, default_value = "64MiB", value_parser = parse_size)]
    max_pdf_stream: u64,
}

/// The command line as typed, for the run's record; a file name that is not UTF-8 is kept
/// lossily rather than stopping the run (`std::env::args` would panic on it).
pub(crate) fn command_line() -> String {
    std::env::args_os().map(|a| a.to_string_lossy().into_owned()).collect::<Vec<_>>().join(" ")
}

fn parse_size(s: &str) -> Result<u64, String> {
    let s = s.trim();
    let split = s.find(|c: char| !c.is_ascii_digit()).unwrap_or(s.len());
    let (num, unit) = s.split_at(split);
    let n: u64 = num.parse().map_err(|_| format!("not a size: {s:?} (try 64MiB)"))?;
    let factor = match unit.trim().to_ascii_lowercase().as_str() {
        "" | "b" => 1,
        "k" | "kb" | "kib" => 1 << 10,
        "m" | "mb" | "mib" => 1 << 20,
        "g" | "gb" | "gib" => 1 << 30,
        other => return Err(format!("unknown size unit {other:?} (use K, M or G)")),
    };
    n.checked_mul(factor).ok_or_else(|| format!("size too large: {s}"))
}

fn parse_date(s: &str) -> Result<String, String> {
    s.parse::<model::PartialDate>().map(|d| d.to_string()).map_err(|e| e.to_string())
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

impl Cli {
    /// The store's path: `--db`, `DOSSIER_DB`, else `dossier.db`.
    fn db(&self) -> PathBuf {
        self.db.clone().unwrap_or_else(|| PathBuf::from("dossier.db"))
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
            eval_ner(file, model.as_deref(), predictions.as_deref())
        }
        Command::Train(TrainCommand::Ner { train, dev, output, epochs, seed }) => {
            train_ner(train, dev.as_deref(), output, *epochs, *seed)
        }
        Command::Eval(EvalCommand::Attribution { gold, system, corpus, verbose }) => {
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
                };
                return parse_cmd::train_bilstm(train, dev, output, *passes, shape);
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
            eval_timex(dir, output.as_deref(), *errors, *by_rule)
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
        Command::Eval(EvalCommand::Claims {
            gold,
            system,
            corpus,
            docs,
            verbose,
            by_rule,
            syntax_model,
        }) => {
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

fn tml_files(dir: &std::path::Path) -> anyhow::Result<Vec<PathBuf>> {
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

fn eval_timex(
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

fn read_conll_file(path: &std::path::Path) -> anyhow::Result<Vec<read::ner::ConllSentence>> {
    let text =
        std::fs::read_to_string(path).with_context(|| format!("cannot read {}", path.display()))?;
    let sentences = read::ner::read_conll(&text);
    anyhow::ensure!(
        !sentences.is_empty(),
        "{} has no CoNLL sentences: expected `token ... tag` lines",
        path.display()
    );
    Ok(sentences)
}

fn score_ner(
    model: &read::ner::Tagger,
    data: &[read::ner::ConllSentence],
) -> (eval::conll::Scores, Vec<Vec<usize>>) {
    let mut scores = eval::conll::Scores::default();
    let all = read::ner::tag_conll(model, data);
    for (s, predicted) in data.iter().zip(&all) {
        scores.add(&s.tags, predicted);
    }
    (scores, all)
}

fn eval_ner(
    file: &std::path::Path,
    model: Option<&std::path::Path>,
    predictions: Option<&std::path::Path>,
) -> anyhow::Result<ExitCode> {
    let data = read_conll_file(file)?;
    let model = match model {
        Some(path) => {
            let mut f = std::fs::File::open(path)
                .with_context(|| format!("cannot open the model {}", path.display()))?;
            read::ner::Tagger::load(&mut f)
                .with_context(|| format!("cannot load {}", path.display()))?
        }
        None => read::ner::builtin()
            .context("the built-in NER model is missing or damaged: rebuild dossier")?,
    };
    let started = Instant::now();
    let (scores, tags) = score_ner(&model, &data);
    let elapsed = started.elapsed().as_secs_f64();
    if let Some(path) = predictions {
        let mut out = String::new();
        for (s, predicted) in data.iter().zip(&tags) {
            for (line, t) in s.lines.iter().zip(predicted) {
                out.push_str(line);
                out.push(' ');
                out.push_str(read::ner::TAGS[*t]);
                out.push('\n');
            }
            out.push('\n');
        }
        std::fs::write(path, out).with_context(|| format!("cannot write {}", path.display()))?;
    }
    println!("{scores}");
    eprintln!("{} tokens tagged in {elapsed:.2} s", scores.tokens);
    Ok(ExitCode::SUCCESS)
}

fn train_ner(
    train: &std::path::Path,
    dev: Option<&std::path::Path>,
    output: &std::path::Path,
    epochs: usize,
    seed: u64,
) -> anyhow::Result<ExitCode> {
    let data = read_conll_file(train)?;
    let dev = dev.map(read_conll_file).transpose()?;
    let config = read::ner::TrainConfig { epochs, seed };
    let started = Instant::now();
    let model = read::ner::train(&data, &config, |epoch, model| {
        let dev_f1 = dev.as_ref().map(|d| score_ner(model, d).0.overall().2);
        match dev_f1 {
            Some(f) => {
                eprintln!("epoch {epoch}: dev F1 {f:.2} ({:.0} s)", started.elapsed().as_secs_f64())
            }
            None => eprintln!("epoch {epoch} ({:.0} s)", started.elapsed().as_secs_f64()),
        }
    });
    if let Some(dir) = output.parent().filter(|d| !d.as_os_str().is_empty()) {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create {}", dir.display()))?;
    }
    let mut file = std::io::BufWriter::new(
        std::fs::File::create(output)
            .with_context(|| format!("cannot write {}", output.display()))?,
    );
    model.save(&mut file).with_context(|| format!("cannot write {}", output.display()))?;
    file.flush()?;
    eprintln!("model written to {}", output::term_path(output));
    Ok(ExitCode::SUCCESS)
}
