//! Colleagues keep searching while HR imports a large people file: through
//! the core's search handle from several threads, and through `hvemved
//! serve` from several HTTP clients. No search fails (no "database is
//! locked"), searches are answered while the import runs, not after it, and
//! no search sees part of an import.
//!
//! "Part of an import" is made visible with a word only the imported file
//! has: [`MARKED`] of its rows, spread from its first line to its last, carry
//! the job title [`MARKER`]. Every search for it must find none of them
//! (before the import's commit) or all of them (after), never a number
//! in between.

use std::io::{BufRead, BufReader, Write};
use std::net::TcpStream;
use std::path::PathBuf;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Instant;

use hvemved_core::api::Directory;
use hvemved_core::hr_import::PeopleImportRequest;
use hvemved_core::search::SearchRequest;
use hvemved_core::search_handle::SearchHandle;
use serde_json::{json, Value};

use crate::util::{api_demo_directory, post, Server, TestDir};

const ROWS: usize = 12_000;
const MARKED: usize = 300;
const MARKER: &str = "Strandfoged";
const SEARCHERS: usize = 3;

/// A people CSV of [`ROWS`] rows, every `ROWS / MARKED`th titled [`MARKER`].
fn people_file() -> String {
    let mut text = String::from("Medarbejdernummer;Navn;Stilling;Forvaltning;Afdeling;E-mail\n");
    for i in 0..ROWS {
        let title = if i % (ROWS / MARKED) == ROWS / MARKED - 1 {
            MARKER
        } else {
            "Sagsbehandler"
        };
        text.push_str(&format!(
            "{id};Ny Medarbejder {i};{title};Borgerservice;Team {team};ny{i}@kommune.dk\n",
            id = 500_000 + i,
            team = i % 7,
        ));
    }
    text
}

/// What the searching colleagues saw.
#[derive(Default)]
struct Seen {
    /// Each search's number of people found for the marker, when it was
    /// answered and how long that took in milliseconds.
    answers: Vec<(usize, Instant, f64)>,
    failures: Vec<String>,
}

/// Searches answered while the import ran, at the least: a search that
/// waited for the import would be answered after it.
const MIN_ANSWERED_DURING: usize = 10;

impl Seen {
    /// How long each search answered between `from` and `to` took.
    fn latencies_during(&self, from: Instant, to: Instant) -> Vec<f64> {
        self.answers
            .iter()
            .filter(|(_, at, _)| *at > from && *at < to)
            .map(|(_, _, ms)| *ms)
            .collect()
    }

    fn assert_never_part_of_the_import(&self) {
        assert!(self.failures.is_empty(), "searches failed: {:?}", self.failures);
        let partial: Vec<usize> = self
            .answers
            .iter()
            .map(|(found, _, _)| *found)
            .filter(|found| *found != 0 && *found != MARKED)
            .collect();
        assert!(partial.is_empty(), "searches saw part of the import: {partial:?}");
    }

    /// Checks that searches went on while the import ran, and prints how
    /// fast (for the record; `hvemved bench` measures it properly).
    fn assert_answered_during(&self, face: &str, from: Instant, to: Instant) {
        let mut latencies = self.latencies_during(from, to);
        assert!(
            latencies.len() >= MIN_ANSWERED_DURING,
            "{face}: only {} searches were answered while the import ran",
            latencies.len()
        );
        latencies.sort_by(f64::total_cmp);
        let at = |p: f64| latencies[((p * latencies.len() as f64) as usize).min(latencies.len() - 1)];
        println!(
            "{face}: {} searches answered during the {:.1} s import, p50 {:.1} ms, p95 {:.1} ms",
            latencies.len(),
            (to - from).as_secs_f64(),
            at(0.5),
            at(0.95)
        );
    }
}

/// Runs `search` on [`SEARCHERS`] threads until `import` returns; returns
/// what they saw and when the import began and ended.
fn search_during(
    search: impl Fn() -> Result<usize, String> + Send + Sync + 'static,
    import: impl FnOnce(),
) -> (Seen, Instant, Instant) {
    let search = Arc::new(search);
    let done = Arc::new(AtomicBool::new(false));
    let seen = Arc::new(Mutex::new(Seen::default()));
    let threads: Vec<_> = (0..SEARCHERS)
        .map(|_| {
            let (search, done, seen) = (Arc::clone(&search), Arc::clone(&done), Arc::clone(&seen));
            std::thread::spawn(move || {
                while !done.load(Ordering::Relaxed) {
                    let started = Instant::now();
                    let answer = search();
                    let at = Instant::now();
                    let mut seen = seen.lock().unwrap();
                    match answer {
                        Ok(found) => {
                            let ms = (at - started).as_secs_f64() * 1000.0;
                            seen.answers.push((found, at, ms));
                        }
                        Err(failure) => seen.failures.push(failure),
                    }
                }
            })
        })
        .collect();
    // Let every searcher answer at least once before the import begins.
    while seen.lock().unwrap().answers.len() < SEARCHERS && seen.lock().unwrap().failures.is_empty() {
        std::thread::sleep(std::time::Duration::from_millis(5));
    }
    let began = Instant::now();
    import();
    let ended = Instant::now();
    done.store(true, Ordering::Relaxed);
    for thread in threads {
        thread.join().unwrap();
    }
    let seen = std::mem::take(&mut *seen.lock().unwrap());
    (seen, began, ended)
}

