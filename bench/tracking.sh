#!/usr/bin/env bash
# Whole-process timings of the tracking verbs at 10k and 100k beads (hyperfine), against
# the sqlite3 CLI opening the same database. Writes a Markdown table to stdout.
# Usage: bench/tracking.sh [BEADS_BINARY]     (default: the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
repo="$(pwd)"
bin="$(realpath "${1:-$(swift build -c release --show-bin-path)/beads}")"
command -v hyperfine >/dev/null || { echo "needs hyperfine (apt-get install hyperfine)" >&2; exit 1; }
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
echo "| beads | command | mean | ± | note |"
echo "|---:|---|---:|---:|---|"
for n in ${SIZES:-10000 100000}; do
  kb="$work/kb$n"
  mkdir -p "$kb"
  (cd "$kb" && "$bin" init --prefix bd >/dev/null)
  bench/generate-beads.py "$n" > "$work/in$n.jsonl"
  start=$(date +%s.%N)
  (cd "$kb" && "$bin" import "$work/in$n.jsonl" >/dev/null)
  import_s=$(echo "$(date +%s.%N) - $start" | bc)
  printf '| %d | import (one run) | %.0f ms | | %s |\n' "$n" "$(echo "$import_s * 1000" | bc)" "$(wc -c < "$work/in$n.jsonl") bytes of JSONL"
  some_id=$(sed -n '5p' "$work/in$n.jsonl" | cut -d'"' -f4)
  run() {  # label, command...
    local label="$1"; shift
    hyperfine -N --warmup 2 --runs "${RUNS:-15}" --export-json "$work/h.json" "$@" >/dev/null 2>&1
    python3 - "$n" "$label" "$work/h.json" <<'PY'
import json, sys
r = json.load(open(sys.argv[3]))["results"][0]
print(f"| {sys.argv[1]} | {sys.argv[2]} | {r['mean']*1000:.1f} ms | {r['stddev']*1000:.1f} | |")
PY
  }
  # Each command beside its floor: the sqlite3 CLI running the query it needs
  # (bench/floor-queries.sql) on the same database.
  floor() {  # name: that section of floor-queries.sql, for one id
    section() { awk -v name="$1" '/^-- [a-z]+$/ { on = ($2 == name); next } on' "$repo/bench/floor-queries.sql"; }
    section blockedset > "$work/blockedset.sql"
    section "$1" | sed -e "/^:blockedset\$/{r $work/blockedset.sql" -e 'd}' -e "s/:id/$some_id/g" > "$work/floor-$1.sql"
    echo "sqlite3 beads/beads.db -init $work/floor-$1.sql .quit"
  }
  cd "$kb"
  run "show ID" "$bin show $some_id"
  run "  floor: sqlite3 show" "$(floor show)"
  run "ready (first 100)" "$bin ready"
  run "  floor: sqlite3 ready" "$(floor ready)"
  run "blocked" "$bin blocked"
  run "  floor: sqlite3 blocked" "$(floor blocked)"
  run "list (first 50)" "$bin list"
  run "  floor: sqlite3 list" "$(floor list)"
  run "search 'docker cache'" "$bin search docker cache"
  run "  floor: sqlite3 search" "$(floor search)"
  run "stats" "$bin stats"
  run "  floor: sqlite3 stats" "$(floor stats)"
  run "export" "$bin export -o $work/out.jsonl"
  RUNS=10 run "create (patches the JSONL)" "$bin create 'bench bead'"
  RUNS=10 run "  floor: sqlite3 insert" "$(floor create)"
  RUNS=10 run "update ID --title" "$bin update $some_id --title 'bench title'"
  RUNS=10 run "  floor: sqlite3 update" "$(floor update)"
  run "--version (start-up)" "$bin --version"
  cd - >/dev/null
done
