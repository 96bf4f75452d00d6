//! Kills while a directory written by an older version is upgraded. The
//! database is built here at an old schema version from the migration files
//! themselves and filled with enough rows that the new indexes take a while
//! to build; after a kill its schema must be exactly the old one or exactly
//! the newest one, never a mix, and every row must still be there.

use std::path::{Path, PathBuf};

use crate::harness::{
    self, count, hvemved, kill_after, open_database, time_to_finish, Attempt, Ending, Tally, Templates,
};
use crate::soundness;

/// The version the old directory is at: before the share-back columns,
/// knowledge owners, initiatives, lunch, own fields and the audit log.
const OLD_VERSION: usize = 2;
/// Former employees (inactive, so not indexed) whose rows the migrations
/// must index, alter and keep.
const FORMER_EMPLOYEES: usize = 150_000;
const ACTIVE_PEOPLE: usize = 40;

fn migration_files() -> Vec<String> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../crates/hvemved-core/migrations");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{}: {e}", dir.display()))
        .map(|entry| entry.unwrap().path())
        .filter(|path| path.extension().is_some_and(|e| e == "sql"))
        .collect();
    files.sort();
    files
        .iter()
        .map(|path| std::fs::read_to_string(path).unwrap())
        .collect()
}

/// `sqlite_master` as it is after the first `version` migrations.
fn schema_at(version: usize, migrations: &[String]) -> Vec<String> {
    let conn = rusqlite::Connection::open_in_memory().unwrap();
    for sql in &migrations[..version] {
        conn.execute_batch(sql).unwrap();
    }
    schema_of(&conn).unwrap()
}

fn schema_of(conn: &rusqlite::Connection) -> Result<Vec<String>, String> {
    let mut stmt = conn
        .prepare(
            "SELECT type || ' ' || name || ' ' || coalesce(sql, '') FROM sqlite_master ORDER BY type, name",
        )
        .map_err(|e| e.to_string())?;
    let rows = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<Vec<String>>>())
        .map_err(|e| e.to_string());
    rows
}

/// A directory as the version at [`OLD_VERSION`] left it: its database in
/// WAL mode, as every version has kept it, and no index yet.
fn old_directory(templates: &Templates, migrations: &[String]) -> PathBuf {
    let data = templates.path("old-schema");
    std::fs::create_dir_all(&data).unwrap();
    let conn = rusqlite::Connection::open(harness::database(&data)).unwrap();
    conn.pragma_update(None, "journal_mode", "WAL").unwrap();
    for sql in &migrations[..OLD_VERSION] {
        conn.execute_batch(sql).unwrap();
    }
    conn.pragma_update(None, "user_version", OLD_VERSION as i64)
        .unwrap();
    let now = "2023-06-01T08:00:00Z";
    conn.execute_batch(&format!(
        "BEGIN;
         INSERT INTO changes (entity, entity_uuid, op, at) VALUES ('unit', 'u-old-1', 'upsert', '{now}');
         INSERT INTO units (id, uuid, parent_id, name, kind, created_at, updated_at, change_seq)
             VALUES (1, 'u-old-1', NULL, 'Børn og Familie', 'forvaltning', '{now}', '{now}', 1);
         WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < {total})
         INSERT INTO people (id, uuid, external_id, name, title, unit_id, email, active, created_at, updated_at, change_seq)
             SELECT i, 'old-person-' || i, 'old-' || i, 'Medarbejder ' || i, 'Socialrådgiver', 1,
                    'Medarbejder' || i || '@Old.Example', i <= {ACTIVE_PEOPLE}, '{now}', '{now}', 1
             FROM n;
         INSERT INTO courses (id, uuid, external_id, title, start_date, created_at, updated_at, change_seq)
             VALUES (1, 'old-course-1', 'old-c-1', 'Temadag om efterværn', '2023-05-01', '{now}', '{now}', 1);
         INSERT INTO attendance (course_id, person_id, role, updated_at) SELECT 1, id, 'deltager', '{now}' FROM people;
         COMMIT;",
        total = FORMER_EMPLOYEES + ACTIVE_PEOPLE
    ))
    .unwrap();
    conn.query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))
        .unwrap();
    data
}

