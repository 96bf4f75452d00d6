//! Backups taken while `hvemved serve` answers a stream of edits restore to
//! exactly the database of the backup's moment, with a search index rebuilt
//! to match it.
//!
//! The moment of a backup: the server runs API calls one at a time on the
//! thread that owns the directory, so a `backup_download` falls between two
//! writes of the stream, whichever of the two requests reached the server
//! first. The writer sends one write at a time and, once a write is
//! acknowledged and before it sends the next, reads the live database
//! itself (its own read-only connection, one read transaction) and hashes
//! every table: the database after exactly that many writes. Nothing but the
//! stream changes those tables, so that reference is exact however the
//! backups fall, and it comes from SQLite's file, not from the backup code
//! under test.
//!
//! A backup names its own moment through the change sequence: every write
//! takes new change numbers, so the backup's newest one says after how many
//! writes it was taken; every other table must then hash as the reference of
//! that moment does. The moment must lie between the writes acknowledged
//! before the backup was asked for (a backup may never miss one) and the
//! writes begun before it returned.
//!
//! The audit log is the one table a backup itself writes to: the server logs
//! each download right after making it, at a moment only the server knows.
//! The log is append-only, so the log of any moment is a beginning of the
//! final one: a backup must hold exactly such a beginning, its entries of the
//! stream's writes must be those of its moment, and the entry right after
//! what it holds must be its own record of the download.
//!
//! The exact comparison takes its backups through the server. `hvemved
//! backup FILE` from a second process is tested beside it: it opens only the
//! database (opening the whole directory would bring the search index up to
//! date and contend with the server for the index's writer lock, which once
//! made the server's edits fail although their rows were saved), so every
//! edit of the stream must still be answered and each backup must restore
//! to a sound directory.

use std::collections::{BTreeMap, BTreeSet};
use std::path::Path;
use std::process::{Command, Output};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;
use std::time::{Duration, Instant};

use base64::Engine;
use rusqlite::{Connection, OpenFlags};
use serde_json::{json, Value};

use crate::util::{hvemved_binary, ids, post, Server, TestDir};

/// A backup is asked for once this many writes are acknowledged; each is
/// then held back a few milliseconds more (see [`backup_client`]), so that
/// some reach the server while a write is in flight and some between writes.
const BACKUP_AFTER_WRITES: [usize; 4] = [8, 30, 55, 80];
/// The writer goes on this many writes after the last backup returned, so
/// that every backup is taken with writes before and after it.
const WRITES_AFTER_BACKUPS: usize = 3;
/// Below the demo's 300 people, so no write's person is written to again by
/// a later write of the same kind.
const MAX_WRITES: usize = 250;

/// The audit log's record of a downloaded backup.
const BACKUP_RECORD: &str = "action = 'exported' AND coalesce(detail, '') = 'backup'";

