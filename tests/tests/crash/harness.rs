//! Running the real binary and killing it: the binary itself, template
//! directories copied for every kill, the kill loop and its tally.

use std::cell::OnceCell;
use std::collections::BTreeMap;
use std::os::unix::process::ExitStatusExt;
use std::path::{Path, PathBuf};
use std::process::{Command, ExitStatus, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

use serde_json::Value;

use crate::rng::{self, Rng};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scenario {
    BundleImport,
    CsvImport,
    HttpEdits,
    Reindex,
    Migration,
}

impl Scenario {
    pub fn name(self) -> &'static str {
        match self {
            Scenario::BundleImport => "bundle import",
            Scenario::CsvImport => "people CSV import",
            Scenario::HttpEdits => "HTTP edits",
            Scenario::Reindex => "reindex",
            Scenario::Migration => "schema migration",
        }
    }
}

/// The `hvemved` binary: `HVEMVED_CRASH_BINARY` when set (a release build),
/// else the workspace's debug build, built once per run. Cargo builds a
/// workspace's binaries only for the tests of their own package, and these
/// live in another, so without the build a stale binary would be killed.
pub fn hvemved_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        if let Some(path) = std::env::var_os("HVEMVED_CRASH_BINARY") {
            let path = PathBuf::from(path);
            let path = if path.is_relative() {
                Path::new(env!("CARGO_MANIFEST_DIR")).join("..").join(path)
            } else {
                path
            };
            assert!(
                path.is_file(),
                "HVEMVED_CRASH_BINARY {} is not a file",
                path.display()
            );
            return path;
        }
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = Command::new(cargo)
            .args(["build", "--quiet", "-p", "hvemved-cli", "--bin", "hvemved"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building the hvemved binary failed");
        assert_cmd::cargo::cargo_bin("hvemved")
    })
}

/// `hvemved --data-dir DATA`, never touching a directory named in the
/// environment, with its output discarded unless asked for.
pub fn hvemved(data: &Path) -> Command {
    let mut command = Command::new(hvemved_binary());
    command
        .env_remove("HVEMVED_DATA_DIR")
        .arg("--data-dir")
        .arg(data)
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::null());
    command
}

/// Runs `hvemved ARGS` to the end; its standard output, or what went wrong.
pub fn run(data: &Path, args: &[&str]) -> Result<String, String> {
    let output = hvemved(data)
        .args(args)
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .output()
        .map_err(|e| format!("hvemved {args:?} did not start: {e}"))?;
    if output.status.success() {
        Ok(String::from_utf8_lossy(&output.stdout).into_owned())
    } else {
        Err(format!(
            "hvemved {args:?} failed ({}): {}{}",
            output.status,
            String::from_utf8_lossy(&output.stderr).trim(),
            String::from_utf8_lossy(&output.stdout).trim()
        ))
    }
}

/// Like [`run`], for setting up: a failure there is a broken test.
pub fn run_ok(data: &Path, args: &[&str]) -> String {
    run(data, args).unwrap_or_else(|e| panic!("{e}"))
}

pub enum Ending {
    /// SIGKILL ended it.
    Killed,
    /// It ended by itself before the kill.
    Finished(ExitStatus),
}

/// Starts `command`, and SIGKILLs it `after` that long unless it has ended.
pub fn kill_after(mut command: Command, after: Duration) -> Ending {
    let mut child = command.spawn().expect("hvemved starts");
    std::thread::sleep(after);
    if let Some(status) = child.try_wait().expect("the child can be waited for") {
        return Ending::Finished(status);
    }
    // `Child::kill` is SIGKILL on Unix: no destructor, no flush, no cleanup.
    let _ = child.kill();
    let status = child.wait().expect("the child can be waited for");
    match status.signal() {
        Some(9) => Ending::Killed,
        _ => Ending::Finished(status),
    }
}

/// How long `command` takes when left alone; it must succeed.
pub fn time_to_finish(mut command: Command, what: &str) -> Duration {
    let started = Instant::now();
    let status = command.status().expect("hvemved starts");
    assert!(status.success(), "{what} failed when left alone: {status}");
    started.elapsed()
}

pub fn copy_dir(from: &Path, to: &Path) {
    std::fs::create_dir_all(to).unwrap();
    for entry in std::fs::read_dir(from).unwrap() {
        let entry = entry.unwrap();
        let target = to.join(entry.file_name());
        if entry.file_type().unwrap().is_dir() {
            copy_dir(&entry.path(), &target);
        } else {
            std::fs::copy(entry.path(), &target).unwrap();
        }
    }
}

