//! The duty to share after a course or conference (videndeling efter
//! kursus): each attendance moves from afventer to planlagt (a date and a
//! forum) to delt (the date and a short note). A policy sets how many days
//! attendees have; the lists answer "what do I owe", "which units are behind"
//! and "which sessions can I join".

use chrono::{Duration, NaiveDate};
use rusqlite::{params, Connection, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::{now, set_meta, Store};
use crate::error::{CoreError, Result};
use crate::model::{split_unit_path, unit_path_within, AttendanceRole};

/// Days attendees have to share, unless the directory sets its own.
pub const DEFAULT_SHARE_BACK_DAYS: i64 = 30;
pub const MAX_SHARE_BACK_DAYS: i64 = 365;
const POLICY_KEY: &str = "shareback_days";
/// Forum names and notes are short texts, not reports.
const MAX_FORUM_CHARS: usize = 200;
const MAX_NOTE_CHARS: usize = 2_000;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ShareBackState {
    Afventer,
    Planlagt,
    Delt,
}

impl ShareBackState {
    pub fn as_str(self) -> &'static str {
        match self {
            ShareBackState::Afventer => "afventer",
            ShareBackState::Planlagt => "planlagt",
            ShareBackState::Delt => "delt",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "afventer" => Some(ShareBackState::Afventer),
            "planlagt" => Some(ShareBackState::Planlagt),
            "delt" => Some(ShareBackState::Delt),
            _ => None,
        }
    }
}

/// Where an attendee stands with sharing one course.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShareBack {
    pub state: ShareBackState,
    /// Planned date (planlagt) or the date it happened (delt).
    pub date: Option<String>,
    pub forum: Option<String>,
    pub note: Option<String>,
    /// Only HR, the attendee and their leaders see this state.
    #[serde(default)]
    pub hr_only: bool,
}

/// One attendance as the share-back lists show it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShareBackItem {
    pub person_id: String,
    pub person_name: String,
    pub unit: Option<String>,
    pub course_id: String,
    pub course_title: String,
    pub course_date: Option<String>,
    pub role: AttendanceRole,
    #[serde(flatten)]
    pub share_back: ShareBack,
    /// The last day to share under the policy; none for an undated course.
    pub due: Option<String>,
    /// Not shared and past due, or planned for a day that has passed
    /// without being marked as shared.
    pub overdue: bool,
    /// The course's report is for HR only.
    #[serde(default)]
    pub course_hr_only: bool,
}

/// Which attendances to list.
#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct ShareBackQuery {
    /// One person's share-backs (external id).
    #[serde(default)]
    pub person: Option<String>,
    /// People in this unit or its sub-units ("Børn og Familie / PPR").
    #[serde(default)]
    pub unit: Option<String>,
    /// Only overdue ones.
    #[serde(default)]
    pub overdue: bool,
    /// Only planned sessions from today on, soonest first.
    #[serde(default)]
    pub upcoming: bool,
    /// Only those not yet shared.
    #[serde(default)]
    pub pending: bool,
}

/// A change of one attendee's share-back state.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ShareBackUpdate {
    pub person: String,
    pub course: String,
    pub state: ShareBackState,
    #[serde(default)]
    pub date: Option<String>,
    #[serde(default)]
    pub forum: Option<String>,
    #[serde(default)]
    pub note: Option<String>,
    /// Marks the state as for HR only, or opens it to everyone; left as it
    /// was when not given.
    #[serde(default)]
    pub hr_only: Option<bool>,
}

impl Store {
    /// Days attendees have to share what they learned.
    pub fn share_back_days(&self) -> Result<i64> {
        Ok(self
            .meta(POLICY_KEY)?
            .and_then(|v| v.parse().ok())
            .unwrap_or(DEFAULT_SHARE_BACK_DAYS))
    }

