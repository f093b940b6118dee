# chronicle — the two commands a new user needs:
#   make run    build everything and run chronicle on the built-in corpus
#   make test   build and run every test
GO ?= go
BIN := bin/chronicle

.PHONY: run test build vet fuzz bench clean

build:
	$(GO) build -o $(BIN) ./cmd/chronicle

run: build
	./$(BIN) extract --pretty

vet:
	$(GO) vet ./...
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || (gofmt -l $$(git ls-files '*.go'); echo "gofmt needed"; exit 1)

test: vet
	$(GO) test ./...
	$(MAKE) fuzz

# Every fuzz target runs briefly; FUZZTIME=1m make fuzz for longer.
FUZZTIME ?= 10s
fuzz:
	@for pkg in $$($(GO) list ./...); do \
	  for t in $$($(GO) test -list '^Fuzz' $$pkg | grep '^Fuzz'); do \
	    echo "fuzz $$pkg $$t"; \
	    $(GO) test -run '^$$' -fuzz "^$$t$$" -fuzztime $(FUZZTIME) $$pkg || exit 1; \
	  done; \
	done

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./...

clean:
	rm -rf bin
