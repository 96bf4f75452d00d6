//! Reads the delimited text an HR system or a colleague's spreadsheet gives
//! us: people, their skills, and the courses they attended. Danish Excel
//! writes `;` between fields and Danish column names; English systems write
//! `,` or tabs and English names. Both are understood without the user
//! having to say which.
//!
//! The parsers never stop at a bad row: each row that cannot be used is
//! reported with its line and the reason, so the user can fix the file in
//! one pass. Only problems with the file as a whole (no header, no column
//! for a required value, too many rows) stop the parse.

use std::collections::hash_map::Entry;
use std::collections::HashMap;
use std::io::{self, Read};

use chrono::NaiveDate;
use csv::{ReaderBuilder, StringRecord};
use serde::Serialize;

use super::csv_lines::{LineBreaks, Tracked};
use super::{PersonRow, RecordError, MAX_FIELD_CHARS, MAX_FILE_BYTES, MAX_RECORDS};

/// Field separators we detect, in the order that wins a tie: Danish Excel
/// writes `;`, and a tab is rarely part of a header name while a comma can
/// be.
const DELIMITER_PREFERENCE: [u8; 3] = [b';', b'\t', b','];

/// What a column of a people file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Field {
    EmployeeId,
    Name,
    FirstName,
    LastName,
    Title,
    Department,
    Forvaltning,
    Team,
    Profession,
    Email,
    Phone,
    Location,
    /// A column the user chose to leave out.
    Ignore,
}

impl Field {
    pub const ALL: [Field; 13] = [
        Field::EmployeeId,
        Field::Name,
        Field::FirstName,
        Field::LastName,
        Field::Title,
        Field::Department,
        Field::Forvaltning,
        Field::Team,
        Field::Profession,
        Field::Email,
        Field::Phone,
        Field::Location,
        Field::Ignore,
    ];

    /// The name used in a mapping file and in JSON.
    pub fn snake_name(self) -> &'static str {
        match self {
            Field::EmployeeId => "employee_id",
            Field::Name => "name",
            Field::FirstName => "first_name",
            Field::LastName => "last_name",
            Field::Title => "title",
            Field::Department => "department",
            Field::Forvaltning => "forvaltning",
            Field::Team => "team",
            Field::Profession => "profession",
            Field::Email => "email",
            Field::Phone => "phone",
            Field::Location => "location",
            Field::Ignore => "ignore",
        }
    }

    pub fn from_snake_name(name: &str) -> Option<Field> {
        let name = name.trim().to_ascii_lowercase();
        Field::ALL.into_iter().find(|field| field.snake_name() == name)
    }
}

/// Header names recognised for each field. They are compared ignoring case,
/// spaces, hyphens, underscores and dots, so "E-mail", "email" and "E mail"
/// are one name.
const PEOPLE_ALIASES: &[(Field, &[&str])] = &[
    (
        Field::EmployeeId,
        &[
            "Medarbejdernummer",
            "Medarbejdernr",
            "Medarbejder-id",
            "Lønnummer",
            "Lønnr",
            "Employee ID",
            "Employee number",
            "Personnel number",
            "ID",
        ],
    ),
    (
        Field::Name,
        &[
            "Navn",
            "Fulde navn",
            "Fuldt navn",
            "Name",
            "Full name",
            "Display name",
        ],
    ),
    (
        Field::FirstName,
        &["Fornavn", "Fornavne", "First name", "Given name"],
    ),
    (
        Field::LastName,
        &["Efternavn", "Last name", "Surname", "Family name"],
    ),
    (
        Field::Title,
        &["Stilling", "Stillingsbetegnelse", "Titel", "Title", "Job title"],
    ),
    (Field::Department, &["Afdeling", "Enhed", "Department", "Unit"]),
    (
        Field::Forvaltning,
        &["Forvaltning", "Direktørområde", "Division", "Directorate"],
    ),
    (Field::Team, &["Team"]),
    (Field::Profession, &["Faggruppe", "Profession", "Fag"]),
    (
        Field::Email,
        &["E-mail", "Mail", "E-mailadresse", "E-mail address"],
    ),
    (
        Field::Phone,
        &[
            "Telefon",
            "Telefonnummer",
            "Tlf",
            "Mobil",
            "Mobilnummer",
            "Phone",
            "Telephone",
            "Mobile",
        ],
    ),
    (
        Field::Location,
        &[
            "Arbejdssted",
            "Kontor",
            "Lokation",
            "Adresse",
            "Office",
            "Location",
        ],
    ),
];

/// The person column of the skills and attendance files: an employee id or
/// an e-mail address, whichever the file has.
const PERSON_ALIASES: &[&str] = &[
    "Medarbejdernummer",
    "Medarbejdernr",
    "Medarbejder-id",
    "Lønnummer",
    "Employee ID",
    "E-mail",
    "Mail",
    "Person",
    "Medarbejder",
    "Employee",
];

/// A column of a file and the field it was read as; `None` when the header
/// was not recognised, so the UI can offer to map it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ColumnUse<F = Field> {
    pub header: String,
    pub field: Option<F>,
}

/// The user's choice of field for some columns, by header as written in the
/// file. Columns not named here are mapped automatically.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct ColumnMapping(pub Vec<(String, Field)>);

/// A line of a mapping text that cannot be understood.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("mapping line {line}: {message}")]
pub struct MappingError {
    pub line: usize,
    pub message: String,
}

impl ColumnMapping {
    /// Reads one `header = field` per line; blank lines and lines starting
    /// with `#` are skipped. The last `=` separates, so a header may itself
    /// contain one.
    pub fn parse(text: &str) -> Result<ColumnMapping, MappingError> {
        let mut entries: Vec<(String, Field)> = Vec::new();
        let mut lines_by_header: HashMap<String, usize> = HashMap::new();
        for (index, raw_line) in text.lines().enumerate() {
            let line = index + 1;
            let content = raw_line.trim().trim_start_matches('\u{feff}');
            if content.is_empty() || content.starts_with('#') {
                continue;
            }
            let (header, field) =
                parse_mapping_line(content).map_err(|message| MappingError { line, message })?;
            if let Some(first_line) = lines_by_header.insert(header_key(&header), line) {
                return Err(MappingError {
                    line,
                    message: format!("the column '{header}' was already mapped on line {first_line}"),
                });
            }
            entries.push((header, field));
        }
        Ok(ColumnMapping(entries))
    }

    /// The field chosen for a header, compared ignoring case and surrounding
    /// spaces.
    pub fn field_for(&self, header: &str) -> Option<Field> {
        let key = header_key(header);
        self.0
            .iter()
            .find(|(mapped, _)| header_key(mapped) == key)
            .map(|(_, field)| *field)
    }
}

fn parse_mapping_line(content: &str) -> Result<(String, Field), String> {
    let Some((header, field_name)) = content.rsplit_once('=') else {
        return Err(format!("expected 'header = field', found '{content}'"));
    };
    let header = header.trim();
    if header.is_empty() {
        return Err(format!("no column header before '=' in '{content}'"));
    }
    let field = Field::from_snake_name(field_name).ok_or_else(|| {
        let known: Vec<&str> = Field::ALL.iter().map(|field| field.snake_name()).collect();
        format!(
            "unknown field '{}'; use one of {}",
            field_name.trim(),
            known.join(", ")
        )
    })?;
    Ok((header.to_owned(), field))
}

/// Problems with a file as a whole: nothing of it is imported.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum CsvError {
    #[error("the file has no header line: it is empty or holds only blank lines")]
    NoHeader,
    #[error("no column holds the {wanted}: looked for {looked_for}; the file's columns are {}", quoted_list(.found))]
    MissingColumn {
        wanted: &'static str,
        looked_for: String,
        found: Vec<String>,
    },
    #[error("the column mapping names the column '{header}', which the file does not have; the file's columns are {}", quoted_list(.found))]
    MappedColumnMissing { header: String, found: Vec<String> },
    #[error("the file has more than {max} records; split it into smaller files", max = MAX_RECORDS)]
    TooManyRecords,
    #[error("the text is {bytes} bytes; at most {max} bytes can be imported", max = MAX_FILE_BYTES)]
    TooLarge { bytes: u64 },
    #[error("'{}' cannot separate fields; use ';', ',' or a tab", show_delimiter(.0))]
    InvalidDelimiter(u8),
    #[error("line {line}: the file cannot be read as CSV: {message}")]
    Unreadable { line: usize, message: String },
}

fn show_delimiter(delimiter: &u8) -> String {
    char::from(*delimiter).escape_default().to_string()
}

fn quoted_list(values: &[String]) -> String {
    if values.is_empty() {
        return "(none)".to_owned();
    }
    values
        .iter()
        .map(|value| format!("'{value}'"))
        .collect::<Vec<_>>()
        .join(", ")
}

