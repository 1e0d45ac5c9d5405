//! Tests of tokenisation and sentence splitting, on sentences of our own.

use proptest::prelude::*;

use crate::perceptron::{Reader, RowIndex, Sparse, add_rows, write_sparse};
use crate::tokens::{TokenKind, sentences, tokenize};

fn words(text: &str) -> Vec<&str> {
    tokenize(text).into_iter().map(|t| &text[t.span]).collect()
}

fn split(text: &str) -> Vec<&str> {
    let tokens = tokenize(text);
    sentences(text, &tokens).into_iter().map(|s| &text[s.span]).collect()
}

#[test]
fn names_with_particles_apostrophes_and_hyphens_stay_whole() {
    assert_eq!(
        words("Ba’ath party of al-Assad met O'Brien."),
        ["Ba’ath", "party", "of", "al-Assad", "met", "O'Brien", "."]
    );
    assert_eq!(words("the Kyiv-Odesa road"), ["the", "Kyiv-Odesa", "road"]);
}

#[test]
fn clitics_split_off() {
    assert_eq!(words("Egypt’s envoy"), ["Egypt", "’s", "envoy"]);
    assert_eq!(words("the court's ruling"), ["the", "court", "'s", "ruling"]);
    assert_eq!(
        words("They don't know; it can't last."),
        ["They", "do", "n't", "know", ";", "it", "ca", "n't", "last", "."]
    );
}

#[test]
fn abbreviations_initials_and_acronyms_keep_their_period() {
    assert_eq!(
        words("Maj. Gen. J. R. Okafor of the U.S. Army left St. Petersburg on Jan. 5."),
        [
            "Maj.",
            "Gen.",
            "J.",
            "R.",
            "Okafor",
            "of",
            "the",
            "U.S.",
            "Army",
            "left",
            "St.",
            "Petersburg",
            "on",
            "Jan.",
            "5",
            "."
        ]
    );
}

#[test]
fn numbers_dates_urls_and_symbols() {
    let text = "Costs rose 12.5% to $1,200.50 on 2024/04/23 at 12:30 (see https://example.org/a?b=1). The 1990s, 1990-91.";
    assert_eq!(
        words(text),
        [
            "Costs",
            "rose",
            "12.5",
            "%",
            "to",
            "$",
            "1,200.50",
            "on",
            "2024/04/23",
            "at",
            "12:30",
            "(",
            "see",
            "https://example.org/a?b=1",
            ")",
            ".",
            "The",
            "1990s",
            ",",
            "1990-91",
            "."
        ]
    );
    let url = tokenize(text).into_iter().find(|t| t.kind == TokenKind::Url).unwrap();
    assert_eq!(&text[url.span], "https://example.org/a?b=1");
    assert_eq!(
        words("Write to press@example.org now."),
        ["Write", "to", "press@example.org", "now", "."]
    );
}

#[test]
fn sentences_end_at_marks_not_at_titles_or_initials() {
    assert_eq!(
        split(
            "Gen. Ortiz met Mr. J. Smith in the U.S. The talks ended. \"We agreed,\" he said! Was it true?"
        ),
        [
            "Gen. Ortiz met Mr. J. Smith in the U.S.",
            "The talks ended.",
            "\"We agreed,\" he said!",
            "Was it true?"
        ]
    );
    assert_eq!(
        split("The envoy arrived on Jan. 12 and left."),
        ["The envoy arrived on Jan. 12 and left."]
    );
    assert_eq!(
        split("He joined the party.[3] In 2012 he was elected.[12][b] He left."),
        ["He joined the party.[3]", "In 2012 he was elected.[12][b]", "He left."]
    );
    assert_eq!(
        split(
            "Among the dead was a writer.“This verdict is late,” said Edda Lorn. A “u.“x” stays."
        ),
        [
            "Among the dead was a writer.",
            "“This verdict is late,” said Edda Lorn.",
            "A “u.“x” stays."
        ]
    );
}

