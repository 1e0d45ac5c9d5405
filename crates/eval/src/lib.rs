//! Scores dossier's stages against gold data, the way the reference scorers in
//! `shared/tools/` do, so that the figures can be checked with either.
//!
//! # Brief overview
//!
//! - [`claims`]: claims against gold claims, matched by key arguments as
//!   `shared/tools/score_claims.py` does ([`claims::score`]).
//! - [`entities`]: entity resolution against labelled names, pairwise precision and recall
//!   ([`entities::score`]).
//! - [`conll`]: entity-level scoring of named-entity tags, as conlleval does.
//! - [`timeml`]: TempEval-3 scoring of temporal expressions ([`timeml::Scores`]), TimeML
//!   reading ([`timeml::Document`]) and writing of system output in the same format.
//! - [`ud`]: part-of-speech, lemma and dependency scores on gold tokenisation, as
//!   `shared/tools/ud_score.py` does ([`ud::Scores`]).
//!
//! This crate does no IO: callers read the files and hand over their text.
#![warn(missing_docs)]

pub mod claims;
pub mod conll;
pub mod entities;
pub mod timeml;
pub mod ud;
