//! Skills and course attendance from an HR system's CSV (rows already
//! parsed), in one transaction. A row names its person by employee id or
//! e-mail; a skill the employee declared themselves keeps its level and is
//! listed as a conflict when the file says otherwise; a course is found by
//! title and date or created.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

use super::lookups::{find_person, PersonLookup, PersonMatch, SkillResolver};
use super::{new_uuid, now, record_change, touch};
use crate::error::Result;
use crate::interchange::people_csv::{AttendanceRow, SkillRow};
use crate::interchange::RecordError;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct SkillsImportReport {
    pub rows: usize,
    /// Skill entries a person did not have.
    pub added: usize,
    /// Entries whose level changes.
    pub changed: usize,
    pub unchanged: usize,
    /// Skill names the directory did not know.
    pub skills_created: usize,
    pub refused: Vec<RecordError>,
    /// Levels the employee declared themselves, which are kept.
    pub conflicts: Vec<SkillConflict>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SkillConflict {
    pub line: usize,
    pub person: String,
    pub skill: String,
    pub kept: Option<u8>,
    pub imported: Option<u8>,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct AttendanceImportReport {
    pub rows: usize,
    pub courses_created: usize,
    pub attendances_added: usize,
    /// Rows whose attendance was already recorded.
    pub unchanged: usize,
    pub refused: Vec<RecordError>,
}

/// A report listing the rows that cannot be used.
pub trait Refusals {
    fn refused(&self) -> &[RecordError];
    fn refused_mut(&mut self) -> &mut Vec<RecordError>;
    /// What the import wrote, in a line for the audit log.
    fn summary(&self) -> String;
}

impl Refusals for SkillsImportReport {
    fn refused(&self) -> &[RecordError] {
        &self.refused
    }

    fn summary(&self) -> String {
        format!("skills: {} added, {} changed", self.added, self.changed)
    }

    fn refused_mut(&mut self) -> &mut Vec<RecordError> {
        &mut self.refused
    }
}

impl Refusals for AttendanceImportReport {
    fn refused(&self) -> &[RecordError] {
        &self.refused
    }

    fn summary(&self) -> String {
        format!(
            "course attendance: {} added, {} courses created",
            self.attendances_added, self.courses_created
        )
    }

    fn refused_mut(&mut self) -> &mut Vec<RecordError> {
        &mut self.refused
    }
}

/// A person named in a row, found once per import.
#[derive(Clone)]
struct PersonRef {
    id: i64,
    uuid: String,
}

/// Finds people by employee id, then by e-mail, remembering the answers.
#[derive(Default)]
struct People {
    found: HashMap<String, Option<PersonRef>>,
}

impl People {
    fn find(&mut self, tx: &Transaction, key: &str) -> std::result::Result<PersonRef, String> {
        if let Some(found) = self.found.get(key) {
            return found.clone().ok_or_else(|| {
                format!("no person in the directory has the employee id or e-mail \"{key}\"")
            });
        }
        let lookup = PersonLookup {
            include_inactive: false,
            email_as_external_id: false,
        };
        let matched = find_person(tx, lookup, Some(key), Some(key), "p.id, p.uuid", |r| {
            Ok(PersonRef {
                id: r.get(0)?,
                uuid: r.get(1)?,
            })
        })
        .map_err(|e| e.to_string())?;
        let found = match matched {
            PersonMatch::NotFound => None,
            PersonMatch::Found(person) => Some(person),
            PersonMatch::SharedEmail(people) => {
                return Err(format!(
                    "the e-mail \"{key}\" belongs to {people} people in the directory; give the employee id"
                ))
            }
        };
        self.found.insert(key.to_string(), found);
        self.find(tx, key)
    }
}

pub(crate) fn import_skills_in(tx: &Transaction, rows: &[SkillRow]) -> Result<SkillsImportReport> {
    let mut report = SkillsImportReport {
        rows: rows.len(),
        ..SkillsImportReport::default()
    };
    let mut people = People::default();
    let mut skills = SkillResolver::default();
    let mut touched: HashMap<i64, String> = HashMap::new();
    for row in rows {
        let person = match people.find(tx, &row.person) {
            Ok(person) => person,
            Err(message) => {
                report.refused.push(RecordError {
                    line: row.line,
                    message,
                });
                continue;
            }
        };
        let skill_id = skills.resolve(tx, &row.skill)?;
        let stored: Option<(Option<u8>, String)> = tx
            .prepare_cached("SELECT level, source FROM person_skills WHERE person_id = ?1 AND skill_id = ?2")?
            .query_row(params![person.id, skill_id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        match stored {
            None => {
                // Shown to colleagues only once the person confirms it.
                tx.prepare_cached(
                    "INSERT INTO person_skills (person_id, skill_id, level, source, updated_at, shown,
                         awaiting_confirmation)
                     VALUES (?1, ?2, ?3, 'hr', ?4, 0, 1)",
                )?
                .execute(params![person.id, skill_id, row.level, now()])?;
                report.added += 1;
                touched.insert(person.id, person.uuid.clone());
            }
            Some((level, _)) if level == row.level || row.level.is_none() => report.unchanged += 1,
            Some((level, source)) if source == "selv" => {
                report.conflicts.push(SkillConflict {
                    line: row.line,
                    person: row.person.clone(),
                    skill: row.skill.clone(),
                    kept: level,
                    imported: row.level,
                });
                report.unchanged += 1;
            }
            Some(_) => {
                tx.prepare_cached(
                    "UPDATE person_skills SET level = ?3, updated_at = ?4 WHERE person_id = ?1 AND skill_id = ?2",
                )?
                .execute(params![person.id, skill_id, row.level, now()])?;
                report.changed += 1;
                touched.insert(person.id, person.uuid.clone());
            }
        }
    }
    for (id, uuid) in touched {
        touch(tx, "people", "person", id, &uuid)?;
    }
    report.skills_created = skills.created;
    Ok(report)
}

pub(crate) fn import_attendance_in(
    tx: &Transaction,
    rows: &[AttendanceRow],
) -> Result<AttendanceImportReport> {
    let mut report = AttendanceImportReport {
        rows: rows.len(),
        ..AttendanceImportReport::default()
    };
    let mut people = People::default();
    let mut courses: HashMap<(String, String), (i64, String)> = HashMap::new();
    let mut touched: HashSet<(i64, String)> = HashSet::new();
    for row in rows {
        let person = match people.find(tx, &row.person) {
            Ok(person) => person,
            Err(message) => {
                report.refused.push(RecordError {
                    line: row.line,
                    message,
                });
                continue;
            }
        };
        let date = row.date.format("%Y-%m-%d").to_string();
        let key = (row.course.to_lowercase(), date.clone());
        let (course_id, course_uuid) = match courses.get(&key) {
            Some(found) => found.clone(),
            None => {
                let found = course(tx, &row.course, &date, &mut report.courses_created)?;
                courses.insert(key, found.clone());
                found
            }
        };
        let added = tx
            .prepare_cached(
                "INSERT INTO attendance (course_id, person_id, role, updated_at) VALUES (?1, ?2, 'deltager', ?3)
                 ON CONFLICT (course_id, person_id) DO NOTHING",
            )?
            .execute(params![course_id, person.id, now()])?;
        if added == 1 {
            report.attendances_added += 1;
            touched.insert((course_id, course_uuid));
        } else {
            report.unchanged += 1;
        }
    }
    for (id, uuid) in touched {
        touch(tx, "courses", "course", id, &uuid)?;
    }
    Ok(report)
}

/// The course with this title (any case) on this date, created when new.
fn course(tx: &Transaction, title: &str, date: &str, created: &mut usize) -> Result<(i64, String)> {
    let existing: Option<(i64, String)> = tx
        .prepare_cached("SELECT id, uuid FROM courses WHERE lower(title) = lower(?1) AND start_date = ?2")?
        .query_row(params![title, date], |r| Ok((r.get(0)?, r.get(1)?)))
        .optional()?;
    if let Some(found) = existing {
        return Ok(found);
    }
    let uuid = new_uuid();
    let seq = record_change(tx, "course", &uuid, "upsert")?;
    let slug: String = title
        .to_lowercase()
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    // Stable, so that the same course gets the same id in an export; a
    // title differing only in punctuation gets a number.
    let base = format!("import-{date}-{slug}");
    let mut external_id = base.clone();
    let mut n = 1;
    while tx
        .prepare_cached("SELECT 1 FROM courses WHERE external_id = ?1")?
        .exists([&external_id])?
    {
        n += 1;
        external_id = format!("{base}-{n}");
    }
    let ts = now();
    tx.prepare_cached(
        "INSERT INTO courses (uuid, external_id, title, kind, start_date, created_at, updated_at, change_seq)
         VALUES (?1, ?2, ?3, 'kursus', ?4, ?5, ?5, ?6)",
    )?
    .execute(params![uuid, external_id, title, date, ts, seq])?;
    *created += 1;
    Ok((tx.last_insert_rowid(), uuid))
}
