//! What every directory must be after a kill, whatever the kill hit.

use std::collections::BTreeSet;
use std::path::Path;

use serde_json::Value;

use crate::harness::{open_database, run};

/// The database passes SQLite's integrity check (read directly, before the
/// app touches it), the app opens the directory, and `hvemved check` finds
/// the index holding exactly the documents of the database after catching
/// up; the ids it lists agree with the database's own tables.
pub fn verify(data: &Path) -> Result<(), String> {
    let integrity = {
        let conn = open_database(data)?;
        conn.query_row("PRAGMA integrity_check", [], |r| r.get::<_, String>(0))
            .map_err(|e| format!("integrity_check did not run: {e}"))?
    };
    if integrity != "ok" {
        return Err(format!("integrity_check: {integrity}"));
    }
    let report: Value = serde_json::from_str(&run(data, &["check", "--json", "--list-ids"])?)
        .map_err(|e| format!("`hvemved check --json` is not JSON: {e}"))?;
    if report["consistent"] != true {
        return Err(format!("`hvemved check` found a difference: {report}"));
    }
    if report["index_seq"] != report["change_seq"] {
        return Err(format!(
            "the index is at change {} and the database at {}",
            report["index_seq"], report["change_seq"]
        ));
    }
    let conn = open_database(data)?;
    for (list, sql) in [
        (
            "people",
            // A person has documents when they have a role (title,
            // profession or unit), a bio or a skill.
            "SELECT uuid FROM people p WHERE active = 1 AND (
                 coalesce(title, '') <> '' OR coalesce(profession, '') <> '' OR unit_id IS NOT NULL
                 OR bio IS NOT NULL OR EXISTS (SELECT 1 FROM person_skills ps WHERE ps.person_id = p.id))",
        ),
        ("courses", "SELECT uuid FROM courses"),
        ("initiatives", "SELECT uuid FROM initiatives"),
    ] {
        let in_database = uuids(&conn, sql)?;
        let in_index: BTreeSet<String> = report["index_ids"][list]
            .as_array()
            .ok_or_else(|| format!("`hvemved check --list-ids` lists no {list}"))?
            .iter()
            .filter_map(|v| v.as_str().map(str::to_string))
            .collect();
        if in_database != in_index {
            let missing: Vec<_> = in_database.difference(&in_index).take(5).collect();
            let extra: Vec<_> = in_index.difference(&in_database).take(5).collect();
            return Err(format!(
                "the index's {list} differ from the database's: {} in the database only (e.g. {missing:?}), \
                 {} in the index only (e.g. {extra:?})",
                in_database.difference(&in_index).count(),
                in_index.difference(&in_database).count()
            ));
        }
    }
    Ok(())
}

fn uuids(conn: &rusqlite::Connection, sql: &str) -> Result<BTreeSet<String>, String> {
    let mut stmt = conn.prepare(sql).map_err(|e| format!("{sql}: {e}"))?;
    let rows = stmt
        .query_map([], |r| r.get(0))
        .and_then(|rows| rows.collect::<rusqlite::Result<BTreeSet<String>>>())
        .map_err(|e| format!("{sql}: {e}"));
    rows
}

/// The check every kill relies on must itself see a difference: rows
/// changed behind the index's back (no change number taken) leave documents
/// the index holds but a rebuild would not write, and the reverse.
#[test]
fn check_finds_documents_the_index_and_the_database_disagree_on() {
    let templates = crate::harness::Templates::new();
    let (demo, _) = templates.demo();
    let scratch = templates.copy(demo);
    verify(&scratch.data).expect("the demo is sound");
    open_database(&scratch.data)
        .unwrap()
        .execute_batch(
            "UPDATE people SET bio = NULL WHERE external_id = 'p-0001';
             UPDATE courses SET start_date = '2001-01-01' WHERE external_id = 'c-0001';",
        )
        .unwrap();

    let output = crate::harness::hvemved(&scratch.data)
        .args(["check", "--json"])
        .stdout(std::process::Stdio::piped())
        .output()
        .unwrap();
    assert!(!output.status.success(), "a difference fails the check");
    let report: Value = serde_json::from_slice(&output.stdout).unwrap();
    assert_eq!(report["consistent"], false);
    assert_eq!(report["integrity"], serde_json::json!(["ok"]));
    let listed = |list: &str| -> Vec<(String, String)> {
        report[list]
            .as_array()
            .unwrap()
            .iter()
            .map(|d| {
                (
                    d["kind"].as_str().unwrap().into(),
                    d["id"].as_str().unwrap().into(),
                )
            })
            .collect()
    };
    let pair = |kind: &str, id: &str| (kind.to_string(), id.to_string());
    assert_eq!(listed("missing_from_index"), vec![pair("course", "c-0001")]);
    let mut stale = listed("not_in_database");
    stale.sort();
    assert_eq!(stale, vec![pair("bio", "p-0001"), pair("course", "c-0001")]);
    assert!(verify(&scratch.data).is_err());

    run(&scratch.data, &["reindex"]).unwrap();
    verify(&scratch.data).expect("a rebuild makes the index agree again");
}
