//! Searching from the command line finds people by what they know, with
//! the evidence, and never fails on odd input.

use crate::util::{ids, TestDir};

fn directory() -> TestDir {
    let dir = TestDir::new();
    dir.import_fixture("small.json");
    dir
}

#[test]
fn finds_a_person_by_a_skill_with_the_skill_as_evidence() {
    let dir = directory();
    let found = dir.search("mentalisering");
    assert_eq!(ids(&found)[0], "t-001");
    let evidence = &found["results"][0]["evidence"];
    assert_eq!(evidence[0]["kind"], "skill");
    assert_eq!(evidence[0]["text"], "Mentalisering (niveau 4, specialist)");
}

#[test]
fn finds_a_person_by_a_word_in_a_course_they_attended() {
    let dir = directory();
    // Only the course summary of k-001 speaks of "overgangen til voksenlivet".
    let found = dir.search("voksenlivet");
    assert_eq!(ids(&found), vec!["t-003"]);
    assert_eq!(found["results"][0]["evidence"][0]["kind"], "course");
    assert_eq!(
        found["results"][0]["evidence"][0]["text"],
        "Temadag om efterværn for unge (2025-03-12)"
    );
}

#[test]
fn finds_base_forms_from_inflected_queries() {
    let dir = directory();
    assert_eq!(ids(&dir.search("mentaliseringen"))[0], "t-001");
    assert_eq!(ids(&dir.search("undersøgelserne"))[0], "t-001");
    assert!(ids(&dir.search("efterværnet")).contains(&"t-003".to_string()));
}

#[test]
fn danish_letters_typed_in_ascii_still_match() {
    let dir = directory();
    assert!(ids(&dir.search("eftervaern")).contains(&"t-003".to_string()));
    assert_eq!(ids(&dir.search("boernefaglig"))[0], "t-001");
}

#[test]
fn the_json_output_follows_the_spec() {
    let dir = directory();
    let found = dir.search("hash");
    assert_eq!(found["query"], "hash");
    let first = &found["results"][0];
    assert_eq!(first["id"], "t-002");
    assert_eq!(first["name"], "Omar Haddad");
    assert_eq!(first["title"], "SSP-konsulent");
    assert_eq!(first["department"], "Børn og Familie / SSP");
    assert!(first["score"].as_f64().unwrap() > 0.0);
    let kinds: Vec<&str> = first["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["kind"].as_str().unwrap())
        .collect();
    assert!(
        kinds.contains(&"course"),
        "the conference summary speaks of hash: {kinds:?}"
    );
}

#[test]
fn bio_evidence_highlights_the_matching_word() {
    let dir = directory();
    let found = dir.search("forældre");
    let bio = found["results"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|r| r["evidence"].as_array().unwrap())
        .find(|e| e["kind"] == "bio")
        .expect("a bio matched");
    assert!(bio["text"].as_str().unwrap().contains("<b>forældre</b>"), "{bio}");
}

#[test]
fn limit_caps_the_list() {
    let dir = directory();
    let out = dir.run_ok(&["search", "unge", "--json", "--limit", "1"]);
    let found: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(found["results"].as_array().unwrap().len(), 1);
}

#[test]
fn the_human_readable_table_shows_names_and_evidence() {
    let dir = directory();
    let out = dir.run_ok(&["search", "hvem", "ved", "noget", "om", "mentalisering"]);
    assert!(
        out.contains(" 1. Maja Kjærgaard - Familierådgiver, Børn og Familie / Myndighed / Team Øst"),
        "{out}"
    );
    assert!(
        out.contains("skill:  Mentalisering (niveau 4, specialist)"),
        "{out}"
    );
}

#[test]
fn no_input_makes_search_fail() {
    let dir = directory();
    let parens = "(".repeat(10_000);
    for query in [
        "\"unbalanced",
        "AND OR",
        "name:",
        "- *",
        parens.as_str(),
        "\u{7}\t\r",
        "💥 ☃",
        "'; DROP TABLE people; --",
    ] {
        let output = dir.hvemved().args(["search", query, "--json"]).output().unwrap();
        assert!(
            output.status.success(),
            "query {query:.30} failed: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        let found: serde_json::Value = serde_json::from_slice(&output.stdout).unwrap();
        assert!(found["results"].is_array());
    }
    assert_eq!(dir.stats()["people"], 4);
}

#[test]
fn nothing_found_is_said_plainly() {
    let dir = directory();
    let out = dir.run_ok(&["search", "astrofysik"]);
    assert!(out.contains("No one matched \"astrofysik\""), "{out}");
}

/// Hundreds hold the same skill, so their skill entries score the same as
/// text; the few at the highest level come last in the file. They must
/// still come first: a document's level weighs in when the documents to
/// rank people by are chosen, not only after.
#[test]
fn the_few_experts_among_hundreds_with_the_same_skill_come_first() {
    const HOLDERS: usize = 900;
    let person = |id: String, level: u8| {
        serde_json::json!({
            "id": id,
            "name": format!("Medarbejder {id}"),
            "title": "Sagsbehandler",
            "department": "Borgerservice",
            "skills": [{ "name": "Mentalisering", "level": level }],
        })
    };
    let mut people: Vec<serde_json::Value> = (0..HOLDERS).map(|i| person(format!("m-{i:03}"), 2)).collect();
    let experts: Vec<String> = (0..4).map(|i| format!("x-{i}")).collect();
    people.extend(experts.iter().map(|id| person(id.clone(), 5)));
    let bundle = serde_json::json!({ "format": "hvemved-bundle", "version": 1, "people": people });
    let dir = TestDir::new();
    let file = dir.write("mange.json", &bundle.to_string());
    dir.run_ok(&["import", file.to_str().unwrap()]);

    let found = dir.search("mentalisering");
    let mut first: Vec<String> = ids(&found)[..experts.len()].to_vec();
    first.sort();
    assert_eq!(first, experts, "the level 5 holders first: {:?}", ids(&found));
    assert!(
        found["total"].as_u64().unwrap() > 300,
        "many are found: {}",
        found["total"]
    );
}