#[test]
fn backups_taken_while_edits_stream_in_restore_to_the_database_of_their_moment() {
    let started = Instant::now();
    let dir = TestDir::new();
    dir.run_ok(&["demo"]);
    let people = active_people(&dir.data().join("hvemved.sqlite"));
    let server = Server::start(&dir.data());
    let port = server.port;

    let progress = Arc::new(Progress::default());
    let writer = {
        let progress = Arc::clone(&progress);
        let database = dir.data().join("hvemved.sqlite");
        let people = people.clone();
        std::thread::spawn(move || write_stream(port, &database, &people, &progress))
    };
    let backups = backup_client(port, &progress);
    let moments = writer.join().expect("the write stream ran to its end");
    let stream_time = started.elapsed();

    // The final audit log, of which every moment's log is a beginning.
    let live = read_only(&dir.data().join("hvemved.sqlite"));
    let writes = progress.acknowledged.load(Ordering::SeqCst);
    assert_eq!(
        moments.len(),
        writes + 1,
        "one reference per write, and one before them"
    );
    // A backup's newest change number names its moment only if every write
    // takes change numbers of its own.
    assert!(
        moments
            .windows(2)
            .all(|pair| pair[0].change_seq < pair[1].change_seq),
        "a write of the stream took no change number"
    );

    let mut summary = Vec::new();
    for backup in &backups {
        assert!(
            backup.acknowledged_before > 0 && writes > backup.begun_by_return,
            "backup {} was not taken while writes ran: {} writes acknowledged before it, {} begun by its \
             return, {writes} in all",
            backup.number,
            backup.acknowledged_before,
            backup.begun_by_return
        );
        let restored = dir.file(&format!("restored-{}", backup.number));
        let file = dir.file(&format!("busy-{}.backup", backup.number));
        std::fs::write(&file, &backup.bytes).unwrap();
        let restoring = Instant::now();
        run_ok(&restored, &["restore", file.to_str().unwrap()]);
        let report: Value = serde_json::from_str(&run_ok(&restored, &["check", "--json"])).unwrap();
        let restore_time = restoring.elapsed();
        assert_eq!(
            report["consistent"], true,
            "backup {} restored to a directory whose index differs from its database: {report}",
            backup.number
        );

        let database = read_only(&restored.join("hvemved.sqlite"));
        let moment = moment_of(&database, &moments, backup);
        assert_eq!(
            report["index_seq"], moments[moment].change_seq,
            "backup {}: the rebuilt index is of another moment",
            backup.number
        );
        assert_tables_as_at_moment(&database, &moments[moment], backup.number, moment);
        assert_audit_log_as_at_moment(&database, &live, &moments[moment], backup.number);
        drop(database);
        assert_search_as_at_moment(&restored, &people, moment, writes, backup.number);
        summary.push(format!(
            "backup {} after {} writes ({} acknowledged when asked for; restore and check {} ms)",
            backup.number,
            moment,
            backup.acknowledged_before,
            restore_time.as_millis()
        ));
    }
    drop(server);
    eprintln!(
        "{writes} writes and {} backups in {} ms; all checked in {} ms\n  {}",
        backups.len(),
        stream_time.as_millis(),
        started.elapsed().as_millis(),
        summary.join("\n  ")
    );
}

/// A restore into a directory another program is writing to waits out the
/// busy timeout, then says that nothing was restored and leaves every row as
/// it was; once the other program is done, the same restore works.
#[test]
fn backups_by_a_second_process_disturb_no_edit_and_restore_soundly() {
    let root = tempfile::tempdir().unwrap();
    let data = root.path().join("live");
    run_ok(&data, &["demo"]);
    let people = active_people(&data.join("hvemved.sqlite"));
    let server = Server::start(&data);
    let port = server.port;
    let writer = std::thread::spawn(move || {
        (1..=60)
            .map(|n| {
                let write = stream_write(n, &people);
                let (status, body) = post(port, write.command, &write.args.to_string());
                (n, status, body)
            })
            .collect::<Vec<_>>()
    });
    let mut backups = Vec::new();
    for number in 0..5 {
        std::thread::sleep(Duration::from_millis(150));
        let file = root.path().join(format!("second-{number}.backup"));
        run_ok(&data, &["backup", file.to_str().unwrap()]);
        backups.push(file);
    }
    for (n, status, body) in writer.join().unwrap() {
        assert_eq!(status, 200, "write {n} was answered {status}: {body}");
    }
    for (number, file) in backups.iter().enumerate() {
        let restored = root.path().join(format!("restored-second-{number}"));
        run_ok(&restored, &["restore", file.to_str().unwrap()]);
        let check: Value = serde_json::from_str(&run_ok(&restored, &["check", "--json"])).unwrap();
        assert_eq!(check["consistent"], true, "backup {number}: {check:#}");
    }
    drop(server);
    let check: Value = serde_json::from_str(&run_ok(&data, &["check", "--json"])).unwrap();
    assert_eq!(check["consistent"], true, "the live directory: {check:#}");
}

