#!/usr/bin/env bash
# The Python tools the checks use, in a virtual environment under target/:
# the Snowball stemmer for the relevance gate's BM25 baseline, and vobject,
# an independent vCard parser that the export tests read our vCards with.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
venv=target/eval-venv
if [ ! -x "$venv/bin/python" ]; then
  python3 -m venv "$venv"
fi
"$venv/bin/python" -c "import snowballstemmer, vobject" 2>/dev/null \
  || "$venv/bin/pip" install --quiet snowballstemmer 'vobject==0.9.9'
