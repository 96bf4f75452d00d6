//! The directory's vocabulary as plain serde types: what a person, a unit, a
//! skill and a course are, and the small closed sets (levels, course kinds,
//! attendance roles) with the Danish names users see.

use serde::{Deserialize, Serialize};

/// How well someone masters a skill, 1–5. The Danish names follow the scale
/// municipal HR departments already use in competence profiles: from having
/// heard of it to being the person others ask.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u8", into = "u8")]
pub struct SkillLevel(u8);

impl SkillLevel {
    pub const MIN: u8 = 1;
    pub const MAX: u8 = 5;

    pub fn new(level: u8) -> Option<Self> {
        (Self::MIN..=Self::MAX)
            .contains(&level)
            .then_some(SkillLevel(level))
    }

    pub fn get(self) -> u8 {
        self.0
    }

    pub fn danish_name(self) -> &'static str {
        match self.0 {
            1 => "Kender til",
            2 => "Kan anvende",
            3 => "Erfaren",
            4 => "Specialist",
            _ => "Ekspert",
        }
    }

    pub fn english_name(self) -> &'static str {
        match self.0 {
            1 => "Aware",
            2 => "Practising",
            3 => "Experienced",
            4 => "Specialist",
            _ => "Expert",
        }
    }
}

impl TryFrom<u8> for SkillLevel {
    type Error = String;
    fn try_from(value: u8) -> Result<Self, Self::Error> {
        SkillLevel::new(value).ok_or_else(|| format!("level {value} is outside 1–5"))
    }
}

impl From<SkillLevel> for u8 {
    fn from(level: SkillLevel) -> u8 {
        level.0
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum CourseKind {
    Kursus,
    Konference,
    Temadag,
    Uddannelse,
}

impl CourseKind {
    pub const ALL: [CourseKind; 4] = [
        CourseKind::Kursus,
        CourseKind::Konference,
        CourseKind::Temadag,
        CourseKind::Uddannelse,
    ];

    pub fn as_str(self) -> &'static str {
        match self {
            CourseKind::Kursus => "kursus",
            CourseKind::Konference => "konference",
            CourseKind::Temadag => "temadag",
            CourseKind::Uddannelse => "uddannelse",
        }
    }

    /// Accepts the Danish names and their English counterparts, any case.
    pub fn parse(text: &str) -> Option<Self> {
        match text.trim().to_lowercase().as_str() {
            "kursus" | "course" => Some(CourseKind::Kursus),
            "konference" | "conference" => Some(CourseKind::Konference),
            "temadag" | "theme day" | "seminar" => Some(CourseKind::Temadag),
            "uddannelse" | "education" => Some(CourseKind::Uddannelse),
            _ => None,
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum AttendanceRole {
    /// Took part.
    Deltager,
    /// Took part and wrote the report others read.
    Rapportforfatter,
}

impl AttendanceRole {
    pub fn as_str(self) -> &'static str {
        match self {
            AttendanceRole::Deltager => "deltager",
            AttendanceRole::Rapportforfatter => "rapportforfatter",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "deltager" => Some(AttendanceRole::Deltager),
            "rapportforfatter" => Some(AttendanceRole::Rapportforfatter),
            _ => None,
        }
    }
}

/// Where a skill entry came from: the employee said so, or HR (or an import
/// HR ran) recorded it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum SkillSource {
    Selv,
    Hr,
}

impl SkillSource {
    pub fn as_str(self) -> &'static str {
        match self {
            SkillSource::Selv => "selv",
            SkillSource::Hr => "hr",
        }
    }

    pub fn parse(text: &str) -> Option<Self> {
        match text {
            "selv" => Some(SkillSource::Selv),
            "hr" => Some(SkillSource::Hr),
            _ => None,
        }
    }
}

/// Depth in the unit tree gives the unit's kind.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum UnitKind {
    Forvaltning,
    Afdeling,
    Team,
}

impl UnitKind {
    pub fn at_depth(depth: usize) -> Self {
        match depth {
            0 => UnitKind::Forvaltning,
            1 => UnitKind::Afdeling,
            _ => UnitKind::Team,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            UnitKind::Forvaltning => "forvaltning",
            UnitKind::Afdeling => "afdeling",
            UnitKind::Team => "team",
        }
    }
}

/// Separator of a unit path in bundles and on screen: "Børn og Familie / Ungeenheden".
pub const UNIT_PATH_SEPARATOR: &str = " / ";

/// Splits a department text into unit names, outermost first. Accepts "/" and
/// ">" with or without spaces, since HR exports write both.
pub fn split_unit_path(text: &str) -> Vec<String> {
    text.split(['/', '>'])
        .map(|part| part.split_whitespace().collect::<Vec<_>>().join(" "))
        .filter(|part| !part.is_empty())
        .collect()
}

