//! The demo corpus's English text, shared by the read benches (compiled in, so that a bench
//! measures reading, not file IO).

pub const CORPUS: &[&str] = &[
    include_str!("../../../../examples/corpus/andean-wire-2019-01-15.txt"),
    include_str!("../../../../examples/corpus/ngo-joint-statement-2023-03.txt"),
    include_str!("../../../../examples/corpus/eu-council-press-release-2018-06.txt"),
    include_str!("../../../../examples/corpus/rumours-fate-2021-03.txt"),
    include_str!("../../../../examples/corpus/profile-vallejo-brito.md"),
    include_str!("../../../../xtask/data/thinktank-analysis.txt"),
];
