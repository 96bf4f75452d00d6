#!/usr/bin/env bash
# Runs every check of Hvem ved?: formatting, clippy with warnings as errors,
# and all unit and integration tests (real SQLite files, real tantivy
# indexes, the real hvemved binary).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

make check