/// Whether the unit path `path` is `scope` or lies under it, comparing unit
/// names without regard to case. Both are split paths, outermost first.
pub fn unit_path_within(path: &[String], scope: &[String]) -> bool {
    path.len() >= scope.len()
        && path
            .iter()
            .zip(scope)
            .all(|(a, b)| a.to_lowercase() == b.to_lowercase())
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonSkill {
    pub name: String,
    pub english_label: Option<String>,
    pub category: Option<String>,
    pub level: Option<SkillLevel>,
    pub level_name: Option<String>,
    pub source: SkillSource,
    pub can_mentor: bool,
    pub wants_to_learn: bool,
    pub updated_at: String,
    /// Shown to everyone; when false only the person, their leaders and HR
    /// see it (an imported skill stays so until the person confirms it).
    #[serde(default = "shown_by_default")]
    pub shown: bool,
    /// Imported from the HR system and not yet shown or hidden by the person.
    #[serde(default)]
    pub awaiting_confirmation: bool,
}

fn shown_by_default() -> bool {
    true
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CourseAttended {
    pub id: String,
    pub title: String,
    pub kind: Option<CourseKind>,
    pub date: Option<String>,
    pub role: AttendanceRole,
    /// A report only HR sees.
    #[serde(default)]
    pub hr_only: bool,
}

/// The fields of a profile a person may hide from everyone but themself,
/// their leaders and HR.
pub const HIDEABLE_FIELDS: [&str; 4] = ["phone", "location", "bio", "languages"];

/// Everything the directory shows about one person.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonProfile {
    pub uuid: String,
    pub id: String,
    pub name: String,
    pub title: Option<String>,
    /// Unit path, outermost first.
    pub units: Vec<String>,
    pub department: Option<String>,
    pub profession: Option<String>,
    pub email: Option<String>,
    pub phone: Option<String>,
    pub location: Option<String>,
    pub bio: Option<String>,
    pub languages: Vec<String>,
    pub active: bool,
    /// When the person left (RFC 3339), for one who has.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub left_at: Option<String>,
    /// The fields (title, phone, location) the person set themselves in the
    /// app; the others came from the HR system, and an import from it lists
    /// a different value of these as a conflict instead of overwriting them.
    #[serde(default)]
    pub own_fields: Vec<String>,
    /// Wants lunch suggestions with colleagues they do not know.
    #[serde(default)]
    pub lunch_opt_in: bool,
    /// Fields of [`HIDEABLE_FIELDS`] the person hides from everyone.
    #[serde(default)]
    pub hidden_fields: Vec<String>,
    pub skills: Vec<PersonSkill>,
    pub courses: Vec<CourseAttended>,
    /// Initiatives, networks and forums the person takes part in.
    #[serde(default)]
    pub initiatives: Vec<PersonInitiative>,
    pub created_at: String,
    pub updated_at: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PersonInitiative {
    pub id: String,
    pub name: String,
    pub kind: crate::store::InitiativeKind,
    pub role: crate::store::MemberRole,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct DirectoryStats {
    pub people: u64,
    pub active_people: u64,
    pub units: u64,
    pub skills: u64,
    pub person_skills: u64,
    pub courses: u64,
    pub attendances: u64,
    pub change_seq: i64,
    pub index_seq: Option<i64>,
    pub demo: bool,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn levels_outside_one_to_five_are_refused() {
        assert!(SkillLevel::new(0).is_none());
        assert!(SkillLevel::new(6).is_none());
        assert_eq!(SkillLevel::new(3).unwrap().danish_name(), "Erfaren");
    }

    #[test]
    fn unit_paths_split_on_slash_and_angle() {
        assert_eq!(
            split_unit_path(" Børn og Familie /Ungeenheden > Team  Vest "),
            vec!["Børn og Familie", "Ungeenheden", "Team Vest"]
        );
        assert!(split_unit_path(" / ").is_empty());
    }

    #[test]
    fn a_unit_path_lies_within_itself_and_its_parents_whatever_the_case() {
        let path = split_unit_path("Børn og Familie / Myndighed / Team Øst");
        assert!(unit_path_within(&path, &split_unit_path("børn og familie")));
        assert!(unit_path_within(&path, &path));
        assert!(unit_path_within(&path, &[]));
        assert!(!unit_path_within(
            &path,
            &split_unit_path("Børn og Familie / SSP")
        ));
        assert!(!unit_path_within(&split_unit_path("Børn og Familie"), &path));
    }
}
