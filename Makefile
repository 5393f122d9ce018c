# designdoc — build, test and check. `make help` lists the targets.
GO        ?= go
BIN       := bin/designdoc
VERSION   ?= $(shell git describe --tags --always --dirty 2>/dev/null || echo dev)
LDFLAGS   := -s -w -X github.com/designdoc-cli/designdoc/internal/cli.Version=$(VERSION)
FUZZTIME  ?= 10s
MANDIR    := bin/man/man1
# The man pages carry the date of the last commit, so that making them
# again gives the same bytes.
SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null)
# Every fuzz target, as package:Target.
FUZZ_TARGETS := $(shell grep -rl --include='*_test.go' '^func Fuzz' internal | xargs -r grep -H -o '^func Fuzz[A-Za-z0-9_]*' | sed -E 's|/[^/]*_test.go:func |:|' | sort -u)

.PHONY: help build demo man test lint unit fuzz bench bench-peers bench-prompt golden check-docs clean

help: ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | sed -E 's/:.*## /\t/' | expand -t 14

# CGO_ENABLED=0: nothing here needs C, and a static binary starts about
# 1 ms sooner than one the dynamic loader has to link against libc first
# (what net and os/user ask for when cgo is on).
build: ## build bin/designdoc (static, stripped)
	@CGO_ENABLED=0 $(GO) build -trimpath -ldflags '$(LDFLAGS)' -o $(BIN) ./cmd/designdoc
	@echo "built $(BIN) $(VERSION)" >&2

man: ## write a man page per command into bin/man/man1 (read one with man -l bin/man/man1/designdoc.1)
	@rm -rf $(MANDIR)
	@SOURCE_DATE_EPOCH=$(SOURCE_DATE_EPOCH) $(GO) run ./tools/genman -o $(MANDIR) -version $(VERSION)
	@echo "wrote $(MANDIR)/: MANPATH=$(CURDIR)/bin/man:\$$MANPATH man designdoc" >&2

demo: build ## render the bundled URL-shortener example to stdout
	@$(BIN) render examples/url-shortener.designdoc.yaml -o -

TEST_FUZZTIME ?= 3s

test: lint unit ## gofmt, go vet, the race-enabled tests, a short fuzz pass (TEST_FUZZTIME each), doc checks (skipped where npm is missing)
	@$(MAKE) --no-print-directory fuzz FUZZTIME=$(TEST_FUZZTIME)
	@$(MAKE) --no-print-directory check-docs

lint: ## gofmt -l must print nothing; go vet
	@out=$$(gofmt -l $$(git ls-files '*.go' 2>/dev/null || find . -name '*.go')); \
	if [ -n "$$out" ]; then echo "gofmt would change:"; echo "$$out"; exit 1; fi
	$(GO) vet ./...

unit: ## go test -race ./...
	$(GO) test -race -count=1 ./...

FUZZ      ?= .
# How long the fuzzer may spend shrinking each new input. Go's default,
# 60s, spends most of a short run shrinking inputs grown from the
# examples (kilobytes each), with no execs counted meanwhile.
FUZZMINTIME ?= 1s
fuzz: ## run every fuzz target (or those matching FUZZ=regexp) for FUZZTIME each (default 10s; FUZZMINTIME=1s shrinking each new input)
	@set -e; n=0; log=$$(mktemp); trap 'rm -f "$$log"' EXIT; for t in $(FUZZ_TARGETS); do \
		pkg=./$${t%%:*}; name=$${t##*:}; \
		echo "$$name" | grep -Eq -- '$(FUZZ)' || continue; n=$$((n+1)); \
		echo "fuzz $$pkg $$name ($(FUZZTIME))"; \
		$(GO) test $$pkg -run='^$$' -fuzz="^$$name$$" -fuzztime=$(FUZZTIME) -fuzzminimizetime=$(FUZZMINTIME) >"$$log" 2>&1 || { cat "$$log"; exit 1; }; \
	done; [ $$n -gt 0 ] || { echo "fuzz: no target matches FUZZ='$(FUZZ)'"; exit 2; }

bench: ## load + render benchmarks at N = 10, 100, 1000, 10000 entities
	$(GO) test ./internal/render -run='^$$' -bench=LoadRender -benchmem -count=1 -timeout=20m

bench-peers: ## the peers' benchmark with designdoc as "ours" (BENCH_ARGS='-n 3 -s "10 100 1000"')
	scripts/bench-peers.sh $(BENCH_ARGS)

bench-prompt: build ## time to the first interview question in a pseudo-terminal, against designdoc version (BENCH_RUNS=30)
	$(GO) run ./tools/firstprompt -bin $(BIN) -n $(or $(BENCH_RUNS),30)

golden: ## rewrite the golden docs in examples/ and internal/render/testdata/golden/ (review the diff!)
	$(GO) test ./internal/render -run=Golden -update

check-docs: ## markdownlint-cli2 and mermaid-cli over the examples, the stress doc, the golden docs and 8 random hostile-diagram docs; 500 random hostile docs linted only
	@d=$$(mktemp -d) && trap 'rm -rf "$$d"' EXIT && \
	LINT_CORPUS=$$d DIAGRAM_CORPUS=$$d $(GO) test -count=1 ./internal/render -run '^Test(Lint|Diagram)Corpus$$' >/dev/null && \
	scripts/check-docs.sh examples/*.md testdata/stress/*.md internal/render/testdata/golden/*/*.md "$$d"/diagrams-*.md --lint-only "$$d"/random-*.md

clean: ## remove built files
	rm -rf bin
