//! Core of **Hvem ved?**, a staff competency directory for Danish
//! municipalities: who in the building knows about what.
//!
//! Everything that matters lives here, with no dependency on any user
//! interface: the SQLite store (the source of truth), the tantivy search
//! index derived from it, bundle import and export, the demo municipality,
//! and [`api`], the one list of commands that the CLI, the desktop shell and
//! any server call.
//!
//! ```no_run
//! use hvemved_core::api::Directory;
//! use hvemved_core::search::SearchRequest;
//!
//! let mut directory = Directory::open(std::path::Path::new("/tmp/hvemved")).unwrap();
//! let found = directory
//!     .search(&SearchRequest::new("mentalisering", 5))
//!     .unwrap();
//! for hit in found.results {
//!     println!("{} ({:?})", hit.name, hit.evidence);
//! }
//! ```

pub mod access;
pub mod api;
pub mod bundle;
pub mod competence_map;
pub mod demo;
pub mod digest;
pub mod error;
pub mod hr_import;
mod import_file;
pub mod interchange;
pub mod long_commands;
pub mod meeting;
pub mod model;
pub mod paths;
pub mod people_export;
pub mod search;
pub mod search_handle;
pub mod search_log;
pub mod similar_initiatives;
pub mod store;
pub mod thesaurus;

pub use error::{CoreError, ErrorPayload, RecordError, Result};
