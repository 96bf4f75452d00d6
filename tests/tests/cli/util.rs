//! A temporary directory of Hvem ved? and a way to run the CLI on it.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::OnceLock;
use std::time::Duration;

use assert_cmd::Command;
use hvemved_core::api::{dispatch, Directory};
use serde_json::{json, Value};

pub fn fixture(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("fixtures").join(name)
}

/// The `hvemved` binary, built once per test run: cargo builds a workspace's
/// binaries for the integration tests of their own package only, and these
/// tests live in another, so without this a stale or missing binary would be
/// tested.
pub fn hvemved_binary() -> &'static Path {
    static BINARY: OnceLock<PathBuf> = OnceLock::new();
    BINARY.get_or_init(|| {
        let cargo = std::env::var("CARGO").unwrap_or_else(|_| "cargo".into());
        let status = std::process::Command::new(cargo)
            .args(["build", "--quiet", "-p", "hvemved-cli", "--bin", "hvemved"])
            .current_dir(env!("CARGO_MANIFEST_DIR"))
            .status()
            .expect("cargo runs");
        assert!(status.success(), "building the hvemved binary failed");
        assert_cmd::cargo::cargo_bin("hvemved")
    })
}

pub struct TestDir {
    pub root: tempfile::TempDir,
}

impl TestDir {
    pub fn new() -> TestDir {
        TestDir {
            root: tempfile::tempdir().expect("a temporary directory"),
        }
    }

    pub fn data(&self) -> PathBuf {
        self.root.path().join("data")
    }

    pub fn file(&self, name: &str) -> PathBuf {
        self.root.path().join(name)
    }

    pub fn write(&self, name: &str, contents: &str) -> PathBuf {
        let path = self.file(name);
        std::fs::write(&path, contents).unwrap();
        path
    }

    /// `hvemved --data-dir <data> ARGS…`, with the environment cleared of an
    /// outer `HVEMVED_DATA_DIR` so that tests never touch a real directory.
    pub fn hvemved(&self) -> Command {
        let mut cmd = Command::new(hvemved_binary());
        cmd.env_remove("HVEMVED_DATA_DIR")
            .arg("--data-dir")
            .arg(self.data());
        cmd
    }

    pub fn run_ok(&self, args: &[&str]) -> String {
        let output = self.hvemved().args(args).output().unwrap();
        assert!(
            output.status.success(),
            "hvemved {args:?} should succeed; stderr: {}",
            String::from_utf8_lossy(&output.stderr)
        );
        String::from_utf8(output.stdout).unwrap()
    }

    pub fn import_fixture(&self, name: &str) -> String {
        self.run_ok(&["import", fixture(name).to_str().unwrap()])
    }

    pub fn stats(&self) -> Value {
        serde_json::from_str(&self.run_ok(&["stats", "--json"])).unwrap()
    }

    pub fn export(&self) -> Value {
        serde_json::from_str(&self.run_ok(&["export", "-"])).unwrap()
    }

    pub fn search(&self, query: &str) -> Value {
        serde_json::from_str(&self.run_ok(&["search", query, "--json", "--limit", "10"])).unwrap()
    }
}

/// The ids of the people a search returned, best first.
pub fn ids(response: &Value) -> Vec<String> {
    response["results"]
        .as_array()
        .expect("results is a list")
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect()
}

/// A directory opened through the core's command list (the way the desktop
/// app and the HTTP face call it), with the bundle fixture `name` imported.
pub fn api_directory(name: &str) -> (tempfile::TempDir, Directory) {
    let (root, mut directory) = empty_api_directory();
    let bundle = std::fs::read_to_string(fixture(name)).unwrap();
    call(&mut directory, "import_bundle", json!({ "bundle": bundle }));
    (root, directory)
}

/// A directory opened through the core's command list, with the demo municipality.
pub fn api_demo_directory() -> (tempfile::TempDir, Directory) {
    let (root, mut directory) = empty_api_directory();
    call(&mut directory, "load_demo", json!({}));
    (root, directory)
}

fn empty_api_directory() -> (tempfile::TempDir, Directory) {
    let root = tempfile::tempdir().unwrap();
    let directory = Directory::open(&root.path().join("data")).unwrap();
    (root, directory)
}

/// Runs a command of the core's list, failing the test with its error.
pub fn call(directory: &mut Directory, command: &str, args: Value) -> Value {
    dispatch(directory, command, args).unwrap_or_else(|e| panic!("{command} failed: {e}"))
}

/// Every file under `root` whose bytes contain `needle`.
pub fn files_containing(root: &std::path::Path, needle: &str) -> Vec<String> {
    let mut found = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let path = entry.unwrap().path();
            if path.is_dir() {
                stack.push(path);
            } else {
                let bytes = std::fs::read(&path).unwrap();
                let lower: Vec<u8> = bytes.iter().map(|b| b.to_ascii_lowercase()).collect();
                let needle = needle.to_ascii_lowercase();
                if lower.windows(needle.len()).any(|w| w == needle.as_bytes()) {
                    found.push(path.display().to_string());
                }
            }
        }
    }
    found
}

/// `hvemved serve` on a free loopback port, stopped when dropped.
pub struct Server {
    child: Child,
    pub port: u16,
}

impl Server {
    pub fn start(data: &Path) -> Server {
        let mut child = std::process::Command::new(hvemved_binary())
            .env_remove("HVEMVED_DATA_DIR")
            .arg("--data-dir")
            .arg(data)
            .args(["serve", "--addr", "127.0.0.1:0"])
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut line = String::new();
        BufReader::new(child.stdout.take().unwrap())
            .read_line(&mut line)
            .unwrap();
        let port = line
            .split("127.0.0.1:")
            .nth(1)
            .and_then(|rest| rest.split('/').next())
            .and_then(|p| p.parse().ok())
            .unwrap_or_else(|| panic!("the server names its address: {line:?}"));
        Server { child, port }
    }
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// `POST /api/<command>`: the status and the body.
pub fn post(port: u16, command: &str, body: &str) -> (u16, String) {
    let mut stream = TcpStream::connect(("127.0.0.1", port)).unwrap();
    stream.set_read_timeout(Some(Duration::from_secs(60))).unwrap();
    write!(
        stream,
        "POST /api/{command} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
         Connection: close\r\nContent-Length: {}\r\n\r\n{body}",
        body.len()
    )
    .unwrap();
    let mut response = String::new();
    stream.read_to_string(&mut response).unwrap();
    let status = response
        .get(9..12)
        .and_then(|s| s.parse().ok())
        .unwrap_or_else(|| panic!("{command}: not an HTTP response: {response:.200}"));
    let body = response
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    (status, body)
}
