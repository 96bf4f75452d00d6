//! `hvemved retention`: how long people who left and course reports are
//! kept, what that removes today, and removing it.

use std::io::{Result, Write};

use clap::Subcommand;
use hvemved_core::api::Directory;
use hvemved_core::store::{RetentionReport, RetentionRules};
use hvemved_core::CoreError;

#[derive(Subcommand)]
pub enum RetentionCommand {
    /// The rules, and who and what they would remove today (nothing is removed)
    Show {
        #[arg(long)]
        json: bool,
    },
    /// Set the rules; "never" keeps for good
    Set {
        /// Days a person who left is kept, or "never" to keep them
        #[arg(long, value_parser = parse_period)]
        left_days: Period,
        /// Years a course report is kept after the course, or "never"
        #[arg(long, value_parser = parse_period)]
        course_years: Period,
        #[arg(long)]
        json: bool,
    },
    /// Remove what the rules say has expired, now
    Apply {
        #[arg(long)]
        json: bool,
    },
}

/// A retention period: a number, or none for "never".
#[derive(Clone, Copy)]
pub struct Period(Option<u32>);

fn parse_period(text: &str) -> std::result::Result<Period, String> {
    match text.trim().to_ascii_lowercase().as_str() {
        "never" | "aldrig" => Ok(Period(None)),
        number => number
            .parse()
            .map(|n| Period(Some(n)))
            .map_err(|_| format!("'{text}' is neither a whole number nor \"never\"")),
    }
}

pub fn run(
    directory: &mut Directory,
    command: RetentionCommand,
    out: &mut impl Write,
) -> std::result::Result<Result<()>, CoreError> {
    let (report, json) = match command {
        RetentionCommand::Show { json } => (directory.retention()?, json),
        RetentionCommand::Set {
            left_days,
            course_years,
            json,
        } => {
            let rules = RetentionRules {
                left_people_days: left_days.0,
                course_report_years: course_years.0,
            };
            (directory.set_retention_rules(&rules)?, json)
        }
        RetentionCommand::Apply { json } => (directory.apply_retention()?, json),
    };
    Ok(if json {
        crate::output::json(out, &report)
    } else {
        print_report(out, &report)
    })
}

fn print_report(out: &mut impl Write, report: &RetentionReport) -> Result<()> {
    if let Some(rules) = report.rules {
        let period = |rule: Option<u32>, unit: &str| {
            rule.map_or_else(|| "for good".to_owned(), |n| format!("{n} {unit}"))
        };
        writeln!(
            out,
            "People who left are kept {}; course reports {} after the course.",
            period(rules.left_people_days, "days"),
            period(rules.course_report_years, "years")
        )?;
    }
    let (verb, nothing) = if report.applied {
        ("Removed", "Nothing had expired.")
    } else {
        ("Would remove today", "Nothing has expired today.")
    };
    if !report.removes_anything() {
        return writeln!(out, "{nothing}");
    }
    writeln!(
        out,
        "{verb}: {} people who left, {} course reports.",
        report.people.len(),
        report.courses.len()
    )?;
    for person in &report.people {
        writeln!(
            out,
            "  person {}  {}  (left {})",
            person.id, person.name, person.left_at
        )?;
    }
    for course in &report.courses {
        writeln!(out, "  course {}  {}  ({})", course.id, course.title, course.date)?;
    }
    Ok(())
}
