//! `hvemved shareback`: the duty to share after a course, from the command
//! line — list what is owed, overdue or coming up, and record a plan or a
//! session that happened.

use std::io::{Result, Write};

use clap::Subcommand;
use hvemved_core::api::{Directory, ShareBackList, ShareBackPolicy};
use hvemved_core::store::{ShareBackItem, ShareBackQuery, ShareBackState, ShareBackUpdate};
use hvemved_core::CoreError;

#[derive(Subcommand)]
pub enum ShareBackCommand {
    /// Share-backs after courses, newest course first
    List {
        /// Only overdue ones
        #[arg(long)]
        overdue: bool,
        /// Only planned sessions from today on, soonest first
        #[arg(long, conflicts_with = "overdue")]
        upcoming: bool,
        /// Only those not yet shared
        #[arg(long)]
        pending: bool,
        /// Only people in this unit or its sub-units, e.g. "Børn og Familie / PPR"
        #[arg(long)]
        unit: Option<String>,
        /// Only this person's (id as in the bundle)
        #[arg(long)]
        person: Option<String>,
        #[arg(long)]
        json: bool,
    },
    /// Record a person's share-back of a course: planlagt (with --date and --forum),
    /// delt (with --date and a --note) or afventer (clears it)
    Set {
        /// The person's id
        person: String,
        /// The course's id
        course: String,
        /// afventer, planlagt or delt
        #[arg(value_parser = parse_state)]
        state: ShareBackState,
        /// The planned date, or the day it was shared (YYYY-MM-DD)
        #[arg(long)]
        date: Option<String>,
        /// Where, e.g. "teammøde torsdag"
        #[arg(long)]
        forum: Option<String>,
        /// A short note on what was shared
        #[arg(long)]
        note: Option<String>,
        /// Only HR, the attendee and their leaders see this share-back (HR only)
        #[arg(long, conflicts_with = "for_everyone")]
        hr_only: bool,
        /// Open an HR-only share-back to everyone again (HR only)
        #[arg(long)]
        for_everyone: bool,
        #[arg(long)]
        json: bool,
    },
    /// Show or set how many days attendees have to share
    Policy {
        /// New number of days (1-365)
        days: Option<i64>,
    },
}

fn parse_state(text: &str) -> std::result::Result<ShareBackState, String> {
    ShareBackState::parse(text).ok_or_else(|| format!("\"{text}\" is not afventer, planlagt or delt"))
}

pub fn run(
    directory: &mut Directory,
    command: ShareBackCommand,
    out: &mut impl Write,
) -> std::result::Result<Result<()>, CoreError> {
    Ok(match command {
        ShareBackCommand::List {
            overdue,
            upcoming,
            pending,
            unit,
            person,
            json,
        } => {
            let list = directory.share_back_list(&ShareBackQuery {
                person,
                unit,
                overdue,
                upcoming,
                pending,
            })?;
            if json {
                crate::output::json(out, &list)
            } else {
                print_list(out, &list)
            }
        }
        ShareBackCommand::Set {
            person,
            course,
            state,
            date,
            forum,
            note,
            hr_only,
            for_everyone,
            json,
        } => {
            let item = directory.share_back_set(&ShareBackUpdate {
                person,
                course,
                state,
                date,
                forum,
                note,
                hr_only: (hr_only || for_everyone).then_some(hr_only),
            })?;
            if json {
                crate::output::json(out, &item)
            } else {
                print_item(out, &item)
            }
        }
        ShareBackCommand::Policy { days: Some(days) } => {
            let policy = directory.share_back_policy_set(&ShareBackPolicy { days })?;
            writeln!(
                out,
                "Attendees now have {} days to share what they learned.",
                policy.days
            )
        }
        ShareBackCommand::Policy { days: None } => {
            let policy = directory.share_back_policy()?;
            writeln!(
                out,
                "Attendees have {} days to share what they learned.",
                policy.days
            )
        }
    })
}

fn print_list(out: &mut impl Write, list: &ShareBackList) -> Result<()> {
    if list.items.is_empty() {
        return writeln!(out, "No share-backs match.");
    }
    for item in &list.items {
        print_item(out, item)?;
    }
    let overdue = list.items.iter().filter(|i| i.overdue).count();
    writeln!(
        out,
        "{} share-backs, {} overdue (attendees have {} days).",
        list.items.len(),
        overdue,
        list.policy_days
    )
}

fn print_item(out: &mut impl Write, item: &ShareBackItem) -> Result<()> {
    let status = match item.share_back.state {
        ShareBackState::Afventer => match &item.due {
            Some(due) => format!("afventer, frist {due}"),
            None => "afventer".to_string(),
        },
        ShareBackState::Planlagt => format!(
            "planlagt {} ({})",
            item.share_back.date.as_deref().unwrap_or("?"),
            item.share_back.forum.as_deref().unwrap_or("")
        ),
        ShareBackState::Delt => {
            let forum = item
                .share_back
                .forum
                .as_deref()
                .map(|f| format!(" ({f})"))
                .unwrap_or_default();
            format!("delt {}{forum}", item.share_back.date.as_deref().unwrap_or("?"))
        }
    };
    let overdue = if item.overdue { "  OVERSKREDET" } else { "" };
    let hr_only = if item.share_back.hr_only || item.course_hr_only {
        "  (kun for HR)"
    } else {
        ""
    };
    writeln!(
        out,
        "{} ({}) – {} [{}]: {status}{overdue}{hr_only}",
        item.person_name, item.person_id, item.course_title, item.course_id
    )?;
    if let Some(unit) = &item.unit {
        writeln!(out, "    {unit}")?;
    }
    Ok(())
}
