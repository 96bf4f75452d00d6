//! What the search index is built from: each active person's own evidence
//! (skills, bio, role) and each course report with the people tied to it,
//! plus which of them changed since a given change number.

use std::collections::{BTreeSet, HashMap};

use rusqlite::params_from_iter;
use rusqlite::types::Value;

use super::InitiativeKind;
use super::Store;
use crate::error::Result;
use crate::model::AttendanceRole;

/// A person's own evidence documents.
#[derive(Debug, Clone)]
pub struct PersonEvidence {
    pub id: i64,
    pub uuid: String,
    pub role_text: String,
    pub bio: Option<String>,
    pub skills: Vec<(String, Option<u8>)>,
}

/// A course report and the people it is evidence for.
#[derive(Debug, Clone)]
pub struct CourseEvidence {
    pub uuid: String,
    pub text: String,
    pub date: Option<String>,
    pub people: Vec<(i64, AttendanceRole)>,
}

/// An initiative, network or forum and its members.
#[derive(Debug, Clone)]
pub struct InitiativeEvidence {
    pub uuid: String,
    pub text: String,
    /// Row ids, with true for a tovholder.
    pub people: Vec<(i64, bool)>,
}

/// What must be re-indexed since a change number.
#[derive(Debug, Default, Clone)]
pub struct IndexChanges {
    pub people: Vec<String>,
    pub courses: Vec<String>,
    pub initiatives: Vec<String>,
    /// Whether a unit changed: a renamed or moved unit changes the unit
    /// path of everyone below it, not only of its own people.
    pub units: bool,
}

impl IndexChanges {
    pub fn len(&self) -> usize {
        self.people.len() + self.courses.len() + self.initiatives.len()
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

/// Which records to read: those with the given uuids, or a range of row
/// ids (a full read goes range by range, so it never holds the whole
/// directory in memory at once).
#[derive(Debug, Clone, Copy)]
pub enum Selection<'a> {
    Uuids(&'a [String]),
    Rows { first: i64, last: i64 },
}

impl Selection<'_> {
    /// The SQL condition on the table aliased `alias`, and its parameters.
    pub(super) fn condition(&self, alias: &str) -> (String, Vec<Value>) {
        match self {
            Selection::Uuids(uuids) => (
                format!("{alias}.uuid IN (SELECT value FROM json_each(?1))"),
                vec![Value::Text(
                    serde_json::to_string(uuids).expect("strings serialise"),
                )],
            ),
            Selection::Rows { first, last } => (
                format!("{alias}.id BETWEEN ?1 AND ?2"),
                vec![Value::Integer(*first), Value::Integer(*last)],
            ),
        }
    }
}

/// Rows per batch of a full read.
const ROWS_PER_BATCH: i64 = 5_000;

impl Store {
    /// Calls `each` with the row-id ranges that together cover `table`.
    pub fn row_batches(&self, table: &str, mut each: impl FnMut(Selection) -> Result<()>) -> Result<()> {
        let (low, high): (Option<i64>, Option<i64>) =
            self.conn()
                .query_row(&format!("SELECT min(id), max(id) FROM {table}"), [], |r| {
                    Ok((r.get(0)?, r.get(1)?))
                })?;
        let (Some(low), Some(high)) = (low, high) else {
            return Ok(());
        };
        let mut first = low;
        while first <= high {
            let last = first.saturating_add(ROWS_PER_BATCH - 1).min(high);
            each(Selection::Rows { first, last })?;
            first = last + 1;
        }
        Ok(())
    }

