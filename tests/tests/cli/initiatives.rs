//! Initiatives, networks and forums through the core's command list and the
//! CLI: saving with units and members, refusals that name the initiative and
//! write nothing, the similar-initiative check before saving, members found
//! by search with the initiative as evidence, lists by unit, person, kind
//! and date, and the demo's initiatives.

use hvemved_core::api::{dispatch, Directory};
use serde_json::{json, Value};

use crate::util::{api_demo_directory, call, ids, TestDir};

fn demo() -> (tempfile::TempDir, Directory) {
    api_demo_directory()
}

fn people_in(d: &mut Directory, query: &str) -> Vec<String> {
    ids(&call(d, "search", json!({"query": query, "limit": 3})))
}

#[test]
fn a_saved_initiative_is_evidence_for_its_members_at_once() {
    let (_root, mut d) = demo();
    let members = people_in(&mut d, "fleksjob");
    let before = call(&mut d, "search", json!({"query": "klimatilpasning", "limit": 10}));
    assert!(ids(&before).is_empty(), "no one knows the word yet");

    let saved = call(
        &mut d,
        "initiative_save",
        json!({"initiative": {
            "kind": "projekt",
            "name": "Klimatilpasning på jobcentret",
            "purpose": "Grønne praktikpladser og klimatilpasning i samarbejde med forsyningen",
            "target_group": "Ledige over 30",
            "start_date": "2026-01-01",
            "units": ["jobcenter / fleksjob og ressourceforløb"],
            "members": [
                {"person": members[0], "role": "tovholder"},
                {"person": members[1], "role": "medlem"}
            ]
        }}),
    );
    let id = saved["id"].as_str().unwrap().to_string();
    assert!(id.starts_with("i-"));
    assert_eq!(saved["kind_name"], "projekt");
    assert_eq!(saved["units"], json!(["Jobcenter / Fleksjob og ressourceforløb"]));
    assert_eq!(saved["members"][0]["id"], members[0]);
    assert_eq!(saved["members"][0]["role"], "tovholder");

    let after = call(&mut d, "search", json!({"query": "klimatilpasning", "limit": 10}));
    assert_eq!(
        ids(&after),
        vec![members[0].clone(), members[1].clone()],
        "tovholder first"
    );
    let evidence = &after["results"][0]["evidence"][0];
    assert_eq!(evidence["kind"], "initiative");
    assert_eq!(
        evidence["text"],
        "Klimatilpasning på jobcentret (projekt, tovholder)"
    );

    let profile = call(&mut d, "person_show", json!({"id": members[1]}));
    assert!(profile["initiatives"]
        .as_array()
        .unwrap()
        .iter()
        .any(|i| i["id"] == id && i["role"] == "medlem"));

    // Editing replaces the members; the one who left is no longer found by it.
    let edited = call(
        &mut d,
        "initiative_save",
        json!({"initiative": {
            "id": id, "kind": "projekt", "name": "Klimatilpasning på jobcentret",
            "members": [{"person": members[0], "role": "tovholder"}]
        }}),
    );
    assert_eq!(edited["members"].as_array().unwrap().len(), 1);
    let after = call(&mut d, "search", json!({"query": "klimatilpasning", "limit": 10}));
    assert_eq!(ids(&after), vec![members[0].clone()]);

    assert_eq!(call(&mut d, "initiative_remove", json!({"id": id})), json!(true));
    let after = call(&mut d, "search", json!({"query": "klimatilpasning", "limit": 10}));
    assert!(ids(&after).is_empty());
}

#[test]
fn bad_initiatives_are_refused_by_name_and_nothing_is_written() {
    let (_root, mut d) = demo();
    let count = |d: &mut Directory| call(d, "initiative_list", json!({})).as_array().unwrap().len();
    let before = count(&mut d);
    let someone = people_in(&mut d, "mentalisering")[0].clone();
    let cases = [
        (json!({"kind": "projekt", "name": "  "}), "name is empty"),
        (
            json!({"kind": "projekt", "name": "Ugyldig", "start_date": "2026-13-01"}),
            "initiative \"Ugyldig\": start date \"2026-13-01\" is not a date",
        ),
        (
            json!({"kind": "projekt", "name": "Baglæns", "start_date": "2026-05-01", "end_date": "2026-01-01"}),
            "initiative \"Baglæns\": ends (2026-01-01) before it starts (2026-05-01)",
        ),
        (
            json!({"kind": "netvaerk", "name": "Forkert enhed", "units": ["Børn og Familie / Findes ikke"]}),
            "initiative \"Forkert enhed\": no unit \"Børn og Familie / Findes ikke\"",
        ),
        (
            json!({"kind": "netvaerk", "name": "Ukendt person",
                   "members": [{"person": someone, "role": "tovholder"}, {"person": "p-9999", "role": "medlem"}]}),
            "initiative \"Ukendt person\": no active person with id \"p-9999\"",
        ),
        (
            json!({"kind": "netvaerk", "name": "To gange",
                   "members": [{"person": someone, "role": "tovholder"}, {"person": someone, "role": "medlem"}]}),
            "is listed as a member twice",
        ),
    ];
    for (initiative, message) in cases {
        let error = dispatch(&mut d, "initiative_save", json!({ "initiative": initiative }))
            .expect_err(message)
            .to_string();
        assert!(error.contains(message), "{error}");
    }
    let error = dispatch(
        &mut d,
        "initiative_save",
        json!({"initiative": {"kind": "festudvalg", "name": "Julefrokost"}}),
    )
    .unwrap_err()
    .to_string();
    assert!(error.contains("festudvalg"), "{error}");
    assert_eq!(count(&mut d), before);
}

