//! Crash safety, proven by killing the real `hvemved` binary with SIGKILL at
//! random moments: during a large bundle import, a large people CSV import,
//! a stream of profile edits and course reports through the HTTP face, a
//! reindex, and a schema migration. After every kill the directory is
//! reopened and must be sound: SQLite's integrity check passes, an import
//! landed whole or not at all, every write whose response came back is
//! there, and the search index holds exactly the documents of the database
//! (`hvemved check`, plus the id sets compared here against SQL).
//!
//! `HVEMVED_CRASH_KILLS` sets the number of kills (20 by default, spread
//! over the scenarios); `HVEMVED_CRASH_SEED` replays the choices of a run
//! (sizes, edits, kill moments; the machine's speed still decides what each
//! moment hits). `make crash-test` runs 200 and prints the tally.

#![cfg(unix)]

mod harness;
mod http_edits;
mod imports;
mod migration;
mod reindex;
mod rng;
mod soundness;

use harness::{Scenario, Tally, Templates};

/// Kills in a plain `cargo test`; enough that CI sees every scenario killed
/// more than once.
const DEFAULT_KILLS: usize = 20;

/// How the kills are shared out: imports and edits are where users lose
/// work, so they get most.
const SCENARIOS: &[(Scenario, u32)] = &[
    (Scenario::BundleImport, 25),
    (Scenario::CsvImport, 20),
    (Scenario::HttpEdits, 30),
    (Scenario::Reindex, 15),
    (Scenario::Migration, 10),
];

#[test]
fn random_kills_leave_every_directory_sound() {
    let kills = std::env::var("HVEMVED_CRASH_KILLS")
        .ok()
        .map(|v| v.parse::<usize>().expect("HVEMVED_CRASH_KILLS is a number"))
        .unwrap_or(DEFAULT_KILLS);
    let seed = std::env::var("HVEMVED_CRASH_SEED")
        .ok()
        .map(|v| v.parse::<u64>().expect("HVEMVED_CRASH_SEED is a number"))
        .unwrap_or_else(rng::seed_from_clock);
    println!("crash test: {kills} kills, seed {seed} (HVEMVED_CRASH_SEED={seed} replays it)");
    let started = std::time::Instant::now();

    let templates = Templates::new();
    let plan = share_out(kills);
    let mut tallies = Vec::new();
    for &(scenario, kills) in &plan {
        let mut tally = Tally::new(scenario);
        let scenario_seed = rng::derive(seed, scenario as u64);
        match scenario {
            Scenario::BundleImport => imports::bundle(&templates, kills, scenario_seed, &mut tally),
            Scenario::CsvImport => imports::people_csv(&templates, kills, scenario_seed, &mut tally),
            Scenario::HttpEdits => http_edits::run(&templates, kills, scenario_seed, &mut tally),
            Scenario::Reindex => reindex::run(&templates, kills, scenario_seed, &mut tally),
            Scenario::Migration => migration::run(&templates, kills, scenario_seed, &mut tally),
        }
        println!("{}", tally.line());
        tallies.push(tally);
    }

    let survived: usize = tallies.iter().map(|t| t.kills - t.failures.len()).sum();
    let total: usize = tallies.iter().map(|t| t.kills).sum();
    println!(
        "crash test: {survived} of {total} kills survived in {:.0} s (seed {seed})",
        started.elapsed().as_secs_f64()
    );
    let failures: Vec<String> = tallies
        .iter()
        .flat_map(|t| {
            t.failures
                .iter()
                .map(move |f| format!("{}: {f}", t.scenario.name()))
        })
        .collect();
    assert!(
        failures.is_empty(),
        "{} kills left a directory that is not sound (seed {seed}):\n{}",
        failures.len(),
        failures.join("\n")
    );
    let planned: usize = plan.iter().map(|(_, k)| k).sum();
    assert_eq!(total, planned, "every planned kill was made");
}

/// The kills for each scenario in proportion to its weight, at least one each.
fn share_out(kills: usize) -> Vec<(Scenario, usize)> {
    let weights: u32 = SCENARIOS.iter().map(|(_, w)| w).sum();
    let mut shares: Vec<(Scenario, usize, u64)> = SCENARIOS
        .iter()
        .map(|&(scenario, weight)| {
            let exact = kills as u64 * u64::from(weight);
            (
                scenario,
                (exact / u64::from(weights)) as usize,
                exact % u64::from(weights),
            )
        })
        .collect();
    let mut left = kills.saturating_sub(shares.iter().map(|s| s.1).sum());
    let mut by_remainder: Vec<usize> = (0..shares.len()).collect();
    by_remainder.sort_by_key(|&i| std::cmp::Reverse(shares[i].2));
    for i in by_remainder {
        if left == 0 {
            break;
        }
        shares[i].1 += 1;
        left -= 1;
    }
    shares.into_iter().map(|(s, k, _)| (s, k.max(1))).collect()
}

#[test]
fn kills_are_shared_out_in_proportion_and_add_up() {
    let counts = |kills| share_out(kills).into_iter().map(|(_, k)| k).collect::<Vec<_>>();
    assert_eq!(counts(20), vec![5, 4, 6, 3, 2]);
    assert_eq!(counts(200), vec![50, 40, 60, 30, 20]);
    assert_eq!(counts(7).iter().sum::<usize>(), 7);
}
