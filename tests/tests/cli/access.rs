//! Who sees what, enforced in the core: an employee who hides a skill or a
//! field is no longer found by it, and colleagues do not see it, while the
//! employee, their leaders and HR still do; an HR-only course report is
//! neither searched nor shown but to HR; an imported skill waits for the
//! employee to confirm it; and what a role may not do is refused with a
//! message naming the role. Through the core's command list and the CLI.

use serde_json::{json, Value};

use crate::util::{call, ids, TestDir};
use hvemved_core::api::{dispatch, Directory};

/// A unit tree with a leader above an employee, and a colleague elsewhere.
const BUNDLE: &str = r#"{
  "format": "hvemved-bundle",
  "version": 1,
  "people": [
    {"id": "leder", "name": "Lise Leder", "title": "Afdelingsleder",
     "department": "Børn og Familie / Myndighed", "email": "lise@kommune.dk"},
    {"id": "emma", "name": "Emma Medarbejder", "title": "Familierådgiver",
     "department": "Børn og Familie / Myndighed / Team Nord", "phone": "+45 11 22 33 44",
     "bio": "Spørg mig om kvasarpædagogik og handleplaner.",
     "skills": [{"name": "Mentalisering", "level": 4}, {"name": "Zebrafinkeopdræt", "level": 3}]},
    {"id": "kim", "name": "Kim Kollega", "title": "Sundhedsplejerske",
     "department": "Sundhed og Ældre / Sundhedsplejen"}
  ],
  "courses": [
    {"id": "c-1", "title": "Kursus i mentalisering", "attendees": ["emma"],
     "summary": "Om mentalisering i praksis."}
  ]
}"#;

fn directory() -> (tempfile::TempDir, Directory) {
    let root = tempfile::tempdir().unwrap();
    let mut directory = Directory::open(&root.path().join("data")).unwrap();
    call(&mut directory, "import_bundle", json!({ "bundle": BUNDLE }));
    (root, directory)
}

fn act_as(directory: &mut Directory, viewer: &str) {
    directory
        .act_as(hvemved_core::access::Viewer::parse(viewer).unwrap())
        .unwrap();
}

fn found(directory: &mut Directory, query: &str) -> Vec<String> {
    ids(&call(directory, "search", json!({ "query": query })))
}

fn skills(profile: &Value) -> Vec<&str> {
    profile["skills"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["name"].as_str().unwrap())
        .collect()
}

#[test]
fn a_hidden_skill_and_bio_leave_search_and_are_seen_only_by_the_person_their_leader_and_hr() {
    let (_root, mut directory) = directory();
    assert_eq!(found(&mut directory, "zebrafinkeopdræt"), vec!["emma"]);
    assert_eq!(found(&mut directory, "kvasarpædagogik"), vec!["emma"]);

    act_as(&mut directory, "employee:emma");
    call(
        &mut directory,
        "person_skill_visibility",
        json!({ "id": "emma", "skill": "Zebrafinkeopdræt", "shown": false }),
    );
    call(
        &mut directory,
        "person_update",
        json!({ "id": "emma", "hidden_fields": ["bio", "phone"] }),
    );

    act_as(&mut directory, "employee:kim");
    assert!(
        found(&mut directory, "zebrafinkeopdræt").is_empty(),
        "no longer found by it"
    );
    assert!(
        found(&mut directory, "kvasarpædagogik").is_empty(),
        "nor by the hidden bio"
    );
    let hit = call(&mut directory, "search", json!({ "query": "mentalisering" }));
    let evidence = hit["results"][0]["evidence"].to_string();
    assert_eq!(hit["results"][0]["id"], "emma", "what she shows is still found");
    assert!(
        !evidence.contains("Zebrafinke") && !evidence.contains("kvasar"),
        "{evidence}"
    );
    let seen_by_colleague = call(&mut directory, "person_show", json!({ "id": "emma" }));
    assert_eq!(skills(&seen_by_colleague), vec!["Mentalisering"]);
    assert!(seen_by_colleague["bio"].is_null() && seen_by_colleague["phone"].is_null());

    for close in ["employee:emma", "leader:leder", "hr"] {
        act_as(&mut directory, close);
        let profile = call(&mut directory, "person_show", json!({ "id": "emma" }));
        assert_eq!(skills(&profile).len(), 2, "{close} sees the hidden skill");
        assert_eq!(
            profile["phone"], "+45 11 22 33 44",
            "{close} sees the hidden phone"
        );
        let hidden = profile["skills"]
            .as_array()
            .unwrap()
            .iter()
            .find(|s| s["name"] == "Zebrafinkeopdræt")
            .unwrap();
        assert_eq!(hidden["shown"], false, "and that it is hidden");
    }

    // A leader of another unit is a colleague like any other.
    act_as(&mut directory, "leader:kim");
    let profile = call(&mut directory, "person_show", json!({ "id": "emma" }));
    assert_eq!(skills(&profile), vec!["Mentalisering"]);
}

