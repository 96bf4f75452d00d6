//! Typed errors of the core. Each face turns them into something a user can act
//! on: the CLI prints the message and exits 1 for bad input and 2 for internal
//! faults; the desktop app shows `{ kind, message }`.

use std::fmt;

use serde::Serialize;

/// One invalid record of an import: where it is and what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RecordError {
    /// `people`, `courses` or `bundle` for the document itself.
    pub section: String,
    /// Position in its list, counted from 0 as in the JSON array.
    pub index: Option<usize>,
    /// The record's `id`, when it has a usable one.
    pub id: Option<String>,
    pub problem: String,
}

impl fmt::Display for RecordError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.section)?;
        if let Some(index) = self.index {
            write!(f, "[{index}]")?;
        }
        if let Some(id) = &self.id {
            write!(f, " (id \"{id}\")")?;
        }
        write!(f, ": {}", self.problem)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum CoreError {
    #[error("the file is not valid JSON: {message} (line {line}, column {column})")]
    MalformedJson {
        line: usize,
        column: usize,
        message: String,
    },

    #[error("{} invalid record(s), nothing was imported:\n{}", .0.len(), list(.0))]
    InvalidRecords(Vec<RecordError>),

    #[error("no person with id \"{0}\"")]
    PersonNotFound(String),
    /// The viewer's role may not do this; says what and which role may.
    #[error("{0}")]
    Forbidden(String),

    #[error("the directory at {0} already holds data; use --force to add the demo municipality anyway")]
    DirectoryNotEmpty(String),

    #[error("invalid input: {0}")]
    InvalidInput(String),

    /// A file whose columns do not say where a needed value is; `columns`
    /// lets a face offer to say which column holds what.
    #[error("invalid input: {message}")]
    ColumnsNotUnderstood { message: String, columns: Vec<String> },

    #[error("could not read or write {path}: {source}")]
    Io {
        path: String,
        #[source]
        source: std::io::Error,
    },

    #[error("database error: {0}")]
    Database(rusqlite::Error),

    /// The disk holding the directory is full. What was being written was
    /// not written (SQLite rolls the transaction back); an index that could
    /// not be brought up to date catches up when the directory next opens.
    #[error("the disk is full: {what}; free some space and try again")]
    DiskFull { what: String },

    #[error("search index error: {0}")]
    Index(String),

    #[error("the database at {path} was written by a newer version of Hvem ved? (schema {found}, this version knows {known})")]
    SchemaTooNew { path: String, found: i64, known: i64 },
}

fn list(errors: &[RecordError]) -> String {
    errors
        .iter()
        .map(|e| format!("  - {e}"))
        .collect::<Vec<_>>()
        .join("\n")
}

impl CoreError {
    /// Whether the user can fix this by changing what they gave us, as
    /// opposed to a fault of the machine or the program.
    pub fn is_user_error(&self) -> bool {
        matches!(
            self,
            CoreError::MalformedJson { .. }
                | CoreError::InvalidRecords(_)
                | CoreError::PersonNotFound(_)
                | CoreError::Forbidden(_)
                | CoreError::DirectoryNotEmpty(_)
                | CoreError::InvalidInput(_)
                | CoreError::ColumnsNotUnderstood { .. }
                | CoreError::DiskFull { .. }
                | CoreError::SchemaTooNew { .. }
        )
    }

    /// A stable machine-readable name, used across the IPC boundary.
    pub fn kind(&self) -> &'static str {
        match self {
            CoreError::MalformedJson { .. } => "malformed_json",
            CoreError::InvalidRecords(_) => "invalid_records",
            CoreError::PersonNotFound(_) => "not_found",
            CoreError::Forbidden(_) => "forbidden",
            CoreError::DirectoryNotEmpty(_) => "directory_not_empty",
            CoreError::InvalidInput(_) => "invalid_input",
            CoreError::ColumnsNotUnderstood { .. } => "columns_not_understood",
            CoreError::Io { .. } => "io",
            CoreError::Database(_) => "database",
            CoreError::DiskFull { .. } => "disk_full",
            CoreError::Index(_) => "index",
            CoreError::SchemaTooNew { .. } => "schema_too_new",
        }
    }

    /// How the error crosses a face (HTTP, the desktop app's IPC).
    pub fn payload(&self) -> ErrorPayload {
        ErrorPayload {
            kind: self.kind().to_string(),
            message: self.to_string(),
            details: match self {
                CoreError::InvalidRecords(records) => records.clone(),
                _ => Vec::new(),
            },
            columns: match self {
                CoreError::ColumnsNotUnderstood { columns, .. } => columns.clone(),
                _ => Vec::new(),
            },
        }
    }

    pub fn io(path: impl AsRef<std::path::Path>, source: std::io::Error) -> Self {
        if source.kind() == std::io::ErrorKind::StorageFull {
            return CoreError::DiskFull {
                what: format!("could not write {}", path.as_ref().display()),
            };
        }
        CoreError::Io {
            path: path.as_ref().display().to_string(),
            source,
        }
    }
}

impl From<rusqlite::Error> for CoreError {
    fn from(e: rusqlite::Error) -> Self {
        if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) {
            return CoreError::DiskFull {
                what: "nothing was written".into(),
            };
        }
        CoreError::Database(e)
    }
}

impl From<tantivy::TantivyError> for CoreError {
    fn from(e: tantivy::TantivyError) -> Self {
        if tantivy_storage_full(&e) {
            return CoreError::DiskFull {
                what: "the search index could not be brought up to date (what was saved is kept, and the index catches up when the app next starts)".into(),
            };
        }
        CoreError::Index(e.to_string())
    }
}

/// Whether tantivy failed for want of space: its I/O errors sit in
/// variants of their own rather than in a source chain.
fn tantivy_storage_full(error: &tantivy::TantivyError) -> bool {
    use tantivy::directory::error::OpenWriteError;
    let full = |io: &std::io::Error| io.kind() == std::io::ErrorKind::StorageFull;
    match error {
        tantivy::TantivyError::IoError(io) => full(io),
        tantivy::TantivyError::OpenWriteError(OpenWriteError::IoError { io_error, .. }) => full(io_error),
        _ => {
            let mut source = std::error::Error::source(error);
            while let Some(cause) = source {
                if cause.downcast_ref::<std::io::Error>().is_some_and(full) {
                    return true;
                }
                source = cause.source();
            }
            false
        }
    }
}

/// `{ "kind": "...", "message": "...", "details": [...] }`: an error as the UI
/// receives it; `details` lists every invalid record of a refused import.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ErrorPayload {
    pub kind: String,
    pub message: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub details: Vec<RecordError>,
    /// The file's columns, when they were not understood.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub columns: Vec<String>,
}

impl ErrorPayload {
    pub fn new(kind: &str, message: impl Into<String>) -> ErrorPayload {
        ErrorPayload {
            kind: kind.to_owned(),
            message: message.into(),
            details: Vec::new(),
            columns: Vec::new(),
        }
    }
}

pub type Result<T, E = CoreError> = std::result::Result<T, E>;
