//! Every kind of bad bundle is refused with exit code 1, a message that names
//! the record and the problem, and the directory exactly as it was.

use serde_json::{json, Value};

use crate::util::{fixture, TestDir};

/// Imports `bundle` into a directory that already holds the small fixture and
/// returns stderr, after checking that the import failed with exit code 1 and
/// left the database untouched.
fn refused(bundle: &str) -> String {
    let dir = TestDir::new();
    dir.import_fixture("small.json");
    let before = (dir.stats(), dir.export());
    let path = dir.write("bad.json", bundle);
    let output = dir
        .hvemved()
        .args(["import", path.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(
        output.status.code(),
        Some(1),
        "bad input exits 1; stderr: {stderr}"
    );
    assert_eq!((dir.stats(), dir.export()), before, "nothing was written");
    stderr
}

fn small() -> Value {
    serde_json::from_str(&std::fs::read_to_string(fixture("small.json")).unwrap()).unwrap()
}

fn with(change: impl FnOnce(&mut Value)) -> String {
    let mut bundle = small();
    change(&mut bundle);
    bundle.to_string()
}

#[test]
fn malformed_json_names_line_and_column() {
    let stderr = refused("{\n  \"format\": \"hvemved-bundle\",\n  \"version\": 1,\n  \"people\": [ { \"id\": \"x\" \"name\": \"y\" } ]\n}");
    assert!(stderr.contains("line 4") && stderr.contains("column"), "{stderr}");
}

#[test]
fn wrong_format_or_version_is_refused() {
    let stderr = refused(&with(|b| b["format"] = json!("something-else")));
    assert!(
        stderr.contains("\"format\"") && stderr.contains("hvemved-bundle"),
        "{stderr}"
    );
    let stderr = refused(&with(|b| b["version"] = json!(2)));
    assert!(stderr.contains("\"version\" is 2"), "{stderr}");
    let stderr = refused("[1, 2, 3]");
    assert!(stderr.contains("JSON object"), "{stderr}");
}

#[test]
fn missing_required_fields_are_named() {
    let stderr = refused(&with(|b| {
        b["people"][1].as_object_mut().unwrap().remove("name");
        b["courses"][0].as_object_mut().unwrap().remove("title");
        b["people"][2].as_object_mut().unwrap().remove("id");
    }));
    assert!(
        stderr.contains("people[1] (id \"t-002\"): \"name\" is missing"),
        "{stderr}"
    );
    assert!(
        stderr.contains("courses[0] (id \"k-001\"): \"title\" is missing"),
        "{stderr}"
    );
    assert!(stderr.contains("people[2]: \"id\" is missing"), "{stderr}");
}

#[test]
fn levels_outside_one_to_five_are_refused() {
    for level in [json!(0), json!(6), json!("3"), json!(2.5), json!(-1)] {
        let stderr = refused(&with(|b| b["people"][0]["skills"][0]["level"] = level.clone()));
        assert!(
            stderr.contains("people[0] (id \"t-001\"): skill \"Mentalisering\" has level"),
            "level {level}: {stderr}"
        );
    }
}

#[test]
fn duplicate_ids_inside_the_bundle_are_refused() {
    let stderr = refused(&with(|b| {
        b["people"][2]["id"] = json!("t-001");
        b["courses"][1]["id"] = json!("k-001");
    }));
    assert!(
        stderr.contains("people[2] (id \"t-001\"): id \"t-001\" is already used by people[0]"),
        "{stderr}"
    );
    assert!(
        stderr.contains("courses[1] (id \"k-001\"): id \"k-001\" is already used by courses[0]"),
        "{stderr}"
    );
}

#[test]
fn an_attendee_that_exists_nowhere_is_refused() {
    let stderr = refused(&with(|b| {
        b["courses"][1]["attendees"] = json!(["t-002", "nobody-42"])
    }));
    assert!(
        stderr.contains("courses[1] (id \"k-002\"): attendee \"nobody-42\" is neither in this bundle nor in the directory"),
        "{stderr}"
    );
}

#[test]
fn non_iso_dates_are_refused() {
    for date in ["12-03-2024", "2024-3-12", "2024-02-30", "i går"] {
        let stderr = refused(&with(|b| b["courses"][0]["date"] = json!(date)));
        assert!(
            stderr.contains(&format!("\"date\" is \"{date}\", not an ISO date")),
            "{stderr}"
        );
    }
}

#[test]
fn every_invalid_record_is_listed_not_just_the_first() {
    let stderr = refused(&with(|b| {
        b["people"][0]["skills"][1]["level"] = json!(9);
        b["people"][3]["name"] = json!("   ");
        b["courses"][0]["date"] = json!("2025/03/12");
        b["courses"][1]["attendees"] = json!(["ghost"]);
    }));
    assert!(stderr.contains("4 invalid record(s)"), "{stderr}");
    for needle in ["people[0]", "people[3]", "courses[0]", "courses[1]"] {
        assert!(stderr.contains(needle), "{needle} is listed: {stderr}");
    }
}

#[test]
fn a_course_may_refer_to_people_imported_earlier() {
    let dir = TestDir::new();
    dir.import_fixture("small.json");
    let path = dir.write(
        "courses.json",
        &json!({"format": "hvemved-bundle", "version": 1, "courses": [
            {"id": "k-100", "title": "Kursus i motiverende samtale", "attendees": ["t-004"]}
        ]})
        .to_string(),
    );
    dir.run_ok(&["import", path.to_str().unwrap()]);
    assert_eq!(dir.stats()["courses"], 3);
}

#[test]
fn unknown_fields_are_ignored() {
    let dir = TestDir::new();
    let path = dir.write(
        "extra.json",
        &with(|b| {
            b["generator"] = json!("HR-system 4.2");
            b["people"][0]["shoe_size"] = json!(42);
        }),
    );
    dir.run_ok(&["import", path.to_str().unwrap()]);
    assert_eq!(dir.stats()["people"], 4);
}

#[test]
fn a_missing_file_is_a_clear_error() {
    let dir = TestDir::new();
    let output = dir
        .hvemved()
        .args(["import", "/no/such/bundle.json"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(2), "{stderr}");
    assert!(stderr.contains("/no/such/bundle.json"), "{stderr}");
}

#[test]
fn an_unusable_data_directory_is_an_internal_error_with_exit_code_2() {
    let dir = TestDir::new();
    let blocker = dir.write("not-a-directory", "x");
    let output = assert_cmd::Command::new(crate::util::hvemved_binary())
        .args(["--data-dir", blocker.to_str().unwrap(), "stats"])
        .output()
        .unwrap();
    assert_eq!(output.status.code(), Some(2));
    assert!(String::from_utf8(output.stderr)
        .unwrap()
        .contains("not-a-directory"));
}
