#!/usr/bin/env bash
# The matching benchmark of issue 6: knowledge bases of 1k, 10k and 100k signatures
# (bench/generate-kb.py), whole-process times of `beads fix` on a 200-line paste, of
# matching alone (`beads match`), of indexing the docs, against the sqlite3 CLI opening
# the same database for one FTS5 query and cmark-gfm parsing the same docs.
# Writes a Markdown table to stdout.  Usage: bench/matching.sh [BEADS_BINARY]
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-$(swift build -c release --show-bin-path)/beads}")"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/cmark-parse" bench/cmark-parse.c $(pkg-config --cflags libcmark-gfm) -lcmark-gfm-extensions -lcmark-gfm
time_one() {  # label, command...: one run, wall milliseconds
  local start end
  start=$(date +%s%N); "$@" >/dev/null; end=$(date +%s%N)
  echo $(( (end - start) / 1000000 ))
}
hf() {  # sigs, label, command
  hyperfine -N --warmup 2 --runs "${RUNS:-15}" --export-json "$work/h.json" "$3" >/dev/null 2>&1
  python3 - "$1" "$2" "$work/h.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[3]))["results"][0]
print(f"| {sys.argv[1]} | {sys.argv[2]} | {r['mean']*1000:.1f} ms | {r['stddev']*1000:.1f} |")
PY
}
echo "| signatures | what | mean | ± |"
echo "|---:|---|---:|---:|"
hf "-" "beads --version (start-up)" "$bin --version"
for n in ${SIZES:-1000 10000 100000}; do
  kb="$work/kb$n"
  python3 bench/generate-kb.py "$n" "$kb"
  docs=$(ls "$kb"/docs | wc -l)
  bytes=$(cat "$kb"/docs/*.md | wc -c)
  cd "$kb"
  first=$(time_one "$bin" doc index)
  again=$(time_one "$bin" doc index --force)
  parse=$("$work/cmark-parse" docs/*.md)
  echo "| $n | doc index, first run (import + index $docs docs, $bytes bytes) | $first ms | one run |"
  echo "| $n | doc index --force (re-parse every doc) | $again ms | one run |"
  echo "| $n | cmark-gfm parsing the same docs (C, in-process) | $parse ms | one run |"
  got=$("$bin" fix --json --file paste.log | python3 -c 'import json,sys; m=json.load(sys.stdin)["matches"]; print(m[0]["bead"] if m else "none")')
  [ "$got" = "$(cat expected.txt)" ] || { echo "fix found $got, expected $(cat expected.txt)" >&2; exit 1; }
  hf "$n" "beads fix --file paste.log (200 lines)" "$bin fix --file paste.log"
  hf "$n" "beads match --file paste.log (matching alone)" "$bin match -n 1 --file paste.log"
  terms=$(python3 - <<'PY'
import re
line = open("paste.log").read().splitlines()[117]
words = [w.lower() for w in re.findall(r"[A-Za-z]{3,}", line.split(" ", 3)[-1])]
print(" OR ".join(dict.fromkeys(words)))
PY
)
  hf "$n" "sqlite3 CLI: open + one FTS5 query" "sqlite3 beads/beads.db \"SELECT rowid FROM signature_fts WHERE signature_fts MATCH '$terms' ORDER BY bm25(signature_fts) LIMIT 200\""
  cd - >/dev/null
done
