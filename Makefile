# Copydesk: two commands on a fresh Debian machine.
#   make demo   installs what is missing, builds, and cleans the bundled sample articles
#   make test   runs every test: unit and end-to-end tests, then `copydesk test` on the default rules

SWIFT ?= swift
BIN := .build/release/copydesk
APT_PACKAGES := libyaml-dev libpcre2-dev zlib1g-dev libzstd-dev pkg-config python3 mawk
PLUGIN_SCRATCH := .build-plugins
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: all deps build demo test test-unit test-rules test-spark embed check-embed bench bench-batch plugins clean

all: build

## Install the system libraries Copydesk links (through sudo when not root).
deps:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "Installing:$$missing"; \
		$(SUDO) apt-get update -qq && $(SUDO) apt-get install -y -qq $$missing; \
	fi
	@command -v $(SWIFT) >/dev/null 2>&1 || { \
		echo "error: no Swift toolchain on PATH. Install Swift 6 from swift.org (or put /opt/swift/usr/bin on PATH)." >&2; exit 1; }

build: deps
	$(SWIFT) build -c release --product copydesk

## Show Copydesk cleaning the bundled sample articles.
demo: build
	@echo "== examples/article.txt, before =="
	@cat examples/article.txt
	@echo
	@echo "== after: $(BIN) run < examples/article.txt =="
	@$(BIN) run < examples/article.txt
	@echo
	@echo "== examples/articles.jsonl -> .build/demo-clean.jsonl (JSON Lines, with --explain) =="
	@$(BIN) run --explain --dropped .build/demo-dropped.jsonl --rejects .build/demo-rejects.jsonl \
		< examples/articles.jsonl > .build/demo-clean.jsonl
	@echo "-- the copydesk object of the first article:"
	@head -1 .build/demo-clean.jsonl | sed 's/.*"copydesk":/"copydesk": /'
	@echo
	@echo "Try: $(BIN) init my-rules && cd my-rules && ../$(BIN) run < ../examples/article.txt"

test: deps test-unit test-rules

test-unit:
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

## Every example of every rule in the default pipelines, and a config check.
test-rules:
	$(SWIFT) build -c release --product copydesk
	$(BIN) check --config Rules/clean.yaml
	$(BIN) test --config Rules/clean.yaml
	$(BIN) check
	$(BIN) test
	$(BIN) test --config Plugins/readability/readability.yaml
	$(BIN) test --config Plugins/breaking-awk/breaking.yaml

## Build the Swift example plugin (Plugins/SwiftExample) into $(PLUGIN_SCRATCH)/release.
plugins: deps
	$(SWIFT) build -c release --package-path Plugins/SwiftExample --scratch-path $(PLUGIN_SCRATCH)
	@echo "plugin: $(PLUGIN_SCRATCH)/release/libCopydeskSwiftExample.so"

## Regenerate the embedded copy of Rules/ (a test fails when it is stale).
embed:
	sh scripts/embed-rules.sh

bench: build
	bash bench/throughput.sh

## Throughput and peak RSS of `run --output-dir` over ~1 GB of .gz/.zst shards (clean.yaml), --jobs 1 and 2.
bench-batch: build
	bash bench/batch_bench.sh --config Rules/clean.yaml

## Spark integration test (slow, so not part of `make test`): pyspark from PyPI into bench/.venv,
## local mode with 2 executor threads, 20,000+ documents, same documents as a local run.
test-spark: build
	bash bench/spark/test_spark.sh

clean:
	rm -rf .build $(PLUGIN_SCRATCH)
