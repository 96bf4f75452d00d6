//! Turns the bytes of an exported file into text. Danish users hand over
//! what their tools wrote: UTF-8 with or without a byte order mark, UTF-16
//! from "Unicode text" in Excel, and Windows-1252 from Danish Excel's plain
//! "CSV (semikolonsepareret)", which carries no marker at all. Detection
//! trusts a byte order mark first, then valid UTF-8, and falls back to
//! Windows-1252 because every byte sequence is valid there.

use serde::Serialize;

use super::MAX_FILE_BYTES;

const UTF8_BOM: &[u8] = &[0xEF, 0xBB, 0xBF];
const UTF16_LE_BOM: &[u8] = &[0xFF, 0xFE];
const UTF16_BE_BOM: &[u8] = &[0xFE, 0xFF];

/// How a file's bytes encode its text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum TextEncoding {
    Utf8,
    Utf8Bom,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

impl TextEncoding {
    /// The name shown to the user in the import preview.
    pub fn label(self) -> &'static str {
        match self {
            TextEncoding::Utf8 => "UTF-8",
            TextEncoding::Utf8Bom => "UTF-8 med BOM",
            TextEncoding::Utf16Le => "UTF-16 LE",
            TextEncoding::Utf16Be => "UTF-16 BE",
            TextEncoding::Windows1252 => "Windows-1252",
        }
    }
}

impl std::fmt::Display for TextEncoding {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// Why bytes could not be read as text in the chosen encoding.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum DecodeError {
    #[error("the file is not valid {encoding}: unexpected bytes at byte offset {offset}")]
    Malformed { encoding: TextEncoding, offset: usize },
    #[error("the file is {bytes} bytes; at most {max} bytes can be imported", max = MAX_FILE_BYTES)]
    TooLarge { bytes: u64 },
}

/// Guesses the encoding: a byte order mark decides; otherwise UTF-8 when
/// the bytes are valid UTF-8, else Windows-1252.
pub fn detect(bytes: &[u8]) -> TextEncoding {
    if bytes.starts_with(UTF8_BOM) {
        TextEncoding::Utf8Bom
    } else if bytes.starts_with(UTF16_LE_BOM) {
        TextEncoding::Utf16Le
    } else if bytes.starts_with(UTF16_BE_BOM) {
        TextEncoding::Utf16Be
    } else if std::str::from_utf8(bytes).is_ok() {
        TextEncoding::Utf8
    } else {
        TextEncoding::Windows1252
    }
}

/// Decodes with the given encoding, dropping that encoding's byte order
/// mark when the file starts with one. Malformed UTF-8 or UTF-16 is an
/// error rather than replacement characters: a user who chose the encoding
/// should learn it was the wrong one, not get silently damaged names.
pub fn decode(bytes: &[u8], encoding: TextEncoding) -> Result<String, DecodeError> {
    let size = u64::try_from(bytes.len()).unwrap_or(u64::MAX);
    if size > MAX_FILE_BYTES {
        return Err(DecodeError::TooLarge { bytes: size });
    }
    match encoding {
        TextEncoding::Utf8 | TextEncoding::Utf8Bom => decode_utf8(bytes, encoding),
        TextEncoding::Utf16Le => decode_utf16(bytes, encoding, UTF16_LE_BOM, u16::from_le_bytes),
        TextEncoding::Utf16Be => decode_utf16(bytes, encoding, UTF16_BE_BOM, u16::from_be_bytes),
        TextEncoding::Windows1252 => Ok(decode_windows_1252(bytes)),
    }
}

/// Detects the encoding and decodes with it.
pub fn decode_detected(bytes: &[u8]) -> Result<(String, TextEncoding), DecodeError> {
    let encoding = detect(bytes);
    decode(bytes, encoding).map(|text| (text, encoding))
}

