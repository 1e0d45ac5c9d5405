//! Bounded measurement of how far a PDF's streams inflate, before anything inflates them.
//!
//! lopdf and pdf-extract decompress streams into memory whole, with no limit: a 1 MB file of
//! FlateDecode zeros becomes 1 GiB, and two chained FlateDecode filters reach a thousand times
//! that. So before lopdf sees the file, [`check_raw`] finds every stream in the raw bytes
//! (object streams and cross-reference streams included, which lopdf inflates while loading),
//! reads its filter chain, and runs the same decoders as lopdf (Flate with its raw-deflate
//! fallback, LZW, ASCII85) as streaming readers into a counter: memory stays a few buffers
//! whatever the stream says, and counting stops one byte past the limit. Streams of an
//! encrypted file are measured again after decryption with [`check_document`].

use std::io::{self, BufRead, BufReader, Read};

use lopdf::{Dictionary, Object};

use crate::{Error, Limits, Result};

/// What inflating every stream would cost, counted so far.
struct Budget<'a> {
    limits: &'a Limits,
    total: u64,
}

impl Budget<'_> {
    /// Counts one stream's inflated size, refusing when it passes either limit.
    fn charge(
        &mut self,
        filters: &[Vec<u8>],
        params: Option<&Dictionary>,
        raw: &[u8],
    ) -> Result<()> {
        let n = self.measure(filters, params, raw)?;
        self.account(n)
    }

    /// Counts the largest of what the usual filter chains make of a stream whose dictionary
    /// could not be read.
    fn charge_worst(&mut self, raw: &[u8]) -> Result<()> {
        let chains: [&[&[u8]]; 4] = [
            &[b"FlateDecode"],
            &[b"FlateDecode", b"FlateDecode"],
            &[b"LZWDecode"],
            &[b"ASCII85Decode", b"FlateDecode"],
        ];
        let mut worst = 0;
        for chain in chains {
            let chain: Vec<Vec<u8>> = chain.iter().map(|f| f.to_vec()).collect();
            worst = worst.max(self.measure(&chain, None, raw)?);
        }
        self.account(worst)
    }

    /// Inflated size, counted one byte past what either limit still allows.
    fn measure(&self, filters: &[Vec<u8>], params: Option<&Dictionary>, raw: &[u8]) -> Result<u64> {
        let Some(reader) = decoder(filters, params, raw) else {
            return Ok(0);
        };
        let left = self.limits.max_pdf_inflated.saturating_sub(self.total);
        let cap = self.limits.max_pdf_stream.min(left);
        io::copy(&mut reader.take(cap.saturating_add(1)), &mut io::sink()).or_else(|e| partial(&e))
    }

    fn account(&mut self, n: u64) -> Result<()> {
        if n > self.limits.max_pdf_stream {
            return Err(Error::PdfStreamTooLarge(self.limits.max_pdf_stream));
        }
        self.total += n;
        if self.total > self.limits.max_pdf_inflated {
            return Err(Error::PdfInflatesTooFar(self.limits.max_pdf_inflated));
        }
        Ok(())
    }
}

/// A decoding error ends a stream where lopdf would end it too (it keeps what it decoded),
/// so it is not an error here; `io::copy` has already counted nothing past it.
fn partial(_: &io::Error) -> Result<u64> {
    Ok(0)
}

/// Measures every stream found in the raw bytes of a PDF.
pub(crate) fn check_raw(bytes: &[u8], limits: &Limits) -> Result<()> {
    let mut budget = Budget { limits, total: 0 };
    let mut floor = 0;
    let mut at = 0;
    while let Some(found) = memfind(&bytes[at..], b"stream") {
        let pos = at + found;
        at = pos + b"stream".len();
        if bytes[..pos].ends_with(b"end") {
            continue;
        }
        let Some(data) = stream_data(bytes, at) else { continue };
        // The dictionary sits between the object header and the keyword; a window that
        // starts at the previous stream keeps the scan linear in the file.
        let window = &bytes[floor..pos];
        floor = pos;
        match dictionary(window) {
            Some(dict) => budget.charge(&filters(&dict), params(&dict), &bytes[data..])?,
            // A dictionary this scan cannot read is measured as the worst of the usual chains.
            None => budget.charge_worst(&bytes[data..])?,
        }
    }
    Ok(())
}

/// Measures every stream of a loaded document; used once an encrypted file is decrypted,
/// since the raw bytes of its streams are ciphertext.
pub(crate) fn check_document(doc: &lopdf::Document, limits: &Limits) -> Result<()> {
    let mut budget = Budget { limits, total: 0 };
    for object in doc.objects.values() {
        if let Object::Stream(stream) = object {
            budget.charge(&filters(&stream.dict), params(&stream.dict), &stream.content)?;
        }
    }
    Ok(())
}

