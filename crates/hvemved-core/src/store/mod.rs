//! The SQLite store, the directory's source of truth. One connection per
//! process writes; every write runs in one `BEGIN IMMEDIATE` transaction and
//! takes a change sequence number in that same transaction, which the search
//! index follows.

mod backup;
mod bundle_write;
mod courses;
mod holdings;
mod index_feed;
mod initiatives;
mod knowledge_owners;
mod lookups;
mod lunch;
mod migrations;
mod people_import;
mod personal_data;
mod profile_write;
mod read;
mod records_import;
mod retention;
mod share_back;
mod thesaurus_terms;
mod units;

use std::path::{Path, PathBuf};

use rusqlite::{Connection, OpenFlags, OptionalExtension, Transaction, TransactionBehavior};

use crate::error::Result;

pub(crate) use bundle_write::write_bundle;
pub use bundle_write::ImportReport;
pub(crate) use courses::{set_course_authors_in, set_course_hr_only_in};
pub use courses::{CourseAttendee, CourseReport, PersonSuggestion};
pub(crate) use holdings::backdate_skill_entries_in;
pub use holdings::SkillHolding;
pub use index_feed::{CourseEvidence, IndexChanges, InitiativeEvidence, PersonEvidence, Selection};
pub(crate) use initiatives::save_initiative_in;
pub use initiatives::{
    Initiative, InitiativeInput, InitiativeKind, InitiativeMember, InitiativeQuery, MemberInput, MemberRole,
};
pub(crate) use knowledge_owners::set_knowledge_owner_in;
pub use knowledge_owners::{KnowledgeOwner, OwnerPerson};
pub use lunch::{Colleague, LunchCandidate, LunchPool};
pub(crate) use people_import::import_people_in;
pub use people_import::{FieldConflict, PeopleImportReport, RowAction, RowOutcome};
pub(crate) use personal_data::log_in;
pub use personal_data::{AuditAction, AuditEntry, ErasureReport, LOCAL_USER};
pub use profile_write::{ProfileChanges, SkillChange};
pub use read::{EvidenceParts, IndexablePerson, PersonFacts};
pub(crate) use records_import::{import_attendance_in, import_skills_in};
pub use records_import::{AttendanceImportReport, Refusals, SkillConflict, SkillsImportReport};
pub use retention::{ExpiredCourse, ExpiredPerson, RetentionReport, RetentionRules};
pub(crate) use share_back::set_share_back_in;
pub use share_back::{
    ShareBack, ShareBackItem, ShareBackQuery, ShareBackState, ShareBackUpdate, DEFAULT_SHARE_BACK_DAYS,
};

/// A person's bio as everyone may see it: none when they hide it. The
/// search index and search evidence read only this.
pub(crate) const SHOWN_BIO: &str =
    "CASE WHEN EXISTS (SELECT 1 FROM json_each(hidden_fields) WHERE value = 'bio') THEN NULL ELSE bio END";

pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Who the audit log names for what this connection writes.
    actor: String,
}