pub fn run(templates: &Templates, kills: usize, seed: u64, tally: &mut Tally) {
    let migrations = migration_files();
    let template = old_directory(templates, &migrations);
    let open = |data: &Path| {
        let mut command = hvemved(data);
        command.args(["stats", "--json"]);
        command
    };
    // The binary says which version is the newest: the one it upgrades to.
    let (duration, newest) = {
        let scratch = templates.copy(&template);
        let duration = time_to_finish(open(&scratch.data), "opening an old directory");
        let newest = count(&open_database(&scratch.data).unwrap(), "PRAGMA user_version").unwrap() as usize;
        assert!(
            newest > OLD_VERSION && newest <= migrations.len(),
            "upgraded to version {newest}, with {} migration files",
            migrations.len()
        );
        (duration, newest)
    };
    let old_schema = Schema {
        version: OLD_VERSION,
        objects: schema_at(OLD_VERSION, &migrations),
    };
    let new_schema = Schema {
        version: newest,
        objects: schema_at(newest, &migrations),
    };
    {
        let scratch = templates.copy(&template);
        time_to_finish(open(&scratch.data), "opening an old directory");
        assert_eq!(
            version_and_rows(&scratch.data, &old_schema, &new_schema),
            Ok("new schema")
        );
        soundness::verify(&scratch.data).unwrap_or_else(|e| panic!("after a whole migration: {e}"));
    }

    tally.kill_repeatedly(kills, seed, |rng, scale| {
        let scratch = templates.copy(&template);
        let moment = rng.moment(duration.mul_f64(scale));
        match kill_after(open(&scratch.data), moment) {
            Ending::Finished(status) if status.success() => return Attempt::FinishedFirst,
            Ending::Finished(status) => {
                return Attempt::Failed(format!("the open failed by itself: {status}"))
            }
            Ending::Killed => {}
        }
        let checked = version_and_rows(&scratch.data, &old_schema, &new_schema).and_then(|outcome| {
            soundness::verify(&scratch.data)?;
            // The check opened the directory, which finishes the upgrade.
            match version_and_rows(&scratch.data, &old_schema, &new_schema)? {
                "new schema" => Ok(outcome),
                other => Err(format!("after reopening, the database still has the {other}")),
            }
        });
        match checked {
            Ok(outcome) => Attempt::Survived(outcome),
            Err(problem) => Attempt::Failed(format!("killed at {} ms: {problem}", moment.as_millis())),
        }
    });
}

/// A schema version and the `sqlite_master` rows that go with it.
struct Schema {
    version: usize,
    objects: Vec<String>,
}

impl Schema {
    fn is(&self, version: i64, objects: &[String]) -> bool {
        version == self.version as i64 && objects == self.objects
    }
}

/// Which schema the database has (the old or the newest, exactly, with the
/// version number to match), and that no row was lost.
fn version_and_rows(data: &Path, old_schema: &Schema, new_schema: &Schema) -> Result<&'static str, String> {
    let conn = open_database(data)?;
    let version = count(&conn, "PRAGMA user_version")?;
    let schema = schema_of(&conn)?;
    let outcome = match version {
        v if old_schema.is(v, &schema) => "old schema",
        v if new_schema.is(v, &schema) => "new schema",
        v => {
            return Err(format!(
                "a mixed schema: version {v}, objects {:?}",
                schema
                    .iter()
                    .map(|s| s.split(' ').take(2).collect::<Vec<_>>().join(" "))
                    .collect::<Vec<_>>()
            ))
        }
    };
    let people = count(&conn, "SELECT count(*) FROM people")?;
    let attendance = count(&conn, "SELECT count(*) FROM attendance")?;
    let expected = (FORMER_EMPLOYEES + ACTIVE_PEOPLE) as i64;
    if (people, attendance) != (expected, expected) {
        return Err(format!(
            "rows were lost: {people} people and {attendance} attendances of {expected}"
        ));
    }
    Ok(outcome)
}
