//! The workbench's latency at size: `cargo xtask bench-serve [N]` generates N wire stories
//! (the bench-build generator, default 10,000), builds them with the release binary, starts
//! `dossier serve` on a loopback port, and sends a bounded number of requests to each kind of
//! page (home, search, entity, document, claim, JSON), printing p50, p95 and the slowest.
//!
//! The client is a plain HTTP/1.1 loop over loopback TCP, a few threads at once: bounded in
//! count and time, it stops by itself and never leaves the machine.

use std::io::{Read, Write};
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::Path;
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

use crate::root;

/// Requests per kind of page.
const REQUESTS: usize = 200;
/// Clients at once.
const CLIENTS: usize = 4;

struct Server(Child);

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.0.kill();
        let _ = self.0.wait();
    }
}

/// One GET; the status and body.
fn get(addr: SocketAddr, path: &str) -> anyhow::Result<(u16, String)> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(60)))?;
    write!(stream, "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\r\n")?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let raw = String::from_utf8_lossy(&raw);
    let (head, body) = raw.split_once("\r\n\r\n").unwrap_or((&raw, ""));
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    Ok((status, body.to_string()))
}

/// The values of `"key":"..."` in a JSON text, in order (ids are plain ASCII).
fn values(json: &str, key: &str, max: usize) -> Vec<String> {
    let needle = format!("\"{key}\":");
    let mut out = Vec::new();
    let mut rest = json;
    while let Some(at) = rest.find(&needle) {
        rest = rest[at + needle.len()..].trim_start();
        let value: String = if let Some(s) = rest.strip_prefix('"') {
            s.chars().take_while(|c| *c != '"').collect()
        } else {
            rest.chars().take_while(|c| c.is_ascii_digit()).collect()
        };
        if !value.is_empty() && !out.contains(&value) {
            out.push(value);
        }
        if out.len() == max {
            break;
        }
    }
    out
}

/// One form POST (the form's fields url-encoded by the caller); the status and where it
/// sends the browser next.
fn post(addr: SocketAddr, path: &str, form: &str) -> anyhow::Result<(u16, String)> {
    let mut stream = TcpStream::connect(addr)?;
    stream.set_read_timeout(Some(Duration::from_secs(300)))?;
    write!(
        stream,
        "POST {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: close\r\n\
         Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n\r\n{form}",
        form.len()
    )?;
    let mut raw = Vec::new();
    stream.read_to_end(&mut raw)?;
    let raw = String::from_utf8_lossy(&raw);
    let head = raw.split_once("\r\n\r\n").map_or(&*raw, |(h, _)| h);
    let status = head.split(' ').nth(1).and_then(|s| s.parse().ok()).unwrap_or(0);
    let location = head
        .lines()
        .find_map(|l| {
            l.to_ascii_lowercase().strip_prefix("location:").map(|v| v.trim().to_string())
        })
        .unwrap_or_default();
    Ok((status, location))
}

/// Percent-encodes a form value.
fn form_value(value: &str) -> String {
    value
        .bytes()
        .map(|b| match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' => (b as char).to_string(),
            _ => format!("%{b:02X}"),
        })
        .collect()
}

