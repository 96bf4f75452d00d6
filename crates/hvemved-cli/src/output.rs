//! How the CLI prints answers for a person at a terminal.

use std::io::{IsTerminal, Result, Write};
use std::path::Path;

use hvemved_core::model::{DirectoryStats, PersonProfile};
use hvemved_core::search::SearchResponse;
use hvemved_core::store::ImportReport;
use hvemved_core::thesaurus::Concept;
use serde::Serialize;

pub fn json(out: &mut impl Write, value: &impl Serialize) -> Result<()> {
    // Writing fails only when the reader went away (`… --json | head`).
    serde_json::to_writer_pretty(&mut *out, value).map_err(std::io::Error::from)?;
    writeln!(out)
}

pub fn import_report(out: &mut impl Write, file: &Path, report: &ImportReport, dry_run: bool) -> Result<()> {
    if dry_run {
        writeln!(
            out,
            "Dry run of {}: the file is valid; nothing was written.",
            file.display()
        )?;
        writeln!(out, "An import would:")?;
    } else if report.changed_anything() {
        writeln!(out, "Imported {}:", file.display())?;
    } else {
        writeln!(
            out,
            "Imported {}: everything was already up to date.",
            file.display()
        )?;
    }
    writeln!(
        out,
        "  people:  {} created, {} updated, {} unchanged",
        report.people_created, report.people_updated, report.people_unchanged
    )?;
    writeln!(
        out,
        "  courses: {} created, {} updated, {} unchanged",
        report.courses_created, report.courses_updated, report.courses_unchanged
    )?;
    writeln!(
        out,
        "  new units: {}, new skills: {}",
        report.units_created, report.skills_created
    )
}

pub fn search_results(out: &mut impl Write, response: &SearchResponse) -> Result<()> {
    if let Some(correction) = &response.did_you_mean {
        writeln!(out, "Did you mean: {correction}?")?;
    }
    if !response.also_searched.is_empty() {
        writeln!(out, "Also searched for: {}", response.also_searched.join(", "))?;
    }
    if response.results.is_empty() {
        return writeln!(out, "No one matched \"{}\".", response.query);
    }
    if response.total > response.results.len() {
        writeln!(
            out,
            "{} people matched; the best {}:",
            response.total,
            response.results.len()
        )?;
    }
    let bold = std::io::stdout().is_terminal();
    for (rank, hit) in response.results.iter().enumerate() {
        let mut line = format!("{:>2}. {}", rank + 1, hit.name);
        let place: Vec<&str> = [hit.title.as_deref(), hit.department.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if !place.is_empty() {
            line.push_str(" - ");
            line.push_str(&place.join(", "));
        }
        writeln!(out, "{line}  [{}, score {:.2}]", hit.id, hit.score)?;
        for evidence in &hit.evidence {
            writeln!(
                out,
                "      {:<7} {}",
                format!("{}:", evidence.kind),
                plain(&evidence.text, bold)
            )?;
        }
    }
    Ok(())
}

/// Turns a snippet's `<b>` marks into terminal bold (or `*` in a pipe) and
/// undoes its HTML escaping.
fn plain(snippet: &str, bold: bool) -> String {
    let (on, off) = if bold { ("\x1b[1m", "\x1b[0m") } else { ("*", "*") };
    snippet
        .replace("<b>", on)
        .replace("</b>", off)
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&amp;", "&")
}

pub fn profile(out: &mut impl Write, p: &PersonProfile) -> Result<()> {
    writeln!(out, "{}  [{}]", p.name, p.id)?;
    let rows = [
        ("Title", p.title.as_deref()),
        ("Unit", p.department.as_deref()),
        ("Profession", p.profession.as_deref()),
        ("E-mail", p.email.as_deref()),
        ("Phone", p.phone.as_deref()),
        ("Location", p.location.as_deref()),
    ];
    for (label, value) in rows {
        if let Some(value) = value {
            writeln!(out, "  {label:<11} {value}")?;
        }
    }
    if !p.languages.is_empty() {
        writeln!(out, "  {:<11} {}", "Languages", p.languages.join(", "))?;
    }
    if !p.hidden_fields.is_empty() {
        writeln!(out, "  {:<11} {}", "Hidden", p.hidden_fields.join(", "))?;
    }
    if let Some(bio) = &p.bio {
        writeln!(out, "\n  Spørg mig om: {bio}")?;
    }
    if !p.skills.is_empty() {
        writeln!(out, "\n  Skills:")?;
        for s in &p.skills {
            let level = match (&s.level, &s.level_name) {
                (Some(l), Some(name)) => format!("{} ({name})", l.get()),
                _ => "-".to_string(),
            };
            let mut flags = Vec::new();
            if s.can_mentor {
                flags.push("can mentor");
            }
            if s.wants_to_learn {
                flags.push("wants to learn");
            }
            if s.awaiting_confirmation {
                flags.push("from HR, hidden until confirmed");
            } else if !s.shown {
                flags.push("hidden from colleagues");
            }
            let flags = if flags.is_empty() {
                String::new()
            } else {
                format!("  [{}]", flags.join(", "))
            };
            writeln!(out, "    {:<40} {level}{flags}", s.name)?;
        }
    }
    if !p.courses.is_empty() {
        writeln!(out, "\n  Courses and conferences:")?;
        for c in &p.courses {
            let date = c.date.as_deref().unwrap_or("-");
            let hr_only = if c.hr_only { "  [HR only]" } else { "" };
            writeln!(out, "    {date:<10} {}  ({}){hr_only}", c.title, c.role.as_str())?;
        }
    }
    Ok(())
}

pub fn concept(out: &mut impl Write, c: &Concept) -> Result<()> {
    writeln!(out, "{}  [{}, {}]", c.preferred, c.id, c.category)?;
    for (label, list) in [
        ("Alternatives", &c.alternatives),
        ("Abbreviations", &c.abbreviations),
        ("English", &c.english),
    ] {
        if !list.is_empty() {
            writeln!(out, "  {label:<14} {}", list.join(", "))?;
        }
    }
    Ok(())
}

pub fn stats(out: &mut impl Write, data_dir: &Path, s: &DirectoryStats) -> Result<()> {
    writeln!(out, "Directory: {}", data_dir.display())?;
    if s.demo {
        writeln!(out, "  (demo data: the fictional municipality)")?;
    }
    writeln!(out, "  people:      {} ({} active)", s.people, s.active_people)?;
    writeln!(out, "  units:       {}", s.units)?;
    writeln!(
        out,
        "  skills:      {} ({} person skills)",
        s.skills, s.person_skills
    )?;
    writeln!(
        out,
        "  courses:     {} ({} attendances)",
        s.courses, s.attendances
    )?;
    writeln!(
        out,
        "  change:      {} (search index at {})",
        s.change_seq,
        s.index_seq.map(|i| i.to_string()).unwrap_or_else(|| "-".into())
    )
}
