#!/usr/bin/env bash
# Builds Hvem ved? and opens the desktop app on your directory; an empty
# directory gets the demo municipality first (marked "Demodata" in the app).
# Without a display it serves the same UI on http://127.0.0.1:8080/ instead.
# With arguments, runs the command-line tool: `scripts/run.sh search mentalisering`.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

if [ $# -gt 0 ]; then
  cargo build --release --quiet -p hvemved-cli
  exec target/release/hvemved "$@"
fi

if [ -n "${DISPLAY:-}" ] || [ -n "${WAYLAND_DISPLAY:-}" ]; then
  cargo build --profile desktop --quiet -p hvemved-desktop
  exec target/desktop/hvemved-desktop
fi

echo "No display found: serving the app in your browser instead."
cargo build --release --quiet -p hvemved-cli
target/release/hvemved demo --if-empty
exec target/release/hvemved serve --addr 127.0.0.1:8080
