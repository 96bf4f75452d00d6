//! The competence map through the core's command list and the CLI, on the
//! demo municipality: every count agrees with the profiles it is made of,
//! vulnerable skills really have one carrier, and the CSV is Excel's.

use std::collections::{BTreeMap, BTreeSet};

use hvemved_core::api::dispatch;
use serde_json::{json, Value};

use crate::util::{api_demo_directory, TestDir};

#[test]
fn the_map_agrees_with_the_exported_directory() {
    let (_root, mut d) = api_demo_directory();
    let map = dispatch(&mut d, "competence_map", json!({})).unwrap();
    let bundle = dispatch(&mut d, "export_bundle", json!({})).unwrap();

    // Carriers (level ≥ 3) per skill, from the people themselves.
    let mut carriers: BTreeMap<String, BTreeSet<String>> = BTreeMap::new();
    let mut holders: BTreeMap<String, usize> = BTreeMap::new();
    for person in bundle["people"].as_array().unwrap() {
        for skill in person["skills"].as_array().into_iter().flatten() {
            let name = skill["name"].as_str().unwrap().to_string();
            *holders.entry(name.clone()).or_default() += 1;
            if skill["level"].as_u64().unwrap_or(0) >= 3 {
                carriers
                    .entry(name)
                    .or_default()
                    .insert(person["id"].as_str().unwrap().to_string());
            }
        }
    }
    let rows = map["rows"].as_array().unwrap();
    assert_eq!(rows.len(), holders.len());
    for row in rows {
        let skill = row["skill"].as_str().unwrap();
        assert_eq!(
            row["people"].as_u64().unwrap() as usize,
            holders[skill],
            "{skill}"
        );
        let cells: u64 = row["cells"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["people"].as_u64().unwrap())
            .sum();
        assert_eq!(
            cells,
            row["people"].as_u64().unwrap(),
            "every holder sits in one column: {skill}"
        );
    }
    let vulnerable = map["vulnerable"].as_array().unwrap();
    assert!(!vulnerable.is_empty());
    for v in vulnerable {
        let skill = v["skill"].as_str().unwrap();
        assert_eq!(carriers[skill].len(), 1, "{skill}");
        assert!(carriers[skill].contains(v["person_id"].as_str().unwrap()));
    }
    let uncovered: Vec<&str> = map["uncovered"]
        .as_array()
        .unwrap()
        .iter()
        .map(|v| v.as_str().unwrap())
        .collect();
    for skill in &uncovered {
        assert!(!carriers.contains_key(*skill), "{skill}");
    }
    // Owned areas are not listed as unowned.
    let unowned: Vec<&str> = map["unowned_areas"]
        .as_array()
        .unwrap()
        .iter()
        .map(|a| a["area"].as_str().unwrap())
        .collect();
    assert!(!unowned.contains(&"mentalisering"));
    assert!(!unowned.is_empty());
    let _: &Value = &map["stale"];
}

#[test]
fn the_cli_prints_the_map_and_writes_csv_for_excel() {
    let dir = TestDir::new();
    dir.run_ok(&["demo"]);
    let text = dir.run_ok(&["map", "--unit", "Børn og Familie"]);
    assert!(text.starts_with("Competence map of Børn og Familie:"), "{text}");
    assert!(text.contains("Vulnerable: held at level 3 or above by one person only"));
    let file = dir.file("kort.csv");
    dir.run_ok(&["map", "--csv", file.to_str().unwrap()]);
    let csv = std::fs::read_to_string(&file).unwrap();
    let mut lines = csv.split("\r\n");
    assert_eq!(
        lines.next().unwrap(),
        "\u{feff}kompetence;enhed;personer;niveau 1;niveau 2;niveau 3;niveau 4;niveau 5"
    );
    let first: Vec<&str> = lines.next().unwrap().split(';').collect();
    assert_eq!(first.len(), 8);
    let people: usize = first[2].parse().unwrap();
    let levels: usize = first[3..].iter().map(|n| n.parse::<usize>().unwrap()).sum();
    assert!(levels <= people);
    let refused = dir
        .hvemved()
        .args(["map", "--csv", "-", "--json"])
        .output()
        .unwrap();
    assert!(!refused.status.success());
}
