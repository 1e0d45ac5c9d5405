//! Turns a document's text into annotated sentences: tokens, named entities, temporal
//! expressions normalised against the publication date, and in-document coreference.
//!
//! Status: not built yet. Tokenisation and the entity tagger come with issue #3, temporal
//! expressions with issue #4. The stage will do no IO beyond loading its model, and will never
//! fail on messy text.
