//! People from an HR system's export or Active Directory (rows already
//! parsed from CSV or LDIF) into the directory, in one transaction. A row is
//! matched to a person by employee id, then by e-mail; a value the file does
//! not give is left as it is; a title, phone or place of work the employee
//! set themselves is kept and listed as a conflict when the file differs.

use std::collections::HashMap;

use rusqlite::{params, Row, Transaction};
use serde::Serialize;

use super::lookups::{find_person, PersonLookup, PersonMatch};
use super::units::UnitResolver;
use super::{new_uuid, now, record_change, touch};
use crate::error::{CoreError, Result};
use crate::interchange::{PersonRow, RecordError};

/// Longest name, title, profession, e-mail, phone or place of work, as for
/// a profile edited in the app.
const MAX_VALUE_CHARS: usize = 500;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct PeopleImportReport {
    pub rows: usize,
    pub created: usize,
    pub updated: usize,
    pub unchanged: usize,
    pub units_created: usize,
    /// Rows that cannot be imported, and why. Any of them stops the import.
    pub refused: Vec<RecordError>,
    /// Values the employee set themselves that the file would change; the
    /// employee's value is kept.
    pub conflicts: Vec<FieldConflict>,
    /// What each row does, in file order.
    pub outcomes: Vec<RowOutcome>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct FieldConflict {
    pub line: usize,
    pub person: String,
    pub name: String,
    pub field: String,
    /// What the employee wrote, and keeps.
    pub kept: String,
    pub imported: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum RowAction {
    Create,
    Update,
    Unchanged,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct RowOutcome {
    pub line: usize,
    /// The person's id in the directory (the employee id, or the e-mail for
    /// someone the file gives no employee id).
    pub person: String,
    pub name: String,
    pub action: RowAction,
    /// The fields an update changes.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub fields: Vec<String>,
}

/// A stored person as the import compares them.
struct Stored {
    id: i64,
    uuid: String,
    external_id: String,
    values: [Option<String>; 6],
    unit_id: Option<i64>,
    active: bool,
    own_fields: Vec<String>,
}

/// The compared fields, in the order of `Stored::values`.
const FIELDS: [&str; 6] = ["name", "title", "profession", "email", "phone", "location"];
/// The fields an employee can set themselves (see `person_own_fields`).
const OWN_FIELDS: [&str; 3] = ["title", "phone", "location"];

fn row_values(row: &PersonRow) -> [Option<String>; 6] {
    [
        Some(row.name.clone()),
        row.title.clone(),
        row.profession.clone(),
        row.email.clone(),
        row.phone.clone(),
        row.location.clone(),
    ]
}

/// How often the caller hears how many rows are done.
const PROGRESS_EVERY: usize = 1_000;

/// Plans and writes every row, telling `progress` the rows done. The caller
/// commits only when nothing was refused (or rolls back for a dry run).
pub(crate) fn import_people_in(
    tx: &Transaction,
    rows: &[PersonRow],
    progress: &mut dyn FnMut(usize),
) -> Result<PeopleImportReport> {
    let mut report = PeopleImportReport {
        rows: rows.len(),
        ..PeopleImportReport::default()
    };
    let mut units = UnitResolver::default();
    // Which line already took each stored person: two rows must not both
    // describe one colleague.
    let mut taken: HashMap<i64, usize> = HashMap::new();
    for (done, row) in rows.iter().enumerate() {
        if done % PROGRESS_EVERY == 0 {
            progress(done);
        }
        if let Some(problem) = too_long(row) {
            report.refused.push(RecordError {
                line: row.line,
                message: problem,
            });
            continue;
        }
        let stored = match find(tx, row) {
            Ok(stored) => stored,
            Err(problem) => {
                report.refused.push(RecordError {
                    line: row.line,
                    message: problem,
                });
                continue;
            }
        };
        let unit_id = units.resolve(tx, &row.units)?;
        match stored {
            None => {
                let Some(external_id) = row
                    .employee_id
                    .clone()
                    .or_else(|| row.email.as_ref().map(|e| e.to_lowercase()))
                else {
                    report.refused.push(RecordError {
                        line: row.line,
                        message: format!(
                            "\"{}\" has neither an employee id nor an e-mail, so a later import could not find them again",
                            row.name
                        ),
                    });
                    continue;
                };
                create(tx, row, &external_id, unit_id)?;
                report.created += 1;
                report.outcomes.push(RowOutcome {
                    line: row.line,
                    person: external_id,
                    name: row.name.clone(),
                    action: RowAction::Create,
                    fields: Vec::new(),
                });
            }
            Some(stored) => {
                if let Some(first) = taken.insert(stored.id, row.line) {
                    report.refused.push(RecordError {
                        line: row.line,
                        message: format!(
                            "\"{}\" is the same person ({}) as line {first}",
                            row.name, stored.external_id
                        ),
                    });
                    continue;
                }
                let outcome = update(tx, row, &stored, unit_id, &mut report.conflicts)?;
                match outcome.action {
                    RowAction::Update => report.updated += 1,
                    _ => report.unchanged += 1,
                }
                report.outcomes.push(outcome);
            }
        }
    }
    progress(rows.len());
    report.units_created = units.created;
    Ok(report)
}

fn too_long(row: &PersonRow) -> Option<String> {
    FIELDS.iter().zip(row_values(row)).find_map(|(field, value)| {
        let length = value.as_deref().map_or(0, |v| v.chars().count());
        (length > MAX_VALUE_CHARS).then(|| {
            format!(
                "the {field} of \"{}\" is {length} characters; at most {MAX_VALUE_CHARS} are kept",
                row.name
            )
        })
    })
}

/// The stored person the row describes: by employee id, then by e-mail.
fn find(tx: &Transaction, row: &PersonRow) -> std::result::Result<Option<Stored>, String> {
    let lookup = PersonLookup {
        include_inactive: true,
        email_as_external_id: true,
    };
    let matched = find_person(
        tx,
        lookup,
        row.employee_id.as_deref(),
        row.email.as_deref(),
        STORED_COLUMNS,
        read_stored,
    )
    .map_err(|e| CoreError::from(e).to_string())?;
    match matched {
        PersonMatch::NotFound => Ok(None),
        PersonMatch::Found(stored) => Ok(Some(stored)),
        PersonMatch::SharedEmail(people) => Err(format!(
            "the e-mail {} of \"{}\" belongs to {people} people in the directory; give the employee id",
            row.email.as_deref().unwrap_or_default(),
            row.name
        )),
    }
}

/// The columns of `people p` that `read_stored` reads, in its order.
const STORED_COLUMNS: &str =
    "p.id, p.uuid, p.external_id, p.name, p.title, p.profession, p.email, p.phone, p.location,
     p.unit_id, p.active,
     (SELECT group_concat(field) FROM person_own_fields o WHERE o.person_id = p.id)";

fn read_stored(r: &Row) -> rusqlite::Result<Stored> {
    let own: Option<String> = r.get(11)?;
    Ok(Stored {
        id: r.get(0)?,
        uuid: r.get(1)?,
        external_id: r.get(2)?,
        values: [r.get(3)?, r.get(4)?, r.get(5)?, r.get(6)?, r.get(7)?, r.get(8)?],
        unit_id: r.get(9)?,
        active: r.get::<_, i64>(10)? == 1,
        own_fields: own
            .map(|list| list.split(',').map(str::to_string).collect())
            .unwrap_or_default(),
    })
}

fn create(tx: &Transaction, row: &PersonRow, external_id: &str, unit_id: Option<i64>) -> Result<()> {
    let uuid = new_uuid();
    let seq = record_change(tx, "person", &uuid, "upsert")?;
    tx.prepare_cached(
        "INSERT INTO people (uuid, external_id, name, title, unit_id, profession, email, phone, location,
                             active, created_at, updated_at, change_seq)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, 1, ?10, ?10, ?11)",
    )?
    .execute(params![
        uuid,
        external_id,
        row.name,
        row.title,
        unit_id,
        row.profession,
        row.email,
        row.phone,
        row.location,
        now(),
        seq
    ])?;
    Ok(())
}

fn update(
    tx: &Transaction,
    row: &PersonRow,
    stored: &Stored,
    unit_id: Option<i64>,
    conflicts: &mut Vec<FieldConflict>,
) -> Result<RowOutcome> {
    let mut values = stored.values.clone();
    let mut changed = Vec::new();
    for ((field, imported), current) in FIELDS.iter().zip(row_values(row)).zip(values.iter_mut()) {
        let Some(imported) = imported else { continue };
        let same = match current.as_deref() {
            // An address in other case is the same address.
            Some(value) if *field == "email" => value.eq_ignore_ascii_case(&imported),
            value => value == Some(imported.as_str()),
        };
        if same {
            continue;
        }
        if OWN_FIELDS.contains(field) && stored.own_fields.iter().any(|f| f == field) {
            conflicts.push(FieldConflict {
                line: row.line,
                person: stored.external_id.clone(),
                name: row.name.clone(),
                field: field.to_string(),
                kept: current.clone().unwrap_or_default(),
                imported,
            });
            continue;
        }
        *current = Some(imported);
        changed.push(field.to_string());
    }
    let new_unit = if row.units.is_empty() {
        stored.unit_id
    } else {
        unit_id
    };
    if new_unit != stored.unit_id {
        changed.push("unit".into());
    }
    if !stored.active {
        changed.push("active".into());
    }
    let action =
        if changed.is_empty() {
            RowAction::Unchanged
        } else {
            let [name, title, profession, email, phone, location] = &values;
            tx.prepare_cached(
            "UPDATE people SET name = ?2, title = ?3, profession = ?4, email = ?5, phone = ?6, location = ?7,
                               unit_id = ?8, active = 1
             WHERE id = ?1",
        )?
        .execute(params![stored.id, name, title, profession, email, phone, location, new_unit])?;
            touch(tx, "people", "person", stored.id, &stored.uuid)?;
            RowAction::Update
        };
    Ok(RowOutcome {
        line: row.line,
        person: stored.external_id.clone(),
        name: row.name.clone(),
        action,
        fields: changed,
    })
}

/// Notes that the employee set these fields of their own profile.
pub(crate) fn mark_own_fields(tx: &Transaction, person_id: i64, fields: &[&str]) -> Result<()> {
    let at = now();
    for field in fields {
        tx.prepare_cached(
            "INSERT INTO person_own_fields (person_id, field, set_at) VALUES (?1, ?2, ?3)
             ON CONFLICT (person_id, field) DO UPDATE SET set_at = excluded.set_at",
        )?
        .execute(params![person_id, field, at])?;
    }
    Ok(())
}
