# execctx: the two commands a newcomer needs are `make demo` and `make test`.
# Every target installs what it needs; nothing is assumed to be on the machine
# but Go and Node (see README.md, "Toolchain").

GO      ?= go
NPM     ?= npm
BUILD   := build
WASMENV := GOOS=wasip1 GOARCH=wasm
# -trimpath and an empty build id make the core module byte-for-byte
# reproducible with the pinned toolchain (go.mod's toolchain line).
GOWASM  := $(WASMENV) $(GO) build -buildmode=c-shared -trimpath -ldflags='-s -w -buildid='
JCO     := node tools/node_modules/@bytecodealliance/jco/src/jco.js
CORE    := host/internal/core/execctx.core.wasm
COMPONENT := $(BUILD)/execctx.component.wasm
GUEST_SRC := $(shell find component internal -name '*.go' -not -name '*_test.go')

.PHONY: all setup generate build core component test test-go test-tools test-torture \
        test-component check-generate check-core check-component bench demo clean

all: build

## setup: install the pinned JS toolchain (jco 1.12.0, preview2-shim 0.17.9).
setup: tools/node_modules/.installed

tools/node_modules/.installed: tools/package.json tools/package-lock.json
	cd tools && $(NPM) ci --no-audit --no-fund
	touch $@

## generate: regenerate the WIT glue of both sides (committed; CI checks it is current).
generate:
	cd tools && $(GO) run ./witgen -wit ../wit -world execctx -types ../internal/wittypes \
	  -guest ../component/internal/bindings -host ../host/internal/bindings -api ../host

## build: the core module host/ embeds, and the component at build/execctx.component.wasm.
build: core component

core: $(CORE)

$(BUILD)/execctx.raw.wasm: $(GUEST_SRC) go.mod
	@mkdir -p $(BUILD)
	$(GOWASM) -o $@ ./component

$(BUILD)/execctx.torture.raw.wasm: $(GUEST_SRC) go.mod
	@mkdir -p $(BUILD)
	$(GOWASM) -tags gctorture -o $@ ./component

$(BUILD)/%.core.wasm: $(BUILD)/%.raw.wasm $(wildcard tools/wasmpatch/*.go)
	cd tools && $(GO) run ./wasmpatch ../$< ../$@

$(CORE): $(BUILD)/execctx.core.wasm
	cp $< $@

component: $(COMPONENT)

$(COMPONENT): $(BUILD)/execctx.core.wasm wit/*.wit tools/node_modules/.installed
	$(JCO) embed $< --wit wit -n execctx -o $(BUILD)/execctx.embed.wasm
	$(JCO) new $(BUILD)/execctx.embed.wasm --wasi-reactor -o $@

# The component transpiled for Node (issue 3's facade builds on this).
$(BUILD)/js/execctx.js: $(COMPONENT)
	$(JCO) transpile $< -o $(BUILD)/js --name execctx --instantiation async -q

test-component: $(BUILD)/js/execctx.js
	node --test tests/component/

## test: everything, on a clean clone.
test: setup check-generate check-core test-go test-tools test-torture check-component test-component
	@echo "make test: all suites passed"

test-go: core
	$(GO) vet ./...
	$(GO) test -count=1 ./...

test-tools:
	cd tools && $(GO) vet ./... && $(GO) test -count=1 ./...

# The same wazero conformance suite against a guest whose cabi_realloc
# forces a GC on every call: a missing pin shows up as corrupted strings.
test-torture: $(BUILD)/execctx.torture.core.wasm
	EXECCTX_TEST_MODULE=$(CURDIR)/$< $(GO) test -count=1 ./tests/conformance/

GENERATED := internal/wittypes component/internal/bindings host/internal/bindings host/types_gen.go

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
bench: core $(COMPONENT)
	cd tools && $(GO) run ./sizes ../$(CORE) ../$(COMPONENT)
	$(GO) test -run '^$$' -bench . -benchmem ./host/

## demo: run the Go demo on its embedded default config.
demo: core
	$(GO) run ./examples/demo

clean:
	rm -rf $(BUILD)
