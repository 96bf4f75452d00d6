//! The employee's rights over their data, through the real CLI: "Mine data"
//! with the log of who looked them up, an append-only audit log, and an
//! erasure after which their data is in none of the directory's files.

use serde_json::Value;

use crate::util::{call, files_containing, ids, TestDir};

/// A word nobody else has, in the erased person's name and bio.
const TOKEN: &str = "Qwxzvyntorp";

/// A demo directory with one extra colleague carrying `TOKEN`, who has a
/// skill, attended a course and wrote a bio.
fn directory_with_token() -> TestDir {
    let dir = TestDir::new();
    dir.run_ok(&["demo"]);
    let people = dir.write(
        "hr.csv",
        &format!(
            "Medarbejdernummer;Navn;Stilling;E-mail\nx-777;Karen {TOKEN};Socialrådgiver;karen@kommune.dk\n"
        ),
    );
    dir.run_ok(&["import", people.to_str().unwrap()]);
    let skills = dir.write(
        "skills.csv",
        &format!("Medarbejdernummer;Kompetence;Niveau\nx-777;{TOKEN}metoden;4\n"),
    );
    dir.run_ok(&["import", skills.to_str().unwrap(), "--format", "skills-csv"]);
    let skill = format!("{TOKEN}metoden");
    dir.run_ok(&["--as", "employee:x-777", "person", "skill", "x-777", &skill]);
    let attendance = dir.write(
        "attendance.csv",
        "Kursus;Medarbejdernummer;Dato\nTraumebevidst praksis;x-777;2025-03-04\nTraumebevidst praksis;p-0001;2025-03-04\n",
    );
    dir.run_ok(&[
        "import",
        attendance.to_str().unwrap(),
        "--format",
        "attendance-csv",
    ]);
    dir
}

#[test]
fn mine_data_holds_every_table_and_who_looked_them_up() {
    let dir = directory_with_token();
    dir.run_ok(&["person", "show", "x-777"]);
    dir.run_ok(&["person", "show", "x-777"]);
    let file = dir.file("mine-data.json");
    dir.run_ok(&["person", "data", "x-777", "--out", file.to_str().unwrap()]);
    let data: Value = serde_json::from_str(&std::fs::read_to_string(&file).unwrap()).unwrap();
    let tables = &data["tables"];
    assert_eq!(tables["people"][0]["name"], format!("Karen {TOKEN}"));
    assert_eq!(tables["person_skills"][0]["skill"], format!("{TOKEN}metoden"));
    assert_eq!(tables["courses"][0]["title"], "Traumebevidst praksis");
    assert_eq!(tables["attendance"].as_array().unwrap().len(), 1);
    let views = data["audit_log"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "viewed_profile")
        .count();
    assert_eq!(views, 2, "{}", data["audit_log"]);

    let log: Value = serde_json::from_str(&dir.run_ok(&["audit", "--person", "x-777", "--json"])).unwrap();
    assert_eq!(
        log[0]["action"], "exported",
        "the export of their data is logged too"
    );
}

#[test]
fn the_audit_log_cannot_be_changed() {
    let dir = directory_with_token();
    dir.run_ok(&["person", "show", "x-777"]);
    let conn = rusqlite::Connection::open(dir.data().join("hvemved.sqlite")).unwrap();
    let update = conn.execute("UPDATE audit_log SET actor = 'nobody'", []);
    assert!(update.unwrap_err().to_string().contains("append-only"));
    let delete = conn.execute("DELETE FROM audit_log", []);
    assert!(delete.unwrap_err().to_string().contains("append-only"));
}

#[test]
fn an_erased_person_is_in_none_of_the_directory_files() {
    let dir = directory_with_token();
    assert_eq!(ids(&dir.search(&format!("{TOKEN}metoden"))), vec!["x-777"]);
    assert!(
        !files_containing(&dir.data(), TOKEN).is_empty(),
        "before the erasure the token is on disk (so the scan can see it)"
    );

    let refused = dir.hvemved().args(["person", "erase", "x-777"]).output().unwrap();
    assert_eq!(refused.status.code(), Some(1), "erasure needs --yes");

    let out = dir.run_ok(&["person", "erase", "x-777", "--yes"]);
    assert!(out.contains("Erased x-777"), "{out}");
    assert_eq!(files_containing(&dir.data(), TOKEN), Vec::<String>::new());
    assert!(ids(&dir.search(&format!("{TOKEN}metoden"))).is_empty());
    let profile = dir.hvemved().args(["person", "show", "x-777"]).output().unwrap();
    assert_eq!(profile.status.code(), Some(1));

    // The course report stays, counting a former employee; the other
    // attendee is still on it.
    let mut directory = hvemved_core::api::Directory::open(&dir.data()).unwrap();
    let courses = call(
        &mut directory,
        "course_list",
        serde_json::json!({"query": "traumebevidst"}),
    );
    let course = courses
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["title"] == "Traumebevidst praksis")
        .unwrap_or_else(|| panic!("the report stays: {courses}"));
    assert_eq!(course["former_attendees"], 1);
    assert_eq!(course["attendees"].as_array().unwrap().len(), 1);
    drop(directory);
    // The search after the erasure is logged after it.
    let log: Value = serde_json::from_str(&dir.run_ok(&["audit", "--json"])).unwrap();
    let last_about_anyone = log
        .as_array()
        .unwrap()
        .iter()
        .find(|e| !e["person"].is_null())
        .unwrap();
    assert_eq!(last_about_anyone["action"], "erased");
    assert_eq!(last_about_anyone["person"], "x-777");
}

