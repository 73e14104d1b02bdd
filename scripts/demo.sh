#!/usr/bin/env bash
# The main job on the shipped knowledge base: paste a real devpod build failure into
# `beads fix` and print the known error, its root cause and the fixes.
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(swift build --show-bin-path)/beads"
echo "\$ beads fix --file examples/devpod-overlay-build.log"
"$bin" --version >/dev/null
"$bin" fix --kb . --no-record --file examples/devpod-overlay-build.log