impl Store {
    pub fn open(path: &Path) -> Result<Store> {
        let mut conn = Connection::open(path)?;
        // A busy writer in another process (the desktop app while the CLI
        // imports) should make us wait a little, not fail at once.
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        conn.pragma_update(None, "journal_mode", "WAL")?;
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        // Reads dominate: a larger page cache keeps the pages searches touch.
        // No memory mapping: it made no search faster and put the whole
        // database file into the app's resident memory.
        conn.pragma_update(None, "cache_size", -16_000)?;
        conn.pragma_update(None, "mmap_size", 0)?;
        // Every insert into a table with foreign keys or triggers keeps the
        // pages it changes in a statement journal, so that it alone can be
        // undone. On disk that journal made a 100 000-person import write
        // 2.8 GB in 1.4 million calls; in memory it holds one statement's
        // pages at a time.
        conn.pragma_update(None, "temp_store", "MEMORY")?;
        // Deleted rows are overwritten, not left in free pages: an erased
        // colleague must not be recoverable from the file.
        conn.pragma_update(None, "secure_delete", "ON")?;
        // An import cycles through some thirty statements per record; with
        // rusqlite's default cache of 16 they would be compiled again and again.
        conn.set_prepared_statement_cache_capacity(64);
        migrations::apply(&mut conn, &path.display().to_string())?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            actor: LOCAL_USER.to_string(),
        })
    }

    /// A connection that only reads, for searches that run beside the
    /// writer: in WAL mode it sees the last commit and never waits for a
    /// writer, and it cannot change anything by mistake. The writer's
    /// `open` must have run first (it creates and migrates the file).
    pub fn open_reader(path: &Path) -> Result<Store> {
        let flags = OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX;
        let conn = Connection::open_with_flags(path, flags)?;
        // Only while SQLite replays a log another program left behind.
        conn.busy_timeout(std::time::Duration::from_secs(10))?;
        conn.pragma_update(None, "cache_size", -4_000)?;
        conn.pragma_update(None, "mmap_size", 0)?;
        Ok(Store {
            conn,
            path: path.to_path_buf(),
            actor: LOCAL_USER.to_string(),
        })
    }

    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Names who the audit log records for the writes that follow.
    pub fn set_actor(&mut self, actor: &str) {
        self.actor = actor.to_string();
    }

    /// Who the audit log names for what this connection writes.
    pub(crate) fn actor(&self) -> &str {
        &self.actor
    }

    /// Runs `work` in one immediate transaction: all of it lands or none.
    pub fn write<T>(&mut self, work: impl FnOnce(&Transaction) -> Result<T>) -> Result<T> {
        let tx = self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// A transaction the caller decides to commit or roll back (a dry run).
    pub(crate) fn begin_immediate(&mut self) -> Result<Transaction<'_>> {
        Ok(self
            .conn
            .transaction_with_behavior(TransactionBehavior::Immediate)?)
    }

    /// Runs `work` in one read transaction, so that it sees one moment of
    /// the directory and takes the file locks once rather than per statement.
    pub fn read<T>(&self, work: impl FnOnce(&Connection) -> Result<T>) -> Result<T> {
        let tx = self.conn.unchecked_transaction()?;
        let value = work(&tx)?;
        tx.commit()?;
        Ok(value)
    }

    /// Empties this connection's page cache of the pages no statement is
    /// using. They stay in the operating system's file cache, so reading
    /// them again costs a system call each, not a disk read.
    pub fn release_cache(&self) -> Result<()> {
        Ok(self.conn.release_memory()?)
    }

    /// Moves the write-ahead log into the database file and empties it, so
    /// that a large import does not leave a log as big as the database.
    /// Called after a commit: on a full disk the committed transaction is
    /// safe in the log and the next checkpoint moves it, so that is not an
    /// error (reporting one would tell the user nothing was saved).
    pub fn checkpoint(&self) -> Result<()> {
        match self
            .conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        {
            Err(e) if e.sqlite_error_code() == Some(rusqlite::ErrorCode::DiskFull) => Ok(()),
            other => Ok(other?),
        }
    }

    pub fn conn(&self) -> &Connection {
        &self.conn
    }

    /// The newest change sequence number, 0 for an empty directory.
    pub fn change_seq(&self) -> Result<i64> {
        Ok(self
            .conn
            .query_row("SELECT coalesce(max(seq), 0) FROM changes", [], |r| r.get(0))?)
    }

    pub fn meta(&self, key: &str) -> Result<Option<String>> {
        Ok(self
            .conn
            .query_row("SELECT value FROM meta WHERE key = ?1", [key], |r| r.get(0))
            .optional()?)
    }

    pub fn is_empty(&self) -> Result<bool> {
        let people: i64 = self
            .conn
            .query_row("SELECT count(*) FROM people", [], |r| r.get(0))?;
        let courses: i64 = self
            .conn
            .query_row("SELECT count(*) FROM courses", [], |r| r.get(0))?;
        Ok(people == 0 && courses == 0)
    }
}

/// Records one change and returns its sequence number, to be stored on the row.
pub(crate) fn record_change(tx: &Transaction, entity: &str, uuid: &str, op: &str) -> Result<i64> {
    tx.prepare_cached("INSERT INTO changes (entity, entity_uuid, op, at) VALUES (?1, ?2, ?3, ?4)")?
        .execute(rusqlite::params![entity, uuid, op, now()])?;
    Ok(tx.last_insert_rowid())
}

/// Records the deletion of an entity, with a tombstone so that it can be
/// passed on (the row itself is deleted by the caller).
pub(crate) fn record_deletion(tx: &Transaction, entity: &str, uuid: &str, external_id: &str) -> Result<()> {
    let seq = record_change(tx, entity, uuid, "delete")?;
    tx.prepare_cached(
        "INSERT INTO deletions (entity, entity_uuid, external_id, deleted_at, change_seq)
         VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(rusqlite::params![entity, uuid, external_id, now(), seq])?;
    Ok(())
}

/// Marks a row of `table` changed, so that the search index picks it up.
pub(crate) fn touch(tx: &Transaction, table: &str, entity: &str, id: i64, uuid: &str) -> Result<()> {
    let seq = record_change(tx, entity, uuid, "upsert")?;
    tx.prepare_cached(&format!(
        "UPDATE {table} SET updated_at = ?2, change_seq = ?3 WHERE id = ?1"
    ))?
    .execute(rusqlite::params![id, now(), seq])?;
    Ok(())
}

impl Store {
    /// Stores one setting of the directory.
    pub fn set_meta(&mut self, key: &str, value: &str) -> Result<()> {
        self.write(|tx| set_meta(tx, key, value))
    }
}

pub(crate) fn set_meta(tx: &Transaction, key: &str, value: &str) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO meta (key, value) VALUES (?1, ?2)
         ON CONFLICT (key) DO UPDATE SET value = excluded.value",
    )?
    .execute([key, value])?;
    Ok(())
}

