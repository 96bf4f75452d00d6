//! Kills `hvemved serve` while a client streams edits to it: skills added
//! and removed, titles changed, course reports written. Every edit whose
//! response came back must be in the directory afterwards; the one in
//! flight when the server died may or may not be, but never in part.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpStream;
use std::path::Path;
use std::process::Stdio;
use std::time::Duration;

use serde_json::{json, Value};

use crate::harness::{self, hvemved, open_database, Attempt, Tally, Templates};
use crate::rng::Rng;
use crate::soundness;

/// The server runs for a moment in this range before it is killed.
const EARLIEST_KILL: Duration = Duration::from_millis(100);
const LATEST_KILL: Duration = Duration::from_millis(1_500);

#[derive(Debug, Clone)]
enum Edit {
    AddSkill {
        person: String,
        skill: String,
    },
    RemoveSkill {
        person: String,
        skill: String,
    },
    SetTitle {
        person: String,
        title: String,
    },
    WriteCourse {
        id: String,
        word: String,
        attendees: Vec<String>,
    },
}

impl Edit {
    fn command(&self) -> (&'static str, Value) {
        match self {
            Edit::AddSkill { person, skill } => (
                "person_skill_set",
                json!({ "id": person, "skill": skill, "level": 3, "can_mentor": true }),
            ),
            Edit::RemoveSkill { person, skill } => {
                ("person_skill_remove", json!({ "id": person, "skill": skill }))
            }
            Edit::SetTitle { person, title } => ("person_update", json!({ "id": person, "title": title })),
            Edit::WriteCourse { id, word, attendees } => (
                "course_save",
                json!({ "course": {
                    "id": id,
                    "title": format!("Rapport om {word}"),
                    "kind": "kursus",
                    "date": "2024-05-01",
                    "summary": format!("Vi lærte om {word} og deler det på næste teammøde."),
                    "attendees": attendees,
                    "authors": [attendees[0]],
                }}),
            ),
        }
    }
}

/// The edits the server acknowledged, folded into what must now hold.
#[derive(Default)]
struct Acknowledged {
    edits: usize,
    /// (person, skill) → present after the last acknowledged edit of it.
    skills: BTreeMap<(String, String), bool>,
    titles: BTreeMap<String, String>,
    courses: BTreeMap<String, Vec<String>>,
    /// Searches that must find a person once the index has caught up:
    /// the made-up word and whom it must find.
    searchable: Vec<(String, String)>,
}

impl Acknowledged {
    fn record(&mut self, edit: &Edit) {
        self.edits += 1;
        match edit {
            Edit::AddSkill { person, skill } => {
                self.skills.insert((person.clone(), skill.clone()), true);
                self.searchable.push((skill.clone(), person.clone()));
            }
            Edit::RemoveSkill { person, skill } => {
                self.skills.insert((person.clone(), skill.clone()), false);
                self.searchable.retain(|(word, _)| word != skill);
            }
            Edit::SetTitle { person, title } => {
                self.titles.insert(person.clone(), title.clone());
            }
            Edit::WriteCourse { id, word, attendees } => {
                self.courses.insert(id.clone(), attendees.clone());
                self.searchable.push((word.clone(), attendees[0].clone()));
            }
        }
    }
}

pub fn run(templates: &Templates, kills: usize, seed: u64, tally: &mut Tally) {
    let (demo, demo_bundle) = templates.demo();
    let people: Vec<String> = demo_bundle["people"]
        .as_array()
        .unwrap()
        .iter()
        .map(|p| p["id"].as_str().unwrap().to_string())
        .collect();
    let mut acknowledged_total = 0;
    tally.kill_repeatedly(kills, seed, |rng, _| {
        let scratch = templates.copy(demo);
        let result = edit_until_killed(&scratch.data, rng, &people);
        match result {
            Ok((outcome, acknowledged)) => {
                acknowledged_total += acknowledged;
                Attempt::Survived(outcome)
            }
            Err(problem) => Attempt::Failed(problem),
        }
    });
    tally.count("acknowledged edits checked", acknowledged_total);
}

