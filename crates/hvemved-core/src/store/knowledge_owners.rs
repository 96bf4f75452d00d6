//! Knowledge owners (vidensansvarlige): who is responsible for collecting
//! and passing on what the municipality knows in an area, and who covers for
//! them. The area is a thesaurus concept id or a category id; which ids are
//! valid is the caller's to check, since the thesaurus lives outside the store.

use rusqlite::{params, Transaction};
use serde::{Deserialize, Serialize};

use super::profile_write::active_person_row;
use super::{now, Store};
use crate::error::{CoreError, Result};

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OwnerPerson {
    /// The row id, for search to place the owner among its results.
    #[serde(skip)]
    pub row: i64,
    pub id: String,
    pub name: String,
    pub title: Option<String>,
}

/// One area and the people responsible for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct KnowledgeOwner {
    pub area: String,
    pub owner: OwnerPerson,
    pub deputy: Option<OwnerPerson>,
    pub updated_at: String,
}

impl Store {
    /// Every assignment, or those of the given areas; by area.
    pub fn knowledge_owners(&self, areas: Option<&[String]>) -> Result<Vec<KnowledgeOwner>> {
        let filter = areas.map(|a| serde_json::to_string(a).expect("strings serialise"));
        let mut stmt = self.conn().prepare_cached(
            "SELECT k.area, o.external_id, o.name, o.title, d.external_id, d.name, d.title, k.updated_at,
                    o.id, d.id
             FROM knowledge_owners k JOIN people o ON o.id = k.person_id AND o.active = 1
             LEFT JOIN people d ON d.id = k.deputy_id AND d.active = 1
             WHERE ?1 IS NULL OR k.area IN (SELECT value FROM json_each(?1))
             ORDER BY k.area",
        )?;
        let owners = stmt
            .query_map(params![filter], |r| {
                let deputy_id: Option<String> = r.get(4)?;
                Ok(KnowledgeOwner {
                    area: r.get(0)?,
                    owner: OwnerPerson {
                        row: r.get(8)?,
                        id: r.get(1)?,
                        name: r.get(2)?,
                        title: r.get(3)?,
                    },
                    deputy: match deputy_id {
                        Some(id) => Some(OwnerPerson {
                            row: r.get(9)?,
                            id,
                            name: r.get(5)?,
                            title: r.get(6)?,
                        }),
                        None => None,
                    },
                    updated_at: r.get(7)?,
                })
            })?
            .collect::<rusqlite::Result<_>>()?;
        Ok(owners)
    }

    /// Makes `person` (with `deputy`) responsible for `area`, replacing
    /// whoever was.
    pub fn set_knowledge_owner(
        &mut self,
        area: &str,
        person: &str,
        deputy: Option<&str>,
    ) -> Result<KnowledgeOwner> {
        self.write(|tx| set_knowledge_owner_in(tx, area, person, deputy))?;
        self.knowledge_owners(Some(&[area.to_string()]))?
            .pop()
            .ok_or_else(|| {
                CoreError::InvalidInput(format!("knowledge owner of \"{area}\" vanished while saving"))
            })
    }

    /// Removes the assignment of `area`; true when there was one.
    pub fn remove_knowledge_owner(&mut self, area: &str) -> Result<bool> {
        let removed =
            self.write(|tx| Ok(tx.execute("DELETE FROM knowledge_owners WHERE area = ?1", [area])?))?;
        Ok(removed > 0)
    }
}

/// Writes one assignment inside `tx`; refuses unknown or inactive people and
/// a deputy who is the owner, naming the area.
pub(crate) fn set_knowledge_owner_in(
    tx: &Transaction,
    area: &str,
    person: &str,
    deputy: Option<&str>,
) -> Result<()> {
    let record = format!("knowledge owner of \"{area}\"");
    let person_row = |external_id: &str, role: &str| -> Result<i64> {
        active_person_row(tx, external_id)?.ok_or_else(|| {
            CoreError::InvalidInput(format!(
                "{record}: no active person with id \"{external_id}\" ({role})"
            ))
        })
    };
    let owner = person_row(person, "owner")?;
    let deputy = deputy.map(|d| person_row(d, "deputy")).transpose()?;
    if deputy == Some(owner) {
        return Err(CoreError::InvalidInput(format!(
            "{record}: the deputy must be someone other than the owner"
        )));
    }
    tx.prepare_cached(
        "INSERT INTO knowledge_owners (area, person_id, deputy_id, updated_at) VALUES (?1, ?2, ?3, ?4)
         ON CONFLICT (area) DO UPDATE SET person_id = excluded.person_id,
             deputy_id = excluded.deputy_id, updated_at = excluded.updated_at",
    )?
    .execute(params![area, owner, deputy, now()])?;
    Ok(())
}
