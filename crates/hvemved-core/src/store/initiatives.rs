//! Initiatives, networks and collaboration forums (kortlægning): what the
//! municipality is doing, for whom, in which units and with whom, so that a
//! department about to start a project can find the one next door first.

use std::collections::HashMap;

use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::profile_write::active_person_row;
use super::{new_uuid, now, record_change, record_deletion, Store};
use crate::error::{CoreError, Result};
use crate::model::{split_unit_path, unit_path_within};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum InitiativeKind {
    Indsats,
    Netvaerk,
    Samarbejdsforum,
    Koordinationsgruppe,
    Projekt,
}

impl InitiativeKind {
    pub const ALL: [InitiativeKind; 5] = [
        InitiativeKind::Indsats,
        InitiativeKind::Netvaerk,
        InitiativeKind::Samarbejdsforum,
        InitiativeKind::Koordinationsgruppe,
        InitiativeKind::Projekt,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            InitiativeKind::Indsats => "indsats",
            InitiativeKind::Netvaerk => "netvaerk",
            InitiativeKind::Samarbejdsforum => "samarbejdsforum",
            InitiativeKind::Koordinationsgruppe => "koordinationsgruppe",
            InitiativeKind::Projekt => "projekt",
        }
    }

    /// The word as Danish staff write it, also in evidence and the index.
    pub fn danish_name(self) -> &'static str {
        match self {
            InitiativeKind::Indsats => "indsats",
            InitiativeKind::Netvaerk => "netværk",
            InitiativeKind::Samarbejdsforum => "samarbejdsforum",
            InitiativeKind::Koordinationsgruppe => "koordinationsgruppe",
            InitiativeKind::Projekt => "projekt",
        }
    }

    /// Accepts the stored form and the Danish spelling ("netværk").
    pub fn parse(text: &str) -> Option<InitiativeKind> {
        let text = text.trim().to_lowercase();
        InitiativeKind::ALL
            .into_iter()
            .find(|k| k.as_str() == text || k.danish_name() == text)
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum MemberRole {
    /// Convenes and keeps the thread (the contact for the initiative).
    Tovholder,
    Medlem,
}

impl MemberRole {
    pub fn as_str(self) -> &'static str {
        match self {
            MemberRole::Tovholder => "tovholder",
            MemberRole::Medlem => "medlem",
        }
    }

    pub fn parse(text: &str) -> Option<MemberRole> {
        match text.trim().to_lowercase().as_str() {
            "tovholder" => Some(MemberRole::Tovholder),
            "medlem" => Some(MemberRole::Medlem),
            _ => None,
        }
    }
}

/// A member as given when saving: a person id and a role.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberInput {
    pub person: String,
    pub role: MemberRole,
}

/// An initiative as written in the app or the CLI.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct InitiativeInput {
    /// Empty for a new initiative; an id is made up for it.
    #[serde(default)]
    pub id: Option<String>,
    pub kind: InitiativeKind,
    pub name: String,
    #[serde(default)]
    pub purpose: Option<String>,
    #[serde(default)]
    pub target_group: Option<String>,
    #[serde(default)]
    pub start_date: Option<String>,
    #[serde(default)]
    pub end_date: Option<String>,
    /// How to reach the initiative (a mailbox, a phone number, a Teams channel).
    #[serde(default)]
    pub contact: Option<String>,
    /// Unit paths ("Børn og Familie / SSP").
    #[serde(default)]
    pub units: Vec<String>,
    #[serde(default)]
    pub members: Vec<MemberInput>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct InitiativeMember {
    pub id: String,
    pub name: String,
    pub title: Option<String>,
    pub department: Option<String>,
    pub role: MemberRole,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Initiative {
    pub id: String,
    pub kind: InitiativeKind,
    /// The kind in Danish, for lists and evidence.
    pub kind_name: String,
    pub name: String,
    pub purpose: Option<String>,
    pub target_group: Option<String>,
    pub start_date: Option<String>,
    pub end_date: Option<String>,
    pub contact: Option<String>,
    pub units: Vec<String>,
    /// Tovholdere first, then by name.
    pub members: Vec<InitiativeMember>,
    pub created_at: String,
    pub updated_at: String,
}

impl Initiative {
    /// Whether the initiative runs on `day` (no end date: still running).
    pub fn runs_on(&self, day: &str) -> bool {
        self.start_date.as_deref().is_none_or(|s| s <= day)
            && self.end_date.as_deref().is_none_or(|e| e >= day)
    }

    /// Name, kind, purpose and target group: what similarity and search read.
    pub fn text(&self) -> String {
        [
            Some(self.name.as_str()),
            Some(self.kind.danish_name()),
            self.purpose.as_deref(),
            self.target_group.as_deref(),
        ]
        .into_iter()
        .flatten()
        .collect::<Vec<_>>()
        .join("\n")
    }
}

#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct InitiativeQuery {
    /// Initiatives involving this unit or one under it, as a unit or
    /// through a member.
    #[serde(default)]
    pub unit: Option<String>,
    /// Initiatives this person (id) is a member of.
    #[serde(default)]
    pub person: Option<String>,
    #[serde(default)]
    pub kind: Option<InitiativeKind>,
    /// Words that must occur in the name, purpose or target group.
    #[serde(default)]
    pub text: Option<String>,
    /// Only those running today.
    #[serde(default)]
    pub current: bool,
}