/// What one attempt at a kill came to.
pub enum Attempt {
    /// The process ended by itself before the kill: no kill, try again.
    FinishedFirst,
    /// Killed, and the directory was sound; the label says what the kill hit
    /// (e.g. "rolled back" or "landed").
    Survived(&'static str),
    /// Killed (or ended by itself with an error), and something was wrong.
    Failed(String),
}

pub struct Tally {
    pub scenario: Scenario,
    pub kills: usize,
    pub finished_first: usize,
    pub outcomes: BTreeMap<&'static str, usize>,
    pub failures: Vec<String>,
}

impl Tally {
    pub fn new(scenario: Scenario) -> Tally {
        Tally {
            scenario,
            kills: 0,
            finished_first: 0,
            outcomes: BTreeMap::new(),
            failures: Vec::new(),
        }
    }

    pub fn count(&mut self, label: &'static str, n: usize) {
        *self.outcomes.entry(label).or_default() += n;
    }

    pub fn line(&self) -> String {
        let outcomes: Vec<String> = self
            .outcomes
            .iter()
            .map(|(label, n)| format!("{label} {n}"))
            .collect();
        format!(
            "{:<18} {:>4} kills, {:>4} survived, {:>3} failed ({}); {} runs ended before their kill",
            self.scenario.name(),
            self.kills,
            self.kills - self.failures.len(),
            self.failures.len(),
            outcomes.join(", "),
            self.finished_first
        )
    }

    /// Makes `kills` kills, each attempt with a generator of its own.
    /// `attempt` is given the generator and a scale for its kill moment,
    /// which shrinks whenever a run ends before its kill so that the kills
    /// keep landing inside the work.
    pub fn kill_repeatedly(
        &mut self,
        kills: usize,
        seed: u64,
        mut attempt: impl FnMut(&mut Rng, f64) -> Attempt,
    ) {
        let mut scale = 1.0;
        let mut tries = 0u64;
        let goal = self.kills + kills;
        while self.kills < goal {
            tries += 1;
            assert!(
                tries <= 20 + 10 * kills as u64,
                "{}: too many runs ended before their kill; the kill moments are miscalibrated",
                self.scenario.name()
            );
            let attempt_seed = rng::derive(seed, tries);
            match attempt(&mut Rng::new(attempt_seed), scale) {
                Attempt::FinishedFirst => {
                    self.finished_first += 1;
                    scale *= 0.85;
                }
                Attempt::Survived(label) => {
                    self.kills += 1;
                    self.count(label, 1);
                }
                Attempt::Failed(problem) => {
                    self.kills += 1;
                    self.failures
                        .push(format!("run {tries} (attempt seed {attempt_seed}): {problem}"));
                }
            }
        }
    }
}

/// Directories set up once and copied for each kill.
pub struct Templates {
    root: tempfile::TempDir,
    demo: OnceCell<(PathBuf, Value)>,
}

impl Templates {
    pub fn new() -> Templates {
        Templates {
            root: tempfile::tempdir().expect("a temporary directory"),
            demo: OnceCell::new(),
        }
    }

    /// A place for a template of a scenario's own.
    pub fn path(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    /// The demo municipality (people, courses, initiatives, share-backs,
    /// knowledge owners), and its export as a bundle.
    pub fn demo(&self) -> (&Path, &Value) {
        let (path, bundle) = self.demo.get_or_init(|| {
            let data = self.path("demo");
            run_ok(&data, &["demo"]);
            let bundle = serde_json::from_str(&run_ok(&data, &["export", "-"])).expect("the export is JSON");
            (data, bundle)
        });
        (path, bundle)
    }

    /// A fresh copy of the template at `template`, removed when dropped.
    pub fn copy(&self, template: &Path) -> Scratch {
        let root = tempfile::tempdir().expect("a temporary directory");
        let data = root.path().join("data");
        copy_dir(template, &data);
        Scratch { root, data }
    }
}

pub struct Scratch {
    pub root: tempfile::TempDir,
    pub data: PathBuf,
}

impl Scratch {
    pub fn file(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }
}

/// The directory's database file.
pub fn database(data: &Path) -> PathBuf {
    data.join("hvemved.sqlite")
}

/// The database opened directly, as a second opinion beside the app's own.
pub fn open_database(data: &Path) -> Result<rusqlite::Connection, String> {
    rusqlite::Connection::open(database(data)).map_err(|e| format!("the database does not open: {e}"))
}

pub fn count(conn: &rusqlite::Connection, sql: &str) -> Result<i64, String> {
    conn.query_row(sql, [], |r| r.get(0))
        .map_err(|e| format!("{sql}: {e}"))
}
