//! Kills during a large import: a JSON bundle of new people and courses that
//! also renames some people already there, and an HR system's people CSV.
//! Either all of it is in the directory afterwards or none of it.

use std::collections::BTreeMap;
use std::path::Path;
use std::time::Duration;

use serde_json::{json, Value};

use crate::harness::{
    count, hvemved, kill_after, open_database, time_to_finish, Attempt, Ending, Tally, Templates,
};
use crate::rng::{self, Rng};
use crate::soundness;

/// A size the index catches up with change by change, and one past the
/// point where it is rebuilt instead; kills land in both ways.
const BUNDLE_SIZES: [usize; 2] = [1_500, 6_000];
const CSV_SIZES: [usize; 2] = [2_500, 8_000];
/// People of the directory the bundle renames, so that an import is also
/// all or nothing for records it changes, not only for those it adds.
const RENAMED: usize = 20;

const FIRST_NAMES: &[&str] = &[
    "Anne", "Bo", "Camilla", "Dorthe", "Emil", "Freja", "Gustav", "Hanne", "Ib", "Jonas", "Karen", "Lars",
    "Mette", "Niels", "Ole", "Pernille", "Rasmus", "Signe", "Torben", "Ulla", "Yasmin", "Åse", "Søren",
];
const LAST_NAMES: &[&str] = &[
    "Hansen",
    "Jensen",
    "Nielsen",
    "Pedersen",
    "Andersen",
    "Christensen",
    "Larsen",
    "Sørensen",
    "Rasmussen",
    "Jørgensen",
    "Madsen",
    "Kristensen",
    "Olsen",
    "Thomsen",
    "Poulsen",
    "Østergaard",
    "Ali",
    "Nguyen",
];
const TITLES: &[&str] = &[
    "Socialrådgiver",
    "Sagsbehandler",
    "Pædagog",
    "Sundhedsplejerske",
    "Ergoterapeut",
    "Konsulent",
    "Teamleder",
    "Jobkonsulent",
];
const DEPARTMENTS: &[&str] = &[
    "Børn og Familie / Myndighed / Team Øst",
    "Børn og Familie / Ungeenheden",
    "Sundhed og Ældre / Hjemmeplejen / Team Nord",
    "Beskæftigelse / Jobcenter / Virksomhedsservice",
    "Kultur og Fritid / Bibliotekerne",
];
const SKILLS: &[&str] = &[
    "Mentalisering",
    "Motiverende samtale",
    "Efterværn",
    "Netværksmøder",
    "Kognitiv adfærdsterapi",
    "Excel",
    "Forvaltningsret",
    "Traumeinformeret praksis",
    "Rusmidler",
    "Fleksjob",
    "Børnesamtaler",
    "Konfliktmægling",
];

/// What a generated bundle should leave in the directory if it lands.
struct BundleFacts {
    new_people: Vec<String>,
    new_courses: Vec<String>,
    /// Existing people and the title the bundle gives them.
    renamed: Vec<(String, String)>,
}

/// A bundle of `size` new people, a course for every twenty of them
/// (attended by new and existing people), and new titles for some of the
/// people in `existing`.
fn generated_bundle(rng: &mut Rng, prefix: &str, size: usize, existing: &[Value]) -> (String, BundleFacts) {
    let mut people = Vec::with_capacity(size + RENAMED);
    let mut facts = BundleFacts {
        new_people: Vec::with_capacity(size),
        new_courses: Vec::new(),
        renamed: Vec::new(),
    };
    for j in 0..size {
        let id = format!("{prefix}-p{j}");
        let skills: Vec<Value> = (0..rng.below(5))
            .map(|k| json!({ "name": SKILLS[(j + 3 * k) % SKILLS.len()], "level": 1 + rng.below(5) }))
            .collect();
        let mut person = json!({
            "id": id,
            "name": format!("{} {}", rng.pick(FIRST_NAMES), rng.pick(LAST_NAMES)),
            "title": rng.pick(TITLES),
            "department": rng.pick(DEPARTMENTS),
            "profession": rng.pick(TITLES),
            "email": format!("{prefix}.{j}@crash.example"),
            "skills": skills,
            "languages": ["dansk"],
        });
        if rng.chance(0.3) {
            person["bio"] = json!(format!("Spørg mig om {}.", rng.pick(SKILLS).to_lowercase()));
        }
        people.push(person);
        facts.new_people.push(id);
    }
    for person in existing.iter().take(RENAMED) {
        let mut renamed = person.clone();
        let title = format!("Omdøbt {prefix}");
        renamed["title"] = json!(title);
        facts
            .renamed
            .push((person["id"].as_str().unwrap().to_string(), title));
        people.push(renamed);
    }
    let courses: Vec<Value> = (0..size / 20)
        .map(|c| {
            let id = format!("{prefix}-c{c}");
            facts.new_courses.push(id.clone());
            let mut attendees: Vec<String> = (0..2 + rng.below(4))
                .map(|_| facts.new_people[rng.below(size)].clone())
                .collect();
            attendees.push(
                existing[rng.below(existing.len())]["id"]
                    .as_str()
                    .unwrap()
                    .to_string(),
            );
            attendees.sort();
            attendees.dedup();
            json!({
                "id": id,
                "title": format!("Temadag om {}", rng.pick(SKILLS).to_lowercase()),
                "date": format!("2024-{:02}-{:02}", 1 + rng.below(12), 1 + rng.below(28)),
                "attendees": attendees,
                "summary": "Hvad lærte vi, og hvad kan andre bruge?",
                "skills": [rng.pick(SKILLS)],
            })
        })
        .collect();
    let bundle = json!({ "format": "hvemved-bundle", "version": 1, "people": people, "courses": courses });
    (bundle.to_string(), facts)
}

