//! The file an import reads, however it arrives: a path on this machine
//! (the CLI, the desktop app after its native dialog), or bytes in base64 or
//! text already decoded (the HTTP face). It is read as a stream in every
//! case, so a large file on disk is never held whole in memory; only its
//! rows are.

use std::borrow::Cow;
use std::io::Read;
use std::path::{Path, PathBuf};

use base64::Engine as _;
use serde::Deserialize;

use crate::error::{CoreError, Result};
use crate::interchange::text_decode::{self, TextEncoding};
use crate::interchange::text_stream::{detect_streaming, DecodingReader};
use crate::interchange::MAX_FILE_BYTES;

/// How much text is read to tell a file's format from its first lines.
const HEAD_BYTES: u64 = 64 * 1024;

/// A file to import and how to read it.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct FileContent {
    /// The file's bytes in base64, so that its encoding can be detected.
    #[serde(default)]
    pub content_base64: Option<String>,
    /// Or the file's text, already decoded.
    #[serde(default)]
    pub text: Option<String>,
    /// The file's name, for detecting the format and for messages.
    #[serde(default)]
    pub file_name: Option<String>,
    /// `utf-8`, `utf-16`, `windows-1252`, …; detected when missing.
    #[serde(default)]
    pub encoding: Option<String>,
    /// `;`, `,` or `tab`; detected when missing.
    #[serde(default)]
    pub delimiter: Option<String>,
    /// Or a file on this machine, read by the core. Never taken from a
    /// request: a page must not name files for the core to read.
    #[serde(skip)]
    pub path: Option<PathBuf>,
}

impl FileContent {
    /// A file on this machine, named by the user (the CLI's argument, the
    /// desktop app's dialog).
    pub fn from_path(path: &Path) -> FileContent {
        FileContent {
            file_name: path.file_name().map(|n| n.to_string_lossy().into_owned()),
            path: Some(path.to_path_buf()),
            ..FileContent::default()
        }
    }

    /// The file as messages name it.
    pub fn what(&self) -> String {
        match (&self.file_name, &self.path) {
            (Some(name), _) => name.clone(),
            (None, Some(path)) => path.display().to_string(),
            (None, None) => "the file".to_owned(),
        }
    }

    /// The separator the user chose, if any.
    pub(crate) fn chosen_delimiter(&self) -> Result<Option<u8>> {
        self.delimiter.as_deref().map(parse_delimiter).transpose()
    }

    /// Checks the file's size and settles its encoding (the one chosen, or
    /// one detected by reading the file through once).
    pub(crate) fn open(&self) -> Result<OpenedFile<'_>> {
        let what = self.what();
        let (bytes, already_text) = match (&self.path, &self.content_base64, &self.text) {
            (Some(path), _, _) => (FileBytes::Disk(path), false),
            (None, Some(encoded), _) => {
                let bytes = base64::engine::general_purpose::STANDARD
                    .decode(encoded.trim())
                    .map_err(|e| {
                        CoreError::InvalidInput(format!("{what}: the content is not valid base64 ({e})"))
                    })?;
                (FileBytes::Memory(Cow::Owned(bytes)), false)
            }
            (None, None, Some(text)) => (FileBytes::Memory(Cow::Borrowed(text.as_bytes())), true),
            (None, None, None) => {
                return Err(CoreError::InvalidInput(
                    "give the file's content (content_base64 or text)".into(),
                ))
            }
        };
        let size = bytes.size()?;
        if size > MAX_FILE_BYTES {
            return Err(CoreError::InvalidInput(format!(
                "{what} is {} MB; a file to import may be at most {} MB",
                size / 1_000_000,
                MAX_FILE_BYTES / 1_000_000
            )));
        }
        let encoding = match (already_text, self.encoding.as_deref()) {
            (true, _) => TextEncoding::Utf8,
            (false, Some(name)) => text_decode::parse_encoding(name).ok_or_else(|| {
                CoreError::InvalidInput(format!(
                    "unknown encoding \"{name}\"; use utf-8, utf-16 or windows-1252"
                ))
            })?,
            (false, None) => detect_streaming(bytes.reader()?).map_err(|e| bytes.io_error(e))?,
        };
        Ok(OpenedFile {
            bytes,
            encoding,
            shown_encoding: (!already_text).then_some(encoding),
            what,
        })
    }
}

/// A file whose size was checked and whose encoding is settled.
pub(crate) struct OpenedFile<'a> {
    bytes: FileBytes<'a>,
    encoding: TextEncoding,
    /// How the bytes were read, for the user to confirm; none for text
    /// that came already decoded.
    pub shown_encoding: Option<TextEncoding>,
    pub what: String,
}

impl OpenedFile<'_> {
    /// The file's text, decoded as it is read.
    pub(crate) fn text(&self) -> Result<DecodingReader<Box<dyn Read + '_>>> {
        Ok(DecodingReader::new(self.bytes.reader()?, self.encoding))
    }

    /// The start of the file's text, for telling its format; bytes the
    /// encoding cannot read there are refused at once.
    pub(crate) fn head(&self) -> Result<String> {
        let mut head = Vec::new();
        self.text()?
            .take(HEAD_BYTES)
            .read_to_end(&mut head)
            .map_err(|e| CoreError::InvalidInput(format!("{}: {e}", self.what)))?;
        Ok(match String::from_utf8(head) {
            Ok(text) => text,
            // The limit fell inside a character.
            Err(error) => {
                let valid = error.utf8_error().valid_up_to();
                let mut bytes = error.into_bytes();
                bytes.truncate(valid);
                String::from_utf8(bytes).unwrap_or_default()
            }
        })
    }
}

enum FileBytes<'a> {
    Memory(Cow<'a, [u8]>),
    Disk(&'a Path),
}

impl FileBytes<'_> {
    fn size(&self) -> Result<u64> {
        match self {
            FileBytes::Memory(bytes) => Ok(bytes.len() as u64),
            FileBytes::Disk(path) => Ok(std::fs::metadata(path).map_err(|e| CoreError::io(path, e))?.len()),
        }
    }

    fn reader(&self) -> Result<Box<dyn Read + '_>> {
        match self {
            FileBytes::Memory(bytes) => Ok(Box::new(&bytes[..])),
            FileBytes::Disk(path) => Ok(Box::new(
                std::fs::File::open(path).map_err(|e| CoreError::io(path, e))?,
            )),
        }
    }

    fn io_error(&self, error: std::io::Error) -> CoreError {
        match self {
            FileBytes::Disk(path) => CoreError::io(path, error),
            FileBytes::Memory(_) => CoreError::InvalidInput(error.to_string()),
        }
    }
}

pub fn parse_delimiter(name: &str) -> Result<u8> {
    match name {
        ";" | "semicolon" => Ok(b';'),
        "," | "comma" => Ok(b','),
        "\t" | "tab" | "\\t" => Ok(b'\t'),
        other => Err(CoreError::InvalidInput(format!(
            "unknown delimiter \"{other}\"; use ;, , or tab"
        ))),
    }
}
