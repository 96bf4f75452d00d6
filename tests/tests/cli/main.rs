//! Drives the real `hvemved` binary against real SQLite files and tantivy
//! indexes in temporary directories: one test binary, one module per feature.

mod access;
mod api;
mod backup_busy;
mod bad_input;
mod competence_map;
mod concurrency;
mod demo;
mod digest;
mod full_disk;
mod http;
mod import;
mod index;
mod initiatives;
mod meeting;
mod owners;
mod people_import;
mod personal_data;
mod relevance;
mod retention;
mod search;
mod search_log;
mod share_back;
mod util;
