//! Prints the named entities of a text file, for looking at the tagger's output:
//! `cargo run --release -p read --example entities -- FILE`.

fn main() {
    let path = std::env::args().nth(1).expect("usage: entities FILE");
    let text = std::fs::read_to_string(&path).expect("a UTF-8 text file");
    let tagger = read::ner::builtin().expect("the built-in model loads");
    for e in read::ner::entities(&tagger, &text) {
        println!("{:4}  {}", e.kind.as_str(), text[e.span].replace('\n', " "));
    }
}
