//! How fast a people CSV from the HR system goes into a new directory and
//! its index, and how much memory that takes: the file is written as Danish
//! Excel would (`;`, Danish headers, æ/ø/å), then imported through the same
//! core call the CLI and the UI use.

use std::io::Write;
use std::path::Path;
use std::time::Instant;

use hvemved_core::api::Directory;
use hvemved_core::hr_import::PeopleImportRequest;
use hvemved_core::Result;
use serde::Serialize;

use crate::measure;
use crate::rng::Rng;

/// The targets for 50 000 rows on this machine.
pub const TARGET_SECONDS: f64 = 5.0;
pub const TARGET_PEAK_RSS_MB: f64 = 200.0;

#[derive(Debug, Clone, Serialize)]
pub struct PeopleCsvReport {
    pub rows: usize,
    pub file_mb: f64,
    pub import_index_seconds: f64,
    /// Peak resident memory of the import, when the kernel let the mark be reset.
    pub peak_rss_mb: Option<f64>,
    pub created: usize,
}

const FIRST: [&str; 12] = [
    "Søren",
    "Åse",
    "Mette",
    "Jørgen",
    "Anne",
    "Bjørn",
    "Kirsten",
    "Ærbødig",
    "Lærke",
    "Mads",
    "Sofie",
    "Øjvind",
];
const LAST: [&str; 10] = [
    "Østergård",
    "Jensen",
    "Nielsen",
    "Sørensen",
    "Ærø",
    "Hansen",
    "Bækgaard",
    "Løkke",
    "Pedersen",
    "Åberg",
];
const TITLES: [&str; 6] = [
    "Socialrådgiver",
    "Sundhedsplejerske",
    "Pædagog",
    "Jobkonsulent",
    "SSP-konsulent",
    "Sagsbehandler",
];
const UNITS: [(&str, &str); 6] = [
    ("Børn og Familie", "Myndighed"),
    ("Børn og Familie", "Familiehuset"),
    ("Sundhed og Ældre", "Sundhedsplejen"),
    ("Sundhed og Ældre", "Hjemmeplejen"),
    ("Beskæftigelse", "Jobcentret"),
    ("Kultur og Fritid", "SSP"),
];

/// The CSV text of `rows` people, with a header.
pub fn generate(rows: usize, seed: u64) -> String {
    let mut rng = Rng::new(seed);
    let mut text =
        String::from("Medarbejdernummer;Navn;Stilling;Forvaltning;Afdeling;E-mail;Telefon;Arbejdssted\r\n");
    for i in 0..rows {
        let first = FIRST[rng.below(FIRST.len())];
        let last = LAST[rng.below(LAST.len())];
        let (forvaltning, afdeling) = UNITS[rng.below(UNITS.len())];
        text.push_str(&format!(
            "{id};{first} {last};{title};{forvaltning};{afdeling};medarbejder{i}@kommune.dk;+45 {a:02} {b:02} {c:02} {d:02};Rådhuset\r\n",
            id = 100_000 + i,
            title = TITLES[rng.below(TITLES.len())],
            a = rng.below(100),
            b = rng.below(100),
            c = rng.below(100),
            d = rng.below(100),
        ));
    }
    text
}

/// Writes the file into `work_dir`, imports it into a new directory there and
/// measures the import with its indexing.
pub fn run(rows: usize, seed: u64, work_dir: &Path, out: &mut dyn Write) -> Result<PeopleCsvReport> {
    std::fs::create_dir_all(work_dir).map_err(|e| hvemved_core::CoreError::io(work_dir, e))?;
    let file = work_dir.join(format!("medarbejdere-{rows}.csv"));
    let mut bytes = vec![0xEF, 0xBB, 0xBF];
    bytes.extend(generate(rows, seed).into_bytes());
    std::fs::write(&file, &bytes).map_err(|e| hvemved_core::CoreError::io(&file, e))?;
    let data_dir = work_dir.join(format!("hvemved-csv-{rows}"));
    if data_dir.exists() {
        std::fs::remove_dir_all(&data_dir).map_err(|e| hvemved_core::CoreError::io(&data_dir, e))?;
    }
    let _ = writeln!(
        out,
        "… importing a people CSV of {} rows",
        crate::report::thousands(rows)
    );
    let peak_was_reset = measure::reset_peak_rss();
    let started = Instant::now();
    let mut directory = Directory::open(&data_dir)?;
    let report = directory.import_people_file(&file, PeopleImportRequest::default(), &mut |_| {})?;
    let import_index_seconds = started.elapsed().as_secs_f64();
    let peak_rss_mb = measure::peak_rss_mb().filter(|_| peak_was_reset);
    Ok(PeopleCsvReport {
        rows,
        file_mb: measure::mb(bytes.len() as u64),
        import_index_seconds,
        peak_rss_mb,
        created: report.import.created,
    })
}

/// The report as a person reads it, with the targets at 50 000 rows.
pub fn print(report: &PeopleCsvReport, out: &mut dyn Write) -> std::io::Result<()> {
    writeln!(
        out,
        "People CSV import: {} rows",
        crate::report::thousands(report.rows)
    )?;
    writeln!(out, "  file                  {:.1} MB", report.file_mb)?;
    writeln!(
        out,
        "  people created        {}",
        crate::report::thousands(report.created)
    )?;
    let binding = report.rows >= 50_000;
    let verdict = |ok: bool| match (binding, ok) {
        (false, _) => "(target at 50 000 rows)",
        (true, true) => "ok",
        (true, false) => "MISSED",
    };
    writeln!(
        out,
        "  import + index        {:.2} s   target ≤ {TARGET_SECONDS} s {}",
        report.import_index_seconds,
        verdict(report.import_index_seconds <= TARGET_SECONDS)
    )?;
    match report.peak_rss_mb {
        Some(mb) => writeln!(
            out,
            "  peak RSS              {mb:.0} MB   target ≤ {TARGET_PEAK_RSS_MB} MB {}",
            verdict(mb <= TARGET_PEAK_RSS_MB)
        ),
        None => writeln!(
            out,
            "  peak RSS              not measurable (the kernel refused to reset the mark)"
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_generated_file_is_read_back_row_for_row() {
        let text = generate(50, 7);
        let parsed = hvemved_core::interchange::people_csv::parse_people(&text, None, None).unwrap();
        assert_eq!(parsed.rows.len(), 50);
        assert!(parsed.errors.is_empty(), "{:?}", parsed.errors);
        assert_eq!(parsed.rows[0].units.len(), 2);
    }

    #[test]
    fn a_small_import_is_measured() {
        let dir = tempfile::tempdir().unwrap();
        let report = run(200, 3, dir.path(), &mut Vec::new()).unwrap();
        assert_eq!(report.created, 200);
        assert!(report.import_index_seconds > 0.0);
    }
}
