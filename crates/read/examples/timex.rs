//! Tags the text given on the command line, for working on the rules:
//! `cargo run -p read --example timex -- 2021-04-20 "The minister resigned on Friday."`.

fn main() {
    let mut args = std::env::args().skip(1);
    let dct = args.next().and_then(|d| d.parse::<jiff::civil::Date>().ok());
    let text: String = args.collect::<Vec<_>>().join(" ");
    let (found, diagnostics) = read::time::tag(&text, dct);
    for t in found {
        let tense = read::time::tense_at(&text, t.span.clone());
        println!(
            "{:?}  {} {}  [{}; {:?}]",
            &text[t.span.clone()],
            t.kind.as_str(),
            t.value,
            t.rule,
            tense
        );
    }
    for d in diagnostics {
        println!("# {}", d.message);
    }
}
