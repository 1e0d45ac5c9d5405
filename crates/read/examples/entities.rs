//! Prints the named entities of a text file, for looking at the tagger's output:
//! `cargo run --release -p read --example entities -- FILE [MODEL]` (MODEL: an entity model
//! written by `dossier train ner`, instead of the built-in one).

fn main() {
    let path = std::env::args().nth(1).expect("usage: entities FILE [MODEL]");
    let text = std::fs::read_to_string(&path).expect("a UTF-8 text file");
    let tagger = match std::env::args().nth(2) {
        Some(model) => read::ner::Tagger::from_bytes(&std::fs::read(model).expect("a model file"))
            .expect("an entity model of this version"),
        None => read::ner::builtin().expect("the built-in model loads"),
    };
    let analyzer = read::syntax::builtin().expect("the built-in syntax model loads");
    for e in read::ner::entities(&tagger, &analyzer, &text) {
        println!("{:4}  {}", e.kind.as_str(), text[e.span].replace('\n', " "));
    }
}
