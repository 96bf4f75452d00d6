//! The employee's rights over what is stored about them: everything about
//! one person in one document (GDPR art. 15, look-ups included), erasure when
//! they leave, and the append-only log of who looked up, exported, edited,
//! imported or erased whom.

use rusqlite::types::ValueRef;
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

use super::{now, record_change, touch, Store};
use crate::error::{CoreError, Result};

/// Who is acting, until roles and log-in name them: the local user of this
/// laptop.
pub const LOCAL_USER: &str = "lokal bruger";

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum AuditAction {
    ViewedProfile,
    Exported,
    Edited,
    Imported,
    Erased,
    Searched,
}

impl AuditAction {
    pub(crate) fn as_str(self) -> &'static str {
        match self {
            AuditAction::ViewedProfile => "viewed_profile",
            AuditAction::Exported => "exported",
            AuditAction::Edited => "edited",
            AuditAction::Imported => "imported",
            AuditAction::Erased => "erased",
            AuditAction::Searched => "searched",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct AuditEntry {
    pub at: String,
    pub actor: String,
    pub action: String,
    pub person: Option<String>,
    pub detail: Option<String>,
}

/// What an erasure removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ErasureReport {
    pub person: String,
    /// Course reports that now count them as a former employee.
    pub courses: usize,
    pub skills: usize,
    pub initiatives: usize,
    /// Knowledge areas they owned; their deputy took over where there was one.
    pub owned_areas: usize,
}

pub(crate) fn log_in(
    tx: &Transaction,
    actor: &str,
    action: AuditAction,
    person: Option<&str>,
    detail: Option<&str>,
) -> Result<()> {
    append_entry(tx, &now(), actor, action.as_str(), person, detail)
}

/// Appends one entry with the time it is given: a restore carries entries
/// over from the live log, and searches are noted when they ran.
pub(crate) fn append_entry(
    tx: &Transaction,
    at: &str,
    actor: &str,
    action: &str,
    person: Option<&str>,
    detail: Option<&str>,
) -> Result<()> {
    tx.prepare_cached(
        "INSERT INTO audit_log (at, actor, action, person, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
    )?
    .execute(params![at, actor, action, person, detail])?;
    Ok(())
}

impl Store {
    /// Appends one entry to the audit log.
    pub fn log(&mut self, action: AuditAction, person: Option<&str>, detail: Option<&str>) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| log_in(tx, &actor, action, person, detail))
    }

    /// Appends searches noted while they ran beside the writer, each with
    /// its own time and user, in one transaction.
    pub fn log_searches(&mut self, searches: &[crate::search_log::LoggedSearch]) -> Result<()> {
        if searches.is_empty() {
            return Ok(());
        }
        self.write(|tx| {
            for search in searches {
                append_entry(
                    tx,
                    &search.at,
                    &search.actor,
                    AuditAction::Searched.as_str(),
                    None,
                    Some(&search.detail),
                )?;
            }
            Ok(())
        })
    }

    /// The log, newest first; only the entries about `person` when given.
    pub fn audit_log(&self, person: Option<&str>, limit: usize) -> Result<Vec<AuditEntry>> {
        let mut stmt = self.conn().prepare(
            "SELECT at, actor, action, person, detail FROM audit_log
             WHERE ?1 IS NULL OR person = ?1 ORDER BY id DESC LIMIT ?2",
        )?;
        let entries = stmt
            .query_map(params![person, limit as i64], audit_entry)?
            .collect::<rusqlite::Result<_>>()?;
        Ok(entries)
    }

    /// Everything stored about one person: their row and every row that
    /// names them, the course reports they appear in, and the log of who
    /// looked them up. Each table's rows as the database holds them.
    pub fn personal_data(&self, external_id: &str) -> Result<Value> {
        let conn = self.conn();
        let id: i64 = conn
            .query_row(
                "SELECT id FROM people WHERE external_id = ?1",
                [external_id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| CoreError::PersonNotFound(external_id.to_string()))?;
        let mut tables = Map::new();
        let queries: [(&str, &str); 9] = [
            ("people", "SELECT * FROM people WHERE id = ?1"),
            ("units", "SELECT u.* FROM units u JOIN people p ON p.unit_id = u.id WHERE p.id = ?1"),
            (
                "person_skills",
                "SELECT s.name AS skill, ps.* FROM person_skills ps JOIN skills s ON s.id = ps.skill_id WHERE ps.person_id = ?1",
            ),
            ("person_own_fields", "SELECT * FROM person_own_fields WHERE person_id = ?1"),
            ("attendance", "SELECT * FROM attendance WHERE person_id = ?1"),
            (
                "courses",
                "SELECT c.* FROM courses c JOIN attendance a ON a.course_id = c.id WHERE a.person_id = ?1",
            ),
            (
                "initiative_members",
                "SELECT i.name AS initiative, m.* FROM initiative_members m JOIN initiatives i ON i.id = m.initiative_id
                 WHERE m.person_id = ?1",
            ),
            ("knowledge_owners", "SELECT * FROM knowledge_owners WHERE person_id = ?1 OR deputy_id = ?1"),
            (
                "lunch_suggestions",
                "SELECT * FROM lunch_suggestions WHERE person_id = ?1 OR partner_id = ?1",
            ),
        ];
        for (table, sql) in queries {
            tables.insert(table.into(), rows_as_json(conn, sql, id)?);
        }
        let log = self.audit_log(Some(external_id), usize::MAX >> 1)?;
        Ok(serde_json::json!({
            "person": external_id,
            "exported_at": now(),
            "tables": tables,
            "audit_log": log,
        }))
    }

    /// Removes the person: their row and everything that names them. A
    /// course report keeps its text and counts them as a former employee; a
    /// knowledge area they owned passes to its deputy. The caller vacuums
    /// and rebuilds the index so that no copy is left in the files.
    pub fn erase_person(&mut self, external_id: &str) -> Result<ErasureReport> {
        let actor = self.actor.clone();
        self.write(|tx| erase_person_in(tx, external_id, &actor, None))
    }

    /// Rewrites the database file without free pages and empties the
    /// write-ahead log, so that deleted rows leave no copy on disk.
    pub fn compact(&mut self) -> Result<()> {
        // VACUUM writes the whole database into a temporary one first:
        // on disk, not in memory as the statement journals are kept.
        self.conn.pragma_update(None, "temp_store", "FILE")?;
        let vacuumed = self.conn.execute_batch("VACUUM");
        self.conn.pragma_update(None, "temp_store", "MEMORY")?;
        vacuumed?;
        self.conn
            .query_row("PRAGMA wal_checkpoint(TRUNCATE)", [], |_| Ok(()))?;
        Ok(())
    }
}

