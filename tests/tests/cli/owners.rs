//! Knowledge owners through the core's command list and the CLI: naming an
//! owner and deputy, refusals that name the area and write nothing, the
//! owner listed first (and marked) when a search names the area, filters
//! still applying, and the demo's owners.

use hvemved_core::api::{dispatch, Directory};
use serde_json::{json, Value};

use crate::util::{api_demo_directory, call, ids, TestDir};

fn demo() -> (tempfile::TempDir, Directory) {
    api_demo_directory()
}

#[test]
fn a_named_owner_is_listed_first_and_marked_for_searches_of_the_area() {
    let (_root, mut d) = demo();
    let before = call(&mut d, "search", json!({"query": "efterværn", "limit": 10}));
    let ids = ids(&before);
    let chosen = ids[4].clone();
    let deputy = ids[1].clone();
    let named = call(
        &mut d,
        "owner_set",
        json!({"area": "eftervaern", "person": chosen, "deputy": deputy}),
    );
    assert_eq!(named["label"], "Efterværn");
    assert_eq!(named["kind"], "concept");
    assert_eq!(named["deputy"]["id"], deputy);

    // Typed in English, in ASCII or inflected: the query names the same concept.
    for query in ["efterværn", "aftercare", "eftervaernet"] {
        let after = call(&mut d, "search", json!({"query": query, "limit": 10}));
        let first = &after["results"][0];
        assert_eq!(first["id"], chosen, "{query}");
        assert_eq!(first["knowledge_owner"], "Efterværn", "{query}");
        assert_eq!(first["evidence"][0]["kind"], "owner", "{query}");
        assert_eq!(
            after["results"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|r| r["knowledge_owner"].is_string())
                .count(),
            1,
            "only the owner is marked"
        );
    }
    // Another area's search does not mark them.
    let other = call(&mut d, "search", json!({"query": "fleksjob", "limit": 10}));
    assert!(other["results"]
        .as_array()
        .unwrap()
        .iter()
        .all(|r| r["id"] != chosen || r["knowledge_owner"] != "Efterværn"));
}

#[test]
fn filters_still_apply_to_the_owner() {
    let (_root, mut d) = demo();
    let owner = &call(&mut d, "owner_list", json!({"area": "mentalisering"}))[0];
    let owner_id = owner["owner"]["id"].as_str().unwrap().to_string();
    let profile = call(&mut d, "person_show", json!({"id": owner_id}));
    let own = profile["units"][0].as_str().unwrap().to_string();
    let all = call(&mut d, "search", json!({"query": "mentalisering", "limit": 50}));
    let other = all["facets"]["departments"]
        .as_array()
        .unwrap()
        .iter()
        .map(|f| f["value"].as_str().unwrap().to_string())
        .find(|v| !v.contains(" / ") && *v != own)
        .expect("people in another forvaltning know about mentalisering");
    let search_in = |d: &mut Directory, department: &str| {
        call(
            d,
            "search",
            json!({"query": "mentalisering", "limit": 50, "filters": {"department": department}}),
        )
    };
    assert!(!ids(&search_in(&mut d, &other)).contains(&owner_id));
    assert_eq!(ids(&search_in(&mut d, &own))[0], owner_id);
}

#[test]
fn refused_owners_name_the_area_and_change_nothing() {
    let (_root, mut d) = demo();
    let before = call(&mut d, "owner_list", json!({}));
    for (args, expected) in [
        (
            json!({"area": "ukendt", "person": "p-0001"}),
            "not a thesaurus concept id or category id",
        ),
        (
            json!({"area": "ssp", "person": "p-9999"}),
            "no active person with id \"p-9999\" (owner)",
        ),
        (
            json!({"area": "ssp", "person": "p-0001", "deputy": "p-0001"}),
            "someone other than the owner",
        ),
        (
            json!({"area": "ssp", "person": "p-0001", "deputy": "nobody"}),
            "(deputy)",
        ),
    ] {
        let error = dispatch(&mut d, "owner_set", args.clone())
            .unwrap_err()
            .to_string();
        assert!(error.contains(expected), "{args}: {error}");
    }
    assert_eq!(call(&mut d, "owner_list", json!({})), before);
}

#[test]
fn a_category_owner_follows_the_concept_owner() {
    let (_root, mut d) = demo();
    let owners = call(&mut d, "owner_list", json!({}));
    let category = owners
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["kind"] == "category")
        .unwrap()
        .clone();
    assert_eq!(category["area"], "rusmidler");
    let concept_owner = owners
        .as_array()
        .unwrap()
        .iter()
        .find(|o| o["area"] == "hashmisbrug")
        .unwrap()
        .clone();
    let found = call(&mut d, "search", json!({"query": "hashmisbrug", "limit": 10}));
    assert_eq!(found["results"][0]["id"], concept_owner["owner"]["id"]);
    assert_eq!(found["results"][1]["id"], category["owner"]["id"]);
    assert_eq!(found["results"][1]["knowledge_owner"], "Rusmidler");
}

#[test]
fn the_cli_names_lists_and_removes_owners() {
    let dir = TestDir::new();
    dir.run_ok(&["demo"]);
    let listed = dir.run_ok(&["owner", "list"]);
    assert!(
        listed.contains("Mentalisering [mentalisering]:") && listed.contains("stedfortræder"),
        "{listed}"
    );
    let out = dir.run_ok(&["owner", "set", "ssp", "p-0001", "--deputy", "p-0002"]);
    assert!(
        out.starts_with("SSP-samarbejde [ssp]:") && out.contains("(p-0001)"),
        "{out}"
    );
    let found: Value = serde_json::from_str(&dir.run_ok(&["search", "SSP", "--json"])).unwrap();
    assert_eq!(found["results"][0]["id"], "p-0001");
    assert!(dir.run_ok(&["owner", "remove", "ssp"]).contains("no longer"));
    let refused = dir.hvemved().args(["owner", "remove", "ssp"]).output().unwrap();
    assert_eq!(refused.status.code(), Some(1));
    let refused = dir
        .hvemved()
        .args(["owner", "set", "nonsense", "p-0001"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&refused.stderr).contains("\"nonsense\""));
}
