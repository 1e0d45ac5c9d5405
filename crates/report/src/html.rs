//! html
use fuse::Case;
/// todo
pub fn case_file(_case: &Case) -> String { String::new() }
