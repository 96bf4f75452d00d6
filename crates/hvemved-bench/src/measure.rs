//! The measurements themselves: latency percentiles, the process's peak
//! memory and the size of what a directory leaves on disk. Kept apart from
//! the benchmark's flow so each can be checked on its own.

use std::path::Path;
use std::time::Instant;

/// The value below which `p` (0–1) of the sorted samples lie, by the
/// nearest-rank method: always an observed value, never an interpolation,
/// so a p99 over 1 000 queries is the tenth slowest query.
pub fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let rank = (p * sorted.len() as f64).ceil() as usize;
    sorted[rank.clamp(1, sorted.len()) - 1]
}

/// Runs `work` once per item and returns the milliseconds each took, in
/// item order, and how many calls returned true (found something).
pub fn time_each<T, E>(
    items: &[T],
    mut work: impl FnMut(&T) -> Result<bool, E>,
) -> Result<(Vec<f64>, usize), E> {
    let mut times = Vec::with_capacity(items.len());
    let mut found = 0;
    for item in items {
        let start = Instant::now();
        let hit = work(item)?;
        times.push(start.elapsed().as_secs_f64() * 1000.0);
        found += usize::from(hit);
    }
    Ok((times, found))
}

/// Peak resident memory of this process in MB (`VmHWM`), or `None` where
/// /proc is not available.
pub fn peak_rss_mb() -> Option<f64> {
    proc_status_kb("VmHWM:").map(|kb| kb as f64 / 1024.0)
}

/// Current resident memory in MB (`VmRSS`).
pub fn current_rss_mb() -> Option<f64> {
    proc_status_kb("VmRSS:").map(|kb| kb as f64 / 1024.0)
}

fn proc_status_kb(key: &str) -> Option<u64> {
    let status = std::fs::read_to_string("/proc/self/status").ok()?;
    let line = status.lines().find(|l| l.starts_with(key))?;
    line[key.len()..]
        .trim()
        .trim_end_matches("kB")
        .trim()
        .parse()
        .ok()
}

/// Resets the kernel's peak-RSS mark to the current RSS (Linux ≥ 4.0), so
/// that the peak of a 100 000-person run is not the leftover of an earlier
/// step. Returns false when the kernel refused, in which case the peak is
/// that of the whole process so far.
pub fn reset_peak_rss() -> bool {
    std::fs::write("/proc/self/clear_refs", "5").is_ok()
}

/// Bytes under `path`: a file's size, or the sum over a directory tree.
/// Missing paths count as 0, because a WAL file may or may not exist.
pub fn disk_bytes(path: &Path) -> u64 {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return 0;
    };
    if !meta.is_dir() {
        return meta.len();
    }
    std::fs::read_dir(path)
        .map(|entries| entries.flatten().map(|e| disk_bytes(&e.path())).sum())
        .unwrap_or(0)
}

pub fn mb(bytes: u64) -> f64 {
    bytes as f64 / 1_000_000.0
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn nearest_rank_percentiles() {
        let samples: Vec<f64> = (1..=1000).map(f64::from).collect();
        assert_eq!(percentile(&samples, 0.5), 500.0);
        assert_eq!(percentile(&samples, 0.99), 990.0);
        assert_eq!(percentile(&samples, 1.0), 1000.0);
        assert_eq!(percentile(&[3.0], 0.99), 3.0);
        assert_eq!(percentile(&[1.0, 2.0], 0.5), 1.0);
        assert_eq!(percentile(&[], 0.5), 0.0);
    }

    #[test]
    fn disk_bytes_sums_a_tree() {
        let dir = std::env::temp_dir().join(format!("hvemved-bench-measure-{}", std::process::id()));
        std::fs::create_dir_all(dir.join("sub")).unwrap();
        std::fs::write(dir.join("a"), [0u8; 10]).unwrap();
        std::fs::write(dir.join("sub/b"), [0u8; 5]).unwrap();
        assert_eq!(disk_bytes(&dir), 15);
        assert_eq!(disk_bytes(&dir.join("missing")), 0);
        std::fs::remove_dir_all(&dir).unwrap();
    }

    #[test]
    fn memory_is_readable_on_linux() {
        if cfg!(target_os = "linux") {
            assert!(peak_rss_mb().unwrap() > 0.0);
            assert!(current_rss_mb().unwrap() <= peak_rss_mb().unwrap() + 1.0);
        }
    }
}
