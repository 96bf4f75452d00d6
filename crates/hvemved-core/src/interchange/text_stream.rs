//! The same decoding as [`super::text_decode`], for a file read in pieces: a
//! 200 MB export from the HR system is turned into rows a buffer at a time
//! instead of being held whole, once as bytes and once as text.

use std::io::{self, Read};

use encoding_rs::{DecoderResult, Encoding};

use super::text_decode::{self, DecodeError, TextEncoding};

const CHUNK_BYTES: usize = 64 * 1024;

/// Detects the encoding of a file by reading it through once, with the
/// rules of [`text_decode::detect`]: a byte order mark decides; otherwise
/// UTF-8 when every byte is valid UTF-8, else Windows-1252. Only one chunk
/// is held at a time.
pub fn detect_streaming(mut source: impl Read) -> io::Result<TextEncoding> {
    let mut buffer = vec![0u8; CHUNK_BYTES];
    let mut carried = 0;
    let mut first = true;
    loop {
        let read = read_full(&mut source, &mut buffer[carried..])?;
        let filled = carried + read;
        if first {
            first = false;
            let by_start = text_decode::detect(&buffer[..filled.min(3)]);
            if !matches!(by_start, TextEncoding::Utf8 | TextEncoding::Windows1252) {
                return Ok(by_start);
            }
        }
        if read == 0 {
            // A multi-byte sequence cut off by the end of the file.
            return Ok(if carried == 0 {
                TextEncoding::Utf8
            } else {
                TextEncoding::Windows1252
            });
        }
        match std::str::from_utf8(&buffer[..filled]) {
            Ok(_) => carried = 0,
            // Only the chunk's end cut a sequence: carry it to the next one.
            Err(error) if error.error_len().is_none() => {
                let valid = error.valid_up_to();
                buffer.copy_within(valid..filled, 0);
                carried = filled - valid;
            }
            Err(_) => return Ok(TextEncoding::Windows1252),
        }
    }
}

/// Reads until `buffer` is full or the source ends.
fn read_full(source: &mut impl Read, buffer: &mut [u8]) -> io::Result<usize> {
    let mut filled = 0;
    while filled < buffer.len() {
        match source.read(&mut buffer[filled..]) {
            Ok(0) => break,
            Ok(read) => filled += read,
            Err(error) if error.kind() == io::ErrorKind::Interrupted => {}
            Err(error) => return Err(error),
        }
    }
    Ok(filled)
}

/// Reads a source in the given encoding and yields UTF-8, dropping that
/// encoding's byte order mark. Malformed UTF-8 or UTF-16 is an
/// [`io::ErrorKind::InvalidData`] error carrying a [`DecodeError`], as
/// [`text_decode::decode`] refuses it: a user who chose the encoding should
/// learn it was the wrong one, not get silently damaged names.
pub struct DecodingReader<R> {
    source: R,
    encoding: TextEncoding,
    decoder: encoding_rs::Decoder,
    input: Box<[u8]>,
    input_start: usize,
    input_end: usize,
    source_ended: bool,
    output: Box<[u8]>,
    output_start: usize,
    output_end: usize,
    finished: bool,
    /// Source bytes decoded so far, to say where a malformed one sits.
    consumed: u64,
}

impl<R: Read> DecodingReader<R> {
    pub fn new(source: R, encoding: TextEncoding) -> DecodingReader<R> {
        let decoder = encoding_rs_for(encoding).new_decoder_with_bom_removal();
        let output_len = decoder
            .max_utf8_buffer_length_without_replacement(CHUNK_BYTES)
            .unwrap_or(4 * CHUNK_BYTES);
        DecodingReader {
            source,
            encoding,
            decoder,
            input: vec![0; CHUNK_BYTES].into_boxed_slice(),
            input_start: 0,
            input_end: 0,
            source_ended: false,
            output: vec![0; output_len].into_boxed_slice(),
            output_start: 0,
            output_end: 0,
            finished: false,
            consumed: 0,
        }
    }

    /// Decodes the next piece of the source into `output`.
    fn refill(&mut self) -> io::Result<()> {
        while self.output_start == self.output_end && !self.finished {
            if self.input_start == self.input_end && !self.source_ended {
                let read = read_full(&mut self.source, &mut self.input)?;
                self.input_start = 0;
                self.input_end = read;
                self.source_ended = read == 0;
            }
            let input = &self.input[self.input_start..self.input_end];
            let (result, read, written) =
                self.decoder
                    .decode_to_utf8_without_replacement(input, &mut self.output, self.source_ended);
            self.input_start += read;
            self.consumed += read as u64;
            self.output_start = 0;
            self.output_end = written;
            match result {
                DecoderResult::Malformed(bad, after) => {
                    let offset = self.consumed - u64::from(bad) - u64::from(after);
                    return Err(io::Error::new(
                        io::ErrorKind::InvalidData,
                        DecodeError::Malformed {
                            encoding: self.encoding,
                            offset: usize::try_from(offset).unwrap_or(usize::MAX),
                        },
                    ));
                }
                DecoderResult::InputEmpty => self.finished = self.source_ended,
                DecoderResult::OutputFull => {}
            }
        }
        Ok(())
    }
}

