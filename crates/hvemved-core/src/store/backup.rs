//! The whole directory as one file and back: SQLite's online backup copies
//! the database page by page from one moment of it while the app keeps
//! running, and a restore copies a checked backup over the live database in
//! one step.

use std::path::Path;

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags};

use super::{migrations, Store};
use crate::error::{CoreError, Result};

/// Every page in one step: the copy is then of one moment, even with writes
/// going on, and a directory of 100 000 people takes well under a second.
const ALL_PAGES: std::os::raw::c_int = -1;

impl Store {
    /// Writes a consistent copy of the database to `target` (beside it
    /// first, then renamed, so a failed backup never leaves half a file).
    pub fn backup_to(&self, target: &Path) -> Result<()> {
        let temp = target.with_extension("hvemved-backup-part");
        let _ = std::fs::remove_file(&temp);
        let copy = || -> Result<()> {
            let mut destination = Connection::open(&temp)?;
            copy_all_pages(&self.conn, &mut destination, "no backup was made")?;
            // A backup is one file: no write-ahead log beside it.
            destination.pragma_update(None, "journal_mode", "DELETE")?;
            Ok(())
        };
        if let Err(e) = copy() {
            let _ = std::fs::remove_file(&temp);
            return Err(e);
        }
        std::fs::rename(&temp, target).map_err(|e| CoreError::io(target, e))
    }

    /// Replaces the database with the backup at `source`, after checking
    /// that it is an intact Hvem ved? database no newer than this build.
    pub fn restore_from(&mut self, source: &Path) -> Result<()> {
        let backup = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| not_a_backup(source, &e.to_string()))?;
        check_backup(&backup, source)?;
        copy_all_pages(&backup, &mut self.conn, "nothing was restored")?;
        drop(backup);
        migrations::apply(&mut self.conn, &self.path.display().to_string())?;
        self.checkpoint()
    }
}

/// SQLite reports a database that stayed busy or locked through the busy
/// timeout (another program writing to it) as a step result, not an error:
/// taken for done, an empty file would pass for a backup, and a restore that
/// copied nothing for a restore.
fn copy_all_pages(from: &Connection, to: &mut Connection, outcome: &str) -> Result<()> {
    match Backup::new(from, to)?.step(ALL_PAGES)? {
        StepResult::Done => Ok(()),
        other => Err(CoreError::Database(rusqlite::Error::SqliteFailure(
            rusqlite::ffi::Error::new(rusqlite::ffi::SQLITE_BUSY),
            Some(format!(
                "{outcome}: the database stayed busy ({other:?}) while another program used it; try again"
            )),
        ))),
    }
}

fn check_backup(backup: &Connection, source: &Path) -> Result<()> {
    let check: String = backup
        .query_row("PRAGMA quick_check", [], |r| r.get(0))
        .map_err(|e| not_a_backup(source, &e.to_string()))?;
    if check != "ok" {
        return Err(not_a_backup(source, &format!("the file is damaged ({check})")));
    }
    let has_people: bool = backup
        .query_row(
            "SELECT count(*) = 1 FROM sqlite_master WHERE type = 'table' AND name = 'people'",
            [],
            |r| r.get(0),
        )
        .map_err(|e| not_a_backup(source, &e.to_string()))?;
    if !has_people {
        return Err(not_a_backup(source, "it holds no directory"));
    }
    let version: i64 = backup.query_row("PRAGMA user_version", [], |r| r.get(0))?;
    if version > migrations::latest_version() {
        return Err(not_a_backup(
            source,
            &format!(
                "it was made by a newer version of Hvem ved? (schema {version}; this one reads up to {})",
                migrations::latest_version()
            ),
        ));
    }
    Ok(())
}

fn not_a_backup(source: &Path, why: &str) -> CoreError {
    CoreError::InvalidInput(format!(
        "{} is not a Hvem ved? backup that can be restored: {why}",
        source.display()
    ))
}
