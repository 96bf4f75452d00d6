//! The duty to share after a course, through the core's command list and the
//! CLI: planning and recording share-backs, the overdue and upcoming lists,
//! the policy, refusals that write nothing, and states that survive a
//! re-import of the directory.

use hvemved_core::api::{dispatch, Directory};
use serde_json::{json, Value};

use crate::util::{api_directory, call, TestDir};

fn directory() -> (tempfile::TempDir, Directory) {
    api_directory("small.json")
}

fn states(directory: &mut Directory, person: &str) -> Vec<(String, String)> {
    call(directory, "shareback_list", json!({ "person": person }))["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| {
            (
                i["course_id"].as_str().unwrap().to_string(),
                i["state"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

#[test]
fn an_attendance_starts_pending_and_is_overdue_after_the_policy_days() {
    let (_root, mut d) = directory();
    let list = call(&mut d, "shareback_list", json!({}));
    assert_eq!(list["policy_days"], 30);
    let items = list["items"].as_array().unwrap();
    assert_eq!(items.len(), 3, "one row per attendance: {items:?}");
    let k2 = items
        .iter()
        .find(|i| i["person_id"] == "t-002" && i["course_id"] == "k-002")
        .unwrap();
    assert_eq!(k2["state"], "afventer");
    // The deadline runs from the course's last day.
    assert_eq!(k2["due"], "2024-12-06");
    assert_eq!(k2["overdue"], true);
    let overdue = call(&mut d, "shareback_list", json!({ "overdue": true }));
    assert_eq!(overdue["items"].as_array().unwrap().len(), 3);
}

#[test]
fn planning_and_then_sharing_moves_an_attendance_through_its_states() {
    let (_root, mut d) = directory();
    let planned = call(
        &mut d,
        "shareback_set",
        json!({"person": "t-002", "course": "k-002", "state": "planlagt", "date": "2099-01-15",
               "forum": "teammøde torsdag"}),
    );
    assert_eq!(planned["state"], "planlagt");
    assert_eq!(planned["overdue"], false, "a session is planned for the future");
    let upcoming = call(&mut d, "shareback_list", json!({ "upcoming": true }));
    let upcoming = upcoming["items"].as_array().unwrap();
    assert_eq!(upcoming.len(), 1);
    assert_eq!(upcoming[0]["forum"], "teammøde torsdag");

    let shared = call(
        &mut d,
        "shareback_set",
        json!({"person": "t-002", "course": "k-002", "state": "delt", "date": "2024-11-20",
               "forum": "personalemøde", "note": "Delte slides og litteraturliste."}),
    );
    assert_eq!(shared["state"], "delt");
    assert_eq!(shared["overdue"], false);
    let pending = call(
        &mut d,
        "shareback_list",
        json!({ "person": "t-002", "pending": true }),
    );
    assert!(pending["items"].as_array().unwrap().is_empty());

    // The course report shows where and when it was presented.
    let courses = call(&mut d, "course_list", json!({ "query": "" }));
    let course = courses
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == "k-002")
        .unwrap();
    let attendee = course["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .find(|a| a["id"] == "t-002")
        .unwrap();
    assert_eq!(attendee["share_back"]["state"], "delt");
    assert_eq!(attendee["share_back"]["forum"], "personalemøde");
}

#[test]
fn refused_share_backs_name_the_record_and_write_nothing() {
    let (_root, mut d) = directory();
    let before = states(&mut d, "t-002");
    for (args, expected) in [
        (
            json!({"person": "t-002", "course": "k-002", "state": "planlagt", "date": "2099-01-15"}),
            "needs a forum",
        ),
        (
            json!({"person": "t-002", "course": "k-002", "state": "delt"}),
            "needs the date",
        ),
        (
            json!({"person": "t-002", "course": "k-002", "state": "planlagt", "date": "15-01-2099",
                   "forum": "x"}),
            "is not a date",
        ),
        (
            json!({"person": "t-001", "course": "k-002", "state": "delt", "date": "2024-11-20"}),
            "not an attendee",
        ),
        (
            json!({"person": "t-002", "course": "k-002", "state": "afsluttet"}),
            "bad request",
        ),
    ] {
        let error = dispatch(&mut d, "shareback_set", args.clone())
            .unwrap_err()
            .to_string();
        assert!(error.contains(expected), "{args}: {error}");
        if !error.contains("bad request") {
            assert!(
                error.contains("t-0") && error.contains("k-002"),
                "names the record: {error}"
            );
        }
    }
    assert_eq!(states(&mut d, "t-002"), before);
    let error = dispatch(&mut d, "shareback_policy_set", json!({"days": 0})).unwrap_err();
    assert!(error.to_string().contains("between 1 and 365"), "{error}");
}

#[test]
fn a_longer_policy_clears_what_was_overdue() {
    let (_root, mut d) = directory();
    call(&mut d, "shareback_policy_set", json!({"days": 365}));
    let list = call(&mut d, "shareback_list", json!({}));
    assert_eq!(list["policy_days"], 365);
    let k1 = &list["items"]
        .as_array()
        .unwrap()
        .iter()
        .find(|i| i["course_id"] == "k-001")
        .unwrap()
        .clone();
    assert_eq!(k1["due"], "2026-03-12");
}

#[test]
fn share_back_states_survive_exporting_and_reimporting_the_directory() {
    let (root, mut d) = directory();
    call(
        &mut d,
        "shareback_set",
        json!({"person": "t-003", "course": "k-001", "state": "delt", "date": "2025-03-20"}),
    );
    let bundle = call(&mut d, "export_bundle", json!({}));
    let file = root.path().join("again.json");
    std::fs::write(&file, bundle.to_string()).unwrap();
    call(
        &mut d,
        "import_bundle",
        json!({ "bundle": std::fs::read_to_string(&file).unwrap() }),
    );
    assert_eq!(
        states(&mut d, "t-003"),
        vec![("k-001".to_string(), "delt".to_string())]
    );
}

#[test]
fn the_cli_lists_and_records_share_backs() {
    let dir = TestDir::new();
    dir.import_fixture("small.json");
    let out = dir.run_ok(&["shareback", "list", "--overdue"]);
    assert!(
        out.contains("OVERSKREDET") && out.contains("3 share-backs, 3 overdue"),
        "{out}"
    );
    let out = dir.run_ok(&[
        "shareback",
        "set",
        "t-004",
        "k-002",
        "planlagt",
        "--date",
        "2099-02-01",
        "--forum",
        "faglig café",
    ]);
    assert!(out.contains("planlagt 2099-02-01 (faglig café)"), "{out}");
    let listed: Value =
        serde_json::from_str(&dir.run_ok(&["shareback", "list", "--upcoming", "--json"])).unwrap();
    assert_eq!(listed["items"][0]["person_id"], "t-004");

    let refused = dir
        .hvemved()
        .args([
            "shareback",
            "set",
            "t-004",
            "k-002",
            "planlagt",
            "--date",
            "2099-02-01",
        ])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("t-004") && stderr.contains("needs a forum"),
        "{stderr}"
    );

    assert!(dir.run_ok(&["shareback", "policy", "14"]).contains("14 days"));
    assert!(dir.run_ok(&["shareback", "policy"]).contains("14 days"));
}

#[test]
fn the_demo_municipality_has_shared_overdue_and_upcoming_share_backs() {
    let dir = TestDir::new();
    dir.run_ok(&["demo"]);
    let list = |args: &[&str]| -> Vec<Value> {
        let mut all = vec!["shareback", "list", "--json"];
        all.extend_from_slice(args);
        let value: Value = serde_json::from_str(&dir.run_ok(&all)).unwrap();
        value["items"].as_array().unwrap().clone()
    };
    let everything = list(&[]);
    let shared = everything.iter().filter(|i| i["state"] == "delt").count();
    assert!(
        shared * 2 > everything.len(),
        "most attendees of older courses have shared"
    );
    assert!(!list(&["--overdue"]).is_empty());
    let upcoming = list(&["--upcoming"]);
    assert!(
        upcoming.len() >= 3,
        "sessions colleagues can join: {}",
        upcoming.len()
    );
    let dates: Vec<&str> = upcoming.iter().map(|i| i["date"].as_str().unwrap()).collect();
    let mut sorted = dates.clone();
    sorted.sort();
    assert_eq!(dates, sorted, "soonest first");
    let in_unit = list(&["--unit", "Børn og Familie"]);
    assert!(!in_unit.is_empty());
    assert!(in_unit
        .iter()
        .all(|i| i["unit"].as_str().unwrap().starts_with("Børn og Familie")));
}
