#!/usr/bin/env bash
# Page weights and response times of `beads serve`: each page asked 20 times with curl
# over 127.0.0.1 (a new connection each time), the median time to the last byte. On the
# knowledge base shipped in this repository, and on 10k generated beads with its docs.
# Writes a Markdown table to stdout.
# Usage: bench/serve.sh [BEADS_BINARY]     (default: the release build)
set -euo pipefail
cd "$(dirname "$0")/.."
bin="$(realpath "${1:-$(swift build -c release --show-bin-path)/beads}")"
work="$(mktemp -d)"
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
overlay='#5 ERROR: mount source: "overlay", target: "/var/lib/docker/overlay2/z/merged", fstype: overlay, flags: 0, data: "x", err: invalid argument'

measure() {  # kb-label, url, label, curl arguments...
  local kb="$1" url="$2" label="$3"; shift 3
  for _ in $(seq 20); do curl -s -o /dev/null -w '%{time_total} %{size_download} %{http_code}\n' "$@" "$url"; done > "$work/times"
  python3 - "$kb" "$label" "$work/times" <<'PY'
import statistics, sys
rows = [line.split() for line in open(sys.argv[3])]
times = sorted(float(r[0]) * 1000 for r in rows)
codes = {r[2] for r in rows}
print(f"| {sys.argv[1]} | {sys.argv[2]} | {int(rows[0][1]):,} | {statistics.median(times):.1f} ms | {times[-1]:.1f} ms | {','.join(sorted(codes))} |")
PY
}

serve() {  # kb folder, label
  local kb="$1" label="$2"
  "$bin" serve --port 0 --kb "$kb" > "$work/address" 2>/dev/null &
  server=$!
  for _ in $(seq 100); do grep -q http "$work/address" 2>/dev/null && break; sleep 0.05; done
  local url; url=$(grep -o 'http://[^ ]*' "$work/address")
  local bead; bead=$(curl -s "${url}api/beads?all=true&limit=1" | python3 -c 'import json,sys; print(json.load(sys.stdin)[0]["id"])')
  measure "$label" "$url" "/ (paste box)"
  measure "$label" "${url}board" "/board"
  measure "$label" "${url}beads/$bead" "/beads/ID"
  measure "$label" "${url}beads/mo-jgo" "/beads/mo-jgo"
  measure "$label" "${url}docs" "/docs"
  measure "$label" "${url}docs/docker-build-devpod.md" "/docs/docker-build-devpod.md"
  measure "$label" "${url}errors" "/errors"
  measure "$label" "${url}api/ready" "/api/ready"
  measure "$label" "${url}api/beads" "/api/beads"
  # The paste box's form carries the session's token, as a browser sends it.
  local token; token=$(curl -s -c "$work/jar" "$url" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
  measure "$label" "${url}fix" "POST /fix (the overlay error)" -b "$work/jar" --data-urlencode "text=$overlay" --data-urlencode "csrf=$token"
  kill "$server"; wait "$server" 2>/dev/null || true; server=""
}

echo "| knowledge base | page | bytes | median | slowest of 20 | status |"
echo "|---|---|---:|---:|---:|---|"
mkdir -p "$work/shipped/beads"
cp -r docs "$work/shipped/"
cp beads/issues.jsonl beads/config.yaml "$work/shipped/beads/"
serve "$work/shipped" "shipped (5 beads, 1 doc)"

n=${SIZE:-10000}
mkdir -p "$work/big"
(cd "$work/big" && "$bin" init --prefix bd >/dev/null)
bench/generate-beads.py "$n" > "$work/big.jsonl"
(cd "$work/big" && "$bin" import "$work/big.jsonl" >/dev/null && "$bin" import "$OLDPWD/beads/issues.jsonl" >/dev/null)
cp -r docs/. "$work/big/docs/"
serve "$work/big" "$n generated beads + shipped"
