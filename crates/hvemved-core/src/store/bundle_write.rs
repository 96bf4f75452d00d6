//! Writes a validated bundle into the store in one transaction. Records are
//! matched by external id; a record whose content is already stored is left
//! untouched, so importing the same bundle twice changes nothing, not even a
//! timestamp or a change number.

use std::collections::{HashMap, HashSet};

use rusqlite::{params, OptionalExtension, Transaction};
use serde::Serialize;

use super::lookups::SkillResolver;
use super::units::UnitResolver;
use super::{new_uuid, now, record_change};
use crate::bundle::types::{Bundle, BundleCourse, BundlePerson, BundleSkill};
use crate::error::Result;
use crate::model::split_unit_path;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct ImportReport {
    pub people_created: usize,
    pub people_updated: usize,
    pub people_unchanged: usize,
    pub courses_created: usize,
    pub courses_updated: usize,
    pub courses_unchanged: usize,
    pub skills_created: usize,
    pub units_created: usize,
}

impl ImportReport {
    pub fn changed_anything(&self) -> bool {
        self.people_created + self.people_updated + self.courses_created + self.courses_updated > 0
    }
}

pub(crate) fn write_bundle(tx: &Transaction, bundle: &Bundle) -> Result<ImportReport> {
    let mut report = ImportReport::default();
    let mut writer = Writer {
        tx,
        report: &mut report,
        units: UnitResolver::default(),
        skills: SkillResolver::default(),
        changed_people: HashSet::new(),
        written_people: HashMap::new(),
    };
    for person in &bundle.people {
        writer.person(person)?;
    }
    for course in &bundle.courses {
        writer.course(course)?;
    }
    Ok(report)
}

struct Writer<'a> {
    tx: &'a Transaction<'a>,
    report: &'a mut ImportReport,
    units: UnitResolver,
    skills: SkillResolver,
    /// The people whose change this import has recorded. One change per
    /// person and import is enough, since the index reads the whole import
    /// at once: a course's attendees would otherwise add a change each for
    /// the people created just before.
    changed_people: HashSet<i64>,
    /// Row id and uuid of each person written so far, by external id: a
    /// course's attendees are nearly always people of the same bundle.
    written_people: HashMap<String, (i64, String)>,
}

type StoredPerson = (i64, String, [Option<String>; 8], Option<i64>, String);
/// Level, can mentor, wants to learn, source, shown.
type StoredSkill = (Option<u8>, bool, bool, String, bool);

