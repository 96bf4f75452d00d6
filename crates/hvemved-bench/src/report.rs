//! What one benchmark size measured, as a serialisable record for `--json`
//! and as the table a person reads, with each of the targets marked
//! met or missed.

use std::io::Write;

use serde::Serialize;

use crate::queries::QueryClass;

/// The size at which the targets are binding; smaller runs show them for
/// orientation only.
pub const TARGET_PEOPLE: usize = 100_000;
pub const TARGET_P50_MS: f64 = 1.0;
pub const TARGET_P99_MS: f64 = 5.0;
pub const TARGET_IMPORT_SECONDS: f64 = 10.0;
pub const TARGET_PEAK_RSS_MB: f64 = 300.0;

#[derive(Debug, Clone, Serialize)]
pub struct SizeReport {
    pub people: usize,
    pub courses: usize,
    pub evidence_documents: usize,
    /// Distinct words in the data, counted by the FTS5 peer's tokenizer.
    pub distinct_words: u64,
    pub generate_seconds: f64,
    /// Opening an empty directory, the import transaction and the index
    /// build, as one `import_records` call does them.
    pub import_index_seconds: f64,
    /// `hvemved.sqlite` with its `-wal` and `-shm` files.
    pub db_mb: f64,
    pub index_mb: f64,
    /// Peak resident memory (VmHWM) during generation, import, indexing and
    /// the Hvem ved? searches of this size; see `peak_rss_scope`.
    pub peak_rss_mb: Option<f64>,
    /// Peak resident memory while searching, after the import (the process
    /// still holds the generated bundle and what the import left).
    pub search_rss_mb: Option<f64>,
    /// Resident memory once the synthetic directory is generated: the part
    /// of the peak that is the benchmark's own data (an app importing a file
    /// holds the parsed bundle the same way).
    pub generated_rss_mb: Option<f64>,
    pub peak_rss_scope: String,
    pub fts5_build_seconds: f64,
    pub fts5_db_mb: f64,
    pub classes: Vec<ClassReport>,
    /// Saving one skill on a profile through the core API, index commit
    /// included (`hit_rate` is 1: every edit is a write).
    pub skill_edit: Latency,
    pub targets: Vec<TargetCheck>,
}

#[derive(Debug, Clone, Serialize)]
pub struct ClassReport {
    pub class: QueryClass,
    pub queries: usize,
    pub hvemved: Latency,
    pub fts5: Latency,
    /// Hvem ved? time over FTS5 time: above 1 means Hvem ved? is slower.
    pub ratio_p50: f64,
    pub ratio_p99: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct Latency {
    pub p50_ms: f64,
    pub p99_ms: f64,
    pub mean_ms: f64,
    pub max_ms: f64,
    /// Share of queries with at least one person found.
    pub hit_rate: f64,
}

#[derive(Debug, Clone, Serialize)]
pub struct TargetCheck {
    pub what: String,
    pub target: String,
    pub measured: String,
    pub met: bool,
    /// Whether the target applies at this size (100 000 people and more).
    pub binding: bool,
}

impl SizeReport {
    /// Compares the measurements with the targets.
    pub fn check_targets(&mut self) {
        let binding = self.people >= TARGET_PEOPLE;
        let mut checks = vec![TargetCheck {
            what: "import + index".into(),
            target: format!("≤ {TARGET_IMPORT_SECONDS} s"),
            measured: format!("{:.1} s", self.import_index_seconds),
            met: self.import_index_seconds <= TARGET_IMPORT_SECONDS,
            binding,
        }];
        checks.push(match self.peak_rss_mb {
            Some(mb) => TargetCheck {
                what: "peak RSS".into(),
                target: format!("≤ {TARGET_PEAK_RSS_MB} MB"),
                measured: format!("{mb:.0} MB"),
                met: mb <= TARGET_PEAK_RSS_MB,
                binding,
            },
            None => TargetCheck {
                what: "peak RSS".into(),
                target: format!("≤ {TARGET_PEAK_RSS_MB} MB"),
                measured: "not measurable here (no /proc)".into(),
                met: false,
                binding,
            },
        });
        for class in &self.classes {
            let name = class.class.name();
            checks.push(TargetCheck {
                what: format!("{name} p50"),
                target: format!("≤ {TARGET_P50_MS} ms"),
                measured: format!("{:.2} ms", class.hvemved.p50_ms),
                met: class.hvemved.p50_ms <= TARGET_P50_MS,
                binding,
            });
            checks.push(TargetCheck {
                what: format!("{name} p99"),
                target: format!("≤ {TARGET_P99_MS} ms"),
                measured: format!("{:.2} ms", class.hvemved.p99_ms),
                met: class.hvemved.p99_ms <= TARGET_P99_MS,
                binding,
            });
        }
        self.targets = checks;
    }

