//! The HTTP face: `hvemved serve` on a free loopback port answers the UI's
//! files and `POST /api/<command>` from the same command list, and refuses
//! what a hostile page in the user's browser could send.

use std::io::{Read, Write};
use std::net::TcpStream;

use crate::util::{Server, TestDir};

fn start(dir: &TestDir) -> Server {
    Server::start(&dir.data())
}

/// A minimal HTTP/1.1 exchange; returns the status and the body.
fn request(port: u16, method: &str, path: &str, headers: &[(&str, &str)], body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    let mut text = format!(
        "{method} {path} HTTP/1.1\r\nConnection: close\r\nContent-Length: {}\r\n",
        body.len()
    );
    for (name, value) in headers {
        text.push_str(&format!("{name}: {value}\r\n"));
    }
    text.push_str("\r\n");
    text.push_str(body);
    stream.write_all(text.as_bytes()).unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response[9..12].parse().unwrap();
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}

fn post(server: &Server, command: &str, body: &str) -> (u16, serde_json::Value) {
    let host = format!("127.0.0.1:{}", server.port);
    let (status, body) = request(
        server.port,
        "POST",
        &format!("/api/{command}"),
        &[("Host", &host), ("Content-Type", "application/json")],
        body,
    );
    (
        status,
        serde_json::from_str(&body).unwrap_or_else(|_| panic!("JSON: {body}")),
    )
}

#[test]
fn the_api_answers_from_the_command_list() {
    let dir = TestDir::new();
    dir.import_fixture("small.json");
    let server = start(&dir);
    let (status, found) = post(&server, "search", r#"{"query": "mentalization", "limit": 3}"#);
    assert_eq!(status, 200);
    assert_eq!(found["results"][0]["id"], "t-001");
    assert_eq!(found["also_searched"][0], "Mentalisering");

    let (status, error) = post(
        &server,
        "import_bundle",
        r#"{"bundle": "{\"format\": \"nej\", \"version\": 1}", "dry_run": true}"#,
    );
    assert_eq!(status, 400);
    assert_eq!(error["kind"], "invalid_records");
    assert_eq!(error["details"][0]["section"], "bundle");

    let (status, error) = post(&server, "person_show", r#"{"id": "nobody"}"#);
    assert_eq!((status, error["kind"].as_str()), (404, Some("not_found")));

    // The local user says they are an employee: what the role may not do is
    // refused as forbidden.
    let (status, _) = post(
        &server,
        "session_set",
        r#"{"role": "employee", "person": "t-002"}"#,
    );
    assert_eq!(status, 200);
    let (status, error) = post(&server, "audit_log", "{}");
    assert_eq!(
        (status, error["kind"].as_str()),
        (403, Some("forbidden")),
        "{error}"
    );
}

#[test]
fn the_ui_is_served_with_a_strict_content_security_policy() {
    let dir = TestDir::new();
    let server = start(&dir);
    let host = format!("localhost:{}", server.port);
    let mut stream = TcpStream::connect(("127.0.0.1", server.port)).unwrap();
    write!(
        stream,
        "GET / HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n"
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    assert!(response.starts_with("HTTP/1.1 200"), "{response:.200}");
    assert!(response.contains("Content-Security-Policy: default-src 'self'"));
    assert!(response.contains("<html"), "the page itself");
}

#[test]
fn requests_a_hostile_page_could_make_are_refused() {
    let dir = TestDir::new();
    let server = start(&dir);
    let port_host = format!("127.0.0.1:{}", server.port);
    // A form post (no JSON content type) cannot reach the API.
    let (status, _) = request(
        server.port,
        "POST",
        "/api/clear_directory",
        &[
            ("Host", &port_host),
            ("Content-Type", "application/x-www-form-urlencoded"),
        ],
        "a=b",
    );
    assert_eq!(status, 415);
    // A rebound DNS name is not this server.
    let (status, _) = request(
        server.port,
        "POST",
        "/api/stats",
        &[("Host", "evil.example:80"), ("Content-Type", "application/json")],
        "{}",
    );
    assert_eq!(status, 421);
    let (status, _) = request(
        server.port,
        "GET",
        "/../../etc/passwd",
        &[("Host", &port_host)],
        "",
    );
    assert_eq!(status, 404);
}

/// POSTs a people file asking for progress; returns the lines of the body.
fn post_with_progress(server: &Server, command: &str, args: &serde_json::Value) -> Vec<serde_json::Value> {
    let host = format!("127.0.0.1:{}", server.port);
    let (status, body) = request(
        server.port,
        "POST",
        &format!("/api/{command}"),
        &[
            ("Host", &host),
            ("Content-Type", "application/json"),
            ("Accept", "application/x-ndjson"),
        ],
        &args.to_string(),
    );
    assert_eq!(status, 200, "{body}");
    body.lines()
        .map(|line| serde_json::from_str(line).unwrap_or_else(|_| panic!("a JSON line: {line}")))
        .collect()
}

#[test]
fn a_long_import_streams_its_progress_then_its_answer() {
    let dir = TestDir::new();
    let server = start(&dir);
    let mut text = String::from("Medarbejdernummer;Navn;E-mail\n");
    for i in 0..2_500 {
        text.push_str(&format!("{i};Medarbejder Nummer{i};m{i}@kommune.dk\n"));
    }
    let lines = post_with_progress(
        &server,
        "import_people",
        &serde_json::json!({ "text": text, "file_name": "hr.csv" }),
    );
    let (answer, progress) = lines.split_last().unwrap();
    let rows: Vec<u64> = progress
        .iter()
        .filter(|line| line["progress"]["stage"] == "rows")
        .map(|line| line["progress"]["done"].as_u64().unwrap())
        .collect();
    assert_eq!(rows, vec![0, 1_000, 2_000, 2_500]);
    assert!(progress.iter().all(|line| line["progress"]["total"] == 2_500));
    assert_eq!(progress.last().unwrap()["progress"]["stage"], "indexing");
    assert_eq!(answer["status"], 200);
    assert_eq!(answer["body"]["created"], 2_500);
    assert_eq!(answer["body"]["written"], true);

    // A refusal arrives the same way, as the last line, with its status.
    let lines = post_with_progress(
        &server,
        "import_people",
        &serde_json::json!({ "text": "Navn;E-mail\nAnne;ikke-en-adresse\n" }),
    );
    let answer = lines.last().unwrap();
    assert_eq!(answer["status"], 400);
    assert_eq!(answer["body"]["kind"], "invalid_input");
    assert!(answer["body"]["message"]
        .as_str()
        .unwrap()
        .contains("ikke-en-adresse"));

    // Any other command answers as a plain call would, on one line.
    let lines = post_with_progress(&server, "stats", &serde_json::json!({}));
    assert_eq!(lines.len(), 1);
    assert_eq!(lines[0]["status"], 200);
    assert_eq!(lines[0]["body"]["people"], 2_500);
}