#[test]
fn paragraphs_break_sentences_and_short_lines_are_headings() {
    let text = "Career\n\nThe officer was promoted in 2009\nand retired in 2015.\n\nSanctions and proceedings\n\nNone so far.";
    let tokens = tokenize(text);
    let found = sentences(text, &tokens);
    let shown: Vec<(&str, bool)> =
        found.iter().map(|s| (&text[s.span.clone()], s.heading)).collect();
    assert_eq!(
        shown,
        [
            ("Career", true),
            ("The officer was promoted in 2009\nand retired in 2015.", false),
            ("Sanctions and proceedings", true),
            ("None so far.", false)
        ]
    );
}

#[test]
fn a_heading_glued_to_the_next_word_is_two_tokens_but_inner_capitals_of_names_stay() {
    assert_eq!(
        words("Conspiracy ChargeWielgosz conspired."),
        ["Conspiracy", "Charge", "Wielgosz", "conspired", "."]
    );
    assert_eq!(
        split("Conspiracy ChargeWielgosz conspired."),
        ["Conspiracy Charge", "Wielgosz conspired."]
    );
    assert_eq!(
        words("McDonald, MacArthur, DeSantis, YouTube and iPhone."),
        ["McDonald", ",", "MacArthur", ",", "DeSantis", ",", "YouTube", "and", "iPhone", "."]
    );
}

#[test]
fn a_period_glued_to_the_next_sentence_still_ends_it() {
    // Pages that lost the space after a period.
    assert_eq!(
        split("He served under ruler Tomasz Wielgosz.Oranje, 55, was arrested."),
        ["He served under ruler Tomasz Wielgosz.", "Oranje, 55, was arrested."]
    );
    // Initials, abbreviations and titles before a name do not end a sentence.
    assert_eq!(
        split("The U.S.Treasury and Gen.Wielgosz met in Varsk."),
        ["The U.S.Treasury and Gen.Wielgosz met in Varsk."]
    );
}

#[test]
fn a_page_title_line_ends_at_its_line_break() {
    // "Headline | Site Name", then the headline again: the site's last word and the
    // headline's first name are two sentences, so no name spans them.
    assert_eq!(
        split("Wielgosz Jailed | Varsk Newspapers Limited\nWielgosz Jailed For Life\n\nHe was."),
        ["Wielgosz Jailed | Varsk Newspapers Limited", "Wielgosz Jailed For Life", "He was."]
    );
    // A hard-wrapped line without a "|" still runs on.
    assert_eq!(
        split("The officer was sanctioned by\nNorvania in 2019."),
        ["The officer was sanctioned by\nNorvania in 2019."]
    );
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(500))]

    #[test]
    fn tokens_cover_every_non_space_character_in_order(text in "\\PC{0,200}") {
        let tokens = tokenize(&text);
        let mut at = 0;
        for t in &tokens {
            prop_assert!(t.span.start >= at && t.span.start < t.span.end && t.span.end <= text.len());
            prop_assert!(text[at..t.span.start].chars().all(char::is_whitespace), "gap {:?}", &text[at..t.span.start]);
            prop_assert!(!text[t.span.clone()].starts_with(char::is_whitespace));
            at = t.span.end;
        }
        prop_assert!(text[at..].chars().all(char::is_whitespace));
        let sents = sentences(&text, &tokens);
        let mut next = 0;
        for s in &sents {
            prop_assert_eq!(s.tokens.start, next);
            prop_assert!(s.tokens.end > s.tokens.start);
            next = s.tokens.end;
        }
        prop_assert_eq!(next, tokens.len());
    }
}

mod lexicon {
    use crate::lexicon::{MentionKind, mentions};

    /// Kind, matched text, value, modifiers, portfolio.
    type Found = (MentionKind, String, String, Vec<String>, Option<String>);

