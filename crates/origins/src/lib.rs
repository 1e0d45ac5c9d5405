//! Independence of origins: which documents are copies of one story.
//!
//! Eighty sites reprinting one wire story are one origin, not eighty; the same press release
//! republished by blogs is one origin; the same page saved twice is one origin. This crate
//! groups documents into origin clusters from their main text (what ingest kept):
//!
//! - [`signature`] reads a text once: its words normalised (lower case, letters and digits),
//!   the set of its 5-word shingles, a MinHash signature of [`SIGNATURE_LEN`] values over that
//!   set, and the wire agency its bylines or datelines name ([`wire_agency`]: "(AFP) —",
//!   "By ... | Reuters", "Associated Press").
//! - [`cluster`] finds candidate pairs with LSH banding (documents that agree on every value of
//!   one band of the signature share a bucket; nothing compares all pairs), verifies each
//!   candidate by estimated Jaccard similarity or containment (so that a copy inside a page
//!   that kept some site clutter still matches), and joins verified pairs with union-find.
//!   Each cluster is named by the wire agency its members name, else by its earliest member's
//!   publisher.
//!
//! Everything is deterministic: the hash functions are fixed by [`SCHEME`] (stored with each
//! signature, so that a new scheme means hashing again), and clusters do not depend on the
//! order of the input.
#![warn(missing_docs)]

mod cluster;
mod shingle;
mod wire;

#[cfg(test)]
mod tests;

pub use cluster::{Cluster, Clustering, Member, Similarity, cluster, similarity};
pub use shingle::{MIN_LINE_WORDS, SCHEME, SHINGLE_WORDS, SIGNATURE_LEN, Signature, signature};
pub use wire::{AGENCIES, wire_agency};

/// What can go wrong: only decoding a stored signature.
#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum Error {
    /// A stored signature has the wrong length.
    #[error(
        "a stored origin signature is {found} bytes, not {expected}: run `dossier build` again to hash the document anew"
    )]
    BadSignature {
        /// Its length in bytes.
        found: usize,
        /// The length this scheme writes.
        expected: usize,
    },
}

/// This crate's results.
pub type Result<T, E = Error> = std::result::Result<T, E>;
