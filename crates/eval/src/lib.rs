//! Scores dossier's stages against gold data, the way the reference scorers in
//! `shared/tools/` do, so that the figures can be checked with either.
//!
//! # Brief overview
//!
//! - [`attribution`]: whether claims whose sentence names their person only by a pronoun
//!   or a description name the right person ([`attribution::items`]).
//! - [`claims`]: claims against gold claims, matched by key arguments as
//!   `shared/tools/score_claims.py` does ([`claims::score`]).
//! - [`entities`]: entity resolution against labelled names, pairwise precision and recall
//!   ([`entities::score`]).
//! - [`conll`]: entity-level scoring of named-entity tags, as conlleval does.
//! - [`origins`]: a labelled set of re-hosted copies made at run time, and pair precision
//!   and recall of origin clusters.
//! - [`timeml`]: TempEval-3 scoring of temporal expressions ([`timeml::Scores`]), TimeML
//!   reading ([`timeml::Document`]) and writing of system output in the same format.
//! - [`ud`]: part-of-speech, lemma and dependency scores on gold tokenisation, as
//!   `shared/tools/ud_score.py` does ([`ud::Scores`]).
//!
//! This crate does no IO: callers read the files and hand over their text.
#![warn(missing_docs)]

pub mod attribution;
pub mod claims;
pub mod conll;
pub mod entities;
pub mod origins;
pub mod timeml;
pub mod ud;
