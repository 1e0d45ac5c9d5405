//! Times each step of reading one file (a development aid): `cargo run --release -p read
//! --example time_read FILE`.

use std::time::Instant;

fn main() {
    let path = std::env::args_os().nth(1).expect("a file");
    let text = std::fs::read_to_string(path).expect("a UTF-8 file");
    let t = Instant::now();
    let tagger = read::ner::builtin().expect("the model loads");
    eprintln!("model      {:.2} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let tokens = read::tokens::tokenize(&text);
    eprintln!("tokenize   {:.2} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let sentences = read::tokens::sentences(&text, &tokens);
    eprintln!("sentences  {:.2} s", t.elapsed().as_secs_f64());
    let t = Instant::now();
    let entities = read::ner::entities_in(&tagger, &text, &tokens, &sentences);
    eprintln!("entities   {:.2} s ({})", t.elapsed().as_secs_f64(), entities.len());
    let t = Instant::now();
    let mentions = read::lexicon::mentions(&text);
    eprintln!("lexicon    {:.2} s ({})", t.elapsed().as_secs_f64(), mentions.len());
    let t = Instant::now();
    let (timexes, _) = read::time::tag(&text, jiff::civil::Date::new(2020, 1, 1).ok());
    eprintln!("time       {:.2} s ({})", t.elapsed().as_secs_f64(), timexes.len());
    let t = Instant::now();
    let analyzer = read::syntax::builtin().expect("the built-in syntax model loads");
    let reading = read::read_document(&tagger, &analyzer, &text, None);
    eprintln!(
        "all        {:.2} s ({} annotations)",
        t.elapsed().as_secs_f64(),
        reading.annotations.len()
    );
}
