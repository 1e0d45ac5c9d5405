-- The user's judgements on entity resolution (`dossier merge`, `dossier split`): two names
-- are the same entity or different ones. Rule judgements are recomputed on every build and
-- written to the case file; these are the ones a person made, and they come first.
CREATE TABLE judgements (
    id          INTEGER PRIMARY KEY,
    left_name   TEXT NOT NULL,
    right_name  TEXT NOT NULL,
    verdict     TEXT NOT NULL CHECK (verdict IN ('same', 'different')),
    reason      TEXT NOT NULL DEFAULT '',
    made_at     TEXT NOT NULL
) STRICT;
