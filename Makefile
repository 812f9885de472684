# rolegraph — two commands do everything on a fresh machine: `make demo` and `make test`.
SWIFT ?= swift
SEED := seeds/000_5c63e9f1b32982bc.txt
# System packages: Graphviz's C library (in-process SVG), pkg-config to find it, and DejaVu so that
# Graphviz measures Vietnamese text with real glyph widths.
APT_PACKAGES := libgraphviz-dev pkg-config fonts-dejavu-core
SUDO := $(shell [ "$$(id -u)" = 0 ] || echo sudo)

.PHONY: setup build demo test bench eval clean

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

bench: build
	$(SWIFT) run -c release rolegraph-bench

clean:
	rm -rf .build examples/out
