//! The competence map of a unit or the whole municipality: which skills its
//! people hold at which levels, per sub-unit; the skills only one person
//! holds at level 3 or above (a key-person risk, "sårbare kompetencer");
//! skills nobody holds at level 3; the profession mix; entries not updated
//! for a long time; and thesaurus areas without a knowledge owner.

use std::collections::{BTreeMap, BTreeSet};

use chrono::{DateTime, Months, NaiveDate};
use serde::{Deserialize, Serialize};

use crate::model::UNIT_PATH_SEPARATOR;
use crate::store::SkillHolding;

/// Level from which someone can carry a skill for the others (Erfaren).
pub const CARRYING_LEVEL: u8 = 3;
pub const DEFAULT_STALE_MONTHS: u32 = 18;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompetenceMapRequest {
    /// A unit path; its sub-units are the map's columns. None: the whole
    /// municipality, by forvaltning.
    #[serde(default)]
    pub unit: Option<String>,
    /// Entries older than this many months count as stale.
    #[serde(default = "default_stale_months")]
    pub stale_months: u32,
}

fn default_stale_months() -> u32 {
    DEFAULT_STALE_MONTHS
}

impl Default for CompetenceMapRequest {
    fn default() -> Self {
        CompetenceMapRequest {
            unit: None,
            stale_months: DEFAULT_STALE_MONTHS,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CompetenceMap {
    pub unit: Option<String>,
    /// The sub-units (or forvaltninger) the people are counted in.
    pub columns: Vec<String>,
    /// Skills held in the unit, most holders first.
    pub rows: Vec<MapRow>,
    /// Held at level ≥ 3 by exactly one person.
    pub vulnerable: Vec<VulnerableSkill>,
    /// Held by someone, but by no one at level ≥ 3.
    pub uncovered: Vec<String>,
    pub professions: Vec<ProfessionMix>,
    pub stale: StaleEntries,
    /// Thesaurus concepts held in the unit that have no knowledge owner,
    /// neither for themselves nor for their category.
    pub unowned_areas: Vec<UnownedArea>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct UnownedArea {
    pub area: String,
    pub label: String,
    /// People holding skills that name it.
    pub people: usize,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct MapRow {
    pub skill: String,
    /// People holding it.
    pub people: usize,
    /// People holding it at level ≥ 3.
    pub carrying: usize,
    /// One cell per column, in the order of `columns`.
    pub cells: Vec<MapCell>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct MapCell {
    pub people: usize,
    /// People at level 1–5 (index 0 is level 1); entries without a level
    /// count only in `people`.
    pub levels: [usize; 5],
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct VulnerableSkill {
    pub skill: String,
    pub person_id: String,
    pub person_name: String,
    pub level: u8,
    pub unit: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProfessionMix {
    pub unit: String,
    /// Profession and head count, most first.
    pub professions: Vec<(String, usize)>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct StaleEntries {
    pub months: u32,
    /// Skill entries not updated since `since`.
    pub entries: usize,
    pub people: usize,
    pub since: String,
}

/// The column a unit path falls in below `scope`, or None when it is outside.
fn column_of(unit: Option<&str>, scope: &[String]) -> Option<String> {
    let path = crate::model::split_unit_path(unit.unwrap_or_default());
    if !crate::model::unit_path_within(&path, scope) {
        return None;
    }
    match path.get(scope.len()) {
        Some(_) => Some(path[..=scope.len()].join(UNIT_PATH_SEPARATOR)),
        // People placed directly in the unit itself.
        None if !path.is_empty() => Some(path.join(UNIT_PATH_SEPARATOR)),
        None => None,
    }
}

pub fn build(holdings: &[SkillHolding], request: &CompetenceMapRequest, today: NaiveDate) -> CompetenceMap {
    let scope = crate::model::split_unit_path(request.unit.as_deref().unwrap_or_default());
    let placed: Vec<(&SkillHolding, String)> = holdings
        .iter()
        .filter_map(|h| Some((h, column_of(h.unit.as_deref(), &scope)?)))
        .collect();
    let columns: Vec<String> = placed
        .iter()
        .map(|(_, c)| c.clone())
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let column_index = |c: &str| {
        columns
            .iter()
            .position(|x| x == c)
            .expect("every column is listed")
    };

    let mut rows: BTreeMap<&str, MapRow> = BTreeMap::new();
    let mut carriers: BTreeMap<&str, Vec<&SkillHolding>> = BTreeMap::new();
    for (holding, column) in &placed {
        let row = rows.entry(&holding.skill).or_insert_with(|| MapRow {
            skill: holding.skill.clone(),
            people: 0,
            carrying: 0,
            cells: vec![MapCell::default(); columns.len()],
        });
        row.people += 1;
        let cell = &mut row.cells[column_index(column)];
        cell.people += 1;
        if let Some(level) = holding.level.filter(|l| (1..=5).contains(l)) {
            cell.levels[usize::from(level) - 1] += 1;
            if level >= CARRYING_LEVEL {
                row.carrying += 1;
                carriers.entry(&holding.skill).or_default().push(holding);
            }
        }
    }
    let mut vulnerable: Vec<VulnerableSkill> = carriers
        .values()
        .filter(|people| people.len() == 1)
        .map(|people| {
            let h = people[0];
            VulnerableSkill {
                skill: h.skill.clone(),
                person_id: h.person_id.clone(),
                person_name: h.person_name.clone(),
                level: h.level.unwrap_or(CARRYING_LEVEL),
                unit: h.unit.clone(),
            }
        })
        .collect();
    vulnerable.sort_by(|a, b| b.level.cmp(&a.level).then_with(|| a.skill.cmp(&b.skill)));
    let uncovered: Vec<String> = rows
        .values()
        .filter(|r| r.carrying == 0)
        .map(|r| r.skill.clone())
        .collect();
    let mut rows: Vec<MapRow> = rows.into_values().collect();
    rows.sort_by(|a, b| b.people.cmp(&a.people).then_with(|| a.skill.cmp(&b.skill)));

    // Profession mix: each person once per column.
    let mut mix: BTreeMap<&str, BTreeMap<String, BTreeSet<&str>>> = BTreeMap::new();
    for (holding, column) in &placed {
        let profession = holding
            .profession
            .clone()
            .unwrap_or_else(|| "Uoplyst".to_string());
        mix.entry(column)
            .or_default()
            .entry(profession)
            .or_default()
            .insert(&holding.person_id);
    }
    let professions = mix
        .into_iter()
        .map(|(unit, counts)| {
            let mut professions: Vec<(String, usize)> =
                counts.into_iter().map(|(p, people)| (p, people.len())).collect();
            professions.sort_by(|a, b| b.1.cmp(&a.1).then_with(|| a.0.cmp(&b.0)));
            ProfessionMix {
                unit: unit.to_string(),
                professions,
            }
        })
        .collect();

    let since = today
        .checked_sub_months(Months::new(request.stale_months))
        .unwrap_or(NaiveDate::MIN);
    let stale: Vec<&&SkillHolding> = placed
        .iter()
        .map(|(h, _)| h)
        .filter(|h| {
            DateTime::parse_from_rfc3339(&h.updated_at)
                .map(|t| t.date_naive() < since)
                .unwrap_or(false)
        })
        .collect();
    let stale_people: BTreeSet<&str> = stale.iter().map(|h| h.person_id.as_str()).collect();

    CompetenceMap {
        unit: (!scope.is_empty()).then(|| scope.join(UNIT_PATH_SEPARATOR)),
        columns,
        rows,
        vulnerable,
        uncovered,
        professions,
        stale: StaleEntries {
            months: request.stale_months,
            entries: stale.len(),
            people: stale_people.len(),
            since: since.to_string(),
        },
        unowned_areas: Vec::new(),
    }
}

/// The heat map as CSV for Excel: `;`-separated, one line per skill and
/// column, with a header. Cells starting with a formula character are
/// prefixed with `'` so that Excel shows them as text.
pub fn to_csv(map: &CompetenceMap) -> String {
    let mut out =
        String::from("\u{feff}kompetence;enhed;personer;niveau 1;niveau 2;niveau 3;niveau 4;niveau 5\r\n");
    for row in &map.rows {
        for (column, cell) in map.columns.iter().zip(&row.cells) {
            if cell.people == 0 {
                continue;
            }
            let levels: Vec<String> = cell.levels.iter().map(usize::to_string).collect();
            out.push_str(&format!(
                "{};{};{};{}\r\n",
                csv_text(&row.skill),
                csv_text(column),
                cell.people,
                levels.join(";")
            ));
        }
    }
    out
}

fn csv_text(text: &str) -> String {
    let text = if text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text.to_string()
    };
    if text.contains([';', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn holding(skill: &str, level: u8, person: &str, unit: &str, updated: &str) -> SkillHolding {
        SkillHolding {
            skill: skill.into(),
            level: Some(level),
            updated_at: updated.into(),
            person_id: person.into(),
            person_name: format!("Navn {person}"),
            unit: Some(unit.into()),
            can_mentor: false,
            wants_to_learn: false,
            profession: Some(
                if person < "p3" {
                    "Socialrådgiver"
                } else {
                    "Psykolog"
                }
                .into(),
            ),
        }
    }

    fn sample() -> Vec<SkillHolding> {
        vec![
            holding(
                "Mentalisering",
                4,
                "p1",
                "Børn og Familie / PPR",
                "2026-01-01T00:00:00Z",
            ),
            holding(
                "Mentalisering",
                2,
                "p2",
                "Børn og Familie / Myndighed",
                "2026-01-01T00:00:00Z",
            ),
            holding(
                "Efterværn",
                3,
                "p2",
                "Børn og Familie / Myndighed",
                "2020-01-01T00:00:00Z",
            ),
            holding(
                "Efterværn",
                5,
                "p3",
                "Børn og Familie / Myndighed / Team Øst",
                "2026-01-01T00:00:00Z",
            ),
            holding(
                "Fleksjob",
                2,
                "p4",
                "Jobcenter / Fleksjob",
                "2026-01-01T00:00:00Z",
            ),
        ]
    }

    #[test]
    fn the_whole_municipality_is_mapped_by_forvaltning() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let map = build(&sample(), &CompetenceMapRequest::default(), today);
        assert_eq!(map.columns, vec!["Børn og Familie", "Jobcenter"]);
        let mental = map.rows.iter().find(|r| r.skill == "Mentalisering").unwrap();
        assert_eq!((mental.people, mental.carrying), (2, 1));
        assert_eq!(mental.cells[0].levels, [0, 1, 0, 1, 0]);
        assert_eq!(map.vulnerable.len(), 1);
        assert_eq!(map.vulnerable[0].skill, "Mentalisering");
        assert_eq!(map.vulnerable[0].person_id, "p1");
        assert_eq!(map.uncovered, vec!["Fleksjob"]);
        assert_eq!((map.stale.entries, map.stale.people), (1, 1));
        assert_eq!(map.stale.since, "2025-05-29");
    }

    #[test]
    fn a_unit_is_mapped_by_its_sub_units_and_leaves_out_the_rest() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let request = CompetenceMapRequest {
            unit: Some("børn og familie".into()),
            stale_months: 18,
        };
        let map = build(&sample(), &request, today);
        assert_eq!(
            map.columns,
            vec!["Børn og Familie / Myndighed", "Børn og Familie / PPR"]
        );
        assert!(map.rows.iter().all(|r| r.skill != "Fleksjob"));
        let mix = map
            .professions
            .iter()
            .find(|m| m.unit == "Børn og Familie / Myndighed")
            .unwrap();
        assert_eq!(
            mix.professions,
            vec![("Psykolog".to_string(), 1), ("Socialrådgiver".to_string(), 1)]
        );
    }

    #[test]
    fn csv_cells_cannot_become_formulas() {
        let today = NaiveDate::from_ymd_opt(2026, 11, 29).unwrap();
        let holdings = vec![holding("=HYPERLINK(\"x\")", 3, "p1", "A", "2026-01-01T00:00:00Z")];
        let csv = to_csv(&build(&holdings, &CompetenceMapRequest::default(), today));
        assert!(csv.starts_with('\u{feff}'));
        assert!(
            csv.contains("\"'=HYPERLINK(\"\"x\"\")\";A;1;0;0;1;0;0\r\n"),
            "{csv}"
        );
    }
}