/// Reads an encoding name given on the command line. "utf-16" means
/// little-endian, which is what Windows writes.
pub fn parse_encoding(name: &str) -> Option<TextEncoding> {
    let encoding = match name.trim().to_ascii_lowercase().as_str() {
        "utf-8" | "utf8" => TextEncoding::Utf8,
        "utf-8-bom" | "utf8-bom" | "utf-8-sig" => TextEncoding::Utf8Bom,
        "utf-16" | "utf16" | "utf-16le" | "utf-16-le" | "utf16le" => TextEncoding::Utf16Le,
        "utf-16be" | "utf-16-be" | "utf16be" => TextEncoding::Utf16Be,
        "windows-1252" | "windows1252" | "cp1252" | "latin1" | "latin-1" | "iso-8859-1" => {
            TextEncoding::Windows1252
        }
        _ => return None,
    };
    Some(encoding)
}

fn decode_utf8(bytes: &[u8], encoding: TextEncoding) -> Result<String, DecodeError> {
    let bom_len = if bytes.starts_with(UTF8_BOM) {
        UTF8_BOM.len()
    } else {
        0
    };
    match std::str::from_utf8(&bytes[bom_len..]) {
        Ok(text) => Ok(text.to_owned()),
        Err(error) => Err(DecodeError::Malformed {
            encoding,
            offset: bom_len + error.valid_up_to(),
        }),
    }
}

fn decode_utf16(
    bytes: &[u8],
    encoding: TextEncoding,
    bom: &[u8],
    unit_from_bytes: fn([u8; 2]) -> u16,
) -> Result<String, DecodeError> {
    let bom_len = if bytes.starts_with(bom) { bom.len() } else { 0 };
    let body = &bytes[bom_len..];
    let pairs = body.chunks_exact(2);
    if !pairs.remainder().is_empty() {
        return Err(DecodeError::Malformed {
            encoding,
            offset: bytes.len() - 1,
        });
    }
    let units = pairs.map(|pair| unit_from_bytes([pair[0], pair[1]]));
    let mut text = String::with_capacity(body.len() / 2);
    let mut units_read = 0usize;
    for decoded in char::decode_utf16(units) {
        match decoded {
            Ok(character) => {
                text.push(character);
                units_read += character.len_utf16();
            }
            Err(_) => {
                return Err(DecodeError::Malformed {
                    encoding,
                    offset: bom_len + units_read * 2,
                })
            }
        }
    }
    Ok(text)
}

fn decode_windows_1252(bytes: &[u8]) -> String {
    // Every byte has a meaning in Windows-1252 (as the WHATWG encoding
    // standard defines it), so this cannot fail.
    let (text, _had_errors) = encoding_rs::WINDOWS_1252.decode_without_bom_handling(bytes);
    text.into_owned()
}

#[cfg(test)]
mod tests {
    use super::*;

    const SAMPLE: &str = "Søren Ærø Åse";

    /// "Søren Ærø Åse" as Danish Excel writes it without a BOM.
    const SAMPLE_WINDOWS_1252: &[u8] = &[
        b'S', 0xF8, b'r', b'e', b'n', b' ', 0xC6, b'r', 0xF8, b' ', 0xC5, b's', b'e',
    ];

    const SAMPLE_UTF8: &[u8] = &[
        b'S', 0xC3, 0xB8, b'r', b'e', b'n', b' ', 0xC3, 0x86, b'r', 0xC3, 0xB8, b' ', 0xC3, 0x85, b's', b'e',
    ];

    fn utf16(text: &str, big_endian: bool) -> Vec<u8> {
        text.encode_utf16()
            .flat_map(|unit| {
                if big_endian {
                    unit.to_be_bytes()
                } else {
                    unit.to_le_bytes()
                }
            })
            .collect()
    }

    fn with_prefix(prefix: &[u8], body: &[u8]) -> Vec<u8> {
        let mut bytes = prefix.to_vec();
        bytes.extend_from_slice(body);
        bytes
    }

    #[test]
    fn utf8_sample_bytes_are_the_sample() {
        assert_eq!(SAMPLE.as_bytes(), SAMPLE_UTF8);
    }

