//! `hvemved map`: the competence map of a unit or the municipality, for a
//! leader looking for gaps and single points of failure; as text, JSON, or
//! CSV for Excel.

use std::io::{Result, Write};
use std::path::PathBuf;

use hvemved_core::api::Directory;
use hvemved_core::competence_map::{to_csv, CompetenceMap, CompetenceMapRequest};
use hvemved_core::CoreError;

/// How many skills the text summary lists.
const TOP_SKILLS: usize = 10;

pub struct MapOptions {
    pub unit: Option<String>,
    pub stale_months: u32,
    pub csv: Option<PathBuf>,
    pub json: bool,
}

pub fn run(
    directory: &Directory,
    options: MapOptions,
    out: &mut impl Write,
) -> std::result::Result<Result<()>, CoreError> {
    let map = directory.competence_map(&CompetenceMapRequest {
        unit: options.unit,
        stale_months: options.stale_months,
    })?;
    Ok(match options.csv {
        Some(path) if path.as_os_str() == "-" => out.write_all(to_csv(&map).as_bytes()),
        Some(path) => {
            crate::write_atomically(&path, to_csv(&map).as_bytes())?;
            writeln!(
                out,
                "Wrote the competence map of {} skills to {}",
                map.rows.len(),
                path.display()
            )
        }
        None if options.json => crate::output::json(out, &map),
        None => summary(out, &map),
    })
}

fn summary(out: &mut impl Write, map: &CompetenceMap) -> Result<()> {
    let scope = map.unit.as_deref().unwrap_or("the whole municipality");
    writeln!(
        out,
        "Competence map of {scope}: {} skills across {} units.",
        map.rows.len(),
        map.columns.len()
    )?;
    writeln!(out, "Most held (people; at level 3 or above):")?;
    for row in map.rows.iter().take(TOP_SKILLS) {
        writeln!(out, "  {:<48} {:>4}; {:>4}", row.skill, row.people, row.carrying)?;
    }
    writeln!(
        out,
        "Vulnerable: held at level 3 or above by one person only ({}):",
        map.vulnerable.len()
    )?;
    for v in &map.vulnerable {
        writeln!(
            out,
            "  {} – {} ({}), niveau {}{}",
            v.skill,
            v.person_name,
            v.person_id,
            v.level,
            v.unit.as_deref().map(|u| format!(", {u}")).unwrap_or_default()
        )?;
    }
    writeln!(
        out,
        "Nobody at level 3 or above ({}): {}",
        map.uncovered.len(),
        map.uncovered.join(", ")
    )?;
    let unowned: Vec<&str> = map.unowned_areas.iter().map(|a| a.label.as_str()).collect();
    writeln!(
        out,
        "Areas without a knowledge owner ({}): {}",
        unowned.len(),
        unowned.join(", ")
    )?;
    writeln!(
        out,
        "Not updated for {} months (since {}): {} skill entries of {} people.",
        map.stale.months, map.stale.since, map.stale.entries, map.stale.people
    )
}
