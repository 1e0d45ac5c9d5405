//! Turns claims into assertions: one fact with its supporting claims, independent origins and
//! a status (corroborated, single-source, conflicting, refuted, superseded).
//!
//! Status: not built yet (issue #6).
