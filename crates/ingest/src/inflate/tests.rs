//! Decompression bombs of every filter lopdf inflates are refused before inflating; ordinary
//! compressed PDFs still read.

use std::io::Write;

use crate::{Error, Limits, extract};

const PAGE_TEXT: &[u8] =
    b"BT /F1 12 Tf 72 712 Td (A page of ordinary text for the reader.) Tj ET\n";

fn zlib(data: &[u8]) -> Vec<u8> {
    let mut e = flate2::write::ZlibEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(data).unwrap();
    e.finish().unwrap()
}

fn lzw(data: &[u8]) -> Vec<u8> {
    weezl::encode::Encoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8).encode(data).unwrap()
}

fn ascii85(data: &[u8]) -> Vec<u8> {
    let mut out = Vec::new();
    for chunk in data.chunks(4) {
        let mut group = [0u8; 4];
        group[..chunk.len()].copy_from_slice(chunk);
        let mut n = u32::from_be_bytes(group);
        if n == 0 && chunk.len() == 4 {
            out.push(b'z');
            continue;
        }
        let mut digits = [0u8; 5];
        for d in digits.iter_mut().rev() {
            *d = (n % 85) as u8 + b'!';
            n /= 85;
        }
        out.extend_from_slice(&digits[..chunk.len() + 1]);
    }
    out.extend_from_slice(b"~>");
    out
}

/// A one-page PDF whose content stream has `dict` entries (a filter) and `data`, plus extra
/// streams; `/Length` is an indirect reference, as many writers make it.
fn pdf(dict: &str, data: &[u8], extra: &[(&str, Vec<u8>)]) -> Vec<u8> {
    pdf_with(dict, ">>\nstream\n", data, extra)
}