    /// The selected active people's own evidence.
    pub fn person_evidence(&self, selection: Selection) -> Result<Vec<PersonEvidence>> {
        let conn = self.conn();
        let (condition, params) = selection.condition("p");
        let units = super::read::unit_paths(conn)?;
        let mut skills: HashMap<i64, Vec<(String, Option<u8>)>> = HashMap::new();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT ps.person_id, s.name, ps.level FROM people p
             JOIN person_skills ps ON ps.person_id = p.id JOIN skills s ON s.id = ps.skill_id
             WHERE p.active = 1 AND ps.shown = 1 AND {condition}
             ORDER BY ps.rowid"
        ))?;
        for row in stmt.query_map(params_from_iter(&params), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get(2)?))
        })? {
            let (person, name, level): (i64, String, Option<u8>) = row?;
            skills.entry(person).or_default().push((name, level));
        }
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT p.id, p.uuid, p.title, p.profession, p.unit_id, {bio} FROM people p
             WHERE p.active = 1 AND {condition} ORDER BY p.id",
            bio = super::SHOWN_BIO
        ))?;
        let people = stmt
            .query_map(params_from_iter(&params), |r| {
                let id: i64 = r.get(0)?;
                let unit: Option<i64> = r.get(4)?;
                let role_parts: Vec<String> = [r.get::<_, Option<String>>(2)?, r.get(3)?]
                    .into_iter()
                    .flatten()
                    .chain(unit.and_then(|u| units.get(&u).cloned()))
                    .collect();
                Ok(PersonEvidence {
                    id,
                    uuid: r.get(1)?,
                    role_text: role_parts.join("\n"),
                    bio: r.get(5)?,
                    skills: Vec::new(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(people
            .into_iter()
            .map(|mut p| {
                p.skills = skills.remove(&p.id).unwrap_or_default();
                p
            })
            .collect())
    }

    /// The selected course reports with their active attendees.
    pub fn course_evidence(&self, selection: Selection) -> Result<Vec<CourseEvidence>> {
        let conn = self.conn();
        let (condition, params) = selection.condition("c");
        let mut people: HashMap<i64, Vec<(i64, AttendanceRole)>> = HashMap::new();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT a.course_id, a.person_id, a.role FROM courses c
             JOIN attendance a ON a.course_id = c.id JOIN people p ON p.id = a.person_id
             WHERE p.active = 1 AND {condition} ORDER BY a.rowid"
        ))?;
        for row in stmt.query_map(params_from_iter(&params), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?))
        })? {
            let (course, person, role) = row?;
            let role = AttendanceRole::parse(&role).unwrap_or(AttendanceRole::Deltager);
            people.entry(course).or_default().push((person, role));
        }
        let mut skills: HashMap<i64, Vec<String>> = HashMap::new();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT cs.course_id, s.name FROM courses c
             JOIN course_skills cs ON cs.course_id = c.id JOIN skills s ON s.id = cs.skill_id
             WHERE {condition} ORDER BY cs.rowid"
        ))?;
        for row in stmt.query_map(params_from_iter(&params), |r| Ok((r.get(0)?, r.get(1)?)))? {
            let (course, name): (i64, String) = row?;
            skills.entry(course).or_default().push(name);
        }
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT c.id, c.uuid, c.title, c.provider, c.summary, c.key_takeaways, c.start_date FROM courses c
             WHERE c.hr_only = 0 AND {condition} ORDER BY c.id"
        ))?;
        let courses = stmt
            .query_map(params_from_iter(&params), |r| {
                let id: i64 = r.get(0)?;
                let parts: [Option<String>; 4] = [r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?];
                Ok((id, r.get::<_, String>(1)?, parts, r.get::<_, Option<String>>(6)?))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(courses
            .into_iter()
            .map(|(id, uuid, parts, date)| {
                let mut text: Vec<String> = parts.into_iter().flatten().collect();
                text.extend(skills.remove(&id).unwrap_or_default());
                CourseEvidence {
                    uuid,
                    text: text.join("\n"),
                    date,
                    people: people.remove(&id).unwrap_or_default(),
                }
            })
            .collect())
    }

    /// The selected initiatives with their active members.
    pub fn initiative_evidence(&self, selection: Selection) -> Result<Vec<InitiativeEvidence>> {
        let conn = self.conn();
        let (condition, params) = selection.condition("i");
        let mut people: HashMap<i64, Vec<(i64, bool)>> = HashMap::new();
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT m.initiative_id, m.person_id, m.role FROM initiatives i
             JOIN initiative_members m ON m.initiative_id = i.id JOIN people p ON p.id = m.person_id
             WHERE p.active = 1 AND {condition} ORDER BY m.rowid"
        ))?;
        for row in stmt.query_map(params_from_iter(&params), |r| {
            Ok((r.get(0)?, r.get(1)?, r.get::<_, String>(2)?))
        })? {
            let (initiative, person, role) = row?;
            people
                .entry(initiative)
                .or_default()
                .push((person, role == "tovholder"));
        }
        let mut stmt = conn.prepare_cached(&format!(
            "SELECT i.id, i.uuid, i.name, i.kind, i.purpose, i.target_group FROM initiatives i
             WHERE {condition} ORDER BY i.id"
        ))?;
        let initiatives = stmt
            .query_map(params_from_iter(&params), |r| {
                let kind: String = r.get(3)?;
                let kind = InitiativeKind::parse(&kind).map(|k| k.danish_name().to_string());
                let parts: [Option<String>; 4] = [r.get(2)?, kind, r.get(4)?, r.get(5)?];
                Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?, parts))
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(initiatives
            .into_iter()
            .map(|(id, uuid, parts)| InitiativeEvidence {
                uuid,
                text: parts.into_iter().flatten().collect::<Vec<_>>().join("\n"),
                people: people.remove(&id).unwrap_or_default(),
            })
            .collect())
    }

    /// How many records have changed since `seq`: cheap to count, and
    /// past a few thousand a rebuild is the better way whatever they touch.
    pub fn changed_entities_since(&self, seq: i64) -> Result<usize> {
        let count: i64 = self.conn().query_row(
            "SELECT count(DISTINCT entity_uuid) FROM changes WHERE seq > ?1",
            [seq],
            |r| r.get(0),
        )?;
        Ok(count as usize)
    }

    /// The people, courses and initiatives whose documents may differ since `seq`.
    pub fn index_changes_since(&self, seq: i64) -> Result<IndexChanges> {
        let conn = self.conn();
        let collect = |sql: &str| -> Result<BTreeSet<String>> {
            let mut stmt = conn.prepare(sql)?;
            let set = stmt
                .query_map([seq], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?;
            Ok(set)
        };
        let people = collect(
            "SELECT entity_uuid FROM changes WHERE seq > ?1 AND entity = 'person'
             UNION
             SELECT p.uuid FROM changes ch JOIN skills s ON s.uuid = ch.entity_uuid
                 JOIN person_skills ps ON ps.skill_id = s.id JOIN people p ON p.id = ps.person_id
             WHERE ch.seq > ?1 AND ch.entity = 'skill'
             UNION
             SELECT p.uuid FROM changes ch JOIN units u ON u.uuid = ch.entity_uuid
                 JOIN people p ON p.unit_id = u.id
             WHERE ch.seq > ?1 AND ch.entity = 'unit'",
        )?;
        let courses = collect(
            "SELECT entity_uuid FROM changes WHERE seq > ?1 AND entity = 'course'
             UNION
             SELECT c.uuid FROM changes ch JOIN skills s ON s.uuid = ch.entity_uuid
                 JOIN course_skills cs ON cs.skill_id = s.id JOIN courses c ON c.id = cs.course_id
             WHERE ch.seq > ?1 AND ch.entity = 'skill'
             UNION
             SELECT c.uuid FROM changes ch JOIN people p ON p.uuid = ch.entity_uuid
                 JOIN attendance a ON a.person_id = p.id JOIN courses c ON c.id = a.course_id
             WHERE ch.seq > ?1 AND ch.entity = 'person'",
        )?;
        let initiatives = collect(
            "SELECT entity_uuid FROM changes WHERE seq > ?1 AND entity = 'initiative'
             UNION
             SELECT i.uuid FROM changes ch JOIN people p ON p.uuid = ch.entity_uuid
                 JOIN initiative_members m ON m.person_id = p.id JOIN initiatives i ON i.id = m.initiative_id
             WHERE ch.seq > ?1 AND ch.entity = 'person'",
        )?;
        let units = conn.query_row(
            "SELECT EXISTS (SELECT 1 FROM changes WHERE seq > ?1 AND entity = 'unit')",
            [seq],
            |r| r.get(0),
        )?;
        Ok(IndexChanges {
            people: people.into_iter().collect(),
            courses: courses.into_iter().collect(),
            initiatives: initiatives.into_iter().collect(),
            units,
        })
    }
}