#[test]
fn a_restore_while_another_program_writes_says_so_and_changes_nothing() {
    let dir = TestDir::new();
    dir.run_ok(&["demo"]);
    let backup = dir.file("demo.backup");
    dir.run_ok(&["backup", backup.to_str().unwrap()]);
    let target = dir.file("smaller");
    run_ok(&target, &["demo", "--people", "20", "--courses", "5"]);
    let target_database = target.join("hvemved.sqlite");
    let before = {
        let mut conn = read_only(&target_database);
        read_moment(&mut conn)
    };

    let other_program = Connection::open(&target_database).unwrap();
    other_program
        .execute_batch(
            "BEGIN IMMEDIATE; INSERT INTO meta (key, value) VALUES ('held', 'by another program');",
        )
        .unwrap();
    let refused = hvemved(&target, &["restore", backup.to_str().unwrap()]);
    other_program.execute_batch("ROLLBACK").unwrap();
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        !refused.status.success() && stderr.contains("nothing was restored"),
        "a restore that could not write should say so; it said ({}): {stderr}{}",
        refused.status,
        String::from_utf8_lossy(&refused.stdout)
    );
    let after = {
        let mut conn = read_only(&target_database);
        read_moment(&mut conn)
    };
    assert_eq!(
        after.tables, before.tables,
        "a refused restore changed the directory"
    );
    assert_eq!(after.audit_of_writes, before.audit_of_writes);
    run_ok(&target, &["check"]);

    run_ok(&target, &["restore", backup.to_str().unwrap()]);
    run_ok(&target, &["check"]);
    let restored = {
        let mut conn = read_only(&target_database);
        read_moment(&mut conn)
    };
    let original = {
        let mut conn = read_only(&dir.data().join("hvemved.sqlite"));
        read_moment(&mut conn)
    };
    assert_eq!(
        restored.tables, original.tables,
        "the restore once the directory was free"
    );
}

/// The writer's progress, read by the backup client.
#[derive(Default)]
struct Progress {
    /// Writes sent (or about to be): write n counts before it is sent.
    begun: AtomicUsize,
    /// Writes whose 200 response came back.
    acknowledged: AtomicUsize,
    /// Set by the backup client once its last backup has returned.
    backups_done: AtomicBool,
}

/// The live database after a number of writes.
struct Moment {
    change_seq: i64,
    /// Every table but the audit log, each hashed whole, and the schema.
    tables: BTreeMap<String, u64>,
    /// The audit log less the backups' records of themselves.
    audit_of_writes: u64,
}

/// Sends the writes one after another, each only once the one before was
/// acknowledged, and reads the live database after each. Returns the
/// references: the database before any write, then after each.
fn write_stream(port: u16, database: &Path, people: &[String], progress: &Progress) -> Vec<Moment> {
    let mut live = read_only(database);
    let mut moments = vec![read_moment(&mut live)];
    let mut after_backups = 0;
    for n in 1.. {
        assert!(
            n <= MAX_WRITES,
            "the backups did not all return within {MAX_WRITES} writes"
        );
        if progress.backups_done.load(Ordering::SeqCst) {
            if after_backups == WRITES_AFTER_BACKUPS {
                break;
            }
            after_backups += 1;
        }
        let write = stream_write(n, people);
        progress.begun.store(n, Ordering::SeqCst);
        let (status, body) = post(port, write.command, &write.args.to_string());
        assert_eq!(
            status, 200,
            "write {n} ({} {}) failed: {body}",
            write.command, write.args
        );
        progress.acknowledged.store(n, Ordering::SeqCst);
        moments.push(read_moment(&mut live));
    }
    moments
}

struct TakenBackup {
    number: usize,
    bytes: Vec<u8>,
    acknowledged_before: usize,
    begun_by_return: usize,
}

/// Asks the server for its backups through `backup_download` while the
/// writer runs, one after another (so that each one's record in the audit
/// log comes before the next is asked for).
fn backup_client(port: u16, progress: &Progress) -> Vec<TakenBackup> {
    let mut taken = Vec::new();
    for (number, after) in BACKUP_AFTER_WRITES.into_iter().enumerate() {
        while progress.acknowledged.load(Ordering::SeqCst) < after {
            std::thread::sleep(Duration::from_millis(1));
        }
        std::thread::sleep(Duration::from_millis((number as u64 * 7) % 11));
        let acknowledged_before = progress.acknowledged.load(Ordering::SeqCst);
        let (status, body) = post(port, "backup_download", "{}");
        let begun_by_return = progress.begun.load(Ordering::SeqCst);
        assert_eq!(status, 200, "backup {number} failed: {body}");
        let file: Value = serde_json::from_str(&body).unwrap();
        let bytes = base64::engine::general_purpose::STANDARD
            .decode(file["content_base64"].as_str().expect("the backup's content"))
            .unwrap();
        taken.push(TakenBackup {
            number,
            bytes,
            acknowledged_before,
            begun_by_return,
        });
    }
    progress.backups_done.store(true, Ordering::SeqCst);
    taken
}