/// [`pdf`] with the content stream's dictionary closed by `close` (`>>`, the keyword and its
/// end of line, however written).
fn pdf_with(dict: &str, close: &str, data: &[u8], extra: &[(&str, Vec<u8>)]) -> Vec<u8> {
    let mut objects: Vec<Vec<u8>> = vec![
        b"<< /Type /Catalog /Pages 2 0 R >>".to_vec(),
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>".to_vec(),
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R /Resources << /Font << /F1 6 0 R >> >> >>".to_vec(),
    ];
    let mut stream = format!("<< /Length 5 0 R {dict} {close}").into_bytes();
    stream.extend_from_slice(data);
    stream.extend_from_slice(b"\nendstream");
    objects.push(stream);
    objects.push(data.len().to_string().into_bytes());
    objects.push(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>".to_vec());
    for (dict, data) in extra {
        let mut stream = format!("<< /Length {} {dict} >>\nstream\n", data.len()).into_bytes();
        stream.extend_from_slice(data);
        stream.extend_from_slice(b"\nendstream");
        objects.push(stream);
    }
    let mut out = b"%PDF-1.4\n".to_vec();
    let mut offsets = Vec::new();
    for (i, o) in objects.iter().enumerate() {
        offsets.push(out.len());
        out.extend_from_slice(format!("{} 0 obj\n", i + 1).as_bytes());
        out.extend_from_slice(o);
        out.extend_from_slice(b"\nendobj\n");
    }
    let xref = out.len();
    out.extend_from_slice(
        format!("xref\n0 {}\n0000000000 65535 f \n", objects.len() + 1).as_bytes(),
    );
    for o in offsets {
        out.extend_from_slice(format!("{o:010} 00000 n \n").as_bytes());
    }
    out.extend_from_slice(
        format!(
            "trailer\n<< /Size {} /Root 1 0 R >>\nstartxref\n{xref}\n%%EOF\n",
            objects.len() + 1
        )
        .as_bytes(),
    );
    out
}

/// Page text followed by `pad` spaces: what a bomb inflates to.
fn padded(pad: usize) -> Vec<u8> {
    let mut v = PAGE_TEXT.to_vec();
    v.resize(PAGE_TEXT.len() + pad, b' ');
    v
}

fn small() -> Limits {
    Limits { max_pdf_stream: 1 << 20, max_pdf_inflated: 2 << 20, ..Limits::default() }
}

#[test]
fn an_ordinary_compressed_pdf_reads() {
    let bytes = pdf("/Filter /FlateDecode", &zlib(PAGE_TEXT), &[]);
    let ex = extract(&bytes, "x.pdf", &small()).unwrap();
    assert!(ex.text.contains("A page of ordinary text"), "{}", ex.text);
}

#[test]
fn a_flate_bomb_is_refused_by_its_stream_limit() {
    let bytes = pdf("/Filter /FlateDecode", &zlib(&padded(8 << 20)), &[]);
    assert!(bytes.len() < 64 << 10);
    let err = extract(&bytes, "x.pdf", &small()).unwrap_err();
    assert!(matches!(err, Error::PdfStreamTooLarge(l) if l == 1 << 20), "{err}");
    assert!(err.to_string().starts_with("a PDF stream inflates past 1 MiB"), "{err}");
}

#[test]
fn many_streams_under_the_stream_limit_are_refused_by_the_document_limit() {
    let part = zlib(&vec![b' '; 900 << 10]);
    let extra: Vec<(&str, Vec<u8>)> =
        (0..3).map(|_| ("/Filter /FlateDecode", part.clone())).collect();
    let bytes = pdf("/Filter /FlateDecode", &zlib(PAGE_TEXT), &extra);
    let err = extract(&bytes, "x.pdf", &small()).unwrap_err();
    assert!(matches!(err, Error::PdfInflatesTooFar(_)), "{err}");
    assert!(err.to_string().starts_with("PDF streams inflate past 2 MiB:"), "{err}");
    // The same file within a larger budget reads.
    let roomy = Limits { max_pdf_inflated: 8 << 20, ..small() };
    assert!(extract(&bytes, "x.pdf", &roomy).is_ok());
}

#[test]
fn chained_filters_are_measured_through_every_layer() {
    // Twice-deflated: the outer layer alone inflates to a few kilobytes.
    let twice = zlib(&zlib(&padded(64 << 20)));
    assert!(twice.len() < 4 << 10, "{}", twice.len());
    let bytes = pdf("/Filter [/FlateDecode /FlateDecode]", &twice, &[]);
    assert!(matches!(extract(&bytes, "x.pdf", &small()), Err(Error::PdfStreamTooLarge(_))));

    let bytes =
        pdf("/Filter [/ASCII85Decode /FlateDecode]", &ascii85(&zlib(&padded(4 << 20))), &[]);
    assert!(matches!(extract(&bytes, "x.pdf", &small()), Err(Error::PdfStreamTooLarge(_))));
    let fine = pdf("/Filter [/ASCII85Decode /FlateDecode]", &ascii85(&zlib(PAGE_TEXT)), &[]);
    assert!(extract(&fine, "x.pdf", &small()).unwrap().text.contains("ordinary text"));
}

#[test]
fn lzw_and_raw_deflate_bombs_are_refused() {
    let bytes = pdf("/Filter /LZWDecode", &lzw(&padded(4 << 20)), &[]);
    assert!(matches!(extract(&bytes, "x.pdf", &small()), Err(Error::PdfStreamTooLarge(_))));
    let fine = pdf("/Filter /LZWDecode", &lzw(PAGE_TEXT), &[]);
    assert!(extract(&fine, "x.pdf", &small()).unwrap().text.contains("ordinary text"));

    // No zlib header: lopdf retries as raw deflate after two bytes, so the scan does too.
    let mut raw = b"xx".to_vec();
    let mut e = flate2::write::DeflateEncoder::new(Vec::new(), flate2::Compression::best());
    e.write_all(&padded(4 << 20)).unwrap();
    raw.extend(e.finish().unwrap());
    let bytes = pdf("/Filter /FlateDecode", &raw, &[]);
    assert!(matches!(extract(&bytes, "x.pdf", &small()), Err(Error::PdfStreamTooLarge(_))));
}

#[test]
fn an_unreferenced_stream_counts_too() {
    // lopdf inflates object and cross-reference streams while loading, whatever refers to
    // them, so the scan measures every stream in the file.
    let extra = [("/Type /ObjStm /N 0 /First 0 /Filter /FlateDecode", zlib(&vec![0u8; 4 << 20]))];
    let bytes = pdf("/Filter /FlateDecode", &zlib(PAGE_TEXT), &extra);
    assert!(matches!(extract(&bytes, "x.pdf", &small()), Err(Error::PdfStreamTooLarge(_))));
}

#[test]
fn dictionaries_written_to_mislead_the_scan_are_still_read() {
    let bomb = zlib(&zlib(&padded(64 << 20)));
    let twice = "/Filter [/FlateDecode /FlateDecode]";
    // "obj" inside a string of the dictionary, a comment before the keyword, spaces after it.
    let tricks = [
        ("/Note (obj) /Other (1 0 obj <<)", ">>\nstream\n"),
        ("", ">> % a comment\nstream\n"),
        ("", ">>\nstream  \r\n"),
    ];
    // Too many decoys for the parser to try: the stream is measured as the worst usual chain.
    let decoys = "/A (obj) ".repeat(20);
    let tricks = tricks.into_iter().chain([(decoys.as_str(), ">>\nstream\n")]);
    for (extra, close) in tricks {
        let bytes = pdf_with(&format!("{twice} {extra}"), close, &bomb, &[]);
        let got = extract(&bytes, "x.pdf", &small());
        assert!(matches!(got, Err(Error::PdfStreamTooLarge(_))), "{extra:?} {close:?}: {got:?}");
    }
    // The same tricks around an ordinary stream leave it readable.
    let bytes =
        pdf_with("/Filter /FlateDecode /Note (obj)", ">> % c\nstream \n", &zlib(PAGE_TEXT), &[]);
    assert!(extract(&bytes, "x.pdf", &small()).unwrap().text.contains("ordinary text"));
}
