//! Meeting across silos through the core's command list and the CLI: lunch
//! suggestions only between opted-in colleagues who share no unit, course or
//! initiative, rotating so that everyone gets a turn before anyone comes
//! again; mentors and mentees by thesaurus concept; units for a day of job
//! rotation.

use std::collections::HashSet;

use hvemved_core::api::{dispatch, Directory};
use serde_json::{json, Value};

use crate::util::{api_demo_directory, call, TestDir};

fn opt_in(d: &mut Directory, person: &str, on: bool) {
    call(d, "person_update", json!({"id": person, "lunch_opt_in": on}));
}

#[test]
fn lunch_partners_share_nothing_and_everyone_gets_a_turn_before_anyone_again() {
    let (_root, mut d) = api_demo_directory();
    let me = "p-0081";
    let refused = dispatch(&mut d, "suggest_lunch", json!({"person": me}));
    assert!(refused
        .unwrap_err()
        .to_string()
        .contains("has not asked for lunch suggestions"));
    opt_in(&mut d, me, true);
    let profile = call(&mut d, "person_show", json!({"id": me}));
    assert_eq!(profile["lunch_opt_in"], true);
    let my_unit = profile["department"].as_str().unwrap().to_string();
    let my_courses: HashSet<String> = profile["courses"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_str().unwrap().to_string())
        .collect();

    let first = call(&mut d, "suggest_lunch", json!({"person": me}));
    let candidates = first["candidates"].as_u64().unwrap() as usize;
    assert!(
        candidates > 20,
        "the demo has colleagues who want lunch: {candidates}"
    );
    let mut seen = Vec::new();
    let mut suggestion = first;
    for _ in 0..candidates {
        let partner = suggestion["partner"]["id"].as_str().unwrap().to_string();
        assert_eq!(
            suggestion["first_time"], true,
            "no one twice before everyone once"
        );
        assert!(!seen.contains(&partner));
        let theirs = call(&mut d, "person_show", json!({"id": partner}));
        assert_eq!(theirs["lunch_opt_in"], true);
        let unit = theirs["department"].as_str().unwrap_or("");
        assert!(
            !unit.starts_with(&my_unit) && !my_unit.starts_with(unit),
            "{unit}"
        );
        assert!(theirs["courses"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| !my_courses.contains(c["id"].as_str().unwrap())));
        seen.push(partner);
        suggestion = call(&mut d, "suggest_lunch", json!({"person": me}));
    }
    assert_eq!(
        suggestion["first_time"], false,
        "a second round once everyone has had a turn"
    );

    // Someone who opts out is never suggested.
    let partner = seen[0].clone();
    opt_in(&mut d, &partner, false);
    for _ in 0..candidates {
        let s = call(&mut d, "suggest_lunch", json!({"person": me}));
        assert_ne!(s["partner"]["id"], partner.as_str());
    }
}

#[test]
fn a_shared_initiative_means_they_already_know_each_other() {
    let (_root, mut d) = api_demo_directory();
    let me = "p-0081";
    opt_in(&mut d, me, true);
    let first = call(&mut d, "suggest_lunch", json!({"person": me}));
    let partner = first["partner"]["id"].as_str().unwrap().to_string();
    call(
        &mut d,
        "initiative_save",
        json!({"initiative": {"kind": "netvaerk", "name": "Frokostklubben",
            "members": [{"person": me, "role": "tovholder"}, {"person": partner, "role": "medlem"}]}}),
    );
    let after = call(&mut d, "suggest_lunch", json!({"person": me}));
    assert_eq!(
        after["candidates"].as_u64().unwrap() + 1,
        first["candidates"].as_u64().unwrap()
    );
}

fn holders(matches: &Value) -> Vec<(String, Vec<String>)> {
    matches
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let people = m["people"]
                .as_array()
                .unwrap()
                .iter()
                .map(|p| p["id"].as_str().unwrap().to_string())
                .collect();
            (m["concept"].as_str().unwrap().to_string(), people)
        })
        .collect()
}