/// Posts an import asking for progress; once its answer has come and said
/// it succeeded, returns when the first and the last progress line arrived.
/// Between the two the server's directory thread was certainly at work on
/// the import; the answer itself may reach the client later than the
/// server finished, so its arrival says less.
fn import_with_progress(port: u16, body: &str) -> (Instant, Instant) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    write!(
        stream,
        "POST /api/import_people HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Accept: application/x-ndjson\r\nConnection: close\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut progress = None;
    let mut last = String::new();
    for line in BufReader::new(stream).lines() {
        let line = line.unwrap();
        if line.starts_with("{\"progress\"") {
            let now = Instant::now();
            progress.get_or_insert((now, now)).1 = now;
        } else if line.starts_with('{') {
            last = line;
        }
    }
    let answer: Value = serde_json::from_str(&last).unwrap_or_else(|_| panic!("no answer: {last:.300}"));
    assert_eq!(answer["status"], 200, "{answer}");
    assert_eq!(answer["body"]["created"], ROWS);
    progress.expect("the import reported progress")
}

fn marked_found(handle: &SearchHandle) -> Result<usize, String> {
    handle
        .search(&SearchRequest::new(MARKER, 10))
        .map(|found| found.total)
        .map_err(|e| e.to_string())
}

/// The demo directory with [`people_file`] written beside it, ready to be
/// imported while others ask through a search handle on the directory.
struct ImportBesideSearches {
    _root: tempfile::TempDir,
    directory: Directory,
    file: PathBuf,
    handle: SearchHandle,
}

impl ImportBesideSearches {
    fn new() -> ImportBesideSearches {
        let (root, directory) = api_demo_directory();
        let file = root.path().join("medarbejdere.csv");
        std::fs::write(&file, people_file()).unwrap();
        let handle = directory.search_handle();
        ImportBesideSearches {
            _root: root,
            directory,
            file,
            handle,
        }
    }

    /// Imports the people file as HR does, and checks that all of it came in.
    fn import(&mut self) {
        let report = self
            .directory
            .import_people_file(&self.file, PeopleImportRequest::default(), &mut |_| {})
            .unwrap();
        assert_eq!(report.import.created, ROWS);
    }
}

#[test]
fn searches_from_threads_are_answered_during_an_import_and_never_see_part_of_it() {
    let mut scene = ImportBesideSearches::new();
    assert_eq!(marked_found(&scene.handle), Ok(0));

    let searcher = scene.handle.clone();
    let (seen, began, ended) = search_during(move || marked_found(&searcher), || scene.import());

    seen.assert_never_part_of_the_import();
    seen.assert_answered_during("threads", began, ended);
    assert_eq!(
        marked_found(&scene.handle),
        Ok(MARKED),
        "after the import, all of it"
    );
    let through_directory = scene.directory.search(&SearchRequest::new(MARKER, 10)).unwrap();
    assert_eq!(through_directory.total, MARKED);
}

#[test]
fn searches_through_http_are_answered_during_an_import_and_never_see_part_of_it() {
    let dir = TestDir::new();
    dir.run_ok(&["demo"]);
    let server = Server::start(&dir.data());
    let port = server.port;
    let search_body = json!({ "query": MARKER, "limit": 10 }).to_string();
    let search = move || {
        let (status, body) = post(port, "search", &search_body);
        let answer: Value = serde_json::from_str(&body).map_err(|e| format!("{status}: {e}: {body:.200}"))?;
        match answer["total"].as_u64() {
            Some(total) if status == 200 => Ok(total as usize),
            _ => Err(format!("{status}: {body:.300}")),
        }
    };
    assert_eq!(search(), Ok(0));

    let import_body = json!({ "text": people_file(), "file_name": "medarbejdere.csv" }).to_string();
    let mut import_running = None;
    let (seen, _, _) = search_during(search.clone(), || {
        import_running = Some(import_with_progress(port, &import_body));
    });

    seen.assert_never_part_of_the_import();
    let (first, last) = import_running.unwrap();
    seen.assert_answered_during("HTTP", first, last);
    assert_eq!(search(), Ok(MARKED), "after the import, all of it");
}

#[test]
fn skills_are_suggested_from_threads_during_an_import_as_the_directory_suggests_them() {
    let mut scene = ImportBesideSearches::new();
    assert!(SearchHandle::answers("skill_suggest"));
    let ask = json!({ "prefix": "mental", "limit": 8 });
    let expected = scene
        .directory
        .skill_suggest(&serde_json::from_value(ask.clone()).unwrap())
        .unwrap();
    assert!(
        expected
            .iter()
            .any(|s| s.name.to_lowercase().starts_with("mentalis") && s.people > 0),
        "the demo has people with a mentalization skill: {expected:?}"
    );
    let expected = serde_json::to_value(&expected).unwrap();

    let suggester = scene.handle.clone();
    let (seen, began, ended) = search_during(
        move || {
            let answer = suggester
                .dispatch("skill_suggest", ask.clone())
                .map_err(|e| e.to_string())?;
            if answer == expected {
                Ok(0)
            } else {
                Err(format!("other suggestions beside the writer: {answer}"))
            }
        },
        || scene.import(),
    );
    assert!(seen.failures.is_empty(), "{:?}", seen.failures.first());
    seen.assert_answered_during("skill suggestions", began, ended);
}
