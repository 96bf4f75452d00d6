//! The skill and the person an imported record names: skills by name,
//! created the first time a name is seen; people by employee id, then by
//! e-mail.

use std::collections::HashMap;

use rusqlite::{params, OptionalExtension, Row, Transaction};

use super::{new_uuid, now, record_change};
use crate::error::Result;

/// Remembers the names it has resolved within one transaction: an import
/// names the same few hundred skills for thousands of people.
#[derive(Default)]
pub(crate) struct SkillResolver {
    ids: HashMap<String, i64>,
    pub created: usize,
}

impl SkillResolver {
    /// The id of the skill called `name` in any case, created when new.
    pub fn resolve(&mut self, tx: &Transaction, name: &str) -> Result<i64> {
        let key = name.to_lowercase();
        if let Some(id) = self.ids.get(&key) {
            return Ok(*id);
        }
        // Skill names are unique regardless of case (COLLATE NOCASE).
        let existing: Option<i64> = tx
            .prepare_cached("SELECT id FROM skills WHERE name = ?1")?
            .query_row([name], |r| r.get(0))
            .optional()?;
        let id = match existing {
            Some(id) => id,
            None => {
                let uuid = new_uuid();
                let seq = record_change(tx, "skill", &uuid, "upsert")?;
                tx.prepare_cached(
                    "INSERT INTO skills (uuid, name, created_at, updated_at, change_seq) VALUES (?1, ?2, ?3, ?3, ?4)",
                )?
                .execute(params![uuid, name, now(), seq])?;
                self.created += 1;
                tx.last_insert_rowid()
            }
        };
        self.ids.insert(key, id);
        Ok(id)
    }
}

/// Whom a look-up by employee id or e-mail may find, beyond an active person
/// with that employee id or e-mail address.
#[derive(Clone, Copy)]
pub(crate) struct PersonLookup {
    /// People who have left too: an import of people brings them back.
    pub include_inactive: bool,
    /// The person whose external id is the e-mail in lower case: someone
    /// an import of people created without an employee id.
    pub email_as_external_id: bool,
}

pub(crate) enum PersonMatch<T> {
    NotFound,
    Found(T),
    /// The e-mail belongs to this many people, so it names none of them.
    SharedEmail(usize),
}

