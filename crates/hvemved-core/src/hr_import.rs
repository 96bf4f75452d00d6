//! A people file from the HR system (CSV, as Danish Excel writes it) or from
//! Active Directory (LDIF), read the way the import needs it: decoded with
//! the encoding detected or given, its format detected from the name and the
//! content, parsed into rows, with every unusable row listed by line.

use base64::Engine as _;
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::interchange::people_csv::{self, ColumnMapping};
use crate::interchange::text_decode::{self, TextEncoding};
use crate::interchange::{ldif, PersonRow, RecordError, MAX_FILE_BYTES};
use crate::store::PeopleImportReport;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum PeopleFormat {
    Csv,
    Ldif,
}

impl PeopleFormat {
    pub fn parse(name: &str) -> Option<PeopleFormat> {
        match name.trim().to_lowercase().as_str() {
            "csv" => Some(PeopleFormat::Csv),
            "ldif" => Some(PeopleFormat::Ldif),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Default, Deserialize)]
pub struct PeopleImportRequest {
    /// The file's bytes in base64, so that its encoding can be detected.
    #[serde(default)]
    pub content_base64: Option<String>,
    /// Or the file's text, already decoded.
    #[serde(default)]
    pub text: Option<String>,
    /// The file's name, for detecting the format and for messages.
    #[serde(default)]
    pub file_name: Option<String>,
    /// Detected from the name and the content when missing.
    #[serde(default)]
    pub format: Option<PeopleFormat>,
    /// `utf-8`, `utf-16`, `windows-1252`, …; detected when missing.
    #[serde(default)]
    pub encoding: Option<String>,
    /// `;`, `,` or `tab`; detected when missing.
    #[serde(default)]
    pub delimiter: Option<String>,
    /// Lines of `header = field` naming what a column holds.
    #[serde(default)]
    pub mapping: Option<String>,
    #[serde(default)]
    pub dry_run: bool,
}

/// What the import found in the file and did (or, in a dry run, would do).
#[derive(Debug, Clone, Serialize)]
pub struct PeopleFileReport {
    pub format: PeopleFormat,
    /// How the bytes were read, e.g. "Windows-1252", for the user to confirm.
    pub encoding: Option<String>,
    pub delimiter: Option<String>,
    /// Each column of a CSV and what it was taken as (`None`: not used).
    pub columns: Vec<ColumnReport>,
    /// The first names in the file, to check that æ, ø and å read right.
    pub sample_names: Vec<String>,
    /// LDIF entries that are not people (groups, units, computers).
    pub skipped: usize,
    #[serde(flatten)]
    pub import: PeopleImportReport,
    /// False for a dry run and for a file with refused rows.
    pub written: bool,
}

#[derive(Debug, Clone, Serialize)]
pub struct ColumnReport {
    pub header: String,
    pub field: Option<String>,
}

/// The file read into rows, before anything is matched or written.
pub(crate) struct ParsedPeople {
    pub report: PeopleFileReport,
    pub rows: Vec<PersonRow>,
    pub errors: Vec<RecordError>,
}

const SAMPLE_NAMES: usize = 5;

/// Where an import stands, for a progress bar.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum ImportStage {
    /// Rows matched and written so far, of all rows.
    Rows,
    /// The search index is being brought up to date.
    Indexing,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct ImportProgress {
    pub stage: ImportStage,
    pub done: usize,
    pub total: usize,
}

/// Reads the request's file: `bytes` when the caller read the file itself
/// (the CLI), else the request's base64 content or text.
pub(crate) fn read_people_file(
    request: &PeopleImportRequest,
    bytes: Option<Vec<u8>>,
) -> Result<ParsedPeople> {
    let what = request.file_name.as_deref().unwrap_or("the file");
    let (text, encoding) = match bytes {
        Some(bytes) => decode_bytes(bytes, request.encoding.as_deref(), what)?,
        None => decode(
            request.content_base64.as_deref(),
            request.text.as_deref(),
            request.encoding.as_deref(),
            what,
        )?,
    };
    let format = request
        .format
        .unwrap_or_else(|| detect_format(request.file_name.as_deref(), &text));
    let mut report = PeopleFileReport {
        format,
        encoding: encoding.map(|e| e.label().to_string()),
        delimiter: None,
        columns: Vec::new(),
        sample_names: Vec::new(),
        skipped: 0,
        import: PeopleImportReport::default(),
        written: false,
    };
    let (rows, errors) = match format {
        PeopleFormat::Csv => {
            let delimiter = request.delimiter.as_deref().map(parse_delimiter).transpose()?;
            let mapping = request
                .mapping
                .as_deref()
                .map(ColumnMapping::parse)
                .transpose()
                .map_err(|e| CoreError::InvalidInput(format!("the column mapping: {e}")))?;
            let parsed = people_csv::parse_people(&text, delimiter, mapping.as_ref())
                .map_err(|e| CoreError::InvalidInput(format!("{what}: {e}")))?;
            report.delimiter = Some(delimiter_name(parsed.delimiter));
            report.columns = parsed
                .columns
                .iter()
                .map(|c| ColumnReport {
                    header: c.header.clone(),
                    field: c.field.map(|f| f.snake_name().to_string()),
                })
                .collect();
            (parsed.rows, parsed.errors)
        }
        PeopleFormat::Ldif => {
            let parsed =
                ldif::parse_people(&text).map_err(|e| CoreError::InvalidInput(format!("{what}: {e}")))?;
            report.skipped = parsed.skipped;
            (parsed.rows, parsed.errors)
        }
    };
    let rows: Vec<PersonRow> = rows.into_iter().map(single_line).collect();
    report.sample_names = rows.iter().take(SAMPLE_NAMES).map(|r| r.name.clone()).collect();
    Ok(ParsedPeople { report, rows, errors })
}

/// Every field of a person is one line: a line break inside a quoted cell
/// (an Excel cell with Alt+Enter) becomes a space.
fn single_line(mut row: PersonRow) -> PersonRow {
    let squash = |value: &mut String| {
        if value.contains(char::is_whitespace) {
            *value = value.split_whitespace().collect::<Vec<_>>().join(" ");
        }
    };
    squash(&mut row.name);
    for value in [
        &mut row.employee_id,
        &mut row.title,
        &mut row.profession,
        &mut row.email,
        &mut row.phone,
        &mut row.location,
    ]
    .into_iter()
    .flatten()
    {
        squash(value);
    }
    row.units.iter_mut().for_each(squash);
    row
}

/// The file's text: `content_base64` decoded with the encoding given or
/// detected, or `text` as it is. `what` names the file in messages.
pub(crate) fn decode(
    content_base64: Option<&str>,
    text: Option<&str>,
    encoding: Option<&str>,
    what: &str,
) -> Result<(String, Option<TextEncoding>)> {
    let bytes = match (content_base64, text) {
        (Some(encoded), _) => base64::engine::general_purpose::STANDARD
            .decode(encoded.trim())
            .map_err(|e| CoreError::InvalidInput(format!("{what}: the content is not valid base64 ({e})")))?,
        (None, Some(text)) => {
            if text.len() as u64 > MAX_FILE_BYTES {
                return Err(too_large(what, text.len() as u64));
            }
            return Ok((text.to_string(), None));
        }
        (None, None) => {
            return Err(CoreError::InvalidInput(
                "give the file's content (content_base64 or text)".into(),
            ))
        }
    };
    decode_bytes(bytes, encoding, what)
}

fn decode_bytes(
    bytes: Vec<u8>,
    encoding: Option<&str>,
    what: &str,
) -> Result<(String, Option<TextEncoding>)> {
    if bytes.len() as u64 > MAX_FILE_BYTES {
        return Err(too_large(what, bytes.len() as u64));
    }
    let decoded = match encoding {
        Some(name) => {
            let encoding = text_decode::parse_encoding(name).ok_or_else(|| {
                CoreError::InvalidInput(format!(
                    "unknown encoding \"{name}\"; use utf-8, utf-16 or windows-1252"
                ))
            })?;
            text_decode::decode(&bytes, encoding).map(|text| (text, encoding))
        }
        None => text_decode::decode_detected(&bytes),
    };
    let (text, encoding) = decoded.map_err(|e| CoreError::InvalidInput(format!("{what}: {e}")))?;
    Ok((text, Some(encoding)))
}

fn too_large(what: &str, bytes: u64) -> CoreError {
    CoreError::InvalidInput(format!(
        "{what} is {} MB; a people file may be at most {} MB",
        bytes / 1_000_000,
        MAX_FILE_BYTES / 1_000_000
    ))
}

/// LDIF by its extension or its first record line; CSV otherwise.
pub fn detect_format(file_name: Option<&str>, text: &str) -> PeopleFormat {
    let extension = file_name
        .and_then(|n| n.rsplit_once('.'))
        .map(|(_, ext)| ext.to_lowercase());
    match extension.as_deref() {
        Some("ldif" | "ldf") => return PeopleFormat::Ldif,
        Some("csv" | "txt" | "tsv") => return PeopleFormat::Csv,
        _ => {}
    }
    let first = text
        .trim_start_matches('\u{feff}')
        .lines()
        .map(str::trim)
        .find(|l| !l.is_empty() && !l.starts_with('#'))
        .unwrap_or("")
        .to_lowercase();
    if first.starts_with("dn:") || first.starts_with("version:") {
        PeopleFormat::Ldif
    } else {
        PeopleFormat::Csv
    }
}

/// Skills or course attendance from a CSV file.
#[derive(Debug, Clone, Default, Deserialize)]
pub struct RecordsImportRequest {
    #[serde(default)]
    pub content_base64: Option<String>,
    #[serde(default)]
    pub text: Option<String>,
    #[serde(default)]
    pub file_name: Option<String>,
    #[serde(default)]
    pub encoding: Option<String>,
    #[serde(default)]
    pub delimiter: Option<String>,
    #[serde(default)]
    pub dry_run: bool,
}

/// What a skills or attendance import found and did.
#[derive(Debug, Clone, Serialize)]
pub struct RecordsFileReport<R> {
    pub encoding: Option<String>,
    pub delimiter: String,
    #[serde(flatten)]
    pub import: R,
    pub written: bool,
}

/// The decoded text of a skills or attendance file, and its delimiter.
pub(crate) fn read_records_text(
    request: &RecordsImportRequest,
) -> Result<(String, Option<TextEncoding>, Option<u8>)> {
    let what = request.file_name.as_deref().unwrap_or("the file");
    let (text, encoding) = decode(
        request.content_base64.as_deref(),
        request.text.as_deref(),
        request.encoding.as_deref(),
        what,
    )?;
    let delimiter = request.delimiter.as_deref().map(parse_delimiter).transpose()?;
    Ok((text, encoding, delimiter))
}

pub fn delimiter_label(delimiter: u8) -> String {
    delimiter_name(delimiter)
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

fn delimiter_name(delimiter: u8) -> String {
    match delimiter {
        b'\t' => "tab".into(),
        other => (other as char).to_string(),
    }
}

/// One message for a refused import: how many rows and the first reasons.
pub(crate) fn refusal_message(refused: &[RecordError]) -> String {
    const SHOWN: usize = 10;
    let mut message = format!(
        "nothing was imported: {} row{} cannot be used — ",
        refused.len(),
        if refused.len() == 1 { "" } else { "s" }
    );
    let listed: Vec<String> = refused.iter().take(SHOWN).map(|e| e.to_string()).collect();
    message.push_str(&listed.join("; "));
    if refused.len() > SHOWN {
        message.push_str(&format!("; and {} more", refused.len() - SHOWN));
    }
    message
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_format_comes_from_the_name_then_the_content() {
        assert_eq!(detect_format(Some("ad.LDIF"), "Navn;Mail"), PeopleFormat::Ldif);
        assert_eq!(detect_format(Some("hr.csv"), "dn: cn=x"), PeopleFormat::Csv);
        assert_eq!(detect_format(None, "# export\nversion: 1\n"), PeopleFormat::Ldif);
        assert_eq!(detect_format(None, "\u{feff}dn: cn=Anne"), PeopleFormat::Ldif);
        assert_eq!(detect_format(None, "Navn;E-mail\nAnne;a@k.dk"), PeopleFormat::Csv);
    }

    #[test]
    fn a_refusal_lists_the_first_rows_and_counts_the_rest() {
        let refused: Vec<RecordError> = (1..=12)
            .map(|line| RecordError {
                line,
                message: "no name".into(),
            })
            .collect();
        let message = refusal_message(&refused);
        assert!(
            message.starts_with("nothing was imported: 12 rows cannot be used"),
            "{message}"
        );
        assert!(message.contains("line 10: no name"));
        assert!(!message.contains("line 11:"));
        assert!(message.ends_with("and 2 more"));
    }

    #[test]
    fn windows_1252_bytes_are_detected_and_read() {
        // "Navn;E-mail\r\nSøren Ærø;s@k.dk" as Danish Excel saves it.
        let mut bytes = b"Navn;E-mail\r\nS".to_vec();
        bytes.extend([0xF8]);
        bytes.extend(b"ren ");
        bytes.extend([0xC6, b'r', 0xF8]);
        bytes.extend(b";s@k.dk\r\n");
        let request = PeopleImportRequest {
            content_base64: Some(base64::engine::general_purpose::STANDARD.encode(&bytes)),
            ..PeopleImportRequest::default()
        };
        let parsed = read_people_file(&request, None).unwrap();
        assert_eq!(parsed.report.encoding.as_deref(), Some("Windows-1252"));
        assert_eq!(parsed.report.sample_names, vec!["Søren Ærø"]);
        assert_eq!(parsed.report.delimiter.as_deref(), Some(";"));
        assert!(parsed.errors.is_empty());
    }
}
