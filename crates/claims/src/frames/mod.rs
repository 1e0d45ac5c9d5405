//! Extraction layers over the dependency parse ("frames"), run after the regex rules.

pub(crate) mod predicates;
