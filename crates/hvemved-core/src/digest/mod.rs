//! The digest (nyhedsbrev): what was learned and started in a period, for
//! the whole municipality or some units — course reports with their key
//! takeaways, share-back sessions coming up, competences added or raised,
//! and new initiatives — ready for the intranet or an e-mail as one
//! self-contained HTML file or as Markdown.

mod render;

use std::collections::{BTreeMap, HashSet};

use chrono::NaiveDate;
use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::model::{split_unit_path, unit_path_within};
use crate::store::{CourseReport, Initiative, InitiativeQuery, ShareBackItem, ShareBackQuery, Store};

pub use render::{to_html, to_markdown};

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DigestRequest {
    /// First day of the period, YYYY-MM-DD.
    pub from: String,
    /// Last day of the period, YYYY-MM-DD.
    pub to: String,
    /// Only this unit and those under it ("Børn og Familie").
    #[serde(default)]
    pub unit: Option<String>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DigestHolder {
    pub id: String,
    pub name: String,
    pub level: Option<u8>,
    pub unit: Option<String>,
}

/// A skill and the people who added it or changed its level in the period.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct DigestSkill {
    pub skill: String,
    pub people: Vec<DigestHolder>,
}

#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Digest {
    pub from: String,
    pub to: String,
    pub unit: Option<String>,
    /// Reports of courses held in the period, newest first.
    pub courses: Vec<CourseReport>,
    /// Share-back sessions planned from today on, soonest first.
    pub share_backs: Vec<ShareBackItem>,
    /// Skill entries set in the period, by skill, most people first.
    pub competences: Vec<DigestSkill>,
    /// Initiatives created in the period.
    pub initiatives: Vec<Initiative>,
}

impl Digest {
    pub fn is_empty(&self) -> bool {
        self.courses.is_empty()
            && self.share_backs.is_empty()
            && self.competences.is_empty()
            && self.initiatives.is_empty()
    }
}

/// Most courses a digest lists; a newsletter is read, not searched.
const MAX_COURSES: usize = 200;

fn parse_day(text: &str, label: &str) -> Result<NaiveDate> {
    NaiveDate::parse_from_str(text.trim(), "%Y-%m-%d").map_err(|_| {
        CoreError::InvalidInput(format!(
            "digest: {label} \"{}\" is not a date (YYYY-MM-DD)",
            text.trim()
        ))
    })
}

pub fn build(store: &Store, request: &DigestRequest, today: NaiveDate) -> Result<Digest> {
    let from = parse_day(&request.from, "from")?;
    let to = parse_day(&request.to, "to")?;
    if to < from {
        return Err(CoreError::InvalidInput(format!(
            "digest: the period ends ({to}) before it starts ({from})"
        )));
    }
    let unit = request
        .unit
        .as_deref()
        .map(str::trim)
        .filter(|u| !u.is_empty())
        .map(str::to_string);
    let scope = unit.as_deref().map(split_unit_path).unwrap_or_default();
    let in_scope = |path: Option<&str>| {
        unit.is_none() || path.is_some_and(|p| unit_path_within(&split_unit_path(p), &scope))
    };
    let in_period = |day: &str| {
        NaiveDate::parse_from_str(day.get(..10).unwrap_or(day), "%Y-%m-%d")
            .is_ok_and(|d| d >= from && d <= to)
    };

    // Courses with someone from the units among the attendees.
    let attendances = store.share_back_list(
        &ShareBackQuery {
            unit: unit.clone(),
            ..Default::default()
        },
        today,
    )?;
    let courses_in_units: HashSet<&str> = attendances.iter().map(|a| a.course_id.as_str()).collect();
    let mut courses: Vec<CourseReport> = store
        .courses_between(&from.to_string(), &to.to_string())?
        .into_iter()
        .filter(|c| unit.is_none() || courses_in_units.contains(c.id.as_str()))
        .collect();
    for attendee in courses.iter_mut().flat_map(|c| c.attendees.iter_mut()) {
        if attendee.share_back.as_ref().is_some_and(|s| s.hr_only) {
            attendee.share_back = None;
        }
    }
    courses.truncate(MAX_COURSES);

    // A newsletter goes to everyone: nothing marked for HR only.
    let share_backs: Vec<ShareBackItem> = store
        .share_back_list(
            &ShareBackQuery {
                unit: unit.clone(),
                upcoming: true,
                ..Default::default()
            },
            today,
        )?
        .into_iter()
        .filter(|item| !item.course_hr_only && !item.share_back.hr_only)
        .collect();

    let mut by_skill: BTreeMap<String, Vec<DigestHolder>> = BTreeMap::new();
    for holding in store.skill_holdings()? {
        if in_period(&holding.updated_at) && in_scope(holding.unit.as_deref()) {
            by_skill.entry(holding.skill).or_default().push(DigestHolder {
                id: holding.person_id,
                name: holding.person_name,
                level: holding.level,
                unit: holding.unit,
            });
        }
    }
    let mut competences: Vec<DigestSkill> = by_skill
        .into_iter()
        .map(|(skill, mut people)| {
            people.sort_by(|a, b| b.level.cmp(&a.level).then_with(|| a.name.cmp(&b.name)));
            DigestSkill { skill, people }
        })
        .collect();
    competences.sort_by(|a, b| {
        b.people
            .len()
            .cmp(&a.people.len())
            .then_with(|| a.skill.cmp(&b.skill))
    });

    let initiatives: Vec<Initiative> = store
        .initiatives(
            &InitiativeQuery {
                unit: unit.clone(),
                ..Default::default()
            },
            &today.to_string(),
        )?
        .into_iter()
        .filter(|i| in_period(&i.created_at))
        .collect();

    Ok(Digest {
        from: from.to_string(),
        to: to.to_string(),
        unit,
        courses,
        share_backs,
        competences,
        initiatives,
    })
}
