#!/usr/bin/env bash
# The reliability check of issue 4: WRITERS processes each creating EACH beads at the
# same time in one knowledge base. Prints what landed, what failed and how long it took;
# exits 1 if any bead is missing or any process saw "database is locked".
# Usage: bench/writers.sh [BEADS_BINARY]    (WRITERS=8 EACH=250 by default)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-$(swift build -c release --show-bin-path)/beads}")"
writers="${WRITERS:-8}" each="${EACH:-250}"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT
(cd "$work" && "$bin" init --prefix wr >/dev/null)
start=$(date +%s.%N)
for w in $(seq 1 "$writers"); do
  (
    cd "$work"
    for n in $(seq 1 "$each"); do
      "$bin" create "writer $w bead $n" >/dev/null 2>>"$work/errors.$w" || echo "writer $w bead $n: exit $?" >>"$work/errors.$w"
    done
  ) &
done
wait
seconds=$(echo "$(date +%s.%N) - $start" | bc)
cd "$work"
stored=$("$bin" list --all -n 0 --json | python3 -c 'import json,sys; print(len(json.load(sys.stdin)))')
lines=$(wc -l < beads/issues.jsonl)
# The file the last write left is the whole export, byte for byte (writes patch it).
stable=yes
"$bin" export | cmp -s - beads/issues.jsonl || stable=no
errors=$(cat errors.* 2>/dev/null | wc -l)
locked=$(cat errors.* 2>/dev/null | grep -c "locked" || true)
expected=$((writers * each))
printf 'writers %d × %d beads: %d expected, %d in the store, %d JSONL lines (equal to export: %s), %d error lines (%d "locked"), %.1f s (%.1f creates/s)\n' \
  "$writers" "$each" "$expected" "$stored" "$lines" "$stable" "$errors" "$locked" "$seconds" "$(echo "$expected / $seconds" | bc -l)"
[ "$stored" -eq "$expected" ] && [ "$lines" -eq "$expected" ] && [ "$errors" -eq 0 ] && [ "$stable" = yes ]