#[test]
fn an_hr_only_report_is_neither_searched_nor_shown_but_to_hr_nor_indexed() {
    let (_root, mut directory) = directory();
    let token = "Qorvixlund";
    call(
        &mut directory,
        "course_save",
        json!({ "course": { "id": "c-hr", "title": "Personalesag", "attendees": ["emma"],
                            "summary": format!("Fortroligt forløb om {token}."), "hr_only": true } }),
    );
    assert!(found(&mut directory, token).is_empty(), "never searched");
    assert_eq!(
        indexed_courses(&mut directory),
        1,
        "never in the index: only c-1 is"
    );

    let listed = |directory: &mut Directory| {
        let list = call(directory, "course_list", json!({}));
        list.as_array().unwrap().iter().any(|c| c["id"] == "c-hr")
    };
    assert!(listed(&mut directory), "HR (here the administrator) lists it");
    act_as(&mut directory, "employee:emma");
    assert!(!listed(&mut directory), "others do not");
    let own = call(&mut directory, "person_show", json!({ "id": "emma" }));
    assert!(
        own["courses"]
            .as_array()
            .unwrap()
            .iter()
            .all(|c| c["id"] != "c-hr"),
        "not even on the attendee's own profile"
    );
    let refused = dispatch(
        &mut directory,
        "course_save",
        json!({ "course": { "id": "c-hr", "title": "Overskrevet" } }),
    )
    .unwrap_err();
    assert_eq!(refused.kind(), "forbidden");

    // Opened to everyone, it is searched at once.
    act_as(&mut directory, "hr");
    call(
        &mut directory,
        "course_save",
        json!({ "course": { "id": "c-hr", "title": "Personalesag", "attendees": ["emma"],
                            "summary": format!("Fortroligt forløb om {token}."), "hr_only": false } }),
    );
    assert_eq!(found(&mut directory, token), vec!["emma"]);
    assert_eq!(indexed_courses(&mut directory), 2);
}

/// How many courses the search index holds documents for, read from the
/// index itself, after checking that it holds exactly what the database
/// says a rebuild would write.
fn indexed_courses(directory: &mut Directory) -> u64 {
    let report = call(directory, "check", json!({}));
    assert_eq!(report["consistent"], true, "{report}");
    report["index"]["courses"].as_u64().unwrap()
}

#[test]
fn what_a_role_may_not_do_is_refused_naming_the_role() {
    let (_root, mut directory) = directory();
    act_as(&mut directory, "employee:kim");
    for (command, args) in [
        ("person_erase", json!({ "id": "emma" })),
        ("person_data", json!({ "id": "emma" })),
        ("audit_log", json!({})),
        ("person_update", json!({ "id": "emma", "title": "Chef" })),
        ("import_bundle", json!({ "bundle": BUNDLE })),
        ("retention_apply", json!({})),
    ] {
        let refused = dispatch(&mut directory, command, args).unwrap_err();
        assert_eq!(refused.kind(), "forbidden", "{command}");
        assert!(
            refused.to_string().contains("employee:kim"),
            "{command}: {refused}"
        );
    }
    // Their own data they may have and change.
    call(&mut directory, "person_data", json!({ "id": "kim" }));
    call(
        &mut directory,
        "person_update",
        json!({ "id": "kim", "title": "Sundhedsplejerske" }),
    );
}

#[test]
fn the_local_users_choice_is_kept_and_named_in_the_audit_log() {
    let (root, mut directory) = directory();
    let session = call(&mut directory, "session", json!({}));
    assert_eq!(session["chosen"], false);
    let chosen = call(
        &mut directory,
        "session_set",
        json!({ "role": "leader", "person": "leder" }),
    );
    assert_eq!(chosen["name"], "Lise Leder");
    call(&mut directory, "person_show", json!({ "id": "emma" }));
    drop(directory);

    let mut reopened = Directory::open(&root.path().join("data")).unwrap();
    let session = call(&mut reopened, "session", json!({}));
    assert_eq!(session["viewer"]["role"], "leader");
    assert_eq!(session["chosen"], true);
    act_as(&mut reopened, "hr");
    let log = call(&mut reopened, "audit_log", json!({ "person": "emma" }));
    assert_eq!(log[0]["actor"], "leader:leder", "{log}");

    let refused = dispatch(&mut reopened, "session_set", json!({ "role": "employee" })).unwrap_err();
    assert!(refused.to_string().contains("employee:ID"), "{refused}");
}

