//! End-to-end `dossier build` benchmark over generated news items about invented people, at
//! several corpus sizes, to show throughput, peak memory and how resolution and fusion grow.
//!
//! Each generated document is a short wire story built from templates the claim rules read
//! (posts, meetings, visits, sanctions, warrants, appointments, accusations), about people
//! drawn from a pool that grows with the corpus (about one person per two documents), so
//! that both the number of distinct entities and the number of mentions per entity grow.
//! Names are sometimes written without accents or without the first name, as real sources do.
//! The generator is a fixed linear congruential sequence: the same N gives the same bytes.

use std::path::Path;
use std::process::{Command, Stdio};
use std::time::Instant;

use crate::root;

const FIRST: &[&str] = &[
    "Adrián",
    "Beatriz",
    "Camilo",
    "Dalia",
    "Elías",
    "Fabiola",
    "Gonzalo",
    "Hilda",
    "Ismael",
    "Jimena",
    "Kemal",
    "Leandro",
    "Mireya",
    "Nadir",
    "Octavio",
    "Paloma",
    "Quintín",
    "Rosalba",
    "Saúl",
    "Tamara",
    "Ulises",
    "Valeria",
    "Wilmer",
    "Xiomara",
    "Yusuf",
    "Zoraida",
    "Anselmo",
    "Bruno",
    "Cordelia",
    "Darío",
    "Esteban",
    "Florencia",
    "Gael",
    "Hernando",
    "Inés",
    "Joaquín",
];
/// Surnames are made from syllables (24 × 24 × 8 of them), so that, as in real corpora, the
/// number of distinct surnames grows with the number of people.
const SYLLABLE: &[&str] = &[
    "Al", "Bar", "Cor", "Dam", "Es", "Fal", "Gar", "Hor", "Il", "Jal", "Kor", "Lam", "Mar", "Nor",
    "Or", "Pal", "Quin", "Ros", "Sal", "Tor", "Ur", "Val", "Zar", "Ben",
];
const ENDING: &[&str] = &["ada", "edo", "ino", "ales", "uez", "ira", "ona", "oza"];

fn surname(k: usize) -> String {
    let h = k.wrapping_mul(2654435761) % (SYLLABLE.len() * SYLLABLE.len() * ENDING.len());
    let first = SYLLABLE[h % SYLLABLE.len()];
    let second = SYLLABLE[(h / SYLLABLE.len()) % SYLLABLE.len()].to_lowercase();
    let end = ENDING[h / SYLLABLE.len() / SYLLABLE.len()];
    format!("{first}{second}{end}")
}
const COUNTRY: &[(&str, &str)] = &[
    ("Peru", "Peruvian"),
    ("Chile", "Chilean"),
    ("Bolivia", "Bolivian"),
    ("Ecuador", "Ecuadorian"),
    ("Paraguay", "Paraguayan"),
    ("Uruguay", "Uruguayan"),
];
const BODY: &[&str] = &[
    "National Intelligence Directorate",
    "Directorate of Military Counterintelligence",
    "State Security Service",
    "Border Police Command",
    "Presidential Guard",
    "Office of Strategic Analysis",
];
const CITY: &[&str] =
    &["Lima", "Quito", "La Paz", "Asunción", "Montevideo", "Santiago", "Moscow", "Havana"];
const MONTH: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const SANCTIONING: &[&str] =
    &["The United States", "The European Union", "Canada", "The United Kingdom"];

struct Lcg(u64);

impl Lcg {
    fn next(&mut self) -> usize {
        self.0 = self.0.wrapping_mul(6364136223846793005).wrapping_add(1442695040888963407);
        (self.0 >> 33) as usize
    }

    fn pick<'a, T>(&mut self, items: &'a [T]) -> &'a T {
        &items[self.next() % items.len()]
    }
}

/// A person of the pool: full name, and how a careless source may write it.
fn person(k: usize, rng: &mut Lcg) -> (String, String) {
    let first = FIRST[k % FIRST.len()];
    let second = surname(k);
    let third = surname(k * 7 + 3);
    let full = format!("{first} {second} {third}");
    let written = match rng.next() % 4 {
        0 => strip_accents(&full),
        1 => format!("{first} {second}"),
        _ => full.clone(),
    };
    (full, written)
}

fn strip_accents(s: &str) -> String {
    s.chars()
        .map(|c| match c {
            'á' => 'a',
            'é' => 'e',
            'í' => 'i',
            'ó' => 'o',
            'ú' => 'u',
            'ñ' => 'n',
            other => other,
        })
        .collect()
}