    fn found(text: &str) -> Vec<Found> {
        mentions(text)
            .into_iter()
            .map(|m| (m.kind, text[m.span].to_string(), m.value, m.modifiers, m.portfolio))
            .collect()
    }

    #[test]
    fn ranks_stand_before_names() {
        let f = found(
            "Major General Tomasz Wielgosz met Col. Marisol Quenby and Lt. Gen. Odalys Brankov at the General Assembly.",
        );
        let ranks: Vec<(&str, &str)> = f
            .iter()
            .filter(|x| x.0 == MentionKind::Rank)
            .map(|x| (x.1.as_str(), x.2.as_str()))
            .collect();
        assert_eq!(
            ranks,
            [
                ("Major General", "Major General"),
                ("Col.", "Colonel"),
                ("Lt. Gen.", "Lieutenant General")
            ]
        );
        assert!(
            found("The general mood was grim; a major role was played.")
                .iter()
                .all(|x| x.0 != MentionKind::Rank)
        );
        assert!(found("The Attorney General spoke.").iter().all(|x| x.0 != MentionKind::Rank));
    }

    #[test]
    fn roles_with_modifiers_and_portfolios() {
        let f = found(
            "The former deputy head of the agency met the interior minister and the national security adviser.",
        );
        let roles: Vec<(&str, Vec<String>, Option<String>)> = f
            .iter()
            .filter(|x| x.0 == MentionKind::Role)
            .map(|x| (x.2.as_str(), x.3.clone(), x.4.clone()))
            .collect();
        assert_eq!(
            roles,
            [
                ("head", vec!["former".to_string(), "deputy".to_string()], None),
                ("minister", vec![], Some("interior".to_string())),
                ("security adviser", vec![], None)
            ]
        );
        let f = found(
            "She was appointed Director of the Financial Intelligence Unit and later Secretary-General.",
        );
        let heads: Vec<&str> =
            f.iter().filter(|x| x.0 == MentionKind::Role).map(|x| x.2.as_str()).collect();
        assert_eq!(heads, ["director", "secretary"]);
    }

    #[test]
    fn nationalities_map_to_countries() {
        let f = found(
            "A Venezuelan officer and his Cuban counterpart met Belarusian and South Sudanese envoys.",
        );
        let countries: Vec<&str> =
            f.iter().filter(|x| x.0 == MentionKind::Nationality).map(|x| x.2.as_str()).collect();
        assert_eq!(countries, ["Venezuela", "Cuba", "Belarus", "South Sudan"]);
        assert!(found("He likes french fries.").iter().all(|x| x.0 != MentionKind::Nationality));
    }
}

static TAGGER: std::sync::LazyLock<crate::ner::Tagger> =
    std::sync::LazyLock::new(|| crate::ner::builtin().expect("the built-in model loads"));
static ANALYZER: std::sync::LazyLock<crate::syntax::Analyzer> =
    std::sync::LazyLock::new(|| crate::syntax::builtin().expect("the built-in model loads"));