/// After how many writes a restored backup was taken, found by its newest
/// change number, and within the bounds the stream sets.
fn moment_of(database: &Connection, moments: &[Moment], backup: &TakenBackup) -> usize {
    let change_seq: i64 = database
        .query_row("SELECT coalesce(max(seq), 0) FROM changes", [], |r| r.get(0))
        .unwrap();
    let moment = moments
        .iter()
        .position(|m| m.change_seq == change_seq)
        .unwrap_or_else(|| {
            panic!(
                "backup {}: its newest change {change_seq} is of no moment between two writes",
                backup.number
            )
        });
    assert!(
        moment >= backup.acknowledged_before,
        "backup {} lacks write {} of the {} acknowledged before it was asked for",
        backup.number,
        moment + 1,
        backup.acknowledged_before
    );
    assert!(
        moment <= backup.begun_by_return,
        "backup {} holds {moment} writes, but only {} had begun when it returned",
        backup.number,
        backup.begun_by_return
    );
    moment
}

fn assert_tables_as_at_moment(database: &Connection, expected: &Moment, number: usize, moment: usize) {
    let tables = table_hashes(database);
    let differing: BTreeSet<&String> = expected
        .tables
        .keys()
        .chain(tables.keys())
        .filter(|table| tables.get(*table) != expected.tables.get(*table))
        .collect();
    assert!(
        differing.is_empty(),
        "backup {number}, taken after write {moment}: these tables differ from the database after that \
         write: {differing:?}"
    );
}

fn assert_audit_log_as_at_moment(database: &Connection, live: &Connection, expected: &Moment, number: usize) {
    let held_up_to: i64 = database
        .query_row("SELECT coalesce(max(id), 0) FROM audit_log", [], |r| r.get(0))
        .unwrap();
    assert_eq!(
        rows_hash(database, "audit_log", ""),
        rows_hash(live, "audit_log", &format!("WHERE id <= {held_up_to}")),
        "backup {number}: its audit log is not the beginning of the directory's log"
    );
    assert_eq!(
        rows_hash(database, "audit_log", &format!("WHERE NOT ({BACKUP_RECORD})")),
        expected.audit_of_writes,
        "backup {number}: its audit log records other writes than those it holds"
    );
    let backups_recorded: i64 = database
        .query_row(
            &format!("SELECT count(*) FROM audit_log WHERE {BACKUP_RECORD}"),
            [],
            |r| r.get(0),
        )
        .unwrap();
    assert_eq!(
        backups_recorded, number as i64,
        "backup {number} should hold the records of the backups before it, and not its own"
    );
    let next_entry: String = live
        .query_row(
            "SELECT action || ' ' || coalesce(detail, '') FROM audit_log WHERE id > ?1 ORDER BY id LIMIT 1",
            [held_up_to],
            |r| r.get(0),
        )
        .unwrap_or_else(|e| panic!("backup {number}: the log has no entry after what it holds: {e}"));
    assert_eq!(
        next_entry, "exported backup",
        "backup {number}: the entry after what it holds should be its own record of the download"
    );
}

