//! The vocabulary every stage of dossier speaks: content hashes, partial dates, document
//! metadata and the map from extracted text back to the original bytes.
//!
//! # Brief overview
//!
//! - [`Sha256`] names an original file by its content; it is the document's identity.
//! - [`PartialDate`] is a calendar date known to the year, the month or the day, as news states it.
//! - [`Metadata`] holds what is known about a document (title, publisher, date, ...) and
//!   [`Provenance`] records where each value came from.
//! - [`Segment`] ties a stretch of extracted text to the bytes or page of the original.
//! - [`Annotation`] and [`Word`] are what the read stage finds: labelled spans, and every token
//!   with its part of speech, lemma and dependency.
//! - [`Deadline`] bounds the time a stage spends on one document.
//!
//! This crate does no IO (it reads the clock, for deadlines) and knows nothing of SQL, HTTP or file formats.
#![deny(missing_docs)]

mod date;
mod deadline;
mod hash;
mod meta;
mod text;

#[cfg(test)]
mod tests;

pub use date::{DateError, DateRange, PartialDate};
pub use deadline::{Deadline, Overrun};
pub use hash::{HashError, Sha256};
pub use meta::{Field, Format, Metadata, Provenance};
pub use text::{Annotation, Diagnostic, Extraction, Layer, Segment, SourceLoc, Word};
