//! Searches in the audit log: who searched, when, how many words and which
//! filters, and how many people were found, never the words; one entry for
//! a burst of typing. Through the real CLI and a real `hvemved serve`,
//! whose searches run beside the writer.

use std::time::{Duration, Instant};

use serde_json::Value;

use crate::util::{files_containing, post, Server, TestDir};

/// A word no directory holds, so the files can be searched for it.
const SECRET: &str = "Pzqvkrundlet";

fn searches(log: &Value) -> Vec<&Value> {
    log.as_array()
        .unwrap()
        .iter()
        .filter(|e| e["action"] == "searched")
        .collect()
}

#[test]
fn a_cli_search_is_logged_with_who_and_how_much_but_not_the_words() {
    let dir = TestDir::new();
    dir.run_ok(&["demo"]);
    dir.run_ok(&["--as", "employee:p-0001", "search", "mentalisering", "--json"]);
    dir.run_ok(&[
        "--as",
        "hr",
        "search",
        &format!("{SECRET} unge"),
        "--department",
        "Børn og Familie",
    ]);

    let log: Value = serde_json::from_str(&dir.run_ok(&["audit", "--json"])).unwrap();
    let logged = searches(&log);
    assert_eq!(logged.len(), 2, "{log}");
    assert_eq!(logged[1]["actor"], "employee:p-0001");
    let found: Value = serde_json::from_str(&dir.run_ok(&["search", "mentalisering", "--json"])).unwrap();
    assert!(found["results"].as_array().unwrap().len() > 1);
    let detail = logged[1]["detail"].as_str().unwrap();
    assert!(
        detail.starts_with("1 word, ") && detail.ends_with(" found"),
        "{detail}"
    );
    assert_ne!(detail, "1 word, 0 found");
    assert_eq!(logged[0]["actor"], "hr");
    let filtered: Value = serde_json::from_str(&dir.run_ok(&[
        "search",
        &format!("{SECRET} unge"),
        "--department",
        "Børn og Familie",
        "--json",
    ]))
    .unwrap();
    assert_eq!(
        logged[0]["detail"].as_str().unwrap(),
        format!(
            r#"2 words, {} found, filters {{"department":"Børn og Familie"}}"#,
            filtered["total"]
        )
    );
    assert!(logged[0]["person"].is_null());
    assert_eq!(
        files_containing(&dir.data(), SECRET),
        Vec::<String>::new(),
        "the words searched are in no file"
    );
}

#[test]
fn typing_in_the_search_field_of_serve_is_one_entry_per_question() {
    let dir = TestDir::new();
    dir.run_ok(&["demo"]);
    let server = Server::start(&dir.data());
    let search = |query: &str| {
        let (status, body) = post(
            server.port,
            "search",
            &serde_json::json!({ "query": query }).to_string(),
        );
        assert_eq!(status, 200, "{body}");
    };
    // Two questions typed as the search field sends them, a few hundred
    // milliseconds apart, the second with a correction.
    for query in [
        "m",
        "men",
        "mental",
        "mentalisering",
        "hash",
        "hash og u",
        "hash og",
        "hash og unge",
    ] {
        search(query);
        std::thread::sleep(Duration::from_millis(150));
    }
    let (status, body) = post(server.port, "audit_log", "{}");
    assert_eq!(status, 200, "{body}");
    let log: Value = serde_json::from_str(&body).unwrap();
    let details: Vec<&str> = searches(&log)
        .iter()
        .map(|e| e["detail"].as_str().unwrap())
        .collect();
    assert_eq!(details.len(), 2, "one entry per question: {details:?}");
    assert!(
        details[0].starts_with("3 words, "),
        "the last of the second: {details:?}"
    );
    assert!(
        details[1].starts_with("1 word, "),
        "the last of the first: {details:?}"
    );

    // Searches alone, with no other call: the server stores them once the
    // typing has paused, without being asked.
    search(SECRET);
    let database = dir.data().join("hvemved.sqlite");
    let started = Instant::now();
    let stored = loop {
        let conn = rusqlite::Connection::open(&database).unwrap();
        let count: i64 = conn
            .query_row(
                "SELECT count(*) FROM audit_log WHERE action = 'searched'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        if count == 3 || started.elapsed() > Duration::from_secs(60) {
            break count;
        }
        std::thread::sleep(Duration::from_millis(500));
    };
    assert_eq!(stored, 3, "stored after the pause");
    assert!(
        started.elapsed() >= Duration::from_secs(5),
        "not before the burst could have gone on"
    );
}