/// The last write the backup holds shows in the restored directory's search,
/// and the first it does not hold does not.
fn assert_search_as_at_moment(
    restored: &Path,
    people: &[String],
    moment: usize,
    writes: usize,
    number: usize,
) {
    let finds = |word: &str, person: &str| -> bool {
        let found: Value =
            serde_json::from_str(&run_ok(restored, &["search", word, "--json", "--limit", "10"])).unwrap();
        ids(&found).iter().any(|id| id == person)
    };
    let last = stream_write(moment, people);
    assert_eq!(
        finds(&last.word, &last.person),
        last.kind != Kind::RemoveSkill,
        "backup {number}: a search for \"{}\" in the restored directory should show the effect of write \
         {moment} ({} {}), the last it holds",
        last.word,
        last.command,
        last.args
    );
    assert!(moment < writes, "backup {number} was taken before the last write");
    let next = stream_write(moment + 1, people);
    assert_eq!(
        finds(&next.word, &next.person),
        next.kind == Kind::RemoveSkill,
        "backup {number}: a search for \"{}\" in the restored directory shows write {} ({} {}), which came \
         after the backup",
        next.word,
        moment + 1,
        next.command,
        next.args
    );
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    AddSkill,
    SetTitle,
    WriteCourse,
    /// Removes the skill the write three before added.
    RemoveSkill,
}

/// One write of the stream: what write `n` is follows from `n` alone, so
/// that a check can name the write of any moment.
struct StreamWrite {
    kind: Kind,
    command: &'static str,
    args: Value,
    /// A word that only this write (or, for a removal, the write it undoes)
    /// brings into the directory, and the person a search for it finds.
    word: String,
    person: String,
}

fn stream_write(n: usize, people: &[String]) -> StreamWrite {
    let person_of = |n: usize| people[(n * 7) % people.len()].clone();
    let (kind, word, person) = match n % 4 {
        1 => (Kind::AddSkill, marker_word(n), person_of(n)),
        2 => (Kind::SetTitle, marker_word(n), person_of(n)),
        3 => (Kind::WriteCourse, marker_word(n), person_of(n)),
        _ => (Kind::RemoveSkill, marker_word(n - 3), person_of(n - 3)),
    };
    let (command, args) = match kind {
        Kind::AddSkill => (
            "person_skill_set",
            json!({ "id": person, "skill": word, "level": 3, "can_mentor": false }),
        ),
        Kind::SetTitle => (
            "person_update",
            json!({ "id": person, "title": format!("Specialist i {word}") }),
        ),
        Kind::WriteCourse => (
            "course_save",
            json!({ "course": {
                "id": format!("c-busy-{n}"),
                "title": format!("Rapport om {word}"),
                "kind": "kursus",
                "date": "2024-05-01",
                "summary": format!("Skrevet som skrivning {n} mens der blev taget sikkerhedskopier."),
                "attendees": [person, people[(n * 7 + 1) % people.len()]],
                "authors": [person],
            }}),
        ),
        Kind::RemoveSkill => ("person_skill_remove", json!({ "id": person, "skill": word })),
    };
    StreamWrite {
        kind,
        command,
        args,
        word,
        person,
    }
}

/// A made-up word for write `n`, of letters only: a syllable per digit, then
/// a vowel and a `t`, an ending the Danish stemmer leaves alone, so that no
/// two writes' words meet in the index.
fn marker_word(n: usize) -> String {
    const SYLLABLES: [&str; 10] = ["ba", "di", "fo", "gu", "ky", "la", "mi", "no", "pu", "ry"];
    let digits: String = n
        .to_string()
        .bytes()
        .map(|digit| SYLLABLES[usize::from(digit - b'0')])
        .collect();
    format!("kvask{digits}t")
}

fn read_moment(live: &mut Connection) -> Moment {
    // One read transaction: every table of one committed state.
    let tx = live.transaction().unwrap();
    let moment = Moment {
        change_seq: tx
            .query_row("SELECT coalesce(max(seq), 0) FROM changes", [], |r| r.get(0))
            .unwrap(),
        tables: table_hashes(&tx),
        audit_of_writes: rows_hash(&tx, "audit_log", &format!("WHERE NOT ({BACKUP_RECORD})")),
    };
    tx.commit().unwrap();
    moment
}

/// Every table but the audit log, each hashed over all its rows, with the
/// schema and its version.
fn table_hashes(conn: &Connection) -> BTreeMap<String, u64> {
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND name != 'audit_log' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    let mut hashes: BTreeMap<String, u64> = tables
        .into_iter()
        .map(|table| {
            let hash = rows_hash(conn, &table, "");
            (table, hash)
        })
        .collect();
    hashes.insert(
        "(schema)".into(),
        query_hash(
            conn,
            "SELECT type, name, tbl_name, sql FROM sqlite_master ORDER BY type, name",
        ),
    );
    hashes.insert("(user_version)".into(), query_hash(conn, "PRAGMA user_version"));
    hashes
}

