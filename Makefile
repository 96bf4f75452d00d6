# Everyday commands of Hvem ved?. `scripts/test.sh` installs what is missing
# and then runs `make check`.

CARGO ?= cargo
EVAL_DIR ?= ../shared/eval/dev

.PHONY: build run test fmt lint relevance check eval clean

build:
	$(CARGO) build --workspace

run:
	bash scripts/run.sh

test:
	$(CARGO) test --workspace

fmt:
	$(CARGO) fmt --all

lint:
	$(CARGO) fmt --all -- --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

# Search quality must clear the gate on ../shared/eval/dev (see scripts/relevance_gate.py).
relevance:
	bash scripts/relevance-gate.sh

check: lint test relevance

# Search quality on a relevance collection (see ../shared/eval/README.md).
eval:
	$(CARGO) build --release -p hvemved-cli
	bash ../shared/eval/run_app.sh target/release/hvemved $(EVAL_DIR)

clean:
	$(CARGO) clean
