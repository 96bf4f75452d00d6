//! What an employee changes on their own profile: contact fields, the "Spørg
//! mig om" text, languages, and self-declared skills. Every change is one
//! transaction with a change number, so the search index follows at once.

use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::lookups::SkillResolver;
use super::personal_data::log_in;
use super::{now, touch, AuditAction, Store};
use crate::error::{CoreError, Result};
use crate::model::SkillLevel;

/// Fields an employee may edit; `None` leaves a field as it is, an empty
/// string clears it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct ProfileChanges {
    #[serde(default)]
    pub title: Option<String>,
    #[serde(default)]
    pub phone: Option<String>,
    #[serde(default)]
    pub location: Option<String>,
    #[serde(default)]
    pub bio: Option<String>,
    #[serde(default)]
    pub languages: Option<Vec<String>>,
    /// Whether the person wants lunch suggestions with colleagues they do not know.
    #[serde(default)]
    pub lunch_opt_in: Option<bool>,
    /// The fields (of `model::HIDEABLE_FIELDS`) shown only to the person,
    /// their leaders and HR; the list replaces the one stored.
    #[serde(default)]
    pub hidden_fields: Option<Vec<String>>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct SkillChange {
    pub skill: String,
    pub level: u8,
    #[serde(default)]
    pub can_mentor: bool,
    #[serde(default)]
    pub wants_to_learn: bool,
    /// Shown to everyone (true) or only to the person, their leaders and
    /// HR. Left out: a new skill is shown, a known one keeps its setting; so
    /// an imported skill is shown only once the person says so.
    #[serde(default)]
    pub shown: Option<bool>,
}

const MAX_FIELD: usize = 500;
const MAX_BIO: usize = 5_000;

impl Store {
    pub fn update_profile(&mut self, external_id: &str, changes: &ProfileChanges) -> Result<()> {
        let fields = [
            ("title", &changes.title, MAX_FIELD),
            ("phone", &changes.phone, MAX_FIELD),
            ("location", &changes.location, MAX_FIELD),
            ("bio", &changes.bio, MAX_BIO),
        ];
        for (name, value, max) in fields {
            if value.as_deref().is_some_and(|v| v.chars().count() > max) {
                return Err(CoreError::InvalidInput(format!(
                    "{name} of person \"{external_id}\" is longer than {max} characters"
                )));
            }
        }
        let hidden_fields = match &changes.hidden_fields {
            Some(fields) => {
                let mut cleaned: Vec<String> = Vec::new();
                for field in fields.iter().map(|f| f.trim()) {
                    if !crate::model::HIDEABLE_FIELDS.contains(&field) {
                        return Err(CoreError::InvalidInput(format!(
                            "person \"{external_id}\": \"{field}\" cannot be hidden; the fields that can are {}",
                            crate::model::HIDEABLE_FIELDS.join(", ")
                        )));
                    }
                    if !cleaned.iter().any(|f| f == field) {
                        cleaned.push(field.to_string());
                    }
                }
                Some(serde_json::to_string(&cleaned).expect("strings serialise"))
            }
            None => None,
        };
        let languages = changes.languages.as_ref().map(|list| {
            let cleaned: Vec<String> = list
                .iter()
                .map(|l| l.trim().to_lowercase())
                .filter(|l| !l.is_empty())
                .collect();
            serde_json::to_string(&cleaned).expect("strings serialise")
        });
        let actor = self.actor.clone();
        self.write(|tx| {
            let (person_id, uuid) = person_row(tx, external_id)?;
            // A given value as the column will hold it: trimmed, and empty
            // is no value.
            let as_stored = |v: &Option<String>| {
                v.as_deref()
                    .map(str::trim)
                    .map(|s| (!s.is_empty()).then(|| s.to_string()))
            };
            // A form sends every field; only those whose value changes become
            // the person's own, so that an import still updates the rest.
            let stored: [Option<String>; 3] = tx.query_row(
                "SELECT title, phone, location FROM people WHERE id = ?1",
                [person_id],
                |r| Ok([r.get(0)?, r.get(1)?, r.get(2)?]),
            )?;
            let set = |column: &str, value: Option<Option<String>>| -> Result<()> {
                if let Some(value) = value {
                    tx.execute(
                        &format!("UPDATE people SET {column} = ?2 WHERE id = ?1"),
                        params![person_id, value],
                    )?;
                }
                Ok(())
            };
            set("title", as_stored(&changes.title))?;
            set("phone", as_stored(&changes.phone))?;
            set("location", as_stored(&changes.location))?;
            let own: Vec<&str> = [
                ("title", &changes.title),
                ("phone", &changes.phone),
                ("location", &changes.location),
            ]
            .iter()
            .zip(&stored)
            .filter(|((_, value), before)| as_stored(value).is_some_and(|new| new != **before))
            .map(|((field, _), _)| *field)
            .collect();
            super::people_import::mark_own_fields(tx, person_id, &own)?;
            set("bio", as_stored(&changes.bio))?;
            if let Some(opt_in) = changes.lunch_opt_in {
                tx.execute(
                    "UPDATE people SET lunch_opt_in = ?2 WHERE id = ?1",
                    params![person_id, opt_in],
                )?;
            }
            if let Some(hidden) = &hidden_fields {
                tx.execute(
                    "UPDATE people SET hidden_fields = ?2 WHERE id = ?1",
                    params![person_id, hidden],
                )?;
            }
            if let Some(languages) = &languages {
                tx.execute(
                    "UPDATE people SET languages = ?2 WHERE id = ?1",
                    params![person_id, languages],
                )?;
            }
            // Logged in the same transaction: an edit is never kept without
            // its audit entry.
            log_in(
                tx,
                &actor,
                AuditAction::Edited,
                Some(external_id),
                Some("profile"),
            )?;
            touch(tx, "people", "person", person_id, &uuid)
        })
    }

