//! Drives the real `hvemved` binary against real SQLite files and tantivy
//! indexes in temporary directories: one test binary, one module per feature.

mod bad_input;
mod demo;
mod import;
mod index;
mod relevance;
mod search;
mod util;
