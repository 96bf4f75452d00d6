//! Who is using the directory and what they may see and do.
//!
//! Four roles: an employee, a leader, HR and an administrator. Everyone
//! sees the shared part of a colleague's profile: name, unit, work contact,
//! and the skills and fields the colleague chose to show. The person
//! themself, their leaders (a leader sees the people of their own unit and
//! the units below it) and HR also see what is hidden; HR and administrators
//! also see HR-only course reports and may erase, export or import. A
//! share-back state marked HR-only is seen by HR, the attendee and their
//! leaders.
//!
//! On a single laptop the local user says who they are at first start (the
//! choice is kept in the directory); on the CLI the default is the
//! administrator and `--as ROLE[:PERSON]` picks another viewer.

use serde::{Deserialize, Serialize};

use crate::error::{CoreError, Result};
use crate::model::{split_unit_path, PersonProfile};
use crate::store::ShareBackItem;

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Employee,
    Leader,
    Hr,
    Administrator,
}

impl Role {
    pub fn parse(text: &str) -> Option<Role> {
        match text.trim().to_lowercase().as_str() {
            "employee" | "medarbejder" => Some(Role::Employee),
            "leader" | "leder" => Some(Role::Leader),
            "hr" => Some(Role::Hr),
            "administrator" | "admin" => Some(Role::Administrator),
            _ => None,
        }
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Role::Employee => "employee",
            Role::Leader => "leader",
            Role::Hr => "hr",
            Role::Administrator => "administrator",
        }
    }

    /// Sees HR-only course reports and what people hide, and may erase,
    /// export and import.
    pub fn is_hr(self) -> bool {
        matches!(self, Role::Hr | Role::Administrator)
    }
}

/// The user a call is made for: a role and, for employees and leaders,
/// which person of the directory they are (their external id).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Viewer {
    pub role: Role,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub person: Option<String>,
}

impl Viewer {
    pub fn administrator() -> Viewer {
        Viewer {
            role: Role::Administrator,
            person: None,
        }
    }

    /// `ROLE` or `ROLE:PERSON` ("leder:1042", "hr", "employee:e-17").
    pub fn parse(text: &str) -> Result<Viewer> {
        let (role_text, person) = match text.split_once(':') {
            Some((role, person)) => (role, Some(person.trim().to_string()).filter(|p| !p.is_empty())),
            None => (text, None),
        };
        let role = Role::parse(role_text).ok_or_else(|| {
            CoreError::InvalidInput(format!(
                "\"{role_text}\" is not a role; use employee, leader, hr or administrator"
            ))
        })?;
        let viewer = Viewer { role, person };
        viewer.validate()?;
        Ok(viewer)
    }

    /// An employee or a leader must say who they are.
    pub fn validate(&self) -> Result<()> {
        if matches!(self.role, Role::Employee | Role::Leader) && self.person.is_none() {
            return Err(CoreError::InvalidInput(format!(
                "the role {} needs the person's id ({}:ID)",
                self.role.as_str(),
                self.role.as_str()
            )));
        }
        Ok(())
    }

    /// How the audit log names this viewer.
    pub fn label(&self) -> String {
        match &self.person {
            Some(person) => format!("{}:{person}", self.role.as_str()),
            None => self.role.as_str().to_string(),
        }
    }

    pub fn is(&self, person: &str) -> bool {
        self.person.as_deref() == Some(person)
    }

    /// Fails unless the viewer is HR or an administrator.
    pub fn require_hr(&self, what: &str) -> Result<()> {
        if self.role.is_hr() {
            return Ok(());
        }
        Err(CoreError::Forbidden(format!(
            "only HR or an administrator may {what} (you are {})",
            self.label()
        )))
    }

    /// Fails unless the viewer is the person themself, HR or an administrator.
    pub fn require_self_or_hr(&self, person: &str, what: &str) -> Result<()> {
        if self.role.is_hr() || self.is(person) {
            return Ok(());
        }
        Err(CoreError::Forbidden(format!(
            "only {person} themself, HR or an administrator may {what} (you are {})",
            self.label()
        )))
    }
}