/// The audit log's entries about one person, oldest first.
fn audit_about(dir: &TestDir, person: &str) -> Vec<Value> {
    let log: Value = serde_json::from_str(&dir.run_ok(&["audit", "--json"])).unwrap();
    let mut about: Vec<Value> = log
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["person"] == person)
        .cloned()
        .collect();
    about.reverse();
    about
}

#[test]
fn restoring_a_backup_made_before_an_erasure_erases_the_person_again() {
    let dir = directory_with_token();
    let backup = dir.file("before-the-erasure.sqlite");
    dir.run_ok(&["backup", backup.to_str().unwrap()]);
    let people_before = dir.stats()["people"].as_u64().unwrap();
    // After the backup: a colleague's profile is looked up, and x-777 erased.
    dir.run_ok(&["person", "show", "p-0002"]);
    dir.run_ok(&["person", "erase", "x-777", "--yes"]);

    let out = dir.run_ok(&["restore", backup.to_str().unwrap()]);
    assert!(out.contains("Erased again") && out.contains("x-777"), "{out}");

    assert_eq!(files_containing(&dir.data(), TOKEN), Vec::<String>::new());
    assert!(ids(&dir.search(&format!("{TOKEN}metoden"))).is_empty());
    let profile = dir.hvemved().args(["person", "show", "x-777"]).output().unwrap();
    assert_eq!(profile.status.code(), Some(1), "x-777 stays erased");
    assert_eq!(dir.stats()["people"].as_u64().unwrap(), people_before - 1);
    let report: Value = serde_json::from_str(&dir.run_ok(&["check", "--json"])).unwrap();
    assert_eq!(report["consistent"], true, "{report}");

    // The log still says what happened after the backup, and the erasure
    // made by the restore is logged with its reason.
    let looked_up: Vec<String> = audit_about(&dir, "p-0002")
        .iter()
        .map(|e| e["action"].as_str().unwrap().to_string())
        .collect();
    assert!(looked_up.contains(&"viewed_profile".to_string()), "{looked_up:?}");
    let erasures: Vec<Value> = audit_about(&dir, "x-777")
        .into_iter()
        .filter(|e| e["action"] == "erased")
        .collect();
    assert_eq!(erasures.len(), 2, "{erasures:?}");
    assert!(erasures[0]["detail"].is_null(), "{erasures:?}");
    let again = erasures[1]["detail"].as_str().unwrap();
    assert!(again.starts_with("slettet igen ved gendannelse"), "{again}");
    assert!(again.ends_with(erasures[0]["at"].as_str().unwrap()), "{again}");

    // Restoring the same backup once more erases x-777 once more, and
    // carries the log over without doubling it.
    let out = dir.run_ok(&["restore", backup.to_str().unwrap()]);
    assert!(out.contains("Erased again") && out.contains("x-777"), "{out}");
    let erasures = audit_about(&dir, "x-777")
        .into_iter()
        .filter(|e| e["action"] == "erased")
        .count();
    assert_eq!(erasures, 3);
    let looked_up = audit_about(&dir, "p-0002")
        .into_iter()
        .filter(|e| e["action"] == "viewed_profile")
        .count();
    assert_eq!(looked_up, 1);
}

#[test]
fn restoring_a_backup_made_after_a_colleague_returned_keeps_them() {
    let dir = directory_with_token();
    dir.run_ok(&["person", "erase", "x-777", "--yes"]);
    // Hired again under the same number, after the erasure.
    let people = dir.write(
        "rehired.csv",
        "Medarbejdernummer;Navn;Stilling;E-mail\nx-777;Karen Holm;Socialrådgiver;karen@kommune.dk\n",
    );
    dir.run_ok(&["import", people.to_str().unwrap()]);
    let backup = dir.file("after-the-return.sqlite");
    dir.run_ok(&["backup", backup.to_str().unwrap()]);

    let out = dir.run_ok(&["restore", backup.to_str().unwrap()]);
    assert!(!out.contains("Erased again"), "{out}");
    let profile = dir.run_ok(&["person", "show", "x-777"]);
    assert!(profile.contains("Karen Holm"), "{profile}");
}
