# rolegraph — two commands do everything on a fresh machine: `make demo` and `make test`.
SWIFT ?= swift
SEED := seeds/000_5c63e9f1b32982bc.txt
# System packages: Graphviz's C library (in-process SVG), pkg-config to find it, and DejaVu so that
# Graphviz measures Vietnamese text with real glyph widths.
APT_PACKAGES := libgraphviz-dev pkg-config fonts-dejavu-core
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup build demo test bench eval ner clean

setup:
	@missing=""; \
	for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
		echo "installing:$$missing"; \
		$(SUDO) apt-get update -qq && DEBIAN_FRONTEND=noninteractive $(SUDO) apt-get install -y -qq $$missing; \
	fi

build: setup
	$(SWIFT) build -c release

demo: build
	mkdir -p examples/out
	.build/release/rolegraph extract $(SEED) > examples/out/seed.json
	.build/release/rolegraph graph $(SEED) -o examples/out/seed.svg
	.build/release/rolegraph graph $(SEED) -o examples/out/seed.html
	@echo "wrote examples/out/seed.json, examples/out/seed.svg and examples/out/seed.html"

test: setup
	$(SWIFT) test

# Scores on the dev gold set (needs ../shared).
eval: build
	.build/release/rolegraph eval --gold ../shared/data/gold/dev ../shared/data/dev/articles

# Public NER benchmarks (research data, read from ../shared, never copied here): VLSP 2018 test,
# all documents and the political subset, then VLSP 2016 test. Exact-span P/R/F1 per type.
VLSP := ../shared/data
ner: build
	@echo "== VLSP 2018 NER test (all documents)"
	@.build/release/rolegraph eval --ner $(VLSP)/vlsp2018/test.jsonl
	@echo
	@echo "== VLSP 2018 NER test, political subset"
	@.build/release/rolegraph eval --ner $(VLSP)/vlsp2018/test.jsonl --subset $(VLSP)/vlsp2018/political.txt
	@echo
	@echo "== VLSP 2016 NER test"
	@.build/release/rolegraph eval --ner $(VLSP)/vlsp2016/test.conll

bench: build
	$(SWIFT) run -c release rolegraph-bench

clean:
	rm -rf .build examples/out