/// What must hold of a reading's words whatever the text: one per token, in text order, on
/// character boundaries, each sentence's words consecutive and inside its span, heads inside
/// the sentence, and every word with a part of speech, a lemma and a relation.
fn words_are_sound(text: &str, reading: &crate::Reading) -> Result<(), TestCaseError> {
    prop_assert_eq!(reading.words.len(), reading.tokens);
    let sentences: Vec<&model::Annotation> =
        reading.annotations.iter().filter(|a| a.layer == model::Layer::Sentence).collect();
    prop_assert_eq!(sentences.len(), reading.sentences);
    let mut sizes = vec![0; sentences.len()];
    for w in &reading.words {
        prop_assert!(w.sentence < sizes.len(), "{:?}", w);
        sizes[w.sentence] += 1;
    }
    let mut last_end = 0;
    let mut last_sentence = 0;
    for (i, w) in reading.words.iter().enumerate() {
        prop_assert!(last_end <= w.span.start && w.span.start < w.span.end, "{:?}", w);
        prop_assert!(text.is_char_boundary(w.span.start) && text.is_char_boundary(w.span.end));
        prop_assert!(w.sentence == last_sentence || (i > 0 && w.sentence == last_sentence + 1));
        let s = &sentences[w.sentence].span;
        prop_assert!(s.start <= w.span.start && w.span.end <= s.end, "{:?} outside {:?}", w, s);
        prop_assert!(w.head <= sizes[w.sentence], "{:?} in a sentence of {}", w, sizes[w.sentence]);
        prop_assert!(crate::syntax::Upos::parse(&w.upos).is_some(), "{:?}", w);
        prop_assert!(!w.deprel.is_empty(), "{:?}", w);
        last_end = w.span.end;
        last_sentence = w.sentence;
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1000))]

    /// Issue 12: every stage of reading is total over any text, whatever spaces and scripts
    /// it mixes, and every annotation falls on character boundaries.
    #[test]
    fn reading_is_total_over_hostile_text(
        text in test_utils::hostile::newsy_text(40),
        days in 0i64..30000,
    ) {
        let tagger = &*TAGGER;
        let date = jiff::civil::date(1950, 1, 1).checked_add(jiff::Span::new().days(days)).unwrap();
        let published = model::PartialDate::day(date.year() as i32, date.month() as u8, date.day() as u8).ok();
        let reading = crate::read_document(tagger, &ANALYZER, &text, published);
        for a in &reading.annotations {
            prop_assert!(a.span.start <= a.span.end && a.span.end <= text.len(), "{:?}", a);
            prop_assert!(text.is_char_boundary(a.span.start) && text.is_char_boundary(a.span.end), "{:?}", a);
        }
        words_are_sound(&text, &reading)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    /// The syntax layer inside reading is total over any Unicode, control characters and
    /// unassigned code points included, not only over news-like text.
    #[test]
    fn reading_with_syntax_is_total_over_any_unicode(text in any::<String>()) {
        let reading = crate::read_document(&TAGGER, &ANALYZER, &text, None);
        words_are_sound(&text, &reading)?;
    }

    /// Long runs of odd text: sentences cut into windows still give each token one word.
    #[test]
    fn reading_with_syntax_is_total_over_long_odd_runs(
        parts in proptest::collection::vec("\\PC{0,12}|[ \\t\\n.,;]{1,3}", 0..400),
    ) {
        let text = parts.concat();
        let reading = crate::read_document(&TAGGER, &ANALYZER, &text, None);
        words_are_sound(&text, &reading)?;
    }
}

/// Found by `cargo xtask fuzz` in CI: a word repeated more than 65,535 times overflowed the
/// entity tagger's per-document counts.
#[test]
fn a_word_repeated_past_u16_counts_is_read() {
    let text = "<a>".repeat(70_000);
    let reading = crate::read_document(&TAGGER, &ANALYZER, &text, None);
    assert!(reading.tokens >= 210_000);
}

#[test]
fn adding_rows_gives_the_plain_row_by_row_sum() {
    // Rows wider than a cache line and narrower, more ids than one chunk, buckets without a row
    // and ids past the index: the sum is the plain one, bit for bit.
    for width in [3usize, 17, 50] {
        let buckets = 200;
        let plain: Vec<u32> =
            (0..buckets).map(|b| if b % 3 == 0 { 0 } else { (b - b / 3) as u32 }).collect();
        let index = RowIndex::of_buckets(buckets, (0..buckets).filter(|b| b % 3 != 0)).unwrap();
        let count = plain.iter().filter(|&&r| r > 0).count();
        let rows: Vec<f32> =
            (0..count * width).map(|i| ((i * 37 % 101) as f32 - 50.0) / 7.0).collect();
        let ids: Vec<u32> = (0..150u32).map(|k| k * 7 % 230).collect();
        let mut expected = vec![0.0f32; width];
        for &b in &ids {
            let r = plain.get(b as usize).copied().unwrap_or(0) as usize;
            if r > 0 {
                for (s, w) in expected.iter_mut().zip(&rows[(r - 1) * width..r * width]) {
                    *s += w;
                }
            }
        }
        let mut scores = vec![0.0f32; width];
        add_rows(&index, &rows, width, &ids, &mut scores);
        assert_eq!(
            scores.iter().map(|s| s.to_bits()).collect::<Vec<_>>(),
            expected.iter().map(|s| s.to_bits()).collect::<Vec<_>>(),
            "width {width}"
        );
    }
}

