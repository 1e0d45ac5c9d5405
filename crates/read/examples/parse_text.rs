//! Prints the parse of each sentence of a text, one word a line (position, form, lemma,
//! part of speech, head, relation), as the built-in syntax model or a model file reads it:
//! for looking at what a parser makes of a sentence the claim rules miss. Run with
//! `cargo run --release -p read --example parse_text -- [MODEL] < text.txt`.

use std::io::Read;

fn main() {
    let analyzer = match std::env::args().nth(1) {
        Some(path) => {
            let bytes = std::fs::read(&path).expect("the model file reads");
            read::syntax::from_file_bytes(&bytes).expect("a syntax model").0
        }
        None => read::syntax::builtin().expect("the built-in model loads"),
    };
    let mut text = String::new();
    std::io::stdin().read_to_string(&mut text).expect("the text reads as UTF-8");
    let tokens = read::tokens::tokenize(&text);
    for sentence in read::tokens::sentences(&text, &tokens) {
        let words: Vec<&str> =
            tokens[sentence.tokens].iter().map(|t| &text[t.span.clone()]).collect();
        for (i, (w, a)) in words.iter().zip(analyzer.analyse(&words)).enumerate() {
            println!("{}\t{w}\t{}\t{}\t{}\t{}", i + 1, a.lemma, a.upos.as_str(), a.head, a.deprel);
        }
        println!();
    }
}