/// Where a stream's data starts: after the keyword, spaces or tabs, and an end of line (as
/// lopdf's parser accepts it).
fn stream_data(bytes: &[u8], after: usize) -> Option<usize> {
    let after =
        after + bytes.get(after..)?.iter().take_while(|b| matches!(b, b' ' | b'\t')).count();
    match bytes.get(after..(after + 2).min(bytes.len()))? {
        [b'\r', b'\n'] => Some(after + 2),
        [b'\n', ..] | [b'\r', ..] => Some(after + 1),
        _ => None,
    }
}

/// Parses the dictionary before a stream keyword with lopdf's own content parser, so that
/// strings and nested dictionaries are read as lopdf reads them. The parse starts after an
/// `obj` keyword: the last one, or an earlier one when the last sat in a string; after 16
/// tries the caller assumes the worst.
fn dictionary(window: &[u8]) -> Option<Dictionary> {
    let mut end = window.len();
    for _ in 0..16 {
        let start = rfind(&window[..end], b"obj")?;
        end = start;
        if window[..start].ends_with(b"end") {
            continue;
        }
        let mut source = without_comments(&window[start + 3..]);
        source.extend_from_slice(b" stream");
        let Ok(content) = lopdf::content::Content::decode(&source) else { continue };
        let dict =
            content.operations.into_iter().rev().find(|op| op.operator == "stream").and_then(
                |op| op.operands.into_iter().rev().find_map(|o| o.as_dict().ok().cloned()),
            );
        if dict.is_some() {
            return dict;
        }
    }
    None
}

/// `text` with its comments blanked: lopdf's object parser skips them where its content parser
/// stops at them. Literal strings (nested parentheses, backslash escapes) are left alone.
fn without_comments(text: &[u8]) -> Vec<u8> {
    let mut out = text.to_vec();
    let (mut depth, mut escaped, mut comment) = (0usize, false, false);
    for b in &mut out {
        if comment {
            if matches!(*b, b'\r' | b'\n') {
                comment = false;
            } else {
                *b = b' ';
            }
        } else if depth > 0 {
            match *b {
                _ if escaped => escaped = false,
                b'\\' => escaped = true,
                b'(' => depth += 1,
                b')' => depth -= 1,
                _ => {}
            }
        } else if *b == b'(' {
            depth = 1;
        } else if *b == b'%' {
            comment = true;
            *b = b' ';
        }
    }
    out
}

/// The stream's filters in decoding order, as lopdf reads them (a name or an array of names).
fn filters(dict: &Dictionary) -> Vec<Vec<u8>> {
    match dict.get(b"Filter") {
        Ok(Object::Name(n)) => vec![n.clone()],
        Ok(Object::Array(a)) => {
            a.iter().filter_map(|o| o.as_name().ok().map(<[u8]>::to_vec)).collect()
        }
        _ => Vec::new(),
    }
}

fn params(dict: &Dictionary) -> Option<&Dictionary> {
    dict.get(b"DecodeParms").and_then(Object::as_dict).ok()
}

/// The chain of streaming decoders lopdf would apply, or `None` when lopdf would not inflate
/// the stream at all (no filter, or one it does not implement, such as DCTDecode).
fn decoder<'a>(
    filters: &[Vec<u8>],
    params: Option<&Dictionary>,
    raw: &'a [u8],
) -> Option<Box<dyn Read + 'a>> {
    if filters.is_empty() {
        return None;
    }
    let mut reader: Box<dyn Read + 'a> = Box::new(raw);
    for filter in filters {
        reader = match filter.as_slice() {
            b"FlateDecode" => flate(reader),
            b"LZWDecode" => Box::new(Lzw::new(reader, early_change(params))),
            b"ASCII85Decode" => Box::new(Ascii85::new(reader)),
            _ => return None,
        };
    }
    Some(reader)
}

fn early_change(params: Option<&Dictionary>) -> bool {
    params
        .and_then(|p| p.get(b"EarlyChange").ok())
        .and_then(|p| p.as_i64().ok())
        .is_none_or(|v| v != 0)
}

