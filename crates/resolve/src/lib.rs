//! Turns mentions across documents into entities through recorded, reversible judgements
//! (name variants, transliterations, agency aliases).
//!
//! Status: not built yet (issue #6).
