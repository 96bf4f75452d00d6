// Temporary profiling harness (not committed).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;
use hvemved_bench::queries::{self, QueryClass};
use hvemved_core::api::Directory;
use hvemved_core::search::SearchRequest;
use hvemved_core::thesaurus::Thesaurus;
use std::time::Instant;

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let people: usize = args.get(1).map(|s| s.parse().unwrap()).unwrap_or(100_000);
    let class_filter = args.get(2).cloned();
    let rounds: usize = args.get(3).map(|s| s.parse().unwrap()).unwrap_or(1);
    let thesaurus = Thesaurus::builtin();
    let synthetic = hvemved_bench::synthetic::generate(people, 42, &thesaurus);
    let dir = std::path::PathBuf::from(format!("/work/prof/hvemved-{people}"));
    let fresh = !dir.exists();
    let mut directory = Directory::open(&dir).unwrap();
    if fresh {
        directory.import_records(&synthetic.bundle).unwrap();
    }
    for class in QueryClass::ALL {
        if let Some(f) = &class_filter {
            if f != "all" && f != class.name() {
                continue;
            }
        }
        let qs = queries::generate(class, 1000, 42, &synthetic, &thesaurus);
        let reqs: Vec<SearchRequest> = qs
            .iter()
            .map(|q| SearchRequest {
                query: q.text.clone(),
                limit: 10,
                filters: q.filters.clone(),
            })
            .collect();
        for r in reqs.iter().take(20) {
            directory.search(r).unwrap();
        }
        let mut times = Vec::new();
        for _ in 0..rounds {
            for r in &reqs {
                let t = Instant::now();
                directory.search(r).unwrap();
                times.push(t.elapsed().as_secs_f64() * 1000.0);
            }
        }
        times.sort_by(|a, b| a.partial_cmp(b).unwrap());
        let p = |q: f64| times[((times.len() as f64 * q) as usize).min(times.len() - 1)];
        println!(
            "{:18} p50 {:.3} p90 {:.3} p99 {:.3}",
            class.name(),
            p(0.5),
            p(0.9),
            p(0.99)
        );
    }
}