    pub fn print(&self, out: &mut dyn Write) -> std::io::Result<()> {
        writeln!(out, "Hvem ved? benchmark: {} people", thousands(self.people))?;
        let row = |out: &mut dyn Write, label: &str, value: String| writeln!(out, "  {label:<22}{value}");
        row(
            out,
            "evidence documents",
            format!(
                "{} ({} course reports)",
                thousands(self.evidence_documents),
                thousands(self.courses)
            ),
        )?;
        row(out, "distinct words", thousands(self.distinct_words as usize))?;
        row(out, "generate", format!("{:.1} s", self.generate_seconds))?;
        row(
            out,
            "import + index",
            format!("{:.1} s", self.import_index_seconds),
        )?;
        row(out, "database", format!("{:.1} MB", self.db_mb))?;
        row(out, "index", format!("{:.1} MB", self.index_mb))?;
        let rss = match self.peak_rss_mb {
            Some(mb) => format!("{mb:.0} MB ({})", self.peak_rss_scope),
            None => "not measurable here (no /proc)".into(),
        };
        row(out, "peak RSS", rss)?;
        if let Some(mb) = self.generated_rss_mb {
            row(
                out,
                "RSS generated",
                format!("{mb:.0} MB (the synthetic bundle held in memory)"),
            )?;
        }
        if let Some(mb) = self.search_rss_mb {
            row(
                out,
                "RSS searching",
                format!("{mb:.0} MB (peak while searching, with the bundle and what the import left)"),
            )?;
        }
        row(
            out,
            "FTS5 peer",
            format!(
                "built in {:.1} s, {:.1} MB",
                self.fts5_build_seconds, self.fts5_db_mb
            ),
        )?;
        writeln!(out)?;
        writeln!(
            out,
            "  {:<18} {:>7} | {:>9} {:>9} {:>6} | {:>9} {:>9} {:>6} | {:>7} {:>7}",
            "query class (ms)",
            "queries",
            "hv p50",
            "hv p99",
            "hits",
            "fts5 p50",
            "fts5 p99",
            "hits",
            "×p50",
            "×p99"
        )?;
        for c in &self.classes {
            writeln!(
                out,
                "  {:<18} {:>7} | {:>9.3} {:>9.3} {:>5.0}% | {:>9.3} {:>9.3} {:>5.0}% | {:>7.1} {:>7.1}",
                c.class.name(),
                c.queries,
                c.hvemved.p50_ms,
                c.hvemved.p99_ms,
                c.hvemved.hit_rate * 100.0,
                c.fts5.p50_ms,
                c.fts5.p99_ms,
                c.fts5.hit_rate * 100.0,
                c.ratio_p50,
                c.ratio_p99
            )?;
        }
        writeln!(
            out,
            "  (× = Hvem ved? time / FTS5 time; hits = queries with at least one person found)"
        )?;
        writeln!(
            out,
            "  skill edit (ms)    p50 {:.1}, p99 {:.1}, max {:.1} (index brought up to date before the call returns)",
            self.skill_edit.p50_ms, self.skill_edit.p99_ms, self.skill_edit.max_ms
        )?;
        writeln!(out)?;
        let binding = self.people >= TARGET_PEOPLE;
        if binding {
            writeln!(out, "  Targets at {} people:", thousands(TARGET_PEOPLE))?;
        } else {
            writeln!(
                out,
                "  Targets (binding at {} people; shown here for orientation):",
                thousands(TARGET_PEOPLE)
            )?;
        }
        for t in &self.targets {
            let verdict = if t.met { "ok" } else { "MISSED" };
            writeln!(
                out,
                "    {:<26} {:<10} {:>12}  {verdict}",
                t.what, t.target, t.measured
            )?;
        }
        writeln!(out)
    }
}

/// 100000 as "100 000", the Danish way of grouping digits.
pub fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(' ');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn digits_are_grouped_by_three() {
        assert_eq!(thousands(0), "0");
        assert_eq!(thousands(999), "999");
        assert_eq!(thousands(1000), "1 000");
        assert_eq!(thousands(100_000), "100 000");
        assert_eq!(thousands(1_234_567), "1 234 567");
    }
}
