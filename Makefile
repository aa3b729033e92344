# execctx: the two commands a newcomer needs are `make demo` and `make test`.
# Every target installs what it needs; nothing is assumed to be on the machine
# but Go and Node (see README.md, "Two commands").

GO      ?= go
NPM     ?= npm
BUILD   := build
WASMENV := GOOS=wasip1 GOARCH=wasm
# -trimpath and an empty build id make the core module byte-for-byte
# reproducible with the pinned toolchain (go.mod's toolchain line).
# No inlining in execctx's own packages: inlined copies compress worse than
# calls, so the core's brotli is 17 KB (3 %) smaller for guest calls about
# 10-20 % slower, and start-up follows bytes (docs/benchmarks.md, "No
# inlining in execctx's packages").
GOWASM  := $(WASMENV) $(GO) build -buildmode=c-shared -trimpath -gcflags='github.com/execctx/execctx/...=-l' -ldflags='-s -w -buildid='
JCO     := node tools/node_modules/@bytecodealliance/jco/src/jco.js
CORE    := host/internal/core/execctx.core.wasm
COMPONENT := $(BUILD)/execctx.component.wasm
NPM_DIST  := npm/dist
GUEST_SRC := $(shell find component internal -name '*.go' -not -name '*_test.go')

.PHONY: all setup generate build core component test test-go test-race test-tools test-torture reliability \
        test-component test-wasmtime test-node test-deno test-package test-browser chromium firefox npm precompressed check-generate check-core check-component bench demo clean

all: build

## setup: install the pinned JS toolchain (jco 1.12.0, preview2-shim 0.17.9).
setup: tools/node_modules/.installed

tools/node_modules/.installed: tools/package.json tools/package-lock.json
	cd tools && $(NPM) ci --no-audit --no-fund
	touch $@

## generate: regenerate the WIT glue of both sides (committed; CI checks it is current).
generate:
	cd tools && $(GO) run ./witgen -wit ../wit -world execctx -api ../api -types ../internal/wittypes \
	  -guest ../component/internal/bindings -host ../host/internal/bindings -hostapi ../host \
	  -jco ../tests/internal/jcohost

## build: the core module host/ embeds, the component at build/execctx.component.wasm, and npm/dist.
build: core component npm

core: $(CORE)

$(BUILD)/execctx.raw.wasm: $(GUEST_SRC) go.mod Makefile
	@mkdir -p $(BUILD)
	$(GOWASM) -o $@ ./component

$(BUILD)/execctx.torture.raw.wasm: $(GUEST_SRC) go.mod Makefile
	@mkdir -p $(BUILD)
	$(GOWASM) -tags gctorture -o $@ ./component

$(BUILD)/%.core.wasm: $(BUILD)/%.raw.wasm $(wildcard tools/wasmpatch/*.go)
	cd tools && $(GO) run ./wasmpatch ../$< ../$@

$(CORE): $(BUILD)/execctx.core.wasm
	cp $< $@

component: $(COMPONENT)

$(BUILD)/%.component.wasm: $(BUILD)/%.core.wasm wit/*.wit $(wildcard wit/deps/*/*.wit) tools/node_modules/.installed
	$(JCO) embed $< --wit wit -n execctx -o $(BUILD)/$*.embed.wasm
	$(JCO) new $(BUILD)/$*.embed.wasm --wasi-reactor -o $@

# The component transpiled as jco's default async module, for the component's
# own Node smoke test (the npm package transpiles its own copy, below).
$(BUILD)/js/execctx.js: $(COMPONENT)
	$(JCO) transpile $< -o $(BUILD)/js --name execctx --instantiation async -q

test-component: $(BUILD)/js/execctx.js
	node --test tests/component/

# The component under Wasmtime: tests/wasmtime is a bridge (a module of its
# own, with cgo) that the conformance and differential suites drive as a
# third engine beside wazero (and jco, when npm/dist is built), comparing
# answers call for call. It links the libwasmtime.a that the Go module
# wasmtime-go ships; cgo gets that module's C headers from the module cache.
WASMTIME_BRIDGE := $(BUILD)/wasmtime-bridge
WASMTIME_GO := github.com/bytecodealliance/wasmtime-go/v44

