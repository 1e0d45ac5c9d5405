//! The documents the claims bench and the CPU-time example extract from: the seeds and the
//! demo corpus, ingested and read once (the read stage is not what they measure).

/// One read document, as the claims stage receives it.
pub struct Doc {
    pub name: String,
    pub sha: String,
    pub text: String,
    pub published: Option<model::PartialDate>,
    pub annotations: Vec<model::Annotation>,
    pub words: Vec<model::Word>,
}

/// The seeds and the demo corpus, ingested and read.
pub fn corpus() -> Vec<Doc> {
    let tagger = read::ner::builtin().expect("the built-in model loads");
    let analyzer = read::syntax::builtin().expect("the built-in syntax model loads");
    let mut paths: Vec<std::path::PathBuf> = std::fs::read_dir(test_utils::seeds_dir())
        .expect("the seeds")
        .map(|e| e.expect("an entry").path())
        .collect();
    let demo = test_utils::workspace().join("examples/corpus");
    paths.extend(
        std::fs::read_dir(demo)
            .expect("the demo corpus")
            .map(|e| e.expect("an entry").path())
            .filter(|p| p.extension().is_some_and(|e| e == "txt" || e == "md")),
    );
    paths.sort();
    paths
        .into_iter()
        .filter_map(|p| {
            let bytes = std::fs::read(&p).ok()?;
            let name = p.file_name()?.to_string_lossy().into_owned();
            let extraction = ingest::extract(&bytes, &name, &Default::default()).ok()?;
            let published = extraction.metadata.published;
            let reading = read::read_document(&tagger, &analyzer, &extraction.text, published);
            Some(Doc {
                name,
                sha: model::Sha256::digest(&bytes).to_hex(),
                text: extraction.text,
                published,
                annotations: reading.annotations,
                words: reading.words,
            })
        })
        .collect()
}

impl Doc {
    /// The claims stage's input for this document.
    pub fn input(&self) -> claims::Input<'_> {
        claims::Input {
            doc: &self.name,
            sha256: &self.sha,
            text: &self.text,
            published: self.published,
            annotations: &self.annotations,
            words: &self.words,
        }
    }
}