/// People read from a file, with the rows that could not be used.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct PeopleCsv {
    pub delimiter: u8,
    pub columns: Vec<ColumnUse>,
    pub rows: Vec<PersonRow>,
    pub errors: Vec<RecordError>,
}

impl PeopleCsv {
    /// Headers that were neither recognised nor mapped by the user.
    pub fn unknown_columns(&self) -> Vec<&str> {
        unknown_columns(&self.columns)
    }
}

fn unknown_columns<F>(columns: &[ColumnUse<F>]) -> Vec<&str> {
    columns
        .iter()
        .filter(|column| column.field.is_none() && !column.header.is_empty())
        .map(|column| column.header.as_str())
        .collect()
}

/// Finds the field separator from the first non-blank line, counting only
/// separators outside quotes. Falls back to `;` for a one-column file.
pub fn detect_delimiter(text: &str) -> u8 {
    let header = first_nonblank_line(text);
    let mut counts = [0usize; DELIMITER_PREFERENCE.len()];
    let mut in_quotes = false;
    for byte in header.bytes() {
        if byte == b'"' {
            in_quotes = !in_quotes;
        } else if !in_quotes {
            if let Some(index) = DELIMITER_PREFERENCE.iter().position(|&d| d == byte) {
                counts[index] += 1;
            }
        }
    }
    // The first maximum wins, which is the preferred separator on a tie.
    let mut best = 0;
    for (index, &count) in counts.iter().enumerate() {
        if count > counts[best] {
            best = index;
        }
    }
    DELIMITER_PREFERENCE[best]
}

/// The first line with content, extended over line breaks inside quotes.
fn first_nonblank_line(text: &str) -> &str {
    let mut start = 0;
    let mut in_quotes = false;
    for (index, byte) in text.bytes().enumerate() {
        match byte {
            b'"' => in_quotes = !in_quotes,
            b'\n' if !in_quotes => {
                let line = &text[start..index];
                if !line.trim().is_empty() {
                    return line;
                }
                start = index + 1;
            }
            _ => {}
        }
    }
    &text[start..]
}

/// One record as read, values trimmed, with the line it starts on.
struct RawRecord {
    line: usize,
    cells: Vec<String>,
}

/// A delimited file opened past its header.
struct Table<R: Read> {
    delimiter: u8,
    headers: Vec<String>,
    reader: csv::Reader<Tracked<io::Chain<io::Cursor<Vec<u8>>, R>>>,
    lines: LineBreaks,
    data_records: usize,
}

/// How much of the start of a file is looked at for its separator and
/// Excel's `sep=` line.
const HEAD_BYTES: u64 = 64 * 1024;

impl<'a> Table<&'a [u8]> {
    fn open(text: &'a str, delimiter: Option<u8>) -> Result<Table<&'a [u8]>, CsvError> {
        let size = u64::try_from(text.len()).unwrap_or(u64::MAX);
        if size > MAX_FILE_BYTES {
            return Err(CsvError::TooLarge { bytes: size });
        }
        Table::open_stream(text.as_bytes(), delimiter)
    }
}

impl<R: Read> Table<R> {
    /// Opens UTF-8 text read as a stream; the caller caps its size.
    fn open_stream(mut source: R, delimiter: Option<u8>) -> Result<Table<R>, CsvError> {
        let mut head = Vec::new();
        (&mut source)
            .take(HEAD_BYTES)
            .read_to_end(&mut head)
            .map_err(|error| CsvError::Unreadable {
                line: 1,
                message: error.to_string(),
            })?;
        // The head may end inside a character; what comes before is enough
        // to find the separator.
        let head_text = match std::str::from_utf8(&head) {
            Ok(text) => text,
            Err(error) => std::str::from_utf8(&head[..error.valid_up_to()]).unwrap_or_default(),
        };
        let without_bom = head_text.strip_prefix('\u{feff}').unwrap_or(head_text);
        let (hinted, body, line_offset) = split_separator_hint(without_bom);
        let delimiter = match delimiter {
            Some(chosen) => checked_delimiter(chosen)?,
            None => hinted.unwrap_or_else(|| detect_delimiter(body)),
        };
        head.drain(..head_text.len() - body.len());
        let lines = LineBreaks::new(line_offset);
        let reader = ReaderBuilder::new()
            .delimiter(delimiter)
            .flexible(true)
            .has_headers(false)
            .from_reader(lines.track(io::Cursor::new(head).chain(source)));
        let mut table = Table {
            delimiter,
            headers: Vec::new(),
            reader,
            lines,
            data_records: 0,
        };
        let header = table.next_nonblank()?.ok_or(CsvError::NoHeader)?;
        table.headers = header.cells.iter().map(|cell| clean_header(cell)).collect();
        Ok(table)
    }

    fn next_nonblank(&mut self) -> Result<Option<RawRecord>, CsvError> {
        let mut record = StringRecord::new();
        loop {
            match self.reader.read_record(&mut record) {
                Ok(true) => {}
                Ok(false) => return Ok(None),
                Err(error) => {
                    return Err(CsvError::Unreadable {
                        line: self.line_of(error.position()),
                        message: error.to_string(),
                    })
                }
            }
            // A row of only separators is what Excel writes for an empty row.
            if record.iter().all(|cell| cell.trim().is_empty()) {
                continue;
            }
            return Ok(Some(RawRecord {
                line: self.line_of(record.position()),
                cells: record.iter().map(|cell| cell.trim().to_owned()).collect(),
            }));
        }
    }

    fn next_data_record(&mut self) -> Result<Option<RawRecord>, CsvError> {
        let Some(record) = self.next_nonblank()? else {
            return Ok(None);
        };
        self.data_records += 1;
        if self.data_records > MAX_RECORDS {
            return Err(CsvError::TooManyRecords);
        }
        Ok(Some(record))
    }

    fn line_of(&mut self, position: Option<&csv::Position>) -> usize {
        self.lines.line_at(position.map_or(0, |position| position.byte()))
    }

    /// Reads every data record, turning each into a row or into errors.
    /// Rows with a broken shape never reach `build`.
    fn collect_rows<Row>(
        &mut self,
        mut build: impl FnMut(&RawRecord) -> Result<Row, Vec<String>>,
    ) -> Result<(Vec<Row>, Vec<RecordError>), CsvError> {
        let mut rows = Vec::new();
        let mut errors = Vec::new();
        while let Some(record) = self.next_data_record()? {
            let shape = shape_problems(&record, &self.headers, self.delimiter);
            let built = if shape.is_empty() {
                build(&record)
            } else {
                Err(shape)
            };
            match built {
                Ok(row) => rows.push(row),
                Err(problems) => errors.extend(problems.into_iter().map(|message| RecordError {
                    line: record.line,
                    message,
                })),
            }
        }
        Ok((rows, errors))
    }
}

/// Excel understands a first line `sep=;` naming the separator, and some
/// exports write one. Returns the separator, the text after that line, and
/// how many lines were removed.
fn split_separator_hint(text: &str) -> (Option<u8>, &str, usize) {
    let (first_line, rest) = text.split_once('\n').unwrap_or((text, ""));
    let first_line = first_line.trim_end_matches('\r');
    let hinted = first_line
        .get(..4)
        .filter(|prefix| prefix.eq_ignore_ascii_case("sep="))
        .and_then(|_| match first_line.as_bytes() {
            [_, _, _, _, separator] => checked_delimiter(*separator).ok(),
            _ => None,
        });
    match hinted {
        Some(separator) => (Some(separator), rest, 1),
        None => (None, text, 0),
    }
}

fn checked_delimiter(delimiter: u8) -> Result<u8, CsvError> {
    let unusable = !delimiter.is_ascii()
        || delimiter.is_ascii_alphanumeric()
        || matches!(delimiter, b'"' | b'\n' | b'\r');
    if unusable {
        Err(CsvError::InvalidDelimiter(delimiter))
    } else {
        Ok(delimiter)
    }
}

/// Problems that make a record unusable whatever its columns mean.
fn shape_problems(record: &RawRecord, headers: &[String], delimiter: u8) -> Vec<String> {
    let extra_has_content = record
        .cells
        .iter()
        .skip(headers.len())
        .any(|cell| !cell.is_empty());
    if extra_has_content {
        return vec![format!(
            "the row has {} fields but the header has {}; a value containing '{}' may be missing its quotes",
            record.cells.len(),
            headers.len(),
            char::from(delimiter).escape_default()
        )];
    }
    record
        .cells
        .iter()
        .zip(headers)
        .filter_map(|(cell, header)| {
            // Bytes bound characters from above, so most cells skip counting.
            if cell.len() <= MAX_FIELD_CHARS {
                return None;
            }
            let chars = cell.chars().count();
            (chars > MAX_FIELD_CHARS).then(|| {
                format!(
                    "the value in column '{header}' is {chars} characters long; at most {MAX_FIELD_CHARS} are allowed"
                )
            })
        })
        .collect()
}

/// A header as shown to the user: surrounding spaces and byte order marks
/// removed, also one that was decoded as Windows-1252 by mistake.
fn clean_header(raw: &str) -> String {
    let without_bom = raw.trim().trim_start_matches('\u{feff}');
    let without_misread_bom = without_bom.strip_prefix("ï»¿").unwrap_or(without_bom);
    without_misread_bom.trim().to_owned()
}

/// Key for comparing a header with a user's mapping.
fn header_key(header: &str) -> String {
    clean_header(header).to_lowercase()
}

/// Key for comparing a header with the known names of a field.
fn alias_key(header: &str) -> String {
    header_key(header)
        .chars()
        .filter(|c| !matches!(c, ' ' | '-' | '_' | '.'))
        .collect()
}

fn auto_field<F: Copy>(header: &str, aliases: &[(F, &[&str])]) -> Option<F> {
    let key = alias_key(header);
    if key.is_empty() {
        return None;
    }
    aliases
        .iter()
        .find(|(_, names)| names.iter().any(|name| alias_key(name) == key))
        .map(|(field, _)| *field)
}

fn alias_names<F: PartialEq>(aliases: &[(F, &[&str])], fields: &[F]) -> String {
    aliases
        .iter()
        .filter(|(field, _)| fields.contains(field))
        .flat_map(|(_, names)| names.iter().copied())
        .collect::<Vec<_>>()
        .join(", ")
}

/// Which field each column of a file holds.
struct ColumnFields<F> {
    fields: Vec<Option<F>>,
}

impl<F: Copy + PartialEq> ColumnFields<F> {
    fn has(&self, wanted: F) -> bool {
        self.fields.contains(&Some(wanted))
    }

