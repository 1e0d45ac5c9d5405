//! The split case file as one download: a zip archive of the files `build -o` writes for it.

use std::io::{Cursor, Write as _};

use zip::write::SimpleFileOptions;
use zip::{CompressionMethod, DateTime, ZipWriter};

use crate::ReportError;

/// The name the workbench offers the archive under.
pub const CASE_ZIP: &str = "case-file.zip";

/// `files` (name, contents) as a zip archive, deflated. Every entry carries the zip format's
/// earliest date (1980-01-01), so the archive of one case is the same bytes whenever it is
/// made.
pub fn zip(files: &[(String, String)]) -> Result<Vec<u8>, ReportError> {
    let failed = |e: &dyn std::fmt::Display| {
        ReportError::Archive(format!(
            "could not write the case file's zip archive ({e}): write it with `dossier build -o`"
        ))
    };
    let options = SimpleFileOptions::default()
        .compression_method(CompressionMethod::Deflated)
        .last_modified_time(DateTime::default())
        .large_file(false);
    let mut writer = ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in files {
        writer.start_file(name.as_str(), options).map_err(|e| failed(&e))?;
        writer.write_all(text.as_bytes()).map_err(|e| failed(&e))?;
    }
    Ok(writer.finish().map_err(|e| failed(&e))?.into_inner())
}

/// The case file as `build -o` writes it (`index.html`, and when split its parts and
/// `sources.html`; see [`crate::html::case_files`]), as one zip archive.
pub fn case_file_zip(case: &fuse::Case) -> Result<Vec<u8>, ReportError> {
    zip(&crate::html::case_files(case))
}
