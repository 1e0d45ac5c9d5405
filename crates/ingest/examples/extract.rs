//! Prints what ingest extracts from one file, for working on the rules:
//! `cargo run -p ingest --example extract -- FILE`.

fn main() {
    let path = std::env::args_os().nth(1).expect("usage: extract FILE");
    let bytes = std::fs::read(&path).expect("readable file");
    let path = path.to_string_lossy();
    match ingest::extract(&bytes, &path, &ingest::Limits::default()) {
        Ok(ex) => {
            println!("{}", serde_json::to_string_pretty(&ex.metadata).unwrap());
            for d in &ex.diagnostics {
                println!("# {}: {}", d.kind, d.message);
            }
            println!("-----\n{}", ex.text);
        }
        Err(e) => println!("{path}: {e}"),
    }
}