    /// The first non-empty value among the columns holding `wanted`, so a
    /// file with both "Telefon" and "Mobil" gives whichever is filled in.
    fn value<'r>(&self, record: &'r RawRecord, wanted: F) -> Option<&'r str> {
        self.fields
            .iter()
            .zip(&record.cells)
            .find(|(field, cell)| **field == Some(wanted) && !cell.is_empty())
            .map(|(_, cell)| cell.as_str())
    }

    fn uses(&self, headers: &[String]) -> Vec<ColumnUse<F>> {
        headers
            .iter()
            .zip(&self.fields)
            .map(|(header, field)| ColumnUse {
                header: header.clone(),
                field: *field,
            })
            .collect()
    }

    fn require(
        &self,
        wanted: F,
        description: &'static str,
        aliases: &[(F, &[&str])],
        headers: &[String],
    ) -> Result<(), CsvError> {
        if self.has(wanted) {
            return Ok(());
        }
        Err(CsvError::MissingColumn {
            wanted: description,
            looked_for: alias_names(aliases, &[wanted]),
            found: headers.to_vec(),
        })
    }
}

/// Remembers the first line each key appeared on, to refuse repeats.
#[derive(Default)]
struct FirstSeen {
    lines: HashMap<String, usize>,
}

impl FirstSeen {
    fn first_line(&self, key: &str) -> Option<usize> {
        self.lines.get(key).copied()
    }

    fn remember(&mut self, key: String, line: usize) {
        if let Entry::Vacant(entry) = self.lines.entry(key) {
            entry.insert(line);
        }
    }
}

/// Reads people. `delimiter` overrides detection; `mapping` overrides the
/// automatic reading of the headers it names.
pub fn parse_people(
    text: &str,
    delimiter: Option<u8>,
    mapping: Option<&ColumnMapping>,
) -> Result<PeopleCsv, CsvError> {
    people_from(Table::open(text, delimiter)?, mapping)
}

/// [`parse_people`] for UTF-8 text read as a stream (see
/// [`super::text_stream::DecodingReader`]); the caller caps its size.
pub fn parse_people_stream(
    source: impl Read,
    delimiter: Option<u8>,
    mapping: Option<&ColumnMapping>,
) -> Result<PeopleCsv, CsvError> {
    people_from(Table::open_stream(source, delimiter)?, mapping)
}

fn people_from<R: Read>(mut table: Table<R>, mapping: Option<&ColumnMapping>) -> Result<PeopleCsv, CsvError> {
    let columns = people_columns(&table.headers, mapping)?;
    let mut ids = FirstSeen::default();
    let mut emails = FirstSeen::default();
    let (rows, errors) = table.collect_rows(|record| {
        let person = person_from_record(record, &columns)?;
        refuse_repeated_person(&person, &mut ids, &mut emails)?;
        Ok(person)
    })?;
    Ok(PeopleCsv {
        delimiter: table.delimiter,
        columns: columns.uses(&table.headers),
        rows,
        errors,
    })
}

fn people_columns(
    headers: &[String],
    mapping: Option<&ColumnMapping>,
) -> Result<ColumnFields<Field>, CsvError> {
    if let Some(mapping) = mapping {
        let keys: Vec<String> = headers.iter().map(|header| header_key(header)).collect();
        if let Some((missing, _)) = mapping
            .0
            .iter()
            .find(|(header, _)| !keys.contains(&header_key(header)))
        {
            return Err(CsvError::MappedColumnMissing {
                header: missing.clone(),
                found: headers.to_vec(),
            });
        }
    }
    let fields = headers
        .iter()
        .map(|header| {
            mapping
                .and_then(|mapping| mapping.field_for(header))
                .or_else(|| auto_field(header, PEOPLE_ALIASES))
        })
        .collect();
    let columns = ColumnFields { fields };
    let has_name = [Field::Name, Field::FirstName, Field::LastName]
        .into_iter()
        .any(|field| columns.has(field));
    if !has_name {
        return Err(CsvError::MissingColumn {
            wanted: "name",
            looked_for: alias_names(PEOPLE_ALIASES, &[Field::Name, Field::FirstName, Field::LastName]),
            found: headers.to_vec(),
        });
    }
    Ok(columns)
}

fn person_from_record(record: &RawRecord, columns: &ColumnFields<Field>) -> Result<PersonRow, Vec<String>> {
    let text = |field| columns.value(record, field).map(str::to_owned);
    let mut problems = Vec::new();
    let name = person_name(record, columns);
    if name.is_none() {
        problems.push("the row has no name".to_owned());
    }
    let email = text(Field::Email);
    if let Some(email) = email.as_deref().filter(|email| !is_plausible_email(email)) {
        problems.push(format!("the e-mail '{email}' is not an e-mail address"));
    }
    match name {
        Some(name) if problems.is_empty() => Ok(PersonRow {
            line: record.line,
            employee_id: text(Field::EmployeeId),
            name,
            title: text(Field::Title),
            units: units(record, columns),
            profession: text(Field::Profession),
            email,
            phone: text(Field::Phone),
            location: text(Field::Location),
        }),
        _ => Err(problems),
    }
}

/// The name column, or first and last name joined when it is empty or
/// missing.
fn person_name(record: &RawRecord, columns: &ColumnFields<Field>) -> Option<String> {
    if let Some(name) = columns.value(record, Field::Name) {
        return Some(name.to_owned());
    }
    let parts: Vec<&str> = [Field::FirstName, Field::LastName]
        .into_iter()
        .filter_map(|field| columns.value(record, field))
        .collect();
    (!parts.is_empty()).then(|| parts.join(" "))
}

/// The unit path, outermost first. HR systems often put the whole path in
/// the department column as "Børn og Familie / Myndighed"; a path that
/// repeats the forvaltning in the department is not doubled.
fn units(record: &RawRecord, columns: &ColumnFields<Field>) -> Vec<String> {
    let forvaltning = columns.value(record, Field::Forvaltning);
    let department_parts = columns
        .value(record, Field::Department)
        .into_iter()
        .flat_map(|department| department.split(" / "));
    let team = columns.value(record, Field::Team);
    let mut units: Vec<String> = forvaltning
        .into_iter()
        .chain(department_parts)
        .chain(team)
        .map(str::trim)
        .filter(|unit| !unit.is_empty())
        .map(str::to_owned)
        .collect();
    units.dedup_by(|later, earlier| later.to_lowercase() == earlier.to_lowercase());
    units
}

/// One @, something before it, a dot inside the domain, no spaces. Enough
/// to catch "anne(at)kommune.dk" and a phone number in the wrong column
/// without refusing unusual but real addresses.
fn is_plausible_email(value: &str) -> bool {
    let Some((local, domain)) = value.split_once('@') else {
        return false;
    };
    !local.is_empty()
        && !domain.contains('@')
        && !value.chars().any(char::is_whitespace)
        && domain.contains('.')
        && !domain.starts_with('.')
        && !domain.ends_with('.')
        && !domain.contains("..")
}

