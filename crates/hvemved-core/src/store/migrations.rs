//! Numbered schema migrations, embedded in the binary and applied in order on
//! open. `PRAGMA user_version` holds the number of the last one applied. A
//! migration that has landed is never edited; a change to the schema is a new
//! file appended to `MIGRATIONS`.

use rusqlite::Connection;

use crate::error::{CoreError, Result};

const MIGRATIONS: &[(&str, &str)] = &[
    ("001_initial", include_str!("../../migrations/001_initial.sql")),
    (
        "002_local_thesaurus",
        include_str!("../../migrations/002_local_thesaurus.sql"),
    ),
    (
        "003_share_back",
        include_str!("../../migrations/003_share_back.sql"),
    ),
    (
        "004_knowledge_owners",
        include_str!("../../migrations/004_knowledge_owners.sql"),
    ),
    (
        "005_initiatives",
        include_str!("../../migrations/005_initiatives.sql"),
    ),
    ("006_meeting", include_str!("../../migrations/006_meeting.sql")),
    (
        "007_own_fields",
        include_str!("../../migrations/007_own_fields.sql"),
    ),
    (
        "008_personal_data",
        include_str!("../../migrations/008_personal_data.sql"),
    ),
    (
        "009_retention",
        include_str!("../../migrations/009_retention.sql"),
    ),
    (
        "010_visibility",
        include_str!("../../migrations/010_visibility.sql"),
    ),
    (
        "011_skill_confirmation",
        include_str!("../../migrations/011_skill_confirmation.sql"),
    ),
    (
        "012_hr_only_share_back",
        include_str!("../../migrations/012_hr_only_share_back.sql"),
    ),
    (
        "013_searches_in_audit_log",
        include_str!("../../migrations/013_searches_in_audit_log.sql"),
    ),
    (
        "014_course_skills_by_skill",
        include_str!("../../migrations/014_course_skills_by_skill.sql"),
    ),
    (
        "015_people_who_left",
        include_str!("../../migrations/015_people_who_left.sql"),
    ),
];

/// The schema version this build writes.
pub fn latest_version() -> i64 {
    MIGRATIONS.len() as i64
}

pub fn apply(conn: &mut Connection, path_for_messages: &str) -> Result<()> {
    let current: i64 = conn.query_row("PRAGMA user_version", [], |row| row.get(0))?;
    if current > latest_version() {
        return Err(CoreError::SchemaTooNew {
            path: path_for_messages.to_string(),
            found: current,
            known: latest_version(),
        });
    }
    if current == latest_version() {
        return Ok(());
    }
    // Every pending migration in one transaction: a crash or a failure part
    // of the way leaves the schema this database had, which the version that
    // wrote it can still open, and never one no version of the app knows.
    let tx = conn.transaction_with_behavior(rusqlite::TransactionBehavior::Immediate)?;
    for (_name, sql) in MIGRATIONS.iter().skip(current as usize) {
        tx.execute_batch(sql)?;
    }
    tx.pragma_update(None, "user_version", latest_version())?;
    tx.commit()?;
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn applying_twice_is_a_no_op_and_reaches_the_latest_version() {
        let mut conn = Connection::open_in_memory().unwrap();
        apply(&mut conn, ":memory:").unwrap();
        apply(&mut conn, ":memory:").unwrap();
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, latest_version());
    }

    #[test]
    fn a_failing_migration_leaves_the_schema_it_started_from() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.execute_batch(MIGRATIONS[0].1).unwrap();
        conn.pragma_update(None, "user_version", 1).unwrap();
        // Migration 002 creates this table, so applying it fails half-way
        // through the pending migrations.
        conn.execute_batch("CREATE TABLE thesaurus_concepts (x)").unwrap();
        let schema = |conn: &Connection| -> Vec<String> {
            let mut stmt = conn
                .prepare("SELECT name FROM sqlite_master ORDER BY name")
                .unwrap();
            stmt.query_map([], |r| r.get(0))
                .unwrap()
                .collect::<rusqlite::Result<_>>()
                .unwrap()
        };
        let before = schema(&conn);
        assert!(apply(&mut conn, ":memory:").is_err());
        let version: i64 = conn.query_row("PRAGMA user_version", [], |r| r.get(0)).unwrap();
        assert_eq!(version, 1);
        assert_eq!(schema(&conn), before);
    }

    #[test]
    fn a_database_from_a_newer_version_is_refused() {
        let mut conn = Connection::open_in_memory().unwrap();
        conn.pragma_update(None, "user_version", latest_version() + 1)
            .unwrap();
        assert!(matches!(
            apply(&mut conn, ":memory:"),
            Err(CoreError::SchemaTooNew { .. })
        ));
    }
}
