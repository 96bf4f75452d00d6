//! Importing and exporting bundles: counts, idempotence and round trips.

use serde_json::Value;

use crate::util::{fixture, TestDir};

#[test]
fn import_creates_people_courses_and_the_unit_tree() {
    let dir = TestDir::new();
    let out = dir.import_fixture("small.json");
    assert!(
        out.contains("4 created"),
        "report names the people created: {out}"
    );
    let stats = dir.stats();
    assert_eq!(stats["people"], 4);
    assert_eq!(stats["courses"], 2);
    assert_eq!(stats["attendances"], 3);
    // Børn og Familie, Myndighed, Team Øst, SSP, Sundhedsplejen, Jobcenter, Ungeindsats
    assert_eq!(stats["units"], 7);

    let profile: Value = serde_json::from_str(&dir.run_ok(&["person", "show", "t-001", "--json"])).unwrap();
    assert_eq!(
        profile["units"],
        serde_json::json!(["Børn og Familie", "Myndighed", "Team Øst"])
    );
    assert_eq!(profile["skills"][0]["name"], "Børnefaglig undersøgelse");
    assert_eq!(profile["skills"][0]["level_name"], "Ekspert");
    assert_eq!(profile["skills"][1]["can_mentor"], true);
}

#[test]
fn importing_the_same_bundle_twice_changes_nothing() {
    let dir = TestDir::new();
    dir.import_fixture("small.json");
    let before = dir.stats();
    let exported_before = dir.export();
    let out = dir.import_fixture("small.json");
    assert!(
        out.contains("already up to date"),
        "second import reports no change: {out}"
    );
    assert_eq!(
        dir.stats()["change_seq"],
        before["change_seq"],
        "no change number was taken"
    );
    assert_eq!(dir.export(), exported_before);
}

#[test]
fn import_export_import_round_trips() {
    let first = TestDir::new();
    first.import_fixture("small.json");
    let exported = first.file("export.json");
    first.run_ok(&["export", exported.to_str().unwrap()]);

    let original: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("small.json")).unwrap()).unwrap();
    let written: Value = serde_json::from_str(&std::fs::read_to_string(&exported).unwrap()).unwrap();
    assert_eq!(
        written["people"], original["people"],
        "people survive export unchanged"
    );
    assert_eq!(
        written["courses"], original["courses"],
        "courses survive export unchanged"
    );

    // Re-importing the export into the same directory is a no-op …
    let seq = first.stats()["change_seq"].clone();
    first.run_ok(&["import", exported.to_str().unwrap()]);
    assert_eq!(first.stats()["change_seq"], seq);

    // … and into a fresh one gives the same directory.
    let second = TestDir::new();
    second.run_ok(&["import", exported.to_str().unwrap()]);
    assert_eq!(second.export(), first.export());
}

#[test]
fn a_changed_record_is_updated_and_found_by_its_new_text() {
    let dir = TestDir::new();
    dir.import_fixture("small.json");
    let mut bundle: Value =
        serde_json::from_str(&std::fs::read_to_string(fixture("small.json")).unwrap()).unwrap();
    bundle["people"][3]["bio"] = Value::from("Har stor erfaring med fleksjob og ressourceforløb.");
    bundle["people"] = Value::Array(vec![bundle["people"][3].clone()]);
    bundle["courses"] = Value::Array(vec![]);
    let path = dir.write("update.json", &bundle.to_string());
    let out = dir.run_ok(&["import", path.to_str().unwrap()]);
    assert!(out.contains("1 updated"), "{out}");
    assert_eq!(crate::util::ids(&dir.search("fleksjob")), vec!["t-004"]);
    assert_eq!(
        dir.stats()["people"],
        4,
        "a partial bundle leaves the others alone"
    );
}

#[test]
fn dry_run_reports_counts_and_writes_nothing() {
    let dir = TestDir::new();
    let out = dir.run_ok(&["import", "--dry-run", fixture("small.json").to_str().unwrap()]);
    assert!(
        out.contains("nothing was written") && out.contains("4 created"),
        "{out}"
    );
    assert_eq!(dir.stats()["people"], 0);
    assert_eq!(dir.stats()["change_seq"], 0);
}

#[test]
fn export_to_stdout_is_a_valid_bundle() {
    let dir = TestDir::new();
    dir.import_fixture("small.json");
    let bundle = dir.export();
    assert_eq!(bundle["format"], "hvemved-bundle");
    assert_eq!(bundle["version"], 1);
    assert_eq!(bundle["people"].as_array().unwrap().len(), 4);
}

#[test]
fn every_import_is_in_the_audit_log_with_who_ran_it_and_what_it_wrote() {
    let dir = TestDir::new();
    dir.import_fixture("small.json");
    dir.run_ok(&["import", fixture("small.json").to_str().unwrap(), "--dry-run"]);
    let people = dir.write(
        "nye.csv",
        "Medarbejdernummer;Navn;Stilling\nn-1;Nina Nielsen;Sundhedsplejerske\n",
    );
    dir.run_ok(&["--as", "hr", "import", people.to_str().unwrap()]);

    let log: Value = serde_json::from_str(&dir.run_ok(&["audit", "--json"])).unwrap();
    let imports: Vec<(String, String)> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "imported")
        .map(|e| {
            (
                e["actor"].as_str().unwrap().to_string(),
                e["detail"].as_str().unwrap().to_string(),
            )
        })
        .collect();
    // Newest first; the preview wrote nothing and is not logged.
    assert_eq!(imports.len(), 2, "{imports:?}");
    assert_eq!(imports[0].0, "hr");
    assert_eq!(imports[0].1, "nye.csv: people: 1 created, 0 updated");
    assert!(
        imports[1].1.starts_with("bundle: 4 people created, 0 updated;"),
        "{imports:?}"
    );
}