    #[test]
    fn utf16_le_sample_bytes_start_as_expected() {
        // S = 0x0053, ø = 0x00F8
        assert_eq!(&utf16(SAMPLE, false)[..4], &[0x53, 0x00, 0xF8, 0x00]);
        assert_eq!(&utf16(SAMPLE, true)[..4], &[0x00, 0x53, 0x00, 0xF8]);
    }

    #[test]
    fn detects_and_decodes_each_encoding() {
        let cases: Vec<(&str, Vec<u8>, TextEncoding)> = vec![
            ("utf-8 plain", SAMPLE_UTF8.to_vec(), TextEncoding::Utf8),
            (
                "utf-8 with bom",
                with_prefix(UTF8_BOM, SAMPLE_UTF8),
                TextEncoding::Utf8Bom,
            ),
            (
                "utf-16 le with bom",
                with_prefix(UTF16_LE_BOM, &utf16(SAMPLE, false)),
                TextEncoding::Utf16Le,
            ),
            (
                "utf-16 be with bom",
                with_prefix(UTF16_BE_BOM, &utf16(SAMPLE, true)),
                TextEncoding::Utf16Be,
            ),
            (
                "windows-1252",
                SAMPLE_WINDOWS_1252.to_vec(),
                TextEncoding::Windows1252,
            ),
        ];
        for (case, bytes, expected_encoding) in cases {
            assert_eq!(detect(&bytes), expected_encoding, "{case}");
            let (text, encoding) = decode_detected(&bytes).expect(case);
            assert_eq!(encoding, expected_encoding, "{case}");
            assert_eq!(text, SAMPLE, "{case}");
        }
    }

    #[test]
    fn empty_input_is_empty_utf8() {
        assert_eq!(detect(&[]), TextEncoding::Utf8);
        assert_eq!(decode_detected(&[]), Ok((String::new(), TextEncoding::Utf8)));
        for encoding in [
            TextEncoding::Utf8,
            TextEncoding::Utf8Bom,
            TextEncoding::Utf16Le,
            TextEncoding::Utf16Be,
            TextEncoding::Windows1252,
        ] {
            assert_eq!(decode(&[], encoding), Ok(String::new()), "{encoding}");
        }
    }

    #[test]
    fn bom_only_files_decode_to_empty_text() {
        let cases: [(&[u8], TextEncoding); 3] = [
            (UTF8_BOM, TextEncoding::Utf8Bom),
            (UTF16_LE_BOM, TextEncoding::Utf16Le),
            (UTF16_BE_BOM, TextEncoding::Utf16Be),
        ];
        for (bytes, expected) in cases {
            assert_eq!(decode_detected(bytes), Ok((String::new(), expected)));
        }
    }

    #[test]
    fn explicit_encoding_overrides_detection() {
        let cases: Vec<(&str, Vec<u8>, TextEncoding, &str)> = vec![
            // Valid UTF-8 read as Windows-1252 shows the classic mojibake.
            (
                "utf-8 as 1252",
                SAMPLE_UTF8[..3].to_vec(),
                TextEncoding::Windows1252,
                "SÃ¸",
            ),
            // Explicit UTF-8 still drops a BOM.
            (
                "bom as utf-8",
                with_prefix(UTF8_BOM, b"Navn"),
                TextEncoding::Utf8,
                "Navn",
            ),
            // UTF-16 without a BOM is readable when the user says so.
            (
                "utf-16 le without bom",
                utf16("Åse", false),
                TextEncoding::Utf16Le,
                "Åse",
            ),
            (
                "utf-16 be without bom",
                utf16("Åse", true),
                TextEncoding::Utf16Be,
                "Åse",
            ),
            // Characters outside the basic plane arrive as surrogate pairs.
            (
                "surrogate pair",
                utf16("a😀b", false),
                TextEncoding::Utf16Le,
                "a😀b",
            ),
            // Windows-1252 specials: euro sign, en dash, curly quotes.
            (
                "1252 specials",
                vec![0x80, b' ', 0x96, b' ', 0x93, b'x', 0x94],
                TextEncoding::Windows1252,
                "€ – “x”",
            ),
        ];
        for (case, bytes, encoding, expected) in cases {
            assert_eq!(decode(&bytes, encoding).as_deref(), Ok(expected), "{case}");
        }
    }

