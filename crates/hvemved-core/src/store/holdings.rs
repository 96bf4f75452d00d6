//! Who holds which skill at which level, as the competence map reads it:
//! one row per active person's skill entry, with the person's unit and
//! profession and when the entry was last confirmed.

use serde::{Deserialize, Serialize};

use super::Store;
use crate::error::Result;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct SkillHolding {
    pub skill: String,
    pub level: Option<u8>,
    /// RFC 3339, when the entry was last set.
    pub updated_at: String,
    pub person_id: String,
    pub person_name: String,
    /// Unit path, outermost first.
    pub unit: Option<String>,
    pub profession: Option<String>,
    pub can_mentor: bool,
    pub wants_to_learn: bool,
}

impl Store {
    pub fn skill_holdings(&self) -> Result<Vec<SkillHolding>> {
        self.read(|conn| {
            let units = super::read::unit_paths(conn)?;
            let mut stmt = conn.prepare(
                "SELECT s.name, ps.level, ps.updated_at, p.external_id, p.name, p.unit_id, p.profession,
                        ps.can_mentor, ps.wants_to_learn
                 FROM person_skills ps JOIN skills s ON s.id = ps.skill_id JOIN people p ON p.id = ps.person_id
                 WHERE p.active = 1 AND ps.shown = 1 ORDER BY s.name, p.external_id",
            )?;
            let rows = stmt
                .query_map([], |r| {
                    let unit: Option<i64> = r.get(5)?;
                    Ok(SkillHolding {
                        skill: r.get(0)?,
                        level: r.get(1)?,
                        updated_at: r.get(2)?,
                        person_id: r.get(3)?,
                        person_name: r.get(4)?,
                        unit: unit.and_then(|u| units.get(&u).cloned()).filter(|u| !u.is_empty()),
                        profession: r.get(6)?,
                        can_mentor: r.get(7)?,
                        wants_to_learn: r.get(8)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            Ok(rows)
        })
    }
}

/// Sets when each skill entry was last changed to `age_in_days(rowid)` days
/// before `now`: the demo municipality's entries were not all written on the
/// day it was loaded, and the digest and the map's freshness should show it.
pub(crate) fn backdate_skill_entries_in(
    tx: &rusqlite::Transaction,
    now: chrono::DateTime<chrono::Utc>,
    age_in_days: impl Fn(i64) -> i64,
) -> Result<()> {
    let rows: Vec<i64> = tx
        .prepare("SELECT rowid FROM person_skills")?
        .query_map([], |r| r.get(0))?
        .collect::<rusqlite::Result<_>>()?;
    let mut update = tx.prepare("UPDATE person_skills SET updated_at = ?2 WHERE rowid = ?1")?;
    for row in rows {
        let when = now - chrono::Duration::days(age_in_days(row));
        update.execute(rusqlite::params![
            row,
            when.to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
        ])?;
    }
    Ok(())
}
