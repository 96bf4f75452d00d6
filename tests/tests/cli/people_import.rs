//! People from an HR system's CSV (as Danish Excel writes it) and from an
//! Active Directory LDIF export, through the real CLI and the core's command
//! list: encodings, Danish headers, the dry-run preview, matching on a second
//! import, fields the employee set themselves, and refusals that write nothing.

use base64::Engine as _;
use serde_json::{json, Value};

use crate::util::{call, ids, TestDir};

/// `text` in Windows-1252, as Danish Excel saves a CSV without a BOM.
fn windows_1252(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            'æ' => 0xE6,
            'ø' => 0xF8,
            'å' => 0xE5,
            'Æ' => 0xC6,
            'Ø' => 0xD8,
            'Å' => 0xC5,
            c if c.is_ascii() => c as u8,
            other => panic!("{other} is not in this test's Windows-1252 table"),
        })
        .collect()
}

const HR_EXPORT: &str = "Medarbejdernummer;Navn;Stilling;Forvaltning;Afdeling;E-mail;Telefon\r\n\
1001;Søren Ærø;Socialrådgiver;Børn og Familie;Myndighed;soren@kommune.dk;+45 11 22 33 44\r\n\
1002;\"Åse\r\nØstergård\";Sundhedsplejerske;Sundhed og Ældre;Sundhedsplejen;ase@kommune.dk;\r\n";

fn import_json(dir: &TestDir, file: &std::path::Path, extra: &[&str]) -> Value {
    let mut args = vec!["import", file.to_str().unwrap(), "--json"];
    args.extend(extra);
    serde_json::from_str(&dir.run_ok(&args)).unwrap()
}

fn people(dir: &TestDir) -> u64 {
    dir.stats()["people"].as_u64().unwrap()
}

#[test]
fn a_windows_1252_hr_export_is_previewed_then_imported_with_its_units() {
    let dir = TestDir::new();
    let file = dir.file("hr.csv");
    std::fs::write(&file, windows_1252(HR_EXPORT)).unwrap();

    let preview = import_json(&dir, &file, &["--dry-run"]);
    assert_eq!(preview["encoding"], "Windows-1252");
    assert_eq!(preview["delimiter"], ";");
    assert_eq!(preview["sample_names"], json!(["Søren Ærø", "Åse Østergård"]));
    assert_eq!(preview["created"], 2);
    assert_eq!(preview["written"], false);
    assert_eq!(preview["outcomes"][1]["line"], 3);
    assert_eq!(people(&dir), 0, "a dry run writes nothing");

    let report = import_json(&dir, &file, &[]);
    assert_eq!(
        (report["created"].as_u64(), report["written"].as_bool()),
        (Some(2), Some(true))
    );
    assert_eq!(report["units_created"], 4);
    let profile: Value = serde_json::from_str(&dir.run_ok(&["person", "show", "1001", "--json"])).unwrap();
    assert_eq!(profile["name"], "Søren Ærø");
    assert_eq!(profile["title"], "Socialrådgiver");
    assert!(
        profile.to_string().contains("Myndighed"),
        "the unit path is stored: {profile}"
    );
    assert_eq!(
        ids(&dir.search("socialrådgiver")),
        vec!["1001"],
        "the index has the new people"
    );
}

