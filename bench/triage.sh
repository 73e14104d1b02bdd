#!/usr/bin/env bash
# Triage throughput (issue 14): N generated failed-build logs of SIZE bytes each
# (bench/generate-ci-logs.py: three unknown families, two known errors, a tenth with no
# failure), triaged by the release build on the shipped knowledge base. Prints logs/s
# and MB/s. Usage: bench/triage.sh [BEADS_BINARY]   (N=1000 SIZE=3000000 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-$(swift build -c release --show-bin-path)/beads}")"
n="${N:-1000}" size="${SIZE:-3000000}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
python3 bench/generate-ci-logs.py "$work/logs" "$n" "$size"
mkdir -p "$work/kb/beads" && cp -r docs "$work/kb/" && cp beads/issues.jsonl beads/config.yaml "$work/kb/beads/"
"$bin" --kb "$work/kb" stats >/dev/null   # index the docs first: triage is what is timed
start=$(date +%s%N)
"$bin" --kb "$work/kb" triage "$work/logs" --json >"$work/families.json" 2>"$work/summary.txt"
end=$(date +%s%N)
ms=$(( (end - start) / 1000000 ))
bytes=$(du -sb "$work/logs" | cut -f1)
families=$(python3 -c "import json,sys; print(len(json.load(open(sys.argv[1]))))" "$work/families.json")
echo "| logs | size each | families | wall | logs/s | MB/s (whole files) |"
echo "|---:|---:|---:|---:|---:|---:|"
python3 - "$n" "$size" "$families" "$ms" "$bytes" <<'PY'
import sys
n, size, families, ms, total = (int(x) for x in sys.argv[1:])
print(f"| {n} | {size / 1e6:.1f} MB | {families} | {ms / 1000:.1f} s | {n / (ms / 1000):.0f} | {total / 1e6 / (ms / 1000):.0f} |")
PY
cat "$work/summary.txt" >&2
