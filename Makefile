# `make demo` and `make test` each do all the set-up on a fresh Debian machine with
# Swift: missing system packages are installed (apt-get), then beads is built.
SWIFT ?= swift

.PHONY: deps build demo test format lint release install schemas clean

deps:
	@scripts/install-deps.sh

build: deps
	$(SWIFT) build

demo: build
	@scripts/demo.sh

test: build lint
	@scripts/install-deps.sh test
	$(SWIFT) test

# The code's layout is swift-format's, with the configuration in .swift-format: `make
# format` applies it, and the tests fail on code it would change.
format:
	$(SWIFT) format format -i -r Sources Tests Package.swift

lint:
	$(SWIFT) format lint --strict -r Sources Tests Package.swift

release:
	@scripts/install-deps.sh release
	$(SWIFT) build -c release --static-swift-stdlib --product beads

# Installs beads, its man page and its shell completions under PREFIX (default
# ~/.local): bin/beads, share/man/man1/beads.1, and bash, zsh and fish completions.
PREFIX ?= $(HOME)/.local
install: release
	install -d $(PREFIX)/bin $(PREFIX)/share/man/man1 $(PREFIX)/share/bash-completion/completions \
		$(PREFIX)/share/zsh/site-functions $(PREFIX)/share/fish/vendor_completions.d
	install -m 755 .build/release/beads $(PREFIX)/bin/beads
	# swift-argument-parser's generate-manual plugin; a debug build is enough to read the
	# commands from, and asking it for release would rebuild beads without the static stdlib.
	$(SWIFT) package --allow-writing-to-package-directory generate-manual --configuration debug
	install -m 644 .build/plugins/GenerateManual/outputs/beads/beads.1 $(PREFIX)/share/man/man1/beads.1
	.build/release/beads --generate-completion-script bash > $(PREFIX)/share/bash-completion/completions/beads
	.build/release/beads --generate-completion-script zsh > $(PREFIX)/share/zsh/site-functions/_beads
	.build/release/beads --generate-completion-script fish > $(PREFIX)/share/fish/vendor_completions.d/beads.fish
	@echo "Installed beads in $(PREFIX)/bin, its man page (man beads) and bash, zsh and fish completions."

# manual/json/: the JSON Schema of every --json output and MCP tool result, from the code.
schemas: build
	.build/debug/beads schema --write manual/json
	.build/debug/beads serve --openapi > manual/openapi.json

clean:
	rm -rf .build
