//! A full disk, for real: the directory lives on a small tmpfs the test
//! mounts (CI runs as root, as this test needs), and an import that does not
//! fit is started. The user gets a clear message, nothing is half-written,
//! the directory stays usable and consistent, and once there is space the
//! same import works.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde_json::Value;

use crate::util::{hvemved_binary, TestDir};

/// A tmpfs mounted for the test, unmounted when it ends.
struct SmallDisk {
    mount_point: PathBuf,
}

impl SmallDisk {
    fn mount(at: &Path, size: &str) -> SmallDisk {
        std::fs::create_dir_all(at).unwrap();
        let status = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(at)
            .status()
            .expect("mount runs");
        assert!(
            status.success(),
            "mounting a {size} tmpfs failed: this test needs root (as CI has) to make a small disk"
        );
        SmallDisk {
            mount_point: at.to_path_buf(),
        }
    }

    fn resize(&self, size: &str) {
        let status = Command::new("mount")
            .args(["-o", &format!("remount,size={size}")])
            .arg(&self.mount_point)
            .status()
            .unwrap();
        assert!(status.success(), "resizing the tmpfs to {size}");
    }
}

impl Drop for SmallDisk {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg(&self.mount_point).status();
    }
}

fn people_csv(dir: &TestDir, rows: usize) -> PathBuf {
    let mut text = String::from("Medarbejdernummer;Navn;Stilling;Afdeling;E-mail\n");
    for i in 0..rows {
        text.push_str(&format!(
            "FD-{i};Fuld Disk Nummer{i};Sagsbehandler;Jobcenter;fulddisk{i}@kommune.dk\n"
        ));
    }
    dir.write("mange.csv", &text)
}

fn hvemved_on(_dir: &TestDir, data: &Path, args: &[&str]) -> std::process::Output {
    Command::new(hvemved_binary())
        .env_remove("HVEMVED_DATA_DIR")
        .arg("--data-dir")
        .arg(data)
        .args(args)
        .output()
        .unwrap()
}

fn json_on(dir: &TestDir, data: &Path, args: &[&str]) -> Value {
    let output = hvemved_on(dir, data, args);
    assert!(
        output.status.success(),
        "{args:?}: {}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

/// The database and the index agree, document by document.
fn assert_consistent(dir: &TestDir, data: &Path) {
    let report = json_on(dir, data, &["check", "--json"]);
    assert_eq!(report["consistent"], true, "{report:#}");
}

#[test]
fn an_import_that_does_not_fit_writes_nothing_says_so_and_works_once_there_is_space() {
    let dir = TestDir::new();
    let disk = SmallDisk::mount(&dir.file("disk"), "6m");
    let data = disk.mount_point.join("data");
    let demo = hvemved_on(&dir, &data, &["demo"]);
    assert!(demo.status.success(), "{}", String::from_utf8_lossy(&demo.stderr));
    let before = json_on(&dir, &data, &["stats", "--json"]);
    let csv = people_csv(&dir, 40_000);

    let refused = hvemved_on(&dir, &data, &["import", csv.to_str().unwrap()]);
    let stderr = String::from_utf8_lossy(&refused.stderr).to_string();
    assert_eq!(
        refused.status.code(),
        Some(1),
        "a full disk is for the user to act on: {stderr}"
    );
    assert!(
        stderr.contains("the disk is full") && stderr.contains("free some space and try again"),
        "{stderr}"
    );

    let after = json_on(&dir, &data, &["stats", "--json"]);
    assert_eq!(after["people"], before["people"], "not one row was written");
    assert_eq!(after["change_seq"], before["change_seq"]);
    assert_consistent(&dir, &data);
    let search = json_on(&dir, &data, &["search", "mentalisering", "--json"]);
    assert!(
        !search["results"].as_array().unwrap().is_empty(),
        "the directory stays usable"
    );

    disk.resize("256m");
    let imported = hvemved_on(&dir, &data, &["import", csv.to_str().unwrap()]);
    assert!(
        imported.status.success(),
        "{}",
        String::from_utf8_lossy(&imported.stderr)
    );
    let grown = json_on(&dir, &data, &["stats", "--json"]);
    assert_eq!(
        grown["people"].as_u64().unwrap(),
        before["people"].as_u64().unwrap() + 40_000
    );
    assert_consistent(&dir, &data);
}

#[test]
fn whichever_write_the_disk_stops_the_directory_is_whole_afterwards() {
    // Sizes from "the database cannot grow" to "only the index cannot":
    // each run ends in one of three ways, all of them sound.
    let mut outcomes = Vec::new();
    for size in ["3m", "4m", "5m", "6m", "7m", "8m", "10m", "12m"] {
        let dir = TestDir::new();
        let disk = SmallDisk::mount(&dir.file("disk"), size);
        let data = disk.mount_point.join("data");
        let demo = hvemved_on(&dir, &data, &["demo"]);
        if !demo.status.success() {
            // Too small even for the demo: said clearly, and nothing half-made.
            let stderr = String::from_utf8_lossy(&demo.stderr);
            assert!(stderr.contains("the disk is full"), "{size}: {stderr}");
            outcomes.push((size, "demo refused"));
            continue;
        }
        let before = json_on(&dir, &data, &["stats", "--json"]);
        let csv = people_csv(&dir, 12_000);
        let run = hvemved_on(&dir, &data, &["import", csv.to_str().unwrap()]);
        let stderr = String::from_utf8_lossy(&run.stderr).to_string();
        disk.resize("256m");
        let people = json_on(&dir, &data, &["stats", "--json"])["people"]
            .as_u64()
            .unwrap();
        let before_people = before["people"].as_u64().unwrap();
        let outcome = if run.status.success() {
            assert_eq!(people, before_people + 12_000, "{size}");
            "imported"
        } else {
            assert_eq!(run.status.code(), Some(1), "{size}: {stderr}");
            assert!(stderr.contains("the disk is full"), "{size}: {stderr}");
            if people == before_people {
                "nothing written"
            } else {
                assert_eq!(people, before_people + 12_000, "all or nothing at {size}");
                assert!(
                    stderr.contains("search index"),
                    "{size}: the message says the index lags: {stderr}"
                );
                "saved, index caught up later"
            }
        };
        // Opening again (with space) brings the index level with the database.
        assert_consistent(&dir, &data);
        let found = json_on(&dir, &data, &["person", "show", "p-0001", "--json"]);
        assert!(found["name"].is_string(), "{size}: usable afterwards");
        outcomes.push((size, outcome));
    }
    eprintln!("# full disk outcomes: {outcomes:?}");
    assert!(
        outcomes.iter().any(|(_, o)| *o == "nothing written"),
        "some size stops the database write: {outcomes:?}"
    );
}
