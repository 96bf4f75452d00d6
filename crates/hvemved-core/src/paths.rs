//! Where a directory lives on disk: the user's data directory by default,
//! or the one named by `--data-dir` / `HVEMVED_DATA_DIR`.

use std::path::{Path, PathBuf};

use crate::error::{CoreError, Result};

pub const DATA_DIR_ENV: &str = "HVEMVED_DATA_DIR";
pub const DATABASE_FILE: &str = "hvemved.sqlite";
pub const INDEX_DIR: &str = "index";

/// The platform's per-user data directory for the app, e.g.
/// `~/.local/share/hvemved` on Linux and `%APPDATA%\Hvem ved\data` on Windows.
pub fn default_data_dir() -> Result<PathBuf> {
    directories::ProjectDirs::from("dk", "Hvem ved", "hvemved")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or_else(|| {
            CoreError::InvalidInput(format!(
                "no home directory was found; choose a data directory with --data-dir or {DATA_DIR_ENV}"
            ))
        })
}

pub fn database_path(data_dir: &Path) -> PathBuf {
    data_dir.join(DATABASE_FILE)
}

pub fn index_path(data_dir: &Path) -> PathBuf {
    data_dir.join(INDEX_DIR)
}