/// The rows of `table` that pass `filter`, rowid and all, in a stable order.
fn rows_hash(conn: &Connection, table: &str, filter: &str) -> u64 {
    let has_rowid = conn
        .prepare(&format!("SELECT rowid FROM \"{table}\" LIMIT 0"))
        .is_ok();
    let sql = if has_rowid {
        format!("SELECT rowid, * FROM \"{table}\" {filter} ORDER BY rowid")
    } else {
        // A WITHOUT ROWID table is ordered by its primary key.
        let key: Vec<String> = conn
            .prepare(&format!(
                "SELECT name FROM pragma_table_info('{table}') WHERE pk > 0 ORDER BY pk"
            ))
            .unwrap()
            .query_map([], |r| r.get::<_, String>(0))
            .unwrap()
            .map(|name| format!("\"{}\"", name.unwrap()))
            .collect();
        format!("SELECT * FROM \"{table}\" {filter} ORDER BY {}", key.join(", "))
    };
    query_hash(conn, &sql)
}

/// FNV-1a over the rows of `sql`, every value tagged by type and prefixed
/// by its length, so that no two different row sets encode alike.
fn query_hash(conn: &Connection, sql: &str) -> u64 {
    use rusqlite::types::ValueRef;
    let mut hash = Fnv::default();
    let mut statement = conn.prepare(sql).unwrap_or_else(|e| panic!("{sql}: {e}"));
    let columns = statement.column_count();
    let mut rows = statement.query([]).unwrap();
    while let Some(row) = rows.next().unwrap() {
        hash.bytes(b"R");
        for i in 0..columns {
            match row.get_ref(i).unwrap() {
                ValueRef::Null => hash.bytes(b"N"),
                ValueRef::Integer(v) => {
                    hash.bytes(b"I");
                    hash.bytes(&v.to_le_bytes());
                }
                ValueRef::Real(v) => {
                    hash.bytes(b"F");
                    hash.bytes(&v.to_bits().to_le_bytes());
                }
                ValueRef::Text(v) => hash.tagged(b'T', v),
                ValueRef::Blob(v) => hash.tagged(b'B', v),
            }
        }
    }
    hash.0
}

struct Fnv(u64);

impl Default for Fnv {
    fn default() -> Fnv {
        Fnv(0xcbf2_9ce4_8422_2325)
    }
}

impl Fnv {
    fn bytes(&mut self, bytes: &[u8]) {
        for &byte in bytes {
            self.0 = (self.0 ^ u64::from(byte)).wrapping_mul(0x0100_0000_01b3);
        }
    }

    fn tagged(&mut self, tag: u8, bytes: &[u8]) {
        self.bytes(&[tag]);
        self.bytes(&(bytes.len() as u64).to_le_bytes());
        self.bytes(bytes);
    }
}

fn active_people(database: &Path) -> Vec<String> {
    read_only(database)
        .prepare("SELECT external_id FROM people WHERE active = 1 ORDER BY id")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap()
}

/// The live database, opened beside the server only to read it.
fn read_only(database: &Path) -> Connection {
    Connection::open_with_flags(database, OpenFlags::SQLITE_OPEN_READ_ONLY)
        .unwrap_or_else(|e| panic!("{} does not open: {e}", database.display()))
}

fn hvemved(data: &Path, args: &[&str]) -> Output {
    Command::new(hvemved_binary())
        .env_remove("HVEMVED_DATA_DIR")
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .unwrap()
}

fn run_ok(data: &Path, args: &[&str]) -> String {
    let output = hvemved(data, args);
    assert!(
        output.status.success(),
        "hvemved {args:?} in {} failed: {}{}",
        data.display(),
        String::from_utf8_lossy(&output.stderr),
        String::from_utf8_lossy(&output.stdout)
    );
    String::from_utf8(output.stdout).unwrap()
}
