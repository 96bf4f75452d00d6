//! The digest (nyhedsbrev) through the core's command list and the CLI: a
//! period's course takeaways, coming share-backs, competences set in the
//! period and new initiatives, for a unit; HTML that fetches nothing and
//! escapes what people typed; Markdown; refusals of bad periods.

use hvemved_core::api::{dispatch, Directory};
use serde_json::{json, Value};

use crate::util::{api_demo_directory, call, TestDir};

fn today() -> chrono::NaiveDate {
    chrono::Local::now().date_naive()
}

fn digest(d: &mut Directory, from: chrono::NaiveDate, to: chrono::NaiveDate, unit: Option<&str>) -> Value {
    call(
        d,
        "digest",
        json!({"from": from.to_string(), "to": to.to_string(), "unit": unit}),
    )
}

#[test]
fn a_digest_holds_the_periods_courses_share_backs_competences_and_initiatives() {
    let (_root, mut d) = api_demo_directory();
    let to = today();
    let from = to - chrono::Duration::days(365);
    let year = digest(&mut d, from, to, None);
    let data = &year["digest"];
    let courses = data["courses"].as_array().unwrap();
    assert!(!courses.is_empty());
    for course in courses {
        let date = course["date"].as_str().unwrap();
        assert!(
            date >= from.to_string().as_str() && date <= to.to_string().as_str(),
            "{date}"
        );
    }
    assert!(!data["share_backs"].as_array().unwrap().is_empty());
    assert!(data["share_backs"]
        .as_array()
        .unwrap()
        .iter()
        .all(|s| s["state"] == "planlagt" && s["date"].as_str().unwrap() >= to.to_string().as_str()));
    assert!(!data["competences"].as_array().unwrap().is_empty());
    assert!(
        !data["initiatives"].as_array().unwrap().is_empty(),
        "demo initiatives started this year"
    );

    // A unit narrows every part to its people.
    let unit = digest(&mut d, from, to, Some("Sundhed og Omsorg"));
    let part = |v: &Value, key: &str| v["digest"][key].as_array().unwrap().len();
    for key in ["courses", "competences", "share_backs"] {
        assert!(part(&unit, key) < part(&year, key), "{key}");
    }
    assert!(unit["digest"]["competences"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["people"].as_array().unwrap())
        .all(|p| p["unit"].as_str().unwrap().starts_with("Sundhed og Omsorg")));

    // A course written today with markup in it shows up, escaped.
    let someone = call(&mut d, "search", json!({"query": "demens", "limit": 1}))["results"][0]["id"].clone();
    call(
        &mut d,
        "course_save",
        json!({"course": {"title": "Demens <script>alert(1)</script> & pårørende", "date": to.to_string(),
                          "key_takeaways": "Brug *livshistorien*", "attendees": [someone]}}),
    );
    let week = digest(&mut d, to - chrono::Duration::days(7), to, None);
    let html = week["html"].as_str().unwrap();
    assert!(html.starts_with("<!DOCTYPE html>") && html.contains("<html lang=\"da\">"));
    assert!(html.contains("Demens &lt;script&gt;alert(1)&lt;/script&gt; &amp; pårørende"));
    assert!(!html.contains("<script"));
    for external in ["http://", "https://", "src=", "<link", "@import", "url("] {
        assert!(!html.contains(external), "the HTML fetches nothing: {external}");
    }
    let markdown = week["markdown"].as_str().unwrap();
    assert!(
        markdown.contains("**Det tager vi med:** Brug \\*livshistorien\\*"),
        "{markdown}"
    );
}

#[test]
fn bad_periods_are_refused_by_name() {
    let (_root, mut d) = api_demo_directory();
    for (args, message) in [
        (
            json!({"from": "2026-13-01", "to": "2026-12-01"}),
            "digest: from \"2026-13-01\" is not a date",
        ),
        (
            json!({"from": "2026-05-01", "to": "2026-04-01"}),
            "the period ends (2026-04-01) before it starts (2026-05-01)",
        ),
    ] {
        let error = dispatch(&mut d, "digest", args).unwrap_err().to_string();
        assert!(error.contains(message), "{error}");
    }
}

#[test]
fn the_cli_writes_html_and_markdown_files() {
    let dir = TestDir::new();
    dir.run_ok(&["demo"]);
    let to = today();
    let from = (to - chrono::Duration::days(180)).to_string();
    let to = to.to_string();
    let html = dir.file("nyhedsbrev.html");
    let markdown = dir.file("nyhedsbrev.md");
    dir.run_ok(&[
        "digest",
        "--from",
        &from,
        "--to",
        &to,
        "--unit",
        "Børn og Familie",
        "--html",
        html.to_str().unwrap(),
        "--markdown",
        markdown.to_str().unwrap(),
    ]);
    let html = std::fs::read_to_string(html).unwrap();
    assert!(html.contains("Nyt fra Børn og Familie"));
    let markdown = std::fs::read_to_string(markdown).unwrap();
    assert!(markdown.starts_with("# Hvem ved? Nyt fra Børn og Familie"));
    let printed = dir.run_ok(&["digest", "--from", &from, "--to", &to]);
    assert!(printed.contains("## Det har vi lært på kurser og konferencer"));
    let refused = dir
        .hvemved()
        .args(["digest", "--from", "i går", "--to", &to])
        .output()
        .unwrap();
    assert!(String::from_utf8_lossy(&refused.stderr).contains("\"i går\" is not a date"));
}
