//! Allegations: what a person is accused of, by whom.
