-- Every token the reader found, with its part of speech, lemma, head and relation: one row per
-- sentence, its words encoded compactly in one text value (see `words.rs`), so that a thousand
-- documents of a thousand tokens are some 40,000 rows, not a million.
CREATE TABLE parses (
    version_id  INTEGER NOT NULL REFERENCES versions(id),
    sentence    INTEGER NOT NULL,
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    words       TEXT NOT NULL,
    PRIMARY KEY (version_id, sentence)
) STRICT;