/// The import matches people by employee id, then by e-mail; a file that
/// names the same person twice would make the second row silently win.
fn refuse_repeated_person(
    person: &PersonRow,
    ids: &mut FirstSeen,
    emails: &mut FirstSeen,
) -> Result<(), Vec<String>> {
    let email_key = person.email.as_deref().map(str::to_lowercase);
    match (&person.employee_id, &email_key) {
        (Some(id), _) => {
            if let Some(first_line) = ids.first_line(id) {
                return Err(vec![format!(
                    "the employee id '{id}' was already used on line {first_line}"
                )]);
            }
        }
        (None, Some(email)) => {
            if let Some(first_line) = emails.first_line(email) {
                return Err(vec![format!(
                    "the e-mail '{}' was already used on line {first_line}",
                    person.email.as_deref().unwrap_or_default()
                )]);
            }
        }
        (None, None) => {}
    }
    if let Some(id) = &person.employee_id {
        ids.remember(id.clone(), person.line);
    }
    if let Some(email) = email_key {
        emails.remember(email, person.line);
    }
    Ok(())
}

/// What a column of a skills file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SkillField {
    Person,
    Skill,
    Level,
}

const SKILL_ALIASES: &[(SkillField, &[&str])] = &[
    (SkillField::Person, PERSON_ALIASES),
    (
        SkillField::Skill,
        &["Kompetence", "Færdighed", "Skill", "Competence"],
    ),
    (SkillField::Level, &["Niveau", "Level"]),
];

/// One person's skill; `person` is an employee id or an e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkillRow {
    pub line: usize,
    pub person: String,
    pub skill: String,
    /// 1 (basic) to 5 (expert), when the file gives one.
    pub level: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkillsCsv {
    pub delimiter: u8,
    pub columns: Vec<ColumnUse<SkillField>>,
    pub rows: Vec<SkillRow>,
    pub errors: Vec<RecordError>,
}

/// Reads skills: a person column and a skill column, and optionally a level
/// from 1 to 5.
pub fn parse_skills(text: &str, delimiter: Option<u8>) -> Result<SkillsCsv, CsvError> {
    skills_from(Table::open(text, delimiter)?)
}

/// [`parse_skills`] for UTF-8 text read as a stream; the caller caps its size.
pub fn parse_skills_stream(source: impl Read, delimiter: Option<u8>) -> Result<SkillsCsv, CsvError> {
    skills_from(Table::open_stream(source, delimiter)?)
}

fn skills_from<R: Read>(mut table: Table<R>) -> Result<SkillsCsv, CsvError> {
    let columns = ColumnFields {
        fields: auto_fields(&table.headers, SKILL_ALIASES),
    };
    columns.require(SkillField::Person, "person", SKILL_ALIASES, &table.headers)?;
    columns.require(SkillField::Skill, "skill", SKILL_ALIASES, &table.headers)?;
    let mut seen = FirstSeen::default();
    let (rows, errors) = table.collect_rows(|record| {
        let row = skill_from_record(record, &columns)?;
        let key = format!("{}\n{}", row.person.to_lowercase(), row.skill.to_lowercase());
        if let Some(first_line) = seen.first_line(&key) {
            return Err(vec![format!(
                "the skill '{}' for '{}' was already listed on line {first_line}",
                row.skill, row.person
            )]);
        }
        seen.remember(key, row.line);
        Ok(row)
    })?;
    Ok(SkillsCsv {
        delimiter: table.delimiter,
        columns: columns.uses(&table.headers),
        rows,
        errors,
    })
}

fn auto_fields<F: Copy>(headers: &[String], aliases: &[(F, &[&str])]) -> Vec<Option<F>> {
    headers.iter().map(|header| auto_field(header, aliases)).collect()
}

fn skill_from_record(
    record: &RawRecord,
    columns: &ColumnFields<SkillField>,
) -> Result<SkillRow, Vec<String>> {
    let mut problems = Vec::new();
    let person = columns.value(record, SkillField::Person);
    if person.is_none() {
        problems.push("the row names no person".to_owned());
    }
    let skill = columns.value(record, SkillField::Skill);
    if skill.is_none() {
        problems.push("the row has no skill".to_owned());
    }
    let level = match columns.value(record, SkillField::Level).map(parse_level) {
        Some(Ok(level)) => Some(level),
        Some(Err(problem)) => {
            problems.push(problem);
            None
        }
        None => None,
    };
    match (person, skill) {
        (Some(person), Some(skill)) if problems.is_empty() => Ok(SkillRow {
            line: record.line,
            person: person.to_owned(),
            skill: skill.to_owned(),
            level,
        }),
        _ => Err(problems),
    }
}

fn parse_level(value: &str) -> Result<u8, String> {
    match value.as_bytes() {
        [digit @ b'1'..=b'5'] => Ok(digit - b'0'),
        _ => Err(format!("the level '{value}' is not a number from 1 to 5")),
    }
}

/// What a column of a course attendance file holds.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AttendanceField {
    Course,
    Person,
    Date,
}

const ATTENDANCE_ALIASES: &[(AttendanceField, &[&str])] = &[
    (
        AttendanceField::Course,
        &["Kursus", "Kursustitel", "Kursusnavn", "Course", "Course title"],
    ),
    (AttendanceField::Person, PERSON_ALIASES),
    (
        AttendanceField::Date,
        &["Dato", "Kursusdato", "Date", "Course date"],
    ),
];

/// One person's attendance at a course; `person` is an employee id or an
/// e-mail address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttendanceRow {
    pub line: usize,
    pub course: String,
    pub person: String,
    pub date: NaiveDate,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AttendanceCsv {
    pub delimiter: u8,
    pub columns: Vec<ColumnUse<AttendanceField>>,
    pub rows: Vec<AttendanceRow>,
    pub errors: Vec<RecordError>,
}

/// Reads course attendance: course, person and date columns.
pub fn parse_attendance(text: &str, delimiter: Option<u8>) -> Result<AttendanceCsv, CsvError> {
    attendance_from(Table::open(text, delimiter)?)
}

/// [`parse_attendance`] for UTF-8 text read as a stream; the caller caps its
/// size.
pub fn parse_attendance_stream(source: impl Read, delimiter: Option<u8>) -> Result<AttendanceCsv, CsvError> {
    attendance_from(Table::open_stream(source, delimiter)?)
}

fn attendance_from<R: Read>(mut table: Table<R>) -> Result<AttendanceCsv, CsvError> {
    let columns = ColumnFields {
        fields: auto_fields(&table.headers, ATTENDANCE_ALIASES),
    };
    for (field, description) in [
        (AttendanceField::Course, "course"),
        (AttendanceField::Person, "person"),
        (AttendanceField::Date, "date"),
    ] {
        columns.require(field, description, ATTENDANCE_ALIASES, &table.headers)?;
    }
    let mut seen = FirstSeen::default();
    let (rows, errors) = table.collect_rows(|record| {
        let row = attendance_from_record(record, &columns)?;
        let key = format!(
            "{}\n{}\n{}",
            row.course.to_lowercase(),
            row.person.to_lowercase(),
            row.date
        );
        if let Some(first_line) = seen.first_line(&key) {
            return Err(vec![format!(
                "'{}' attending '{}' on {} was already listed on line {first_line}",
                row.person, row.course, row.date
            )]);
        }
        seen.remember(key, row.line);
        Ok(row)
    })?;
    Ok(AttendanceCsv {
        delimiter: table.delimiter,
        columns: columns.uses(&table.headers),
        rows,
        errors,
    })
}

fn attendance_from_record(
    record: &RawRecord,
    columns: &ColumnFields<AttendanceField>,
) -> Result<AttendanceRow, Vec<String>> {
    let mut problems = Vec::new();
    let course = columns.value(record, AttendanceField::Course);
    if course.is_none() {
        problems.push("the row has no course".to_owned());
    }
    let person = columns.value(record, AttendanceField::Person);
    if person.is_none() {
        problems.push("the row names no person".to_owned());
    }
    let date = match columns.value(record, AttendanceField::Date) {
        None => {
            problems.push("the row has no date".to_owned());
            None
        }
        Some(value) => {
            let date = parse_date(value);
            if date.is_none() {
                problems.push(format!(
                    "the date '{value}' is not a date; write it as 2024-03-01 or 01-03-2024"
                ));
            }
            date
        }
    };
    match (course, person, date) {
        (Some(course), Some(person), Some(date)) if problems.is_empty() => Ok(AttendanceRow {
            line: record.line,
            course: course.to_owned(),
            person: person.to_owned(),
            date,
        }),
        _ => Err(problems),
    }
}