/// Review actions, one at a time, each followed by the page of an entity it touches: the
/// time the action takes (a merge answers with the merged entity, so it builds the case)
/// and the time of the next page (which builds it after a claim's decision). Writes to the
/// store: the bench's store gathers these decisions, as a reviewer's would.
fn review(addr: SocketAddr, claims: &[String], names: &[String]) -> anyhow::Result<()> {
    const ROUNDS: usize = 3;
    let page = get(addr, &format!("/claim/{}", claims[0]))?.1;
    let csrf = page
        .split("name=\"csrf\" value=\"")
        .nth(1)
        .and_then(|rest| rest.split('"').next())
        .ok_or_else(|| anyhow::anyhow!("the claim page has no CSRF token"))?
        .to_string();
    // Claims that name an entity (not only a description), with the first they name.
    let mut targets = Vec::new();
    for claim in claims {
        let json = get(addr, &format!("/api/claim/{claim}"))?.1;
        let named = values(&json, "id", 50)
            .into_iter()
            .find(|id| id.starts_with("person-") || id.starts_with("organization-"));
        if let Some(entity) = named {
            targets.push((claim.clone(), entity));
        }
        if targets.len() == 2 * ROUNDS {
            break;
        }
    }
    anyhow::ensure!(targets.len() == 2 * ROUNDS, "too few claims name an entity");
    println!("review action, then the page of an entity it touches ({ROUNDS} of each, ms):");
    println!("{:<12} {:>11} {:>11} {:>11}", "action", "action ms", "page ms", "total ms");
    // "accept" takes back the rejections before it (the claims change); "accept new"
    // accepts claims nobody reviewed (the case stays as it was); "edit" changes a modality,
    // which resolution does not read.
    let kinds = ["reject", "accept", "edit", "accept new", "merge"];
    for kind in kinds {
        let mut rows = Vec::new();
        for round in 0..ROUNDS {
            let (claim, touched) =
                targets[if kind == "accept new" { ROUNDS + round } else { round }].clone();
            let started = Instant::now();
            let (status, entity) = if kind == "merge" {
                let (left, right) = (&names[2 * round], &names[2 * round + 1]);
                let form = format!(
                    "csrf={csrf}&left={}&right={}&verdict=same&why=bench",
                    form_value(left),
                    form_value(right)
                );
                let (status, to) = post(addr, "/judge", &form)?;
                (status, to.trim_start_matches("/entity/").to_string())
            } else {
                let kind = kind.trim_end_matches(" new");
                let form = match kind {
                    "edit" => format!("csrf={csrf}&f.modality=reported&why=bench"),
                    _ => format!("csrf={csrf}&why=bench"),
                };
                (post(addr, &format!("/claim/{claim}/{kind}"), &form)?.0, touched)
            };
            let action = started.elapsed().as_secs_f64() * 1e3;
            anyhow::ensure!(status == 303 || status == 302, "{kind}: status {status}");
            let started = Instant::now();
            let (status, _) = get(addr, &format!("/entity/{entity}"))?;
            let page = started.elapsed().as_secs_f64() * 1e3;
            anyhow::ensure!(status == 200, "{kind}: entity {entity}: status {status}");
            rows.push((action, page));
        }
        for (action, page) in rows {
            println!("{kind:<12} {action:>11.0} {page:>11.0} {:>11.0}", action + page);
        }
    }
    Ok(())
}

fn measure(addr: SocketAddr, paths: &[String]) -> anyhow::Result<Vec<f64>> {
    let chunks: Vec<Vec<String>> =
        (0..CLIENTS).map(|c| paths.iter().skip(c).step_by(CLIENTS).cloned().collect()).collect();
    let handles: Vec<_> = chunks
        .into_iter()
        .map(|chunk| {
            std::thread::spawn(move || -> anyhow::Result<Vec<f64>> {
                let mut out = Vec::new();
                for path in chunk {
                    let started = Instant::now();
                    let (status, _) = get(addr, &path)?;
                    out.push(started.elapsed().as_secs_f64() * 1e3);
                    anyhow::ensure!(status == 200, "{path}: status {status}");
                }
                Ok(out)
            })
        })
        .collect();
    let mut all = Vec::new();
    for h in handles {
        all.extend(h.join().map_err(|_| anyhow::anyhow!("a client thread panicked"))??);
    }
    all.sort_by(f64::total_cmp);
    Ok(all)
}

