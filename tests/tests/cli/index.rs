//! The search index is derived from the database and can always be rebuilt.

use crate::util::{ids, TestDir};

#[test]
fn a_deleted_index_is_rebuilt_on_open() {
    let dir = TestDir::new();
    dir.import_fixture("small.json");
    std::fs::remove_dir_all(dir.data().join("index")).unwrap();
    assert_eq!(ids(&dir.search("mentalisering"))[0], "t-001");
    assert!(dir.data().join("index").is_dir());
}

#[test]
fn reindex_rebuilds_from_the_database() {
    let dir = TestDir::new();
    dir.import_fixture("small.json");
    std::fs::remove_dir_all(dir.data().join("index")).unwrap();
    let out = dir.run_ok(&["reindex"]);
    assert!(out.contains("4 people"), "{out}");
    assert_eq!(ids(&dir.search("hashmisbrug"))[0], "t-002");
}

#[test]
fn a_corrupt_index_is_replaced() {
    let dir = TestDir::new();
    dir.import_fixture("small.json");
    let index = dir.data().join("index");
    for entry in std::fs::read_dir(&index).unwrap() {
        let path = entry.unwrap().path();
        std::fs::write(&path, b"garbage").unwrap();
    }
    assert_eq!(ids(&dir.search("mentalisering"))[0], "t-001");
}

#[test]
fn an_index_behind_the_database_catches_up() {
    let dir = TestDir::new();
    dir.import_fixture("small.json");
    // Keep the index of the first import, import more, put the old index back.
    let saved = dir.file("saved-index");
    copy_dir(&dir.data().join("index"), &saved);
    let path = dir.write(
        "more.json",
        r#"{"format": "hvemved-bundle", "version": 1, "people": [
            {"id": "t-009", "name": "Karin Holm", "skills": [{"name": "Demens", "level": 5}]}]}"#,
    );
    dir.run_ok(&["import", path.to_str().unwrap()]);
    std::fs::remove_dir_all(dir.data().join("index")).unwrap();
    copy_dir(&saved, &dir.data().join("index"));
    assert_eq!(ids(&dir.search("demens")), vec!["t-009"]);
    let stats = dir.stats();
    assert_eq!(stats["index_seq"], stats["change_seq"]);
}

fn copy_dir(from: &std::path::Path, to: &std::path::Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        std::fs::copy(entry.path(), to.join(entry.file_name())).unwrap();
    }
}

#[test]
fn a_truncated_index_is_replaced() {
    let dir = TestDir::new();
    dir.import_fixture("small.json");
    for entry in std::fs::read_dir(dir.data().join("index")).unwrap() {
        let path = entry.unwrap().path();
        let len = std::fs::metadata(&path).unwrap().len();
        std::fs::OpenOptions::new()
            .write(true)
            .open(&path)
            .unwrap()
            .set_len(len / 2)
            .unwrap();
    }
    assert_eq!(ids(&dir.search("mentalisering"))[0], "t-001");
}

#[test]
fn every_write_reaches_the_index_before_the_command_returns() {
    let dir = TestDir::new();
    dir.import_fixture("small.json");
    // Read what the index has applied straight from its files, before any
    // further command could open the directory and catch it up.
    let meta: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.data().join("index/meta.json")).unwrap()).unwrap();
    let payload: serde_json::Value = serde_json::from_str(meta["payload"].as_str().unwrap()).unwrap();
    assert_eq!(
        payload["seq"],
        dir.stats()["change_seq"],
        "the import brought the index along"
    );
}
