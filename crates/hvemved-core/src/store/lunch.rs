//! Lunch with a colleague one does not know: who has opted in, who shares
//! nothing with whom (no unit, course or initiative), and how often each
//! has been suggested, so suggestions rotate fairly.

use rusqlite::{params, OptionalExtension};
use serde::{Deserialize, Serialize};

use super::{now, Store};
use crate::error::{CoreError, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Colleague {
    pub id: String,
    pub name: String,
    pub title: Option<String>,
    pub department: Option<String>,
}

/// An opted-in colleague who shares no course or initiative with the person.
#[derive(Debug, Clone)]
pub struct LunchCandidate {
    pub row: i64,
    pub colleague: Colleague,
    /// Suggestions that named this colleague, with anyone.
    pub times_suggested: u32,
    /// Suggestions that paired this colleague with the person.
    pub times_with_person: u32,
}

#[derive(Debug, Clone)]
pub struct LunchPool {
    pub row: i64,
    pub person: Colleague,
    pub opted_in: bool,
    /// Suggestions made to the person so far, to vary the tie-break.
    pub suggestions_made: u32,
    pub candidates: Vec<LunchCandidate>,
}

impl Store {
    pub fn lunch_pool(&self, person: &str) -> Result<LunchPool> {
        self.read(|conn| {
            let paths = super::read::unit_paths(conn)?;
            let department = |unit: Option<i64>| unit.and_then(|u| paths.get(&u).cloned()).filter(|p| !p.is_empty());
            let me: Option<(i64, Colleague, bool)> = conn
                .query_row(
                    "SELECT id, external_id, name, title, unit_id, lunch_opt_in FROM people
                     WHERE external_id = ?1 AND active = 1",
                    [person.trim()],
                    |r| {
                        Ok((
                            r.get(0)?,
                            Colleague {
                                id: r.get(1)?,
                                name: r.get(2)?,
                                title: r.get(3)?,
                                department: department(r.get(4)?),
                            },
                            r.get(5)?,
                        ))
                    },
                )
                .optional()?;
            let (row, me, opted_in) =
                me.ok_or_else(|| CoreError::InvalidInput(format!("no active person with id \"{}\"", person.trim())))?;
            let suggestions_made: u32 = conn.query_row(
                "SELECT count(*) FROM lunch_suggestions WHERE person_id = ?1",
                [row],
                |r| r.get(0),
            )?;
            let mut stmt = conn.prepare(
                "SELECT p.id, p.external_id, p.name, p.title, p.unit_id,
                        (SELECT count(*) FROM lunch_suggestions l WHERE l.person_id = p.id OR l.partner_id = p.id),
                        (SELECT count(*) FROM lunch_suggestions l
                         WHERE (l.person_id = ?1 AND l.partner_id = p.id) OR (l.partner_id = ?1 AND l.person_id = p.id))
                 FROM people p
                 WHERE p.active = 1 AND p.lunch_opt_in = 1 AND p.id <> ?1
                   AND NOT EXISTS (SELECT 1 FROM attendance a JOIN attendance b ON b.course_id = a.course_id
                                   WHERE a.person_id = ?1 AND b.person_id = p.id)
                   AND NOT EXISTS (SELECT 1 FROM initiative_members a
                                   JOIN initiative_members b ON b.initiative_id = a.initiative_id
                                   WHERE a.person_id = ?1 AND b.person_id = p.id)
                 ORDER BY p.id",
            )?;
            let candidates = stmt
                .query_map([row], |r| {
                    Ok(LunchCandidate {
                        row: r.get(0)?,
                        colleague: Colleague {
                            id: r.get(1)?,
                            name: r.get(2)?,
                            title: r.get(3)?,
                            department: department(r.get(4)?),
                        },
                        times_suggested: r.get(5)?,
                        times_with_person: r.get(6)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(LunchPool {
                row,
                person: me,
                opted_in,
                suggestions_made,
                candidates,
            })
        })
    }

    /// Remembers that `person` was suggested lunch with `partner` (row ids).
    pub fn record_lunch_suggestion(&mut self, person: i64, partner: i64) -> Result<()> {
        self.write(|tx| {
            tx.execute(
                "INSERT INTO lunch_suggestions (person_id, partner_id, suggested_at) VALUES (?1, ?2, ?3)",
                params![person, partner, now()],
            )?;
            Ok(())
        })
    }
}
