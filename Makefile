# archive: build, test, demo, install. Both `make demo` and `make test` first make
# sure the system packages are there (scripts/ensure-deps.sh).
PREFIX ?= /usr/local
SWIFT ?= swift
DEMO_DB ?= .build/demo.db
# The Swift runtime linked in: the binary starts in about 16 ms instead of 21, which a
# search of a few milliseconds notices.
RELEASE_FLAGS ?= --static-swift-stdlib
# `archive` alone is linked position-dependent: the Swift runtime and Foundation linked
# in statically carry about 85,000 pointers that a position-independent executable
# relocates at every start, a third of `archive --version` (README, Performance).
# Shared libraries, heap and stack are still placed at random; archive-serve, the one
# that listens on a network, stays position-independent. Only with the runtime linked
# in: against the shared libswiftCore the loader warns about pointer equality on stderr.
ifneq (,$(findstring --static-swift-stdlib,$(RELEASE_FLAGS)))
CLI_LINK_FLAGS ?= -Xlinker -no-pie
endif
RELEASE_BIN = .build/release/archive

.PHONY: all deps build release test demo install fuzz clean

all: build

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product archive $(RELEASE_FLAGS) $(CLI_LINK_FLAGS)
	$(SWIFT) build -c release --product archive-serve $(RELEASE_FLAGS)

# The end-to-end tests run the debug binary, so it is built first.
test: deps
	@scripts/ensure-deps.sh test
	@scripts/test-tools.sh
	$(SWIFT) build
	$(SWIFT) test

demo: release
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm $(DEMO_DB)-journal
	@echo '$$ archive import samples/sample-dump.txt'
	@$(RELEASE_BIN) import samples/sample-dump.txt --db $(DEMO_DB)
	@echo; echo '$$ archive import samples/sample-dump.txt   # again: nothing new'
	@$(RELEASE_BIN) import samples/sample-dump.txt --db $(DEMO_DB)
	@echo; echo '$$ archive stats'
	@$(RELEASE_BIN) stats --db $(DEMO_DB)
	@echo; echo '$$ archive search "solar reservoir"'
	@$(RELEASE_BIN) search "solar reservoir" --db $(DEMO_DB)
	@echo '$$ archive search --tag health hospital --format json'
	@$(RELEASE_BIN) search hospital --tag health --format json --db $(DEMO_DB)
	@echo; echo '$$ archive export --since 2024-03-05 | head -c 600'
	@$(RELEASE_BIN) export --since 2024-03-05 --db $(DEMO_DB) | head -c 600; echo
	@echo; echo "The demo archive is $(DEMO_DB); try: $(RELEASE_BIN) sql 'SELECT tag, count(*) FROM article_tags GROUP BY tag' --db $(DEMO_DB)"

install: release
	install -d $(DESTDIR)$(PREFIX)/bin
	install -m 0755 $(RELEASE_BIN) $(DESTDIR)$(PREFIX)/bin/archive
	install -m 0755 $(RELEASE_BIN)-serve $(DESTDIR)$(PREFIX)/bin/archive-serve

# The README's screenshots of `archive serve` (docs/screenshots/), taken by the browser
# test in headless Chromium.
.PHONY: screenshots
screenshots: deps
	@scripts/ensure-deps.sh test
	$(SWIFT) build --build-tests
	ARCHIVE_SCREENSHOTS=1 $(SWIFT) test --skip-build --filter BrowserTests

# The readers' random-input property test, longer than in `make test`.
FUZZ_ITERATIONS ?= 20000
fuzz: deps
	ARCHIVE_FUZZ_ITERATIONS=$(FUZZ_ITERATIONS) $(SWIFT) test --filter FuzzTests

clean:
	rm -rf .build .build-venv

# Near-duplicate detection against labeled dumps: the BBC corpus in ../shared/corpora/bbc
# when present, else built-in stories. Prints pair precision, recall and F1 per kind of
# copy and overall, hard-negative merges, and the time detection adds to an import.
# EVAL_BUILD_FLAGS go to `swift build` (e.g. --scratch-path .build-eval); EVAL_ARGS to
# `archive-eval dedup` (e.g. --corpus builtin --originals 500 --out /tmp/eval).
EVAL_BUILD_FLAGS ?=
EVAL_ARGS ?=
.PHONY: eval-dedup
eval-dedup: deps
	$(SWIFT) build -c release --product archive-eval $(RELEASE_FLAGS) $(EVAL_BUILD_FLAGS)
	"$$($(SWIFT) build -c release $(RELEASE_FLAGS) $(EVAL_BUILD_FLAGS) --show-bin-path)/archive-eval" dedup --corpus auto $(EVAL_ARGS)

# Benchmark: `make bench` (quick: ~30,000 articles, under 15 minutes) or
# `make bench BENCH_SIZE=full` (~1,000,000 articles, ~3 GB, about an hour and a half: the
# HTTP part alone is 40 load runs of 30 s). Builds the
# release products, generates the corpus into bench/out/corpus-SIZE (reused while its
# stamp matches), puts sqlite-utils in bench/.venv and ripgrep on the system, runs
# `archive` and the reference tools on the same data, and prints one table (also in
# bench/out/results-SIZE.md). Both sizes add a CJK part (bench/cjk.py): 100,000 generated
# Chinese, Japanese and Korean articles in bench/out/corpus-cjk, imported and searched,
# beside SQLite's trigram tokenizer (about 6 of the quick size's minutes).
# BENCH_BUILD_FLAGS go to `swift build` (e.g. --scratch-path .build-bench); BENCH_ARGS to
# bench/bench.py (e.g. --runs 5 --keep, --no-cjk).
BENCH_SIZE ?= quick
BENCH_SEED ?= 1
BENCH_BUILD_FLAGS ?=
BENCH_ARGS ?=
.PHONY: bench
bench: deps
	$(SWIFT) build -c release --product archive $(RELEASE_FLAGS) $(CLI_LINK_FLAGS) $(BENCH_BUILD_FLAGS)
	$(SWIFT) build -c release --product archive-serve $(RELEASE_FLAGS) $(BENCH_BUILD_FLAGS)
	$(SWIFT) build -c release --product archive-bench $(RELEASE_FLAGS) $(BENCH_BUILD_FLAGS)
	bin="$$($(SWIFT) build -c release $(RELEASE_FLAGS) $(BENCH_BUILD_FLAGS) --show-bin-path)"; \
	python3 bench/bench.py --size $(BENCH_SIZE) --seed $(BENCH_SEED) \
		--archive "$$bin/archive" --bench-tool "$$bin/archive-bench" $(BENCH_ARGS)