#[test]
fn an_imported_skill_waits_for_the_employee_and_the_cli_obeys_the_same_rules() {
    let dir = TestDir::new();
    let bundle = dir.write("bundle.json", BUNDLE);
    dir.run_ok(&["import", bundle.to_str().unwrap()]);
    let skills = dir.write(
        "skills.csv",
        "Medarbejdernummer;Kompetence;Niveau\nkim;Ammevejledning;4\n",
    );
    dir.run_ok(&["import", skills.to_str().unwrap(), "--format", "skills-csv"]);
    assert!(ids(&dir.search("ammevejledning")).is_empty(), "waits for Kim");
    let own = dir.run_ok(&["--as", "employee:kim", "person", "show", "kim", "--json"]);
    let own: Value = serde_json::from_str(&own).unwrap();
    assert_eq!(own["skills"][0]["awaiting_confirmation"], true, "{own}");
    assert!(dir
        .run_ok(&["--as", "employee:kim", "person", "show", "kim"])
        .contains("hidden until confirmed"));

    let refused = dir
        .hvemved()
        .args([
            "--as",
            "employee:emma",
            "person",
            "skill",
            "kim",
            "Ammevejledning",
        ])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    let message = String::from_utf8_lossy(&refused.stderr);
    assert!(message.contains("employee:emma"), "{message}");

    dir.run_ok(&[
        "--as",
        "employee:kim",
        "person",
        "skill",
        "kim",
        "Ammevejledning",
        "--hide",
    ]);
    let own = dir.run_ok(&["--as", "employee:kim", "person", "show", "kim"]);
    assert!(
        own.contains("hidden from colleagues") && !own.contains("until confirmed"),
        "{own}"
    );
    dir.run_ok(&["--as", "employee:kim", "person", "skill", "kim", "Ammevejledning"]);
    assert_eq!(ids(&dir.search("ammevejledning")), vec!["kim"]);

    let refused = dir
        .hvemved()
        .args(["--as", "leader:leder", "audit"])
        .output()
        .unwrap();
    assert_eq!(refused.status.code(), Some(1));
    let shown = dir.run_ok(&["--as", "employee:kim", "person", "show", "emma", "--json"]);
    let shown: Value = serde_json::from_str(&shown).unwrap();
    assert_eq!(shown["name"], "Emma Medarbejder");
}

fn share_backs_of(directory: &mut Directory, person: &str) -> Vec<Value> {
    let list = call(directory, "shareback_list", json!({ "person": person }));
    list["items"].as_array().unwrap().clone()
}

#[test]
fn an_hr_only_share_back_is_seen_and_changed_only_by_hr_the_attendee_and_their_leader() {
    let (_root, mut directory) = directory();
    let next_week = (chrono::Local::now().date_naive() + chrono::Duration::days(7)).to_string();
    act_as(&mut directory, "hr");
    let item = call(
        &mut directory,
        "shareback_set",
        json!({ "person": "emma", "course": "c-1", "state": "planlagt", "date": next_week,
                "forum": "Samtale med HR", "hr_only": true }),
    );
    assert_eq!(item["hr_only"], true, "{item}");

    act_as(&mut directory, "employee:kim");
    assert!(share_backs_of(&mut directory, "emma").is_empty());
    let courses = call(&mut directory, "course_list", json!({}));
    let attendee = &courses[0]["attendees"][0];
    assert_eq!(attendee["id"], "emma");
    assert!(attendee["share_back"].is_null(), "withheld: {attendee}");
    let digest = call(
        &mut directory,
        "digest",
        json!({ "from": "2000-01-01", "to": next_week }),
    );
    assert!(!digest["markdown"].as_str().unwrap().contains("Samtale med HR"));
    for (command, args) in [
        (
            "shareback_set",
            json!({ "person": "emma", "course": "c-1", "state": "afventer" }),
        ),
        ("shareback_policy_set", json!({ "days": 10 })),
    ] {
        let refused = dispatch(&mut directory, command, args).unwrap_err();
        assert_eq!(refused.kind(), "forbidden", "{command}: {refused}");
    }

    act_as(&mut directory, "leader:leder");
    assert_eq!(share_backs_of(&mut directory, "emma").len(), 1);
    let courses = call(&mut directory, "course_list", json!({}));
    assert_eq!(
        courses[0]["attendees"][0]["share_back"]["forum"],
        "Samtale med HR"
    );

    act_as(&mut directory, "employee:emma");
    let shared = call(
        &mut directory,
        "shareback_set",
        json!({ "person": "emma", "course": "c-1", "state": "delt", "date": next_week }),
    );
    assert_eq!(
        shared["hr_only"], true,
        "the attendee's own change keeps it HR-only"
    );
    let refused = dispatch(
        &mut directory,
        "shareback_set",
        json!({ "person": "emma", "course": "c-1", "state": "delt", "date": next_week, "hr_only": false }),
    )
    .unwrap_err();
    assert_eq!(refused.kind(), "forbidden");

    act_as(&mut directory, "hr");
    call(
        &mut directory,
        "shareback_set",
        json!({ "person": "emma", "course": "c-1", "state": "planlagt", "date": next_week,
                "forum": "Samtale med HR", "hr_only": false }),
    );
    act_as(&mut directory, "employee:kim");
    assert_eq!(share_backs_of(&mut directory, "emma").len(), 1);
    let digest = call(
        &mut directory,
        "digest",
        json!({ "from": "2000-01-01", "to": next_week }),
    );
    assert!(
        digest["markdown"].as_str().unwrap().contains("Samtale med HR"),
        "open to everyone, the session is in the newsletter"
    );
}

