//! Course and conference reports as HR and staff read and write them: the
//! list with its attendees, who wrote the report, and clearing the whole
//! directory (the demo data) before the real one is imported.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{now, record_change, record_deletion, ShareBack, ShareBackState, Store};
use crate::error::{CoreError, Result};
use crate::model::AttendanceRole;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CourseAttendee {
    pub id: String,
    pub name: String,
    pub role: AttendanceRole,
    /// Whether, where and when this attendee shared what they learned; none
    /// when the state is for HR only and the reader may not see it.
    pub share_back: Option<ShareBack>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CourseReport {
    pub id: String,
    pub title: String,
    pub kind: Option<String>,
    pub provider: Option<String>,
    pub date: Option<String>,
    pub end_date: Option<String>,
    pub location: Option<String>,
    pub summary: Option<String>,
    pub key_takeaways: Option<String>,
    pub skills: Vec<String>,
    pub attendees: Vec<CourseAttendee>,
    /// Attendees since erased ("tidligere medarbejdere"): the report keeps
    /// its text, not their names.
    #[serde(default, skip_serializing_if = "is_zero")]
    pub former_attendees: u32,
    /// Only HR (and administrators) see this report; it is never searched.
    #[serde(default)]
    pub hr_only: bool,
}

fn is_zero(n: &u32) -> bool {
    *n == 0
}

impl Store {
    /// Reports newest first; with a query, those whose text holds every
    /// word. HR-only reports only when `with_hr_only`.
    pub fn course_list(&self, query: &str, limit: usize, with_hr_only: bool) -> Result<Vec<CourseReport>> {
        self.courses_matching(query, None, None, limit, with_hr_only)
    }

    /// Reports everyone may read of courses that started between `from` and
    /// `to` (inclusive, YYYY-MM-DD), newest first.
    pub fn courses_between(&self, from: &str, to: &str) -> Result<Vec<CourseReport>> {
        self.courses_matching("", None, Some((from, to)), usize::MAX, false)
    }

    /// Whether the report with this id is for HR only; false for a report
    /// not yet saved.
    pub fn course_is_hr_only(&self, external_id: &str) -> Result<bool> {
        Ok(self
            .conn()
            .query_row(
                "SELECT hr_only FROM courses WHERE external_id = ?1",
                [external_id],
                |r| r.get(0),
            )
            .optional()?
            .unwrap_or(false))
    }

    /// One report by its external id, read on its own rather than picked out
    /// of the whole list.
    pub fn course_report(&self, external_id: &str) -> Result<CourseReport> {
        self.courses_matching("", Some(external_id), None, 1, true)?
            .into_iter()
            .next()
            .ok_or_else(|| CoreError::InvalidInput(format!("no course with id \"{external_id}\"")))
    }

    fn courses_matching(
        &self,
        query: &str,
        external_id: Option<&str>,
        period: Option<(&str, &str)>,
        limit: usize,
        with_hr_only: bool,
    ) -> Result<Vec<CourseReport>> {
        let conn = self.conn();
        let words: Vec<String> = query
            .split_whitespace()
            .take(8)
            .map(|w| w.to_lowercase())
            .collect();
        let words_json = serde_json::to_string(&words).expect("strings serialise");
        let mut stmt = conn.prepare(
            "SELECT c.id, c.external_id, c.title, c.kind, c.provider, c.start_date, c.end_date, c.location,
                    c.summary, c.key_takeaways, c.former_attendees, c.hr_only
             FROM courses c
             WHERE (?3 IS NULL OR c.external_id = ?3) AND (?6 OR c.hr_only = 0)
               AND (?4 IS NULL OR c.start_date BETWEEN ?4 AND ?5) AND NOT EXISTS (
                 SELECT 1 FROM json_each(?1) w
                 WHERE instr(lower(c.title || ' ' || coalesce(c.provider, '') || ' ' || coalesce(c.summary, '')
                                   || ' ' || coalesce(c.key_takeaways, '')), w.value) = 0)
             ORDER BY c.start_date IS NULL, c.start_date DESC, c.id DESC
             LIMIT ?2",
        )?;
        let rows = stmt
            .query_map(
                params![
                    words_json,
                    limit.min(i64::MAX as usize) as i64,
                    external_id,
                    period.map(|p| p.0),
                    period.map(|p| p.1),
                    with_hr_only
                ],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        CourseReport {
                            id: r.get(1)?,
                            title: r.get(2)?,
                            kind: r.get(3)?,
                            provider: r.get(4)?,
                            date: r.get(5)?,
                            end_date: r.get(6)?,
                            location: r.get(7)?,
                            summary: r.get(8)?,
                            key_takeaways: r.get(9)?,
                            skills: Vec::new(),
                            attendees: Vec::new(),
                            former_attendees: r.get(10)?,
                            hr_only: r.get(11)?,
                        },
                    ))
                },
            )?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        let mut reports = Vec::with_capacity(rows.len());
        let mut skill_stmt = conn.prepare_cached(
            "SELECT s.name FROM course_skills cs JOIN skills s ON s.id = cs.skill_id
             WHERE cs.course_id = ?1 ORDER BY cs.rowid",
        )?;
        let mut people_stmt = conn.prepare_cached(
            "SELECT p.external_id, p.name, a.role, a.shareback_state, a.shareback_date, a.shareback_forum,
                    a.shareback_note, a.shareback_hr_only
             FROM attendance a JOIN people p ON p.id = a.person_id
             WHERE a.course_id = ?1 AND p.active = 1 ORDER BY a.rowid",
        )?;
        for (course_id, mut report) in rows {
            report.skills = skill_stmt
                .query_map([course_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            report.attendees = people_stmt
                .query_map([course_id], |r| {
                    let role: String = r.get(2)?;
                    let state: String = r.get(3)?;
                    Ok(CourseAttendee {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        role: AttendanceRole::parse(&role).unwrap_or(AttendanceRole::Deltager),
                        share_back: Some(ShareBack {
                            state: ShareBackState::parse(&state).unwrap_or(ShareBackState::Afventer),
                            date: r.get(4)?,
                            forum: r.get(5)?,
                            note: r.get(6)?,
                            hr_only: r.get(7)?,
                        }),
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            reports.push(report);
        }
        Ok(reports)
    }

    /// Marks who among the attendees wrote the report; the others are
    /// participants. The people whose role changes get a change number,
    /// since their evidence weighs differently.
    pub fn set_course_authors(&mut self, course_external_id: &str, authors: &[String]) -> Result<()> {
        self.write(|tx| set_course_authors_in(tx, course_external_id, authors))
    }

    /// Removes every person, unit, skill and course, leaving tombstones for
    /// people and courses, and forgets that the data was demo data. Local
    /// thesaurus terms stay: they are the municipality's own vocabulary.
    pub fn clear_directory(&mut self) -> Result<()> {
        self.write(|tx| {
            for (table, entity) in [("people", "person"), ("courses", "course"), ("initiatives", "initiative")] {
                let mut stmt = tx.prepare(&format!("SELECT uuid, external_id FROM {table}"))?;
                let rows = stmt
                    .query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?
                    .collect::<rusqlite::Result<Vec<_>>>()?;
                for (uuid, external_id) in rows {
                    record_deletion(tx, entity, &uuid, &external_id)?;
                }
            }
            tx.execute_batch(
                "DELETE FROM initiatives; DELETE FROM attendance; DELETE FROM course_skills; DELETE FROM person_skills;
                 DELETE FROM courses; DELETE FROM people; DELETE FROM skills;
                 DELETE FROM meta WHERE key = 'demo';",
            )?;
            // Leaves first: a unit cannot go while it has sub-units.
            while tx.execute(
                "DELETE FROM units WHERE id NOT IN (SELECT parent_id FROM units WHERE parent_id IS NOT NULL)",
                [],
            )? > 0
            {}
            Ok(())
        })
    }

    /// Skills whose name starts with (or has a word starting with) the
    /// prefix, with how many people hold each, most held first. Matched in
    /// Rust, since SQLite's lower() leaves Æ, Ø and Å alone.
    pub fn skill_names_like(&self, prefix: &str, limit: usize) -> Result<Vec<(String, u64)>> {
        let prefix = prefix.trim().to_lowercase();
        let mut stmt = self.conn().prepare(
            "SELECT s.name, count(ps.person_id) AS n FROM skills s
             LEFT JOIN person_skills ps ON ps.skill_id = s.id AND ps.shown = 1
             GROUP BY s.id ORDER BY n DESC, s.name",
        )?;
        let mut found = Vec::new();
        for row in stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, i64>(1)? as u64)))? {
            let (name, people) = row?;
            if has_word_starting_with(&name, &prefix) {
                found.push((name, people));
                if found.len() >= limit {
                    break;
                }
            }
        }
        Ok(found)
    }

    /// Active people whose name (any part of it) starts with the prefix.
    pub fn people_named_like(&self, prefix: &str, limit: usize) -> Result<Vec<PersonSuggestion>> {
        let prefix = prefix.trim().to_lowercase();
        let paths = super::read::unit_paths(self.conn())?;
        let mut stmt = self
            .conn()
            .prepare("SELECT external_id, name, title, unit_id FROM people WHERE active = 1 ORDER BY name")?;
        let mut found = Vec::new();
        for row in stmt.query_map([], |r| {
            let unit: Option<i64> = r.get(3)?;
            Ok(PersonSuggestion {
                id: r.get(0)?,
                name: r.get(1)?,
                title: r.get(2)?,
                department: unit.and_then(|u| paths.get(&u).cloned()),
            })
        })? {
            let person = row?;
            if has_word_starting_with(&person.name, &prefix) {
                found.push(person);
                if found.len() >= limit {
                    break;
                }
            }
        }
        Ok(found)
    }
}

/// Whether the text, or one of its words, starts with the (lower-case) prefix.
fn has_word_starting_with(text: &str, prefix: &str) -> bool {
    let text = text.to_lowercase();
    text.starts_with(prefix)
        || text
            .split(|c: char| c.is_whitespace() || c == '-')
            .any(|word| word.starts_with(prefix))
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonSuggestion {
    pub id: String,
    pub name: String,
    pub title: Option<String>,
    pub department: Option<String>,
}

/// See [`Store::set_course_authors`]; for use inside a larger transaction.
/// Makes a report one for HR only, or one everyone may read; a change takes
/// a change number, so the search index drops or takes up its document.
pub(crate) fn set_course_hr_only_in(
    tx: &rusqlite::Transaction,
    course_external_id: &str,
    hr_only: bool,
) -> Result<()> {
    let (id, uuid, was): (i64, String, bool) = tx.query_row(
        "SELECT id, uuid, hr_only FROM courses WHERE external_id = ?1",
        [course_external_id],
        |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
    )?;
    if was != hr_only {
        tx.execute(
            "UPDATE courses SET hr_only = ?2 WHERE id = ?1",
            rusqlite::params![id, hr_only],
        )?;
        super::touch(tx, "courses", "course", id, &uuid)?;
    }
    Ok(())
}

pub(crate) fn set_course_authors_in(
    tx: &rusqlite::Transaction,
    course_external_id: &str,
    authors: &[String],
) -> Result<()> {
    let course_id: i64 = tx.query_row(
        "SELECT id FROM courses WHERE external_id = ?1",
        [course_external_id],
        |r| r.get(0),
    )?;
    let mut stmt = tx.prepare(
        "SELECT a.person_id, p.uuid, p.external_id, a.role FROM attendance a
         JOIN people p ON p.id = a.person_id WHERE a.course_id = ?1",
    )?;
    let attendees = stmt
        .query_map([course_id], |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, String>(2)?,
                r.get::<_, String>(3)?,
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    for author in authors {
        if !attendees.iter().any(|(_, _, id, _)| id == author) {
            return Err(CoreError::InvalidInput(format!(
                "author \"{author}\" of course \"{course_external_id}\" is not among its attendees"
            )));
        }
    }
    let mut changed = false;
    for (person_id, uuid, external_id, role) in &attendees {
        let wanted = if authors.contains(external_id) {
            AttendanceRole::Rapportforfatter
        } else {
            AttendanceRole::Deltager
        };
        if role != wanted.as_str() {
            tx.execute(
                "UPDATE attendance SET role = ?3, updated_at = ?4 WHERE course_id = ?1 AND person_id = ?2",
                params![course_id, person_id, wanted.as_str(), now()],
            )?;
            record_change(tx, "person", uuid, "upsert")?;
            changed = true;
        }
    }
    if changed {
        let uuid: String = tx.query_row("SELECT uuid FROM courses WHERE id = ?1", [course_id], |r| {
            r.get(0)
        })?;
        record_change(tx, "course", &uuid, "upsert")?;
    }
    Ok(())
}
