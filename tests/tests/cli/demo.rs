//! The demo municipality: loaded on request, deterministic, and never mixed
//! into a real directory by accident.

use crate::util::{ids, TestDir};

#[test]
fn demo_loads_a_searchable_municipality() {
    let dir = TestDir::new();
    let out = dir.run_ok(&["demo"]);
    assert!(out.contains("300 people"), "{out}");
    let stats = dir.stats();
    assert_eq!(stats["people"], 300);
    assert!(stats["courses"].as_u64().unwrap() >= 100);
    assert_eq!(stats["demo"], true);
    assert!(!ids(&dir.search("mentalisering")).is_empty());
}

#[test]
fn the_demo_is_the_same_every_time() {
    let first = TestDir::new();
    let second = TestDir::new();
    first.run_ok(&["demo"]);
    second.run_ok(&["demo"]);
    assert_eq!(first.export(), second.export());
}

#[test]
fn demo_refuses_a_directory_with_data_unless_forced() {
    let dir = TestDir::new();
    dir.import_fixture("small.json");
    let output = dir.hvemved().arg("demo").output().unwrap();
    assert_eq!(output.status.code(), Some(1));
    assert!(String::from_utf8(output.stderr).unwrap().contains("--force"));
    assert_eq!(dir.stats()["people"], 4);
    dir.run_ok(&["demo", "--force"]);
    assert_eq!(dir.stats()["people"], 304);
}
