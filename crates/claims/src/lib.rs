//! Turns read documents into typed, attributed claims with evidence spans (positions,
//! meetings, sanctions, warrants, allegations, ...), as `shared/spec/claims.md` defines them.
//!
//! Status: not built yet (issue #5).