/// Reads a date as year-month-day (2024-03-01) or, as Danes write it,
/// day-month-year with `-`, `.` or `/` (01-03-2024, 1.3.2024, 01/03/2024).
/// A midnight time that Excel appends ("01-03-2024 00:00") is ignored.
pub fn parse_date(value: &str) -> Option<NaiveDate> {
    let mut tokens = value.split_whitespace();
    let date = tokens.next()?;
    if let Some(time) = tokens.next() {
        if !looks_like_time(time) || tokens.next().is_some() {
            return None;
        }
    }
    let separator = date.chars().find(|c| matches!(c, '-' | '.' | '/'))?;
    let parts: Vec<&str> = date.split(separator).collect();
    let [first, middle, last] = parts.as_slice() else {
        return None;
    };
    let all_digits = |part: &str| !part.is_empty() && part.bytes().all(|b| b.is_ascii_digit());
    if ![first, middle, last].into_iter().all(|part| all_digits(part)) {
        return None;
    }
    let (year, month, day) = match (first.len(), last.len()) {
        (4, 1..=2) => (first, middle, last),
        (1..=2, 4) => (last, middle, first),
        _ => return None,
    };
    if month.len() > 2 {
        return None;
    }
    NaiveDate::from_ymd_opt(year.parse().ok()?, month.parse().ok()?, day.parse().ok()?)
}

