//! Read-side queries of the store: profiles, the whole directory as a bundle,
//! counts, and the per-person documents the search index is built from.

use std::collections::HashMap;
use std::sync::Arc;

use rusqlite::{Connection, OptionalExtension};

use super::{InitiativeKind, MemberRole, Selection, Store};
use crate::bundle::types::{Bundle, BundleCourse, BundlePerson, BundleSkill};
use crate::error::{CoreError, Result};
use crate::model::{
    AttendanceRole, CourseAttended, CourseKind, DirectoryStats, PersonInitiative, PersonProfile, PersonSkill,
    SkillLevel, SkillSource, UNIT_PATH_SEPARATOR,
};

/// One person as the search index sees them: every text that can be
/// evidence of what they know.
#[derive(Debug, Clone)]
pub struct IndexablePerson {
    pub id: i64,
    pub uuid: String,
    pub external_id: String,
    pub name: String,
    pub title: Option<String>,
    pub profession: Option<String>,
    pub bio: Option<String>,
    pub languages: Vec<String>,
    pub skills: Vec<IndexableSkill>,
    pub courses: Vec<IndexableCourse>,
    pub initiatives: Vec<IndexableInitiative>,
}

/// Which of a person's evidence lists to read: the kinds of document that
/// matched a search. The bio, title and profession come with the person's
/// row and are always read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct EvidenceParts {
    pub skills: bool,
    pub courses: bool,
    pub initiatives: bool,
}

impl EvidenceParts {
    pub const ALL: EvidenceParts = EvidenceParts {
        skills: true,
        courses: true,
        initiatives: true,
    };
}

/// A person's unit path, profession, languages and mentor willingness.
#[derive(Debug, Clone, Default)]
pub struct PersonFacts {
    /// Shared by everyone in the same unit.
    pub units: Arc<[String]>,
    pub profession: Option<String>,
    pub languages: Vec<String>,
    pub can_mentor: bool,
}

#[derive(Debug, Clone)]
pub struct IndexableSkill {
    pub name: String,
    pub level: Option<u8>,
    pub can_mentor: bool,
}

#[derive(Debug, Clone)]
pub struct IndexableCourse {
    pub title: String,
    pub date: Option<String>,
    pub text: String,
    pub skills: Vec<String>,
    pub role: AttendanceRole,
}

/// An initiative, network or forum a person takes part in.
#[derive(Debug, Clone)]
pub struct IndexableInitiative {
    pub name: String,
    /// The kind in Danish ("netværk").
    pub kind: String,
    /// Purpose and target group.
    pub text: String,
    pub convenes: bool,
}

struct Units(HashMap<i64, (Option<i64>, String)>);

impl Units {
    fn load(conn: &Connection) -> Result<Units> {
        let mut stmt = conn.prepare("SELECT id, parent_id, name FROM units")?;
        let map = stmt
            .query_map([], |r| Ok((r.get(0)?, (r.get(1)?, r.get(2)?))))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Units(map))
    }

    fn path(&self, unit: Option<i64>) -> Vec<String> {
        let mut names = Vec::new();
        let mut next = unit;
        // The depth bound guards against a cycle written by hand into the file.
        while let Some(id) = next.filter(|_| names.len() < 32) {
            let Some((parent, name)) = self.0.get(&id) else {
                break;
            };
            names.push(name.clone());
            next = *parent;
        }
        names.reverse();
        names
    }

    fn path_text(&self, unit: Option<i64>) -> Option<String> {
        let path = self.path(unit);
        (!path.is_empty()).then(|| path.join(UNIT_PATH_SEPARATOR))
    }
}

/// Who a person is and where they sit: what deciding who sees what needs of
/// them, without the rest of their profile.
pub struct PersonPlace {
    pub name: String,
    /// Unit path, outermost first.
    pub units: Vec<String>,
}