/// The CPU time (user and system) the process has used so far, in milliseconds: what a page
/// costs whatever else the machine is doing, where wall times under load measure the queue.
fn cpu_ms(pid: u32) -> anyhow::Result<f64> {
    let stat = std::fs::read_to_string(format!("/proc/{pid}/stat"))?;
    // The fields after the command's name (which may hold spaces) in parentheses.
    let rest = stat.rsplit_once(')').map_or("", |(_, r)| r);
    let fields: Vec<&str> = rest.split_whitespace().collect();
    let ticks = |i: usize| -> anyhow::Result<f64> {
        Ok(fields.get(i).ok_or_else(|| anyhow::anyhow!("short /proc stat"))?.parse::<f64>()?)
    };
    // utime and stime are fields 14 and 15 of the line, 12 and 13 after the name.
    // SAFETY: sysconf reads a constant of the system and has no preconditions.
    #[allow(unsafe_code)]
    let per_second = unsafe { libc::sysconf(libc::_SC_CLK_TCK) } as f64;
    Ok((ticks(11)? + ticks(12)?) * 1e3 / per_second)
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Starts the server on a free loopback port, its messages written to `server.log` beside
/// the store.
fn start(binary: &Path, db: &Path) -> anyhow::Result<(Server, SocketAddr)> {
    let port = TcpListener::bind("127.0.0.1:0")?.local_addr()?.port();
    let addr: SocketAddr = format!("127.0.0.1:{port}").parse()?;
    let child = Command::new(binary)
        .arg("--db")
        .arg(db)
        .args(["serve", "--bind", &addr.to_string()])
        .stderr(Stdio::from(std::fs::File::create(db.with_file_name("server.log"))?))
        .spawn()?;
    let server = Server(child);
    let started = Instant::now();
    while get(addr, "/static/app.css").is_err() {
        anyhow::ensure!(started.elapsed() < Duration::from_secs(600), "the server did not start");
        std::thread::sleep(Duration::from_millis(200));
    }
    println!("server ready in {:.1} s (builds the case once)", started.elapsed().as_secs_f64());
    Ok((server, addr))
}

pub fn run(args: &[String]) -> anyhow::Result<()> {
    let root = root();
    let n = crate::bench::sizes(args, &[10_000])?[0];
    let binary = crate::bench::release_binary(&root)?;
    let work = root.join("target/bench-serve");
    let db = work.join(format!("serve-{n}.db"));
    if !db.exists() {
        let dir = work.join(format!("docs-{n}"));
        crate::bench_build::generate(&dir, n)?;
        crate::bench::fresh_store(&binary, &db)?;
        let started = Instant::now();
        let status = Command::new(&binary)
            .arg("--db")
            .arg(&db)
            .args(["--quiet", "build"])
            .arg(&dir)
            .arg("-o")
            .arg(work.join(format!("case-{n}")))
            .status()?;
        anyhow::ensure!(status.success(), "build of the generated documents failed");
        println!("built {n} documents in {:.0} s", started.elapsed().as_secs_f64());
    }
    let (server, addr) = start(&binary, &db)?;

    let entities = values(&get(addr, "/api/entities")?.1, "id", 50);
    let documents = values(&get(addr, "/api/documents")?.1, "id", 50);
    let names: Vec<String> = values(&get(addr, "/api/entities")?.1, "name", 50)
        .into_iter()
        .map(|n| n.split(' ').next_back().unwrap_or("").to_string())
        .collect();
    let mut claims = Vec::new();
    for doc in documents.iter().take(20) {
        let view = get(addr, &format!("/api/document/{doc}"))?.1;
        claims.extend(values(&view, "id", 200).into_iter().filter(|id| id.len() == 16).take(3));
    }
    anyhow::ensure!(
        !entities.is_empty() && !documents.is_empty() && !claims.is_empty() && !names.is_empty(),
        "the store has no entities, documents or claims to ask for"
    );
    let cycle = |items: &[String], page: &dyn Fn(&str) -> String| -> Vec<String> {
        (0..REQUESTS).map(|i| page(&items[i % items.len()])).collect()
    };
    let kinds: Vec<(&str, Vec<String>)> = vec![
        ("home /", cycle(&["".to_string()], &|_| "/".to_string())),
        ("search", cycle(&names, &|q| format!("/search?q={q}"))),
        ("api/search", cycle(&names, &|q| format!("/api/search?q={q}"))),
        (
            "search+filt",
            cycle(&names, &|q| format!("/search?q={q}&type=position&status=unreviewed&from=2000")),
        ),
        ("search p.3", cycle(&entities, &|id| format!("/api/search?person={id}&page=3"))),
        ("filter only", cycle(&["".to_string()], &|_| "/search?type=meeting&page=20".into())),
        ("entity", cycle(&entities, &|id| format!("/entity/{id}"))),
        ("document", cycle(&documents, &|id| format!("/document/{id}"))),
        ("claim", cycle(&claims, &|id| format!("/claim/{id}"))),
        ("api/claim", cycle(&claims, &|id| format!("/api/claim/{id}"))),
    ];
    println!(
        "{n} documents; {REQUESTS} requests per page kind, {CLIENTS} clients at once, loopback"
    );
    println!("(cpu ms/req: the server's CPU time per request, whatever the machine's load)");
    println!("{:<12} {:>9} {:>9} {:>9} {:>12}", "page", "p50 ms", "p95 ms", "max ms", "cpu ms/req");
    let pid = server.0.id();
    for (kind, paths) in kinds {
        let before = cpu_ms(pid)?;
        let times = measure(addr, &paths)?;
        let cpu = (cpu_ms(pid)? - before) / paths.len() as f64;
        println!(
            "{kind:<12} {:>9.1} {:>9.1} {:>9.1} {cpu:>12.1}",
            percentile(&times, 0.5),
            percentile(&times, 0.95),
            times[times.len() - 1]
        );
    }
    let full: Vec<String> = values(&get(addr, "/api/entities")?.1, "name", 50);
    review(addr, &claims, &full)?;
    Ok(())
}
