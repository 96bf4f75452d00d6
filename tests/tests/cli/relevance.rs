//! The search phenomena municipal staff rely on, each on a small directory
//! written for the purpose (tests/fixtures/search.json): inflections,
//! compound parts, English through the thesaurus, typos, Danish letters typed
//! in ASCII, abbreviations, questions, phrases, filters and facets.

use serde_json::Value;

use crate::util::{ids, TestDir};

fn directory() -> TestDir {
    let dir = TestDir::new();
    dir.import_fixture("search.json");
    dir
}

fn first(found: &Value) -> String {
    ids(found).first().cloned().unwrap_or_default()
}

fn score_of(found: &Value, id: &str) -> f64 {
    found["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .map(|r| r["score"].as_f64().unwrap())
        .unwrap_or_else(|| panic!("{id} is among the results: {found}"))
}

fn evidence_texts(found: &Value, id: &str) -> Vec<String> {
    found["results"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .map(|r| {
            r["evidence"]
                .as_array()
                .unwrap()
                .iter()
                .map(|e| e["text"].as_str().unwrap().to_string())
                .collect()
        })
        .unwrap_or_default()
}

#[test]
fn inflected_queries_find_base_forms() {
    let dir = directory();
    assert_eq!(first(&dir.search("mentaliseringen")), "s-01");
    assert_eq!(first(&dir.search("efterværnet")), "s-06");
    assert_eq!(first(&dir.search("rådgiveren")), "s-12");
}

#[test]
fn a_word_finds_the_compounds_it_is_part_of_and_whole_words_rank_first() {
    let dir = directory();
    let found = dir.search("misbrug");
    let found_ids = ids(&found);
    assert_eq!(found_ids[0], "s-11", "the whole word ranks first: {found_ids:?}");
    for id in ["s-04", "s-05"] {
        assert!(
            found_ids.contains(&id.to_string()),
            "{id} (hashmisbrugere / misbrugsbehandling): {found_ids:?}"
        );
    }
    assert!(
        evidence_texts(&found, "s-04")
            .iter()
            .any(|t| t.contains("<b>hashmisbrugere</b>")),
        "a compound match is highlighted: {found}"
    );
    assert!(ids(&dir.search("forebyggelse")).contains(&"s-03".to_string()));
}

#[test]
fn a_compound_part_is_a_whole_word_not_any_substring() {
    let dir = directory();
    let found = ids(&dir.search("dannelse"));
    assert_eq!(found[0], "s-10", "{found:?}");
    assert!(
        !found.contains(&"s-09".to_string()),
        "\"uddannelse\" is not a compound of \"dannelse\": {found:?}"
    );
}

#[test]
fn english_queries_find_danish_knowledge_and_say_what_else_was_searched() {
    let dir = directory();
    let found = dir.search("mentalization");
    assert_eq!(first(&found), "s-01");
    assert!(
        found["also_searched"]
            .as_array()
            .unwrap()
            .iter()
            .any(|l| l == "Mentalisering"),
        "{found}"
    );
    assert_eq!(first(&dir.search("aftercare")), "s-06");
    assert_eq!(first(&dir.search("substance abuse prevention")), "s-03");
    assert_eq!(first(&dir.search("school dropout")), "s-07");
}

#[test]
fn typos_still_find_people_ranked_below_exact_matches_with_a_suggestion() {
    let dir = directory();
    let typo = dir.search("mentalisring");
    assert_eq!(first(&typo), "s-01");
    assert_eq!(typo["did_you_mean"], "mentalisering");
    let exact = dir.search("mentalisering");
    assert!(exact["did_you_mean"].is_null());
    assert!(
        score_of(&typo, "s-01") < score_of(&exact, "s-01"),
        "a guess scores below the real word"
    );
    assert!(ids(&dir.search("rusmidel")).contains(&"s-03".to_string()));
}

#[test]
fn danish_letters_typed_in_ascii_match() {
    let dir = directory();
    assert_eq!(first(&dir.search("eftervaern")), "s-06");
    assert_eq!(first(&dir.search("raadgiver")), "s-12");
}

#[test]
fn abbreviations_find_their_units_and_terms() {
    let dir = directory();
    assert_eq!(first(&dir.search("SSP")), "s-08");
    assert_eq!(first(&dir.search("UU")), "s-07");
}

#[test]
fn question_words_do_not_drown_the_content_words() {
    let dir = directory();
    assert_eq!(first(&dir.search("hvem ved noget om unge og hash")), "s-04");
}

#[test]
fn a_quoted_phrase_must_match_as_a_phrase() {
    let dir = directory();
    let found = ids(&dir.search("\"motiverende samtale\""));
    assert_eq!(found, vec!["s-12"], "s-13 has both words, but not together");
    assert!(ids(&dir.search("motiverende samtale")).contains(&"s-13".to_string()));
}

#[test]
fn filters_narrow_and_facets_count() {
    let dir = directory();
    let out = dir.run_ok(&[
        "search",
        "forebyggelse",
        "--json",
        "--department",
        "Sundhed og Omsorg",
    ]);
    let found: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(ids(&found), vec!["s-03"]);

    let out = dir.run_ok(&["search", "misbrug", "--json", "--min-level", "3"]);
    let found: Value = serde_json::from_str(&out).unwrap();
    assert!(!ids(&found).is_empty());
    assert!(
        !ids(&found).contains(&"s-04".to_string()),
        "s-04 matched by bio only, not by a skill at level 3"
    );

    let out = dir.run_ok(&[
        "search",
        "forebyggelse",
        "--json",
        "--language",
        "arabisk",
        "--mentor",
    ]);
    assert_eq!(ids(&serde_json::from_str(&out).unwrap()), vec!["s-03"]);

    let found = dir.search("misbrug");
    let departments = found["facets"]["departments"].as_array().unwrap();
    let rusmiddel = departments
        .iter()
        .find(|f| f["value"] == "Social og Handicap / Rusmiddelcentret")
        .expect("the unit is a facet");
    assert_eq!(rusmiddel["count"], 2);
    assert_eq!(found["total"].as_u64().unwrap() as usize, ids(&found).len());
}

#[test]
fn hr_adds_a_thesaurus_term_and_search_uses_it_without_a_reindex() {
    let dir = directory();
    assert!(ids(&dir.search("parental guidance")).is_empty());
    let index_files_before = index_file_names(&dir);
    dir.run_ok(&[
        "thesaurus",
        "set",
        "--id",
        "foraeldresamtaler",
        "--category",
        "boern-unge",
        "--preferred",
        "Forældresamtaler",
        "--en",
        "parental guidance",
    ]);
    let found = dir.search("parental guidance");
    assert_eq!(first(&found), "s-01", "{found}");
    assert_eq!(
        index_file_names(&dir),
        index_files_before,
        "no segment was rewritten"
    );
    let shown = dir.run_ok(&["thesaurus", "show", "parental guidance"]);
    assert!(shown.contains("Forældresamtaler"), "{shown}");
}

fn index_file_names(dir: &TestDir) -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(dir.data().join("index"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| !n.starts_with('.') && n != "meta.json")
        .collect();
    names.sort();
    names
}
