//! The core's command list as every face calls it (`api::dispatch` with
//! JSON), on a real directory: editing a profile and skills, writing a
//! course report, suggestions, and clearing the demo data — each change
//! visible in search at once.

use hvemved_core::api::{dispatch, Directory, COMMANDS};
use serde_json::json;

use crate::util::{api_directory, call, ids};

fn directory() -> (tempfile::TempDir, Directory) {
    api_directory("small.json")
}

#[test]
fn every_command_has_a_unique_name_and_a_summary() {
    let mut names: Vec<&str> = COMMANDS.iter().map(|c| c.name).collect();
    assert!(COMMANDS.iter().all(|c| !c.summary.is_empty()));
    names.sort();
    names.dedup();
    assert_eq!(names.len(), COMMANDS.len());
}

#[test]
fn an_edited_skill_is_found_by_search_at_once() {
    let (_root, mut d) = directory();
    let profile = call(
        &mut d,
        "person_skill_set",
        json!({"id": "t-004", "skill": "Fleksjob", "level": 4, "can_mentor": true}),
    );
    let skill = profile["skills"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Fleksjob")
        .unwrap();
    assert_eq!(skill["source"], "selv");
    assert_eq!(skill["level_name"], "Specialist");
    assert_eq!(
        ids(&call(&mut d, "search", json!({"query": "fleksjob"}))),
        vec!["t-004"]
    );

    call(
        &mut d,
        "person_skill_remove",
        json!({"id": "t-004", "skill": "Fleksjob"}),
    );
    assert!(ids(&call(&mut d, "search", json!({"query": "fleksjob"}))).is_empty());
}

#[test]
fn ranking_and_evidence_follow_edits_in_a_directory_kept_open() {
    // The first search reads the index's segment into memory; the edit adds
    // a segment, which the next search must read too.
    let (_root, mut d) = directory();
    let before = call(&mut d, "search", json!({"query": "mentalisering"}));
    assert!(!ids(&before).contains(&"t-004".to_string()));
    call(
        &mut d,
        "person_skill_set",
        json!({"id": "t-004", "skill": "Mentalisering", "level": 5}),
    );
    let after = call(&mut d, "search", json!({"query": "mentalisering"}));
    let hit = after["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|h| h["id"] == "t-004")
        .unwrap_or_else(|| panic!("t-004 is found after the edit: {after}"));
    assert_eq!(hit["evidence"][0]["kind"], "skill");
    assert!(
        hit["evidence"][0]["text"].as_str().unwrap().contains("niveau 5"),
        "{hit}"
    );
    for earlier in ids(&before) {
        assert!(ids(&after).contains(&earlier), "{earlier} is still found");
    }
}

#[test]
fn an_edited_bio_is_found_and_cleared() {
    let (_root, mut d) = directory();
    call(
        &mut d,
        "person_update",
        json!({"id": "t-003", "bio": "Spørg mig om ammevejledning.", "phone": "+45 11 22 33 44"}),
    );
    assert_eq!(
        ids(&call(&mut d, "search", json!({"query": "ammevejledning"}))),
        vec!["t-003"]
    );
    let profile = call(&mut d, "person_update", json!({"id": "t-003", "bio": ""}));
    assert!(profile["bio"].is_null());
    assert_eq!(profile["phone"], "+45 11 22 33 44", "fields not given stay");
}

#[test]
fn a_bad_level_or_unknown_person_is_refused_with_a_clear_error() {
    let (_root, mut d) = directory();
    let e = dispatch(
        &mut d,
        "person_skill_set",
        json!({"id": "t-001", "skill": "X", "level": 7}),
    )
    .unwrap_err();
    assert_eq!(e.kind(), "invalid_input");
    assert!(e.to_string().contains("level 7"));
    let e = dispatch(&mut d, "person_show", json!({"id": "nobody"})).unwrap_err();
    assert_eq!(e.kind(), "not_found");
    let e = dispatch(&mut d, "no_such_command", json!({})).unwrap_err();
    assert!(e.to_string().contains("no_such_command"));
}

#[test]
fn a_course_report_makes_its_attendees_findable_and_records_its_author() {
    let (_root, mut d) = directory();
    let saved = call(
        &mut d,
        "course_save",
        json!({"course": {
            "title": "Konference om ensomhed blandt ældre",
            "kind": "konference",
            "date": "2026-10-01",
            "summary": "Besøgsvenner og fællesspisning virker mod ensomhed.",
            "attendees": ["t-001"],
            "authors": ["t-004"],
            "skills": ["Ensomhed"]
        }}),
    );
    let id = saved["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("c-"));
    let roles: Vec<(String, String)> = saved["attendees"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| {
            (
                a["id"].as_str().unwrap().into(),
                a["role"].as_str().unwrap().into(),
            )
        })
        .collect();
    assert!(
        roles.contains(&("t-004".into(), "rapportforfatter".into())),
        "{roles:?}"
    );
    let found = ids(&call(&mut d, "search", json!({"query": "fællesspisning"})));
    assert_eq!(found.len(), 2);
    assert_eq!(found[0], "t-004", "the author ranks above a participant");

    let listed = call(&mut d, "course_list", json!({"query": "ensomhed"}));
    assert_eq!(listed[0]["id"], id.as_str());

    let bad = dispatch(
        &mut d,
        "course_save",
        json!({"course": {"title": "", "date": "1. oktober", "attendees": ["ghost"]}}),
    )
    .unwrap_err();
    let message = bad.to_string();
    assert!(
        message.contains("\"title\"") && message.contains("ISO date") && message.contains("ghost"),
        "{message}"
    );
}

#[test]
fn suggestions_offer_existing_skills_first_then_thesaurus_terms() {
    let (_root, mut d) = directory();
    let found = call(&mut d, "skill_suggest", json!({"prefix": "menta"}));
    let first = &found[0];
    assert_eq!(first["name"], "Mentalisering");
    assert_eq!(first["known"], true);
    assert_eq!(first["people"], 1);
    assert!(
        found.as_array().unwrap().iter().any(|s| s["known"] == false),
        "{found}"
    );
    let people = call(&mut d, "people_suggest", json!({"prefix": "øst"}));
    assert_eq!(people[0]["id"], "t-004", "a surname matches too: {people}");
}

#[test]
fn clearing_the_directory_removes_everyone_and_leaves_tombstones() {
    let (root, mut d) = directory();
    let stats = call(&mut d, "clear_directory", json!({}));
    assert_eq!(stats["people"], 0);
    assert_eq!(stats["units"], 0);
    assert!(ids(&call(&mut d, "search", json!({"query": "mentalisering"}))).is_empty());
    drop(d);
    let conn = rusqlite_count(&root.path().join("data/hvemved.sqlite"));
    assert_eq!(conn, 6, "4 people and 2 courses are recorded as deleted");
}

fn rusqlite_count(path: &std::path::Path) -> i64 {
    let conn = rusqlite::Connection::open(path).unwrap();
    conn.query_row("SELECT count(*) FROM deletions", [], |r| r.get(0))
        .unwrap()
}
