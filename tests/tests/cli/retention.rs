//! Retention through the real CLI: people who left long enough ago and old
//! course reports are removed when the rules are applied — from the
//! database, the search index and every file of the directory — and the
//! audit log names the rule as the reason.

use serde_json::Value;

use crate::util::{files_containing, TestDir};

/// A word nobody else has, in the name of the person who left.
const TOKEN: &str = "Zvorbling";

fn json(dir: &TestDir, args: &[&str]) -> Value {
    serde_json::from_str(&dir.run_ok(args)).unwrap()
}

#[test]
fn applying_the_rules_removes_who_left_long_ago_and_old_reports_everywhere() {
    let dir = TestDir::new();
    dir.run_ok(&["demo"]);
    let people = dir.write(
        "hr.csv",
        &format!("Medarbejdernummer;Navn;Stilling;E-mail\nx-901;Preben {TOKEN};Pædagog;preben@kommune.dk\n"),
    );
    dir.run_ok(&["import", people.to_str().unwrap()]);
    let attendance = dir.write(
        "attendance.csv",
        "Kursus;Medarbejdernummer;Dato\nDialogisk læsning;x-901;2025-05-06\nDialogisk læsning;p-0001;2025-05-06\n",
    );
    dir.run_ok(&[
        "import",
        attendance.to_str().unwrap(),
        "--format",
        "attendance-csv",
    ]);
    let skills = dir.write(
        "skills.csv",
        &format!("Medarbejdernummer;Kompetence;Niveau\nx-901;{TOKEN}metoden;4\n"),
    );
    dir.run_ok(&["import", skills.to_str().unwrap(), "--format", "skills-csv"]);
    let skill = format!("{TOKEN}metoden");
    dir.run_ok(&["--as", "employee:x-901", "person", "skill", "x-901", &skill]);
    assert_eq!(
        json(&dir, &["search", TOKEN, "--json"])["results"]
            .as_array()
            .unwrap()
            .len(),
        1
    );

    // The colleague leaves: out of search at once, kept until the rule says.
    let left = dir.run_ok(&["person", "leave", "x-901"]);
    assert!(left.contains("they will be erased 90 days after"), "{left}");
    let search = json(&dir, &["search", TOKEN, "--json"]);
    assert!(search["results"].as_array().unwrap().is_empty(), "{search:#}");
    assert!(
        dir.run_ok(&["person", "show", "x-901"]).contains(TOKEN),
        "kept until then"
    );

    // Time passes: they left in January, and one course was in 2010.
    let (old_course, old_title, courses_before) = {
        let db = rusqlite::Connection::open(dir.data().join("hvemved.sqlite")).unwrap();
        let left_at: Option<String> = db
            .query_row(
                "SELECT left_at FROM people WHERE external_id = 'x-901'",
                [],
                |r| r.get(0),
            )
            .unwrap();
        assert!(left_at.is_some(), "the database dates the leaving");
        db.execute(
            "UPDATE people SET left_at = '2026-01-15T09:00:00Z' WHERE external_id = 'x-901'",
            [],
        )
        .unwrap();
        let (id, title): (String, String) = db
            .query_row(
                "SELECT external_id, title FROM courses ORDER BY external_id LIMIT 1",
                [],
                |r| Ok((r.get(0)?, r.get(1)?)),
            )
            .unwrap();
        db.execute(
            "UPDATE courses SET start_date = '2010-02-01', end_date = '2010-02-02' WHERE external_id = ?1",
            [&id],
        )
        .unwrap();
        let count: i64 = db
            .query_row("SELECT count(*) FROM courses", [], |r| r.get(0))
            .unwrap();
        (id, title, count)
    };

    let preview = json(&dir, &["retention", "show", "--json"]);
    assert_eq!(preview["applied"], false);
    assert_eq!(preview["rules"]["left_people_days"], 90);
    assert_eq!(preview["people"][0]["id"], "x-901");
    assert_eq!(preview["courses"][0]["id"], old_course.as_str());
    assert!(
        dir.run_ok(&["person", "show", "x-901"]).contains(TOKEN),
        "a preview removes nothing"
    );

    let done = json(&dir, &["retention", "apply", "--json"]);
    assert_eq!(done["applied"], true);
    assert_eq!(done["people"].as_array().unwrap().len(), 1);
    assert_eq!(done["courses"][0]["title"], old_title.as_str());

    dir.hvemved().args(["person", "show", "x-901"]).assert().failure();
    let stats = json(&dir, &["stats", "--json"]);
    assert_eq!(stats["courses"].as_i64().unwrap(), courses_before - 1);
    assert_eq!(
        files_containing(&dir.data(), TOKEN),
        Vec::<String>::new(),
        "no copy in any file"
    );

    let audit = json(&dir, &["audit", "--json"]);
    let by_rule: Vec<&Value> = audit
        .as_array()
        .unwrap()
        .iter()
        .filter(|e| e["actor"] == "opbevaringsregel")
        .collect();
    assert_eq!(by_rule.len(), 2, "{audit:#}");
    let entries = audit.as_array().unwrap();
    assert!(entries
        .iter()
        .any(|e| e["person"] == "x-901" && e["detail"] == "fratrådt"));
    assert!(by_rule
        .iter()
        .any(|e| e["person"] == "x-901" && e["detail"] == "fratrådt 2026-01-15, opbevares 90 dage"));

    let again = json(&dir, &["retention", "apply", "--json"]);
    assert!(
        again["people"].as_array().unwrap().is_empty() && again["courses"].as_array().unwrap().is_empty()
    );
}

#[test]
fn the_rules_are_set_checked_and_can_keep_for_good() {
    let dir = TestDir::new();
    dir.run_ok(&["demo"]);
    let set = json(
        &dir,
        &[
            "retention",
            "set",
            "--left-days",
            "never",
            "--course-years",
            "5",
            "--json",
        ],
    );
    assert_eq!(set["rules"]["left_people_days"], Value::Null);
    assert_eq!(set["rules"]["course_report_years"], 5);
    let shown = dir.run_ok(&["retention", "show"]);
    assert!(
        shown.starts_with("People who left are kept for good; course reports 5 years after the course."),
        "{shown}"
    );
    let refused = dir
        .hvemved()
        .args([
            "retention",
            "set",
            "--left-days",
            "99999999",
            "--course-years",
            "5",
        ])
        .assert()
        .failure();
    let stderr = String::from_utf8_lossy(&refused.get_output().stderr).to_string();
    assert!(stderr.contains("at most 36500 days"), "{stderr}");
    let audit = dir.run_ok(&["audit"]);
    assert!(
        audit.contains("opbevaring: fratrådte altid, kursusrapporter 5 år"),
        "{audit}"
    );
}
