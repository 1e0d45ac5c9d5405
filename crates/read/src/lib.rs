//! Turns a document's text into annotations that later stages build on.
//!
//! # Brief overview
//!
//! - [`tokens`]: [`tokens::tokenize`] and [`tokens::sentences`], with byte offsets.
//! - [`ner`]: the named-entity tagger ([`ner::Tagger`], [`ner::entities`]) and its training.
//! - [`lexicon`]: ranks, roles and nationality adjectives ([`lexicon::mentions`]).
//! - [`time`]: temporal expressions (TIMEX3), found by declarative rules and normalised
//!   against the publication date; [`time::tag`] is the entry point, [`time::Timex`] the result
//!   and [`time::Interval`] what dates become for comparison.
//!
//! Coreference comes with issue #5.
//! The stage does no IO beyond its compiled-in rules and never fails on messy text: odd input
//! yields fewer annotations and a diagnostic.
#![warn(missing_docs)]

pub mod lexicon;
pub mod ner;
pub mod time;
pub mod tokens;

#[cfg(test)]
mod tests;