fn story(i: usize, pool: usize, rng: &mut Lcg) -> String {
    let year = 2010 + rng.next() % 14;
    let month = rng.next() % 12;
    let day = 1 + rng.next() % 28;
    let (country, adjective) = *rng.pick(COUNTRY);
    let body = rng.pick(BODY);
    let (_, a) = person(rng.next() % pool, rng);
    let (_, b) = person(rng.next() % pool, rng);
    let (_, c) = person(rng.next() % pool, rng);
    let city = rng.pick(CITY);
    let mut s = format!(
        "{adjective} security chief meets counterpart in {city}\n\nPublished {day} {} {year}\n\n",
        MONTH[month]
    );
    s.push_str(&format!(
        "{a}, the head of the {adjective} {body}, met {b} in {city} on {day} {} {year}.\n\n",
        MONTH[month]
    ));
    s.push_str(&format!("{b} visited {city} in {} {year}.\n\n", MONTH[(month + 11) % 12]));
    if rng.next().is_multiple_of(2) {
        s.push_str(&format!(
            "{} imposed sanctions on {a} in {}.\n\n",
            rng.pick(SANCTIONING),
            year - 1 - rng.next() % 3
        ));
    }
    if rng.next().is_multiple_of(3) {
        s.push_str(&format!(
            "A court in {country} issued an international arrest warrant for {b} on charges of torture.\n\n"
        ));
    }
    if rng.next().is_multiple_of(3) {
        s.push_str(&format!(
            "{c} was appointed head of the {adjective} {} in {}, succeeding {a}.\n\n",
            rng.pick(BODY),
            year - rng.next() % 5
        ));
    }
    if rng.next().is_multiple_of(4) {
        s.push_str(&format!(
            "Rights groups accused {a} of overseeing the torture of detainees.\n\n"
        ));
    }
    s.push_str(&format!("Story {i} of the benchmark wire.\n"));
    s
}

pub(crate) fn generate(dir: &Path, n: usize) -> anyhow::Result<u64> {
    if dir.exists() {
        std::fs::remove_dir_all(dir)?;
    }
    std::fs::create_dir_all(dir)?;
    let mut rng = Lcg(n as u64);
    let pool = (n / 2).max(10);
    let mut total = 0;
    for i in 0..n {
        let text = story(i, pool, &mut rng);
        total += text.len() as u64;
        std::fs::write(dir.join(format!("story-{i:05}.txt")), text)?;
    }
    Ok(total)
}

/// The number after `prefix` in the build's summary lines.
fn figure(stderr: &str, prefix: &str) -> Option<f64> {
    let at = stderr.find(prefix)? + prefix.len();
    let tail = &stderr[at..];
    let end = tail.find(|c: char| !(c.is_ascii_digit() || c == '.')).unwrap_or(tail.len());
    tail[..end].parse().ok()
}

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let root = root();
    let sizes = crate::bench::sizes(args, &[250, 500, 1000, 2000])?;
    let binary = crate::bench::release_binary(&root)?;
    let work = root.join("target/bench-build");
    let cores = std::thread::available_parallelism().map_or(1, |n| n.get());
    println!("{cores} cores; every stage of `dossier build` from files to the case folder");
    println!(
        "{:>6}  {:>6}  {:>7}  {:>6}  {:>6}  {:>11}  {:>8}  {:>8}  {:>9}  {:>10}  {:>9}  {:>8}",
        "docs",
        "MB",
        "wall s",
        "docs/s",
        "MB/s",
        "tok/s/core",
        "claims",
        "entities",
        "assertions",
        "resolve s",
        "µs/claim",
        "peak MiB"
    );
    for n in sizes {
        let dir = work.join(format!("docs-{n}"));
        let bytes = generate(&dir, n)?;
        let db = work.join(format!("bench-{n}.db"));
        crate::bench::fresh_store(&binary, &db)?;
        let log = work.join(format!("build-{n}.log"));
        let started = Instant::now();
        let child = Command::new(&binary)
            .arg("--db")
            .arg(&db)
            .arg("build")
            .arg(&dir)
            .arg("-o")
            .arg(work.join(format!("case-{n}")))
            .stderr(Stdio::from(std::fs::File::create(&log)?))
            .spawn()?;
        let (ok, peak_kib) = crate::bench::wait_with_peak_rss(child);
        let wall = started.elapsed().as_secs_f64();
        let stderr = std::fs::read_to_string(&log)?;
        anyhow::ensure!(ok, "build failed on the generated documents: {stderr}");
        let tokens = figure(&stderr, "documents (").unwrap_or(0.0);
        let claims = figure(&stderr, "documents and ").unwrap_or(0.0);
        let entities = figure(&stderr, "resolve and fuse: ").unwrap_or(0.0);
        let assertions = figure(&stderr, "judgements, ").unwrap_or(0.0);
        let resolve = stderr
            .lines()
            .find(|l| l.starts_with("resolve and fuse"))
            .and_then(|l| figure(l, ") in "))
            .unwrap_or(0.0);
        let mb = bytes as f64 / 1e6;
        println!(
            "{n:>6}  {mb:>6.2}  {wall:>7.2}  {:>6.0}  {:>6.2}  {:>11.0}  {claims:>8}  {entities:>8}  {assertions:>9}  {resolve:>10.3}  {:>9.1}  {:>8.1}",
            n as f64 / wall,
            mb / wall,
            tokens / wall / cores as f64,
            resolve * 1e6 / claims.max(1.0),
            peak_kib as f64 / 1024.0
        );
    }
    Ok(())
}