impl Store {
    /// Initiatives matching `query`, by name.
    pub fn initiatives(&self, query: &InitiativeQuery, today: &str) -> Result<Vec<Initiative>> {
        let all = self.read(read_initiatives)?;
        let scope = query.unit.as_deref().map(split_unit_path);
        let words: Vec<String> = query
            .text
            .as_deref()
            .unwrap_or("")
            .split_whitespace()
            .map(str::to_lowercase)
            .collect();
        Ok(all
            .into_iter()
            .filter(|i| query.kind.is_none_or(|k| i.kind == k))
            .filter(|i| !query.current || i.runs_on(today))
            .filter(|i| {
                query
                    .person
                    .as_deref()
                    .is_none_or(|p| i.members.iter().any(|m| m.id == p.trim()))
            })
            .filter(|i| {
                scope.as_deref().is_none_or(|scope| {
                    i.units
                        .iter()
                        .chain(i.members.iter().filter_map(|m| m.department.as_ref()))
                        .any(|path| unit_path_within(&split_unit_path(path), scope))
                })
            })
            .filter(|i| {
                let text = i.text().to_lowercase();
                words.iter().all(|w| text.contains(w.as_str()))
            })
            .collect())
    }

    pub fn initiative(&self, id: &str) -> Result<Initiative> {
        self.read(read_initiatives)?
            .into_iter()
            .find(|i| i.id == id.trim())
            .ok_or_else(|| CoreError::InvalidInput(format!("no initiative with id \"{}\"", id.trim())))
    }

    /// Removes an initiative; true when there was one.
    pub fn remove_initiative(&mut self, id: &str) -> Result<bool> {
        self.write(|tx| {
            let row: Option<(i64, String)> = tx
                .query_row(
                    "SELECT id, uuid FROM initiatives WHERE external_id = ?1",
                    [id.trim()],
                    |r| Ok((r.get(0)?, r.get(1)?)),
                )
                .optional()?;
            let Some((row, uuid)) = row else {
                return Ok(false);
            };
            record_deletion(tx, "initiative", &uuid, id.trim())?;
            tx.execute("DELETE FROM initiatives WHERE id = ?1", [row])?;
            Ok(true)
        })
    }
}

/// Every initiative with its units and members; a municipality has
/// hundreds, not hundreds of thousands, so they are read whole.
fn read_initiatives(conn: &Connection) -> Result<Vec<Initiative>> {
    let paths = super::read::unit_paths(conn)?;
    let mut units: HashMap<i64, Vec<String>> = HashMap::new();
    let mut stmt = conn.prepare_cached("SELECT initiative_id, unit_id FROM initiative_units")?;
    for row in stmt.query_map([], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, i64>(1)?)))? {
        let (initiative, unit) = row?;
        if let Some(path) = paths.get(&unit) {
            units.entry(initiative).or_default().push(path.clone());
        }
    }
    let mut members: HashMap<i64, Vec<InitiativeMember>> = HashMap::new();
    let mut stmt = conn.prepare_cached(
        "SELECT m.initiative_id, p.external_id, p.name, p.title, p.unit_id, m.role
         FROM initiative_members m JOIN people p ON p.id = m.person_id
         WHERE p.active = 1",
    )?;
    for row in stmt.query_map([], |r| {
        let unit: Option<i64> = r.get(4)?;
        let role: String = r.get(5)?;
        Ok((
            r.get::<_, i64>(0)?,
            InitiativeMember {
                id: r.get(1)?,
                name: r.get(2)?,
                title: r.get(3)?,
                department: unit.and_then(|u| paths.get(&u).cloned()),
                role: MemberRole::parse(&role).unwrap_or(MemberRole::Medlem),
            },
        ))
    })? {
        let (initiative, member) = row?;
        members.entry(initiative).or_default().push(member);
    }
    let mut stmt = conn.prepare_cached(
        "SELECT id, external_id, kind, name, purpose, target_group, start_date, end_date, contact, updated_at,
                created_at
         FROM initiatives ORDER BY name COLLATE NOCASE, id",
    )?;
    let rows = stmt
        .query_map([], |r| {
            let kind: String = r.get(2)?;
            Ok((
                r.get::<_, i64>(0)?,
                Initiative {
                    id: r.get(1)?,
                    kind: InitiativeKind::parse(&kind).unwrap_or(InitiativeKind::Indsats),
                    kind_name: String::new(),
                    name: r.get(3)?,
                    purpose: r.get(4)?,
                    target_group: r.get(5)?,
                    start_date: r.get(6)?,
                    end_date: r.get(7)?,
                    contact: r.get(8)?,
                    units: Vec::new(),
                    members: Vec::new(),
                    updated_at: r.get(9)?,
                    created_at: r.get(10)?,
                },
            ))
        })?
        .collect::<rusqlite::Result<Vec<_>>>()?;
    Ok(rows
        .into_iter()
        .map(|(row, mut initiative)| {
            initiative.kind_name = initiative.kind.danish_name().to_string();
            let mut unit_list = units.remove(&row).unwrap_or_default();
            unit_list.sort();
            initiative.units = unit_list;
            let mut member_list = members.remove(&row).unwrap_or_default();
            member_list.sort_by(|a, b| {
                (a.role != MemberRole::Tovholder, &a.name).cmp(&(b.role != MemberRole::Tovholder, &b.name))
            });
            initiative.members = member_list;
            initiative
        })
        .collect())
}

