# chronicle — the two commands a new user needs:
#   make run    build everything (web pages included) and open chronicle's web
#               explorer on the built-in corpus
#   make test   build and run every test
GO ?= go
BIN := bin/chronicle

.PHONY: run test build vet fuzz bench clean web

build:
	$(GO) build -o $(BIN) ./cmd/chronicle

# The whole build, then the web explorer on the built-in corpus.
run:
	$(MAKE) web
	$(MAKE) build
	./$(BIN) serve

# The web explorer's pages: npm ci (when the lock file changed), then esbuild
# bundles web/src into internal/serve/static/dist, which the binary embeds.
# Without it the binary still builds and its server says how to build them.
web: web/node_modules/.ci-stamp
	cd web && node build.mjs

web/node_modules/.ci-stamp: web/package.json web/package-lock.json
	cd web && npm ci --no-audit --no-fund
	touch $@

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1)

# Tests need the web bundle for the browser tests (they skip without
# Chromium, except in CI where .ci/run installs it).
test: web vet
	$(GO) test ./...
	$(MAKE) fuzz

# Every fuzz target runs for a fixed number of executions, not a fixed
# time: a wall-clock -fuzztime races Go's fuzz coordinator at the deadline
# and fails with "context deadline exceeded" and no crasher (golang/go#75804,
# fixed only in Go 1.27). Targets that run a whole stage or a database query
# per input get their own, smaller count (about ten seconds each on two
# cores). FUZZN=1000000 make fuzz runs every target ten times longer.
FUZZN ?= 100000
FUZZ_COUNTS := FuzzRegistryFiles=2000 FuzzCoder=5000 FuzzDataFiles=20000 FuzzFTSQuery=20000 FuzzParseDate=25000 FuzzAnnotate=50000 FuzzTreatyScanShortcuts=40000
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    n=$(FUZZN); for c in $(FUZZ_COUNTS); do \
	      [ "$${c%%=*}" = "$$t" ] && n=$$(( $${c#*=} * $(FUZZN) / 100000 )); \
	    done; \
	    echo "fuzz $$pkg $$t ($${n}x)"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $${n}x $$pkg || exit 1; \
	  done; \
	done

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin internal/serve/static/dist
