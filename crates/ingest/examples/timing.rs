//! Times `extract` on each file given, for finding slow rules:
//! `cargo run --release -p ingest --example timing -- FILE...`.

fn main() {
    for path in std::env::args_os().skip(1) {
        let bytes = std::fs::read(&path).expect("readable file");
        let path = path.to_string_lossy();
        let limits = ingest::Limits::default();
        let rounds = 50;
        let started = std::time::Instant::now();
        for _ in 0..rounds {
            let _ = ingest::extract(&bytes, &path, &limits);
        }
        let each = started.elapsed().as_secs_f64() / rounds as f64;
        println!("{:>9.0} µs  {:>7.2} MB/s  {path}", each * 1e6, bytes.len() as f64 / each / 1e6);
    }
}
