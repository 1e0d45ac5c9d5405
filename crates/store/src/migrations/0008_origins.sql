-- What the origins stage found for a version: the MinHash signature of its main text's
-- shingles under a named scheme (so that a re-run hashes only new versions, and a new scheme
-- hashes all again), the wire agency its bylines or datelines name, and the origin cluster the
-- last clustering put it in, with the origin the cluster is shown as ("AFP", a publisher).
CREATE TABLE signatures (
    version_id  INTEGER PRIMARY KEY REFERENCES versions(id),
    scheme      TEXT NOT NULL,
    shingles    INTEGER NOT NULL,
    minhash     BLOB NOT NULL,
    agency      TEXT,
    cluster     TEXT,
    origin      TEXT
) STRICT;