#[test]
fn mentors_and_mentees_meet_by_concept_and_level() {
    let (_root, mut d) = api_demo_directory();
    // A learner of mentalisering, typed in English; two mentors, one below level 4.
    call(
        &mut d,
        "person_skill_set",
        json!({"id": "p-0001", "skill": "mentalization", "level": 1, "wants_to_learn": true}),
    );
    call(
        &mut d,
        "person_skill_set",
        json!({"id": "p-0200", "skill": "Mentalisering", "level": 5, "can_mentor": true}),
    );
    call(
        &mut d,
        "person_skill_set",
        json!({"id": "p-0201", "skill": "Mentalisering", "level": 3, "can_mentor": true}),
    );
    let learner = call(
        &mut d,
        "suggest_mentor",
        json!({"person": "p-0001", "concept": "mentalisering"}),
    );
    let mentors = holders(&learner["mentors"]);
    assert_eq!(mentors.len(), 1);
    assert_eq!(mentors[0].0, "mentalisering");
    assert!(mentors[0].1.contains(&"p-0200".to_string()));
    assert!(
        !mentors[0].1.contains(&"p-0201".to_string()),
        "level 3 does not mentor"
    );
    for m in learner["mentors"][0]["people"].as_array().unwrap() {
        assert!(m["level"].as_u64().unwrap() >= 4);
    }
    let mentor = call(&mut d, "suggest_mentor", json!({"person": "p-0200"}));
    assert!(holders(&mentor["mentees"])
        .iter()
        .any(|(concept, people)| concept == "mentalisering" && people.contains(&"p-0001".to_string())));
}

#[test]
fn rotation_suggests_other_units_that_work_with_ones_skills_and_wishes() {
    let (_root, mut d) = api_demo_directory();
    let profile = call(&mut d, "person_show", json!({"id": "p-0081"}));
    let own = profile["department"].as_str().unwrap().to_string();
    call(
        &mut d,
        "person_skill_set",
        json!({"id": "p-0081", "skill": "Demens", "level": 1, "wants_to_learn": true}),
    );
    let units = call(&mut d, "suggest_rotation", json!({"person": "p-0081"}));
    let units = units.as_array().unwrap();
    assert!(!units.is_empty() && units.len() <= 3);
    for unit in units {
        let name = unit["unit"].as_str().unwrap();
        assert!(!name.starts_with(&own) && !own.starts_with(name), "{name}");
        assert!(!unit["concepts"].as_array().unwrap().is_empty());
        assert!(unit["contact"]["id"].is_string());
    }
    assert!(
        units
            .iter()
            .any(|u| u["concepts"].as_array().unwrap().iter().any(|c| c == "Demens")),
        "a wish weighs double: {units:?}"
    );
}

#[test]
fn the_cli_suggests_lunch_mentors_and_rotation() {
    let dir = TestDir::new();
    dir.run_ok(&["demo"]);
    let refused = dir
        .hvemved()
        .args(["suggest", "lunch", "p-0081"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    let lunch = dir.run_ok(&["suggest", "lunch", "p-0081", "--opt-in"]);
    assert!(lunch.starts_with("Lunch with "), "{lunch}");
    let json: Value = serde_json::from_str(&dir.run_ok(&["suggest", "lunch", "p-0081", "--json"])).unwrap();
    assert!(
        !lunch.contains(json["partner"]["id"].as_str().unwrap()),
        "a new name the second time"
    );
    assert!(dir
        .run_ok(&["suggest", "lunch", "p-0081", "--opt-out"])
        .contains("No more lunch suggestions"));
    let rotation = dir.run_ok(&["suggest", "rotation", "p-0081"]);
    assert!(rotation.contains("  ask "), "{rotation}");
    let mentor: Value =
        serde_json::from_str(&dir.run_ok(&["suggest", "mentor", "p-0081", "--json"])).unwrap();
    assert!(mentor["mentees"].is_array() && mentor["mentors"].is_array());
}