fn edit_until_killed(data: &Path, rng: &mut Rng, people: &[String]) -> Result<(&'static str, usize), String> {
    let mut server = hvemved(data);
    server
        .args(["serve", "--addr", "127.0.0.1:0"])
        .stdout(Stdio::piped());
    let mut child = server.spawn().map_err(|e| format!("serve did not start: {e}"))?;
    let mut line = String::new();
    BufReader::new(child.stdout.take().unwrap())
        .read_line(&mut line)
        .map_err(|e| format!("serve said nothing: {e}"))?;
    let port: u16 = line
        .split("127.0.0.1:")
        .nth(1)
        .and_then(|rest| rest.split('/').next())
        .and_then(|p| p.parse().ok())
        .ok_or_else(|| format!("serve did not name its address: {line:?}"))?;

    let moment = EARLIEST_KILL + rng.moment(LATEST_KILL - EARLIEST_KILL);
    let killer = std::thread::spawn(move || {
        std::thread::sleep(moment);
        let still_running = matches!(child.try_wait(), Ok(None));
        let _ = child.kill();
        let _ = child.wait();
        still_running
    });

    let mut acknowledged = Acknowledged::default();
    let mut in_flight = None;
    for n in 0.. {
        let edit = next_edit(rng, people, &acknowledged, n);
        let (command, args) = edit.command();
        match post(port, command, &args) {
            Reply::Ok => acknowledged.record(&edit),
            Reply::Refused(status, body) => {
                let _ = killer.join();
                return Err(format!("{command} {args} was refused with {status}: {body}"));
            }
            Reply::NoAnswer => {
                in_flight = Some(edit);
                break;
            }
        }
    }
    if !killer.join().unwrap_or(false) {
        return Err("the server ended before it was killed".into());
    }
    let outcome = check_edits(data, &acknowledged, in_flight.as_ref())
        .map_err(|problem| format!("killed at {} ms: {problem}", moment.as_millis()))?;
    soundness::verify(data)?;
    let removed_in_flight =
        |word: &str| matches!(in_flight, Some(Edit::RemoveSkill { ref skill, .. }) if skill == word);
    for (word, person) in acknowledged
        .searchable
        .iter()
        .rev()
        .filter(|(word, _)| !removed_in_flight(word))
        .take(3)
    {
        let found: Value = serde_json::from_str(&harness::run(
            data,
            &["search", word, "--json", "--limit", "100"],
        )?)
        .map_err(|e| format!("search output is not JSON: {e}"))?;
        let found_person = found["results"]
            .as_array()
            .is_some_and(|results| results.iter().any(|r| r["id"] == person.as_str()));
        if !found_person {
            return Err(format!(
                "a search for \"{word}\" no longer finds {person}, whose edit was acknowledged"
            ));
        }
    }
    Ok((outcome, acknowledged.edits))
}

