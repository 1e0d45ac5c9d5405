//! Prints what ingest extracts from one file, for working on the rules:
//! `cargo run -p ingest --example extract -- FILE`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: extract FILE");
    let bytes = std::fs::read(&path).expect("readable file");
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
