#!/usr/bin/env bash
# Builds Hvem ved? and opens it on your directory; an empty directory gets
# the demo municipality first. With arguments, runs `hvemved ARGS…` instead.
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
source scripts/setup.sh

cargo build --release --quiet -p hvemved-cli
hvemved=target/release/hvemved

if [ $# -gt 0 ]; then
  exec "$hvemved" "$@"
fi

"$hvemved" demo --if-empty
"$hvemved" stats
echo
echo "Hvem ved? - skriv hvad du leder efter (f.eks. \"mentalisering\" eller \"hvem ved noget om unge og hash\")."
echo "Tom linje eller Ctrl-D afslutter."
while IFS= read -r -e -p "Hvem ved noget om: " query && [ -n "$query" ]; do
  "$hvemved" search "$query"
  echo
done
