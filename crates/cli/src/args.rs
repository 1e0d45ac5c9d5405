//! The command line's grammar: every command, its arguments and their defaults (clap).

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand};
/// Build case files from open-source documents about people of interest.
#[derive(Parser, Debug)]
#[command(name = "dossier", version, about, max_term_width = 100)]
pub(crate) struct Cli {
    /// The store: one SQLite file [default: DIR/dossier.db for `build -o DIR`, else
    /// ./dossier.db]. Only `build` and `new` create it; other commands fail on a missing one.
    #[arg(long, global = true, env = "DOSSIER_DB")]
    pub(crate) db: Option<PathBuf>,
    /// No progress bar and no summary; errors are still printed.
    #[arg(long, short, global = true)]
    pub(crate) quiet: bool,
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand, Debug)]
pub(crate) enum Command {
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
pub(crate) enum ListsCommand {
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
pub(crate) enum TrainCommand {
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
        /// Seed of the order in which sentences are visited (with --bilstm also of the
        /// first weights and the dropout).
        #[arg(long, default_value_t = read::syntax::TrainConfig::default().seed)]
        seed: u64,
        /// Partial parses the parser keeps (1: greedy).
        #[arg(long, default_value_t = read::syntax::TrainConfig::default().beam)]
        beam: usize,
        /// Train the BiLSTM parser instead (`read::syntax::neural`, its recipe in
        /// crates/read/models/README.md): 24 passes on two threads (the same weights on
        /// one; about 40 s a pass over EWT train for the tagless shape on two cores), the
        /// pass with the best dev UAS kept; needs --dev.
        #[arg(long, conflicts_with_all = ["epochs", "parser_epochs", "folds", "beam"])]
        bilstm: bool,
        /// Passes of the BiLSTM's training over the data (with --bilstm).
        #[arg(long, requires = "bilstm", default_value_t = read::syntax::neural::Config::default().epochs)]
        passes: usize,
        /// The BiLSTM's sizes (with --bilstm): `tagged` (LSTM 128 reading the perceptron
        /// tagger's parts of speech, four spellings), `tagless` (LSTM 96, no tagger at all,
        /// eight spellings: faster to run), `tagless-low-tags` (the same, its parts of
        /// speech learned from the first LSTM layer) or `tagless-wide-relations` (relation
        /// views of 128).
        #[arg(long, requires = "bilstm", value_enum, default_value_t = NetworkShape::Tagged)]
        shape: NetworkShape,
        /// Each LSTM direction's width, in place of the shape's (with --bilstm; 1 to 512).
        #[arg(long, requires = "bilstm", value_parser = clap::value_parser!(u16).range(1..=512))]
        hidden: Option<u16>,
        /// Sentences parsed by --teachers (`dossier train silver`), trained on beside
        /// --train, each with the teachers' parse and their probabilities as its target
        /// (with --bilstm).
        #[arg(long, requires_all = ["bilstm", "teachers"])]
        silver: Option<PathBuf>,
        /// The BiLSTM models that parsed --silver, in the same order.
        #[arg(long, num_args = 1.., requires = "silver")]
        teachers: Vec<PathBuf>,
    },
    /// Unlabelled text parsed by several BiLSTM models as one, written as CoNLL-U to teach
    /// a network with (`dossier train parse --bilstm --silver OUT --teachers ...`). Reads
    /// CoNLL-2003 files (the first column) and folders of TimeML files (`*.tml` at any
    /// depth, the text inside `<TEXT>`); keeps sentences of running text only (three words
    /// or more, fewer capitals than small letters).
    Silver {
        /// The BiLSTM models (`dossier train parse --bilstm`), trained on the same
        /// relation names.
        #[arg(long, num_args = 1.., required = true)]
        teachers: Vec<PathBuf>,
        /// CoNLL-2003 files and folders of TimeML files, read in this order.
        #[arg(long, num_args = 1.., required = true)]
        text: Vec<PathBuf>,
        /// Where to write the parses (CoNLL-U).
        #[arg(long, short)]
        output: PathBuf,
    },
}

/// The BiLSTM networks `dossier train parse --bilstm` trains.
#[derive(clap::ValueEnum, Clone, Copy, Debug)]
pub(crate) enum NetworkShape {
    /// LSTM 128 a direction reading the perceptron tagger's parts of speech.
    Tagged,
    /// LSTM 96 a direction with no tagger, eight hashed spellings a word.
    Tagless,
    /// The tagless network with its part-of-speech view on the first LSTM layer.
    TaglessLowTags,
    /// The tagless network with relation views of 128 instead of 64.
    TaglessWideRelations,
}

#[derive(Subcommand, Debug)]
pub(crate) enum ExportCommand {
    /// Every current document's claims as JSON Lines (shared/spec/claims.md).
    Claims {
        /// Write to this file instead of standard output.
        #[arg(long, short)]
        output: Option<PathBuf>,
    },
}

#[derive(Subcommand, Debug)]
pub(crate) enum EvalCommand {
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
        #[command(flatten)]
        scored: ScoredClaims,
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
        #[command(flatten)]
        scored: ScoredClaims,
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
pub(crate) struct IngestArgs {
    /// Files and folders to ingest.
    #[arg(required = true)]
    pub(crate) paths: Vec<PathBuf>,
    /// Set the title of every file ingested by this command.
    #[arg(long)]
    pub(crate) title: Option<String>,
    /// Set the publisher.
    #[arg(long)]
    pub(crate) publisher: Option<String>,
    /// Set the author.
    #[arg(long)]
    pub(crate) author: Option<String>,
    /// Set the URL.
    #[arg(long)]
    pub(crate) url: Option<String>,
    /// Set the language (ISO 639-1, such as `en`).
    #[arg(long)]
    pub(crate) language: Option<String>,
    /// Set the publication date: YYYY, YYYY-MM or YYYY-MM-DD.
    #[arg(long, value_parser = parse_date)]
    pub(crate) date: Option<String>,
    /// Largest file accepted, such as 64MiB, 500K or 1000000.
    #[arg(long, default_value = "64MiB", value_parser = parse_size)]
    pub(crate) max_file_size: u64,
    /// Largest extracted text accepted, in characters.
    #[arg(long, default_value_t = 16 * 1024 * 1024)]
    pub(crate) max_text_size: usize,
    /// Longest time to spend extracting one file, in seconds.
    #[arg(long, default_value_t = 60)]
    pub(crate) timeout: u64,
    /// Follow symbolic links found inside folders (links named here are always followed).
    #[arg(long)]
    pub(crate) follow_links: bool,
    /// Most bytes all the streams of one PDF may inflate to, such as 256MiB; a PDF past it is
    /// refused before anything is inflated.
    #[arg(long, default_value = "256MiB", value_parser = parse_size)]
    pub(crate) max_pdf_inflate: u64,
    /// Most bytes one PDF stream may inflate to.
    #[arg(long, default_value = "64MiB", value_parser = parse_size)]
    pub(crate) max_pdf_stream: u64,
}

pub(crate) fn parse_size(s: &str) -> Result<u64, String> {
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

pub(crate) fn parse_date(s: &str) -> Result<String, String> {
    s.parse::<model::PartialDate>().map(|d| d.to_string()).map_err(|e| e.to_string())
}

impl Cli {
    /// The store's path: `--db`, `DOSSIER_DB`, else `dossier.db`.
    pub(crate) fn db(&self) -> PathBuf {
        self.db.clone().unwrap_or_else(|| PathBuf::from("dossier.db"))
    }
}

/// The claims `eval claims` and `eval attribution` score, and the gold they score them on.
#[derive(Args, Debug)]
pub(crate) struct ScoredClaims {
    /// The gold claims.
    #[arg(long)]
    pub(crate) gold: PathBuf,
    /// System claims to score instead of the store's (JSON Lines).
    #[arg(long, conflicts_with = "corpus")]
    pub(crate) system: Option<PathBuf>,
    /// Score the claims of this folder instead of the store's: it is ingested (with its
    /// dossier-meta.csv), read and extracted into a temporary store, left untouched.
    #[arg(long, value_name = "DIR")]
    pub(crate) corpus: Option<PathBuf>,
}