$(WASMTIME_BRIDGE): $(wildcard tests/wasmtime/*.go tests/wasmtime/*.c tests/internal/jsonfloat/*.go) tests/wasmtime/go.mod tests/wasmtime/go.sum
	@mkdir -p $(BUILD)
	cd tests/wasmtime && $(GO) mod download $(WASMTIME_GO) && \
	  export CGO_ENABLED=1 CGO_CFLAGS="-I$$($(GO) list -m -f '{{.Dir}}' $(WASMTIME_GO))/build/include" && \
	  $(GO) vet . && $(GO) build -o ../../$@ .

WASMTIME_ENV = EXECCTX_WASMTIME_BRIDGE=$(CURDIR)/$(WASMTIME_BRIDGE) EXECCTX_WASMTIME_CACHE=$(CURDIR)/$(BUILD)/wasmtime-cache \
  EXECCTX_TEST_CACHE=$(CURDIR)/$(BUILD)/wazero-test-cache

test-wasmtime: $(WASMTIME_BRIDGE) $(COMPONENT) core $(NPM_DIST)/index.js
	cd tests/conformance && $(WASMTIME_ENV) $(GO) test -count=1
	cd tests/differential && $(WASMTIME_ENV) $(GO) test -count=1

## npm: the publishable package in npm/ (npm/dist is built, not committed).
FACADE_SRC := $(shell find facade/src -name '*.js' -o -name '*.py') facade/types/index.d.ts facade/types/auto.d.ts

npm: $(NPM_DIST)/index.js

npm/node_modules/.installed: npm/package.json npm/package-lock.json
	cd npm && $(NPM) ci --no-audit --no-fund
	touch $@

# The unbundled files (facade/src and the transpiled glue), then the
# bundle made from them (tools/bundle.mjs) that every runtime imports.
$(NPM_DIST)/index.js: $(COMPONENT) $(FACADE_SRC) $(wildcard facade/bundle/*.js) tools/bundle.mjs tools/cores.mjs npm/node_modules/.installed tools/node_modules/.installed
	rm -rf $(NPM_DIST) && mkdir -p $(NPM_DIST)
	cp -r facade/src/. $(NPM_DIST)/
	cp facade/types/index.d.ts $(NPM_DIST)/index.d.ts
	cp facade/types/auto.d.ts $(NPM_DIST)/auto.d.ts
	$(JCO) transpile $(COMPONENT) -o $(NPM_DIST)/component --name execctx --instantiation sync --no-typescript -q
	node tools/cores.mjs $(NPM_DIST)/component
	node tools/bundle.mjs npm

# Brotli and gzip copies beside the package's files,
# which examples/server sends as a production site would. They are left
# out of the npm package (package.json "files").
PRECOMPRESSED := $(NPM_DIST)/component/execctx.core.wasm.br
precompressed: $(PRECOMPRESSED)

$(PRECOMPRESSED): $(NPM_DIST)/index.js
	cd tools && $(GO) run ./precompress ../$(NPM_DIST)

test-node: $(NPM_DIST)/index.js
	node --expose-gc --test --test-concurrency=1 tests/node/

tests/node_modules/.installed: tests/package.json tests/package-lock.json
	cd tests && PUPPETEER_SKIP_DOWNLOAD=1 $(NPM) ci --no-audit --no-fund
	touch $@

# The same suite under Deno (from the npm package deno), run from npm/ so
# that Deno resolves the package's dependencies from npm/node_modules.
test-deno: $(NPM_DIST)/index.js tests/node_modules/.installed
	cd npm && ../tests/node_modules/.bin/deno test --v8-flags=--expose-gc --allow-read --allow-write --allow-env --allow-run --no-check ../tests/node/

# npm pack, an offline install, tsc, and every README snippet run against
# that install (in Node, Deno and Chromium).
test-package: $(NPM_DIST)/index.js tests/node_modules/.installed chromium firefox
	node --test tests/package/

# Debian's Chromium for the browser tests; playwright-core drives it and
# never downloads a browser of its own.
chromium:
	@command -v chromium >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y chromium; }

# Debian's Firefox ESR, the second engine of the browser tests; puppeteer-core
# drives it over WebDriver BiDi (the -core package never downloads a browser).
firefox:
	@command -v firefox-esr >/dev/null || { apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y firefox-esr; }

# Every browser suite runs in both engines; BROWSER_ENGINES=chromium (or
# firefox) narrows a run to one.
test-browser: $(NPM_DIST)/index.js $(PRECOMPRESSED) tests/node_modules/.installed chromium firefox
	node --test tests/browser/

## test: everything, on a clean clone.
test: setup check-generate check-core test-go test-tools test-torture check-component test-component test-wasmtime test-node test-deno test-package test-browser reliability
	@echo "make test: all suites passed"

# EXECCTX_REQUIRE_JCO: the conformance suite runs every case under jco as
# well as wazero, and compares their answers; here that is not optional.
# tests/differential is left to make reliability, which prints its rows.
test-go: core $(NPM_DIST)/index.js
	$(GO) vet ./...
	EXECCTX_REQUIRE_JCO=1 EXECCTX_TEST_CACHE=$(CURDIR)/$(BUILD)/wazero-test-cache \
	  $(GO) test -count=1 $$($(GO) list ./... | grep -v /tests/differential)

# The Go host under the race detector: goroutines sharing a Runtime and a
# Context, cancellation racing wazero's watcher. Instrumented, wazero's
# compiler is about ten times slower (half a minute of CPU per Runtime), so
# its compiler packages are built without instrumentation (they run once
# per compile, on one goroutine; the runtime that executes the guest stays
# instrumented), and the tests share compiled code through a cache.
WAZEVO     := github.com/tetratelabs/wazero/internal/engine/wazevo
RACE_FLAGS := -gcflags='$(WAZEVO)/ssa/...=-race=false' -gcflags='$(WAZEVO)/backend/...=-race=false' \
              -gcflags='$(WAZEVO)/frontend/...=-race=false'

GO_RACE := EXECCTX_TEST_CACHE=$(CURDIR)/$(BUILD)/wazero-test-cache $(GO) test -race $(RACE_FLAGS) -count=1

test-race: core
	$(GO_RACE) ./host/...

test-tools:
	cd tools && $(GO) vet ./... && $(GO) test -count=1 ./...

## reliability: the reliability suite, then a table of what it tried and
## what held. make test runs it at sizes that fit CI; RELIABILITY=long
## runs the issue's sizes (100,000 proxies and callbacks, 1,000,000 sync
## calls, 64 workers) and fuzzes each config parser for FUZZTIME.
RELIABILITY_LOG := $(BUILD)/reliability.tsv
FUZZTIME ?= 2m
FUZZ_TARGETS := FuzzParseTOML FuzzParseJSON FuzzScanTOML FuzzScanJSON
REL_ENV := EXECCTX_RELIABILITY_LOG=$(CURDIR)/$(RELIABILITY_LOG) EXECCTX_REQUIRE_JCO=1 \
           $(if $(filter long,$(RELIABILITY)),EXECCTX_RELIABILITY_SCALE=long)

reliability: core $(NPM_DIST)/index.js tests/node_modules/.installed
	@mkdir -p $(BUILD) && : > $(RELIABILITY_LOG)
	$(REL_ENV) $(GO) test -count=1 ./tests/differential/
	$(REL_ENV) $(GO_RACE) -run 'Share|Shared' ./host/
	$(REL_ENV) node --expose-gc --test --test-concurrency=1 tests/reliability/
	cd npm && $(REL_ENV) ../tests/node_modules/.bin/deno test --v8-flags=--expose-gc --allow-read --allow-write \
	  --allow-env --allow-run --no-check ../tests/reliability/
ifeq ($(RELIABILITY),long)
	for f in $(FUZZ_TARGETS); do $(GO) test -run '^$$' -fuzz "^$$f$$" -fuzztime $(FUZZTIME) ./component/internal/config || exit 1; \
	  printf 'fuzzing\t%s for %s\tno crash, no hang\n' "$$f" "$(FUZZTIME)" >> $(RELIABILITY_LOG); done
endif
	@echo; awk -F'\t' 'BEGIN { print "| area | tried | held |"; print "| --- | --- | --- |" } \
	  { printf "| %s | %s | %s |\n", $$1, $$2, $$3 }' $(RELIABILITY_LOG)

# The conformance suite against a guest whose cabi_realloc forces a GC on
# every call, under wazero and under jco (transpiled like the npm
# package's): a missing pin shows up as corrupted strings.
TORTURE_JS := $(BUILD)/torture-js

$(TORTURE_JS)/execctx.js: $(BUILD)/execctx.torture.component.wasm
	$(JCO) transpile $< -o $(TORTURE_JS) --name execctx --instantiation sync --no-typescript -q

test-torture: $(BUILD)/execctx.torture.core.wasm $(TORTURE_JS)/execctx.js $(NPM_DIST)/index.js
	EXECCTX_TEST_MODULE=$(CURDIR)/$< EXECCTX_JCO_CORES=$(CURDIR)/$(TORTURE_JS) EXECCTX_REQUIRE_JCO=1 \
	  $(GO) test -count=1 ./tests/conformance/

GENERATED := api internal/wittypes component/internal/bindings host/internal/bindings host/imports_gen.go \
             tests/internal/jcohost/bridge_gen.go

check-generate:
	$(MAKE) --no-print-directory generate
	@if ! git diff --quiet -- $(GENERATED) || [ -n "$$(git ls-files --others --exclude-standard -- $(GENERATED))" ]; then \
	  git status --short -- $(GENERATED); \
	  echo "generated glue is stale: run 'make generate' and commit"; exit 1; fi

# The committed core module must be what this source builds.
check-core: $(BUILD)/execctx.core.wasm
	cmp $< $(CORE) || { echo "$(CORE) differs from a fresh build: run 'make build' and commit it"; exit 1; }

check-component: $(COMPONENT)
	node tools/witcheck.mjs $(COMPONENT) wit

## bench: sizes, compile and instantiate times, per-call times (printed, never asserted).
## Each benchmark also records its rows of issue 10's target table, which
## the last step prints with the Go rows.
BENCH_TARGETS := $(CURDIR)/$(BUILD)/bench-targets.jsonl
BENCH_GO      := $(BUILD)/bench-go.txt

bench: core $(COMPONENT) $(NPM_DIST)/index.js $(PRECOMPRESSED) $(BUILD)/bench/trivial.wasm tests/node_modules/.installed chromium firefox
	@mkdir -p $(BUILD) && : > $(BENCH_TARGETS)
	cd tools && $(GO) run ./sizes ../$(CORE) ../$(COMPONENT) $(addprefix ../$(NPM_DIST)/bundle/,index.js shared.js worker-entry.js worker-boot.js)
	$(GO) test -run '^$$' -bench . -benchmem ./host/ ./tests/bench/gofloor/ > $(BENCH_GO); status=$$?; cat $(BENCH_GO); exit $$status
	$(GO) test -run '^$$' -bench . -benchmem ./component/internal/config/
	export EXECCTX_BENCH_TARGETS=$(BENCH_TARGETS) && node tests/bench/node-bench.mjs && node tests/bench/browser-bench.mjs && \
	  node tests/bench/relay-bench.mjs && node tests/bench/load-bench.mjs && node tests/bench/pyworker-bench.mjs && \
	  node tests/bench/visits-bench.mjs && node tests/bench/auto-bench.mjs
	EXECCTX_BENCH_TARGETS=$(BENCH_TARGETS) node tests/bench/targets.mjs $(BENCH_GO)

# The floor under the start-up targets: a trivial Go module built as the core is.
$(BUILD)/bench/trivial.wasm: tests/bench/gofloor/trivial/main.go
	@mkdir -p $(@D)
	$(GOWASM) -o $@ ./tests/bench/gofloor/trivial

## demo: the Go demo on its embedded default config, the Node demo, then the
## browser demo's server on localhost until interrupted.
demo: core $(NPM_DIST)/index.js $(PRECOMPRESSED)
	$(GO) run ./examples/demo
	node examples/node/main.mjs
	@echo "\nBrowser demo: open the URLs below in a browser; Ctrl-C stops the server."
	$(GO) run ./examples/server -addr 127.0.0.1:8080 -root .

clean:
	rm -rf $(BUILD)
