-- Which reader (tokenizer, entity model, time rules; with their versions) read each version.
CREATE TABLE readings (
    version_id  INTEGER PRIMARY KEY REFERENCES versions(id),
    reader      TEXT NOT NULL,
    read_at     TEXT NOT NULL,
    sentences   INTEGER NOT NULL,
    tokens      INTEGER NOT NULL
) STRICT;

-- What the reader found: spans of the version's text (byte offsets) with a label and, where
-- there is one, a normalised value (a TimeML value, a country, a role's head noun).
CREATE TABLE annotations (
    version_id  INTEGER NOT NULL REFERENCES versions(id),
    layer       TEXT NOT NULL CHECK (layer IN ('sentence', 'entity', 'rank', 'role', 'nationality', 'timex')),
    start       INTEGER NOT NULL,
    end         INTEGER NOT NULL,
    label       TEXT NOT NULL,
    value       TEXT
) STRICT;
CREATE INDEX annotations_version ON annotations(version_id, layer, start);
