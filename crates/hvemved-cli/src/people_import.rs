//! `hvemved import` for people files (CSV from the HR system, LDIF from
//! Active Directory): the request from the flags, and the report as a
//! person reads it.

use std::io::{Result, Write};
use std::path::Path;

use hvemved_core::hr_import::{
    ImportProgress, ImportStage, PeopleFileReport, PeopleFormat, RecordsFileReport,
};
use hvemved_core::store::Refusals;
use hvemved_core::store::RowAction;
use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};
use serde::Serialize;

/// Most rows, conflicts and refusals listed before "… and N more".
const LISTED: usize = 20;

pub fn print_report(
    out: &mut impl Write,
    file: &Path,
    report: &PeopleFileReport,
    dry_run: bool,
) -> Result<()> {
    let format = match report.format {
        PeopleFormat::Csv => "CSV",
        PeopleFormat::Ldif => "LDIF",
    };
    let mut how = vec![format.to_string()];
    if let Some(encoding) = &report.encoding {
        how.push(format!("read as {encoding}"));
    }
    if let Some(delimiter) = &report.delimiter {
        how.push(format!("delimiter {delimiter}"));
    }
    writeln!(
        out,
        "{} ({}), {} people rows",
        file.display(),
        how.join(", "),
        report.import.rows
    )?;
    if !report.sample_names.is_empty() {
        writeln!(
            out,
            "  first names: {} (check that æ, ø and å read right; else give --encoding)",
            report.sample_names.join(", ")
        )?;
    }
    for column in &report.columns {
        match &column.field {
            Some(field) => writeln!(out, "  column \"{}\" → {field}", column.header)?,
            None => writeln!(out, "  column \"{}\" → not used", column.header)?,
        }
    }
    if report.skipped > 0 {
        writeln!(
            out,
            "  {} entries that are not people (groups, units, computers) skipped",
            report.skipped
        )?;
    }
    let import = &report.import;
    if !import.refused.is_empty() {
        writeln!(
            out,
            "Refused rows ({}); nothing is written while any remains:",
            import.refused.len()
        )?;
        for error in import.refused.iter().take(LISTED) {
            writeln!(out, "  {error}")?;
        }
        more(out, import.refused.len())?;
    }
    if !import.conflicts.is_empty() {
        writeln!(
            out,
            "Kept because the employee set them themselves ({}):",
            import.conflicts.len()
        )?;
        for c in import.conflicts.iter().take(LISTED) {
            writeln!(
                out,
                "  line {}: {} ({}) {}: keeps \"{}\", the file says \"{}\"",
                c.line, c.name, c.person, c.field, c.kept, c.imported
            )?;
        }
        more(out, import.conflicts.len())?;
    }
    let changes: Vec<_> = import
        .outcomes
        .iter()
        .filter(|o| o.action != RowAction::Unchanged)
        .collect();
    for outcome in changes.iter().take(LISTED) {
        let what = match outcome.action {
            RowAction::Create => "new".to_string(),
            _ => format!("changes {}", outcome.fields.join(", ")),
        };
        writeln!(
            out,
            "  line {}: {} ({}) {what}",
            outcome.line, outcome.name, outcome.person
        )?;
    }
    more(out, changes.len())?;
    let verb = if report.written {
        "Imported"
    } else if dry_run && import.refused.is_empty() {
        "Dry run, nothing written; an import would give"
    } else {
        "Nothing written; the file would give"
    };
    writeln!(
        out,
        "{verb}: {} created, {} updated, {} unchanged, {} new units",
        import.created, import.updated, import.unchanged, import.units_created
    )
}

fn more(out: &mut impl Write, total: usize) -> Result<()> {
    if total > LISTED {
        writeln!(out, "  … and {} more", total - LISTED)?;
    }
    Ok(())
}

/// A skills or attendance import: how the file was read, the rows refused,
/// and `summary` of what was (or would be) written.
pub fn print_records<R: Serialize + Refusals>(
    out: &mut impl Write,
    file: &Path,
    report: &RecordsFileReport<R>,
    json: bool,
    summary: impl Fn(&R) -> String,
) -> Result<()> {
    if json {
        return writeln!(
            out,
            "{}",
            serde_json::to_string_pretty(report).expect("reports serialise")
        );
    }
    let encoding = report.encoding.as_deref().unwrap_or("text");
    writeln!(
        out,
        "{} (read as {encoding}, delimiter {})",
        file.display(),
        report.delimiter
    )?;
    let refused = report.import.refused();
    if !refused.is_empty() {
        writeln!(
            out,
            "Refused rows ({}); nothing is written while any remains:",
            refused.len()
        )?;
        for error in refused.iter().take(LISTED) {
            writeln!(out, "  {error}")?;
        }
        more(out, refused.len())?;
    }
    let verb = if report.written {
        "Imported"
    } else {
        "Dry run, nothing written; an import would give"
    };
    writeln!(out, "{verb}: {}", summary(&report.import))
}

/// A progress bar on standard error; drawn only on a terminal, so scripts
/// and tests reading the output see none of it.
pub fn progress_bar() -> ProgressBar {
    let bar = ProgressBar::with_draw_target(None, ProgressDrawTarget::stderr());
    bar.set_style(
        ProgressStyle::with_template("{msg:>10} [{bar:40}] {pos}/{len} rows")
            .unwrap_or_else(|_| ProgressStyle::default_bar())
            .progress_chars("=> "),
    );
    bar
}

pub fn show_progress(bar: &ProgressBar, progress: ImportProgress) {
    match progress.stage {
        ImportStage::Rows => {
            bar.set_length(progress.total as u64);
            bar.set_position(progress.done as u64);
            bar.set_message("importing");
        }
        ImportStage::Indexing => {
            bar.set_position(progress.total as u64);
            bar.set_message("indexing");
        }
    }
}
