//! What the fuzz targets share: turning the first byte of an input into the
//! choices a user makes in the import dialog (encoding, separator), so that
//! one corpus explores every combination.

use std::io::Read;

use hvemved_core::interchange::text_decode::{self, TextEncoding};
use hvemved_core::interchange::text_stream::{detect_streaming, DecodingReader};

/// Every encoding the import offers, in the order a selector picks them.
pub const ENCODINGS: [TextEncoding; 5] = [
    TextEncoding::Utf8,
    TextEncoding::Utf8Bom,
    TextEncoding::Utf16Le,
    TextEncoding::Utf16Be,
    TextEncoding::Windows1252,
];

/// How the bytes of a file reach a parser.
pub enum Source {
    /// Decoded as a stream in a chosen encoding, as a file on disk is.
    Stream(TextEncoding),
    /// Detected and decoded whole, then given as text, as the HTTP face's
    /// already decoded text is.
    Whole,
    /// Streamed in the detected encoding after a line the format skips,
    /// which puts the rest of the file across the decoder's first chunk
    /// boundary (see [`across_chunks`]): the seams between chunks are where
    /// a streaming decoder goes wrong, and inputs long enough to reach them
    /// are rare otherwise.
    AcrossChunks,
    /// Straight to the stream parser without decoding: outside the
    /// parser's contract (UTF-8 only), but it must still not panic.
    Raw,
}

impl Source {
    pub fn from_selector(selector: u8) -> Source {
        match selector % 8 {
            index @ 0..=4 => Source::Stream(ENCODINGS[usize::from(index)]),
            5 => Source::Whole,
            6 => Source::AcrossChunks,
            _ => Source::Raw,
        }
    }
}

/// The separator the user may have chosen; some choices are refused by the
/// parser, which is part of what is tried.
pub fn delimiter_from_selector(selector: u8) -> Option<u8> {
    match selector % 8 {
        1 => Some(b';'),
        2 => Some(b','),
        3 => Some(b'\t'),
        4 => Some(b'|'),
        5 => Some(b'"'),
        _ => None,
    }
}

/// The decoder's chunk and the parsers' look-ahead for the separator.
const CHUNK_BYTES: usize = 64 * 1024;

/// For [`Source::AcrossChunks`]: the file's first byte says how far before
/// the boundary the rest of it starts. One line that the format skips is
/// put first, after the byte order mark and in the file's encoding, so the
/// text means the same: `skipped_line_start` and spaces. One long line
/// rather than many blank ones, so that the padding costs little time.
pub fn across_chunks(file: &[u8], skipped_line_start: &str) -> Option<(Vec<u8>, TextEncoding)> {
    let (&before_boundary, file) = file.split_first()?;
    let (bom, unit_bytes, high_byte_first): (&[u8], usize, bool) = if file.starts_with(b"\xEF\xBB\xBF") {
        (&file[..3], 1, false)
    } else if file.starts_with(b"\xFF\xFE") {
        (&file[..2], 2, false)
    } else if file.starts_with(b"\xFE\xFF") {
        (&file[..2], 2, true)
    } else {
        (&[], 1, false)
    };
    let line_bytes = CHUNK_BYTES - usize::from(before_boundary) - bom.len();
    let spaces = (line_bytes / unit_bytes).saturating_sub(skipped_line_start.len() + 1);
    let line = format!("{skipped_line_start}{}\n", " ".repeat(spaces));
    let mut padded = Vec::with_capacity(CHUNK_BYTES + file.len());
    padded.extend_from_slice(bom);
    for &byte in line.as_bytes() {
        match (unit_bytes, high_byte_first) {
            (1, _) => padded.push(byte),
            (_, false) => padded.extend_from_slice(&[byte, 0]),
            (_, true) => padded.extend_from_slice(&[0, byte]),
        }
    }
    padded.extend_from_slice(&file[bom.len()..]);
    let encoding = detect_streaming(&padded[..]).ok()?;
    Some((padded, encoding))
}

/// The first byte chooses, the rest is the file.
pub fn split_selector(data: &[u8]) -> Option<(u8, &[u8])> {
    data.split_first().map(|(selector, rest)| (*selector, rest))
}

/// The file as whole text, when its detected encoding reads it.
pub fn whole_text(bytes: &[u8]) -> Option<String> {
    text_decode::decode_detected(bytes).ok().map(|(text, _)| text)
}

/// The file's text as the stream decoder reads it, after checking that
/// the whole-file decoder reads it alike; `None` when both refuse it.
pub fn decoded_both_ways(bytes: &[u8], encoding: TextEncoding) -> Option<String> {
    let mut streamed = String::new();
    let streamed = DecodingReader::new(bytes, encoding)
        .read_to_string(&mut streamed)
        .ok()
        .map(|_| streamed);
    let whole = text_decode::decode(bytes, encoding).ok();
    assert_eq!(streamed, whole, "streaming and whole decoding disagree");
    streamed
}