    pub fn set_share_back_days(&mut self, days: i64) -> Result<i64> {
        if !(1..=MAX_SHARE_BACK_DAYS).contains(&days) {
            return Err(CoreError::InvalidInput(format!(
                "share-back days must be between 1 and {MAX_SHARE_BACK_DAYS}, not {days}"
            )));
        }
        self.write(|tx| set_meta(tx, POLICY_KEY, &days.to_string()))?;
        Ok(days)
    }

    pub fn share_back_list(&self, query: &ShareBackQuery, today: NaiveDate) -> Result<Vec<ShareBackItem>> {
        let days = self.share_back_days()?;
        let conn = self.conn();
        let units = super::read::unit_paths(conn)?;
        let unit_filter = query.unit.as_deref().map(split_unit_path);
        let mut stmt = conn.prepare_cached(
            "SELECT p.external_id, p.name, p.unit_id, c.external_id, c.title, c.start_date, c.end_date, a.role,
                    a.shareback_state, a.shareback_date, a.shareback_forum, a.shareback_note,
                    a.shareback_hr_only, c.hr_only
             FROM attendance a JOIN people p ON p.id = a.person_id JOIN courses c ON c.id = a.course_id
             WHERE p.active = 1 AND (?1 IS NULL OR p.external_id = ?1)
             ORDER BY c.start_date IS NULL, c.start_date DESC, c.id DESC, a.rowid",
        )?;
        let rows = stmt.query_map(params![query.person], |r| {
            Ok((
                r.get::<_, String>(0)?,
                r.get::<_, String>(1)?,
                r.get::<_, Option<i64>>(2)?,
                r.get::<_, String>(3)?,
                r.get::<_, String>(4)?,
                r.get::<_, Option<String>>(5)?,
                r.get::<_, Option<String>>(6)?,
                r.get::<_, String>(7)?,
                r.get::<_, String>(8)?,
                r.get::<_, Option<String>>(9)?,
                r.get::<_, Option<String>>(10)?,
                r.get::<_, Option<String>>(11)?,
                r.get::<_, bool>(12)?,
                r.get::<_, bool>(13)?,
            ))
        })?;
        let mut items = Vec::new();
        for row in rows {
            let (
                person_id,
                person_name,
                unit_id,
                course_id,
                course_title,
                start,
                end,
                role,
                state,
                date,
                forum,
                note,
                hr_only,
                course_hr_only,
            ) = row?;
            let unit = unit_id
                .and_then(|u| units.get(&u).cloned())
                .filter(|u| !u.is_empty());
            if let Some(wanted) = &unit_filter {
                let path = split_unit_path(unit.as_deref().unwrap_or_default());
                // A unit filter with no unit names in it names the people without a unit.
                let inside = if wanted.is_empty() {
                    path.is_empty()
                } else {
                    unit_path_within(&path, wanted)
                };
                if !inside {
                    continue;
                }
            }
            let state = ShareBackState::parse(&state).unwrap_or(ShareBackState::Afventer);
            let last_day = end.as_deref().or(start.as_deref()).and_then(parse_date);
            let due = last_day.map(|d| d + Duration::days(days));
            let planned = date.as_deref().and_then(parse_date);
            let overdue = match state {
                ShareBackState::Afventer => due.is_some_and(|d| d < today),
                ShareBackState::Planlagt => planned.is_some_and(|d| d < today),
                ShareBackState::Delt => false,
            };
            let item = ShareBackItem {
                person_id,
                person_name,
                unit,
                course_id,
                course_title,
                course_date: start,
                role: AttendanceRole::parse(&role).unwrap_or(AttendanceRole::Deltager),
                share_back: ShareBack {
                    state,
                    date,
                    forum,
                    note,
                    hr_only,
                },
                due: due.map(|d| d.to_string()),
                overdue,
                course_hr_only,
            };
            let upcoming = state == ShareBackState::Planlagt && planned.is_some_and(|d| d >= today);
            if (query.overdue && !item.overdue)
                || (query.upcoming && !upcoming)
                || (query.pending && state == ShareBackState::Delt)
            {
                continue;
            }
            items.push(item);
        }
        if query.upcoming {
            items.sort_by(|a, b| a.share_back.date.cmp(&b.share_back.date));
        }
        Ok(items)
    }

