# archive: build, test, demo, install. Both `make demo` and `make test` first make
# sure the system packages are there (scripts/ensure-deps.sh).
PREFIX ?= /usr/local
SWIFT ?= swift
DEMO_DB ?= .build/demo.db
RELEASE_BIN = .build/release/archive

.PHONY: all deps build release test demo install clean

all: build

deps:
	@scripts/ensure-deps.sh

build: deps
	$(SWIFT) build

release: deps
	$(SWIFT) build -c release --product archive

# The end-to-end tests run the debug binary, so it is built first.
test: deps
	@scripts/test-tools.sh
	$(SWIFT) build
	$(SWIFT) test

demo: release
	@rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
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
	$(SWIFT) build -c release --product archive-eval $(EVAL_BUILD_FLAGS)
	"$$($(SWIFT) build -c release $(EVAL_BUILD_FLAGS) --show-bin-path)/archive-eval" dedup --corpus auto $(EVAL_ARGS)