#[test]
fn a_second_import_matches_by_employee_id_then_by_e_mail() {
    let dir = TestDir::new();
    let file = dir.file("hr.csv");
    std::fs::write(&file, windows_1252(HR_EXPORT)).unwrap();
    import_json(&dir, &file, &[]);

    let again = import_json(&dir, &file, &[]);
    assert_eq!(
        (again["created"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(2))
    );

    // No employee id, an e-mail in other case, a new title: the same person.
    let by_mail = dir.write(
        "by-mail.csv",
        "Name,Email,Job title\nÅse Østergård,ASE@kommune.dk,Ledende sundhedsplejerske\n",
    );
    let report = import_json(&dir, &by_mail, &[]);
    assert_eq!(
        (report["created"].as_u64(), report["updated"].as_u64()),
        (Some(0), Some(1))
    );
    assert_eq!(report["outcomes"][0]["person"], "1002");
    assert_eq!(report["outcomes"][0]["fields"], json!(["title"]));
    assert_eq!(people(&dir), 2);
}

#[test]
fn a_field_the_employee_set_is_kept_and_listed_as_a_conflict() {
    let root = tempfile::tempdir().unwrap();
    let mut directory = hvemved_core::api::Directory::open(&root.path().join("data")).unwrap();
    let content = base64::engine::general_purpose::STANDARD.encode(windows_1252(HR_EXPORT));
    call(
        &mut directory,
        "import_people",
        json!({ "content_base64": content }),
    );
    call(
        &mut directory,
        "person_update",
        json!({"id": "1001", "title": "Familierådgiver"}),
    );
    let edited = HR_EXPORT.replace("+45 11 22 33 44", "+45 99 88 77 66");
    let report = call(
        &mut directory,
        "import_people",
        json!({ "text": edited, "file_name": "hr.csv" }),
    );
    assert_eq!(report["encoding"], Value::Null, "text needs no decoding");
    let conflicts = report["conflicts"].as_array().unwrap();
    assert_eq!(conflicts.len(), 1, "{report}");
    assert_eq!(conflicts[0]["field"], "title");
    assert_eq!(conflicts[0]["kept"], "Familierådgiver");
    assert_eq!(conflicts[0]["imported"], "Socialrådgiver");
    assert_eq!(
        report["outcomes"][0]["fields"],
        json!(["phone"]),
        "HR's own fields still update"
    );
    let profile = call(&mut directory, "person_show", json!({"id": "1001"}));
    assert_eq!(profile["title"], "Familierådgiver");
    assert_eq!(profile["phone"], "+45 99 88 77 66");
}

#[test]
fn one_bad_row_refuses_the_whole_file_naming_its_line() {
    let dir = TestDir::new();
    let file = dir.write(
        "hr.csv",
        "Medarbejdernummer;Navn;E-mail\n1;Anne;anne@kommune.dk\n2;\"Bo\nBach\";bo(at)kommune.dk\n3;;c@kommune.dk\n",
    );
    let preview = import_json(&dir, &file, &["--dry-run"]);
    let refused: Vec<u64> = preview["refused"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["line"].as_u64().unwrap())
        .collect();
    assert_eq!(refused, vec![3, 5], "{preview}");

    let output = dir
        .hvemved()
        .args(["import", file.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("nothing was imported: 2 rows"), "{stderr}");
    assert!(
        stderr.contains("line 3") && stderr.contains("bo(at)kommune.dk"),
        "{stderr}"
    );
    assert_eq!(people(&dir), 0, "not even the good row was written");
}

#[test]
fn utf16_and_a_column_mapping_are_read() {
    let dir = TestDir::new();
    let text = "Lønnr\tFuldt navn\tKontor\r\n77\tÆrlig Ørsted\tRådhuset, 2. sal\r\n";
    let mut bytes = vec![0xFF, 0xFE];
    bytes.extend(text.encode_utf16().flat_map(|unit| unit.to_le_bytes()));
    let file = dir.file("hr.txt");
    std::fs::write(&file, bytes).unwrap();
    let mapping = dir.write(
        "mapping.txt",
        "# our HR system\nLønnr = employee_id\nFuldt navn = name\n",
    );
    let report = import_json(&dir, &file, &["--mapping", mapping.to_str().unwrap()]);
    assert_eq!(report["encoding"], "UTF-16 LE");
    assert_eq!(report["delimiter"], "tab");
    assert_eq!(report["sample_names"], json!(["Ærlig Ørsted"]));
    let profile: Value = serde_json::from_str(&dir.run_ok(&["person", "show", "77", "--json"])).unwrap();
    assert_eq!(
        profile["location"], "Rådhuset, 2. sal",
        "Kontor is recognised by itself"
    );
}

const LDIF: &str = "version: 1\n\
# AD export\n\
dn: CN=Søren Ærø,OU=Staff,DC=kommune,DC=dk\n\
objectClass: user\n\
displayName:: U8O4cmVuIMOGcsO4\n\
mail: soren@kommune.dk\n\
title: Socialr\n ådgiver\n\
department: Myndighed\n\
employeeID: 1001\n\
\n\
dn: CN=Alle medarbejdere,OU=Groups,DC=kommune,DC=dk\n\
objectClass: group\n\
cn: Alle medarbejdere\n";

#[test]
fn an_active_directory_export_is_imported_and_groups_are_skipped() {
    let dir = TestDir::new();
    let file = dir.file("ad.ldif");
    std::fs::write(&file, LDIF.as_bytes()).unwrap();
    let report = import_json(&dir, &file, &[]);
    assert_eq!(report["format"], "ldif");
    assert_eq!(report["skipped"], 1);
    assert_eq!(report["sample_names"], json!(["Søren Ærø"]));
    let profile: Value = serde_json::from_str(&dir.run_ok(&["person", "show", "1001", "--json"])).unwrap();
    assert_eq!(profile["title"], "Socialrådgiver", "a folded line is joined");
}

#[test]
fn an_ldif_value_pointing_at_a_file_is_refused() {
    let dir = TestDir::new();
    let file = dir.file("ad.ldif");
    std::fs::write(
        &file,
        "dn: CN=Eve,DC=kommune,DC=dk\nobjectClass: user\ncn: Eve\ndescription:< file:///etc/passwd\n",
    )
    .unwrap();
    let output = dir
        .hvemved()
        .args(["import", file.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("line 1"), "{stderr}");
    assert!(!stderr.contains("root:"), "the file was not read: {stderr}");
    assert_eq!(people(&dir), 0);
}

/// Reads a vCard file with Python's vobject (an independent parser, in the
/// virtual environment `scripts/python-tools.sh` makes) and returns each
/// card's full name, family name and organisation.
fn parsed_by_vobject(file: &std::path::Path) -> Value {
    let python = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../target/eval-venv/bin/python");
    assert!(
        python.exists(),
        "{} is missing: run scripts/python-tools.sh",
        python.display()
    );
    let script = r#"
import json, sys, vobject
cards = []
for card in vobject.readComponents(open(sys.argv[1], encoding='utf-8').read(), validate=True):
    cards.append({
        'fn': card.fn.value,
        'family': card.n.value.family,
        'org': card.org.value if hasattr(card, 'org') else None,
    })
print(json.dumps(cards))
"#;
    let output = std::process::Command::new(python)
        .args(["-c", script, file.to_str().unwrap()])
        .output()
        .unwrap();
    assert!(
        output.status.success(),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).unwrap()
}

#[test]
fn vcards_3_and_4_are_read_back_by_an_independent_parser() {
    let dir = TestDir::new();
    let file = dir.file("hr.csv");
    std::fs::write(&file, windows_1252(HR_EXPORT)).unwrap();
    import_json(&dir, &file, &[]);
    for version in ["3", "4"] {
        let cards = dir.file(&format!("kontakter-{version}.vcf"));
        let out = dir.run_ok(&[
            "export",
            cards.to_str().unwrap(),
            "--format",
            "vcard",
            "--vcard-version",
            version,
        ]);
        assert!(out.contains("Exported 2 people"), "{out}");
        let parsed = parsed_by_vobject(&cards);
        assert_eq!(parsed[0]["fn"], "Søren Ærø", "version {version}: {parsed}");
        assert_eq!(parsed[0]["family"], "Ærø");
        assert_eq!(parsed[0]["org"], json!(["Børn og Familie", "Myndighed"]));
        assert_eq!(parsed[1]["fn"], "Åse Østergård");
    }
    let one = dir.file("en.vcf");
    dir.run_ok(&[
        "export",
        one.to_str().unwrap(),
        "--format",
        "vcard",
        "--person",
        "1002",
    ]);
    let parsed = parsed_by_vobject(&one);
    assert_eq!(parsed.as_array().unwrap().len(), 1);
    assert_eq!(parsed[0]["fn"], "Åse Østergård");
}

#[test]
fn the_excel_csv_round_trips_and_neutralises_formulas() {
    let dir = TestDir::new();
    let file = dir.write(
        "hr.csv",
        "Medarbejdernummer;Navn;Stilling;Afdeling;E-mail\n\
         1;Søren Ærø;=HYPERLINK(\"http://x\");Børn og Familie / Myndighed;soren@kommune.dk\n\
         2;Åse Østergård;Sundhedsplejerske;Sundhed;ase@kommune.dk\n",
    );
    import_json(&dir, &file, &[]);
    let exported = dir.file("ud.csv");
    dir.run_ok(&["export", exported.to_str().unwrap(), "--format", "csv"]);
    let bytes = std::fs::read(&exported).unwrap();
    assert!(bytes.starts_with(&[0xEF, 0xBB, 0xBF]), "UTF-8 with BOM for Excel");
    let text = String::from_utf8(bytes[3..].to_vec()).unwrap();
    assert!(
        text.starts_with("Medarbejdernummer;Navn;Stilling;Afdeling;"),
        "{text}"
    );
    assert!(text.contains("Søren Ærø"), "{text}");
    assert!(text.contains("'=HYPERLINK"), "a formula is neutralised: {text}");

    // Read back by the importer: the same people, nothing to change but the
    // neutralised title, which now carries its quote.
    let again = import_json(&dir, &exported, &[]);
    assert_eq!(
        (again["created"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(1)),
        "{again}"
    );
    assert_eq!(again["outcomes"][0]["fields"], json!(["title"]));
    assert_eq!(people(&dir), 2);
}

/// Every row of every table, for comparing a directory with its backup.
fn table_rows(db: &std::path::Path) -> Vec<(String, Vec<String>)> {
    let conn = rusqlite::Connection::open(db).unwrap();
    let tables: Vec<String> = conn
        .prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name")
        .unwrap()
        .query_map([], |r| r.get(0))
        .unwrap()
        .collect::<Result<_, _>>()
        .unwrap();
    tables
        .into_iter()
        .map(|table| {
            let rows: Vec<String> = conn
                .prepare(&format!("SELECT * FROM \"{table}\" ORDER BY 1"))
                .unwrap()
                .query_map([], |r| {
                    let n = r.as_ref().column_count();
                    Ok((0..n)
                        .map(|i| format!("{:?}", r.get_ref(i).unwrap()))
                        .collect::<Vec<_>>()
                        .join("|"))
                })
                .unwrap()
                .collect::<Result<_, _>>()
                .unwrap();
            (table, rows)
        })
        .collect()
}

#[test]
fn a_backup_restores_the_directory_and_its_search() {
    let dir = TestDir::new();
    dir.run_ok(&["demo"]);
    let backup = dir.file("hvemved.backup");
    let out = dir.run_ok(&["backup", backup.to_str().unwrap()]);
    assert!(out.contains("Backed up"), "{out}");
    let before = table_rows(&backup);
    // The live directory holds the same rows, and its audit log one more:
    // the record of this backup, written after the copy was made.
    let mut live = table_rows(&dir.data().join("hvemved.sqlite"));
    let mut backed_up = before.clone();
    let log_of = |tables: &mut Vec<(String, Vec<String>)>| {
        let at = tables.iter().position(|(name, _)| name == "audit_log").unwrap();
        tables.remove(at).1
    };
    let (live_log, backup_log) = (log_of(&mut live), log_of(&mut backed_up));
    assert_eq!(live, backed_up, "the backup holds every row");
    assert_eq!(live_log.len(), backup_log.len() + 1);
    assert_eq!(live_log[..backup_log.len()], backup_log[..]);
    let backup_detail = format!("{:?}", rusqlite::types::ValueRef::Text(b"backup"));
    assert!(live_log.last().unwrap().ends_with(&backup_detail), "{live_log:?}");
    let found = ids(&dir.search("mentalisering"));

    // Change the directory, then restore: the rows and the search are back.
    let file = dir.file("hr.csv");
    std::fs::write(&file, windows_1252(HR_EXPORT)).unwrap();
    import_json(&dir, &file, &[]);
    assert_ne!(table_rows(&dir.data().join("hvemved.sqlite")), before);
    let out = dir.run_ok(&["restore", backup.to_str().unwrap()]);
    assert!(out.contains("Restored"), "{out}");
    // Before searching: a search is written to the audit log. Every table
    // is as in the backup, except the audit log, which keeps what was
    // logged after the backup was made (the backup itself, the import).
    let mut restored = table_rows(&dir.data().join("hvemved.sqlite"));
    let restored_log = log_of(&mut restored);
    assert_eq!(restored, backed_up);
    assert_eq!(restored_log[..backup_log.len()], backup_log[..]);
    let logged_after: Vec<&String> = restored_log[backup_log.len()..].iter().collect();
    let imported = format!("{:?}", rusqlite::types::ValueRef::Text(b"imported"));
    assert!(logged_after[0].ends_with(&backup_detail), "{logged_after:?}");
    assert!(
        logged_after.iter().any(|row| row.contains(&imported)),
        "{logged_after:?}"
    );
    assert_eq!(ids(&dir.search("mentalisering")), found);
    let profile = dir.hvemved().args(["person", "show", "1001"]).output().unwrap();
    assert_eq!(
        profile.status.code(),
        Some(1),
        "the person imported after the backup is gone"
    );
}

#[test]
fn a_file_that_is_not_a_backup_is_refused_and_changes_nothing() {
    let dir = TestDir::new();
    dir.run_ok(&["demo"]);
    let before = dir.stats();
    let bogus = dir.write("not-a-backup.db", "this is not SQLite");
    let output = dir
        .hvemved()
        .args(["restore", bogus.to_str().unwrap()])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("is not a Hvem ved? backup"), "{stderr}");
    assert_eq!(dir.stats(), before);
}

#[test]
fn skills_from_hr_are_added_and_a_level_the_employee_set_is_kept() {
    let dir = TestDir::new();
    let hr = dir.file("hr.csv");
    std::fs::write(&hr, windows_1252(HR_EXPORT)).unwrap();
    import_json(&dir, &hr, &[]);

    let skills = dir.write(
        "skills.csv",
        "Medarbejdernummer;Kompetence;Niveau\n1001;Motiverende samtale;4\nase@kommune.dk;Zebrafinkeopdræt;2\n",
    );
    let preview = import_json(&dir, &skills, &["--format", "skills-csv", "--dry-run"]);
    assert_eq!(
        (preview["added"].as_u64(), preview["written"].as_bool()),
        (Some(2), Some(false))
    );
    assert!(
        ids(&dir.search("zebrafinkeopdræt")).is_empty(),
        "a dry run writes nothing"
    );
    let report = import_json(&dir, &skills, &["--format", "skills-csv"]);
    assert_eq!(report["skills_created"], 2);
    assert!(
        ids(&dir.search("zebrafinkeopdræt")).is_empty(),
        "an imported skill waits for the employee to confirm it"
    );
    dir.run_ok(&[
        "--as",
        "employee:1002",
        "person",
        "skill",
        "1002",
        "Zebrafinkeopdræt",
    ]);
    assert_eq!(
        ids(&dir.search("zebrafinkeopdræt")),
        vec!["1002"],
        "found by e-mail, indexed at once"
    );

    // An entry that came from HR follows the next HR file.
    let own = dir.run_ok(&["person", "show", "1001", "--json"]);
    assert!(own.contains("Motiverende samtale"));
    let lower = dir.write(
        "lower.csv",
        "Medarbejdernummer;Kompetence;Niveau\n1001;Motiverende samtale;1\n",
    );
    let changed = import_json(&dir, &lower, &["--format", "skills-csv"]);
    assert_eq!(
        changed["changed"], 1,
        "an HR entry follows the HR file: {changed}"
    );

    let unknown = dir.write(
        "unknown.csv",
        "Person;Skill;Level\n9999;Fleksjob;3\n1001;Fleksjob;7\n",
    );
    let output = dir
        .hvemved()
        .args(["import", unknown.to_str().unwrap(), "--format", "skills-csv"])
        .output()
        .unwrap();
    let stderr = String::from_utf8(output.stderr).unwrap();
    assert_eq!(output.status.code(), Some(1), "{stderr}");
    assert!(stderr.contains("line 2") && stderr.contains("9999"), "{stderr}");
    assert!(stderr.contains("line 3"), "the bad level is named too: {stderr}");
    assert!(ids(&dir.search("fleksjob")).is_empty(), "nothing written");
}

#[test]
fn a_self_declared_skill_level_is_not_overwritten_by_hr() {
    let root = tempfile::tempdir().unwrap();
    let mut directory = hvemved_core::api::Directory::open(&root.path().join("data")).unwrap();
    call(
        &mut directory,
        "import_people",
        json!({ "text": HR_EXPORT, "file_name": "hr.csv" }),
    );
    call(
        &mut directory,
        "person_skill_set",
        json!({"id": "1001", "skill": "Mentalisering", "level": 5}),
    );
    let report = call(
        &mut directory,
        "import_skills",
        json!({"text": "Medarbejdernummer;Kompetence;Niveau\n1001;Mentalisering;2\n"}),
    );
    assert_eq!(report["conflicts"][0]["kept"], 5, "{report}");
    assert_eq!(report["conflicts"][0]["imported"], 2);
    let profile = call(&mut directory, "person_show", json!({"id": "1001"}));
    let level = profile["skills"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["name"] == "Mentalisering")
        .unwrap()["level"]
        .clone();
    assert_eq!(level, 5);
}

#[test]
fn course_attendance_creates_courses_once_and_makes_attendees_findable() {
    let dir = TestDir::new();
    let hr = dir.file("hr.csv");
    std::fs::write(&hr, windows_1252(HR_EXPORT)).unwrap();
    import_json(&dir, &hr, &[]);
    let attendance = dir.write(
        "attendance.csv",
        "Kursus;Medarbejdernummer;Dato\n\
         Traumebevidst pædagogik;1001;03-02-2025\n\
         Traumebevidst pædagogik;ase@kommune.dk;2025-02-03\n",
    );
    let report = import_json(&dir, &attendance, &["--format", "attendance-csv"]);
    assert_eq!(
        (
            report["courses_created"].as_u64(),
            report["attendances_added"].as_u64()
        ),
        (Some(1), Some(2)),
        "{report}"
    );
    let mut found = ids(&dir.search("traumebevidst"));
    found.sort();
    assert_eq!(found, vec!["1001", "1002"]);
    let again = import_json(&dir, &attendance, &["--format", "attendance-csv"]);
    assert_eq!(
        (again["courses_created"].as_u64(), again["unchanged"].as_u64()),
        (Some(0), Some(2))
    );
}

#[test]
fn a_long_import_reports_its_progress_row_by_row_then_indexing() {
    let root = tempfile::tempdir().unwrap();
    let mut directory = hvemved_core::api::Directory::open(&root.path().join("data")).unwrap();
    let mut text = String::from("Medarbejdernummer;Navn;E-mail\n");
    for i in 0..2_500 {
        text.push_str(&format!("{i};Medarbejder Nummer{i};m{i}@kommune.dk\n"));
    }
    let request = hvemved_core::hr_import::PeopleImportRequest {
        file: hvemved_core::hr_import::FileContent {
            text: Some(text),
            ..Default::default()
        },
        ..Default::default()
    };
    let mut seen = Vec::new();
    let report = directory
        .import_people_reporting(&request, &mut |p| seen.push(p))
        .unwrap();
    assert_eq!(report.import.created, 2_500);
    use hvemved_core::hr_import::ImportStage;
    let rows: Vec<usize> = seen
        .iter()
        .filter(|p| p.stage == ImportStage::Rows)
        .map(|p| p.done)
        .collect();
    assert_eq!(rows, vec![0, 1_000, 2_000, 2_500]);
    assert!(seen.iter().all(|p| p.total == 2_500));
    assert_eq!(seen.last().unwrap().stage, ImportStage::Indexing);
}

#[test]
fn a_backup_downloaded_through_the_api_restores_through_the_api() {
    let (_root, mut directory) = crate::util::api_demo_directory();
    let before = call(&mut directory, "stats", json!({}));
    let backup = call(&mut directory, "backup_download", json!({}));
    assert!(backup["file_name"].as_str().unwrap().ends_with(".backup"));
    let content = backup["content_base64"].as_str().unwrap().to_string();
    let bytes = base64::engine::general_purpose::STANDARD
        .decode(&content)
        .unwrap();
    assert!(bytes.starts_with(b"SQLite format 3\0"));

    call(
        &mut directory,
        "import_people",
        json!({"text": "Navn;E-mail\nNy Kollega;ny@kommune.dk\n"}),
    );
    assert_ne!(
        call(&mut directory, "stats", json!({}))["people"],
        before["people"]
    );
    let report = call(
        &mut directory,
        "restore_upload",
        json!({ "content_base64": content }),
    );
    assert!(report["people_indexed"].as_u64().unwrap() > 100);
    let after = call(&mut directory, "stats", json!({}));
    assert_eq!(after["people"], before["people"]);
    assert!(
        hvemved_core::api::dispatch(&mut directory, "person_show", json!({"id": "ny@kommune.dk"})).is_err()
    );

    let refused = hvemved_core::api::dispatch(
        &mut directory,
        "restore_upload",
        json!({"content_base64": "bm90IGEgZGI="}),
    );
    assert!(refused
        .unwrap_err()
        .to_string()
        .contains("not a Hvem ved? backup"));
}
