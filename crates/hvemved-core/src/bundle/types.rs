//! The records of a directory bundle (`shared/spec/bundle-format.md`, version 1)
//! as plain serde types, used both for export and for the validated result of
//! an import.
//!
//! Besides the fields the spec names, a course may carry `kind`, `end_date`,
//! `location` and `key_takeaways`, and a skill `can_mentor` and
//! `wants_to_learn`. They are optional and left out when empty, so a bundle
//! written by this application stays readable by any tool that knows only
//! the spec's fields.
//!
//! Who may see what travels too, so that a bundle moved to another machine
//! keeps hidden what its people hid: a skill's `hidden` (and
//! `awaiting_confirmation` for one from HR not yet confirmed), a person's
//! `hidden_fields` and a course's `hr_only`. An import only ever hides with
//! them: a bundle without them leaves what is already hidden hidden.

use serde::{Deserialize, Serialize};

pub const BUNDLE_FORMAT: &str = "hvemved-bundle";
pub const BUNDLE_VERSION: u64 = 1;

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Bundle {
    pub format: String,
    pub version: u64,
    #[serde(default)]
    pub people: Vec<BundlePerson>,
    #[serde(default)]
    pub courses: Vec<BundleCourse>,
}

impl Bundle {
    pub fn new(people: Vec<BundlePerson>, courses: Vec<BundleCourse>) -> Self {
        Bundle {
            format: BUNDLE_FORMAT.to_string(),
            version: BUNDLE_VERSION,
            people,
            courses,
        }
    }
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BundlePerson {
    pub id: String,
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub title: Option<String>,
    /// The unit path, outermost first, joined by " / "
    /// (e.g. "Børn og Familie / Ungeenheden / Team Vest").
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub department: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub profession: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub email: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub phone: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub bio: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<BundleSkill>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub languages: Vec<String>,
    /// Fields the person shows only to themself, their leaders and HR:
    /// among phone, location, bio and languages.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub hidden_fields: Vec<String>,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BundleSkill {
    pub name: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub level: Option<u8>,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub can_mentor: bool,
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub wants_to_learn: bool,
    /// Shown only to the person, their leaders and HR.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hidden: bool,
    /// From the HR system and not yet confirmed by the person (so hidden).
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub awaiting_confirmation: bool,
}

#[derive(Debug, Clone, Default, PartialEq, Serialize, Deserialize)]
pub struct BundleCourse {
    pub id: String,
    pub title: String,
    /// kursus, konference, temadag or uddannelse.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kind: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub provider: Option<String>,
    /// ISO 8601 date, `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub end_date: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub location: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub attendees: Vec<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub summary: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub key_takeaways: Option<String>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub skills: Vec<String>,
    /// Only HR and administrators see the report; it is never searched.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub hr_only: bool,
}
