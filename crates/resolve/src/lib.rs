//! Turns mentions across documents into entities through recorded, reversible judgements
//! (name variants, transliterations, agency aliases).
//!
//! # Brief overview
//!
//! - [`names`]: person names as folded words, sound skeletons and blocking keys, so that
//!   "Abdel Salam X" meets "Abdul-Salam X" and a name in Arabic script meets its Latin
//!   transliterations.
//!
//! Status: the name keys are built; judgements, organisations and the entity table come with
//! the rest of issue #6.
#![warn(missing_docs)]

pub mod names;
