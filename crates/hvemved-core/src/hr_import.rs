//! A people file from the HR system (CSV, as Danish Excel writes it) or from
//! Active Directory (LDIF), read the way the import needs it: decoded with
//! the encoding detected or given, its format detected from the name and the
//! content, parsed into rows, with every unusable row listed by line.

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
pub use crate::import_file::{parse_delimiter, FileContent};
use crate::interchange::people_csv::{self, ColumnMapping, CsvError};
use crate::interchange::{ldif, PersonRow, RecordError};
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
    #[serde(flatten)]
    pub file: FileContent,
    /// Detected from the name and the content when missing.
    #[serde(default)]
    pub format: Option<PeopleFormat>,
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

/// Reads the request's file as a stream.
pub(crate) fn read_people_file(request: &PeopleImportRequest) -> Result<ParsedPeople> {
    let file = request.file.open()?;
    let what = &file.what;
    let format = match request.format {
        Some(format) => format,
        None => detect_format(request.file.file_name.as_deref(), &file.head()?),
    };
    let mut report = PeopleFileReport {
        format,
        encoding: file.shown_encoding.map(|e| e.label().to_string()),
        delimiter: None,
        columns: Vec::new(),
        sample_names: Vec::new(),
        skipped: 0,
        import: PeopleImportReport::default(),
        written: false,
    };
    let (rows, errors) = match format {
        PeopleFormat::Csv => {
            let delimiter = request.file.chosen_delimiter()?;
            let mapping = request
                .mapping
                .as_deref()
                .map(ColumnMapping::parse)
                .transpose()
                .map_err(|e| CoreError::InvalidInput(format!("the column mapping: {e}")))?;
            let parsed = people_csv::parse_people_stream(file.text()?, delimiter, mapping.as_ref())
                .map_err(|e| csv_error(what, e))?;
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
            let parsed = ldif::parse_people_stream(file.text()?)
                .map_err(|e| CoreError::InvalidInput(format!("{what}: {e}")))?;
            report.skipped = parsed.skipped;
            (parsed.rows, parsed.errors)
        }
    };
    let rows: Vec<PersonRow> = rows.into_iter().map(single_line).collect();
    report.sample_names = rows.iter().take(SAMPLE_NAMES).map(|r| r.name.clone()).collect();
    Ok(ParsedPeople { report, rows, errors })
}

/// A problem with a CSV file as a whole, naming the file; when its columns
/// were not understood, they are listed for the user to map.
pub(crate) fn csv_error(what: &str, error: CsvError) -> CoreError {
    let message = format!("{what}: {error}");
    match error {
        CsvError::MissingColumn { found, .. } | CsvError::MappedColumnMissing { found, .. } => {
            CoreError::ColumnsNotUnderstood {
                message,
                columns: found,
            }
        }
        _ => CoreError::InvalidInput(message),
    }
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
    #[serde(flatten)]
    pub file: FileContent,
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
pub fn delimiter_label(delimiter: u8) -> String {
    delimiter_name(delimiter)
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
        use base64::Engine as _;
        let request = PeopleImportRequest {
            file: FileContent {
                content_base64: Some(base64::engine::general_purpose::STANDARD.encode(&bytes)),
                ..FileContent::default()
            },
            ..PeopleImportRequest::default()
        };
        let parsed = read_people_file(&request).unwrap();
        assert_eq!(parsed.report.encoding.as_deref(), Some("Windows-1252"));
        assert_eq!(parsed.report.sample_names, vec!["Søren Ærø"]);
        assert_eq!(parsed.report.delimiter.as_deref(), Some(";"));
        assert!(parsed.errors.is_empty());
    }

    #[test]
    fn a_large_windows_1252_file_on_disk_is_read_as_a_stream_with_true_line_numbers() {
        // Well past the 64 KB head and the decoder's chunks, with the only
        // non-ASCII bytes at the end, so detection must read it all.
        let mut text = String::from("Medarbejdernummer;Navn;E-mail\r\n");
        for i in 0..20_000 {
            text.push_str(&format!("{i};Medarbejder {i};m{i}@kommune.dk\r\n"));
        }
        text.push_str("20000;Søren Ærø;ikke-en-adresse\r\n");
        text.push_str("20001;Åse Ågård;aase@kommune.dk\r\n");
        let (bytes, _, _) = encoding_rs::WINDOWS_1252.encode(&text);
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hr.csv");
        std::fs::write(&path, &bytes).unwrap();
        let request = PeopleImportRequest {
            file: FileContent::from_path(&path),
            ..PeopleImportRequest::default()
        };
        let parsed = read_people_file(&request).unwrap();
        assert_eq!(parsed.report.encoding.as_deref(), Some("Windows-1252"));
        assert_eq!(parsed.rows.len(), 20_001);
        assert_eq!(parsed.rows.last().unwrap().name, "Åse Ågård");
        assert_eq!(parsed.rows.last().unwrap().line, 20_003);
        assert_eq!(parsed.errors.len(), 1);
        assert_eq!(parsed.errors[0].line, 20_002);
        assert!(parsed.errors[0].message.contains("ikke-en-adresse"));
    }

    #[test]
    fn a_file_on_disk_in_the_wrong_encoding_is_refused_with_its_name() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("ad.ldif");
        let mut bytes = "dn: CN=Anne\ncn: Anne\n\n".repeat(5_000).into_bytes();
        bytes.extend(b"dn: CN=S\xF8ren\ncn: S\xF8ren\n");
        std::fs::write(&path, &bytes).unwrap();
        let request = PeopleImportRequest {
            file: FileContent {
                encoding: Some("utf-8".into()),
                ..FileContent::from_path(&path)
            },
            ..PeopleImportRequest::default()
        };
        let message = read_people_file(&request).err().unwrap().to_string();
        assert!(message.contains("ad.ldif"), "{message}");
        assert!(message.contains("not valid UTF-8"), "{message}");
        assert!(message.contains("line 15001"), "{message}");
    }
}