impl<R: Read> Read for DecodingReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        self.refill()?;
        let available = &self.output[self.output_start..self.output_end];
        let copied = available.len().min(out.len());
        out[..copied].copy_from_slice(&available[..copied]);
        self.output_start += copied;
        Ok(copied)
    }
}

fn encoding_rs_for(encoding: TextEncoding) -> &'static Encoding {
    match encoding {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => encoding_rs::UTF_8,
        TextEncoding::Utf16Le => encoding_rs::UTF_16LE,
        TextEncoding::Utf16Be => encoding_rs::UTF_16BE,
        TextEncoding::Windows1252 => encoding_rs::WINDOWS_1252,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads through a reader that hands out at most `step` bytes per call,
    /// so that chunk boundaries fall inside multi-byte sequences.
    struct Trickle<'a> {
        bytes: &'a [u8],
        step: usize,
    }

    impl Read for Trickle<'_> {
        fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
            let n = self.step.min(out.len()).min(self.bytes.len());
            out[..n].copy_from_slice(&self.bytes[..n]);
            self.bytes = &self.bytes[n..];
            Ok(n)
        }
    }

    fn decoded(bytes: &[u8], encoding: TextEncoding, step: usize) -> io::Result<String> {
        let mut text = String::new();
        DecodingReader::new(Trickle { bytes, step }, encoding).read_to_string(&mut text)?;
        Ok(text)
    }

    fn samples() -> Vec<(Vec<u8>, TextEncoding)> {
        let danish = "Navn;Afdeling\r\nSøren Ærø;Børn og Unge\r\nÅse Ågård;Ældre\r\n";
        let mut utf8_bom = vec![0xEF, 0xBB, 0xBF];
        utf8_bom.extend(danish.as_bytes());
        let mut utf16_le = vec![0xFF, 0xFE];
        utf16_le.extend(danish.encode_utf16().flat_map(u16::to_le_bytes));
        let mut utf16_be = vec![0xFE, 0xFF];
        utf16_be.extend(danish.encode_utf16().flat_map(u16::to_be_bytes));
        let (windows, _, _) = encoding_rs::WINDOWS_1252.encode(danish);
        vec![
            (danish.as_bytes().to_vec(), TextEncoding::Utf8),
            (utf8_bom, TextEncoding::Utf8Bom),
            (utf16_le, TextEncoding::Utf16Le),
            (utf16_be, TextEncoding::Utf16Be),
            (windows.into_owned(), TextEncoding::Windows1252),
        ]
    }

    #[test]
    fn streaming_reads_what_whole_file_decoding_reads() {
        for (bytes, encoding) in samples() {
            let whole = text_decode::decode(&bytes, encoding).unwrap();
            for step in [1, 2, 3, 7, 4096] {
                assert_eq!(
                    decoded(&bytes, encoding, step).unwrap(),
                    whole,
                    "{encoding} in steps of {step}"
                );
            }
        }
    }

    #[test]
    fn streaming_detection_agrees_with_whole_file_detection() {
        for (bytes, encoding) in samples() {
            assert_eq!(
                detect_streaming(Trickle {
                    bytes: &bytes,
                    step: 3
                })
                .unwrap(),
                encoding
            );
            assert_eq!(text_decode::detect(&bytes), encoding);
        }
    }

    #[test]
    fn a_byte_invalid_in_utf8_far_into_the_file_makes_it_windows_1252() {
        let mut bytes = "Navn;Mail\n".repeat(20_000).into_bytes();
        bytes.extend([b'S', 0xF8, b'r', b'e', b'n', b'\n']);
        assert_eq!(detect_streaming(&bytes[..]).unwrap(), TextEncoding::Windows1252);
        // A two-byte "ø" cut by the chunk boundary is still valid UTF-8.
        let mut straddling = vec![b'a'; CHUNK_BYTES - 1];
        straddling.extend("ø\n".as_bytes());
        assert_eq!(detect_streaming(&straddling[..]).unwrap(), TextEncoding::Utf8);
    }

    #[test]
    fn malformed_utf8_is_an_error_naming_its_offset() {
        let bytes = b"Navn\nS\xF8ren\n";
        let error = decoded(bytes, TextEncoding::Utf8, 2).unwrap_err();
        assert_eq!(error.kind(), io::ErrorKind::InvalidData);
        assert_eq!(
            error.to_string(),
            "the file is not valid UTF-8: unexpected bytes at byte offset 6"
        );
    }

    #[test]
    fn an_odd_trailing_byte_in_utf16_is_an_error() {
        let mut bytes = vec![0xFF, 0xFE];
        bytes.extend("Navn".encode_utf16().flat_map(u16::to_le_bytes));
        bytes.push(b'x');
        assert!(decoded(&bytes, TextEncoding::Utf16Le, 5).is_err());
    }
}
