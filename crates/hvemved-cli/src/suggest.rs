//! `hvemved suggest`: meeting across silos — lunch with a colleague one does
//! not know, mentors and mentees, and a unit to visit for a day.

use std::io::{Result, Write};

use clap::Subcommand;
use hvemved_core::api::{Directory, MeetingRequest, MentorRequest, PersonUpdateRequest};
use hvemved_core::meeting::{MentorCandidate, MentorMatch};
use hvemved_core::store::ProfileChanges;
use hvemved_core::CoreError;

#[derive(Subcommand)]
pub enum SuggestCommand {
    /// A colleague to have lunch with: another unit, no course or initiative
    /// in common, and a new name each time
    Lunch {
        /// The person's id
        person: String,
        /// Ask for lunch suggestions from now on (saved on the profile)
        #[arg(long, conflicts_with = "opt_out")]
        opt_in: bool,
        /// Stop lunch suggestions, and do not suggest one now
        #[arg(long)]
        opt_out: bool,
        #[arg(long)]
        json: bool,
    },
    /// Mentors at level 4+ for what the person wants to learn, and colleagues
    /// who want to learn what the person can mentor
    Mentor {
        person: String,
        /// Only this concept (an id, or a label in any language)
        #[arg(long)]
        concept: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Units to visit for a day whose work touches the person's skills and wishes
    Rotation {
        person: String,
        #[arg(long)]
        json: bool,
    },
}

fn set_lunch(directory: &mut Directory, person: &str, on: bool) -> std::result::Result<(), CoreError> {
    directory.person_update(&PersonUpdateRequest {
        id: person.to_string(),
        changes: ProfileChanges {
            lunch_opt_in: Some(on),
            ..Default::default()
        },
    })?;
    Ok(())
}

pub fn run(
    directory: &mut Directory,
    command: SuggestCommand,
    out: &mut impl Write,
) -> std::result::Result<Result<()>, CoreError> {
    Ok(match command {
        SuggestCommand::Lunch {
            person,
            opt_in,
            opt_out,
            json,
        } => {
            if opt_out {
                set_lunch(directory, &person, false)?;
                return Ok(writeln!(out, "No more lunch suggestions for {person}."));
            }
            if opt_in {
                set_lunch(directory, &person, true)?;
            }
            let suggestion = directory.suggest_lunch(&MeetingRequest { person })?;
            if json {
                crate::output::json(out, &suggestion)
            } else {
                match suggestion {
                    None => writeln!(out, "No one to suggest: every colleague who wants lunch suggestions shares a unit, course or initiative with you."),
                    Some(s) => writeln!(
                        out,
                        "Lunch with {} ({}){}{}{}",
                        s.partner.name,
                        s.partner.id,
                        s.partner.title.as_ref().map(|t| format!(", {t}")).unwrap_or_default(),
                        s.partner.department.as_ref().map(|d| format!(", {d}")).unwrap_or_default(),
                        if s.first_time { "" } else { " (again: everyone else has had a turn)" }
                    ),
                }
            }
        }
        SuggestCommand::Mentor {
            person,
            concept,
            json,
        } => {
            let matches = directory.suggest_mentor(&MentorRequest { person, concept })?;
            if json {
                crate::output::json(out, &matches)
            } else {
                print_matches(out, "Mentors for what you want to learn", &matches.mentors).and_then(|()| {
                    print_matches(
                        out,
                        "Colleagues who want to learn what you can mentor",
                        &matches.mentees,
                    )
                })
            }
        }
        SuggestCommand::Rotation { person, json } => {
            let units = directory.suggest_rotation(&MeetingRequest { person })?;
            if json {
                crate::output::json(out, &units)
            } else if units.is_empty() {
                writeln!(
                    out,
                    "No unit to suggest: add skills or things you want to learn to your profile."
                )
            } else {
                units.iter().try_for_each(|u| {
                    writeln!(out, "{} — {}", u.unit, u.concepts.join(", "))?;
                    match &u.contact {
                        Some(c) => writeln!(out, "  ask {} ({})", c.name, c.id),
                        None => Ok(()),
                    }
                })
            }
        }
    })
}

fn person_line(p: &MentorCandidate) -> String {
    let level = p.level.map(|l| format!(", niveau {l}")).unwrap_or_default();
    let unit = p.unit.as_ref().map(|u| format!(", {u}")).unwrap_or_default();
    format!("{} ({}{level}{unit})", p.name, p.id)
}

fn print_matches(out: &mut impl Write, heading: &str, matches: &[MentorMatch]) -> Result<()> {
    if matches.is_empty() {
        return Ok(());
    }
    writeln!(out, "{heading}:")?;
    for m in matches {
        if m.people.is_empty() {
            writeln!(out, "  {}: no one yet", m.label)?;
        } else {
            let people: Vec<String> = m.people.iter().map(person_line).collect();
            writeln!(out, "  {}: {}", m.label, people.join("; "))?;
        }
    }
    Ok(())
}
