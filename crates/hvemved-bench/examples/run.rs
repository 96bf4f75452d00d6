//! Runs the benchmark at the sizes of the issue (or those given as
//! arguments) and prints the tables, then the reports as JSON to
//! `bench-report.json` in the work directory, so a run can be compared
//! with the next one.
//!
//! `cargo run --release -p hvemved-bench --example run -- 10000 100000`

// As in the app's binaries, so that the figures are the app's.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

fn main() {
    let mut config = hvemved_bench::BenchConfig::default();
    let sizes: Vec<usize> = std::env::args()
        .skip(1)
        .filter_map(|a| a.replace('_', "").parse().ok())
        .collect();
    if !sizes.is_empty() {
        config.people = sizes;
    }
    if let Ok(dir) = std::env::var("HVEMVED_BENCH_DIR") {
        config.work_dir = dir.into();
    }
    let mut stdout = std::io::stdout();
    match hvemved_bench::run(&config, &mut stdout) {
        Ok(reports) => {
            let path = config.work_dir.join("bench-report.json");
            let json = serde_json::to_string_pretty(&reports).expect("reports serialise");
            if let Err(e) = std::fs::write(&path, json) {
                eprintln!("could not write {}: {e}", path.display());
            }
        }
        Err(e) => {
            eprintln!("benchmark failed: {e}");
            std::process::exit(1);
        }
    }
}