    /// Sets one attendee's share-back state and returns it as the lists show it.
    pub fn set_share_back(&mut self, update: &ShareBackUpdate, today: NaiveDate) -> Result<ShareBackItem> {
        self.write(|tx| set_share_back_in(tx, update))?;
        self.share_back_list(
            &ShareBackQuery {
                person: Some(update.person.clone()),
                ..Default::default()
            },
            today,
        )?
        .into_iter()
        .find(|item| item.course_id == update.course)
        .ok_or_else(|| CoreError::InvalidInput(format!("course \"{}\" vanished while saving", update.course)))
    }
}

/// Validates and writes one share-back change inside `tx`.
pub(crate) fn set_share_back_in(tx: &Transaction, update: &ShareBackUpdate) -> Result<()> {
    let record = format!("share-back of {} for course {}", update.person, update.course);
    let invalid = |problem: &str| CoreError::InvalidInput(format!("{record}: {problem}"));
    let attendance = attendance_ids(tx, &update.person, &update.course)?
        .ok_or_else(|| invalid("this person is not an attendee of this course"))?;
    let text = |value: &Option<String>, max: usize, what: &str| -> Result<Option<String>> {
        let value = value.as_deref().map(str::trim).filter(|v| !v.is_empty());
        match value {
            Some(v) if v.chars().count() > max => {
                Err(invalid(&format!("the {what} is longer than {max} characters")))
            }
            other => Ok(other.map(str::to_string)),
        }
    };
    let date = match update.date.as_deref().map(str::trim).filter(|d| !d.is_empty()) {
        Some(d) => Some(
            parse_date(d)
                .ok_or_else(|| invalid(&format!("\"{d}\" is not a date (YYYY-MM-DD)")))?
                .to_string(),
        ),
        None => None,
    };
    let forum = text(&update.forum, MAX_FORUM_CHARS, "forum")?;
    let note = text(&update.note, MAX_NOTE_CHARS, "note")?;
    let (date, forum, note) = match update.state {
        ShareBackState::Afventer => (None, None, None),
        ShareBackState::Planlagt => {
            if date.is_none() {
                return Err(invalid("a planned share-back needs a date"));
            }
            if forum.is_none() {
                return Err(invalid(
                    "a planned share-back needs a forum (e.g. \"teammøde torsdag\")",
                ));
            }
            (date, forum, note)
        }
        ShareBackState::Delt => {
            if date.is_none() {
                return Err(invalid("a shared share-back needs the date it happened"));
            }
            (date, forum, note)
        }
    };
    tx.prepare_cached(
        "UPDATE attendance SET shareback_state = ?3, shareback_date = ?4, shareback_forum = ?5,
                shareback_note = ?6, shareback_updated_at = ?7,
                shareback_hr_only = coalesce(?8, shareback_hr_only)
         WHERE course_id = ?1 AND person_id = ?2",
    )?
    .execute(params![
        attendance.0,
        attendance.1,
        update.state.as_str(),
        date,
        forum,
        note,
        now(),
        update.hr_only
    ])?;
    Ok(())
}

fn attendance_ids(conn: &Connection, person: &str, course: &str) -> Result<Option<(i64, i64)>> {
    Ok(conn
        .query_row(
            "SELECT a.course_id, a.person_id FROM attendance a
             JOIN people p ON p.id = a.person_id JOIN courses c ON c.id = a.course_id
             WHERE p.external_id = ?1 AND c.external_id = ?2",
            [person, course],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )
        .optional()?)
}

fn parse_date(text: &str) -> Option<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").ok()
}