/// An audit log row selected as `at, actor, action, person, detail`.
pub(crate) fn audit_entry(r: &rusqlite::Row) -> rusqlite::Result<AuditEntry> {
    Ok(AuditEntry {
        at: r.get(0)?,
        actor: r.get(1)?,
        action: r.get(2)?,
        person: r.get(3)?,
        detail: r.get(4)?,
    })
}

/// [`Store::erase_person`] inside a transaction, logged as done by `actor`
/// (with `detail`, e.g. the retention rule that required it).
pub(crate) fn erase_person_in(
    tx: &Transaction,
    external_id: &str,
    actor: &str,
    detail: Option<&str>,
) -> Result<ErasureReport> {
    let (id, uuid): (i64, String) = tx
        .query_row(
            "SELECT id, uuid FROM people WHERE external_id = ?1",
            [external_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?
        .ok_or_else(|| CoreError::PersonNotFound(external_id.to_string()))?;
    let count =
        |sql: &str| -> Result<usize> { Ok(tx.query_row(sql, [id], |r| r.get::<_, i64>(0))? as usize) };
    let mut report = ErasureReport {
        person: external_id.to_string(),
        courses: count("SELECT count(*) FROM attendance WHERE person_id = ?1")?,
        skills: count("SELECT count(*) FROM person_skills WHERE person_id = ?1")?,
        initiatives: count("SELECT count(*) FROM initiative_members WHERE person_id = ?1")?,
        owned_areas: count("SELECT count(*) FROM knowledge_owners WHERE person_id = ?1")?,
    };
    for (table, entity, sql) in [
        (
            "courses",
            "course",
            "SELECT c.id, c.uuid FROM courses c JOIN attendance a ON a.course_id = c.id WHERE a.person_id = ?1",
        ),
        (
            "initiatives",
            "initiative",
            "SELECT i.id, i.uuid FROM initiatives i JOIN initiative_members m ON m.initiative_id = i.id
             WHERE m.person_id = ?1",
        ),
    ] {
        let touched: Vec<(i64, String)> = tx
            .prepare(sql)?
            .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
            .collect::<rusqlite::Result<_>>()?;
        for (row, row_uuid) in touched {
            if table == "courses" {
                tx.execute(
                    "UPDATE courses SET former_attendees = former_attendees + 1 WHERE id = ?1",
                    [row],
                )?;
            }
            touch(tx, table, entity, row, &row_uuid)?;
        }
    }
    tx.execute(
        "UPDATE knowledge_owners SET person_id = deputy_id, deputy_id = NULL
         WHERE person_id = ?1 AND deputy_id IS NOT NULL",
        [id],
    )?;
    report.owned_areas -= count("SELECT count(*) FROM knowledge_owners WHERE person_id = ?1")?;
    // Skills only they held (a name they typed in) go with them.
    let own_skills: Vec<(i64, String)> = tx
        .prepare(
            "SELECT s.id, s.uuid FROM skills s JOIN person_skills ps ON ps.skill_id = s.id
             WHERE ps.person_id = ?1
               AND NOT EXISTS (SELECT 1 FROM person_skills o WHERE o.skill_id = s.id AND o.person_id <> ?1)
               AND NOT EXISTS (SELECT 1 FROM course_skills c WHERE c.skill_id = s.id)",
        )?
        .query_map([id], |r| Ok((r.get(0)?, r.get(1)?)))?
        .collect::<rusqlite::Result<_>>()?;
    tx.execute("DELETE FROM people WHERE id = ?1", [id])?;
    record_change(tx, "person", &uuid, "delete")?;
    for (skill, skill_uuid) in own_skills {
        tx.execute("DELETE FROM skills WHERE id = ?1", [skill])?;
        record_change(tx, "skill", &skill_uuid, "delete")?;
    }
    log_in(tx, actor, AuditAction::Erased, Some(external_id), detail)?;
    Ok(report)
}

/// The rows of `sql` (one `?1` parameter) as JSON objects by column name.
fn rows_as_json(conn: &Connection, sql: &str, id: i64) -> Result<Value> {
    let mut stmt = conn.prepare(sql)?;
    let names: Vec<String> = stmt.column_names().map(str::to_string).collect();
    let rows = stmt
        .query_map([id], |r| {
            let mut row = Map::new();
            for (i, name) in names.iter().enumerate() {
                let value = match r.get_ref(i)? {
                    ValueRef::Null => Value::Null,
                    ValueRef::Integer(n) => Value::from(n),
                    ValueRef::Real(x) => Value::from(x),
                    ValueRef::Text(t) => Value::from(String::from_utf8_lossy(t).into_owned()),
                    ValueRef::Blob(b) => Value::from(format!("<{} bytes>", b.len())),
                };
                row.insert(name.clone(), value);
            }
            Ok(Value::Object(row))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(Value::Array(rows))
}
