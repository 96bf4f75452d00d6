//! `hvemved check`: is the directory sound? The database file passes
//! SQLite's integrity check, and the search index holds exactly the
//! documents of the database (after catching up, as every open does).
//! Exits non-zero when anything differs.

use std::io::{Result, Write};

use hvemved_core::api::Directory;
use hvemved_core::search::consistency::DocumentDifference;
use hvemved_core::search::{CheckRequest, ConsistencyReport};
use hvemved_core::CoreError;

pub struct CheckOptions {
    pub json: bool,
    pub list_ids: bool,
}

pub fn run(
    directory: &Directory,
    options: CheckOptions,
    out: &mut impl Write,
) -> std::result::Result<Result<()>, CoreError> {
    let report = directory.check(&CheckRequest {
        list_ids: options.list_ids,
    })?;
    let printed = if options.json {
        crate::output::json(out, &report)
    } else {
        print(out, &report)
    };
    match report.failure() {
        Some(failure) => {
            // The report says what differs, so it goes out before the error
            // ends the process; the error stands even if it could not.
            let _ = printed.and_then(|()| out.flush());
            Err(failure)
        }
        None => Ok(printed),
    }
}

fn print(out: &mut impl Write, report: &ConsistencyReport) -> Result<()> {
    let integrity = if report.integrity == ["ok"] {
        "ok".to_string()
    } else {
        report.integrity.join("; ")
    };
    writeln!(
        out,
        "Database:      integrity {integrity}, change {}",
        report.change_seq
    )?;
    if !report.foreign_key_violations.is_empty() {
        writeln!(
            out,
            "               {} rows refer to rows that do not exist",
            report.foreign_key_violations.len()
        )?;
    }
    for (label, counts) in [
        ("Should index:", &report.database),
        ("Index holds:", &report.index),
    ] {
        writeln!(
            out,
            "{label:<14} {} documents for {} people, {} courses, {} initiatives",
            counts.documents, counts.people, counts.courses, counts.initiatives
        )?;
    }
    writeln!(out, "Index change:  {}", report.index_seq)?;
    list(
        out,
        "Missing from the index",
        &report.missing_from_index,
        report.missing_from_index_total,
    )?;
    list(
        out,
        "In the index but not the database",
        &report.not_in_database,
        report.not_in_database_total,
    )?;
    if report.documents_without_owner > 0 {
        writeln!(
            out,
            "{} index documents have no owner",
            report.documents_without_owner
        )?;
    }
    if report.consistent {
        writeln!(out, "The directory is consistent.")?;
    }
    if let Some(ids) = &report.index_ids {
        for (label, uuids) in [
            ("people", &ids.people),
            ("courses", &ids.courses),
            ("initiatives", &ids.initiatives),
        ] {
            writeln!(out, "Indexed {label}: {}", uuids.join(" "))?;
        }
    }
    Ok(())
}

fn list(out: &mut impl Write, heading: &str, differences: &[DocumentDifference], total: u64) -> Result<()> {
    if total == 0 {
        return Ok(());
    }
    writeln!(out, "{heading}: {total} documents")?;
    for difference in differences {
        writeln!(
            out,
            "  {:<10} {} ({} documents)",
            difference.kind,
            difference.id.as_deref().unwrap_or(&difference.uuid),
            difference.documents
        )?;
    }
    let listed: u64 = differences.iter().map(|d| d.documents).sum();
    if listed < total {
        writeln!(out, "  … and {} more", total - listed)?;
    }
    Ok(())
}