fn looks_like_time(token: &str) -> bool {
    token.contains(':') && token.bytes().all(|b| b.is_ascii_digit() || b == b':')
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::interchange::text_decode;

    fn people(text: &str) -> PeopleCsv {
        parse_people(text, None, None).expect("the file should parse")
    }

    fn names(parsed: &PeopleCsv) -> Vec<&str> {
        parsed.rows.iter().map(|row| row.name.as_str()).collect()
    }

    fn error_lines(errors: &[RecordError]) -> Vec<(usize, &str)> {
        errors
            .iter()
            .map(|error| (error.line, error.message.as_str()))
            .collect()
    }

    fn date(year: i32, month: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(year, month, day).expect("a valid test date")
    }

    #[test]
    fn detects_the_delimiter_from_the_header() {
        let cases: [(&str, u8); 10] = [
            ("Navn;E-mail;Telefon\n", b';'),
            ("Name,Email,Phone\n", b','),
            ("Name\tEmail\tPhone\n", b'\t'),
            ("a;b,c\n", b';'),
            ("a,b\tc\n", b'\t'),
            ("\"Navn, fuldt\";Mail\n", b';'),
            ("\"a;b;c\",d\n", b','),
            ("Navn\n", b';'),
            ("\n  \nName,Email\n", b','),
            ("Navn;Mail\nAnne,Hansen,x,y,z\n", b';'),
        ];
        for (text, expected) in cases {
            assert_eq!(
                char::from(detect_delimiter(text)),
                char::from(expected),
                "{text:?}"
            );
        }
    }

    #[test]
    fn reads_the_same_people_with_each_delimiter() {
        let cases = [
            (
                "Navn;E-mail;Stilling\nAnne Hansen;anne@kommune.dk;Socialrådgiver\nBo Ek;;\n",
                b';',
            ),
            (
                "Navn,E-mail,Stilling\nAnne Hansen,anne@kommune.dk,Socialrådgiver\nBo Ek,,\n",
                b',',
            ),
            (
                "Navn\tE-mail\tStilling\nAnne Hansen\tanne@kommune.dk\tSocialrådgiver\nBo Ek\t\t\n",
                b'\t',
            ),
        ];
        for (text, delimiter) in cases {
            let parsed = people(text);
            assert_eq!(parsed.delimiter, delimiter);
            assert_eq!(parsed.errors, vec![]);
            assert_eq!(
                parsed.rows,
                vec![
                    PersonRow {
                        line: 2,
                        name: "Anne Hansen".into(),
                        email: Some("anne@kommune.dk".into()),
                        title: Some("Socialrådgiver".into()),
                        ..PersonRow::default()
                    },
                    PersonRow {
                        line: 3,
                        name: "Bo Ek".into(),
                        ..PersonRow::default()
                    },
                ]
            );
        }
    }

    #[test]
    fn maps_danish_and_english_headers() {
        use Field::*;
        let cases: Vec<(&str, Vec<Option<Field>>)> = vec![
            (
                "Medarbejdernummer;Navn;Stillingsbetegnelse;Afdeling;Forvaltning;Team;Faggruppe;E-mail;Tlf.;Arbejdssted",
                vec![
                    Some(EmployeeId), Some(Name), Some(Title), Some(Department), Some(Forvaltning),
                    Some(Team), Some(Profession), Some(Email), Some(Phone), Some(Location),
                ],
            ),
            (
                "Employee ID,Full name,Job title,Department,Directorate,Team,Profession,Email,Mobile,Office",
                vec![
                    Some(EmployeeId), Some(Name), Some(Title), Some(Department), Some(Forvaltning),
                    Some(Team), Some(Profession), Some(Email), Some(Phone), Some(Location),
                ],
            ),
            (
                "EmployeeID;Fornavn;Efternavn;Enhed;Direktørområde;Fag;E-mailadresse;Mobil;Lokation",
                vec![
                    Some(EmployeeId), Some(FirstName), Some(LastName), Some(Department),
                    Some(Forvaltning), Some(Profession), Some(Email), Some(Phone), Some(Location),
                ],
            ),
            (
                " MEDARBEJDER-ID ; navn ; TITEL ;unit;division;mail;telephone;adresse",
                vec![
                    Some(EmployeeId), Some(Name), Some(Title), Some(Department), Some(Forvaltning),
                    Some(Email), Some(Phone), Some(Location),
                ],
            ),
            (
                "Lønnummer;Display name;First name;Last name;Personnel number;Tlf;Kontor;Skostørrelse",
                vec![
                    Some(EmployeeId), Some(Name), Some(FirstName), Some(LastName), Some(EmployeeId),
                    Some(Phone), Some(Location), None,
                ],
            ),
            (
                "Medarbejdernr;Fulde navn;Stilling;Telefon;Phone;Location;Title;Name",
                vec![
                    Some(EmployeeId), Some(Name), Some(Title), Some(Phone), Some(Phone),
                    Some(Location), Some(Title), Some(Name),
                ],
            ),
        ];
        for (header, expected) in cases {
            let parsed = people(&format!("{header}\n"));
            let fields: Vec<Option<Field>> = parsed.columns.iter().map(|column| column.field).collect();
            assert_eq!(fields, expected, "{header}");
        }
    }

    #[test]
    fn header_texts_are_trimmed_and_unknown_ones_reported() {
        let parsed = people("\u{feff} Navn ;Skostørrelse; Kaldenavn ;\nAnne;42;Søs;\n");
        assert_eq!(
            parsed.columns,
            vec![
                ColumnUse {
                    header: "Navn".into(),
                    field: Some(Field::Name)
                },
                ColumnUse {
                    header: "Skostørrelse".into(),
                    field: None
                },
                ColumnUse {
                    header: "Kaldenavn".into(),
                    field: None
                },
                ColumnUse {
                    header: "".into(),
                    field: None
                },
            ]
        );
        assert_eq!(parsed.unknown_columns(), vec!["Skostørrelse", "Kaldenavn"]);
        assert_eq!(names(&parsed), vec!["Anne"]);
    }

    #[test]
    fn ignores_byte_order_mark_remnants_in_the_first_header() {
        let cases = [
            "\u{feff}Navn;Mail\nAnne;a@b.dk\n",
            "\u{feff}\u{feff}Navn;Mail\nAnne;a@b.dk\n",
            "ï»¿Navn;Mail\nAnne;a@b.dk\n",
            "\"\u{feff}Navn\";Mail\nAnne;a@b.dk\n",
        ];
        for text in cases {
            let parsed = people(text);
            assert_eq!(parsed.columns[0].header, "Navn", "{text:?}");
            assert_eq!(parsed.columns[0].field, Some(Field::Name), "{text:?}");
            assert_eq!(names(&parsed), vec!["Anne"], "{text:?}");
        }
    }

    #[test]
    fn quoted_fields_keep_newlines_delimiters_and_quotes() {
        let text = "Navn;Stilling;Adresse\n\
                    \"Anne Hansen\";\"Leder af \"\"Huset\"\"\";\"Rådhuspladsen 1\n8000 Aarhus C\"\n\
                    \"Bo; Ek\";\"Konsulent, IT\";\n";
        let parsed = people(text);
        assert_eq!(parsed.errors, vec![]);
        assert_eq!(
            parsed.rows,
            vec![
                PersonRow {
                    line: 2,
                    name: "Anne Hansen".into(),
                    title: Some("Leder af \"Huset\"".into()),
                    location: Some("Rådhuspladsen 1\n8000 Aarhus C".into()),
                    ..PersonRow::default()
                },
                PersonRow {
                    line: 4,
                    name: "Bo; Ek".into(),
                    title: Some("Konsulent, IT".into()),
                    ..PersonRow::default()
                },
            ]
        );
    }

    #[test]
    fn reads_a_windows_1252_file_after_decoding() {
        // "Navn;Afdeling\r\nSøren Ærø;Børn og Unge\r\nÅse Øby;Social\r\n" as
        // Danish Excel saves it.
        let mut bytes: Vec<u8> = b"Navn;Afdeling\r\nS".to_vec();
        bytes.extend_from_slice(&[0xF8]);
        bytes.extend_from_slice(b"ren ");
        bytes.extend_from_slice(&[0xC6, b'r', 0xF8]);
        bytes.extend_from_slice(b";B");
        bytes.extend_from_slice(&[0xF8]);
        bytes.extend_from_slice(b"rn og Unge\r\n");
        bytes.extend_from_slice(&[0xC5]);
        bytes.extend_from_slice(b"se ");
        bytes.extend_from_slice(&[0xD8]);
        bytes.extend_from_slice(b"by;Social\r\n");

        let (text, encoding) = text_decode::decode_detected(&bytes).expect("decodable");
        assert_eq!(encoding, text_decode::TextEncoding::Windows1252);
        let parsed = people(&text);
        assert_eq!(parsed.errors, vec![]);
        assert_eq!(
            parsed.rows,
            vec![
                PersonRow {
                    line: 2,
                    name: "Søren Ærø".into(),
                    units: vec!["Børn og Unge".into()],
                    ..PersonRow::default()
                },
                PersonRow {
                    line: 3,
                    name: "Åse Øby".into(),
                    units: vec!["Social".into()],
                    ..PersonRow::default()
                },
            ]
        );
    }

    #[test]
    fn a_file_without_a_name_column_is_refused_listing_its_headers() {
        let error =
            parse_people("Medarbejdernummer;E-mail;Kaldenavn\n1;a@b.dk;Søs\n", None, None).unwrap_err();
        match &error {
            CsvError::MissingColumn { wanted, found, .. } => {
                assert_eq!(*wanted, "name");
                assert_eq!(found, &vec!["Medarbejdernummer", "E-mail", "Kaldenavn"]);
            }
            other => panic!("expected a missing column, got {other:?}"),
        }
        let message = error.to_string();
        assert!(
            message.starts_with("no column holds the name: looked for Navn,"),
            "{message}"
        );
        assert!(message.contains("Fornavn"), "{message}");
        assert!(
            message.ends_with("the file's columns are 'Medarbejdernummer', 'E-mail', 'Kaldenavn'"),
            "{message}"
        );
    }

    #[test]
    fn whole_file_problems() {
        let cases: Vec<(&str, Option<u8>, CsvError)> = vec![
            ("", None, CsvError::NoHeader),
            ("\n\n  \n", None, CsvError::NoHeader),
            (";;;\n;;\n", None, CsvError::NoHeader),
            ("sep=;\n", None, CsvError::NoHeader),
            ("Navn\nAnne\n", Some(b'"'), CsvError::InvalidDelimiter(b'"')),
            ("Navn\nAnne\n", Some(b'a'), CsvError::InvalidDelimiter(b'a')),
            ("Navn\nAnne\n", Some(0xE6), CsvError::InvalidDelimiter(0xE6)),
        ];
        for (text, delimiter, expected) in cases {
            assert_eq!(parse_people(text, delimiter, None), Err(expected), "{text:?}");
        }
    }

    #[test]
    fn bad_email_lines_count_the_lines_of_quoted_records() {
        let text = "Navn;E-mail;Adresse\n\
                    Anne;anne@kommune.dk;\"Rådhuset\nIndgang B\n2. sal\"\n\
                    Bo;bo(at)kommune.dk;\n\
                    \n\
                    Carl;carl@kommune;\n\
                    Dorte;dorte @kommune.dk;\n\
                    Eva;eva@@kommune.dk;\n\
                    Finn;@kommune.dk;\n\
                    Gitte;gitte@kommune..dk;\n\
                    Hans;Hans@Kommune.dk;\n";
        let parsed = people(text);
        assert_eq!(
            error_lines(&parsed.errors),
            vec![
                (5, "the e-mail 'bo(at)kommune.dk' is not an e-mail address"),
                (7, "the e-mail 'carl@kommune' is not an e-mail address"),
                (8, "the e-mail 'dorte @kommune.dk' is not an e-mail address"),
                (9, "the e-mail 'eva@@kommune.dk' is not an e-mail address"),
                (10, "the e-mail '@kommune.dk' is not an e-mail address"),
                (11, "the e-mail 'gitte@kommune..dk' is not an e-mail address"),
            ]
        );
        assert_eq!(names(&parsed), vec!["Anne", "Hans"]);
        assert_eq!(parsed.rows[1].line, 12);
        assert_eq!(
            parsed.errors[0].to_string(),
            "line 5: the e-mail 'bo(at)kommune.dk' is not an e-mail address"
        );
    }

    #[test]
    fn line_numbers_with_crlf_blank_lines_and_separator_hint() {
        let cases: Vec<(&str, Vec<usize>)> = vec![
            ("Navn\r\nAnne\r\nBo\r\n", vec![2, 3]),
            ("\r\n\r\nNavn\r\n\r\nAnne\r\n;\r\nBo", vec![5, 7]),
            ("sep=;\nNavn;Mail\nAnne;\nBo;\n", vec![3, 4]),
            ("SEP=,\r\nNavn,Mail\r\nAnne,\r\n", vec![3]),
            ("Navn;Note\n\"Anne\";\"a\r\nb\"\nBo;\n", vec![2, 4]),
        ];
        for (text, expected) in cases {
            let parsed = people(text);
            let lines: Vec<usize> = parsed.rows.iter().map(|row| row.line).collect();
            assert_eq!(lines, expected, "{text:?}");
            assert_eq!(parsed.errors, vec![], "{text:?}");
        }
    }

    #[test]
    fn separator_hint_and_explicit_delimiter_override_detection() {
        let body = "Navn\tTitel;Afdeling\nAnne\tLeder;IT\n";
        // A tie between ';' and tab goes to ';', which finds no name here.
        match parse_people(body, None, None) {
            Err(CsvError::MissingColumn { found, .. }) => {
                assert_eq!(found, vec!["Navn\tTitel", "Afdeling"]);
            }
            other => panic!("expected a missing name column, got {other:?}"),
        }
        let explicit = parse_people(body, Some(b'\t'), None).expect("parses");
        let hinted = people(&format!("sep=\t\n{body}"));
        for (case, parsed, line) in [("explicit", explicit, 2), ("hinted", hinted, 3)] {
            assert_eq!(parsed.delimiter, b'\t', "{case}");
            assert_eq!(parsed.columns[1].header, "Titel;Afdeling", "{case}");
            assert_eq!(names(&parsed), vec!["Anne"], "{case}");
            assert_eq!(parsed.rows[0].line, line, "{case}");
        }
    }

    #[test]
    fn repeated_people_are_refused_naming_the_first_line() {
        let text = "Medarbejdernummer;Navn;E-mail\n\
                    101;Anne;anne@kommune.dk\n\
                    102;Bo;bo@kommune.dk\n\
                    101;Anne Igen;\n\
                    ;Carl;carl@kommune.dk\n\
                    ;Carl Igen;CARL@kommune.dk\n\
                    ;Anne uden id;anne@kommune.dk\n\
                    103;Bo med nyt id;bo@kommune.dk\n\
                    ;Dorte;\n\
                    ;Dorte;\n";
        let parsed = people(text);
        assert_eq!(
            error_lines(&parsed.errors),
            vec![
                (4, "the employee id '101' was already used on line 2"),
                (6, "the e-mail 'CARL@kommune.dk' was already used on line 5"),
                (7, "the e-mail 'anne@kommune.dk' was already used on line 2"),
            ]
        );
        assert_eq!(
            names(&parsed),
            vec!["Anne", "Bo", "Carl", "Bo med nyt id", "Dorte", "Dorte"]
        );
    }

    #[test]
    fn a_refused_row_does_not_claim_its_id() {
        let parsed = people("Medarbejdernummer;Navn\n7;\n7;Anne\n");
        assert_eq!(error_lines(&parsed.errors), vec![(2, "the row has no name")]);
        assert_eq!(names(&parsed), vec!["Anne"]);
        assert_eq!(parsed.rows[0].employee_id.as_deref(), Some("7"));
    }

    #[test]
    fn too_long_values_are_refused() {
        let at_limit = "a".repeat(MAX_FIELD_CHARS);
        let over_limit = "ø".repeat(MAX_FIELD_CHARS + 1);
        let text = format!("Navn;Stilling;Ukendt\nAnne;{at_limit};\nBo;{over_limit};\nCarl;;{over_limit}\n");
        let parsed = people(&text);
        assert_eq!(names(&parsed), vec!["Anne"]);
        assert_eq!(
            parsed.rows[0].title.as_ref().map(String::len),
            Some(MAX_FIELD_CHARS)
        );
        assert_eq!(
            error_lines(&parsed.errors),
            vec![
                (
                    3,
                    "the value in column 'Stilling' is 4001 characters long; at most 4000 are allowed"
                ),
                (
                    4,
                    "the value in column 'Ukendt' is 4001 characters long; at most 4000 are allowed"
                ),
            ]
        );
    }

    #[test]
    fn rows_with_more_fields_than_the_header() {
        let text = "Navn;E-mail\n\
                    Anne;anne@kommune.dk\n\
                    Bo;bo@kommune.dk;Ekstra\n\
                    Carl;carl@kommune.dk;;\n\
                    Dorte\n";
        let parsed = people(text);
        assert_eq!(
            error_lines(&parsed.errors),
            vec![(
                3,
                "the row has 3 fields but the header has 2; a value containing ';' may be missing its quotes"
            )]
        );
        assert_eq!(names(&parsed), vec!["Anne", "Carl", "Dorte"]);
        assert_eq!(parsed.rows[2].email, None);
    }

    #[test]
    fn rows_without_a_name_are_refused_and_problems_collected() {
        let parsed = people("Navn;E-mail;Titel\n;anne@kommune.dk;Leder\n  ;nope;x\n");
        assert_eq!(
            error_lines(&parsed.errors),
            vec![
                (2, "the row has no name"),
                (3, "the row has no name"),
                (3, "the e-mail 'nope' is not an e-mail address"),
            ]
        );
        assert_eq!(parsed.rows, vec![]);
    }

    #[test]
    fn values_are_trimmed_and_empty_values_are_none() {
        let parsed = people("Navn;Titel;Telefon;Mobil\n  Anne Hansen \t;   ; ;  +45 12 34 56 78 \n");
        assert_eq!(
            parsed.rows,
            vec![PersonRow {
                line: 2,
                name: "Anne Hansen".into(),
                phone: Some("+45 12 34 56 78".into()),
                ..PersonRow::default()
            }]
        );
    }

    #[test]
    fn joins_first_and_last_names_when_there_is_no_name() {
        let text = "Fornavn;Efternavn;Navn\n\
                    Anne;Hansen;\n\
                    Bo;;\n\
                    ;Ek;\n\
                    Carl;Berg;Carl Christian Berg\n\
                    ;;\n";
        let parsed = people(text);
        assert_eq!(
            names(&parsed),
            vec!["Anne Hansen", "Bo", "Ek", "Carl Christian Berg"]
        );
        assert_eq!(parsed.errors, vec![]);

        let only_parts = people("First name,Last name\nAnne,Hansen\n");
        assert_eq!(names(&only_parts), vec!["Anne Hansen"]);
    }

    #[test]
    fn builds_the_unit_path() {
        let cases: Vec<(&str, Vec<&str>)> = vec![
            (
                "Børn og Familie;Myndighed;Team Nord",
                vec!["Børn og Familie", "Myndighed", "Team Nord"],
            ),
            (";Myndighed / Handicap;", vec!["Myndighed", "Handicap"]),
            (
                "Børn og Familie;Myndighed / Handicap / Voksne;Team 2",
                vec!["Børn og Familie", "Myndighed", "Handicap", "Voksne", "Team 2"],
            ),
            (
                "Børn og Familie;Børn og Familie / Myndighed;",
                vec!["Børn og Familie", "Myndighed"],
            ),
            (";Børn/Unge;", vec!["Børn/Unge"]),
            (";Myndighed /  / Handicap;", vec!["Myndighed", "Handicap"]),
            (";;Team Syd", vec!["Team Syd"]),
            (";;", vec![]),
        ];
        for (units, expected) in cases {
            let parsed = people(&format!("Navn;Forvaltning;Afdeling;Team\nAnne;{units}\n"));
            assert_eq!(parsed.rows[0].units, expected, "{units}");
        }
    }

    #[test]
    fn blank_lines_are_skipped() {
        let parsed = people("\n\nNavn;Titel\n\n;\n  ;  \nAnne;Leder\n\n\nBo;\n\n");
        assert_eq!(names(&parsed), vec!["Anne", "Bo"]);
        assert_eq!(parsed.rows[0].line, 7);
        assert_eq!(parsed.rows[1].line, 10);
        assert_eq!(parsed.errors, vec![]);
    }

    #[test]
    fn parses_mapping_text() {
        let text = "# Mapping for the payroll export\n\
                    \n\
                    Nr = employee_id\n\
                    Kaldenavn=name\n\
                      Leder=ignore  \n\
                    Ansat a=b = EMAIL\n";
        assert_eq!(
            ColumnMapping::parse(text),
            Ok(ColumnMapping(vec![
                ("Nr".into(), Field::EmployeeId),
                ("Kaldenavn".into(), Field::Name),
                ("Leder".into(), Field::Ignore),
                ("Ansat a=b".into(), Field::Email),
            ]))
        );
        assert_eq!(ColumnMapping::parse(""), Ok(ColumnMapping::default()));
    }

    #[test]
    fn mapping_text_errors_name_the_line() {
        let cases = [
            ("Nr employee_id", 1, "expected 'header = field', found 'Nr employee_id'"),
            ("# x\n = name", 2, "no column header before '=' in '= name'"),
            ("Nr = employee_id\n\nNavn = nme", 3, "unknown field 'nme'; use one of employee_id, name, first_name, last_name, title, department, forvaltning, team, profession, email, phone, location, ignore"),
            ("Nr = employee_id\nnr = name", 2, "the column 'nr' was already mapped on line 1"),
            ("Nr =", 1, "unknown field ''; use one of employee_id, name, first_name, last_name, title, department, forvaltning, team, profession, email, phone, location, ignore"),
        ];
        for (text, line, message) in cases {
            let error = ColumnMapping::parse(text).unwrap_err();
            assert_eq!(
                error,
                MappingError {
                    line,
                    message: message.into()
                },
                "{text:?}"
            );
        }
        let error = ColumnMapping::parse("x").unwrap_err();
        assert_eq!(
            error.to_string(),
            "mapping line 1: expected 'header = field', found 'x'"
        );
    }

    #[test]
    fn field_names_round_trip() {
        for field in Field::ALL {
            assert_eq!(Field::from_snake_name(field.snake_name()), Some(field));
            assert_eq!(
                serde_json::to_string(&field).unwrap(),
                format!("\"{}\"", field.snake_name())
            );
        }
        assert_eq!(Field::from_snake_name(" Employee_ID "), Some(Field::EmployeeId));
        assert_eq!(Field::from_snake_name("navn"), None);
    }

    #[test]
    fn a_mapping_overrides_automatic_columns() {
        let mapping = ColumnMapping::parse(
            "kaldenavn = name\nNavn = ignore\nNr = employee_id\nID = ignore\nLeder = title\n",
        )
        .expect("valid mapping");
        let text = "ID;Nr;Navn;Kaldenavn;Leder;E-mail\n1;A-7;Anne Marie Hansen;Søs;Chef;soes@kommune.dk\n";
        let parsed = parse_people(text, None, Some(&mapping)).expect("parses");
        let fields: Vec<Option<Field>> = parsed.columns.iter().map(|column| column.field).collect();
        assert_eq!(
            fields,
            vec![
                Some(Field::Ignore),
                Some(Field::EmployeeId),
                Some(Field::Ignore),
                Some(Field::Name),
                Some(Field::Title),
                Some(Field::Email),
            ]
        );
        assert_eq!(parsed.unknown_columns(), Vec::<&str>::new());
        assert_eq!(
            parsed.rows,
            vec![PersonRow {
                line: 2,
                employee_id: Some("A-7".into()),
                name: "Søs".into(),
                title: Some("Chef".into()),
                email: Some("soes@kommune.dk".into()),
                ..PersonRow::default()
            }]
        );
    }

    #[test]
    fn a_mapping_can_supply_the_missing_name_column() {
        let mapping = ColumnMapping(vec![("Kaldenavn".into(), Field::Name)]);
        let text = "Nr;Kaldenavn\n1;Søs\n";
        assert!(matches!(
            parse_people(text, None, None),
            Err(CsvError::MissingColumn { wanted: "name", .. })
        ));
        let parsed = parse_people(text, None, Some(&mapping)).expect("parses");
        assert_eq!(names(&parsed), vec!["Søs"]);
    }

    #[test]
    fn a_mapping_naming_an_absent_column_is_refused() {
        let mapping = ColumnMapping(vec![("Kaldenavn".into(), Field::Name)]);
        let error = parse_people("Navn;Mail\nAnne;a@b.dk\n", None, Some(&mapping)).unwrap_err();
        assert_eq!(
            error.to_string(),
            "the column mapping names the column 'Kaldenavn', which the file does not have; the file's columns are 'Navn', 'Mail'"
        );
    }

    #[test]
    fn too_many_rows_stop_the_parse() {
        let mut text = String::from("Navn\n");
        for _ in 0..MAX_RECORDS {
            text.push_str("A\n");
        }
        let at_limit = people(&text);
        assert_eq!(at_limit.rows.len(), MAX_RECORDS);
        text.push_str("B\n");
        assert_eq!(parse_people(&text, None, None), Err(CsvError::TooManyRecords));
        assert_eq!(
            CsvError::TooManyRecords.to_string(),
            "the file has more than 200000 records; split it into smaller files"
        );
    }

    #[test]
    fn the_preview_serializes_to_json() {
        let parsed = people("Navn;Skonr\nAnne;42\n;1\n");
        let json = serde_json::to_value(&parsed).expect("serializable");
        assert_eq!(json["delimiter"], 59);
        assert_eq!(json["columns"][0]["field"], "name");
        assert_eq!(json["columns"][1]["field"], serde_json::Value::Null);
        assert_eq!(json["rows"][0]["name"], "Anne");
        assert_eq!(json["errors"][0]["line"], 3);
    }

    #[test]
    fn recognises_plausible_email_addresses() {
        let cases = [
            ("anne@kommune.dk", true),
            ("anne.marie+it@sub.kommune.dk", true),
            ("ÅSE@kommune.dk", true),
            ("anne@kommune", false),
            ("anne(at)kommune.dk", false),
            ("anne@.dk", false),
            ("anne@kommune.", false),
            ("a@b@c.dk", false),
            ("anne hansen@kommune.dk", false),
            ("@kommune.dk", false),
            ("12345678", false),
        ];
        for (value, expected) in cases {
            assert_eq!(is_plausible_email(value), expected, "{value}");
        }
    }

    #[test]
    fn parses_skills() {
        let text = "Medarbejdernummer;Kompetence;Niveau\n\
                    101;Motiverende samtale;4\n\
                    102;Excel;\n\
                    103;Mentalisering;grundlæggende\n\
                    104;;3\n\
                    ;Jura;2\n\
                    105;Excel;6\n\
                    101;motiverende samtale;2\n\
                    106;Dansk;1;ekstra\n\
                    107;\"Sags-\nbehandling\";5\n";
        let parsed = parse_skills(text, None).expect("parses");
        assert_eq!(parsed.delimiter, b';');
        assert_eq!(
            parsed.rows,
            vec![
                SkillRow {
                    line: 2,
                    person: "101".into(),
                    skill: "Motiverende samtale".into(),
                    level: Some(4)
                },
                SkillRow {
                    line: 3,
                    person: "102".into(),
                    skill: "Excel".into(),
                    level: None
                },
                SkillRow {
                    line: 10,
                    person: "107".into(),
                    skill: "Sags-\nbehandling".into(),
                    level: Some(5)
                },
            ]
        );
        assert_eq!(
            error_lines(&parsed.errors),
            vec![
                (4, "the level 'grundlæggende' is not a number from 1 to 5"),
                (5, "the row has no skill"),
                (6, "the row names no person"),
                (7, "the level '6' is not a number from 1 to 5"),
                (8, "the skill 'motiverende samtale' for '101' was already listed on line 2"),
                (9, "the row has 4 fields but the header has 3; a value containing ';' may be missing its quotes"),
            ]
        );
    }

    #[test]
    fn skills_accept_english_headers_and_e_mail_persons() {
        let parsed = parse_skills(
            "Email,Skill,Level,Comment\nanne@kommune.dk,Excel,3,likes it\n",
            None,
        )
        .expect("parses");
        assert_eq!(parsed.delimiter, b',');
        assert_eq!(
            parsed
                .columns
                .iter()
                .map(|column| column.field)
                .collect::<Vec<_>>(),
            vec![
                Some(SkillField::Person),
                Some(SkillField::Skill),
                Some(SkillField::Level),
                None
            ]
        );
        assert_eq!(
            parsed.rows,
            vec![SkillRow {
                line: 2,
                person: "anne@kommune.dk".into(),
                skill: "Excel".into(),
                level: Some(3)
            }]
        );
    }

    #[test]
    fn levels_are_digits_one_to_five() {
        let cases = [
            ("1", Ok(1)),
            ("5", Ok(5)),
            ("0", Err("the level '0' is not a number from 1 to 5")),
            ("+3", Err("the level '+3' is not a number from 1 to 5")),
            ("3.0", Err("the level '3.0' is not a number from 1 to 5")),
            ("høj", Err("the level 'høj' is not a number from 1 to 5")),
        ];
        for (value, expected) in cases {
            assert_eq!(parse_level(value), expected.map_err(String::from), "{value}");
        }
    }

    #[test]
    fn skills_and_attendance_require_their_columns() {
        let skills_error = parse_skills("Medarbejdernummer;Niveau\n1;2\n", None).unwrap_err();
        assert_eq!(
            skills_error.to_string(),
            "no column holds the skill: looked for Kompetence, Færdighed, Skill, Competence; the file's columns are 'Medarbejdernummer', 'Niveau'"
        );
        let cases = [
            ("Kursus;Dato\n", "person"),
            ("Medarbejdernummer;Dato\n", "course"),
            ("Kursus;E-mail\n", "date"),
        ];
        for (text, missing) in cases {
            match parse_attendance(text, None) {
                Err(CsvError::MissingColumn { wanted, .. }) => assert_eq!(wanted, missing, "{text}"),
                other => panic!("expected a missing {missing} column, got {other:?}"),
            }
        }
    }

    #[test]
    fn parses_attendance() {
        let text = "Kursustitel,E-mail,Dato\n\
                    Førstehjælp,anne@kommune.dk,2024-03-01\n\
                    Førstehjælp,bo@kommune.dk,01-03-2024\n\
                    \"Konflikt, de-eskalering\",carl@kommune.dk,1.3.2024\n\
                    Excel,dorte@kommune.dk,01/03/2024 00:00\n\
                    Excel,eva@kommune.dk,31-02-2024\n\
                    Excel,,2024-03-01\n\
                    ,finn@kommune.dk,\n\
                    førstehjælp,ANNE@kommune.dk,1-3-2024\n";
        let parsed = parse_attendance(text, None).expect("parses");
        assert_eq!(parsed.delimiter, b',');
        let row = |line, course: &str, person: &str| AttendanceRow {
            line,
            course: course.into(),
            person: person.into(),
            date: date(2024, 3, 1),
        };
        assert_eq!(
            parsed.rows,
            vec![
                row(2, "Førstehjælp", "anne@kommune.dk"),
                row(3, "Førstehjælp", "bo@kommune.dk"),
                row(4, "Konflikt, de-eskalering", "carl@kommune.dk"),
                row(5, "Excel", "dorte@kommune.dk"),
            ]
        );
        assert_eq!(
            error_lines(&parsed.errors),
            vec![
                (
                    6,
                    "the date '31-02-2024' is not a date; write it as 2024-03-01 or 01-03-2024"
                ),
                (7, "the row names no person"),
                (8, "the row has no course"),
                (8, "the row has no date"),
                (
                    9,
                    "'ANNE@kommune.dk' attending 'førstehjælp' on 2024-03-01 was already listed on line 2"
                ),
            ]
        );
        let json = serde_json::to_value(&parsed.rows[0]).expect("serializable");
        assert_eq!(json["date"], "2024-03-01");
    }

    #[test]
    fn attendance_with_english_headers_and_tabs() {
        let parsed =
            parse_attendance("Course\tEmployee ID\tDate\nExcel\t101\t2023-12-24\n", None).expect("parses");
        assert_eq!(parsed.delimiter, b'\t');
        assert_eq!(
            parsed.rows,
            vec![AttendanceRow {
                line: 2,
                course: "Excel".into(),
                person: "101".into(),
                date: date(2023, 12, 24)
            }]
        );
    }

    #[test]
    fn reads_danish_and_iso_dates() {
        let cases = [
            ("2024-03-01", Some(date(2024, 3, 1))),
            ("01-03-2024", Some(date(2024, 3, 1))),
            ("1.3.2024", Some(date(2024, 3, 1))),
            ("01/03/2024", Some(date(2024, 3, 1))),
            ("31.12.2023", Some(date(2023, 12, 31))),
            ("2024-3-1", Some(date(2024, 3, 1))),
            ("29-02-2024", Some(date(2024, 2, 29))),
            ("01-03-2024 00:00", Some(date(2024, 3, 1))),
            ("01-03-2024 00:00:00", Some(date(2024, 3, 1))),
            ("29-02-2023", None),
            ("2024-13-01", None),
            ("03/32/2024", None),
            ("01-03-24", None),
            ("1.3-2024", None),
            ("2024-03", None),
            ("2024-03-01-02", None),
            ("01-003-2024", None),
            ("1. marts 2024", None),
            ("01-03-2024 kl", None),
            ("", None),
        ];
        for (value, expected) in cases {
            assert_eq!(parse_date(value), expected, "{value:?}");
        }
    }
}