    /// Adds or changes one of the person's skills as self-declared.
    pub fn set_skill(&mut self, external_id: &str, change: &SkillChange) -> Result<()> {
        let name = change.skill.trim();
        if name.is_empty() || name.chars().count() > MAX_FIELD {
            return Err(CoreError::InvalidInput(format!(
                "a skill name must be 1 to {MAX_FIELD} characters"
            )));
        }
        let level = SkillLevel::new(change.level).ok_or_else(|| {
            CoreError::InvalidInput(format!(
                "skill \"{name}\" has level {}; a level is a whole number from 1 to 5",
                change.level
            ))
        })?;
        let actor = self.actor.clone();
        self.write(|tx| {
            let (person_id, uuid) = person_row(tx, external_id)?;
            let skill_id = SkillResolver::default().resolve(tx, name)?;
            tx.execute(
                "INSERT INTO person_skills (person_id, skill_id, level, source, can_mentor, wants_to_learn, updated_at, shown)
                 VALUES (?1, ?2, ?3, 'selv', ?4, ?5, ?6, coalesce(?7, 1))
                 ON CONFLICT (person_id, skill_id) DO UPDATE SET level = excluded.level, source = 'selv',
                     can_mentor = excluded.can_mentor, wants_to_learn = excluded.wants_to_learn,
                     updated_at = excluded.updated_at, shown = coalesce(?7, person_skills.shown),
                     awaiting_confirmation = CASE WHEN ?7 IS NULL THEN person_skills.awaiting_confirmation ELSE 0 END",
                params![
                    person_id,
                    skill_id,
                    level.get(),
                    change.can_mentor,
                    change.wants_to_learn,
                    now(),
                    change.shown
                ],
            )?;
            log_in(tx, &actor, AuditAction::Edited, Some(external_id), Some("skill"))?;
            touch(tx, "people", "person", person_id, &uuid)
        })
    }

    /// Shows one of the person's skills to everyone, or only to them, their
    /// leaders and HR; showing an imported skill is how the person confirms it.
    pub fn set_skill_shown(&mut self, external_id: &str, skill: &str, shown: bool) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let (person_id, uuid) = person_row(tx, external_id)?;
            let changed = tx.execute(
                "UPDATE person_skills SET shown = ?3, awaiting_confirmation = 0 WHERE person_id = ?1
                 AND skill_id = (SELECT id FROM skills WHERE name = ?2)",
                params![person_id, skill.trim(), shown],
            )?;
            if changed == 0 {
                return Err(CoreError::InvalidInput(format!(
                    "person \"{external_id}\" has no skill \"{skill}\""
                )));
            }
            let detail = if shown { "skill shown" } else { "skill hidden" };
            log_in(tx, &actor, AuditAction::Edited, Some(external_id), Some(detail))?;
            touch(tx, "people", "person", person_id, &uuid)
        })
    }

    pub fn remove_skill(&mut self, external_id: &str, skill: &str) -> Result<()> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let (person_id, uuid) = person_row(tx, external_id)?;
            let removed = tx.execute(
                "DELETE FROM person_skills WHERE person_id = ?1
                 AND skill_id = (SELECT id FROM skills WHERE name = ?2)",
                params![person_id, skill.trim()],
            )?;
            if removed == 0 {
                return Err(CoreError::InvalidInput(format!(
                    "person \"{external_id}\" has no skill \"{skill}\""
                )));
            }
            log_in(
                tx,
                &actor,
                AuditAction::Edited,
                Some(external_id),
                Some("skill removed"),
            )?;
            touch(tx, "people", "person", person_id, &uuid)
        })
    }
}

pub(crate) fn person_row(tx: &Transaction, external_id: &str) -> Result<(i64, String)> {
    tx.query_row(
        "SELECT id, uuid FROM people WHERE external_id = ?1",
        [external_id],
        |r| Ok((r.get(0)?, r.get(1)?)),
    )
    .optional()?
    .ok_or_else(|| CoreError::PersonNotFound(external_id.to_string()))
}

/// The row id of the active person with this external id, if there is one;
/// the caller says what the missing person was wanted for.
pub(crate) fn active_person_row(tx: &Transaction, external_id: &str) -> Result<Option<i64>> {
    Ok(tx
        .prepare_cached("SELECT id FROM people WHERE external_id = ?1 AND active = 1")?
        .query_row([external_id], |r| r.get(0))
        .optional()?)
}