impl Store {
    pub fn person_place(&self, external_id: &str) -> Result<PersonPlace> {
        let conn = self.conn();
        let (name, unit): (String, Option<i64>) = conn
            .query_row(
                "SELECT name, unit_id FROM people WHERE external_id = ?1",
                [external_id],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .optional()?
            .ok_or_else(|| CoreError::PersonNotFound(external_id.to_string()))?;
        Ok(PersonPlace {
            name,
            units: Units::load(conn)?.path(unit),
        })
    }

    pub fn profile(&self, external_id: &str) -> Result<PersonProfile> {
        let conn = self.conn();
        let units = Units::load(conn)?;
        let row = conn
            .query_row(
                "SELECT id, uuid, external_id, name, title, unit_id, profession, email, phone, location, bio,
                        languages, active, created_at, updated_at, lunch_opt_in, hidden_fields, left_at
                 FROM people WHERE external_id = ?1",
                [external_id],
                |r| {
                    let unit: Option<i64> = r.get(5)?;
                    let languages: String = r.get(11)?;
                    Ok((
                        r.get::<_, i64>(0)?,
                        PersonProfile {
                            uuid: r.get(1)?,
                            id: r.get(2)?,
                            name: r.get(3)?,
                            title: r.get(4)?,
                            units: units.path(unit),
                            department: units.path_text(unit),
                            profession: r.get(6)?,
                            email: r.get(7)?,
                            phone: r.get(8)?,
                            location: r.get(9)?,
                            bio: r.get(10)?,
                            languages: serde_json::from_str(&languages).unwrap_or_default(),
                            active: r.get(12)?,
                            left_at: r.get(17)?,
                            own_fields: Vec::new(),
                            lunch_opt_in: r.get(15)?,
                            hidden_fields: serde_json::from_str(&r.get::<_, String>(16)?).unwrap_or_default(),
                            skills: Vec::new(),
                            courses: Vec::new(),
                            initiatives: Vec::new(),
                            created_at: r.get(13)?,
                            updated_at: r.get(14)?,
                        },
                    ))
                },
            )
            .optional()?;
        let Some((person_id, mut profile)) = row else {
            return Err(CoreError::PersonNotFound(external_id.to_string()));
        };
        profile.skills = person_skills(conn, person_id)?;
        profile.own_fields = conn
            .prepare_cached("SELECT field FROM person_own_fields WHERE person_id = ?1 ORDER BY field")?
            .query_map([person_id], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        profile.courses = conn
            .prepare(
                "SELECT c.external_id, c.title, c.kind, c.start_date, a.role, c.hr_only
                 FROM attendance a JOIN courses c ON c.id = a.course_id
                 WHERE a.person_id = ?1 ORDER BY c.start_date DESC, c.title",
            )?
            .query_map([person_id], |r| {
                let kind: Option<String> = r.get(2)?;
                let role: String = r.get(4)?;
                Ok(CourseAttended {
                    id: r.get(0)?,
                    title: r.get(1)?,
                    kind: kind.as_deref().and_then(CourseKind::parse),
                    date: r.get(3)?,
                    role: AttendanceRole::parse(&role).unwrap_or(AttendanceRole::Deltager),
                    hr_only: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        profile.initiatives = conn
            .prepare(
                "SELECT i.external_id, i.name, i.kind, m.role
                 FROM initiative_members m JOIN initiatives i ON i.id = m.initiative_id
                 WHERE m.person_id = ?1 ORDER BY i.name COLLATE NOCASE",
            )?
            .query_map([person_id], |r| {
                let kind: String = r.get(2)?;
                let role: String = r.get(3)?;
                Ok(PersonInitiative {
                    id: r.get(0)?,
                    name: r.get(1)?,
                    kind: InitiativeKind::parse(&kind).unwrap_or(InitiativeKind::Indsats),
                    role: MemberRole::parse(&role).unwrap_or(MemberRole::Medlem),
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(profile)
    }

    /// Active people as a bundle holds them: everyone, or only those named
    /// in `ids` (read one by one, so that one vCard does not read the whole
    /// directory). An id that is not an active person is left out.
    pub fn bundle_people(&self, ids: &[String]) -> Result<Vec<BundlePerson>> {
        if !ids.is_empty() {
            return ids
                .iter()
                .filter_map(|id| self.bundle_person(id).transpose())
                .collect();
        }
        let conn = self.conn();
        let units = Units::load(conn)?;
        let mut skills_of: HashMap<i64, Vec<BundleSkill>> = HashMap::new();
        for row in conn
            .prepare(
                "SELECT ps.person_id, s.name, ps.level, ps.can_mentor, ps.wants_to_learn, ps.shown,
                        ps.awaiting_confirmation
                 FROM person_skills ps JOIN skills s ON s.id = ps.skill_id ORDER BY ps.rowid",
            )?
            .query_map([], |r| {
                Ok((
                    r.get::<_, i64>(0)?,
                    BundleSkill {
                        name: r.get(1)?,
                        level: r.get(2)?,
                        can_mentor: r.get(3)?,
                        wants_to_learn: r.get(4)?,
                        hidden: !r.get::<_, bool>(5)?,
                        awaiting_confirmation: r.get(6)?,
                    },
                ))
            })?
        {
            let (person, skill) = row?;
            skills_of.entry(person).or_default().push(skill);
        }
        let people = conn
            .prepare(
                "SELECT id, external_id, name, title, unit_id, profession, email, phone, location, bio, languages,
                        hidden_fields
                 FROM people WHERE active = 1 ORDER BY id",
            )?
            .query_map([], |r| {
                let id: i64 = r.get(0)?;
                let languages: String = r.get(10)?;
                let hidden_fields: String = r.get(11)?;
                Ok(BundlePerson {
                    id: r.get(1)?,
                    name: r.get(2)?,
                    title: r.get(3)?,
                    department: units.path_text(r.get(4)?),
                    profession: r.get(5)?,
                    email: r.get(6)?,
                    phone: r.get(7)?,
                    location: r.get(8)?,
                    bio: r.get(9)?,
                    skills: skills_of.remove(&id).unwrap_or_default(),
                    languages: serde_json::from_str(&languages).unwrap_or_default(),
                    hidden_fields: serde_json::from_str(&hidden_fields).unwrap_or_default(),
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;

        Ok(people)
    }

    fn bundle_person(&self, external_id: &str) -> Result<Option<BundlePerson>> {
        let conn = self.conn();
        let row = conn
            .query_row(
                "SELECT id, external_id, name, title, unit_id, profession, email, phone, location, bio, languages,
                        hidden_fields
                 FROM people WHERE active = 1 AND external_id = ?1",
                [external_id],
                |r| {
                    Ok((
                        r.get::<_, i64>(0)?,
                        BundlePerson {
                            id: r.get(1)?,
                            name: r.get(2)?,
                            title: r.get(3)?,
                            department: None,
                            profession: r.get(5)?,
                            email: r.get(6)?,
                            phone: r.get(7)?,
                            location: r.get(8)?,
                            bio: r.get(9)?,
                            skills: Vec::new(),
                            languages: serde_json::from_str(&r.get::<_, String>(10)?).unwrap_or_default(),
                            hidden_fields: serde_json::from_str(&r.get::<_, String>(11)?).unwrap_or_default(),
                        },
                        r.get::<_, Option<i64>>(4)?,
                    ))
                },
            )
            .optional()?;
        let Some((id, mut person, unit)) = row else {
            return Ok(None);
        };
        person.department = Units::load(conn)?.path_text(unit);
        person.skills = conn
            .prepare(
                "SELECT s.name, ps.level, ps.can_mentor, ps.wants_to_learn, ps.shown, ps.awaiting_confirmation
                 FROM person_skills ps JOIN skills s ON s.id = ps.skill_id WHERE ps.person_id = ?1 ORDER BY ps.rowid",
            )?
            .query_map([id], |r| {
                Ok(BundleSkill {
                    name: r.get(0)?,
                    level: r.get(1)?,
                    can_mentor: r.get(2)?,
                    wants_to_learn: r.get(3)?,
                    hidden: !r.get::<_, bool>(4)?,
                    awaiting_confirmation: r.get(5)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(Some(person))
    }

    /// The whole directory in the bundle format, people and courses in the
    /// order they were first stored.
    pub fn export_bundle(&self) -> Result<Bundle> {
        let conn = self.conn();
        let people = self.bundle_people(&[])?;

        let mut attendees_of: HashMap<i64, Vec<String>> = HashMap::new();
        for row in conn
            .prepare(
                "SELECT a.course_id, p.external_id FROM attendance a JOIN people p ON p.id = a.person_id
                 WHERE p.active = 1 ORDER BY a.rowid",
            )?
            .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
        {
            let (course, person) = row?;
            attendees_of.entry(course).or_default().push(person);
        }
        let mut skills_of_course = course_skill_names(conn)?;
        let courses = conn
            .prepare(
                "SELECT id, external_id, title, kind, provider, start_date, end_date, location, summary, key_takeaways,
                        hr_only
                 FROM courses ORDER BY id",
            )?
            .query_map([], |r| {
                let id: i64 = r.get(0)?;
                Ok(BundleCourse {
                    id: r.get(1)?,
                    title: r.get(2)?,
                    kind: r.get(3)?,
                    provider: r.get(4)?,
                    date: r.get(5)?,
                    end_date: r.get(6)?,
                    location: r.get(7)?,
                    attendees: attendees_of.remove(&id).unwrap_or_default(),
                    summary: r.get(8)?,
                    key_takeaways: r.get(9)?,
                    skills: skills_of_course.remove(&id).unwrap_or_default(),
                    hr_only: r.get(10)?,
                })
            })?
            .collect::<rusqlite::Result<Vec<_>>>()?;
        Ok(Bundle::new(people, courses))
    }

    /// Every active person's unit path, profession, languages and mentor
    /// willingness, read in one pass: search keeps these in memory so that
    /// filters and facet counts never wait for SQLite.
    pub fn all_person_facts(&self) -> Result<Vec<(i64, PersonFacts)>> {
        Ok(self
            .person_facts_where("p.active = 1", &[])?
            .into_iter()
            .filter_map(|(id, facts)| Some((id, facts?)))
            .collect())
    }

    /// The same facts of the people `selection` names, by row id; `None`
    /// for one who is no longer active. A person's edit reads only theirs:
    /// reading everyone's again took most of an edit at 100 000 people.
    pub fn person_facts(&self, selection: Selection) -> Result<Vec<(i64, Option<PersonFacts>)>> {
        let (condition, params) = selection.condition("p");
        self.person_facts_where(&condition, &params)
    }

    fn person_facts_where(
        &self,
        condition: &str,
        params: &[rusqlite::types::Value],
    ) -> Result<Vec<(i64, Option<PersonFacts>)>> {
        let conn = self.conn();
        let units = Units::load(conn)?;
        let mut paths: HashMap<Option<i64>, Arc<[String]>> = HashMap::new();
        let mut stmt = conn.prepare(&format!(
            "SELECT p.id, p.active, p.unit_id, p.profession, p.languages,
                    EXISTS (SELECT 1 FROM person_skills ps WHERE ps.person_id = p.id AND ps.can_mentor = 1 AND ps.shown = 1)
             FROM people p WHERE {condition}"
        ))?;
        let mut facts = Vec::new();
        for row in stmt.query_map(rusqlite::params_from_iter(params), |r| {
            Ok((
                r.get::<_, i64>(0)?,
                r.get::<_, bool>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, Option<String>>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, bool>(5)?,
            ))
        })? {
            let (id, active, unit, profession, languages, can_mentor) = row?;
            if !active {
                facts.push((id, None));
                continue;
            }
            let units = paths
                .entry(unit)
                .or_insert_with(|| units.path(unit).into())
                .clone();
            let languages: Vec<String> = if languages == "[]" {
                Vec::new()
            } else {
                serde_json::from_str(&languages).unwrap_or_default()
            };
            facts.push((
                id,
                Some(PersonFacts {
                    units,
                    profession,
                    languages,
                    can_mentor,
                }),
            ));
        }
        Ok(facts)
    }

    pub fn person_external_ids(&self) -> Result<std::collections::HashSet<String>> {
        let mut stmt = self.conn().prepare("SELECT external_id FROM people")?;
        let ids = stmt
            .query_map([], |r| r.get(0))?
            .collect::<rusqlite::Result<_>>()?;
        Ok(ids)
    }

    /// The directory's counts. Counting reads each table's smallest index
    /// whole (about 1 MB at 10 000 people with 4 000 course reports, ten
    /// times that at 100 000), pages nothing else needs soon: they are let
    /// go from the page cache at once rather than kept until the app's idle
    /// upkeep, since the counts are asked for as a window opens.
    pub fn stats(&self) -> Result<DirectoryStats> {
        let stats = self.count_everything();
        self.release_cache()?;
        stats
    }

    fn count_everything(&self) -> Result<DirectoryStats> {
        let conn = self.conn();
        let count =
            |sql: &str| -> Result<u64> { Ok(conn.query_row(sql, [], |r| r.get::<_, i64>(0))? as u64) };
        Ok(DirectoryStats {
            people: count("SELECT count(*) FROM people")?,
            // All less those who left: counting the active ones directly
            // would read every person's row.
            active_people: count(
                "SELECT (SELECT count(*) FROM people) - (SELECT count(*) FROM people WHERE active = 0)",
            )?,
            units: count("SELECT count(*) FROM units")?,
            skills: count("SELECT count(*) FROM skills")?,
            person_skills: count("SELECT count(*) FROM person_skills")?,
            courses: count("SELECT count(*) FROM courses")?,
            attendances: count("SELECT count(*) FROM attendance")?,
            change_seq: self.change_seq()?,
            index_seq: None,
            demo: self.meta("demo")?.as_deref() == Some("true"),
        })
    }

    /// The active people with the given row ids, for showing evidence, each
    /// with the evidence lists asked for. A search shows ten people: each is
    /// read by key, so the cost does not grow with the directory.
    pub fn indexable_people(&self, wanted: &[(i64, EvidenceParts)]) -> Result<Vec<IndexablePerson>> {
        self.read(|conn| Self::read_indexable_people(conn, wanted))
    }

    fn read_indexable_people(
        conn: &Connection,
        wanted: &[(i64, EvidenceParts)],
    ) -> Result<Vec<IndexablePerson>> {
        let mut person_stmt = conn.prepare_cached(&format!(
            "SELECT uuid, external_id, name, title, profession, {bio}, languages
             FROM people WHERE id = ?1 AND active = 1",
            bio = super::SHOWN_BIO
        ))?;
        let mut skill_stmt = conn.prepare_cached(
            "SELECT s.name, ps.level, ps.can_mentor FROM person_skills ps JOIN skills s ON s.id = ps.skill_id
             WHERE ps.person_id = ?1 AND ps.shown = 1 ORDER BY ps.rowid",
        )?;
        let mut course_stmt = conn.prepare_cached(
            "SELECT c.title, c.start_date, c.provider, c.summary, c.key_takeaways, a.role, c.id
             FROM attendance a JOIN courses c ON c.id = a.course_id
             WHERE a.person_id = ?1 AND c.hr_only = 0 ORDER BY a.rowid",
        )?;
        let mut course_skill_stmt = conn.prepare_cached(
            "SELECT cs.course_id, s.name FROM attendance a JOIN course_skills cs ON cs.course_id = a.course_id
                 JOIN skills s ON s.id = cs.skill_id
             WHERE a.person_id = ?1 ORDER BY cs.rowid",
        )?;
        let mut initiative_stmt = conn.prepare_cached(
            "SELECT i.name, i.kind, i.purpose, i.target_group, m.role
             FROM initiative_members m JOIN initiatives i ON i.id = m.initiative_id
             WHERE m.person_id = ?1 ORDER BY m.rowid",
        )?;
        let mut people = Vec::with_capacity(wanted.len());
        for &(id, parts) in wanted {
            let person = person_stmt
                .query_row([id], |r| {
                    let languages: String = r.get(6)?;
                    Ok(IndexablePerson {
                        id,
                        uuid: r.get(0)?,
                        external_id: r.get(1)?,
                        name: r.get(2)?,
                        title: r.get(3)?,
                        profession: r.get(4)?,
                        bio: r.get(5)?,
                        languages: serde_json::from_str(&languages).unwrap_or_default(),
                        skills: Vec::new(),
                        courses: Vec::new(),
                        initiatives: Vec::new(),
                    })
                })
                .optional()?;
            let Some(mut person) = person else {
                continue;
            };
            if parts.skills {
                person.skills = skill_stmt
                    .query_map([id], |r| {
                        Ok(IndexableSkill {
                            name: r.get(0)?,
                            level: r.get(1)?,
                            can_mentor: r.get(2)?,
                        })
                    })?
                    .collect::<rusqlite::Result<_>>()?;
            }
            if parts.courses {
                person.courses = Self::read_indexable_courses(&mut course_stmt, &mut course_skill_stmt, id)?;
            }
            if parts.initiatives {
                person.initiatives = initiative_stmt
                    .query_map([id], |r| {
                        let kind: String = r.get(1)?;
                        let parts: [Option<String>; 2] = [r.get(2)?, r.get(3)?];
                        let role: String = r.get(4)?;
                        Ok(IndexableInitiative {
                            name: r.get(0)?,
                            kind: InitiativeKind::parse(&kind)
                                .map(|k| k.danish_name().to_string())
                                .unwrap_or(kind),
                            text: parts.into_iter().flatten().collect::<Vec<_>>().join("\n"),
                            convenes: role == "tovholder",
                        })
                    })?
                    .collect::<rusqlite::Result<_>>()?;
            }
            people.push(person);
        }
        Ok(people)
    }

    fn read_indexable_courses(
        course_stmt: &mut rusqlite::CachedStatement,
        course_skill_stmt: &mut rusqlite::CachedStatement,
        id: i64,
    ) -> Result<Vec<IndexableCourse>> {
        let mut courses = Vec::new();
        let mut course_skills: HashMap<i64, Vec<String>> = HashMap::new();
        for row in course_skill_stmt.query_map([id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))? {
            let (course, skill) = row?;
            course_skills.entry(course).or_default().push(skill);
        }
        for row in course_stmt.query_map([id], |r| {
            let parts: [Option<String>; 3] = [r.get(2)?, r.get(3)?, r.get(4)?];
            let role: String = r.get(5)?;
            let course: i64 = r.get(6)?;
            Ok(IndexableCourse {
                title: r.get(0)?,
                date: r.get(1)?,
                text: parts.into_iter().flatten().collect::<Vec<_>>().join("\n"),
                skills: course_skills.remove(&course).unwrap_or_default(),
                role: AttendanceRole::parse(&role).unwrap_or(AttendanceRole::Deltager),
            })
        })? {
            courses.push(row?);
        }
        Ok(courses)
    }
}

fn person_skills(conn: &Connection, person_id: i64) -> Result<Vec<PersonSkill>> {
    let mut stmt = conn.prepare(
        "SELECT s.name, s.english_label, s.category, ps.level, ps.source, ps.can_mentor, ps.wants_to_learn,
                ps.updated_at, ps.shown, ps.awaiting_confirmation
         FROM person_skills ps JOIN skills s ON s.id = ps.skill_id
         WHERE ps.person_id = ?1 ORDER BY ps.level IS NULL, ps.level DESC, s.name",
    )?;
    let skills = stmt
        .query_map([person_id], |r| {
            let level: Option<u8> = r.get(3)?;
            let level = level.and_then(SkillLevel::new);
            let source: String = r.get(4)?;
            Ok(PersonSkill {
                name: r.get(0)?,
                english_label: r.get(1)?,
                category: r.get(2)?,
                level,
                level_name: level.map(|l| l.danish_name().to_string()),
                source: SkillSource::parse(&source).unwrap_or(SkillSource::Hr),
                can_mentor: r.get(5)?,
                wants_to_learn: r.get(6)?,
                updated_at: r.get(7)?,
                shown: r.get(8)?,
                awaiting_confirmation: r.get(9)?,
            })
        })?
        .collect::<rusqlite::Result<_>>()?;
    Ok(skills)
}

/// Every unit's path text ("Børn og Familie / Ungeenheden"), by unit id.
pub(crate) fn unit_paths(conn: &Connection) -> Result<HashMap<i64, String>> {
    let units = Units::load(conn)?;
    Ok(units
        .0
        .keys()
        .map(|id| (*id, units.path_text(Some(*id)).unwrap_or_default()))
        .collect())
}

fn course_skill_names(conn: &Connection) -> Result<HashMap<i64, Vec<String>>> {
    let mut map: HashMap<i64, Vec<String>> = HashMap::new();
    for row in conn
        .prepare(
            "SELECT cs.course_id, s.name FROM course_skills cs JOIN skills s ON s.id = cs.skill_id ORDER BY cs.rowid",
        )?
        .query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?
    {
        let (course, skill) = row?;
        map.entry(course).or_default().push(skill);
    }
    Ok(map)
}
