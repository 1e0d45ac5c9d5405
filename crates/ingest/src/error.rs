//! The ingest error type. Every message says what went wrong and what to do about it; the
//! caller prefixes the file name.

/// Why a file could not be ingested.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The file could not be read.
    #[error("cannot read: {0}")]
    Io(#[from] std::io::Error),
    /// A path that is not read: a link not followed, a named pipe, a device, an empty folder.
    #[error("skipped: {0}")]
    Skipped(String),
    /// The file is larger than the configured limit.
    #[error("file is {} MiB, over the {} MiB limit: raise --max-file-size or split the file", mib(*.size), mib(*.limit))]
    TooLarge {
        /// The file's size in bytes.
        size: u64,
        /// The limit in bytes.
        limit: u64,
    },
    /// The file holds no bytes, or only white space.
    #[error("empty file: nothing to ingest")]
    Empty,
    /// The bytes are not text, HTML or PDF.
    #[error("binary file ({0}), not text, HTML or PDF: convert it to one of those first")]
    Binary(String),
    /// A PDF that needs a password.
    #[error(
        "encrypted PDF: decrypt it first (for example `qpdf --decrypt --password=... in.pdf out.pdf`)"
    )]
    PdfEncrypted,
    /// A PDF that cannot be parsed.
    #[error(
        "broken or truncated PDF ({0}): download it again or repair it (for example with qpdf)"
    )]
    PdfBroken(String),
    /// A PDF whose streams, all together, would inflate past the limit.
    #[error("PDF streams inflate past {} MiB: a decompression bomb or a huge scan; raise --max-pdf-inflate if the file is genuine", mib(*.0))]
    PdfInflatesTooFar(u64),
    /// A PDF with one stream that would inflate past the per-stream limit.
    #[error("a PDF stream inflates past {} MiB: a decompression bomb or a huge image; raise --max-pdf-stream if the file is genuine", mib(*.0))]
    PdfStreamTooLarge(u64),
    /// A PDF whose pages carry no text, only images.
    #[error("no text layer: OCR it first (for example with ocrmypdf)")]
    PdfNoText,
    /// Nothing was left once page furniture and clutter were removed.
    #[error("no main text found: check that the file is an article, report or statement")]
    NoText,
    /// The extracted text is larger than the configured limit.
    #[error(
        "extracted text has {chars} characters, over the limit of {limit}: raise --max-text-size"
    )]
    TextTooLarge {
        /// Characters extracted.
        chars: usize,
        /// The limit.
        limit: usize,
    },
    /// Extraction ran past the per-document time limit.
    #[error("extraction took longer than {0} s: raise --timeout or check the file")]
    Timeout(u64),
    /// Extraction was stopped because the caller gave up on it (its time limit passed).
    #[error("extraction was stopped after its time limit: raise --timeout or check the file")]
    Cancelled,
    /// An extractor crashed on this file.
    #[error("the extractor failed on this file ({0}): report it with the file attached")]
    Crashed(String),
    /// A sidecar metadata file that cannot be used.
    #[error("bad metadata sidecar {path}: {detail}: fix or remove it")]
    Sidecar {
        /// The sidecar file.
        path: String,
        /// What is wrong with it.
        detail: String,
    },
}

fn mib(bytes: u64) -> String {
    let m = bytes as f64 / (1024.0 * 1024.0);
    if m >= 10.0 || m.fract() == 0.0 { format!("{m:.0}") } else { format!("{m:.1}") }
}

/// The ingest result type.
pub type Result<T, E = Error> = std::result::Result<T, E>;