impl Writer<'_> {
    fn person(&mut self, p: &BundlePerson) -> Result<()> {
        let unit_id = match &p.department {
            Some(path) => self.unit(&split_unit_path(path))?,
            None => None,
        };
        let languages = serde_json::to_string(&p.languages).expect("strings serialise");
        let fields = [
            Some(p.name.clone()),
            p.title.clone(),
            p.profession.clone(),
            p.email.clone(),
            p.phone.clone(),
            p.location.clone(),
            p.bio.clone(),
            Some(languages.clone()),
        ];
        // Cached statements: a large import looks up hundreds of thousands of
        // records, and compiling the SQL each time cost half a second at
        // 100 000 people.
        let stored: Option<StoredPerson> = self
            .tx
            .prepare_cached(
                "SELECT id, uuid, name, title, profession, email, phone, location, bio, languages, unit_id, active
                 FROM people WHERE external_id = ?1",
            )?
            .query_row(
                [&p.id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        [
                            r.get(2)?,
                            r.get(3)?,
                            r.get(4)?,
                            r.get(5)?,
                            r.get(6)?,
                            r.get(7)?,
                            r.get(8)?,
                            r.get(9)?,
                        ],
                        r.get(10)?,
                        r.get::<_, i64>(11)?.to_string(),
                    ))
                },
            )
            .optional()?;

        let ts = now();
        let (person_id, uuid, created, row_changed) = match stored {
            None => {
                let uuid = new_uuid();
                // A new person is a change whatever follows, so the change
                // is numbered first and the row written once.
                let seq = record_change(self.tx, "person", &uuid, "upsert")?;
                self.tx.prepare_cached("INSERT INTO people (uuid, external_id, name, title, unit_id, profession, email, phone,
                                         location, bio, languages, active, created_at, updated_at, change_seq)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, 1, ?12, ?12, ?13)")?.execute(params![
                        uuid, p.id, p.name, p.title, unit_id, p.profession, p.email, p.phone,
                        p.location, p.bio, languages, ts, seq
                    ])?;
                (self.tx.last_insert_rowid(), uuid, true, true)
            }
            Some((id, uuid, old_fields, old_unit, active)) => {
                let changed = old_fields != fields || old_unit != unit_id || active != "1";
                if changed {
                    self.tx.prepare_cached("UPDATE people SET name = ?2, title = ?3, unit_id = ?4, profession = ?5, email = ?6,
                                phone = ?7, location = ?8, bio = ?9, languages = ?10, active = 1
                         WHERE id = ?1")?.execute(params![
                            id, p.name, p.title, unit_id, p.profession, p.email, p.phone, p.location,
                            p.bio, languages
                        ])?;
                }
                (id, uuid, false, changed)
            }
        };
        self.written_people
            .insert(p.id.clone(), (person_id, uuid.clone()));
        let hidden_changed = self.hide_fields(person_id, &p.hidden_fields)?;
        let skills_changed = self.person_skills(person_id, created, &p.skills, &ts)?;
        if created {
            self.changed_people.insert(person_id);
            self.report.people_created += 1;
        } else if row_changed || hidden_changed || skills_changed {
            let seq = record_change(self.tx, "person", &uuid, "upsert")?;
            self.changed_people.insert(person_id);
            self.tx
                .prepare_cached("UPDATE people SET updated_at = ?2, change_seq = ?3 WHERE id = ?1")?
                .execute(params![person_id, ts, seq])?;
            self.report.people_updated += 1;
        } else {
            self.report.people_unchanged += 1;
        }
        Ok(())
    }

    /// Adds the fields the bundle hides to those the person hides; a bundle
    /// never shows what the person chose to hide.
    fn hide_fields(&mut self, person_id: i64, fields: &[String]) -> Result<bool> {
        if fields.is_empty() {
            return Ok(false);
        }
        let stored: String = self
            .tx
            .prepare_cached("SELECT hidden_fields FROM people WHERE id = ?1")?
            .query_row([person_id], |r| r.get(0))?;
        let mut hidden: Vec<String> = serde_json::from_str(&stored).unwrap_or_default();
        let before = hidden.len();
        for field in fields {
            if !hidden.contains(field) {
                hidden.push(field.clone());
            }
        }
        if hidden.len() == before {
            return Ok(false);
        }
        let text = serde_json::to_string(&hidden).expect("strings serialise");
        self.tx
            .prepare_cached("UPDATE people SET hidden_fields = ?2 WHERE id = ?1")?
            .execute(params![person_id, text])?;
        Ok(true)
    }

    /// Makes the person's imported skills match the bundle; skills the
    /// employee declared themselves and the bundle does not name are kept.
    /// A skill the bundle marks hidden is hidden; one it does not mark keeps
    /// the person's choice. A person the import created (`new`) has nothing
    /// stored to compare with, so nothing is read.
    fn person_skills(&mut self, person_id: i64, new: bool, wanted: &[BundleSkill], ts: &str) -> Result<bool> {
        let mut stored: HashMap<i64, StoredSkill> = HashMap::new();
        if !new {
            let mut stmt = self.tx.prepare_cached(
                "SELECT skill_id, level, can_mentor, wants_to_learn, source, shown FROM person_skills WHERE person_id = ?1",
            )?;
            let rows = stmt.query_map([person_id], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    (r.get(1)?, r.get(2)?, r.get(3)?, r.get(4)?, r.get(5)?),
                ))
            })?;
            for row in rows {
                let (skill, value) = row?;
                stored.insert(skill, value);
            }
        }
        let mut changed = false;
        let mut listed = HashSet::new();
        for skill in wanted {
            let skill_id = self.skill(&skill.name)?;
            listed.insert(skill_id);
            match stored.get(&skill_id) {
                Some((level, mentor, learn, _, shown))
                    if *level == skill.level
                        && *mentor == skill.can_mentor
                        && *learn == skill.wants_to_learn
                        && !(skill.hidden && *shown) => {}
                Some(_) => {
                    self.tx.prepare_cached("UPDATE person_skills SET level = ?3, can_mentor = ?4, wants_to_learn = ?5, updated_at = ?6,
                                shown = shown AND NOT ?7,
                                awaiting_confirmation = awaiting_confirmation OR (?8 AND shown)
                         WHERE person_id = ?1 AND skill_id = ?2")?.execute(params![person_id, skill_id, skill.level, skill.can_mentor, skill.wants_to_learn, ts, skill.hidden, skill.awaiting_confirmation])?;
                    changed = true;
                }
                None => {
                    self.tx.prepare_cached("INSERT INTO person_skills (person_id, skill_id, level, source, can_mentor, wants_to_learn, updated_at,
                                                 shown, awaiting_confirmation)
                         VALUES (?1, ?2, ?3, 'hr', ?4, ?5, ?6, ?7, ?8)")?.execute(params![person_id, skill_id, skill.level, skill.can_mentor, skill.wants_to_learn, ts, !skill.hidden, skill.awaiting_confirmation])?;
                    changed = true;
                }
            }
        }
        for (skill_id, (_, _, _, source, _)) in &stored {
            if source == "hr" && !listed.contains(skill_id) {
                self.tx
                    .prepare_cached("DELETE FROM person_skills WHERE person_id = ?1 AND skill_id = ?2")?
                    .execute(params![person_id, skill_id])?;
                changed = true;
            }
        }
        Ok(changed)
    }

    fn course(&mut self, c: &BundleCourse) -> Result<()> {
        let fields = [
            Some(c.title.clone()),
            c.kind.clone(),
            c.provider.clone(),
            c.date.clone(),
            c.end_date.clone(),
            c.location.clone(),
            c.summary.clone(),
            c.key_takeaways.clone(),
        ];
        let stored: Option<(i64, String, [Option<String>; 8])> = self
            .tx
            .prepare_cached(
                "SELECT id, uuid, title, kind, provider, start_date, end_date, location, summary, key_takeaways
                 FROM courses WHERE external_id = ?1",
            )?
            .query_row(
                [&c.id],
                |r| {
                    Ok((
                        r.get(0)?,
                        r.get(1)?,
                        [
                            r.get(2)?,
                            r.get(3)?,
                            r.get(4)?,
                            r.get(5)?,
                            r.get(6)?,
                            r.get(7)?,
                            r.get(8)?,
                            r.get(9)?,
                        ],
                    ))
                },
            )
            .optional()?;
        let ts = now();
        let (course_id, uuid, created, row_changed) = match stored {
            None => {
                let uuid = new_uuid();
                let seq = record_change(self.tx, "course", &uuid, "upsert")?;
                self.tx.prepare_cached("INSERT INTO courses (uuid, external_id, title, kind, provider, start_date, end_date, location,
                                          summary, key_takeaways, created_at, updated_at, change_seq)
                     VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?11, ?12)")?.execute(params![
                        uuid, c.id, c.title, c.kind, c.provider, c.date, c.end_date, c.location, c.summary,
                        c.key_takeaways, ts, seq
                    ])?;
                (self.tx.last_insert_rowid(), uuid, true, true)
            }
            Some((id, uuid, old)) => {
                let changed = old != fields;
                if changed {
                    self.tx.prepare_cached("UPDATE courses SET title = ?2, kind = ?3, provider = ?4, start_date = ?5, end_date = ?6,
                                location = ?7, summary = ?8, key_takeaways = ?9
                         WHERE id = ?1")?.execute(params![
                            id, c.title, c.kind, c.provider, c.date, c.end_date, c.location, c.summary,
                            c.key_takeaways
                        ])?;
                }
                (id, uuid, false, changed)
            }
        };
        // Like hidden skills: a bundle makes a report HR-only, never the reverse.
        let made_hr_only = c.hr_only
            && self
                .tx
                .prepare_cached("UPDATE courses SET hr_only = 1 WHERE id = ?1 AND hr_only = 0")?
                .execute([course_id])?
                > 0;
        let skills_changed = self.course_skills(course_id, created, &c.skills)?;
        let attendance_changed = self.attendance(course_id, created, &c.attendees, &ts)?;
        if created {
            self.report.courses_created += 1;
        } else if row_changed || made_hr_only || skills_changed || attendance_changed {
            let seq = record_change(self.tx, "course", &uuid, "upsert")?;
            self.tx
                .prepare_cached("UPDATE courses SET updated_at = ?2, change_seq = ?3 WHERE id = ?1")?
                .execute(params![course_id, ts, seq])?;
            self.report.courses_updated += 1;
        } else {
            self.report.courses_unchanged += 1;
        }
        Ok(())
    }

    /// Makes the course's skills match the bundle's; a course the import
    /// created (`new`) has none stored to read.
    fn course_skills(&mut self, course_id: i64, new: bool, names: &[String]) -> Result<bool> {
        // A Vec, not a set, so that the order of the bundle survives an export.
        let mut wanted = Vec::new();
        for name in names {
            wanted.push(self.skill(name)?);
        }
        let stored: HashSet<i64> = if new {
            HashSet::new()
        } else {
            self.tx
                .prepare_cached("SELECT skill_id FROM course_skills WHERE course_id = ?1")?
                .query_map([course_id], |r| r.get(0))?
                .collect::<rusqlite::Result<_>>()?
        };
        let wanted_set: HashSet<i64> = wanted.iter().copied().collect();
        if stored == wanted_set {
            return Ok(false);
        }
        for gone in stored.difference(&wanted_set) {
            self.tx
                .prepare_cached("DELETE FROM course_skills WHERE course_id = ?1 AND skill_id = ?2")?
                .execute(params![course_id, gone])?;
        }
        for new in wanted.iter().filter(|id| !stored.contains(id)) {
            self.tx
                .prepare_cached("INSERT INTO course_skills (course_id, skill_id) VALUES (?1, ?2)")?
                .execute(params![course_id, new])?;
        }
        Ok(true)
    }

    /// Makes the attendee list match the bundle's. People who join or leave
    /// the list get a change of their own, since their search evidence moves.
    /// A course the import created (`new`) has no list stored to read.
    fn attendance(&mut self, course_id: i64, new: bool, external_ids: &[String], ts: &str) -> Result<bool> {
        let mut wanted = Vec::new();
        for external_id in external_ids {
            let person: (i64, String) = match self.written_people.get(external_id) {
                Some(written) => written.clone(),
                None => self
                    .tx
                    .prepare_cached("SELECT id, uuid FROM people WHERE external_id = ?1")?
                    .query_row([external_id], |r| Ok((r.get(0)?, r.get(1)?)))?,
            };
            wanted.push(person);
        }
        let stored: Vec<(i64, String)> = if new {
            Vec::new()
        } else {
            self.tx
                .prepare_cached(
                    "SELECT p.id, p.uuid FROM attendance a JOIN people p ON p.id = a.person_id WHERE a.course_id = ?1",
                )?
                .query_map([course_id], |r| Ok((r.get(0)?, r.get(1)?)))?
                .collect::<rusqlite::Result<_>>()?
        };
        let wanted_ids: HashSet<i64> = wanted.iter().map(|(id, _)| *id).collect();
        let stored_ids: HashSet<i64> = stored.iter().map(|(id, _)| *id).collect();
        let mut changed = false;
        for (person_id, uuid) in stored.iter().filter(|(id, _)| !wanted_ids.contains(id)) {
            self.tx
                .prepare_cached("DELETE FROM attendance WHERE course_id = ?1 AND person_id = ?2")?
                .execute(params![course_id, person_id])?;
            self.person_changed(*person_id, uuid)?;
            changed = true;
        }
        for (person_id, uuid) in wanted.iter().filter(|(id, _)| !stored_ids.contains(id)) {
            self.tx.prepare_cached("INSERT INTO attendance (course_id, person_id, role, updated_at) VALUES (?1, ?2, 'deltager', ?3)")?.execute(params![course_id, person_id, ts])?;
            self.person_changed(*person_id, uuid)?;
            changed = true;
        }
        Ok(changed)
    }

    /// Records that a person's search evidence changed, unless this import
    /// has recorded a change of theirs already.
    fn person_changed(&mut self, person_id: i64, uuid: &str) -> Result<()> {
        if self.changed_people.insert(person_id) {
            record_change(self.tx, "person", uuid, "upsert")?;
        }
        Ok(())
    }

    /// The id of a unit path, creating the units that are missing.
    fn unit(&mut self, path: &[String]) -> Result<Option<i64>> {
        let before = self.units.created;
        let id = self.units.resolve(self.tx, path)?;
        self.report.units_created += self.units.created - before;
        Ok(id)
    }

    /// The id of a skill by name, any case, creating it when new.
    fn skill(&mut self, name: &str) -> Result<i64> {
        let before = self.skills.created;
        let id = self.skills.resolve(self.tx, name)?;
        self.report.skills_created += self.skills.created - before;
        Ok(id)
    }
}
