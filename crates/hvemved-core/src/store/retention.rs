//! Retention: people who left and old course reports are kept only as long
//! as the municipality has decided, then removed by a job that applies the
//! rules. A person goes the way an erasure by hand goes (course reports keep
//! their text and count them as a former employee), logged with the rule as
//! the reason.

use chrono::{DateTime, Duration, Months, Utc};
use rusqlite::{params, OptionalExtension, Transaction};
use serde::{Deserialize, Serialize};

use super::personal_data::{erase_person_in, log_in};
use super::{record_deletion, set_meta, touch, AuditAction, Store};
use crate::error::{CoreError, Result};

const LEFT_PEOPLE_DAYS: &str = "retention.left_people_days";
const COURSE_REPORT_YEARS: &str = "retention.course_report_years";
const LAST_RUN: &str = "retention.last_run";
/// Who the audit log names for removals the rules made.
pub const RETENTION_ACTOR: &str = "opbevaringsregel";
/// Longest period a rule may name; longer is as good as "never".
const MAX_DAYS: u32 = 36_500;
const MAX_YEARS: u32 = 100;

/// How long people who left and course reports are kept; `None` keeps them.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RetentionRules {
    /// Days after leaving that a person is erased.
    pub left_people_days: Option<u32>,
    /// Years after a course ended that its report (and attendance) goes.
    pub course_report_years: Option<u32>,
}