/// How much of one person's profile a viewer sees.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tier {
    /// What the person shows to everyone.
    Everyone,
    /// Also what the person hides: the person themself and their leaders.
    Close,
    /// Also HR-only course reports: HR and administrators.
    Hr,
}

impl Tier {
    pub fn sees_hidden(self) -> bool {
        self != Tier::Everyone
    }

    pub fn sees_hr_only(self) -> bool {
        self == Tier::Hr
    }
}

/// A viewer with the units they lead (for a leader): enough to tell, person
/// by person, how much of them the viewer sees.
pub struct Reach<'a> {
    pub viewer: &'a Viewer,
    /// The leader's own unit path; empty for everyone else.
    pub leads: Vec<String>,
}

impl Reach<'_> {
    /// The tier for the person with this id in the unit at `units`.
    pub fn tier(&self, person: &str, units: &[String]) -> Tier {
        if self.viewer.role.is_hr() {
            Tier::Hr
        } else if self.viewer.is(person) || (!self.leads.is_empty() && units.starts_with(&self.leads)) {
            Tier::Close
        } else {
            Tier::Everyone
        }
    }

    /// Fails unless the viewer sees what the person hides: the person
    /// themself, a leader of their unit, HR or an administrator.
    pub fn require_close(&self, person: &str, units: &[String], what: &str) -> Result<()> {
        if self.tier(person, units).sees_hidden() {
            return Ok(());
        }
        Err(CoreError::Forbidden(format!(
            "only {person} themself, their leader, HR or an administrator may {what} (you are {})",
            self.viewer.label()
        )))
    }

    /// Whether a share-back may be listed: one of an HR-only report only for
    /// HR, an HR-only state also for the attendee and their leaders.
    pub fn sees_share_back(&self, item: &ShareBackItem) -> bool {
        if self.viewer.role.is_hr() {
            return true;
        }
        if item.course_hr_only {
            return false;
        }
        if !item.share_back.hr_only {
            return true;
        }
        let units = split_unit_path(item.unit.as_deref().unwrap_or_default());
        self.tier(&item.person_id, &units).sees_hidden()
    }
}

/// Takes out of `profile` what a viewer of `tier` may not see: for
/// everyone, hidden skills and fields; for all but HR, HR-only reports.
pub fn redact(profile: &mut PersonProfile, tier: Tier) {
    if !tier.sees_hidden() {
        profile.skills.retain(|skill| skill.shown);
        profile.own_fields.clear();
        profile.left_at = None;
        for field in std::mem::take(&mut profile.hidden_fields) {
            match field.as_str() {
                "phone" => profile.phone = None,
                "location" => profile.location = None,
                "bio" => profile.bio = None,
                "languages" => profile.languages.clear(),
                _ => {}
            }
        }
    }
    if !tier.sees_hr_only() {
        profile.courses.retain(|course| !course.hr_only);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn viewers_are_read_in_danish_and_english() {
        assert_eq!(Viewer::parse("hr").unwrap().role, Role::Hr);
        let leader = Viewer::parse("leder:1042").unwrap();
        assert_eq!(leader.role, Role::Leader);
        assert_eq!(leader.person.as_deref(), Some("1042"));
        assert_eq!(leader.label(), "leader:1042");
        assert_eq!(Viewer::parse("Administrator").unwrap(), Viewer::administrator());
    }

    #[test]
    fn an_employee_must_say_who_they_are_and_a_role_must_exist() {
        assert!(Viewer::parse("employee")
            .unwrap_err()
            .to_string()
            .contains("employee:ID"));
        assert!(Viewer::parse("boss:1")
            .unwrap_err()
            .to_string()
            .contains("\"boss\""));
    }

    #[test]
    fn only_hr_and_administrators_pass_the_hr_gate() {
        assert!(Viewer::parse("hr").unwrap().require_hr("erase").is_ok());
        let employee = Viewer::parse("employee:7").unwrap();
        let refused = employee.require_hr("erase people").unwrap_err();
        assert_eq!(refused.kind(), "forbidden");
        assert!(refused.to_string().contains("employee:7"));
        assert!(employee.require_self_or_hr("7", "export").is_ok());
        assert!(employee.require_self_or_hr("8", "export").is_err());
    }
}