#[test]
fn a_sparse_table_adds_as_the_dense_one_does_and_writes_the_same_bytes() {
    // Rows narrower than a cache line and wider, empty buckets, negative and positive weights,
    // ids past the table: the sum is the dense table's, feature after feature, bit for bit,
    // and the table writes what `write_sparse` writes for the dense one and reads it back.
    for width in [3usize, 17, 51] {
        let buckets = 256;
        let dense: Vec<f32> = (0..buckets * width)
            .map(|i| {
                if (i / width) % 3 == 0 || i % 4 == 1 {
                    0.0
                } else {
                    ((i * 37 % 101) as f32 - 50.0) / 7.0
                }
            })
            .collect();
        let table = Sparse::of_dense(&dense, width);
        let ids: Vec<u32> = (0..150u32).map(|k| k * 7 % 300).collect();
        let mut expected = vec![0.0f32; width];
        for &b in &ids {
            if let Some(row) = dense.get(b as usize * width..(b as usize + 1) * width) {
                for (s, w) in expected.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
        let mut scores = vec![0.0f32; width];
        table.add(&ids, &mut scores);
        let bits = |v: &[f32]| v.iter().map(|s| s.to_bits()).collect::<Vec<_>>();
        assert_eq!(bits(&scores), bits(&expected), "width {width}");
        let mut bytes = Vec::new();
        table.write(&mut bytes).unwrap();
        let mut dense_bytes = Vec::new();
        write_sparse(&dense, &mut dense_bytes).unwrap();
        assert_eq!(bytes, dense_bytes, "written as the dense table is");
        let again = Sparse::read(&mut Reader::new(&bytes, 0), buckets, width).unwrap();
        let mut twice = Vec::new();
        again.write(&mut twice).unwrap();
        assert_eq!(bytes, twice);
        // Out of order, or past the table: refused.
        assert!(Sparse::from_sorted(buckets, width, [(5, 1.0), (5, 2.0)]).is_none());
        assert!(Sparse::from_sorted(buckets, width, [((buckets * width) as u64, 1.0)]).is_none());
    }
}

#[test]
fn a_row_index_numbers_the_buckets_with_rows_in_order() {
    // Buckets with rows spread unevenly over several groups of 256, a table whose size is
    // not a multiple of eight, and buckets past it.
    let buckets = 1_000;
    let with_rows: Vec<usize> =
        (0..buckets).filter(|b| b % 7 == 0 || (300..560).contains(b)).collect();
    let index = RowIndex::of_buckets(buckets, with_rows.iter().copied()).unwrap();
    for b in 0..buckets + 20 {
        let expected = with_rows.iter().position(|&w| w == b).map_or(0, |k| k + 1);
        assert_eq!(index.row(b), expected, "bucket {b}");
    }
    assert_eq!(index.buckets_with_rows().collect::<Vec<_>>(), with_rows);
    assert_eq!(index.buckets(), buckets);
    // Out of order, twice, or past the table: refused.
    assert!(RowIndex::of_buckets(buckets, [5, 3]).is_none());
    assert!(RowIndex::of_buckets(buckets, [5, 5]).is_none());
    assert!(RowIndex::of_buckets(buckets, [buckets]).is_none());
}