/// UTC timestamp in RFC 3339 with seconds, the form every `*_at` column holds.
pub(crate) fn now() -> String {
    chrono::Utc::now().to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// A new record's uuid. Time-ordered (version 7), so that records made one
/// after another get neighbouring keys: a large import then appends to the
/// uuid index instead of touching a random page of it for every record, and
/// the search index's owner keys share their leading bytes. The time it
/// carries is no more than the record's `created_at` already says.
pub(crate) fn new_uuid() -> String {
    uuid::Uuid::now_v7().to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uuids_made_one_after_another_sort_in_the_order_they_were_made() {
        let made: Vec<String> = (0..10_000).map(|_| new_uuid()).collect();
        let mut sorted = made.clone();
        sorted.sort();
        sorted.dedup();
        assert_eq!(sorted, made);
    }

    #[test]
    fn temporary_files_are_kept_in_memory() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("hvemved.sqlite")).unwrap();
        let temp_store: i64 = store
            .conn
            .query_row("PRAGMA temp_store", [], |r| r.get(0))
            .unwrap();
        assert_eq!(temp_store, 2, "2 is MEMORY");
    }

    /// One of SQLite's own counts of the connection (`SQLITE_DBSTATUS_*`).
    fn db_status(store: &Store, what: i32) -> i32 {
        let (mut current, mut highest) = (0, 0);
        // SAFETY: the handle is the open connection's own, and the two
        // out-pointers live for the call.
        let rc = unsafe {
            rusqlite::ffi::sqlite3_db_status(store.conn.handle(), what, &mut current, &mut highest, 0)
        };
        assert_eq!(rc, rusqlite::ffi::SQLITE_OK);
        current
    }

    /// Bytes the connection's page cache holds.
    fn page_cache_bytes(store: &Store) -> i32 {
        db_status(store, rusqlite::ffi::SQLITE_DBSTATUS_CACHE_USED)
    }

    /// Pages the connection has read into its cache since it opened.
    fn pages_read(store: &Store) -> i32 {
        db_status(store, rusqlite::ffi::SQLITE_DBSTATUS_CACHE_MISS)
    }

    #[test]
    fn the_directory_counts_read_the_people_who_left_not_everyone() {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("hvemved.sqlite")).unwrap();
        // 5 000 people with 800-byte bios: a people table of about 4.5 MB,
        // one in fifty of them gone.
        store
            .conn
            .execute_batch(
                "WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 5000)
                 INSERT INTO people (uuid, external_id, name, bio, active, created_at, updated_at, change_seq)
                 SELECT 'u' || n, 'p' || n, 'Person ' || n, printf('%0800d', n), n % 50 != 0,
                        '2026-01-01T00:00:00Z', '2026-01-01T00:00:00Z', n FROM k;",
            )
            .unwrap();
        store.release_cache().unwrap();
        let before = pages_read(&store);
        let stats = store.stats().unwrap();
        assert_eq!((stats.people, stats.active_people), (5000, 4900));
        let page_size: i64 = store
            .conn
            .query_row("PRAGMA page_size", [], |row| row.get(0))
            .unwrap();
        let read = i64::from(pages_read(&store) - before) * page_size;
        assert!(read < 1_000_000, "{read} bytes read to count");
        // And what counting read is not kept: the counts come as a window opens.
        let cached = page_cache_bytes(&store);
        assert!(cached < 64 * 1024, "{cached} bytes cached after counting");
    }

    #[test]
    fn releasing_the_cache_empties_it_and_the_data_reads_back() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("hvemved.sqlite");
        let store = Store::open(&path).unwrap();
        store
            .conn
            .execute_batch(
                "CREATE TABLE filler (n INTEGER, text TEXT);
                 WITH RECURSIVE k(n) AS (SELECT 1 UNION ALL SELECT n + 1 FROM k WHERE n < 20000)
                 INSERT INTO filler SELECT n, printf('%0200d', n) FROM k;",
            )
            .unwrap();
        let reader = Store::open_reader(&path).unwrap();
        let count = |store: &Store| -> i64 {
            store
                .conn
                .query_row("SELECT count(*) FROM filler WHERE text LIKE '%7'", [], |r| {
                    r.get(0)
                })
                .unwrap()
        };
        for store in [&store, &reader] {
            assert_eq!(count(store), 2000);
            let filled = page_cache_bytes(store);
            assert!(filled > 1_000_000, "4 MB of rows read: {filled} bytes cached");
            store.release_cache().unwrap();
            let released = page_cache_bytes(store);
            assert!(
                released < filled / 10,
                "{filled} bytes cached, {released} after release"
            );
            assert_eq!(count(store), 2000);
        }
    }
}
