//! Kills during `hvemved reindex`. The new index is built beside the old one
//! and swapped in, so after a kill the directory opens with the index that
//! was in place (the old one, or the new one once swapped in) without
//! rebuilding it, and checks clean.

use std::path::{Path, PathBuf};

use serde_json::Value;

use crate::harness::{
    self, copy_dir, hvemved, kill_after, open_database, time_to_finish, Attempt, Ending, Tally, Templates,
};
use crate::imports;
use crate::rng::{self, Rng};
use crate::soundness;

/// People added to the demo, so that a rebuild takes long enough to be hit.
const EXTRA_PEOPLE: usize = 6_000;

pub fn run(templates: &Templates, kills: usize, seed: u64, tally: &mut Tally) {
    let template = large_directory(templates, seed);
    let reindex = |data: &Path| {
        let mut command = hvemved(data);
        command.arg("reindex");
        command
    };
    let duration = {
        let scratch = templates.copy(&template);
        let duration = time_to_finish(reindex(&scratch.data), "a reindex");
        soundness::verify(&scratch.data).unwrap_or_else(|e| panic!("after a whole reindex: {e}"));
        duration
    };

    tally.kill_repeatedly(kills, seed, |rng, scale| {
        let scratch = templates.copy(&template);
        let before = meta(&scratch.data.join("index"));
        let moment = rng.moment(duration.mul_f64(scale));
        match kill_after(reindex(&scratch.data), moment) {
            Ending::Finished(status) if status.success() => return Attempt::FinishedFirst,
            Ending::Finished(status) => {
                return Attempt::Failed(format!("the reindex failed by itself: {status}"))
            }
            Ending::Killed => {}
        }
        match after_kill(&scratch.data, before.as_deref()) {
            Ok(outcome) => Attempt::Survived(outcome),
            Err(problem) => Attempt::Failed(format!("killed at {} ms: {problem}", moment.as_millis())),
        }
    });
}

/// The demo with thousands of people more, indexed.
fn large_directory(templates: &Templates, seed: u64) -> PathBuf {
    let (demo, bundle) = templates.demo();
    let data = templates.path("large");
    copy_dir(demo, &data);
    let file = templates.path("large.json");
    imports::write_bundle(
        &mut Rng::new(rng::derive(seed, 0)),
        &file,
        EXTRA_PEOPLE,
        bundle["people"].as_array().unwrap(),
    );
    harness::run_ok(&data, &["import", file.to_str().unwrap()]);
    data
}

/// The index's `meta.json`, which names its segments: a rebuild writes a
/// different one, an open that uses the index as it is leaves it alone.
fn meta(index: &Path) -> Option<String> {
    std::fs::read_to_string(index.join("meta.json")).ok()
}

/// The change number a committed index records in its payload.
fn committed_seq(meta: &str) -> Option<i64> {
    let meta: Value = serde_json::from_str(meta).ok()?;
    let payload: Value = serde_json::from_str(meta["payload"].as_str()?).ok()?;
    payload["seq"].as_i64()
}

fn after_kill(data: &Path, before: Option<&str>) -> Result<&'static str, String> {
    let change_seq = harness::count(&open_database(data)?, "SELECT coalesce(max(seq), 0) FROM changes")?;
    let in_place = meta(&data.join("index"));
    let beside = meta(&data.join("index.new"));
    let (outcome, usable) = match (&in_place, &beside) {
        (Some(meta), _) if Some(meta.as_str()) == before => ("old index in place", meta),
        (Some(meta), _) => ("new index swapped in", meta),
        (None, Some(meta)) => ("killed between the renames", meta),
        (None, None) => return Err("neither an index nor a new one beside it".into()),
    };
    if committed_seq(usable) != Some(change_seq) {
        return Err(format!(
            "the index left ({outcome}) is not a committed index at change {change_seq}: {usable}"
        ));
    }
    opens_without_rebuilding(data, usable)?;
    soundness::verify(data)?;
    Ok(outcome)
}

/// Opening the directory uses the index `usable` as it is.
fn opens_without_rebuilding(data: &Path, usable: &str) -> Result<(), String> {
    let stats: Value = serde_json::from_str(&harness::run(data, &["stats", "--json"])?)
        .map_err(|e| format!("stats is not JSON: {e}"))?;
    if stats["index_seq"] != stats["change_seq"] {
        return Err(format!("the index opened behind the database: {stats}"));
    }
    if meta(&data.join("index")).as_deref() != Some(usable) {
        return Err("the directory rebuilt its index on open instead of using the one left".into());
    }
    Ok(())
}

/// The narrowest window of a rebuild, too narrow for a random kill to hit
/// often: the old index moved aside and the new one not yet in its place.
#[test]
fn a_rebuild_stopped_between_its_renames_opens_with_an_index_already_built() {
    let templates = Templates::new();
    let (demo, _) = templates.demo();
    for left_beside in ["index.new", "index.old"] {
        let scratch = templates.copy(demo);
        std::fs::rename(scratch.data.join("index"), scratch.data.join(left_beside)).unwrap();
        let usable = meta(&scratch.data.join(left_beside)).expect("the index was committed");
        opens_without_rebuilding(&scratch.data, &usable).unwrap_or_else(|e| panic!("{left_beside}: {e}"));
        soundness::verify(&scratch.data).unwrap_or_else(|e| panic!("{left_beside}: {e}"));
        assert!(
            !scratch.data.join(left_beside).exists(),
            "{left_beside} was moved into place"
        );
    }
}