#[test]
fn the_share_backs_of_an_hr_only_report_are_listed_for_hr_only() {
    let (_root, mut directory) = directory();
    act_as(&mut directory, "hr");
    call(
        &mut directory,
        "course_save",
        json!({ "course": { "id": "c-1", "title": "Kursus i mentalisering", "attendees": ["emma"],
                            "hr_only": true } }),
    );
    assert_eq!(share_backs_of(&mut directory, "emma").len(), 1);
    act_as(&mut directory, "employee:emma");
    assert!(share_backs_of(&mut directory, "emma").is_empty());
    let refused = dispatch(
        &mut directory,
        "shareback_set",
        json!({ "person": "emma", "course": "c-1", "state": "afventer" }),
    )
    .unwrap_err();
    assert_eq!(refused.kind(), "forbidden");
}

#[test]
fn what_is_hidden_stays_hidden_through_a_bundle_and_a_reimport_does_not_show_it() {
    let (root, mut directory) = directory();
    act_as(&mut directory, "employee:emma");
    call(
        &mut directory,
        "person_skill_visibility",
        json!({ "id": "emma", "skill": "Zebrafinkeopdræt", "shown": false }),
    );
    call(
        &mut directory,
        "person_update",
        json!({ "id": "emma", "hidden_fields": ["bio"] }),
    );
    act_as(&mut directory, "hr");
    call(
        &mut directory,
        "course_save",
        json!({ "course": { "id": "c-1", "title": "Kursus i mentalisering", "attendees": ["emma"],
                            "summary": "Om mentalisering i praksis.", "hr_only": true } }),
    );
    let exported = call(&mut directory, "export_bundle", json!({}));
    let emma = &exported["people"][1];
    assert_eq!(emma["hidden_fields"], json!(["bio"]), "{emma}");
    assert_eq!(emma["skills"][1]["hidden"], true, "{emma}");
    assert!(
        emma["skills"][0].get("hidden").is_none(),
        "shown skills carry no flag"
    );
    assert_eq!(exported["courses"][0]["hr_only"], true);

    let moved = root.path().join("moved");
    let mut other = Directory::open(&moved).unwrap();
    call(
        &mut other,
        "import_bundle",
        json!({ "bundle": exported.to_string() }),
    );
    // A re-import from a tool that knows only the spec's fields shows nothing.
    call(&mut other, "import_bundle", json!({ "bundle": BUNDLE }));
    act_as(&mut other, "employee:kim");
    assert!(found(&mut other, "zebrafinkeopdræt").is_empty());
    assert!(found(&mut other, "kvasarpædagogik").is_empty());
    assert_eq!(
        found(&mut other, "mentalisering"),
        vec!["emma"],
        "the shown skill"
    );
    let profile = call(&mut other, "person_show", json!({ "id": "emma" }));
    assert!(profile["bio"].is_null());
    assert_eq!(skills(&profile), vec!["Mentalisering"]);
    assert!(call(&mut other, "course_list", json!({}))
        .as_array()
        .unwrap()
        .is_empty());
    act_as(&mut other, "employee:emma");
    let own = call(&mut other, "person_show", json!({ "id": "emma" }));
    assert_eq!(skills(&own), vec!["Mentalisering", "Zebrafinkeopdræt"]);
    assert!(own["bio"].as_str().unwrap().contains("kvasarpædagogik"));
}
