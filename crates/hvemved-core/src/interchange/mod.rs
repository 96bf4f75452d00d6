//! The formats other systems speak: people from an HR system's CSV export
//! (as Danish Excel writes it) and from an Active Directory LDIF export,
//! skills and course attendance as CSV; and out again as vCards for the
//! address book and CSV for Excel. Parsers here only read and check text:
//! what a row means for the directory is decided by the import.

mod csv_lines;
pub mod excel_csv;
pub mod ldif;
pub mod people_csv;
pub mod text_decode;
pub mod text_stream;
pub mod vcard;

use serde::{Deserialize, Serialize};

/// Longest value of one field, in characters: an HR export has no reason to
/// carry more, and a hostile file must not make every later screen slow.
pub const MAX_FIELD_CHARS: usize = 4_000;
/// Most records (rows or entries) in one file.
pub const MAX_RECORDS: usize = 200_000;
/// Largest file an import reads.
pub const MAX_FILE_BYTES: u64 = 200 * 1024 * 1024;

/// One person as an outside system describes them. Every field but the name
/// may be missing; the import matches the row to a person by employee id,
/// then by e-mail.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct PersonRow {
    /// Where the record starts in the file (1-based line), for messages.
    pub line: usize,
    pub employee_id: Option<String>,
    pub name: String,
    pub title: Option<String>,
    /// The unit path, outermost first ("Børn og Familie", "Myndighed").
    pub units: Vec<String>,
    pub profession: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub location: Option<String>,
}

/// A record that cannot be used, and why: "line 14: the e-mail
/// 'anne(at)kommune.dk' is not an e-mail address".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct RecordError {
    pub line: usize,
    pub message: String,
}

impl std::fmt::Display for RecordError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "line {}: {}", self.line, self.message)
    }
}