#[test]
fn similar_initiatives_are_shown_with_the_words_in_common() {
    let (_root, mut d) = demo();
    let similar = call(
        &mut d,
        "initiative_similar",
        json!({"name": "Forebyggelse af hash blandt unge",
               "purpose": "Vi vil forebygge, at unge begynder at ryge cannabis",
               "target_group": "Elever i 8. og 9. klasse"}),
    );
    let names: Vec<&str> = similar
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["initiative"]["name"].as_str().unwrap())
        .collect();
    assert_eq!(
        names[..2],
        ["Hashfri udskoling", "Tidlig rusmiddelindsats for unge"],
        "both forvaltningers' hash work, whatever the order of their scores: {names:?}"
    );
    let shared = similar[0]["shared"].as_array().unwrap();
    assert!(shared.iter().any(|w| w == "hash"), "{shared:?}");
    assert!(similar[0]["score"].as_f64().unwrap() > similar[1]["score"].as_f64().unwrap() * 0.5);

    // In English, through the thesaurus and the glossary.
    let english = call(
        &mut d,
        "initiative_similar",
        json!({"name": "Young people and cannabis", "purpose": "substance abuse prevention in schools"}),
    );
    assert!(english
        .as_array()
        .unwrap()
        .iter()
        .any(|s| s["initiative"]["name"] == "Hashfri udskoling"));

    let unrelated = call(
        &mut d,
        "initiative_similar",
        json!({"name": "Vinterbadning for medarbejdere", "purpose": "Motion og fællesskab ved havnen om morgenen"}),
    );
    assert_eq!(unrelated, json!([]));
}

#[test]
fn lists_filter_by_unit_person_kind_words_and_date() {
    let (_root, mut d) = demo();
    let all = call(&mut d, "initiative_list", json!({}));
    let all = all.as_array().unwrap();
    assert!(all.len() >= 12, "the demo maps its initiatives");
    assert!(all.iter().all(|i| !i["members"].as_array().unwrap().is_empty()));

    let ssp = call(
        &mut d,
        "initiative_list",
        json!({"unit": "børn og familie / ssp og forebyggelse"}),
    );
    let names: Vec<&str> = ssp
        .as_array()
        .unwrap()
        .iter()
        .map(|i| i["name"].as_str().unwrap())
        .collect();
    assert!(names.contains(&"SSP-samarbejdet") && names.contains(&"Hashfri udskoling"));
    assert!(!names.contains(&"Hverdagsrehabilitering i hjemmeplejen"));

    let networks = call(&mut d, "initiative_list", json!({"kind": "netvaerk"}));
    assert!(networks
        .as_array()
        .unwrap()
        .iter()
        .all(|i| i["kind_name"] == "netværk"));

    let convener = all[0]["members"][0]["id"].as_str().unwrap();
    let theirs = call(&mut d, "initiative_list", json!({"person": convener}));
    assert!(theirs.as_array().unwrap().iter().any(|i| i["id"] == all[0]["id"]));

    let words = call(&mut d, "initiative_list", json!({"text": "MENTALISERING"}));
    assert_eq!(words[0]["name"], "Mentaliseringsnetværket");

    let current = call(&mut d, "initiative_list", json!({"current": true}));
    let current = current.as_array().unwrap();
    assert!(
        !current.is_empty() && current.len() < all.len(),
        "one demo project has ended"
    );
}

#[test]
fn the_cli_adds_after_checking_for_similar_ones_lists_and_removes() {
    let dir = TestDir::new();
    dir.run_ok(&["demo"]);
    let listed = dir.run_ok(&["initiative", "list", "--kind", "netværk"]);
    assert!(listed.contains("Mentaliseringsnetværket (netværk), tovholder "));

    let add = [
        "initiative",
        "add",
        "--kind",
        "projekt",
        "--name",
        "Hash i 9. klasse",
        "--purpose",
        "Forebyggelse af hash i udskolingen",
        "--unit",
        "Børn og Familie / SSP og Forebyggelse",
        "--member",
        "p-0081:tovholder",
    ];
    let refused = dir.hvemved().args(add).output().unwrap();
    assert!(!refused.status.success());
    let stderr = String::from_utf8_lossy(&refused.stderr);
    assert!(
        stderr.contains("was not saved") && stderr.contains("Hashfri udskoling"),
        "{stderr}"
    );
    assert!(!dir.run_ok(&["initiative", "list"]).contains("Hash i 9. klasse"));

    let mut anyway = add.to_vec();
    anyway.extend(["--anyway", "--json"]);
    let saved: Value = serde_json::from_str(&dir.run_ok(&anyway)).unwrap();
    let id = saved["id"].as_str().unwrap();
    assert_eq!(saved["members"][0]["id"], "p-0081");
    let shown = dir.run_ok(&["initiative", "show", id]);
    assert!(
        shown.contains("Hash i 9. klasse (projekt)") && shown.contains("* "),
        "{shown}"
    );

    let similar = dir.run_ok(&[
        "initiative",
        "similar",
        "--name",
        "Mentaliseringsnetværk for sundhedsplejersker",
    ]);
    assert!(similar.contains("Mentaliseringsnetværket"), "{similar}");

    let bad = dir
        .hvemved()
        .args([
            "initiative",
            "add",
            "--kind",
            "netværk",
            "--name",
            "X",
            "--member",
            "p-0001:formand",
        ])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&bad.stderr).contains("\"formand\" is not a role"));

    assert!(dir.run_ok(&["initiative", "remove", id]).contains("Removed"));
    let gone = dir.hvemved().args(["initiative", "remove", id]).output().unwrap();
    assert!(!gone.status.success());
}
