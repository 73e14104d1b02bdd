# `make demo` and `make test` each do all the set-up on a fresh Debian machine with
# Swift: missing system packages are installed (apt-get), then beads is built.
SWIFT ?= swift

.PHONY: deps build demo test release clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

demo: build
	@scripts/demo.sh

test: build
	$(SWIFT) test

release: deps
	$(SWIFT) build -c release --static-swift-stdlib

clean:
	rm -rf .build