    #[test]
    fn malformed_input_under_an_explicit_encoding_names_the_offset() {
        let lone_high_surrogate_le = with_prefix(&[b'a', 0x00], &[0x00, 0xD8, b'b', 0x00]);
        let cases: Vec<(&str, Vec<u8>, TextEncoding, usize)> = vec![
            (
                "1252 bytes as utf-8",
                SAMPLE_WINDOWS_1252.to_vec(),
                TextEncoding::Utf8,
                1,
            ),
            (
                "1252 bytes after bom",
                with_prefix(UTF8_BOM, SAMPLE_WINDOWS_1252),
                TextEncoding::Utf8Bom,
                4,
            ),
            (
                "odd utf-16 length",
                vec![0xFF, 0xFE, b'a', 0x00, b'b'],
                TextEncoding::Utf16Le,
                4,
            ),
            (
                "lone surrogate",
                lone_high_surrogate_le.clone(),
                TextEncoding::Utf16Le,
                2,
            ),
            (
                "lone surrogate after bom",
                with_prefix(UTF16_LE_BOM, &lone_high_surrogate_le),
                TextEncoding::Utf16Le,
                4,
            ),
            (
                "lone low surrogate be",
                vec![0xDC, 0x00],
                TextEncoding::Utf16Be,
                0,
            ),
        ];
        for (case, bytes, encoding, offset) in cases {
            assert_eq!(
                decode(&bytes, encoding),
                Err(DecodeError::Malformed { encoding, offset }),
                "{case}"
            );
        }
    }

    #[test]
    fn malformed_message_is_readable() {
        let error = decode(&[b'a', 0xF8], TextEncoding::Utf8).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the file is not valid UTF-8: unexpected bytes at byte offset 1"
        );
    }

    #[test]
    fn detected_utf16_with_odd_length_is_an_error() {
        let bytes = [0xFE, 0xFF, 0x00, b'a', 0x00];
        assert_eq!(
            decode_detected(&bytes),
            Err(DecodeError::Malformed {
                encoding: TextEncoding::Utf16Be,
                offset: 4
            })
        );
    }

    #[test]
    fn parses_encoding_names_case_insensitively() {
        let cases = [
            ("utf-8", Some(TextEncoding::Utf8)),
            ("UTF8", Some(TextEncoding::Utf8)),
            (" Utf-8 ", Some(TextEncoding::Utf8)),
            ("utf-8-bom", Some(TextEncoding::Utf8Bom)),
            ("UTF-16", Some(TextEncoding::Utf16Le)),
            ("utf-16le", Some(TextEncoding::Utf16Le)),
            ("UTF-16BE", Some(TextEncoding::Utf16Be)),
            ("windows-1252", Some(TextEncoding::Windows1252)),
            ("CP1252", Some(TextEncoding::Windows1252)),
            ("Latin1", Some(TextEncoding::Windows1252)),
            ("ebcdic", None),
            ("", None),
        ];
        for (name, expected) in cases {
            assert_eq!(parse_encoding(name), expected, "{name:?}");
        }
    }

    #[test]
    fn labels_and_serialized_names() {
        let cases = [
            (TextEncoding::Utf8, "UTF-8", "\"utf8\""),
            (TextEncoding::Utf8Bom, "UTF-8 med BOM", "\"utf8-bom\""),
            (TextEncoding::Utf16Le, "UTF-16 LE", "\"utf16-le\""),
            (TextEncoding::Utf16Be, "UTF-16 BE", "\"utf16-be\""),
            (TextEncoding::Windows1252, "Windows-1252", "\"windows1252\""),
        ];
        for (encoding, label, json) in cases {
            assert_eq!(encoding.label(), label);
            assert_eq!(serde_json::to_string(&encoding).unwrap(), json);
        }
    }

    #[test]
    fn too_large_message_names_the_limit() {
        let error = DecodeError::TooLarge {
            bytes: MAX_FILE_BYTES + 1,
        };
        assert!(error.to_string().contains("at most 209715200 bytes"));
    }
}
