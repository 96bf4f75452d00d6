#!/usr/bin/env python3
"""Relevance gate: Hvem ved?'s search must score well on the shared Danish
relevance collection, and beat the plain BM25 baseline on every phenomenon.

    relevance_gate.py BIN COLLECTION_DIR

Runs ../shared/eval/run_app.sh with the hvemved binary BIN and the baseline
(../shared/eval/baseline_bm25.py) over COLLECTION_DIR, prints both tables
and fails (exit 1) when overall nDCG@10 is below 0.85, any phenomenon is
below 0.70, or any phenomenon does not beat the baseline.
"""
import os
import re
import subprocess
import sys
import tempfile

MIN_OVERALL = 0.85
MIN_PHENOMENON = 0.70
LINE = re.compile(r"^(?:phenomenon=(\S+) n=\d+|overall) ndcg@10=([0-9.]+)")


def scores(report):
    per_phenomenon, overall = {}, None
    for line in report.splitlines():
        match = LINE.match(line)
        if not match:
            continue
        if line.startswith("overall"):
            overall = float(match.group(2))
        else:
            per_phenomenon[match.group(1)] = float(match.group(2))
    if overall is None or not per_phenomenon:
        sys.exit("the scorer printed no scores:\n" + report)
    return per_phenomenon, overall


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    binary, collection = sys.argv[1], sys.argv[2]
    eval_dir = os.path.dirname(os.path.abspath(collection.rstrip("/")))
    app = subprocess.run(
        ["bash", os.path.join(eval_dir, "run_app.sh"), binary, collection],
        check=True, capture_output=True, text=True,
    ).stdout
    with tempfile.NamedTemporaryFile("w+", suffix=".run") as run:
        subprocess.run(
            [sys.executable, os.path.join(eval_dir, "baseline_bm25.py"),
             os.path.join(collection, "bundle.json"), os.path.join(collection, "queries.tsv")],
            check=True, stdout=run, text=True,
        )
        run.flush()
        baseline = subprocess.run(
            [sys.executable, os.path.join(eval_dir, "score.py"), os.path.join(collection, "qrels.tsv"), run.name,
             "--queries", os.path.join(collection, "queries.tsv")],
            check=True, capture_output=True, text=True,
        ).stdout
    ours, ours_overall = scores(app)
    theirs, theirs_overall = scores(baseline)

    failures = []
    print(f"{'phenomenon':<14} {'hvemved':>8} {'bm25':>8}")
    for phenomenon in sorted(ours):
        mine, base = ours[phenomenon], theirs.get(phenomenon, 0.0)
        verdict = ""
        if mine < MIN_PHENOMENON:
            failures.append(f"{phenomenon}: nDCG@10 {mine:.3f} is below {MIN_PHENOMENON}")
            verdict = "  below the floor"
        if mine <= base:
            failures.append(f"{phenomenon}: nDCG@10 {mine:.3f} does not beat the baseline's {base:.3f}")
            verdict += "  not above the baseline"
        print(f"{phenomenon:<14} {mine:>8.3f} {base:>8.3f}{verdict}")
    print(f"{'overall':<14} {ours_overall:>8.3f} {theirs_overall:>8.3f}")
    if ours_overall < MIN_OVERALL:
        failures.append(f"overall nDCG@10 {ours_overall:.3f} is below {MIN_OVERALL}")
    if failures:
        print("relevance gate FAILED:\n  " + "\n  ".join(failures))
        sys.exit(1)
    print("relevance gate passed")


if __name__ == "__main__":
    main()