fn trimmed(text: &Option<String>) -> Option<String> {
    text.as_deref()
        .map(str::trim)
        .filter(|t| !t.is_empty())
        .map(str::to_string)
}

/// Writes one initiative inside `tx`, replacing the one with the same id;
/// refuses bad dates, unknown units and unknown, inactive or repeated
/// members, naming the initiative. Returns its id.
pub(crate) fn save_initiative_in(tx: &Transaction, input: &InitiativeInput) -> Result<String> {
    let name = input.name.trim();
    let record = format!("initiative \"{name}\"");
    if name.is_empty() {
        return Err(CoreError::InvalidInput("initiative: the name is empty".into()));
    }
    let start = trimmed(&input.start_date);
    let end = trimmed(&input.end_date);
    for (label, date) in [("start date", &start), ("end date", &end)] {
        if let Some(date) = date {
            if chrono::NaiveDate::parse_from_str(date, "%Y-%m-%d").is_err() {
                return Err(CoreError::InvalidInput(format!(
                    "{record}: {label} \"{date}\" is not a date (YYYY-MM-DD)"
                )));
            }
        }
    }
    if let (Some(s), Some(e)) = (&start, &end) {
        if e < s {
            return Err(CoreError::InvalidInput(format!(
                "{record}: ends ({e}) before it starts ({s})"
            )));
        }
    }
    let paths = super::read::unit_paths(tx)?;
    let mut unit_ids = Vec::new();
    for unit in input.units.iter().map(|u| u.trim()).filter(|u| !u.is_empty()) {
        let wanted = split_unit_path(unit);
        let found = paths
            .iter()
            .find(|(_, path)| {
                let path = split_unit_path(path);
                path.len() == wanted.len() && unit_path_within(&path, &wanted)
            })
            .map(|(id, _)| *id)
            .ok_or_else(|| CoreError::InvalidInput(format!("{record}: no unit \"{unit}\"")))?;
        if !unit_ids.contains(&found) {
            unit_ids.push(found);
        }
    }
    let mut members: Vec<(i64, MemberRole)> = Vec::new();
    for member in &input.members {
        let person = member.person.trim();
        let row = active_person_row(tx, person)?.ok_or_else(|| {
            CoreError::InvalidInput(format!("{record}: no active person with id \"{person}\""))
        })?;
        if members.iter().any(|(r, _)| *r == row) {
            return Err(CoreError::InvalidInput(format!(
                "{record}: \"{person}\" is listed as a member twice"
            )));
        }
        members.push((row, member.role));
    }

    let id = match trimmed(&input.id) {
        Some(id) => id,
        None => format!("i-{}", &uuid::Uuid::new_v4().simple().to_string()[..12]),
    };
    let existing: Option<(i64, String)> = tx
        .query_row(
            "SELECT id, uuid FROM initiatives WHERE external_id = ?1",
            [&id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?;
    let uuid = existing.as_ref().map(|(_, u)| u.clone()).unwrap_or_else(new_uuid);
    let seq = record_change(tx, "initiative", &uuid, "upsert")?;
    let ts = now();
    let values = params![
        id,
        input.kind.as_str(),
        name,
        trimmed(&input.purpose),
        trimmed(&input.target_group),
        start,
        end,
        trimmed(&input.contact),
        ts,
        seq,
        uuid,
    ];
    let row = match existing {
        Some((row, _)) => {
            tx.execute(
                "UPDATE initiatives SET external_id = ?1, kind = ?2, name = ?3, purpose = ?4, target_group = ?5,
                     start_date = ?6, end_date = ?7, contact = ?8, updated_at = ?9, change_seq = ?10
                 WHERE uuid = ?11",
                values,
            )?;
            tx.execute("DELETE FROM initiative_units WHERE initiative_id = ?1", [row])?;
            tx.execute("DELETE FROM initiative_members WHERE initiative_id = ?1", [row])?;
            row
        }
        None => {
            tx.execute(
                "INSERT INTO initiatives (external_id, kind, name, purpose, target_group, start_date, end_date,
                     contact, created_at, updated_at, change_seq, uuid)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?9, ?10, ?11)",
                values,
            )?;
            tx.last_insert_rowid()
        }
    };
    for unit in unit_ids {
        tx.execute(
            "INSERT INTO initiative_units (initiative_id, unit_id) VALUES (?1, ?2)",
            params![row, unit],
        )?;
    }
    for (person, role) in members {
        tx.execute(
            "INSERT INTO initiative_members (initiative_id, person_id, role) VALUES (?1, ?2, ?3)",
            params![row, person, role.as_str()],
        )?;
    }
    Ok(id)
}
