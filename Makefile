# Everyday commands of Hvem ved?. `scripts/test.sh` installs what is missing
# and then runs `make check`.

CARGO ?= cargo
EVAL_DIR ?= ../shared/eval/dev
XVFB := xvfb-run -a -s "-screen 0 1366x768x24"

.PHONY: build run test fmt lint relevance ui-test desktop-test bench bench-smoke check eval clean

build:
	$(CARGO) build --workspace

run:
	bash scripts/run.sh

# Rust unit and integration tests (real SQLite files, tantivy indexes, the CLI
# binary; exported vCards are read back with Python's vobject).
test:
	bash scripts/python-tools.sh
	$(CARGO) test --workspace

fmt:
	$(CARGO) fmt --all

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# Search quality must clear the gate on ../shared/eval/dev (see scripts/relevance_gate.py).
relevance:
	bash scripts/relevance-gate.sh

# The UI in headless Chromium against `hvemved serve`, with axe-core.
ui-test:
	$(CARGO) build -p hvemved-cli
	cd tests/ui && npm ci --no-audit --no-fund && npm test

# The real desktop window under Xvfb, driven by tauri-driver: the build the
# README's run command starts (the `desktop` profile), so that the time to first
# results and the memory it prints are those of the app people use.
desktop-test:
	$(CARGO) build --release -p hvemved-cli
	$(CARGO) build --profile desktop -p hvemved-desktop
	HVEMVED_DESKTOP_BIN=target/desktop/hvemved-desktop $(XVFB) node --test --test-concurrency=1 tests/e2e/

# Speed and memory at 10 000 and 100 000 people, with SQLite FTS5 as the peer.
bench:
	$(CARGO) run --release -p hvemved-cli -- bench --people 10000,100000 --queries 1000

# The same benchmark at 1 000 people, so that it keeps working.
bench-smoke:
	$(CARGO) run --release -p hvemved-cli -- bench --people 1000 --queries 200 --csv-rows 1000

check: lint test relevance ui-test desktop-test bench-smoke fuzz-smoke

# Search quality on a relevance collection (see ../shared/eval/README.md).
eval:
	$(CARGO) build --release -p hvemved-cli
	bash ../shared/eval/run_app.sh target/release/hvemved $(EVAL_DIR)

clean:
	$(CARGO) clean

# Kills hvemved with SIGKILL 200 times (CRASH_KILLS) during imports, HTTP
# edits, a reindex and a schema migration, checks the directory after each,
# and prints the tally per scenario. HVEMVED_CRASH_SEED=N replays a run.
CRASH_KILLS ?= 200
.PHONY: crash-test
crash-test:
	HVEMVED_CRASH_KILLS=$(CRASH_KILLS) $(CARGO) test -p hvemved-tests --test crash random_kills -- --nocapture

# Fuzzes the bundle, CSV, LDIF and query parsers with cargo-fuzz on the
# stable toolchain (scripts/fuzz.sh): 20 s per target to keep the targets
# working, 30 minutes per target for the figures of the reliability report.
.PHONY: fuzz-smoke fuzz
fuzz-smoke:
	bash scripts/fuzz.sh 20

fuzz:
	bash scripts/fuzz.sh 1800
