//! The split case file as one download: a zip archive of the files `build -o` writes for it.
//!
//! Written by hand (deflate from `flate2`, CRC-32 from `crc32fast`, both already in the
//! workspace): the format needs a local header per file, a central directory and an end
//! record, some sixty lines, where a zip crate would bring a dozen crates for reading,
//! encryption and Zip64 that a few megabytes of HTML never need.

use std::io::Write as _;

use flate2::Compression;
use flate2::write::DeflateEncoder;

use crate::ReportError;

/// The name the workbench offers the archive under.
pub const CASE_ZIP: &str = "case-file.zip";

/// 1980-01-01, the earliest date a zip entry can carry: the archive of one case is the same
/// bytes whenever it is made.
const DOS_DATE: u16 = (1 << 5) | 1;

/// `files` (name, contents) as a zip archive, deflated, names marked UTF-8. A file or an
/// archive past 4 GB, or more than 65,535 files, needs Zip64, which this does not write.
pub fn zip(files: &[(String, String)]) -> Result<Vec<u8>, ReportError> {
    let too_big = || {
        ReportError::Archive(
            "the case file is too large for a zip without Zip64: write it with `dossier build -o`"
                .into(),
        )
    };
    let mut out = Vec::new();
    let mut central = Vec::new();
    for (name, text) in files {
        let mut deflate = DeflateEncoder::new(Vec::new(), Compression::default());
        deflate.write_all(text.as_bytes()).expect("writing to memory does not fail");
        let packed = deflate.finish().expect("writing to memory does not fail");
        let crc = crc32fast::hash(text.as_bytes());
        let offset = u32::try_from(out.len()).map_err(|_| too_big())?;
        let (packed_len, len) = (
            u32::try_from(packed.len()).map_err(|_| too_big())?,
            u32::try_from(text.len()).map_err(|_| too_big())?,
        );
        let name_len = u16::try_from(name.len()).map_err(|_| too_big())?;
        // The fields a local header and a central directory entry share, from "version
        // needed" (2.0: deflate) to the name's length.
        let mut common = Vec::with_capacity(26);
        for half in [20u16, 0x0800, 8, 0, DOS_DATE] {
            common.extend_from_slice(&half.to_le_bytes());
        }
        for word in [crc, packed_len, len] {
            common.extend_from_slice(&word.to_le_bytes());
        }
        common.extend_from_slice(&name_len.to_le_bytes());

        out.extend_from_slice(&0x0403_4b50u32.to_le_bytes());
        out.extend_from_slice(&common);
        out.extend_from_slice(&0u16.to_le_bytes());
        out.extend_from_slice(name.as_bytes());
        out.extend_from_slice(&packed);

        central.extend_from_slice(&0x0201_4b50u32.to_le_bytes());
        central.extend_from_slice(&20u16.to_le_bytes());
        central.extend_from_slice(&common);
        // Extra and comment lengths, disk, internal and external attributes.
        central.extend_from_slice(&[0; 12]);
        central.extend_from_slice(&offset.to_le_bytes());
        central.extend_from_slice(name.as_bytes());
    }
    let count = u16::try_from(files.len()).map_err(|_| too_big())?;
    let at = u32::try_from(out.len()).map_err(|_| too_big())?;
    let size = u32::try_from(central.len()).map_err(|_| too_big())?;
    out.extend_from_slice(&central);
    out.extend_from_slice(&0x0605_4b50u32.to_le_bytes());
    out.extend_from_slice(&[0; 4]);
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&count.to_le_bytes());
    out.extend_from_slice(&size.to_le_bytes());
    out.extend_from_slice(&at.to_le_bytes());
    out.extend_from_slice(&0u16.to_le_bytes());
    Ok(out)
}

/// The case file as `build -o` writes it (`index.html`, and when split its parts and
/// `sources.html`; see [`crate::html::case_files`]), as one zip archive.
pub fn case_file_zip(case: &fuse::Case) -> Result<Vec<u8>, ReportError> {
    zip(&crate::html::case_files(case))
}