/// Zlib, or raw deflate after the first two bytes when they are no zlib header: lopdf falls
/// back to that when zlib yields nothing.
fn flate<'a>(mut inner: Box<dyn Read + 'a>) -> Box<dyn Read + 'a> {
    let mut header = [0u8; 2];
    let mut got = 0;
    while got < 2 {
        match inner.read(&mut header[got..]) {
            Ok(0) | Err(_) => break,
            Ok(n) => got += n,
        }
    }
    let zlib = got == 2
        && header[0] & 0x0F == 8
        && (u16::from(header[0]) << 8 | u16::from(header[1])) % 31 == 0;
    if zlib {
        let rest = io::Cursor::new(header).chain(inner);
        Box::new(flate2::read::ZlibDecoder::new(rest))
    } else {
        Box::new(flate2::read::DeflateDecoder::new(inner))
    }
}

/// LZW as lopdf decodes it (weezl, MSB first, 8-bit symbols), as a reader.
struct Lzw<R> {
    inner: BufReader<R>,
    decoder: weezl::decode::Decoder,
    done: bool,
}

impl<R: Read> Lzw<R> {
    fn new(inner: R, early_change: bool) -> Self {
        let decoder = if early_change {
            weezl::decode::Decoder::with_tiff_size_switch(weezl::BitOrder::Msb, 8)
        } else {
            weezl::decode::Decoder::new(weezl::BitOrder::Msb, 8)
        };
        Lzw { inner: BufReader::new(inner), decoder, done: false }
    }
}

impl<R: Read> Read for Lzw<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        while !self.done && !out.is_empty() {
            let input = self.inner.fill_buf()?;
            let at_end = input.is_empty();
            let result = self.decoder.decode_bytes(input, out);
            self.inner.consume(result.consumed_in);
            match result.status {
                Ok(weezl::LzwStatus::Done) | Err(_) => self.done = true,
                Ok(weezl::LzwStatus::NoProgress) if at_end => self.done = true,
                _ => {}
            }
            if result.consumed_out > 0 {
                return Ok(result.consumed_out);
            }
            if at_end && result.consumed_in == 0 {
                self.done = true;
            }
        }
        Ok(0)
    }
}

/// ASCII85 as lopdf decodes it: groups of five, `z` for four zeros, stopping at the first
/// byte outside the alphabet (the `~` of the end marker included).
struct Ascii85<R> {
    inner: BufReader<R>,
    group: u32,
    count: usize,
    pending: [u8; 4],
    pending_len: usize,
    pending_at: usize,
    done: bool,
}

impl<R: Read> Ascii85<R> {
    fn new(inner: R) -> Self {
        Ascii85 {
            inner: BufReader::new(inner),
            group: 0,
            count: 0,
            pending: [0; 4],
            pending_len: 0,
            pending_at: 0,
            done: false,
        }
    }

    /// Decodes input until a group is ready in `pending`, or the data ends.
    fn refill(&mut self) -> io::Result<()> {
        while self.pending_at == self.pending_len && !self.done {
            let mut byte = [0u8];
            if self.inner.read(&mut byte)? == 0 || !self.push(byte[0]) {
                self.finish();
            }
        }
        Ok(())
    }

    /// Takes one input byte; false when decoding ends here.
    fn push(&mut self, ch: u8) -> bool {
        if ch == b'z' && self.count == 0 {
            self.emit(0, 4);
            return true;
        }
        if ch.is_ascii_whitespace() {
            return true;
        }
        if !(b'!'..=b'u').contains(&ch) {
            return false;
        }
        let Some(group) =
            self.group.checked_mul(85).and_then(|g| g.checked_add(u32::from(ch - b'!')))
        else {
            return false;
        };
        self.group = group;
        self.count += 1;
        if self.count == 5 {
            self.emit(self.group, 4);
            self.group = 0;
            self.count = 0;
        }
        true
    }

    fn finish(&mut self) {
        self.done = true;
        if self.count > 0 {
            let mut group = self.group;
            for _ in self.count..5 {
                group = group.wrapping_mul(85).wrapping_add(84);
            }
            self.emit(group, self.count - 1);
        }
    }

    fn emit(&mut self, group: u32, len: usize) {
        self.pending = group.to_be_bytes();
        self.pending_len = len;
        self.pending_at = 0;
    }
}

impl<R: Read> Read for Ascii85<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        let mut n = 0;
        while n < out.len() {
            self.refill()?;
            if self.pending_at == self.pending_len {
                break;
            }
            let take = (self.pending_len - self.pending_at).min(out.len() - n);
            out[n..n + take]
                .copy_from_slice(&self.pending[self.pending_at..self.pending_at + take]);
            self.pending_at += take;
            n += take;
        }
        Ok(n)
    }
}

fn memfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w == needle)
}

fn rfind(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).rposition(|w| w == needle)
}

#[cfg(test)]
mod tests;