/// The person with this employee id, else the one with this e-mail in any
/// case; `columns` are read from `people p` by `read`. Errors are SQLite's
/// own, since the callers turn them into a refused row.
pub(crate) fn find_person<T>(
    tx: &Transaction,
    lookup: PersonLookup,
    employee_id: Option<&str>,
    email: Option<&str>,
    columns: &str,
    read: impl Fn(&Row) -> rusqlite::Result<T>,
) -> rusqlite::Result<PersonMatch<T>> {
    let active = if lookup.include_inactive {
        ""
    } else {
        " AND p.active = 1"
    };
    if let Some(employee_id) = employee_id {
        let by_id = tx
            .prepare_cached(&format!(
                "SELECT {columns} FROM people p WHERE p.external_id = ?1{active}"
            ))?
            .query_row([employee_id], &read)
            .optional()?;
        if let Some(person) = by_id {
            return Ok(PersonMatch::Found(person));
        }
    }
    let Some(email) = email else {
        return Ok(PersonMatch::NotFound);
    };
    let as_external_id = if lookup.email_as_external_id {
        " OR p.external_id = lower(?1)"
    } else {
        ""
    };
    let mut by_email: Vec<T> = tx
        .prepare_cached(&format!(
            "SELECT {columns} FROM people p WHERE (lower(p.email) = lower(?1){as_external_id}){active}"
        ))?
        .query_map([email], &read)?
        .collect::<rusqlite::Result<_>>()?;
    if by_email.len() > 1 {
        return Ok(PersonMatch::SharedEmail(by_email.len()));
    }
    Ok(by_email.pop().map_or(PersonMatch::NotFound, PersonMatch::Found))
}

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    const ACTIVE_BY_EMAIL: PersonLookup = PersonLookup {
        include_inactive: false,
        email_as_external_id: false,
    };
    const ANYONE: PersonLookup = PersonLookup {
        include_inactive: true,
        email_as_external_id: true,
    };

    fn directory() -> Connection {
        let mut conn = Connection::open_in_memory().unwrap();
        super::super::migrations::apply(&mut conn, ":memory:").unwrap();
        conn.execute_batch(
            "INSERT INTO people (uuid, external_id, name, email, active, created_at, updated_at, change_seq) VALUES
                 ('u1', 'E1', 'Anna', 'Anna@Kommune.dk', 1, '', '', 0),
                 ('u2', 'E2', 'Bo', 'bo@kommune.dk', 0, '', '', 0),
                 ('u3', 'carl@kommune.dk', 'Carl', NULL, 1, '', '', 0),
                 ('u4', 'E4', 'Dorte', 'fælles@kommune.dk', 1, '', '', 0),
                 ('u5', 'E5', 'Erik', 'fælles@kommune.dk', 1, '', '', 0)",
        )
        .unwrap();
        conn
    }

    fn name(
        tx: &Transaction,
        lookup: PersonLookup,
        employee_id: Option<&str>,
        email: Option<&str>,
    ) -> PersonMatch<String> {
        find_person(tx, lookup, employee_id, email, "p.name", |r| r.get(0)).unwrap()
    }

    fn found(matched: PersonMatch<String>) -> Option<String> {
        match matched {
            PersonMatch::Found(name) => Some(name),
            PersonMatch::NotFound => None,
            PersonMatch::SharedEmail(n) => panic!("the e-mail is shared by {n}"),
        }
    }

    #[test]
    fn a_person_is_found_by_employee_id_then_by_email_in_any_case() {
        let mut conn = directory();
        let tx = conn.transaction().unwrap();
        for lookup in [ACTIVE_BY_EMAIL, ANYONE] {
            assert_eq!(found(name(&tx, lookup, Some("E1"), None)), Some("Anna".into()));
            assert_eq!(
                found(name(&tx, lookup, Some("E9"), Some("ANNA@kommune.DK"))),
                Some("Anna".into())
            );
            assert_eq!(found(name(&tx, lookup, None, None)), None);
        }
    }

    #[test]
    fn the_lookup_says_whether_leavers_and_email_external_ids_count() {
        let mut conn = directory();
        let tx = conn.transaction().unwrap();
        assert_eq!(
            found(name(&tx, ACTIVE_BY_EMAIL, Some("E2"), Some("bo@kommune.dk"))),
            None
        );
        assert_eq!(found(name(&tx, ANYONE, Some("E2"), None)), Some("Bo".into()));
        assert_eq!(
            found(name(&tx, ACTIVE_BY_EMAIL, None, Some("Carl@kommune.dk"))),
            None
        );
        assert_eq!(
            found(name(&tx, ANYONE, None, Some("Carl@kommune.dk"))),
            Some("Carl".into())
        );
    }

    #[test]
    fn an_email_two_people_share_finds_neither() {
        let mut conn = directory();
        let tx = conn.transaction().unwrap();
        for lookup in [ACTIVE_BY_EMAIL, ANYONE] {
            assert!(matches!(
                name(&tx, lookup, None, Some("fælles@kommune.dk")),
                PersonMatch::SharedEmail(2)
            ));
            assert_eq!(
                found(name(&tx, lookup, Some("E4"), Some("fælles@kommune.dk"))),
                Some("Dorte".into())
            );
        }
    }

    #[test]
    fn a_skill_is_created_once_whatever_the_case_of_its_name() {
        let mut conn = directory();
        let tx = conn.transaction().unwrap();
        let mut skills = SkillResolver::default();
        let first = skills.resolve(&tx, "Excel").unwrap();
        assert_eq!(skills.resolve(&tx, "EXCEL").unwrap(), first);
        assert_eq!(SkillResolver::default().resolve(&tx, "excel").unwrap(), first);
        assert_ne!(skills.resolve(&tx, "Word").unwrap(), first);
        assert_eq!(skills.created, 2);
        let changes: i64 = tx
            .query_row("SELECT count(*) FROM changes WHERE entity = 'skill'", [], |r| {
                r.get(0)
            })
            .unwrap();
        assert_eq!(changes, 2);
    }
}