fn next_edit(rng: &mut Rng, people: &[String], acknowledged: &Acknowledged, n: usize) -> Edit {
    let person = rng.pick(people).clone();
    let held: Vec<&(String, String)> = acknowledged
        .skills
        .iter()
        .filter(|(_, &present)| present)
        .map(|(key, _)| key)
        .collect();
    match rng.below(100) {
        0..=39 => Edit::AddSkill {
            person,
            skill: capitalised(&rng.word()),
        },
        40..=54 if !held.is_empty() => {
            let (person, skill) = (*rng.pick(&held)).clone();
            Edit::RemoveSkill { person, skill }
        }
        40..=79 => Edit::SetTitle {
            person,
            title: format!("Titel {}", rng.word()),
        },
        _ => {
            let mut attendees: Vec<String> =
                (0..2 + rng.below(3)).map(|_| rng.pick(people).clone()).collect();
            attendees.sort();
            attendees.dedup();
            Edit::WriteCourse {
                id: format!("c-crash-{n}-{}", rng.below(1_000_000)),
                word: rng.word(),
                attendees,
            }
        }
    }
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Every acknowledged edit holds; the one in flight landed whole or not at
/// all. Says which of the two it was.
fn check_edits(
    data: &Path,
    acknowledged: &Acknowledged,
    in_flight: Option<&Edit>,
) -> Result<&'static str, String> {
    let conn = open_database(data)?;
    let has_skill = |person: &str, skill: &str| -> Result<bool, String> {
        conn.query_row(
            "SELECT count(*) FROM person_skills ps JOIN people p ON p.id = ps.person_id
             JOIN skills s ON s.id = ps.skill_id WHERE p.external_id = ?1 AND s.name = ?2",
            [person, skill],
            |r| r.get::<_, i64>(0),
        )
        .map(|n| n > 0)
        .map_err(|e| e.to_string())
    };
    let title = |person: &str| -> Result<Option<String>, String> {
        conn.query_row("SELECT title FROM people WHERE external_id = ?1", [person], |r| {
            r.get(0)
        })
        .map_err(|e| format!("{person}: {e}"))
    };
    let course_attendees = |id: &str| -> Result<Option<Vec<String>>, String> {
        let exists: i64 = conn
            .query_row("SELECT count(*) FROM courses WHERE external_id = ?1", [id], |r| {
                r.get(0)
            })
            .map_err(|e| e.to_string())?;
        if exists == 0 {
            return Ok(None);
        }
        let mut stmt = conn
            .prepare(
                "SELECT p.external_id FROM attendance a JOIN courses c ON c.id = a.course_id
                 JOIN people p ON p.id = a.person_id WHERE c.external_id = ?1 ORDER BY p.external_id",
            )
            .map_err(|e| e.to_string())?;
        let attendees = stmt
            .query_map([id], |r| r.get(0))
            .and_then(|rows| rows.collect::<rusqlite::Result<Vec<String>>>())
            .map_err(|e| e.to_string())?;
        Ok(Some(attendees))
    };
    let sorted = |list: &[String]| {
        let mut list = list.to_vec();
        list.sort();
        list.dedup();
        list
    };

    let in_flight_is = |predicate: &dyn Fn(&Edit) -> bool| in_flight.is_some_and(predicate);
    for ((person, skill), &present) in &acknowledged.skills {
        let touched_in_flight = in_flight_is(
            &|e| matches!(e, Edit::RemoveSkill { person: p, skill: s } if p == person && s == skill),
        );
        if has_skill(person, skill)? != present && !touched_in_flight {
            let verb = if present { "added to" } else { "removed from" };
            return Err(format!(
                "the skill {skill} {verb} {person} was acknowledged and is lost"
            ));
        }
    }
    for (person, expected) in &acknowledged.titles {
        let now = title(person)?;
        let in_flight_title = match in_flight {
            Some(Edit::SetTitle { person: p, title }) if p == person => Some(title.as_str()),
            _ => None,
        };
        if now.as_deref() != Some(expected.as_str()) && now.as_deref() != in_flight_title {
            return Err(format!(
                "{person}'s title \"{expected}\" was acknowledged, but the title is {now:?}"
            ));
        }
    }
    for (id, attendees) in &acknowledged.courses {
        if course_attendees(id)? != Some(sorted(attendees)) {
            return Err(format!(
                "the course report {id} with {attendees:?} was acknowledged, but the database has {:?}",
                course_attendees(id)?
            ));
        }
    }
    let landed = match in_flight {
        None => return Ok("killed between edits"),
        Some(Edit::AddSkill { person, skill }) => has_skill(person, skill)?,
        Some(Edit::RemoveSkill { person, skill }) => !has_skill(person, skill)?,
        Some(Edit::SetTitle {
            person,
            title: wanted,
        }) => title(person)?.as_deref() == Some(wanted.as_str()),
        Some(Edit::WriteCourse { id, attendees, .. }) => match course_attendees(id)? {
            None => false,
            Some(found) if found == sorted(attendees) => true,
            Some(found) => {
                return Err(format!(
                    "the course report {id} in flight landed in part: {found:?} of {attendees:?}"
                ))
            }
        },
    };
    Ok(if landed {
        "edit in flight landed"
    } else {
        "edit in flight lost"
    })
}

enum Reply {
    Ok,
    Refused(u16, String),
    /// The connection failed or closed before a whole response came back.
    NoAnswer,
}

/// `POST /api/<command>`: acknowledged only by a complete 200 response.
fn post(port: u16, command: &str, args: &Value) -> Reply {
    let exchange = || -> std::io::Result<String> {
        let mut stream = TcpStream::connect(("127.0.0.1", port))?;
        stream.set_read_timeout(Some(Duration::from_secs(30)))?;
        let body = args.to_string();
        write!(
            stream,
            "POST /api/{command} HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\nContent-Type: application/json\r\n\
             Connection: close\r\nContent-Length: {}\r\n\r\n{body}",
            body.len()
        )?;
        let mut response = Vec::new();
        stream.read_to_end(&mut response)?;
        Ok(String::from_utf8_lossy(&response).into_owned())
    };
    let Ok(response) = exchange() else {
        return Reply::NoAnswer;
    };
    let Some((head, body)) = response.split_once("\r\n\r\n") else {
        return Reply::NoAnswer;
    };
    let length = head.lines().find_map(|line| {
        let (name, value) = line.split_once(':')?;
        name.eq_ignore_ascii_case("content-length")
            .then(|| value.trim().parse::<usize>().ok())
            .flatten()
    });
    if length != Some(body.len()) {
        return Reply::NoAnswer;
    }
    match head.get(9..12).and_then(|s| s.parse::<u16>().ok()) {
        Some(200) => Reply::Ok,
        Some(status) => Reply::Refused(status, body.to_string()),
        None => Reply::NoAnswer,
    }
}
