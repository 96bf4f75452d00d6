//! The whole directory as one file and back: SQLite's online backup copies
//! the database page by page from one moment of it while the app keeps
//! running, and a restore prepares a checked backup beside the live
//! database (keeping the audit log and the erasures made since) and copies
//! it over in one step.

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use rusqlite::backup::{Backup, StepResult};
use rusqlite::{Connection, OpenFlags, Transaction};

use super::personal_data::{append_entry, audit_entry, erase_person_in, AuditAction, AuditEntry};
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
    ///
    /// A backup is a moment of the past, but two things must not go back
    /// with it: the audit log (who looked up, exported or erased whom since)
    /// and erasures. The restored directory is therefore made ready beside
    /// the live one: the live log's entries the backup lacks are added to
    /// it, and each person erased since the backup was made is erased from
    /// it again. Only then is it copied over the live database, in one step,
    /// so that a failure on the way leaves the directory as it was. Answers
    /// with the people erased again.
    pub fn restore_from(&mut self, source: &Path) -> Result<Vec<String>> {
        let backup = Connection::open_with_flags(source, OpenFlags::SQLITE_OPEN_READ_ONLY)
            .map_err(|e| not_a_backup(source, &e.to_string()))?;
        check_backup(&backup, source)?;
        let live_log = audit_rows(&self.conn)?;
        let staging = self.path.with_extension("restoring");
        remove_database_files(&staging);
        let staged = self.stage_restore(&backup, &staging, &live_log);
        drop(backup);
        let copied = staged.and_then(|(staged_store, erased_again)| {
            copy_all_pages(&staged_store.conn, &mut self.conn, "nothing was restored")?;
            Ok(erased_again)
        });
        remove_database_files(&staging);
        let erased_again = copied?;
        self.checkpoint()?;
        Ok(erased_again)
    }

    /// The backup copied to `staging`, brought to this build's schema, with
    /// the live audit log carried over and erasures applied again.
    fn stage_restore(
        &self,
        backup: &Connection,
        staging: &Path,
        live_log: &[AuditEntry],
    ) -> Result<(Store, Vec<String>)> {
        let mut copy = Connection::open(staging)?;
        copy_all_pages(backup, &mut copy, "nothing was restored")?;
        drop(copy);
        let mut staged = Store::open(staging)?;
        let actor = self.actor.clone();
        let erased_again = staged.write(|tx| carry_over_audit_log(tx, live_log, &actor))?;
        Ok((staged, erased_again))
    }
}

/// Adds to the restored log the entries of the live one it lacks, in their
/// order, and erases again each person whose erasure is among them.
fn carry_over_audit_log(tx: &Transaction, live_log: &[AuditEntry], actor: &str) -> Result<Vec<String>> {
    // Counted, not a set: two searches in the same second by the same
    // person are two entries.
    let mut in_backup: HashMap<&AuditEntry, usize> = HashMap::new();
    let restored = audit_rows(tx)?;
    for entry in &restored {
        *in_backup.entry(entry).or_default() += 1;
    }
    let mut erased_again = Vec::new();
    for entry in live_log {
        if let Some(left) = in_backup.get_mut(entry).filter(|left| **left > 0) {
            *left -= 1;
            continue;
        }
        append_entry(
            tx,
            &entry.at,
            &entry.actor,
            &entry.action,
            entry.person.as_deref(),
            entry.detail.as_deref(),
        )?;
        let Some(person) = entry
            .person
            .as_deref()
            .filter(|_| entry.action == AuditAction::Erased.as_str())
        else {
            continue;
        };
        let still_there: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM people WHERE external_id = ?1)",
            [person],
            |r| r.get(0),
        )?;
        if still_there {
            let why = format!(
                "slettet igen ved gendannelse: sikkerhedskopien er ældre end sletningen {}",
                entry.at
            );
            erase_person_in(tx, person, actor, Some(&why))?;
            erased_again.push(person.to_string());
        }
    }
    Ok(erased_again)
}

/// Every entry of the audit log, oldest first.
fn audit_rows(conn: &Connection) -> Result<Vec<AuditEntry>> {
    let mut stmt = conn.prepare("SELECT at, actor, action, person, detail FROM audit_log ORDER BY id")?;
    let rows = stmt
        .query_map([], audit_entry)?
        .collect::<rusqlite::Result<_>>()?;
    Ok(rows)
}

/// A database file and the write-ahead log and index SQLite keeps beside it.
fn remove_database_files(path: &Path) {
    for suffix in ["", "-wal", "-shm"] {
        let mut name = path.as_os_str().to_owned();
        name.push(suffix);
        let _ = std::fs::remove_file(PathBuf::from(name));
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
