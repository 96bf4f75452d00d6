#!/usr/bin/env bash
# Scores the search on ../shared/eval/dev and fails unless it clears the
# relevance gate (scripts/relevance_gate.py). The baseline needs the Snowball
# stemmer from PyPI, installed into a virtual environment under target/.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
EVAL_DIR=${EVAL_DIR:-../shared/eval/dev}
if [ ! -f "$EVAL_DIR/qrels.tsv" ]; then
  echo "relevance gate: $EVAL_DIR is missing (the shared/ folder belongs beside the checkout)" >&2
  exit 1
fi
bash scripts/python-tools.sh
venv=target/eval-venv
cargo build --quiet -p hvemved-cli
"$venv/bin/python" scripts/relevance_gate.py target/debug/hvemved "$EVAL_DIR"
