//! Share-back states for the demo municipality, so that the share-back lists
//! show what a real municipality's would: most attendees of older courses
//! have shared (at a team meeting, a personalemøde, a faglig café), some are
//! overdue, and attendees of recent courses have sessions coming up that
//! colleagues can join. Dates are relative to the day the demo is loaded.

use chrono::{Duration, NaiveDate};

use super::rng::Rng;
use crate::bundle::types::Bundle;
use crate::store::{ShareBackState, ShareBackUpdate, DEFAULT_SHARE_BACK_DAYS};

const FORUMS: &[&str] = &[
    "teammøde torsdag",
    "personalemøde",
    "faglig café",
    "morgenmøde",
    "temamøde i afdelingen",
    "netværksmøde",
];

const NOTES: &[&str] = &[
    "Gennemgik de vigtigste pointer og delte materialet på teamets drev.",
    "Kort oplæg med en case fra egen praksis; aftalte at afprøve metoden i næste kvartal.",
    "Delte slides og litteraturliste; to kolleger vil gerne vide mere.",
    "Oplæg og drøftelse af, hvad vi kan bruge i vores egne forløb.",
];

pub fn share_backs(bundle: &Bundle, today: NaiveDate, seed: u64) -> Vec<ShareBackUpdate> {
    let mut rng = Rng::new(seed);
    let mut updates = Vec::new();
    for course in &bundle.courses {
        let Some(last_day) = course
            .end_date
            .as_deref()
            .or(course.date.as_deref())
            .and_then(|d| NaiveDate::parse_from_str(d, "%Y-%m-%d").ok())
        else {
            continue;
        };
        let age = (today - last_day).num_days();
        for person in &course.attendees {
            let update =
                |state, date: Option<NaiveDate>, forum: Option<&str>, note: Option<&str>| ShareBackUpdate {
                    person: person.clone(),
                    course: course.id.clone(),
                    state,
                    date: date.map(|d| d.to_string()),
                    forum: forum.map(str::to_string),
                    note: note.map(str::to_string),
                    hr_only: None,
                };
            if age < 0 {
                continue;
            }
            let plan_ahead = if age <= DEFAULT_SHARE_BACK_DAYS { 0.5 } else { 0.04 };
            if rng.chance(plan_ahead) {
                // A session in the weeks ahead: soon after a recent course,
                // or late for an older one.
                let day = today + Duration::days(rng.range(2, 21));
                updates.push(update(
                    ShareBackState::Planlagt,
                    Some(day),
                    Some(rng.pick(FORUMS)),
                    None,
                ));
            } else if age > DEFAULT_SHARE_BACK_DAYS && rng.chance(0.8) {
                let day = last_day + Duration::days(rng.range(3, DEFAULT_SHARE_BACK_DAYS));
                updates.push(update(
                    ShareBackState::Delt,
                    Some(day.min(today)),
                    Some(rng.pick(FORUMS)),
                    Some(rng.pick(NOTES)),
                ));
            }
            // The rest are still afventer: overdue for the older courses.
        }
    }
    updates
}