impl Default for RetentionRules {
    /// A person who left has no business in a directory of who knows what
    /// after a quarter; a course report stays useful for years.
    fn default() -> RetentionRules {
        RetentionRules {
            left_people_days: Some(90),
            course_report_years: Some(10),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpiredPerson {
    pub id: String,
    pub name: String,
    pub left_at: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct ExpiredCourse {
    pub id: String,
    pub title: String,
    /// The day the course ended (or started, or was recorded).
    pub date: String,
}

/// What the rules remove now (a preview) or removed.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RetentionReport {
    pub rules: Option<RetentionRules>,
    pub people: Vec<ExpiredPerson>,
    pub courses: Vec<ExpiredCourse>,
    pub applied: bool,
}

impl RetentionReport {
    pub fn removes_anything(&self) -> bool {
        !self.people.is_empty() || !self.courses.is_empty()
    }
}

impl Store {
    pub fn retention_rules(&self) -> Result<RetentionRules> {
        let defaults = RetentionRules::default();
        Ok(RetentionRules {
            left_people_days: read_rule(self.meta(LEFT_PEOPLE_DAYS)?, defaults.left_people_days),
            course_report_years: read_rule(self.meta(COURSE_REPORT_YEARS)?, defaults.course_report_years),
        })
    }

    pub fn set_retention_rules(&mut self, rules: RetentionRules) -> Result<()> {
        if rules.left_people_days.is_some_and(|days| days > MAX_DAYS)
            || rules.course_report_years.is_some_and(|years| years > MAX_YEARS)
        {
            return Err(CoreError::InvalidInput(format!(
                "a retention period may be at most {MAX_DAYS} days or {MAX_YEARS} years; leave it empty to keep for good"
            )));
        }
        let actor = self.actor.clone();
        self.write(|tx| {
            set_meta(tx, LEFT_PEOPLE_DAYS, &write_rule(rules.left_people_days))?;
            set_meta(tx, COURSE_REPORT_YEARS, &write_rule(rules.course_report_years))?;
            let period = |rule: Option<u32>, unit: &str| {
                rule.map_or_else(|| "altid".to_owned(), |n| format!("{n} {unit}"))
            };
            let detail = format!(
                "opbevaring: fratrådte {}, kursusrapporter {}",
                period(rules.left_people_days, "dage"),
                period(rules.course_report_years, "år")
            );
            log_in(tx, &actor, AuditAction::Edited, None, Some(&detail))
        })
    }

    /// What the rules remove at `now`, without removing it.
    pub fn expired(&self, now: DateTime<Utc>) -> Result<RetentionReport> {
        let rules = self.retention_rules()?;
        let mut report = RetentionReport {
            rules: Some(rules),
            ..RetentionReport::default()
        };
        if let Some(days) = rules.left_people_days {
            let cutoff =
                (now - Duration::days(i64::from(days))).to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
            let mut stmt = self.conn.prepare(
                "SELECT external_id, name, left_at FROM people
                 WHERE active = 0 AND left_at IS NOT NULL AND left_at < ?1 ORDER BY left_at, external_id",
            )?;
            report.people = stmt
                .query_map([&cutoff], |r| {
                    Ok(ExpiredPerson {
                        id: r.get(0)?,
                        name: r.get(1)?,
                        left_at: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
        }
        if let Some(years) = rules.course_report_years {
            let cutoff = now
                .date_naive()
                .checked_sub_months(Months::new(12 * years))
                .unwrap_or(chrono::NaiveDate::MIN)
                .to_string();
            let mut stmt = self.conn.prepare(
                "SELECT external_id, title, day FROM (
                     SELECT external_id, title, coalesce(end_date, start_date, substr(created_at, 1, 10)) AS day
                     FROM courses)
                 WHERE day < ?1 ORDER BY day, external_id",
            )?;
            report.courses = stmt
                .query_map([&cutoff], |r| {
                    Ok(ExpiredCourse {
                        id: r.get(0)?,
                        title: r.get(1)?,
                        date: r.get(2)?,
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
        }
        Ok(report)
    }

    /// Removes what the rules say has expired at `now`, all in one
    /// transaction. The caller compacts the file and rebuilds the index
    /// when anything went.
    pub fn remove_expired(&mut self, now: DateTime<Utc>) -> Result<RetentionReport> {
        let mut report = self.expired(now)?;
        let stamp = now.to_rfc3339_opts(chrono::SecondsFormat::Secs, true);
        self.write(|tx| {
            let days = write_rule(report.rules.and_then(|r| r.left_people_days));
            for person in &report.people {
                let left_on = person.left_at.get(..10).unwrap_or(&person.left_at);
                let reason = format!("fratrådt {left_on}, opbevares {days} dage");
                erase_person_in(tx, &person.id, RETENTION_ACTOR, Some(&reason))?;
            }
            for course in &report.courses {
                remove_course_in(tx, &course.id)?;
                let detail = format!(
                    "kursusrapport {} ({}) fra {}",
                    course.id, course.title, course.date
                );
                log_in(tx, RETENTION_ACTOR, AuditAction::Erased, None, Some(&detail))?;
            }
            set_meta(tx, LAST_RUN, &stamp)
        })?;
        report.applied = true;
        Ok(report)
    }

    /// Marks a person as having left: they drop out of search and lists
    /// at once, and the retention rules erase them when their time is up. An
    /// HR import that lists them again brings them back. Answers when they
    /// left (the database dates it).
    pub fn mark_left(&mut self, external_id: &str) -> Result<String> {
        let actor = self.actor.clone();
        self.write(|tx| {
            let (id, uuid, active): (i64, String, bool) = tx
                .query_row(
                    "SELECT id, uuid, active FROM people WHERE external_id = ?1",
                    [external_id],
                    |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)),
                )
                .optional()?
                .ok_or_else(|| CoreError::PersonNotFound(external_id.to_string()))?;
            if active {
                tx.execute("UPDATE people SET active = 0 WHERE id = ?1", [id])?;
                touch(tx, "people", "person", id, &uuid)?;
                log_in(
                    tx,
                    &actor,
                    AuditAction::Edited,
                    Some(external_id),
                    Some("fratrådt"),
                )?;
            }
            Ok(tx.query_row("SELECT left_at FROM people WHERE id = ?1", [id], |r| r.get(0))?)
        })
    }

    /// When the rules were last applied.
    pub fn retention_last_run(&self) -> Result<Option<DateTime<Utc>>> {
        Ok(self
            .meta(LAST_RUN)?
            .and_then(|value| DateTime::parse_from_rfc3339(&value).ok())
            .map(|at| at.with_timezone(&Utc)))
    }
}

/// Deletes a course with its attendance and skills (by cascade).
fn remove_course_in(tx: &Transaction, external_id: &str) -> Result<()> {
    let uuid: String = tx.query_row(
        "SELECT uuid FROM courses WHERE external_id = ?1",
        [external_id],
        |r| r.get(0),
    )?;
    record_deletion(tx, "course", &uuid, external_id)?;
    tx.execute("DELETE FROM courses WHERE external_id = ?1", params![external_id])?;
    Ok(())
}

fn read_rule(stored: Option<String>, default: Option<u32>) -> Option<u32> {
    match stored.as_deref() {
        None => default,
        Some("never") => None,
        Some(number) => number.parse().ok().or(default),
    }
}

fn write_rule(rule: Option<u32>) -> String {
    rule.map_or_else(|| "never".to_owned(), |n| n.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::store::Store;

    fn store_with(sql: &str) -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().unwrap();
        let store = Store::open(&dir.path().join("hvemved.sqlite")).unwrap();
        store.conn().execute_batch(sql).unwrap();
        (dir, store)
    }

    const PEOPLE: &str = "
        INSERT INTO people (uuid, external_id, name, active, created_at, updated_at, change_seq) VALUES
            ('u1', 'P1', 'Anne Aktiv', 1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 1),
            ('u2', 'P2', 'Bo Borte', 1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 2),
            ('u3', 'P3', 'Cia Cirkel', 1, '2020-01-01T00:00:00Z', '2020-01-01T00:00:00Z', 3);
        INSERT INTO courses (uuid, external_id, title, start_date, end_date, created_at, updated_at, change_seq) VALUES
            ('c1', 'K1', 'Gammelt kursus', '2012-03-01', '2012-03-02', '2012-03-05T00:00:00Z', '2012-03-05T00:00:00Z', 4),
            ('c2', 'K2', 'Nyt kursus', '2025-03-01', NULL, '2025-03-05T00:00:00Z', '2025-03-05T00:00:00Z', 5);
        INSERT INTO attendance (course_id, person_id, updated_at) SELECT c.id, p.id, '2025-03-05T00:00:00Z' FROM courses c, people p
            WHERE c.external_id = 'K2' AND p.external_id IN ('P1', 'P2');";

    fn at(text: &str) -> DateTime<Utc> {
        DateTime::parse_from_rfc3339(text).unwrap().with_timezone(&Utc)
    }

    #[test]
    fn leaving_is_dated_by_the_database_and_coming_back_clears_it() {
        let (_dir, store) = store_with(PEOPLE);
        let left_at = |id: &str| -> Option<String> {
            store
                .conn()
                .query_row("SELECT left_at FROM people WHERE external_id = ?1", [id], |r| {
                    r.get(0)
                })
                .unwrap()
        };
        store
            .conn()
            .execute("UPDATE people SET active = 0 WHERE external_id = 'P2'", [])
            .unwrap();
        let stamp = left_at("P2").expect("leaving is dated");
        assert!(
            stamp.starts_with(&Utc::now().format("%Y-%m-%d").to_string()),
            "{stamp}"
        );
        assert_eq!(left_at("P1"), None);
        store
            .conn()
            .execute("UPDATE people SET active = 1 WHERE external_id = 'P2'", [])
            .unwrap();
        assert_eq!(left_at("P2"), None);
    }

    #[test]
    fn the_rules_remove_people_who_left_long_ago_and_old_reports_only() {
        let (_dir, mut store) = store_with(PEOPLE);
        store
            .conn()
            .execute_batch(
                "UPDATE people SET active = 0 WHERE external_id IN ('P2', 'P3');
                 UPDATE people SET left_at = '2026-01-10T08:00:00Z' WHERE external_id = 'P2';
                 UPDATE people SET left_at = '2026-11-01T08:00:00Z' WHERE external_id = 'P3';",
            )
            .unwrap();
        let now = at("2026-11-29T12:00:00Z");
        let preview = store.expired(now).unwrap();
        assert_eq!(
            preview.people.iter().map(|p| p.id.as_str()).collect::<Vec<_>>(),
            vec!["P2"]
        );
        assert_eq!(
            preview.courses.iter().map(|c| c.id.as_str()).collect::<Vec<_>>(),
            vec!["K1"]
        );
        assert_eq!(
            preview.courses[0].date, "2012-03-02",
            "a course counts from its end"
        );
        assert!(!preview.applied);

        let done = store.remove_expired(now).unwrap();
        assert!(done.applied);
        let count = |sql: &str| -> i64 { store.conn().query_row(sql, [], |r| r.get(0)).unwrap() };
        assert_eq!(count("SELECT count(*) FROM people WHERE external_id = 'P2'"), 0);
        assert_eq!(
            count("SELECT count(*) FROM people WHERE external_id IN ('P1', 'P3')"),
            2
        );
        assert_eq!(count("SELECT count(*) FROM courses WHERE external_id = 'K1'"), 0);
        assert_eq!(
            count("SELECT former_attendees FROM courses WHERE external_id = 'K2'"),
            1
        );
        assert_eq!(
            count("SELECT count(*) FROM deletions WHERE entity = 'course' AND external_id = 'K1'"),
            1
        );
        let log = store.audit_log(None, 10).unwrap();
        assert!(log.iter().any(|e| e.actor == RETENTION_ACTOR
            && e.person.as_deref() == Some("P2")
            && e.detail.as_deref() == Some("fratrådt 2026-01-10, opbevares 90 dage")));
        assert!(log.iter().any(|e| e.actor == RETENTION_ACTOR
            && e.detail
                .as_deref()
                .is_some_and(|d| d.starts_with("kursusrapport K1"))));
        assert_eq!(store.retention_last_run().unwrap(), Some(now));
        assert!(
            !store.remove_expired(now).unwrap().removes_anything(),
            "nothing twice"
        );
    }

    #[test]
    fn rules_can_keep_for_good_and_are_checked() {
        let (_dir, mut store) = store_with(PEOPLE);
        assert_eq!(store.retention_rules().unwrap(), RetentionRules::default());
        let keep = RetentionRules {
            left_people_days: None,
            course_report_years: Some(2),
        };
        store.set_retention_rules(keep).unwrap();
        assert_eq!(store.retention_rules().unwrap(), keep);
        store
            .conn()
            .execute(
                "UPDATE people SET active = 0, left_at = '2000-01-01T00:00:00Z'",
                [],
            )
            .unwrap();
        let preview = store.expired(at("2026-11-29T12:00:00Z")).unwrap();
        assert!(preview.people.is_empty(), "people are kept for good");
        assert_eq!(preview.courses.len(), 1, "K2 is recent enough");
        let too_long = RetentionRules {
            left_people_days: Some(MAX_DAYS + 1),
            course_report_years: None,
        };
        assert!(store.set_retention_rules(too_long).is_err());
        assert_eq!(store.retention_rules().unwrap(), keep);
    }
}
