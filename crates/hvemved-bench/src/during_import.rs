//! Searches while a large people CSV is imported: the directory's one
//! writer is busy for seconds, and colleagues keep searching through the
//! directory's search handle, as the desktop app and `hvemved serve` do.
//! Prints how fast they were answered, and whether any failed.

use std::io::Write;
use std::path::Path;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use hvemved_core::api::{DemoRequest, Directory};
use hvemved_core::hr_import::PeopleImportRequest;
use hvemved_core::search::SearchRequest;
use hvemved_core::search_handle::SearchHandle;
use hvemved_core::Result;

use crate::measure::percentile;

/// What colleagues type while HR imports; words of the demo municipality.
const QUERIES: [&str; 8] = [
    "mentalisering",
    "hvem ved noget om unge og hash",
    "forebyggelse",
    "arabisk",
    "mentalization",
    "rusmidel",
    "boern",
    "SSP",
];

/// Each searching colleague pauses this long between searches: people type,
/// read and click, and a search loop without pauses would measure how the
/// import and the searches share two cores rather than how searches wait.
const PAUSE: Duration = Duration::from_millis(5);

pub struct DuringImportReport {
    pub rows: usize,
    pub searchers: usize,
    pub import_seconds: f64,
    pub idle: Latencies,
    pub during: Latencies,
    pub failures: Vec<String>,
}

#[derive(Default)]
pub struct Latencies {
    pub searches: usize,
    pub p50_ms: f64,
    pub p95_ms: f64,
    pub max_ms: f64,
}

impl Latencies {
    fn of(mut times: Vec<f64>) -> Latencies {
        times.sort_by(f64::total_cmp);
        Latencies {
            searches: times.len(),
            p50_ms: percentile(&times, 0.50),
            p95_ms: percentile(&times, 0.95),
            max_ms: times.last().copied().unwrap_or(0.0),
        }
    }
}

/// Loads the demo municipality into a new directory in `work_dir`, measures
/// `searchers` threads searching it while idle, then again while a people
/// CSV of `rows` rows (made by [`crate::people_csv::generate`]) is imported.
pub fn run(
    rows: usize,
    searchers: usize,
    seed: u64,
    work_dir: &Path,
    out: &mut dyn Write,
) -> Result<DuringImportReport> {
    let io = |path: &Path| {
        let path = path.to_path_buf();
        move |e| hvemved_core::CoreError::io(&path, e)
    };
    std::fs::create_dir_all(work_dir).map_err(io(work_dir))?;
    let file = work_dir.join(format!("medarbejdere-samtidig-{rows}.csv"));
    std::fs::write(&file, crate::people_csv::generate(rows, seed)).map_err(io(&file))?;
    let data_dir = work_dir.join(format!("hvemved-samtidig-{rows}"));
    if data_dir.exists() {
        std::fs::remove_dir_all(&data_dir).map_err(io(&data_dir))?;
    }
    let mut directory = Directory::open(&data_dir)?;
    directory.load_demo(&DemoRequest::default())?;
    let handle = directory.search_handle();

    let _ = writeln!(
        out,
        "… {searchers} colleagues searching, first with nothing else running"
    );
    let idle = search_while(&handle, searchers, || std::thread::sleep(Duration::from_secs(1)));
    let _ = writeln!(
        out,
        "… and while a people CSV of {} rows is imported",
        crate::report::thousands(rows)
    );
    let mut import_seconds = 0.0;
    let mut imported = Ok(());
    let during = search_while(&handle, searchers, || {
        let started = Instant::now();
        imported = directory
            .import_people_file(&file, PeopleImportRequest::default(), &mut |_| {})
            .map(drop);
        import_seconds = started.elapsed().as_secs_f64();
    });
    imported?;
    let mut failures = idle.1;
    failures.extend(during.1);
    Ok(DuringImportReport {
        rows,
        searchers,
        import_seconds,
        idle: Latencies::of(idle.0),
        during: Latencies::of(during.0),
        failures,
    })
}

/// Runs `work` on this thread while `searchers` threads search; returns the
/// milliseconds of every search answered and the errors of those that failed.
fn search_while(handle: &SearchHandle, searchers: usize, work: impl FnOnce()) -> (Vec<f64>, Vec<String>) {
    let done = Arc::new(AtomicBool::new(false));
    let times = Arc::new(Mutex::new(Vec::new()));
    let failures = Arc::new(Mutex::new(Vec::new()));
    let threads: Vec<_> = (0..searchers)
        .map(|n| {
            let (handle, done) = (handle.clone(), Arc::clone(&done));
            let (times, failures) = (Arc::clone(&times), Arc::clone(&failures));
            std::thread::spawn(move || {
                let mut next = n;
                while !done.load(Ordering::Relaxed) {
                    let query = QUERIES[next % QUERIES.len()];
                    next += 1;
                    let started = Instant::now();
                    let answer = handle.search(&SearchRequest::new(query, 10));
                    let ms = started.elapsed().as_secs_f64() * 1000.0;
                    match answer {
                        Ok(_) => times.lock().unwrap().push(ms),
                        Err(e) => failures.lock().unwrap().push(format!("{query}: {e}")),
                    }
                    std::thread::sleep(PAUSE);
                }
            })
        })
        .collect();
    work();
    done.store(true, Ordering::Relaxed);
    for thread in threads {
        let _ = thread.join();
    }
    let times = std::mem::take(&mut *times.lock().unwrap());
    let failures = std::mem::take(&mut *failures.lock().unwrap());
    (times, failures)
}

pub fn print(report: &DuringImportReport, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "Searches during an import: {} colleagues, a people CSV of {} rows",
        report.searchers,
        crate::report::thousands(report.rows)
    )?;
    writeln!(out, "  import + index        {:.2} s", report.import_seconds)?;
    for (label, latencies) in [("idle", &report.idle), ("during import", &report.during)] {
        writeln!(
            out,
            "  {label:<21} {:>6} searches   p50 {:.2} ms   p95 {:.2} ms   max {:.1} ms",
            crate::report::thousands(latencies.searches),
            latencies.p50_ms,
            latencies.p95_ms,
            latencies.max_ms
        )?;
    }
    writeln!(out, "  failed searches       {}", report.failures.len())?;
    for failure in report.failures.iter().take(5) {
        writeln!(out, "    {failure}")?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn searches_go_on_during_a_small_import() {
        let dir = tempfile::tempdir().unwrap();
        let report = run(2_000, 2, 5, dir.path(), &mut Vec::new()).unwrap();
        assert!(report.failures.is_empty(), "{:?}", report.failures);
        assert!(report.idle.searches > 0);
        assert!(
            report.during.searches > 0,
            "no search was answered during the import"
        );
        assert!(report.during.p50_ms > 0.0);
    }
}
