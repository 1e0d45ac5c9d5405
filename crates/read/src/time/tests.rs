//! Tests of the time tagger.
