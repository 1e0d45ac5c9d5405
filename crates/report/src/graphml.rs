//! graphml
use fuse::Case;
/// todo
pub fn network(_case: &Case) -> String { String::new() }