/// Writes a generated bundle of `size` new people into `file`; for a
/// template that needs a larger directory than the demo.
pub fn write_bundle(rng: &mut Rng, file: &Path, size: usize, existing: &[Value]) {
    let (text, _) = generated_bundle(rng, "extra", size, existing);
    std::fs::write(file, text).unwrap();
}

/// What the bundle's import left: all of it, none of it, or (a failure) a part.
fn bundle_outcome(data: &Path, people_before: i64, facts: &BundleFacts) -> Result<&'static str, String> {
    let conn = open_database(data)?;
    let people = count(&conn, "SELECT count(*) FROM people")?;
    let in_list =
        |ids: &mut dyn Iterator<Item = &String>| serde_json::to_string(&ids.collect::<Vec<_>>()).unwrap();
    let new_people = conn
        .query_row(
            "SELECT count(*) FROM people WHERE external_id IN (SELECT value FROM json_each(?1))",
            [in_list(&mut facts.new_people.iter())],
            |r| r.get::<_, i64>(0),
        )
        .map_err(|e| e.to_string())?;
    let new_courses = conn
        .query_row(
            "SELECT count(*) FROM courses WHERE external_id IN (SELECT value FROM json_each(?1))",
            [in_list(&mut facts.new_courses.iter())],
            |r| r.get::<_, i64>(0),
        )
        .map_err(|e| e.to_string())?;
    let mut renamed = 0;
    for (id, title) in &facts.renamed {
        let now: Option<String> = conn
            .query_row("SELECT title FROM people WHERE external_id = ?1", [id], |r| {
                r.get(0)
            })
            .map_err(|e| format!("{id}: {e}"))?;
        renamed += i64::from(now.as_deref() == Some(title.as_str()));
    }
    let parts = [
        (people - people_before, facts.new_people.len()),
        (new_people, facts.new_people.len()),
        (new_courses, facts.new_courses.len()),
        (renamed, facts.renamed.len()),
    ];
    if parts.iter().all(|&(found, _)| found == 0) {
        Ok("rolled back")
    } else if parts.iter().all(|&(found, all)| found == all as i64) {
        Ok("landed")
    } else {
        Err(format!(
            "half an import: {} more people of {}, {} of the new people, {} of the new courses, {} of the renames",
            parts[0].0, parts[0].1, parts[1].0, parts[2].0, parts[3].0
        ))
    }
}

pub fn bundle(templates: &Templates, kills: usize, seed: u64, tally: &mut Tally) {
    let (demo, demo_bundle) = templates.demo();
    let existing = demo_bundle["people"].as_array().expect("the export lists people");
    let people_before = existing.len() as i64;
    let import = |data: &Path, file: &Path| {
        let mut command = hvemved(data);
        command.arg("import").arg(file);
        command
    };

    // How long each size takes when left alone, so that kills land inside
    // it; the full import must land whole and leave a sound directory.
    let mut durations = BTreeMap::new();
    for size in BUNDLE_SIZES {
        let scratch = templates.copy(demo);
        let file = scratch.file("bundle.json");
        let (text, facts) = generated_bundle(
            &mut Rng::new(rng::derive(seed, size as u64)),
            "whole",
            size,
            existing,
        );
        std::fs::write(&file, text).unwrap();
        durations.insert(
            size,
            time_to_finish(import(&scratch.data, &file), "a bundle import"),
        );
        assert_eq!(bundle_outcome(&scratch.data, people_before, &facts), Ok("landed"));
        soundness::verify(&scratch.data).unwrap_or_else(|e| panic!("after a whole import: {e}"));
    }

    tally.kill_repeatedly(kills, seed, |rng, scale| {
        let size = *rng.pick(&BUNDLE_SIZES);
        let scratch = templates.copy(demo);
        let file = scratch.file("bundle.json");
        let prefix = format!("k{}", rng.below(1_000_000));
        let (text, facts) = generated_bundle(rng, &prefix, size, existing);
        std::fs::write(&file, text).unwrap();
        let moment = rng.moment(durations[&size].mul_f64(scale));
        match kill_after(import(&scratch.data, &file), moment) {
            Ending::Finished(status) if status.success() => return Attempt::FinishedFirst,
            Ending::Finished(status) => {
                return Attempt::Failed(format!("the import failed by itself: {status}"))
            }
            Ending::Killed => {}
        }
        let what = format!("{size} people, killed at {} ms", moment.as_millis());
        match bundle_outcome(&scratch.data, people_before, &facts)
            .and_then(|outcome| soundness::verify(&scratch.data).map(|()| outcome))
        {
            Ok(outcome) => Attempt::Survived(outcome),
            Err(problem) => Attempt::Failed(format!("{what}: {problem}")),
        }
    });
}

/// A people CSV as a Danish HR system exports it.
fn generated_csv(rng: &mut Rng, first_number: u64, size: usize) -> (String, Vec<String>) {
    let mut text = String::from("Medarbejdernummer;Navn;Stilling;Forvaltning;Afdeling;E-mail;Telefon\r\n");
    let mut numbers = Vec::with_capacity(size);
    for j in 0..size {
        let number = (first_number + j as u64).to_string();
        let department = rng.pick(DEPARTMENTS);
        let mut levels = department.split(" / ");
        text.push_str(&format!(
            "{number};{} {};{};{};{};m{number}@crash.example;+45 {:08}\r\n",
            rng.pick(FIRST_NAMES),
            rng.pick(LAST_NAMES),
            rng.pick(TITLES),
            levels.next().unwrap(),
            levels.next().unwrap(),
            rng.below(100_000_000)
        ));
        numbers.push(number);
    }
    (text, numbers)
}

fn csv_outcome(data: &Path, people_before: i64, numbers: &[String]) -> Result<&'static str, String> {
    let conn = open_database(data)?;
    let people = count(&conn, "SELECT count(*) FROM people")?;
    let new_people = conn
        .query_row(
            "SELECT count(*) FROM people WHERE external_id IN (SELECT value FROM json_each(?1))",
            [serde_json::to_string(numbers).unwrap()],
            |r| r.get::<_, i64>(0),
        )
        .map_err(|e| e.to_string())?;
    match (people - people_before, new_people) {
        (0, 0) => Ok("rolled back"),
        (added, found) if added == numbers.len() as i64 && found == added => Ok("landed"),
        (added, found) => Err(format!(
            "half an import: {added} more people of {}, {found} of the new employee numbers",
            numbers.len()
        )),
    }
}

pub fn people_csv(templates: &Templates, kills: usize, seed: u64, tally: &mut Tally) {
    let (demo, demo_bundle) = templates.demo();
    let people_before = demo_bundle["people"].as_array().unwrap().len() as i64;
    let import = |data: &Path, file: &Path| {
        let mut command = hvemved(data);
        command.arg("import").arg(file).args(["--format", "csv"]);
        command
    };
    let mut durations: BTreeMap<usize, Duration> = BTreeMap::new();
    for size in CSV_SIZES {
        let scratch = templates.copy(demo);
        let file = scratch.file("people.csv");
        let (text, numbers) = generated_csv(&mut Rng::new(rng::derive(seed, size as u64)), 900_000, size);
        std::fs::write(&file, text).unwrap();
        durations.insert(
            size,
            time_to_finish(import(&scratch.data, &file), "a people CSV import"),
        );
        assert_eq!(csv_outcome(&scratch.data, people_before, &numbers), Ok("landed"));
        soundness::verify(&scratch.data).unwrap_or_else(|e| panic!("after a whole import: {e}"));
    }

    tally.kill_repeatedly(kills, seed, |rng, scale| {
        let size = *rng.pick(&CSV_SIZES);
        let scratch = templates.copy(demo);
        let file = scratch.file("people.csv");
        let first_number = 100_000 * (1 + rng.below(9_000) as u64);
        let (text, numbers) = generated_csv(rng, first_number, size);
        std::fs::write(&file, text).unwrap();
        let moment = rng.moment(durations[&size].mul_f64(scale));
        match kill_after(import(&scratch.data, &file), moment) {
            Ending::Finished(status) if status.success() => return Attempt::FinishedFirst,
            Ending::Finished(status) => {
                return Attempt::Failed(format!("the import failed by itself: {status}"))
            }
            Ending::Killed => {}
        }
        let what = format!("{size} rows, killed at {} ms", moment.as_millis());
        match csv_outcome(&scratch.data, people_before, &numbers)
            .and_then(|outcome| soundness::verify(&scratch.data).map(|()| outcome))
        {
            Ok(outcome) => Attempt::Survived(outcome),
            Err(problem) => Attempt::Failed(format!("{what}: {problem}")),
        }
    });
}
